"""The FHIR bundle and the family's readable journal, from a real vault, read back."""

from __future__ import annotations

import html
import stat
from datetime import UTC, date, datetime

import pytest
from fhir.resources.R4B.bundle import Bundle
from import_fixtures import fixture_bytes

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.domain.model import MoodLevel, SymptomRating
from caregiver_app.domain.scores import Instrument, total_score
from caregiver_app.services import export_fhir, export_readable, import_any, journal, medications, scores
from caregiver_app.services.medications import MedicationDraft

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
PHQ = (1, 2, 0, 3, 1, 1, 2, 0, 1)
GAD = (0, 1, 2, 3, 0, 1, 2)
# The LOINC tables cited in caregiver_app/services/export_fhir.py
PHQ_ITEMS = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"]
GAD_ITEMS = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"]
ANSWER_VALUE = {"LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3}


def clock():
    return NOW


@pytest.fixture
def record(vault, person):
    med = medications.add_medication(
        vault, MedicationDraft(person.id, "Sertraline", 25, "mg", "once a day", reason="low mood",
                               start_date=date(2026, 9, 1), first_dose_from=date(2026, 9, 1)), clock=clock)
    medications.change_dose(vault, med.id, date(2026, 10, 15), 50, "mg", "once a day", "still low", clock=clock)
    draft = journal.EntryDraft(person.id, datetime(2026, 11, 2, 8, 30), mood=MoodLevel.LOW, sleep_hours=6.5,
                               note="Slept badly <script>alert(1)</script>\nthen a walk",
                               symptoms=(SymptomRating("Headache", 6),))
    journal.save_entry(vault, draft, doses=[DoseRecord(med.id, DoseStatus.TAKEN)], clock=clock)
    scores.save_score(vault, scores.ScoreDraft(person.id, Instrument.PHQ9, date(2026, 11, 3), PHQ), clock=clock)
    scores.save_score(vault, scores.ScoreDraft(person.id, Instrument.GAD7, date(2026, 11, 3), GAD), clock=clock)
    import_any.import_file(vault, fixture_bytes("bearable.csv"), person.display_name, "bearable", zone_name="UTC")
    return person


def _by_type(bundle: Bundle, name: str):
    return [e.resource for e in bundle.entry if e.resource.get_resource_type() == name]


def test_bundle_parses_back_with_the_library_and_scores_match(vault, record, tmp_path):
    result = export_fhir.write_fhir(vault, record.id, tmp_path / "record", clock=clock, zone_name="UTC")
    assert result.path.name == "record.json"
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    bundle = Bundle.model_validate_json(result.path.read_bytes())
    assert bundle.type == "collection"
    responses = _by_type(bundle, "QuestionnaireResponse")
    assert [r.questionnaire for r in responses] == ["http://loinc.org/q/44249-1", "http://loinc.org/q/69737-5"]
    phq, gad = responses
    assert [i.linkId for i in phq.item] == PHQ_ITEMS and [i.linkId for i in gad.item] == GAD_ITEMS
    assert tuple(ANSWER_VALUE[i.answer[0].valueCoding.code] for i in phq.item) == PHQ
    totals = {o.code.coding[0].code: o.valueInteger for o in _by_type(bundle, "Observation")
              if o.code.coding[0].system == "http://loinc.org" and o.code.coding[0].code in ("44261-6", "70274-6")}
    assert totals == {"44261-6": total_score(Instrument.PHQ9, PHQ), "70274-6": total_score(Instrument.GAD7, GAD)}
    sleep = [o for o in _by_type(bundle, "Observation") if o.code.coding[0].code == "93832-4"]
    assert sorted(float(o.valueQuantity.value) for o in sleep) == [6.5, 7.5, 9.25]
    assert {o.valueQuantity.code for o in sleep} == {"h"}
    moods = [o for o in _by_type(bundle, "Observation") if o.code.coding[0].system == export_fhir.JOURNAL_SYSTEM]
    assert len(moods) == 1 + 5  # the written entry and the five Bearable moods
    assert any(o.note and o.note[0].text == "Imported as Bearable 2/10" and o.valueInteger == 1 for o in moods)
    statements = _by_type(bundle, "MedicationStatement")
    assert [(str(s.effectivePeriod.start), str(s.effectivePeriod.end) if s.effectivePeriod.end else None,
             float(s.dosage[0].doseAndRate[0].doseQuantity.value), s.status) for s in statements] == [
        ("2026-09-01", "2026-10-14", 25.0, "completed"), ("2026-10-15", None, 50.0, "active")]
    assert result.counts["Patient"] == 1 and result.counts["MedicationStatement"] == 2


def test_readable_journal_has_every_entry_symptom_dose_and_note_escaped(vault, record, tmp_path):
    result = export_readable.write_readable(vault, record.id, tmp_path / "family", clock=clock, zone_name="UTC")
    page = result.path.read_text(encoding="utf-8")
    assert result.path.suffix == ".html" and result.entries == len(
        journal.entries_between(vault, record.id, date(2000, 1, 1), date(2100, 1, 1)))
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert "<script>" not in page and html.escape("<script>alert(1)</script>") in page
    assert "Headache 6/10" in page and "Sertraline taken" in page
    assert "very low (1/5); Bearable 2/10" in page
    assert "from 15 Oct 2026: 50 mg, once a day" in page  # the default report format (international English)
    assert "PHQ-9 11 of 27, moderate" in page
    assert page.count('class="entry"') == result.entries


def test_exports_refuse_a_missing_folder(vault, person, tmp_path):
    with pytest.raises(ValidationError, match="does not exist"):
        export_fhir.write_fhir(vault, person.id, tmp_path / "nope" / "x.json")
    with pytest.raises(ValidationError, match="does not exist"):
        export_readable.write_readable(vault, person.id, tmp_path / "nope" / "x.html")
