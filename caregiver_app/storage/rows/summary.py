"""The visit summary's remembered choices (sections, leave-outs, questions), one row per person.
Kept in the encrypted database, never in the settings file: leave-out words are health data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UTCDateTime
from .base import Base


class SummaryChoiceRow(Base):
    __tablename__ = "summary_choice"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


