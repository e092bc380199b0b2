"""Everyday use (issue 18): search inside unspaced scripts, imports that can be undone, medicine
reminders and supply.

Adds ``journal_fts_tri``, a trigram FTS5 index over ``journal_entry.note`` with its triggers
(built here for the entries already in the journal), so a word inside a Chinese, Japanese or Thai
sentence is found; ``import_batch``, one row per import, and ``journal_entry.import_batch_id``,
the import an entry came from (NULL for entries written in the app and for every entry before
this revision); and on ``medication`` the reminder times of day and the supply on hand
(``reminder_times``, ``supply_on_hand``, ``supply_counted_at``, ``supply_per_dose``, ``refill_at``).

Revision ID: 0008_everyday
Revises: 0007_summary_second_edition
"""

import sqlalchemy as sa
from alembic import op

from caregiver_app.storage.rows.search import TRIGRAM_CREATE, TRIGRAM_DROP, TRIGRAM_REBUILD, TRIGRAM_TRIGGERS
from caregiver_app.storage.types import UTCDateTime

revision = "0008_everyday"
down_revision = "0007_summary_second_edition"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("new_entries", sa.Integer(), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("undone_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_import_batch_person_id_person", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_import_batch"),
    )
    op.create_index("ix_import_batch_person", "import_batch", ["person_id"])
    # Plain ADD COLUMNs (no table rebuild): rebuilding journal_entry would drop its search triggers
    # and, with foreign keys on, cascade-delete the rows that point at it.
    op.add_column("journal_entry", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.create_index("ix_journal_entry_import_batch", "journal_entry", ["import_batch_id"])
    op.add_column(
        "medication", sa.Column("reminder_times", sa.String(length=120), nullable=False, server_default="")
    )
    op.add_column("medication", sa.Column("supply_on_hand", sa.Float(), nullable=True))
    op.add_column("medication", sa.Column("supply_counted_at", UTCDateTime(), nullable=True))
    op.add_column("medication", sa.Column("supply_per_dose", sa.Float(), nullable=True))
    op.add_column("medication", sa.Column("refill_at", sa.Float(), nullable=True))
    op.execute(TRIGRAM_CREATE)
    for statement in TRIGRAM_TRIGGERS:
        op.execute(statement)
    op.execute(TRIGRAM_REBUILD)


def downgrade() -> None:
    for statement in TRIGRAM_DROP:
        op.execute(statement)
    for column in ("refill_at", "supply_per_dose", "supply_counted_at", "supply_on_hand", "reminder_times"):
        op.drop_column("medication", column)
    op.drop_index("ix_journal_entry_import_batch", table_name="journal_entry")
    op.drop_column("journal_entry", "import_batch_id")
    op.drop_index("ix_import_batch_person", table_name="import_batch")
    op.drop_table("import_batch")
