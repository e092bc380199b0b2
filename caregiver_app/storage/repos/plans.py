"""Reading and writing a person's plans, and finding their early warning signs in the journal.

Functions take a ``Session`` that the caller (a service's unit of work) commits or rolls back and
convert between rows and the dataclasses of :mod:`caregiver_app.domain.plans`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from ...domain.plans import EarlySign, LinkKind, PlanItem, RelapsePlan, RelapseSection, SafetyPlan, SafetyStep
from ..rows.journal import EntryRow, EntryTagRow, RatingRow, SymptomRow, TagRow
from ..rows.plans import PlanItemRow, PlanRow

RELAPSE = "relapse"
SAFETY = "safety"


def _plan_row(session: Session, person_id: int, kind: str) -> PlanRow | None:
    return session.scalars(
        select(PlanRow).where(PlanRow.person_id == person_id, PlanRow.kind == kind).options(selectinload(PlanRow.items))
    ).first()


def _by_section(row: PlanRow | None) -> dict[str, list[PlanItemRow]]:
    grouped: dict[str, list[PlanItemRow]] = defaultdict(list)
    if row is not None:
        for item in sorted(row.items, key=lambda i: (i.section, i.position, i.id)):
            grouped[item.section].append(item)
    return grouped


def get_relapse_plan(session: Session, person_id: int) -> RelapsePlan:
    """The person's relapse-prevention plan (an empty one when never saved)."""
    row = _plan_row(session, person_id, RELAPSE)
    grouped = _by_section(row)
    values: dict[str, tuple] = {}
    for section in RelapseSection:
        if section is RelapseSection.EARLY_SIGNS:
            values[section.value] = tuple(
                EarlySign(
                    i.text,
                    LinkKind(i.link_kind) if i.link_kind else None,
                    i.link_name,
                    i.min_severity,
                )
                for i in grouped[section.value]
            )
        else:
            values[section.value] = tuple(PlanItem(i.text, i.phone) for i in grouped[section.value])
    return RelapsePlan(person_id=person_id, updated_at=row.updated_at if row else None, **values)


def get_safety_plan(session: Session, person_id: int) -> SafetyPlan:
    """The person's safety plan (an empty one when never saved)."""
    row = _plan_row(session, person_id, SAFETY)
    grouped = _by_section(row)
    values = {step.value: tuple(PlanItem(i.text, i.phone) for i in grouped[step.value]) for step in SafetyStep}
    return SafetyPlan(person_id=person_id, updated_at=row.updated_at if row else None, **values)


def _replace_items(session: Session, person_id: int, kind: str, rows: list[PlanItemRow], now: datetime) -> None:
    plan = _plan_row(session, person_id, kind)
    if plan is None:
        plan = PlanRow(person_id=person_id, kind=kind, updated_at=now)
        session.add(plan)
    plan.updated_at = now
    plan.items.clear()
    session.flush()
    plan.items.extend(rows)
    session.flush()


def save_relapse_plan(session: Session, plan: RelapsePlan, now: datetime) -> None:
    """Replace the stored relapse-prevention plan of ``plan.person_id`` with ``plan``."""
    rows: list[PlanItemRow] = []
    for section in RelapseSection:
        for position, item in enumerate(plan.items(section)):
            if isinstance(item, EarlySign):
                rows.append(
                    PlanItemRow(
                        section=section.value, position=position, text=item.text, phone="",
                        link_kind=item.link_kind.value if item.link_kind else None,
                        link_name=item.link_name, min_severity=item.min_severity,
                    )
                )
            else:
                rows.append(PlanItemRow(section=section.value, position=position, text=item.text, phone=item.phone,
                                        link_kind=None, link_name="", min_severity=1))
    _replace_items(session, plan.person_id, RELAPSE, rows, now)


def save_safety_plan(session: Session, plan: SafetyPlan, now: datetime) -> None:
    """Replace the stored safety plan of ``plan.person_id`` with ``plan``."""
    rows = [
        PlanItemRow(section=step.value, position=position, text=item.text, phone=item.phone,
                    link_kind=None, link_name="", min_severity=1)
        for step in SafetyStep
        for position, item in enumerate(plan.items(step))
    ]
    _replace_items(session, plan.person_id, SAFETY, rows, now)


# --- the journal, seen through the early warning signs -------------------------------------------


def _entries_in(person_id: int, start: date, end: date) -> tuple:
    """The conditions for the person's journal entries on the local dates ``start``..``end``."""
    return EntryRow.person_id == person_id, EntryRow.local_date >= start, EntryRow.local_date <= end


def symptom_days(
    session: Session, person_id: int, start: date, end: date, name_keys: Iterable[str]
) -> dict[str, dict[date, int]]:
    """For each case-folded symptom name: ``{local date: worst severity that day}`` over the
    person's entries on local dates ``start``..``end`` (inclusive). A name also covers the same
    name with a place after it ("pain" covers "pain (lower back)")."""
    keys = sorted(set(name_keys))
    found: dict[str, dict[date, int]] = {k: {} for k in keys}
    if not keys:
        return found
    matches = or_(SymptomRow.name_key.in_(keys), *(SymptomRow.name_key.startswith(f"{k} (", autoescape=True) for k in keys))
    query = (
        select(SymptomRow.name_key, EntryRow.local_date, func.max(RatingRow.severity))
        .join(RatingRow, RatingRow.symptom_id == SymptomRow.id)
        .join(EntryRow, EntryRow.id == RatingRow.entry_id)
        .where(*_entries_in(person_id, start, end), matches)
        .group_by(SymptomRow.name_key, EntryRow.local_date)
    )
    for name_key, day, worst in session.execute(query):
        for key in keys:
            if name_key == key or (name_key.startswith(f"{key} (") and name_key.endswith(")")):
                found[key][day] = max(found[key].get(day, 0), int(worst))
    return found


def tag_days(
    session: Session, person_id: int, start: date, end: date, tags: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], set[date]]:
    """For each ``(case-folded tag name, kind)``: the local dates in ``start``..``end`` with an
    entry of the person carrying that tag."""
    wanted = set(tags)
    found: dict[tuple[str, str], set[date]] = {k: set() for k in wanted}
    if not wanted:
        return found
    kinds = sorted({kind for _name, kind in wanted})
    query = (
        select(TagRow.name, TagRow.kind, EntryRow.local_date)
        .join(EntryTagRow, EntryTagRow.tag_id == TagRow.id)
        .join(EntryRow, EntryRow.id == EntryTagRow.entry_id)
        .where(*_entries_in(person_id, start, end), TagRow.kind.in_(kinds))
        .distinct()
    )
    for name, kind, day in session.execute(query):
        key = (name.casefold(), kind)
        if key in found:
            found[key].add(day)
    return found
