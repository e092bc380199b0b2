"""Journal, complete: medications, standard scores, check-ins, drafts, full-text search (issue 3).

This revision adds medications with their dose history, doses recorded in journal entries, PHQ-9
and GAD-7 results, and the caregiver's own check-ins (drafts and search come in 0005).

Revision ID: 0002_journal_complete
Revises: 0001_journal
"""

import sqlalchemy as sa
from alembic import op

from caregiver_app.storage.types import UTCDateTime

revision = "0002_journal_complete"
down_revision = "0001_journal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "medication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("prescriber", sa.String(length=120), nullable=False),
        sa.Column("prescriber_contact_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("stop_date", sa.Date(), nullable=True),
        sa.Column("as_needed", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "stop_date IS NULL OR start_date IS NULL OR stop_date >= start_date",
            name="ck_medication_stop_after_start",
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_medication_person_id_person", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_medication"),
    )
    op.create_index("ix_medication_person", "medication", ["person_id"])
    op.create_table(
        "medication_dose_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("medication_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("schedule", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name="ck_medication_dose_change_amount_positive"),
        sa.ForeignKeyConstraint(
            ["medication_id"], ["medication.id"], name="fk_medication_dose_change_medication_id_medication",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_medication_dose_change"),
        sa.UniqueConstraint(
            "medication_id", "effective_from", name="uq_medication_dose_change_medication_id_effective_from"
        ),
    )
    op.create_table(
        "entry_dose",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("medication_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.CheckConstraint("status IN ('taken', 'missed', 'extra')", name="ck_entry_dose_dose_status"),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["journal_entry.id"], name="fk_entry_dose_entry_id_journal_entry", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["medication_id"], ["medication.id"], name="fk_entry_dose_medication_id_medication", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_entry_dose"),
        sa.UniqueConstraint("entry_id", "medication_id", name="uq_entry_dose_entry_id_medication_id"),
    )
    op.create_index("ix_entry_dose_medication", "entry_dose", ["medication_id"])
    op.create_table(
        "score_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=10), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("answers", sa.String(length=9), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("recorded_by_kind", sa.String(length=10), nullable=False),
        sa.Column("recorded_by_name", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("flag_for_visit", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("instrument IN ('PHQ-9', 'GAD-7')", name="ck_score_result_instrument"),
        sa.CheckConstraint(
            "(instrument = 'PHQ-9' AND length(answers) = 9) OR (instrument = 'GAD-7' AND length(answers) = 7)",
            name="ck_score_result_answer_count",
        ),
        sa.CheckConstraint("answers NOT GLOB '*[^0-3]*'", name="ck_score_result_answer_range"),
        sa.CheckConstraint("total BETWEEN 0 AND 27", name="ck_score_result_total_range"),
        sa.CheckConstraint("recorded_by_kind IN ('person', 'family')", name="ck_score_result_recorder_kind"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_score_result_person_id_person", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_score_result"),
    )
    op.create_index(
        "ix_score_result_person_instrument_day", "score_result", ["person_id", "instrument", "taken_on"]
    )
    op.create_table(
        "caregiver_checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", UTCDateTime(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("caregiver_name", sa.String(length=120), nullable=False),
        sa.Column("stress", sa.Integer(), nullable=False),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("stress BETWEEN 0 AND 10", name="ck_caregiver_checkin_stress_range"),
        sa.CheckConstraint("sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24", name="ck_caregiver_checkin_sleep_range"),
        sa.CheckConstraint(
            "sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 3", name="ck_caregiver_checkin_sleep_quality_range"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_caregiver_checkin"),
    )
    op.create_index("ix_caregiver_checkin_day", "caregiver_checkin", ["local_date"])


def downgrade() -> None:
    op.drop_index("ix_caregiver_checkin_day", table_name="caregiver_checkin")
    op.drop_table("caregiver_checkin")
    op.drop_index("ix_score_result_person_instrument_day", table_name="score_result")
    op.drop_table("score_result")
    op.drop_index("ix_entry_dose_medication", table_name="entry_dose")
    op.drop_table("entry_dose")
    op.drop_table("medication_dose_change")
    op.drop_index("ix_medication_person", table_name="medication")
    op.drop_table("medication")
