"""The journal checked against a person's own early warning signs (their relapse-prevention plan).

An early warning sign linked to a symptom counts on a local calendar date when an entry of that
date rated the symptom (name matched ignoring case) at the sign's ``min_severity`` or more on the
0–10 scale; a sign linked to an activity or stressor counts on a date with an entry carrying that
tag (name matched ignoring case, same kind). Signs not linked to the journal are never counted.
The idea of watching for a person's own "relapse signature" comes from WRAP (Copeland) and the
family relapse-prevention guidance in the research notes (source S13).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.errors import ValidationError
from ..domain.plans import EarlySign, LinkKind, PersonalSignsCheck, RelapsePlan, SignSeen
from ..storage import plans_repo
from ..storage import repositories as repo
from .vault import Vault

RECENT_DAYS = 7
""""This week" on the journal page means the last 7 local dates, today included."""


def _seen(session, person_id: int, plan: RelapsePlan, start: date, end: date) -> list[SignSeen]:
    linked = [s for s in plan.early_signs if s.is_linked]
    symptom_keys = {s.link_name.casefold() for s in linked if s.link_kind is LinkKind.SYMPTOM}
    tag_keys = {(s.link_name.casefold(), s.link_kind.value) for s in linked if s.link_kind is not LinkKind.SYMPTOM}
    symptoms = plans_repo.symptom_days(session, person_id, start, end, symptom_keys)
    tags = plans_repo.tag_days(session, person_id, start, end, tag_keys)
    seen: list[SignSeen] = []
    for sign in linked:
        seen_dates = _dates_for(sign, symptoms, tags)
        if seen_dates:
            seen.append(SignSeen(sign, tuple(sorted(seen_dates))))
    return seen


def _dates_for(sign: EarlySign, symptoms: dict[str, dict[date, int]], tags: dict) -> set[date]:
    if sign.link_kind is LinkKind.SYMPTOM:
        days = symptoms.get(sign.link_name.casefold(), {})
        return {day for day, worst in days.items() if worst >= sign.min_severity}
    assert sign.link_kind is not None
    return set(tags.get((sign.link_name.casefold(), sign.link_kind.value), set()))


def _check_range(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("The end date is before the start date. Please swap them.")


def personal_signs_seen(vault: Vault, person_id: int, start: date, end: date) -> list[SignSeen]:
    """The person's own early warning signs that the journal recorded on local calendar dates
    ``start``..``end`` (inclusive), in the order of their plan, each with the dates it was seen
    (ascending, each date once). Signs never seen, and signs not linked to the journal, are left
    out. An empty list when the person has no plan.

    Raises :class:`ValidationError` when ``end`` is before ``start`` and :class:`NotFoundError`
    when the person is no longer in the vault.
    """
    _check_range(start, end)
    with vault.session() as s:
        repo.get_person_row(s, person_id)
        plan = plans_repo.get_relapse_plan(s, person_id)
        return _seen(s, person_id, plan, start, end)


def check_personal_signs(vault: Vault, person_id: int, start: date, end: date) -> PersonalSignsCheck:
    """Like :func:`personal_signs_seen`, with the counts the journal banner needs: how many of the
    plan's signs are linked to the journal and how many there are in all."""
    _check_range(start, end)
    with vault.session() as s:
        repo.get_person_row(s, person_id)
        plan = plans_repo.get_relapse_plan(s, person_id)
        seen = _seen(s, person_id, plan, start, end)
    return PersonalSignsCheck(
        person_id=person_id,
        start=start,
        end=end,
        seen=tuple(seen),
        linked=sum(1 for sign in plan.early_signs if sign.is_linked),
        total=len(plan.early_signs),
    )


def recent_range(today: date, days: int = RECENT_DAYS) -> tuple[date, date]:
    """``(start, end)``: the ``days`` local dates ending with ``today``."""
    return today - timedelta(days=days - 1), today
