"""Warning signs: relapse-prevention plan, safety plan, crisis numbers (issue 4).

Adds ``warning_plan`` (one relapse-prevention plan and one safety plan per person) and
``warning_plan_item`` (their lines, by section and position). User-added crisis numbers are public
service numbers and live in the settings file, so they need no table.

Revision ID: 0003_warning_signs
Revises: 0002_journal_complete
"""

import sqlalchemy as sa
from alembic import op

from caregiver_app.storage.types import UTCDateTime

revision = "0003_warning_signs"
down_revision = "0002_journal_complete"
branch_labels = None
depends_on = None

_SECTIONS = (
    "triggers", "early_signs", "helps", "avoid", "tell",
    "warning_signs", "coping", "distraction", "helpers", "professionals", "environment", "reasons",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "warning_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(_in("kind", ("relapse", "safety")), name="ck_warning_plan_plan_kind"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_warning_plan_person_id_person", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_warning_plan"),
        sa.UniqueConstraint("person_id", "kind", name="uq_warning_plan_person_id_kind"),
    )
    op.create_table(
        "warning_plan_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("link_kind", sa.String(length=10), nullable=True),
        sa.Column("link_name", sa.String(length=120), nullable=False),
        sa.Column("min_severity", sa.Integer(), nullable=False),
        sa.CheckConstraint(_in("section", _SECTIONS), name="ck_warning_plan_item_section"),
        sa.CheckConstraint(
            "link_kind IS NULL OR " + _in("link_kind", ("symptom", "activity", "stressor")),
            name="ck_warning_plan_item_link_kind",
        ),
        sa.CheckConstraint("min_severity BETWEEN 1 AND 10", name="ck_warning_plan_item_min_severity_range"),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["warning_plan.id"], name="fk_warning_plan_item_plan_id_warning_plan", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_warning_plan_item"),
    )
    op.create_index(
        "ix_warning_plan_item_plan", "warning_plan_item", ["plan_id", "section", "position"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_warning_plan_item_plan", table_name="warning_plan_item")
    op.drop_table("warning_plan_item")
    op.drop_table("warning_plan")
