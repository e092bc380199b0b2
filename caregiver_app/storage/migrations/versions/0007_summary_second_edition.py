"""Visit summary, second edition (issue 13): the "elevated / irritable" rating and the summary
choices kept in the vault.

Adds ``journal_entry.elevation`` (none 0, mild 1, moderate 2, severe 3; NULL when not rated),
rated apart from mood as the NIMH life chart and eMoods rate mania apart from depression; and
``summary_choice``, one row per person holding the sections, leave-outs and questions last chosen
for the visit summary (JSON; inside the encrypted database because leave-out words are health
data). The imported mood words (``journal_entry.mood_label``) came with 0006.

Revision ID: 0007_summary_second_edition
Revises: 0006_imported_mood_label
"""

import sqlalchemy as sa
from alembic import op

from caregiver_app.storage.types import UTCDateTime

revision = "0007_summary_second_edition"
down_revision = "0006_imported_mood_label"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table rebuild): rebuilding journal_entry would drop its search triggers.
    op.add_column("journal_entry", sa.Column("elevation", sa.Integer(), nullable=True))
    op.create_table(
        "summary_choice",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_summary_choice_person_id_person", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", name="pk_summary_choice"),
    )


def downgrade() -> None:
    op.drop_table("summary_choice")
    op.drop_column("journal_entry", "elevation")
