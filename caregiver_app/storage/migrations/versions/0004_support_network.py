"""Support network: contacts, support types, ecomap positions, appointments (issue 5).

Revision ID: 0004_support_network
Revises: 0003_warning_signs
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0004_support_network"
down_revision = "0003_warning_signs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
