"""Visit summary data from a real vault, and the PDF made from it read back with pypdf."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

import pytest
from pypdf import PdfReader

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import MoodLevel, Recorder, SymptomRating
from caregiver_app.services import journal, people
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.summary import (
    SummaryRequest,
    build_summary,
    default_filename,
    write_summary_pdf,
)

TRICKY = 'Pain <5 & "<3" <b>'
GREEK, CYRILLIC = "Καλημέρα, νιώθω καλύτερα", "Здравствуйте, спал плохо"


def fixed_clock():
    return datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)


@pytest.fixture
def filled(vault, person):
    def add(day, hour, **kw):
        journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, day, hour, 0), zone_name="America/New_York", **kw))

    add(3, 8, mood=MoodLevel.LOW, note=TRICKY, symptoms=(SymptomRating("Headache", 6),), flag_for_visit=True)
    add(3, 21, mood=MoodLevel.OKAY, recorded_by=Recorder.family("Ana"), note=GREEK, symptoms=(SymptomRating("Headache", 2),))
    add(5, 0, mood=MoodLevel.GOOD, sleep_hours=7.5, note=CYRILLIC, symptoms=(SymptomRating("Fatigue", 4),))
    add(20, 9, mood=MoodLevel.VERY_LOW, note="outside the range")
    people.set_preparer_name(vault, "Ana Rivera")
    return person


def test_summary_numbers(vault, filled):
    data = build_summary(
        vault, SummaryRequest(filled.id, date(2026, 11, 1), date(2026, 11, 14)), zone_name="America/New_York", clock=fixed_clock
    )
    assert (data.person_name, data.prepared_by) == ("Sam Rivera", "Ana Rivera")
    assert data.prepared_at_local.hour == 10  # 15:00 UTC in New York
    assert len(data.days) == 14 and len(data.entries) == 3
    assert [d.mood for d in data.days[2:5]] == [2.5, None, 4.0]
    assert [e.note for e in data.flagged] == [TRICKY]
    assert [e.recorded_by for e in data.entries] == ["Sam Rivera (self)", "Ana (family)", "Sam Rivera (self)"]
    headache, fatigue = data.symptoms
    assert (headache.name, headache.days_present, headache.average, headache.worst) == ("Headache", 1, 4.0, 6)
    assert (fatigue.name, fatigue.days_present, fatigue.worst) == ("Fatigue", 1, 4)
    assert data.entries[2].local_date == date(2026, 11, 5) and data.entries[2].local_time.hour == 0


def test_pdf_prints_each_note_verbatim_under_its_day(vault, filled, tmp_path):
    data = build_summary(vault, SummaryRequest(filled.id, date(2026, 11, 1), date(2026, 11, 14)), zone_name="America/New_York")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    path = write_summary_pdf(data, out_dir / default_filename(date(2026, 11, 30)))
    assert path.name == "visit-summary-2026-11-30.pdf"
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    notes_part = text[text.index("Notes by day"):]
    day3, day5 = notes_part.index("3 Nov 2026"), notes_part.index("5 Nov 2026")
    assert day3 < notes_part.index(TRICKY) < notes_part.index(GREEK) < day5 < notes_part.index(CYRILLIC)
    assert "outside the range" not in text
    assert "Ana (family)" in text
    meta = str(reader.metadata)
    assert "Sam" not in meta and "Ana" not in meta
    assert [p.name for p in out_dir.iterdir()] == [path.name]  # no temporary file left behind


def test_empty_range_and_bad_ranges(vault, filled):
    data = build_summary(vault, SummaryRequest(filled.id, date(2025, 1, 1), date(2025, 1, 31)))
    assert data.is_empty
    out = io.BytesIO()
    from caregiver_app.reports.visit_summary import build_visit_summary_pdf

    build_visit_summary_pdf(data, out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == 1 and "No journal entries in this period." in reader.pages[0].extract_text()
    with pytest.raises(ValidationError, match="before the start"):
        build_summary(vault, SummaryRequest(filled.id, date(2026, 2, 1), date(2026, 1, 1)))


def test_unwritable_folder_is_a_plain_message(vault, filled, tmp_path):
    data = build_summary(vault, SummaryRequest(filled.id, date(2026, 11, 1), date(2026, 11, 14)))
    with pytest.raises(ValidationError, match="does not exist"):
        write_summary_pdf(data, tmp_path / "missing" / "x.pdf")


# --- the packet: every section, fed by the other parts of the app ------------------------------------

import zlib  # noqa: E402
from datetime import time, timedelta  # noqa: E402

from caregiver_app.domain.model import Tag, TagKind  # noqa: E402
from caregiver_app.domain.summary import DEFAULT_SECTIONS, LeaveOut, Section, SummaryChoices  # noqa: E402
from caregiver_app.services.summary import (  # noqa: E402
    last_visit_date,
    leave_out_choices,
    offered_sections,
    summary_pdf_bytes,
)

NY = "America/New_York"
ALL = DEFAULT_SECTIONS | {Section.SAFETY_PLAN, Section.ECOMAP}


def _pdf_text(pdf: bytes) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _all_bytes(pdf: bytes) -> bytes:
    """The raw file plus every content stream inflated, so a search covers what a viewer shows."""
    import re

    out = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return b"\n".join(out)


@pytest.fixture
def packet(vault, person):
    from caregiver_app.domain.network import Contact, Role
    from caregiver_app.domain.plans import EarlySign, LinkKind, PlanItem, RelapsePlan, SafetyPlan
    from caregiver_app.domain.scores import Instrument
    from caregiver_app.services import appointments, medications, plans, scores
    from caregiver_app.services import network as contacts

    clock = fixed_clock
    add = lambda day, **kw: journal.save_entry(  # noqa: E731
        vault, EntryDraft(person.id, datetime(2026, 11, day, 9, 0), zone_name=NY, **kw), clock=clock)
    prev = lambda day, **kw: journal.save_entry(  # noqa: E731
        vault, EntryDraft(person.id, datetime(2026, 10, day, 9, 0), zone_name=NY, **kw), clock=clock)
    for day in (20, 22, 24):
        prev(day, mood=MoodLevel.GOOD, sleep_hours=8, symptoms=(SymptomRating("Headache", 2),))
    add(3, mood=MoodLevel.LOW, sleep_hours=5, symptoms=(SymptomRating("Headache", 7), SymptomRating("Voices", 6)),
        note="Heard Voices at night, scared.", flag_for_visit=True)
    add(5, mood=MoodLevel.VERY_LOW, sleep_hours=4, symptoms=(SymptomRating("Headache", 8),),
        tags=(Tag("court date", TagKind.STRESSOR),), note="PRIVATE-ENTRY-TEXT about the court date")
    add(9, mood=MoodLevel.GOOD, sleep_hours=7, note="Better day, walked to the park.")
    medications.add_medication(vault, medications.MedicationDraft(
        person.id, "Sertraline", 50, "mg", "once a day", start_date=date(2026, 11, 4)), clock=clock)
    scores.save_score(vault, scores.ScoreDraft(person.id, Instrument.PHQ9, date(2026, 10, 20), (1,) * 9), clock=clock)
    scores.save_score(vault, scores.ScoreDraft(person.id, Instrument.PHQ9, date(2026, 11, 10), (2,) * 8 + (1,)),
                      clock=clock)
    plans.save_relapse_plan(vault, RelapsePlan(person.id, early_signs=(
        EarlySign("Headaches keep him up", LinkKind.SYMPTOM, "Headache", 6),
        EarlySign("Hears Voices again", LinkKind.SYMPTOM, "Voices"))), clock=clock)
    plans.save_safety_plan(vault, SafetyPlan(person.id, coping=(PlanItem("Walk the dog around the block"),)),
                           clock=clock)
    doctor = contacts.save_contact(vault, Contact(None, person.id, "Dr. Ana Li", Role.PSYCHIATRIST,
                                                  email="ana.li@example.org"), clock=clock)
    appointments.save_appointment(vault, appointments.AppointmentDraft(
        person.id, date(2026, 11, 2), time(10, 0), NY, contact_id=doctor.id), clock=clock)
    return person


def test_every_section_reads_back(vault, packet):
    assert set(offered_sections()) >= {Section.SCORES, Section.MEDICATIONS, Section.CARE_TEAM,
                                       Section.SAFETY_PLAN, Section.ECOMAP}
    request = SummaryRequest(packet.id, date(2026, 11, 1), date(2026, 11, 30),
                             SummaryChoices(ALL, questions=("Is the new dose right?",)))
    data = build_summary(vault, request, zone_name=NY, clock=fixed_clock)
    assert data.brief.previous.entry_count == 3 and data.brief.current.entry_count == 3
    assert [c.name for c in data.brief.rose] == ["Voices", "Headache"]  # new first, then by size
    assert [s.sign for s in data.warning_signs] == ["Headaches keep him up", "Hears Voices again"]
    phq = data.scores[0]
    assert (phq.score, phq.previous_score, phq.self_harm_item_dates) == (17, 9, (date(2026, 11, 10),))
    pdf = summary_pdf_bytes(data)
    reader = PdfReader(io.BytesIO(pdf))
    first = " ".join(reader.pages[0].extract_text().split())
    for words in ("Compared with 2 Oct – 31 Oct 2026", "What changed, largest change first", "Hardest 7 days",
                  "Headache Self", "Voices Self", "new this period",
                  "Started Sertraline", "Headaches keep him up", "PHQ-9 (",
                  "▲ 8 higher (worse)", "question 9", "Is the new dose right?"):
        assert words in first, words
    text = _pdf_text(pdf)
    for heading in ("Life chart", "Symptoms", "PHQ-9 and GAD-7 scores", "Flagged for this visit",
                    "Notes by day", "Medications", "Care team contacts", "Safety plan", "Ecomap"):
        assert heading in text, heading
    assert "Dr. Ana Li" in text and "ana.li@example.org" in text and "Walk the dog around the block" in text


def test_sections_left_off_are_not_printed(vault, packet):
    request = SummaryRequest(packet.id, date(2026, 11, 1), date(2026, 11, 30),
                             SummaryChoices(frozenset({Section.CHARTS})))
    text = _pdf_text(summary_pdf_bytes(build_summary(vault, request, zone_name=NY)))
    assert "Life chart" in text
    for absent in ("Notes by day", "Care team contacts", "Dr. Ana Li", "Walk the dog", "Flagged for this visit"):
        assert absent not in text


def test_left_out_text_is_nowhere_in_the_file(vault, packet):
    choices = leave_out_choices(vault, packet.id, date(2026, 11, 1), date(2026, 11, 30), zone_name=NY)
    assert choices.symptoms == ("Headache", "Voices") and choices.tags == ("court date",)
    private = next(e for e in choices.entries if e.excerpt.startswith("PRIVATE"))
    leave = LeaveOut(entry_ids=frozenset({private.entry_id}), symptoms=frozenset({"voices"}),
                     tags=frozenset({"Court Date"}))
    request = SummaryRequest(packet.id, date(2026, 11, 1), date(2026, 11, 30),
                             SummaryChoices(ALL, leave_out=leave, questions=("What about the voices?",)))
    data = build_summary(vault, request, zone_name=NY)
    pdf = summary_pdf_bytes(data)
    text, raw = _pdf_text(pdf), _all_bytes(pdf)
    for secret in ("PRIVATE-ENTRY-TEXT", "Voices", "voices", "court date"):
        assert secret.casefold() not in text.casefold(), secret
        assert secret.encode() not in raw, secret
    assert "Heard [left out] at night" in text and "What about the [left out]?" in text
    assert "Headache" in text  # what was not left out still prints
    assert [e.note for e in data.entries].count("PRIVATE-ENTRY-TEXT about the court date") == 0


def test_since_the_last_visit(vault, packet):
    assert last_visit_date(vault, packet.id, date(2026, 11, 30)) == date(2026, 11, 2)
    assert last_visit_date(vault, packet.id, date(2026, 11, 1)) is None


def test_check_ins_of_the_caregiver_never_appear(vault, packet):
    from caregiver_app.services import checkins

    secret = "CAREGIVER-ONLY exhausted and need a night off"
    checkins.save_caregiver_checkin(
        vault,
        checkins.CaregiverCheckinDraft(
            when=datetime(2026, 11, 10, 21, 0), stress=9, sleep_hours=4.0, needs=secret,
            caregiver_name="Ana", zone_name=NY,
        ),
    )
    assert [c.needs for c in checkins.recent_caregiver_checkins(vault)] == [secret]
    request = SummaryRequest(packet.id, date(2026, 11, 1), date(2026, 11, 30), SummaryChoices(ALL))
    pdf = summary_pdf_bytes(build_summary(vault, request, zone_name=NY))
    assert "CAREGIVER-ONLY" not in _pdf_text(pdf)
    assert b"CAREGIVER-ONLY" not in pdf


def test_times_print_as_written_even_after_the_zone_changes(vault, person):
    """An entry written at 23:30 in New York still reads 23:30 on its own day when the summary is
    made on a computer now set to Berlin."""
    journal.save_entry(
        vault, EntryDraft(person.id, datetime(2026, 11, 3, 23, 30), zone_name="America/New_York", note="late")
    )
    data = build_summary(
        vault, SummaryRequest(person.id, date(2026, 11, 1), date(2026, 11, 5)), zone_name="Europe/Berlin"
    )
    (entry,) = data.entries
    assert (entry.local_date, entry.local_time.hour, entry.local_time.minute) == (date(2026, 11, 3), 23, 30)


def test_stressors_print_as_stressors_and_activities_as_activities(vault, person):
    from caregiver_app.domain.model import Tag, TagKind

    journal.save_entry(vault, EntryDraft(
        person.id, datetime(2026, 11, 3, 9, 0), zone_name=NY, note="rough day",
        tags=(Tag("walk", TagKind.ACTIVITY), Tag("bills", TagKind.STRESSOR)),
    ))
    data = build_summary(vault, SummaryRequest(person.id, date(2026, 11, 1), date(2026, 11, 5)), zone_name=NY)
    (entry,) = data.entries
    assert (entry.tags, entry.stressors) == (("walk",), ("bills",))
    text = " ".join(_pdf_text(summary_pdf_bytes(data)).split())
    assert "Activities: walk" in text and "Stressors: bills" in text


def test_a_stopped_medicine_says_so_and_only_the_care_team_is_listed(vault, person):
    from caregiver_app.domain.network import Role
    from caregiver_app.services import medications
    from caregiver_app.services import network as contacts

    medications.add_medication(vault, medications.MedicationDraft(
        person.id, "Quetiapine", amount=25, unit="mg", schedule="at bedtime", reason="sleep",
        start_date=date(2026, 11, 1), stop_date=date(2026, 11, 20),
    ))
    from caregiver_app.domain.network import Contact

    contacts.save_contact(vault, Contact(None, person.id, "Dr. Okafor", role=Role.PSYCHIATRIST))
    contacts.save_contact(vault, Contact(None, person.id, "Aunt Rosa", role=Role.FAMILY))
    no_map = SummaryChoices(frozenset(ALL - {Section.ECOMAP}))  # the ecomap shows everyone, by design
    request = SummaryRequest(person.id, date(2026, 11, 1), date(2026, 11, 30), no_map)
    data = build_summary(vault, request, zone_name=NY)
    (med,) = data.medications
    assert (med.dose, med.how, med.stopped) == ("25 mg", "at bedtime", date(2026, 11, 20))
    assert [c.name for c in data.contacts] == ["Dr. Okafor"]
    text = " ".join(_pdf_text(summary_pdf_bytes(data)).split())
    assert "Stopped 20 Nov 2026" in text and "Aunt Rosa" not in text
