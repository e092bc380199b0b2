"""Journal search and drafts: full-text index over notes, autosaved drafts (issue 3).

Adds ``entry_draft`` (unsaved entries kept across a crash or a lock), the FTS5 index
``journal_fts`` over ``journal_entry.note`` with the triggers that keep it in step (built here for
the rows already in the journal), and ``journal_entry.zone_name``: the IANA time zone an entry's
wall-clock time was written in, so entries keep their day and time after the computer's zone
changes ('' for entries written before this revision).

Revision ID: 0005_search_drafts
Revises: 0004_support_network
"""

import sqlalchemy as sa
from alembic import op

from caregiver_app.storage.rows.search import FTS_CREATE, FTS_DROP, FTS_REBUILD, FTS_TRIGGERS
from caregiver_app.storage.types import UTCDateTime

revision = "0005_search_drafts"
down_revision = "0004_support_network"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entry_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_key", sa.String(length=40), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_entry_draft_person_id_person", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_entry_draft"),
        sa.UniqueConstraint("draft_key", name="uq_entry_draft_draft_key"),
    )
    op.create_index("ix_entry_draft_person", "entry_draft", ["person_id"])
    # A plain ADD COLUMN (no table rebuild): rebuilding journal_entry would drop its triggers and,
    # with foreign keys on, cascade-delete the rows that point at it.
    op.add_column(
        "journal_entry", sa.Column("zone_name", sa.String(length=64), nullable=False, server_default="")
    )
    op.execute(FTS_CREATE)
    for statement in FTS_TRIGGERS:
        op.execute(statement)
    op.execute(FTS_REBUILD)


def downgrade() -> None:
    for statement in FTS_DROP:
        op.execute(statement)
    op.drop_column("journal_entry", "zone_name")
    op.drop_index("ix_entry_draft_person", table_name="entry_draft")
    op.drop_table("entry_draft")
