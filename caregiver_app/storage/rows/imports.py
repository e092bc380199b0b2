"""ORM table of the imports made into the vault (issue 18): one row per import, so a whole import
can be shown afterwards and undone. Created by migration ``0008_everyday``.

Each entry an import added carries the import's id in ``journal_entry.import_batch_id``.
Instants are UTC (``UTCDateTime``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UTCDateTime
from .base import Base


class ImportBatchRow(Base):
    __tablename__ = "import_batch"
    __table_args__ = (Index("ix_import_batch_person", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    # The kind of file ("daylio", "bearable", "csv", ...) and the name the user chose (kept only
    # here, inside the encrypted database).
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    # What the import did, as shown in its result summary (JSON: counts, skipped lines, mapping).
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    new_entries: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # Set when the user undid the whole import (its entries are gone; the row stays as a record).
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
