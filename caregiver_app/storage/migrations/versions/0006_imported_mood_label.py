"""The original words of an imported mood (issue 19).

Adds ``journal_entry.mood_label`` (the same column, name and type as the summary branch's
migration adds for the original words of an imported Daylio label, so whichever lands second
drops its own ADD COLUMN): how the other app wrote the mood, with its own scale, e.g.
``"Bearable 2/10"``, ``"iMoodJournal 7/10 (Pretty Good)"`` or ``"Daylio “rad”"``; '' for entries
written in this app. The entry's ``mood`` stays the app's 5-point level; this column keeps the
import honest about where that level came from.

Revision ID: 0006_imported_mood_label
Revises: 0005_search_drafts
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_imported_mood_label"
down_revision = "0005_search_drafts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table rebuild), for the same reason as 0005: a rebuild would drop the
    # search triggers and cascade-delete rows that point at the entries.
    op.add_column(
        "journal_entry",
        sa.Column("mood_label", sa.String(length=120), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("journal_entry", "mood_label")
