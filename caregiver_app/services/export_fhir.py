"""A FHIR R4 export of one person's record, for a clinic's system (``fhir.resources``' R4B models).

One ``collection`` Bundle holding:

* the ``Patient`` (name and birth date as kept here);
* each PHQ-9 and GAD-7 as a ``QuestionnaireResponse`` (items by their LOINC codes, answers as
  the LOINC answer list LL358-3: LA6568-5 not at all = 0, LA6569-3 several days = 1, LA6570-1
  more than half the days = 2, LA6571-9 nearly every day = 3) plus a total-score ``Observation``
  (PHQ-9 total 44261-6, GAD-7 total 70274-6) whose value is the app's own total;
* each night's sleep as an ``Observation`` of LOINC 93832-4 "Sleep duration" in hours (UCUM h);
* each medication dose period as a ``MedicationStatement`` (its dose, schedule and dates);
* each mood as an ``Observation`` under the app's own code system :data:`JOURNAL_SYSTEM`
  (code ``mood-5``, value 1-5), with the other app's original words as a note when imported.

Codes come from the LOINC tables as used by HL7's Personal Health Record Format IG
(``input/fsh/pghd/valuesets/Observation-ScoredAssessmentScore.fsh``: 44261-6, 70274-6;
``examples/Mind/QuestionnaireResponse-ScoredAssessment-GAD7.fsh``: the GAD-7 items and answer
codes) and LOINC's PHQ-9 panel 44249-1 (items 44250-9 … 44260-8); sleep duration 93832-4.
Every resource is built through the library's models, so a bundle that does not validate is
never written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle

from ..domain import timeutil
from ..domain.medications import Medication
from ..domain.model import JournalEntry, Person
from ..domain.scores import Instrument, ScoreResult
from ..storage.repos import journal as repo
from .clock import Clock, local_zone_name, utc_now
from .export_files import export_path, write_export
from .medications import list_medications
from .people import get_person
from .scores import list_scores
from .vault import Vault, session_of

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
JOURNAL_SYSTEM = "urn:caregiver-companion:journal"
"""The app's own code system for journal values that have no standard code (the 5-point mood)."""

ANSWERS = (("LA6568-5", "Not at all"), ("LA6569-3", "Several days"), ("LA6570-1", "More than half the days"),
           ("LA6571-9", "Nearly every day"))
PANELS = {
    Instrument.PHQ9: ("44249-1", "PHQ-9 quick depression assessment panel",
                      ("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
                       "44260-8"),
                      ("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]")),
    Instrument.GAD7: ("69737-5", "Generalized anxiety disorder 7 item (GAD-7)",
                      ("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"),
                      ("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]")),
}
SLEEP_CODE = ("93832-4", "Sleep duration")
MOOD_CODE = ("mood-5", "Mood on a 5-point scale (1 very low to 5 very good)")
_NAMESPACE = uuid.UUID("6f1b2c1e-6a53-4d7e-9d3a-4a7c0c9e2f10")


@dataclass(frozen=True)
class FhirExport:
    """Where the bundle went and how many resources of each kind it holds."""

    path: Path
    counts: dict[str, int]


def _ref(kind: str, key: object) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{key}')}"


def _coding(system: str, code: str, display: str) -> dict:
    return {"system": system, "code": code, "display": display}


def _patient(person: Person) -> dict:
    resource = {"resourceType": "Patient", "name": [{"text": person.display_name}]}
    if person.birth_date:
        resource["birthDate"] = person.birth_date.isoformat()
    return resource


def _score_resources(score: ScoreResult, patient: str) -> list[tuple[str, dict]]:
    panel, title, items, (total_code, total_display) = PANELS[score.instrument]
    qr_ref = _ref("score", score.id)
    response = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"http://loinc.org/q/{panel}",
        "status": "completed",
        "subject": {"reference": patient},
        "authored": score.taken_on.isoformat(),
        "item": [
            {"linkId": code, "text": topic,
             "answer": [{"valueCoding": _coding(LOINC, *ANSWERS[answer])}]}
            for code, topic, answer in zip(items, score.instrument.topics, score.answers)
        ],
    }
    total = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [_coding(CATEGORY, "survey", "Survey")]}],
        "code": {"coding": [_coding(LOINC, total_code, total_display)], "text": f"{score.instrument.value} total score"},
        "subject": {"reference": patient},
        "effectiveDateTime": score.taken_on.isoformat(),
        "valueInteger": score.total,
        "interpretation": [{"text": score.band.label}],
        "derivedFrom": [{"reference": qr_ref}],
    }
    return [(qr_ref, response), (_ref("score-total", score.id), total)]


def _entry_resources(entry: JournalEntry, patient: str, zone_name: str) -> list[tuple[str, dict]]:
    out = []
    when = entry.wall_clock(timeutil.zone(zone_name)).isoformat(timespec="seconds")
    if entry.mood is not None:
        mood = {
            "resourceType": "Observation",
            "status": "final",
            "code": {"coding": [_coding(JOURNAL_SYSTEM, *MOOD_CODE)], "text": "Mood"},
            "subject": {"reference": patient},
            "effectiveDateTime": when,
            "valueInteger": int(entry.mood),
        }
        if entry.mood_label:
            mood["note"] = [{"text": f"Imported as {entry.mood_label}"}]
        out.append((_ref("mood", entry.id), mood))
    if entry.sleep_hours is not None:
        out.append((_ref("sleep", entry.id), {
            "resourceType": "Observation",
            "status": "final",
            "category": [{"coding": [_coding(CATEGORY, "activity", "Activity")]}],
            "code": {"coding": [_coding(LOINC, *SLEEP_CODE)], "text": "Hours of sleep the night before"},
            "subject": {"reference": patient},
            "effectiveDateTime": entry.local_date.isoformat(),
            "valueQuantity": {"value": entry.sleep_hours, "unit": "h", "system": UCUM, "code": "h"},
        }))
    return out


def _medication_resources(med: Medication, patient: str, today: date) -> list[tuple[str, dict]]:
    out = []
    history = list(med.history)
    for i, change in enumerate(history):
        end = history[i + 1].effective_from - timedelta(days=1) if i + 1 < len(history) else med.stop_date
        period = {"start": change.effective_from.isoformat()}
        if end is not None:
            period["end"] = max(end, change.effective_from).isoformat()
        current = end is None or end >= today
        dosage = {"text": change.text, "asNeededBoolean": med.as_needed,
                  "doseAndRate": [{"doseQuantity": {"value": change.dose.amount, "unit": change.dose.unit}}]}
        statement = {
            "resourceType": "MedicationStatement",
            "status": "active" if current else "completed",
            "medicationCodeableConcept": {"text": med.name},
            "subject": {"reference": patient},
            "effectivePeriod": period,
            "dosage": [dosage],
        }
        if med.reason:
            statement["reasonCode"] = [{"text": med.reason}]
        if change.note:
            statement["note"] = [{"text": change.note}]
        out.append((_ref("dose", f"{med.id}/{change.id}/{i}"), statement))
    return out


def build_bundle(vault: Vault, person_id: int, *, zone_name: str = "", clock: Clock = utc_now) -> Bundle:
    """The person's whole record as a validated R4 ``Bundle`` (type ``collection``). Raises
    :class:`NotFoundError` for a person no longer in the vault."""
    zone_name = zone_name or local_zone_name()
    tz = timeutil.zone(zone_name)
    person = get_person(vault, person_id)
    patient = _ref("patient", person.id)
    with session_of(vault) as s:
        entries = repo.entries_between(s, person_id, date.min, date.max)
    resources: list[tuple[str, dict]] = [(patient, _patient(person))]
    for score in sorted(list_scores(vault, person_id), key=lambda sc: (sc.taken_on, sc.id or 0)):
        resources.extend(_score_resources(score, patient))
    for entry in entries:
        resources.extend(_entry_resources(entry, patient, zone_name))
    today = clock().astimezone(tz).date()
    for med in list_medications(vault, person_id):
        resources.extend(_medication_resources(med, patient, today))
    return Bundle.model_validate({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": clock().isoformat(timespec="seconds"),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in resources],
    })


def default_filename(today: date) -> str:
    """A generic name with no names or health words: ``health-record-2026-12-06.json``."""
    return f"health-record-{today.isoformat()}.json"


def write_fhir(vault: Vault, person_id: int, path: Path, *, zone_name: str = "", clock: Clock = utc_now) -> FhirExport:
    """Write the bundle as JSON to ``path`` (``.json`` added when missing), privately and
    atomically. Raises :class:`ValidationError` for a missing folder, no permission or a full disk."""
    path = export_path(path, ".json")
    bundle = build_bundle(vault, person_id, zone_name=zone_name, clock=clock)
    counts: dict[str, int] = {}
    for item in bundle.entry or []:
        name = item.resource.get_resource_type()
        counts[name] = counts.get(name, 0) + 1
    write_export(path, bundle.model_dump_json(indent=1).encode("utf-8"), "the health record")
    return FhirExport(path, counts)
