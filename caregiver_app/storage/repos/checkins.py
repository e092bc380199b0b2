"""Queries for the caregiver's own check-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.checkins import CaregiverCheckin
from ...domain.copying import same_fields
from ...domain.model import SleepQuality
from ..rows.checkins import CaregiverCheckinRow
from ...i18n import N_
from .base import delete_row, existing, insert_row, update_row


def checkin_from_row(row: CaregiverCheckinRow) -> CaregiverCheckin:
    return same_fields(
        CaregiverCheckin, row,
        sleep_quality=SleepQuality(row.sleep_quality) if row.sleep_quality is not None else None,
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


_MISSING = N_("That check-in is no longer saved.")


def insert_checkin(session: Session, checkin: CaregiverCheckin, now: datetime) -> int:
    return insert_row(session, CaregiverCheckinRow, _checkin_values(checkin), now)


def update_checkin(session: Session, checkin: CaregiverCheckin, now: datetime) -> None:
    update_row(existing(session, CaregiverCheckinRow, checkin.id, _MISSING), _checkin_values(checkin), now)
    session.flush()


def get_checkin(session: Session, checkin_id: int) -> CaregiverCheckin:
    return checkin_from_row(existing(session, CaregiverCheckinRow, checkin_id, _MISSING))


def delete_checkin(session: Session, checkin_id: int) -> None:
    delete_row(session, CaregiverCheckinRow, checkin_id, _MISSING)


def recent_checkins(session: Session, limit: int) -> list[CaregiverCheckin]:
    rows = session.scalars(
        select(CaregiverCheckinRow)
        .order_by(CaregiverCheckinRow.local_date.desc(), CaregiverCheckinRow.occurred_at.desc(), CaregiverCheckinRow.id.desc())
        .limit(limit)
    )
    return [checkin_from_row(r) for r in rows]
