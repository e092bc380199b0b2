"""Appointments and the questions to ask at them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..types import UTCDateTime
from .base import Base


class AppointmentRow(Base):
    __tablename__ = "appointment"
    __table_args__ = (
        CheckConstraint("duration_minutes BETWEEN 5 AND 1440", name="duration_range"),
        Index("ix_appointment_person_start", "person_id", "starts_at"),
        Index("ix_appointment_contact", "contact_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), nullable=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    local_date: Mapped[date] = mapped_column(Date, nullable=False)
    zone_name: Mapped[str] = mapped_column(String(64), nullable=False)
    all_day: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    duration_minutes: Mapped[int] = mapped_column(Integer, nullable=False, default=60)
    place: Mapped[str] = mapped_column(Text, nullable=False, default="")
    video_link: Mapped[str] = mapped_column(Text, nullable=False, default="")
    purpose: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    notes_after: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    questions: Mapped[list["AppointmentQuestionRow"]] = relationship(
        back_populates="appointment", cascade="all, delete-orphan", passive_deletes=True,
        order_by="AppointmentQuestionRow.position",
    )


class AppointmentQuestionRow(Base):
    __tablename__ = "appointment_question"
    __table_args__ = (Index("ix_appointment_question_appointment", "appointment_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointment.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    text: Mapped[str] = mapped_column(String(500), nullable=False)
    answered: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    answer: Mapped[str] = mapped_column(Text, nullable=False, default="")
    carried_over: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Set on a question of an earlier visit once it has been moved on to a later one.
    moved_on: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    appointment: Mapped[AppointmentRow] = relationship(back_populates="questions")
