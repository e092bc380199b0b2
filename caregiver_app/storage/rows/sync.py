"""Tables of family sync (issue 20), created by migration ``0009_family_sync``.

* ``sync_pending``: rows changed here since the last batch (filled by triggers, see
  :mod:`caregiver_app.storage.sync_tables`); ``sync_applying``: empty except inside a merge's own
  transaction, so the triggers do not note received changes.
* ``sync_identity``: this computer in the family (one row): ids, its private signing and key
  agreement keys (only ever here, inside the encrypted vault), the shared folder, the clock.
* ``sync_family_key``: the family key of each generation (a removal makes a new one).
* ``sync_device``: every computer in the family, with its public keys and when it last synced.
* ``sync_version``: the newest known value of every field of every shared row, with its hybrid
  logical clock, the computer that wrote it and the clock of the value it replaced (``base``).
* ``sync_applied_batch``: batches merged here, per computer (a batch is merged once).
* ``sync_conflict``: two different edits of one note made without seeing each other; the row
  keeps the newer, this keeps the other until the user chooses.
* ``sync_tombstone``: deleted shared rows, which can be brought back.

Every shared table also gets a ``gid`` column (added here to the tables' metadata, so the model
and the migrated database agree) with a unique index.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..sync_tables import SHARED
from . import appointments, journal, medications, network, people, plans, scores  # noqa: F401  (their tables)
from ..types import UTCDateTime
from .base import Base


class SyncPendingRow(Base):
    __tablename__ = "sync_pending"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    gid: Mapped[str] = mapped_column(String(36), primary_key=True)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class SyncApplyingRow(Base):
    __tablename__ = "sync_applying"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class SyncIdentityRow(Base):
    __tablename__ = "sync_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    family_id: Mapped[str] = mapped_column(String(32), nullable=False)
    device_id: Mapped[str] = mapped_column(String(32), nullable=False)
    device_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    sign_private: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    box_private: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    folder: Mapped[str] = mapped_column(Text, nullable=False)
    clock: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class SyncFamilyKeyRow(Base):
    __tablename__ = "sync_family_key"

    generation: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)


class SyncDeviceRow(Base):
    __tablename__ = "sync_device"

    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    sign_public: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    box_public: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    # Set when the device was removed: its batches numbered after removed_after_seq are refused.
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    removed_after_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SyncVersionRow(Base):
    __tablename__ = "sync_version"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    gid: Mapped[str] = mapped_column(String(36), primary_key=True)
    col: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)  # JSON of the stored SQL value
    hlc: Mapped[int] = mapped_column(Integer, nullable=False)
    device: Mapped[str] = mapped_column(String(32), nullable=False)
    base: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class SyncAppliedBatchRow(Base):
    __tablename__ = "sync_applied_batch"

    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    changes: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class SyncConflictRow(Base):
    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_row", "tbl", "gid", "col", "other_hlc", "other_device", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tbl: Mapped[str] = mapped_column(String(40), nullable=False)
    gid: Mapped[str] = mapped_column(String(36), nullable=False)
    col: Mapped[str] = mapped_column(String(40), nullable=False)
    other_value: Mapped[str] = mapped_column(Text, nullable=False)
    other_hlc: Mapped[int] = mapped_column(Integer, nullable=False)
    other_device: Mapped[str] = mapped_column(String(32), nullable=False)
    found_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SyncTombstoneRow(Base):
    __tablename__ = "sync_tombstone"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    gid: Mapped[str] = mapped_column(String(36), primary_key=True)
    hlc: Mapped[int] = mapped_column(Integer, nullable=False)
    device: Mapped[str] = mapped_column(String(32), nullable=False)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


def _add_gid_columns() -> None:
    for spec in SHARED:
        table = Base.metadata.tables[spec.table]
        if "gid" not in table.c:
            table.append_column(Column("gid", String(36), nullable=True))
            Index(f"ix_{spec.table}_gid", table.c.gid, unique=True)


_add_gid_columns()
