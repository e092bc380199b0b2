"""Scored questionnaires (PHQ-9, GAD-7, ...) saved for a person."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UTCDateTime
from .base import Base


class ScoreRow(Base):
    __tablename__ = "score_result"
    __table_args__ = (
        CheckConstraint("instrument IN ('PHQ-9', 'GAD-7')", name="instrument"),
        CheckConstraint(
            "(instrument = 'PHQ-9' AND length(answers) = 9) OR (instrument = 'GAD-7' AND length(answers) = 7)",
            name="answer_count",
        ),
        CheckConstraint("answers NOT GLOB '*[^0-3]*'", name="answer_range"),
        CheckConstraint("total BETWEEN 0 AND 27", name="total_range"),
        CheckConstraint("recorded_by_kind IN ('person', 'family')", name="recorder_kind"),
        Index("ix_score_result_person_instrument_day", "person_id", "instrument", "taken_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    instrument: Mapped[str] = mapped_column(String(10), nullable=False)
    taken_on: Mapped[date] = mapped_column(Date, nullable=False)
    answers: Mapped[str] = mapped_column(String(9), nullable=False)
    total: Mapped[int] = mapped_column(Integer, nullable=False)
    recorded_by_kind: Mapped[str] = mapped_column(String(10), nullable=False, default="person")
    recorded_by_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    flag_for_visit: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
