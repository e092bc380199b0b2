"""Support-network tables: contacts, their phones and support types, and appointments with their
questions. Instants are UTC (``UTCDateTime``); ``last_in_touch`` and ``local_date`` are local
calendar dates. Created by migration ``0004_support_network``."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.network import PhoneKind, Role, SupportDirection, SupportType, TieStrength
from .orm import Base
from .types import UTCDateTime


def _in(column: str, enum_type) -> str:
    values = ", ".join(f"'{m.value}'" for m in enum_type)
    return f"{column} IN ({values})"


class ContactRow(Base):
    __tablename__ = "contact"
    __table_args__ = (
        CheckConstraint(_in("role", Role), name="role"),
        CheckConstraint(_in("strength", TieStrength), name="strength"),
        CheckConstraint(_in("direction", SupportDirection), name="direction"),
        Index("ix_contact_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    organisation: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    email: Mapped[str] = mapped_column(String(254), nullable=False, default="")
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    availability: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    last_in_touch: Mapped[date | None] = mapped_column(Date, nullable=True)
    strength: Mapped[str] = mapped_column(String(10), nullable=False)
    direction: Mapped[str] = mapped_column(String(12), nullable=False)
    map_x: Mapped[float | None] = mapped_column(Float, nullable=True)
    map_y: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    phones: Mapped[list["ContactPhoneRow"]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True,
        order_by="ContactPhoneRow.position",
    )
    support: Mapped[list["ContactSupportRow"]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True
    )


class ContactPhoneRow(Base):
    __tablename__ = "contact_phone"
    __table_args__ = (
        CheckConstraint(_in("kind", PhoneKind), name="kind"),
        Index("ix_contact_phone_contact", "contact_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    number: Mapped[str] = mapped_column(String(32), nullable=False)
    region: Mapped[str] = mapped_column(String(3), nullable=False, default="")

    contact: Mapped[ContactRow] = relationship(back_populates="phones")


class ContactSupportRow(Base):
    __tablename__ = "contact_support"
    __table_args__ = (CheckConstraint(_in("support_type", SupportType), name="support_type"),)

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    support_type: Mapped[str] = mapped_column(String(16), primary_key=True)

    contact: Mapped[ContactRow] = relationship(back_populates="support")


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
