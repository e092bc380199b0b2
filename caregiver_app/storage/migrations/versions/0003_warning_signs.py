"""Warning signs: relapse-prevention plan, safety plan, crisis numbers (issue 4).

Revision ID: 0003_warning_signs
Revises: 0002_journal_complete
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0003_warning_signs"
down_revision = "0002_journal_complete"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
