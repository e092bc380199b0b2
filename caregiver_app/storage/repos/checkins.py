"""Queries for the caregiver's own check-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.checkins import CaregiverCheckin
from ...domain.errors import NotFoundError
from ...domain.model import SleepQuality
from ..rows.checkins import CaregiverCheckinRow


def checkin_from_row(row: CaregiverCheckinRow) -> CaregiverCheckin:
    return CaregiverCheckin(
        id=row.id,
        occurred_at=row.occurred_at,
        local_date=row.local_date,
        stress=row.stress,
        sleep_hours=row.sleep_hours,
        sleep_quality=SleepQuality(row.sleep_quality) if row.sleep_quality is not None else None,
        needs=row.needs,
        caregiver_name=row.caregiver_name,
    )


def _checkin_values(checkin: CaregiverCheckin) -> dict:
    return {
        "occurred_at": checkin.occurred_at,
        "local_date": checkin.local_date,
        "caregiver_name": checkin.caregiver_name,
        "stress": checkin.stress,
        "sleep_hours": checkin.sleep_hours,
        "sleep_quality": int(checkin.sleep_quality) if checkin.sleep_quality is not None else None,
        "needs": checkin.needs,
    }


def insert_checkin(session: Session, checkin: CaregiverCheckin, now: datetime) -> int:
    row = CaregiverCheckinRow(**_checkin_values(checkin), created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    return row.id


def update_checkin(session: Session, checkin: CaregiverCheckin, now: datetime) -> None:
    row = session.get(CaregiverCheckinRow, checkin.id)
    if row is None:
        raise NotFoundError("That check-in is no longer saved.")
    for key, value in _checkin_values(checkin).items():
        setattr(row, key, value)
    row.updated_at = now
    session.flush()


def get_checkin(session: Session, checkin_id: int) -> CaregiverCheckin:
    row = session.get(CaregiverCheckinRow, checkin_id)
    if row is None:
        raise NotFoundError("That check-in is no longer saved.")
    return checkin_from_row(row)


def delete_checkin(session: Session, checkin_id: int) -> None:
    row = session.get(CaregiverCheckinRow, checkin_id)
    if row is None:
        raise NotFoundError("That check-in is no longer saved.")
    session.delete(row)
    session.flush()


def recent_checkins(session: Session, limit: int) -> list[CaregiverCheckin]:
    rows = session.scalars(
        select(CaregiverCheckinRow)
        .order_by(CaregiverCheckinRow.local_date.desc(), CaregiverCheckinRow.occurred_at.desc(), CaregiverCheckinRow.id.desc())
        .limit(limit)
    )
    return [checkin_from_row(r) for r in rows]
