"""Support-network tables: contacts, their phones and support types, and appointments with their
questions. Instants are UTC (``UTCDateTime``); ``last_in_touch`` and ``local_date`` are local
calendar dates. Created by migration ``0004_support_network``."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.network import PhoneKind, Role, SupportDirection, SupportType, TieStrength
from ..types import UTCDateTime
from .base import Base


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


