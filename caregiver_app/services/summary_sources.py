"""The visit summary's sections that other parts of the app feed: medications and missed doses,
PHQ-9/GAD-7 scores, the person's own warning signs, the care team, the safety plan, the ecomap,
and appointments (for "since the last visit").

Each source is looked up when a summary is made. Until a part of the app exists, its section is
not offered and its fields stay empty. Nothing here reads the caregiver's own check-ins: they
never belong in the person's summary.

Leave-out choices reach these sections too: a left-out symptom or tag is hidden in every text
field (sign texts, medication notes, plan items, contact notes) by :func:`redact_all`, and a
personal warning sign is counted only on days whose remaining entries show it.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..domain.summary import (
    CareTeamContact,
    LeaveOut,
    MedicationChange,
    MedicationLine,
    MissedDoses,
    ScoreResult,
    Section,
    SummaryChoices,
    SummaryEntry,
    WarningSignSeen,
)
from ..domain.summary_rules import redact
from .vault import Vault


def _module(name: str, *needs: str):
    """``caregiver_app.<name>`` when it exists and has every attribute in ``needs``, else None."""
    full = f"caregiver_app.{name}"
    try:
        if importlib.util.find_spec(full) is None:
            return None
        module = importlib.import_module(full)
    except ImportError:
        return None
    return module if all(hasattr(module, n) for n in needs) else None


def _medications():
    return _module("services.medications", "list_medications", "changes_in_period", "missed_doses_in_period")


def _scores():
    return _module("services.scores", "scores_in_period")


def _plans():
    return _module("services.plans", "get_relapse_plan", "safety_plan_print", "get_safety_plan")


def _contacts():
    return _module("services.contacts", "list_contacts", "ecomap_snapshot")


def _appointments():
    return _module("storage.network_repo", "appointment_rows")


def available_sections() -> tuple[Section, ...]:
    """The optional sections whose source exists in this installation, in appendix order."""
    found = []
    if _scores():
        found.append(Section.SCORES)
    if _medications():
        found.append(Section.MEDICATIONS)
    if _contacts():
        found.append(Section.CARE_TEAM)
    if _plans() and _module("reports.safety_plan"):
        found.append(Section.SAFETY_PLAN)
    if _contacts() and _module("reports.ecomap_drawing", "build_ecomap_drawing"):
        found.append(Section.ECOMAP)
    return tuple(found)


def last_visit_date(vault: Vault, person_id: int, today: date) -> date | None:
    """The most recent appointment's local date on or before ``today`` (any provider); None
    without one, or where this app has no appointments."""
    repo = _appointments()
    if repo is None:
        return None
    with vault.session() as s:
        days = [r.local_date for r in repo.appointment_rows(s, person_id) if r.local_date <= today]
    return max(days) if days else None


# --- leave-out everywhere ---------------------------------------------------------------------------


def redact_all(value: Any, words: frozenset[str]) -> Any:
    """``value`` with every string inside it (through dataclasses, tuples and lists) redacted;
    anything else unchanged. Frozen dataclasses are rebuilt with :func:`dataclasses.replace`."""
    if not words:
        return value
    if isinstance(value, str):
        return redact(value, words)
    if isinstance(value, tuple):
        return tuple(redact_all(v, words) for v in value)
    if isinstance(value, list):
        return [redact_all(v, words) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = redact_all(old, words)
            if new is not old and new != old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


# --- the sources ----------------------------------------------------------------------------------


def _score_results(vault: Vault, person_id: int, start: date, end: date) -> tuple[ScoreResult, ...]:
    module = _scores()
    if module is None:
        return ()
    out = []
    for trend in module.scores_in_period(vault, person_id, start, end):
        latest, previous = trend.latest, trend.previous
        band = getattr(latest, "band", "")
        band = band.label if hasattr(band, "label") else str(band or "")
        history = ()
        if hasattr(module, "list_scores"):
            history = tuple((r.taken_on, r.total) for r in module.list_scores(vault, person_id, trend.instrument)
                            if start <= r.taken_on <= end)
        out.append(ScoreResult(
            instrument=trend.instrument.value,
            score=latest.total,
            max_score=trend.instrument.max_total,
            taken_on=latest.taken_on,
            band=band,
            previous_score=previous.total if previous is not None else None,
            previous_on=previous.taken_on if previous is not None else None,
            history=history,
            self_harm_item_dates=tuple(sorted({r.taken_on for r in getattr(trend, "flagged", ())
                                               if getattr(r, "needs_crisis_help", False)})),
        ))
    return tuple(out)


def _medication_data(vault: Vault, person_id: int, start: date, end: date) -> dict[str, Any]:
    module = _medications()
    if module is None:
        return {}
    meds = []
    for med in module.list_medications(vault, person_id):
        if med.stop_date is not None and med.stop_date < start:
            continue
        started = med.start_date or (med.history[0].effective_from if med.history else None)
        if started is not None and started > end:
            continue
        dose = med.dose_on(min(end, med.stop_date or end)) if hasattr(med, "dose_on") else None
        meds.append(MedicationLine(
            name=med.name,
            dose=getattr(dose, "text", "") if dose is not None else "",
            how="as needed" if getattr(med, "as_needed", False) else "",
            purpose=getattr(med, "reason", ""),
            since=started,
        ))
    changes = tuple(
        MedicationChange(day=c.on, medication=c.medication, change=c.kind.value.capitalize(),
                         detail=" → ".join(p for p in (c.before, c.after) if p) + (f" ({c.note})" if c.note else ""))
        for c in module.changes_in_period(vault, person_id, start, end)
    )
    missed = tuple(
        MissedDoses(medication=m.medication, missed=m.count, last_missed=m.days[-1] if m.days else None)
        for m in module.missed_doses_in_period(vault, person_id, start, end)
    )
    return {"medications": tuple(meds), "medication_changes": changes, "missed_doses": missed}


def _sign_days(sign, entries: Sequence[SummaryEntry]) -> list[date]:
    """The dates the journal shows ``sign`` (rules of ``services.warning_signs``: a linked
    symptom rated at ``min_severity`` or more, or a linked tag present)."""
    kind = getattr(getattr(sign, "link_kind", None), "value", "")
    name = (getattr(sign, "link_name", "") or "").casefold()
    if not kind or not name:
        return []
    days = set()
    for e in entries:
        if kind == "symptom":
            if any(r.symptom.casefold() == name and r.severity >= max(1, sign.min_severity) for r in e.symptoms):
                days.add(e.local_date)
        elif any(t.casefold() == name for t in e.tags):
            days.add(e.local_date)
    return sorted(days)


def _warning_signs(vault: Vault, person_id: int, entries: Sequence[SummaryEntry],
                   leave_out: LeaveOut) -> tuple[WarningSignSeen, ...]:
    module = _plans()
    if module is None:
        return ()
    plan = module.get_relapse_plan(vault, person_id)
    seen = []
    for sign in plan.early_signs:
        if (sign.link_name or "").casefold() in leave_out.words:
            continue
        days = _sign_days(sign, entries)
        if days:
            seen.append(WarningSignSeen(sign=sign.text, days=len(days), last_seen=days[-1]))
    return tuple(seen)


def _care_team(vault: Vault, person_id: int) -> tuple[CareTeamContact, ...]:
    module = _contacts()
    if module is None:
        return ()
    out = []
    for c in module.list_contacts(vault, person_id):
        region = getattr(c.phones[0], "region", "") if c.phones else ""
        phones = []
        for phone in c.phones:
            try:
                phones.append(module.format_phone(phone, phone.region or region or "US"))
            except Exception:  # a number that will not format still prints as stored
                phones.append(phone.number)
        out.append(CareTeamContact(
            name=c.name, role=c.role.label if hasattr(c.role, "label") else str(c.role),
            organization=c.organisation, phone=", ".join(phones), email=c.email, note=c.availability,
        ))
    return tuple(out)


def _safety_plan(vault: Vault, person_id: int, today: date) -> Any:
    module = _plans()
    contacts = _contacts()
    if module is None:
        return None
    plan = module.get_safety_plan(vault, person_id)
    if getattr(plan, "is_empty", False):
        return None
    country = contacts.resolve_region() if contacts and hasattr(contacts, "resolve_region") else "US"
    name = contacts.region_name(country) if contacts and hasattr(contacts, "region_name") else country
    return module.safety_plan_print(vault, person_id, country=country, country_name=name, today=today)


def gather(
    vault: Vault, person_id: int, start: date, end: date, choices: SummaryChoices, *,
    prev_start: date, entries: Sequence[SummaryEntry] = (), today: date | None = None,
) -> dict[str, Any]:
    """The optional fields of :class:`VisitSummaryData` for ``start``..``end`` (local dates),
    keyed by field name; only sources that exist (and sections chosen) contribute. ``entries``
    are the period's entries with leave-out applied."""
    wants = choices.sections
    words = choices.leave_out.words
    found: dict[str, Any] = {}
    found["scores"] = _score_results(vault, person_id, start, end)  # page one shows the latest
    found.update(_medication_data(vault, person_id, start, end))
    found["warning_signs"] = _warning_signs(vault, person_id, entries, choices.leave_out)
    if Section.MEDICATIONS not in wants:
        found.pop("medications", None)
    if Section.CARE_TEAM in wants:
        found["contacts"] = _care_team(vault, person_id)
    if Section.SAFETY_PLAN in wants:
        found["safety_plan"] = _safety_plan(vault, person_id, today or end)
    if Section.ECOMAP in wants and _contacts():
        snapshot = _contacts().ecomap_snapshot(vault, person_id)
        found["ecomap"] = snapshot if getattr(snapshot, "nodes", ()) else None
    return {key: redact_all(value, words) for key, value in found.items()}
