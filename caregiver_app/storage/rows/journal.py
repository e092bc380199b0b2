"""ORM tables. Instants are UTC (``UTCDateTime``); ``local_date`` columns are local calendar dates.

The schema is created and changed only by the Alembic migrations in ``migrations/``; a test checks
that these models and the migrated database agree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..types import UTCDateTime
from .base import Base


class EntryRow(Base):
    __tablename__ = "journal_entry"
    __table_args__ = (
        CheckConstraint("mood IS NULL OR mood BETWEEN 1 AND 5", name="mood_range"),
        CheckConstraint("anxiety IS NULL OR anxiety BETWEEN 0 AND 10", name="anxiety_range"),
        CheckConstraint("energy IS NULL OR energy BETWEEN 0 AND 10", name="energy_range"),
        CheckConstraint("sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24", name="sleep_range"),
        CheckConstraint("sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 3", name="sleep_quality_range"),
        CheckConstraint("recorded_by_kind IN ('person', 'family')", name="recorder_kind"),
        UniqueConstraint("person_id", "import_key"),
        Index("ix_journal_entry_person_day", "person_id", "local_date"),
        Index("ix_journal_entry_person_time", "person_id", "occurred_at"),
        Index("ix_journal_entry_import_batch", "import_batch_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    local_date: Mapped[date] = mapped_column(Date, nullable=False)
    recorded_by_kind: Mapped[str] = mapped_column(String(10), nullable=False, default="person")
    recorded_by_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    mood: Mapped[int | None] = mapped_column(Integer, nullable=True)
    anxiety: Mapped[int | None] = mapped_column(Integer, nullable=True)
    energy: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sleep_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    sleep_quality: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    flag_for_visit: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False, default="manual")
    import_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    zone_name: Mapped[str] = mapped_column(String(64), nullable=False, default="", server_default="")
    elevation: Mapped[int | None] = mapped_column(Integer, nullable=True)
    mood_label: Mapped[str] = mapped_column(String(120), nullable=False, default="", server_default="")
    # The import that added the entry (``import_batch.id``; NULL for entries written here). No
    # foreign key: SQLite cannot add one to an existing table without rebuilding it, which would
    # drop the search triggers; undoing an import deletes by this id.
    import_batch_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    ratings: Mapped[list["RatingRow"]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", passive_deletes=True, order_by="RatingRow.position"
    )
    tag_links: Mapped[list["EntryTagRow"]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", passive_deletes=True, order_by="EntryTagRow.position"
    )


class SymptomRow(Base):
    __tablename__ = "symptom"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    name_key: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    custom: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class RatingRow(Base):
    __tablename__ = "symptom_rating"
    __table_args__ = (
        CheckConstraint("severity BETWEEN 0 AND 10", name="severity_range"),
        UniqueConstraint("entry_id", "symptom_id"),
        Index("ix_symptom_rating_symptom", "symptom_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entry.id", ondelete="CASCADE"), nullable=False)
    symptom_id: Mapped[int] = mapped_column(ForeignKey("symptom.id", ondelete="RESTRICT"), nullable=False)
    severity: Mapped[int] = mapped_column(Integer, nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    entry: Mapped[EntryRow] = relationship(back_populates="ratings")
    symptom: Mapped[SymptomRow] = relationship(lazy="joined")


class TagRow(Base):
    __tablename__ = "tag"
    __table_args__ = (
        UniqueConstraint("name", "kind"),
        CheckConstraint("kind IN ('activity', 'stressor')", name="tag_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="activity")


class EntryTagRow(Base):
    __tablename__ = "entry_tag"
    __table_args__ = (Index("ix_entry_tag_tag", "tag_id"),)

    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entry.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="RESTRICT"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    entry: Mapped[EntryRow] = relationship(back_populates="tag_links")
    tag: Mapped[TagRow] = relationship(lazy="joined")


