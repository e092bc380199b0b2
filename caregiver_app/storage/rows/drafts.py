"""Unsaved journal entries kept as drafts (encrypted like everything in the vault)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UTCDateTime
from .base import Base


class DraftRow(Base):
    """An unsaved entry as the editor held it. ``draft_key`` is chosen by the editor (one per
    entry being written), so repeated autosaves overwrite one row. ``payload`` is JSON (see
    ``services.drafts``); ``entry_id`` is the entry being changed, None for a new entry (no
    foreign key: a draft outlives the entry it was for, and is then restored as a new entry)."""

    __tablename__ = "entry_draft"
    __table_args__ = (Index("ix_entry_draft_person", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_key: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    entry_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
