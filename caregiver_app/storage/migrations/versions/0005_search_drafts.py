"""Journal search and drafts: full-text index over notes, autosaved drafts (issue 3).

Revision ID: 0005_search_drafts
Revises: 0004_support_network
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0005_search_drafts"
down_revision = "0004_support_network"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
