"""The caregiver's own check-ins: how the caregiver is doing (never part of a person's journal)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UTCDateTime
from .base import Base


class CaregiverCheckinRow(Base):
    """The caregiver's own check-in. Deliberately not linked to any person cared for: it is the
    caregiver's record, never part of a person's journal or visit summary."""

    __tablename__ = "caregiver_checkin"
    __table_args__ = (
        CheckConstraint("stress BETWEEN 0 AND 10", name="stress_range"),
        CheckConstraint("sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24", name="sleep_range"),
        CheckConstraint("sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 3", name="sleep_quality_range"),
        Index("ix_caregiver_checkin_day", "local_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    local_date: Mapped[date] = mapped_column(Date, nullable=False)
    caregiver_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    stress: Mapped[int] = mapped_column(Integer, nullable=False)
    sleep_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    sleep_quality: Mapped[int | None] = mapped_column(Integer, nullable=True)
    needs: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
