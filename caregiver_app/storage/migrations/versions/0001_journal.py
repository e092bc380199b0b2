"""People, journal entries, symptoms, tags and vault settings.

Revision ID: 0001_journal
Revises:
"""

import sqlalchemy as sa
from alembic import op

from caregiver_app.storage.types import UTCDateTime

revision = "0001_journal"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
    )
    op.create_table(
        "symptom",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_key", sa.String(length=120), nullable=False),
        sa.Column("custom", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_symptom"),
        sa.UniqueConstraint("name_key", name="uq_symptom_name_key"),
    )
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.CheckConstraint("kind IN ('activity', 'stressor')", name="ck_tag_tag_kind"),
        sa.PrimaryKeyConstraint("id", name="pk_tag"),
        sa.UniqueConstraint("name", "kind", name="uq_tag_name_kind"),
    )
    op.create_table(
        "vault_setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_vault_setting"),
    )
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", UTCDateTime(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("recorded_by_kind", sa.String(length=10), nullable=False),
        sa.Column("recorded_by_name", sa.String(length=120), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("anxiety", sa.Integer(), nullable=True),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("flag_for_visit", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("import_key", sa.String(length=64), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("mood IS NULL OR mood BETWEEN 1 AND 5", name="ck_journal_entry_mood_range"),
        sa.CheckConstraint("anxiety IS NULL OR anxiety BETWEEN 0 AND 10", name="ck_journal_entry_anxiety_range"),
        sa.CheckConstraint("energy IS NULL OR energy BETWEEN 0 AND 10", name="ck_journal_entry_energy_range"),
        sa.CheckConstraint("sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24", name="ck_journal_entry_sleep_range"),
        sa.CheckConstraint(
            "sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 3", name="ck_journal_entry_sleep_quality_range"
        ),
        sa.CheckConstraint("recorded_by_kind IN ('person', 'family')", name="ck_journal_entry_recorder_kind"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_journal_entry_person_id_person", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_journal_entry"),
        sa.UniqueConstraint("person_id", "import_key", name="uq_journal_entry_person_id_import_key"),
    )
    op.create_index("ix_journal_entry_person_day", "journal_entry", ["person_id", "local_date"])
    op.create_index("ix_journal_entry_person_time", "journal_entry", ["person_id", "occurred_at"])
    op.create_table(
        "symptom_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("symptom_id", sa.Integer(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("severity BETWEEN 0 AND 10", name="ck_symptom_rating_severity_range"),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["journal_entry.id"], name="fk_symptom_rating_entry_id_journal_entry", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["symptom_id"], ["symptom.id"], name="fk_symptom_rating_symptom_id_symptom", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_symptom_rating"),
        sa.UniqueConstraint("entry_id", "symptom_id", name="uq_symptom_rating_entry_id_symptom_id"),
    )
    op.create_index("ix_symptom_rating_symptom", "symptom_rating", ["symptom_id"])
    op.create_table(
        "entry_tag",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["journal_entry.id"], name="fk_entry_tag_entry_id_journal_entry", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], name="fk_entry_tag_tag_id_tag", ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("entry_id", "tag_id", name="pk_entry_tag"),
    )
    op.create_index("ix_entry_tag_tag", "entry_tag", ["tag_id"])


def downgrade() -> None:
    for index, table in (
        ("ix_entry_tag_tag", "entry_tag"),
        ("ix_symptom_rating_symptom", "symptom_rating"),
        ("ix_journal_entry_person_time", "journal_entry"),
        ("ix_journal_entry_person_day", "journal_entry"),
    ):
        op.drop_index(index, table_name=table)
    for table in ("entry_tag", "symptom_rating", "journal_entry", "vault_setting", "tag", "symptom", "person"):
        op.drop_table(table)
