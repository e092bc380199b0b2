"""The visit summary's sections that other parts of the app feed: medications and missed doses,
PHQ-9/GAD-7 scores, the person's own warning signs, the care team, the safety plan, the ecomap,
and appointments (for "since the last visit").

Nothing here reads the caregiver's own check-ins: they never belong in the person's summary.

Leave-out choices reach these sections too: a left-out symptom or tag is hidden in every text
field (sign texts, medication notes, plan items, contact notes) by :func:`redact_all`, and a
personal warning sign is counted only on days whose remaining entries show it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..domain import phone_numbers
from ..domain.crisis_lines import CrisisLine
from ..domain.medications import DoseStatus
from ..domain.plans import EarlySign, LinkKind
from ..domain.scores import SELF_HARM_ITEM
from ..domain.summary import (
    Adherence,
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
    match_key,
)
from ..domain.summary_changes import miss_cluster
from ..domain.summary_rules import redact
from ..i18n import N_, _
from ..storage.repos import appointments as appointments_repo
from . import medications, plans, scores
from . import network as contacts
from .vault import Vault, session_of

OPTIONAL_SECTIONS: tuple[Section, ...] = (
    Section.SCORES,
    Section.MEDICATIONS,
    Section.CARE_TEAM,
    Section.SAFETY_PLAN,
    Section.ECOMAP,
)


def available_sections() -> tuple[Section, ...]:
    """The optional sections the packet can include, in appendix order."""
    return OPTIONAL_SECTIONS


def last_visit_date(vault: Vault, person_id: int, today: date) -> date | None:
    """The most recent appointment's local date on or before ``today`` (any provider); None
    without one."""
    with session_of(vault) as s:
        days = [r.local_date for r in appointments_repo.appointment_rows(s, person_id) if r.local_date <= today]
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


def _score_results(vault: Vault, person_id: int, start: date, end: date, prev_start: date) -> tuple[ScoreResult, ...]:
    out = []
    for trend in scores.scores_in_period(vault, person_id, start, end):
        latest = trend.latest
        every = scores.list_scores(vault, person_id, trend.instrument)
        in_period = [r for r in every if start <= r.taken_on <= end]
        # "Previous period" means the period of the same length just before this one, never an
        # earlier score from inside this period.
        before = [r for r in every if prev_start <= r.taken_on < start]
        previous = before[-1] if before else None
        history = tuple((r.taken_on, r.total) for r in in_period)
        peak = max(in_period, key=lambda r: (r.total, r.taken_on))
        item9 = tuple((r.taken_on, r.answers[SELF_HARM_ITEM - 1]) for r in in_period
                      if len(r.answers) >= SELF_HARM_ITEM and r.needs_crisis_help)
        out.append(ScoreResult(
            instrument=trend.instrument.value,
            score=latest.total,
            max_score=trend.instrument.max_total,
            taken_on=latest.taken_on,
            band=latest.band.label,
            previous_score=previous.total if previous is not None else None,
            previous_on=previous.taken_on if previous is not None else None,
            history=history,
            self_harm_item_dates=tuple(sorted({r.taken_on for r in trend.flagged if r.needs_crisis_help})),
            peak=peak.total, peak_on=peak.taken_on, peak_band=peak.band.label,
            previous_band=previous.band.label if previous is not None else "",
            item9=item9,
        ))
    return tuple(out)


def _steps(med, start: date, end: date) -> tuple[tuple[date, str], ...]:
    """The dose steps of ``med`` in force at some time in ``start``..``end``."""
    history = list(med.history)
    out = []
    for index, step in enumerate(history):
        until = history[index + 1].effective_from if index + 1 < len(history) else None
        if step.effective_from <= end and (until is None or until > start):
            out.append((step.effective_from, step.text))
    return tuple(out)


_CHANGE_WORDS = {"started": N_("Started"), "dose changed": N_("Dose changed"), "stopped": N_("Stopped")}
"""How each kind of medication change is printed (the enum's values are stored, not shown)."""


def _medication_data(vault: Vault, person_id: int, start: date, end: date) -> dict[str, Any]:
    meds = []
    for med in medications.list_medications(vault, person_id):
        if med.stop_date is not None and med.stop_date < start:
            continue
        started = med.start_date or med.history[0].effective_from
        if started > end:
            continue
        dose = med.dose_on(min(end, med.stop_date or end))
        as_needed = _("as needed")
        needed = as_needed if med.as_needed and as_needed.casefold() not in dose.schedule.casefold() \
            and "as needed" not in dose.schedule.casefold() else ""
        how = ", ".join(part for part in (dose.schedule, needed) if part)
        meds.append(MedicationLine(
            name=med.name,
            dose=dose.dose.text,
            how=how,
            purpose=med.reason,
            since=started,
            stopped=med.stop_date if med.stop_date is not None and med.stop_date <= end else None,
            steps=_steps(med, start, end),
        ))
    changes = tuple(
        MedicationChange(day=c.on, medication=c.medication, change=_(_CHANGE_WORDS.get(c.kind.value, c.kind.value)),
                         detail=" → ".join(p for p in (c.before, c.after) if p) + (f" ({c.note})" if c.note else ""))
        for c in medications.changes_in_period(vault, person_id, start, end)
    )
    missed = tuple(
        MissedDoses(medication=m.medication, missed=m.count, last_missed=m.days[-1] if m.days else None)
        for m in medications.missed_doses_in_period(vault, person_id, start, end)
    )
    return {"medications": tuple(meds), "medication_changes": changes, "missed_doses": missed}


def _adherence(vault: Vault, person_id: int, start: date, end: date) -> tuple[Adherence, ...]:
    out = []
    for name, doses in medications.dose_days_in_period(vault, person_id, start, end):
        taken = {d for d, status in doses if status is DoseStatus.TAKEN}
        missed_days = [d for d, status in doses if status is DoseStatus.MISSED]
        recorded = taken | set(missed_days)
        first, count = miss_cluster(missed_days)
        out.append(Adherence(
            medication=name, taken_days=len(taken), recorded_days=len(recorded), missed=len(missed_days),
            extra=sum(1 for _d, status in doses if status is DoseStatus.EXTRA),
            cluster_start=first, cluster_missed=count, missed_days=tuple(sorted(missed_days)),
            extra_days=tuple(sorted(d for d, status in doses if status is DoseStatus.EXTRA)),
        ))
    return tuple(out)


def _sign_days(sign: EarlySign, entries: Sequence[SummaryEntry]) -> list[date]:
    """The dates the (leave-out filtered) entries show ``sign``, by the rule of
    ``services.warning_signs`` (the journal's weekly check): a linked symptom rated at
    ``min_severity`` or more, or an entry carrying the linked activity or stressor (same kind)."""
    if sign.link_kind is None or not sign.link_name:
        return []
    name = sign.link_name.casefold()
    days = set()
    for e in entries:
        if sign.link_kind is LinkKind.SYMPTOM:
            if any(r.symptom.casefold() == name and r.severity >= sign.min_severity for r in e.symptoms):
                days.add(e.local_date)
        else:
            names = e.stressors if sign.link_kind is LinkKind.STRESSOR else e.tags
            if any(t.casefold() == name for t in names):
                days.add(e.local_date)
    return sorted(days)


def _warning_signs(vault: Vault, person_id: int, entries: Sequence[SummaryEntry],
                   leave_out: LeaveOut) -> tuple[WarningSignSeen, ...]:
    plan = plans.get_relapse_plan(vault, person_id)
    seen = []
    for sign in plan.early_signs:
        if match_key(sign.link_name) in leave_out.words:
            continue
        days = _sign_days(sign, entries)
        if days:
            seen.append(WarningSignSeen(sign=sign.text, days=len(days), last_seen=days[-1]))
    return tuple(seen)


def _care_team(vault: Vault, person_id: int, country: str = "") -> tuple[CareTeamContact, ...]:
    out = []
    home = phone_numbers.resolve_region(country)
    for c in contacts.list_contacts(vault, person_id):
        if not c.clinical:  # family, friends and peers are not the care team; their numbers stay home
            continue
        phones = ", ".join(phone_numbers.format_phone(phone, home) for phone in c.phones)
        out.append(CareTeamContact(
            name=c.name, role=c.role.label, organization=c.organisation, phone=phones, email=c.email,
            note=c.availability,
        ))
    return tuple(out)


def _safety_plan(vault: Vault, person_id: int, today: date, country: str,
                 user_lines: Sequence[CrisisLine]) -> Any:
    if plans.get_safety_plan(vault, person_id).is_empty:
        return None
    return plans.safety_plan_print(
        vault, person_id, country=country, country_name=phone_numbers.region_name(country) if country else "",
        user_lines=user_lines, today=today,
    )


def gather(
    vault: Vault, person_id: int, start: date, end: date, choices: SummaryChoices, *,
    prev_start: date, entries: Sequence[SummaryEntry] = (), today: date | None = None,
    country: str = "", user_lines: Sequence[CrisisLine] = (),
) -> dict[str, Any]:
    """The optional fields of :class:`VisitSummaryData` for ``start``..``end`` (local dates),
    keyed by field name; only sources that exist (and sections chosen) contribute. ``entries``
    are the period's entries with leave-out applied; ``country`` and ``user_lines`` give the
    safety plan's crisis numbers and the phone region."""
    wants = choices.sections
    words = choices.leave_out.words
    found: dict[str, Any] = {}
    found["scores"] = _score_results(vault, person_id, start, end, prev_start)  # page one shows the latest
    found["adherence"] = _adherence(vault, person_id, start, end)
    found.update(_medication_data(vault, person_id, start, end))
    found["warning_signs"] = _warning_signs(vault, person_id, entries, choices.leave_out)
    if Section.MEDICATIONS not in wants:
        found.pop("medications", None)
    if Section.CARE_TEAM in wants:
        found["contacts"] = _care_team(vault, person_id, country)
    if Section.SAFETY_PLAN in wants:
        found["safety_plan"] = _safety_plan(vault, person_id, today or end, country, user_lines)
    if Section.ECOMAP in wants:
        snapshot = contacts.ecomap_snapshot(vault, person_id)
        found["ecomap"] = snapshot if snapshot.nodes else None
    return {key: redact_all(value, words) for key, value in found.items()}
