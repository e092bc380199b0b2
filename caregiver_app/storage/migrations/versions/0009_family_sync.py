"""Family sync (issue 20): global ids on the shared rows, the triggers that note every change, and
the ``sync_*`` tables.

Adds ``gid`` (a UUID as text, unique) to every shared table (see
``caregiver_app/storage/sync_tables.py``) and fills it for the rows already there, parents before
children: a UUIDv5 of the natural key where two computers may make the same row independently
(symptoms and tags by normalised name, ratings by entry and symptom, ...), else a UUIDv7. Every
existing shared row is noted in ``sync_pending``, so the first batch after joining a family
carries the whole journal. Plain ADD COLUMNs: no table is rebuilt (that would drop the search
triggers and cascade-delete children).

Revision ID: 0009_family_sync
Revises: 0008_everyday
"""

import sqlalchemy as sa
from alembic import op

from caregiver_app.domain.gids import uuid5, uuid7
from caregiver_app.storage.sync_tables import SHARED, drop_trigger_sql, trigger_sql
from caregiver_app.storage.types import UTCDateTime

revision = "0009_family_sync"
down_revision = "0008_everyday"
branch_labels = None
depends_on = None


def _fill_gids(conn, spec) -> None:
    t = spec.table
    natural = "NULL" if spec.natural is None else spec.natural.replace("new.", f"{t}.")
    rows = conn.exec_driver_sql(f"SELECT rowid, {natural} FROM {t} ORDER BY rowid").fetchall()
    taken: set[str] = set()
    updates = []
    for rowid, text in rows:
        gid = uuid5(text) if text is not None else None
        if gid is None or gid in taken:
            gid = uuid7()
        taken.add(gid)
        updates.append((gid, rowid))
    if updates:
        conn.exec_driver_sql(f"UPDATE {t} SET gid = ? WHERE rowid = ?", updates)


def upgrade() -> None:
    op.create_table(
        "sync_pending",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "gid", name="pk_sync_pending"),
    )
    op.create_table("sync_applying", sa.Column("id", sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint("id", name="pk_sync_applying"))
    op.create_table(
        "sync_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("device_name", sa.String(length=120), nullable=False),
        sa.Column("sign_private", sa.LargeBinary(), nullable=False),
        sa.Column("box_private", sa.LargeBinary(), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("clock", sa.Integer(), nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("joined_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_identity"),
    )
    op.create_table(
        "sync_family_key",
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("generation", name="pk_sync_family_key"),
    )
    op.create_table(
        "sync_device",
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("box_public", sa.LargeBinary(), nullable=False),
        sa.Column("removed_at", UTCDateTime(), nullable=True),
        sa.Column("removed_after_seq", sa.Integer(), nullable=True),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_synced_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name="pk_sync_device"),
    )
    op.create_table(
        "sync_version",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("col", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("hlc", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(length=32), nullable=False),
        sa.Column("base", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "gid", "col", name="pk_sync_version"),
    )
    op.create_table(
        "sync_applied_batch",
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("applied_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq", name="pk_sync_applied_batch"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("col", sa.String(length=40), nullable=False),
        sa.Column("other_value", sa.Text(), nullable=False),
        sa.Column("other_hlc", sa.Integer(), nullable=False),
        sa.Column("other_device", sa.String(length=32), nullable=False),
        sa.Column("found_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sync_conflict"),
    )
    op.create_index("ix_sync_conflict_row", "sync_conflict", ["tbl", "gid", "col", "other_hlc", "other_device"],
                    unique=True)
    op.create_table(
        "sync_tombstone",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "gid", name="pk_sync_tombstone"),
    )
    conn = op.get_bind()
    for spec in SHARED:  # parents first: a child's natural id is made of its parents' gids
        op.add_column(spec.table, sa.Column("gid", sa.String(length=36), nullable=True))
        _fill_gids(conn, spec)
        op.create_index(f"ix_{spec.table}_gid", spec.table, ["gid"], unique=True)
        for statement in trigger_sql(spec):
            op.execute(statement)
        conn.exec_driver_sql(
            f"INSERT INTO sync_pending (tbl, gid, deleted) SELECT '{spec.table}', gid, 0 FROM {spec.table}")


def downgrade() -> None:
    for spec in reversed(SHARED):
        for statement in drop_trigger_sql(spec):
            op.execute(statement)
        op.drop_index(f"ix_{spec.table}_gid", table_name=spec.table)
        op.drop_column(spec.table, "gid")
    op.drop_index("ix_sync_conflict_row", table_name="sync_conflict")
    for table in ("sync_tombstone", "sync_conflict", "sync_applied_batch", "sync_version", "sync_device",
                  "sync_family_key", "sync_identity", "sync_applying", "sync_pending"):
        op.drop_table(table)
