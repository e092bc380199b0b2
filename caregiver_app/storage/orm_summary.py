"""The visit summary's remembered choices (sections, leave-outs, questions), one row per person.
Kept in the encrypted database, never in the settings file: leave-out words are health data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from .orm import Base
from .types import UTCDateTime


class SummaryChoiceRow(Base):
    __tablename__ = "summary_choice"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


def get_choice(session, person_id: int) -> str | None:
    """The saved JSON for the person, or None."""
    row = session.get(SummaryChoiceRow, person_id)
    return row.payload if row is not None else None


def put_choice(session, person_id: int, payload: str, now: datetime) -> None:
    """Save (or replace) the person's JSON."""
    row = session.get(SummaryChoiceRow, person_id)
    if row is None:
        session.add(SummaryChoiceRow(person_id=person_id, payload=payload, saved_at=now))
    else:
        row.payload, row.saved_at = payload, now
