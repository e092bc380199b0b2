"""ORM tables of the complete journal (issue 3): medications with their dose history, doses
recorded in entries, standard scores (PHQ-9, GAD-7) and the caregiver's own check-ins.

Instants are UTC (``UTCDateTime``); ``*_date``/``taken_on``/``effective_from`` are local calendar
dates. Created by migration ``0002_journal_complete``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..types import UTCDateTime
from .base import Base


class MedicationRow(Base):
    __tablename__ = "medication"
    __table_args__ = (
        CheckConstraint("stop_date IS NULL OR start_date IS NULL OR stop_date >= start_date", name="stop_after_start"),
        Index("ix_medication_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    prescriber: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    # A care-team contact, once contacts exist; deliberately no foreign key yet.
    prescriber_contact_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    stop_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    as_needed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Reminders (0008): wall-clock times of day to be reminded, "HH:MM" joined by commas ("" none).
    reminder_times: Mapped[str] = mapped_column(String(120), nullable=False, default="", server_default="")
    # Supply (0008): units on hand (tablets, ml, ...) when last counted and when that was (UTC);
    # units used by one dose (NULL means one); remind to refill at or below this many units.
    supply_on_hand: Mapped[float | None] = mapped_column(Float, nullable=True)
    supply_counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    supply_per_dose: Mapped[float | None] = mapped_column(Float, nullable=True)
    refill_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    changes: Mapped[list["DoseChangeRow"]] = relationship(
        back_populates="medication", cascade="all, delete-orphan", passive_deletes=True,
        order_by="DoseChangeRow.effective_from",
    )


class DoseChangeRow(Base):
    __tablename__ = "medication_dose_change"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        UniqueConstraint("medication_id", "effective_from"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medication.id", ondelete="CASCADE"), nullable=False)
    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
    amount: Mapped[float] = mapped_column(Float, nullable=False)
    unit: Mapped[str] = mapped_column(String(20), nullable=False)
    schedule: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    medication: Mapped[MedicationRow] = relationship(back_populates="changes")


class EntryDoseRow(Base):
    __tablename__ = "entry_dose"
    __table_args__ = (
        CheckConstraint("status IN ('taken', 'missed', 'extra')", name="dose_status"),
        UniqueConstraint("entry_id", "medication_id"),
        Index("ix_entry_dose_medication", "medication_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entry.id", ondelete="CASCADE"), nullable=False)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medication.id", ondelete="CASCADE"), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False)


