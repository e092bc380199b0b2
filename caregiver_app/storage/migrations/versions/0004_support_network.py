"""Support network: contacts, support types, ecomap positions, appointments (issue 5).

Revision ID: 0004_support_network
Revises: 0003_warning_signs
"""

import sqlalchemy as sa
from alembic import op

from caregiver_app.storage.types import UTCDateTime

revision = "0004_support_network"
down_revision = "0003_warning_signs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("availability", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("last_in_touch", sa.Date(), nullable=True),
        sa.Column("strength", sa.String(length=10), nullable=False),
        sa.Column("direction", sa.String(length=12), nullable=False),
        sa.Column("map_x", sa.Float(), nullable=True),
        sa.Column("map_y", sa.Float(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("direction IN ('to_person', 'from_person', 'both')", name="ck_contact_direction"),
        sa.CheckConstraint("role IN ('therapist', 'psychiatrist', 'primary_care', 'nurse', 'case_manager', 'pharmacist', 'peer_supporter', 'support_group', 'family', 'friend', 'neighbour', 'faith_community', 'community_program', 'online_group', 'crisis_line', 'other')", name="ck_contact_role"),
        sa.CheckConstraint("strength IN ('strong', 'moderate', 'tenuous', 'stressful')", name="ck_contact_strength"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_contact_person_id_person", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_contact")
    )
    op.create_index("ix_contact_person", "contact", ["person_id"], unique=False)
    op.create_table("appointment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("zone_name", sa.String(length=64), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("video_link", sa.Text(), nullable=False),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.Column("notes_after", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("duration_minutes BETWEEN 5 AND 1440", name="ck_appointment_duration_range"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], name="fk_appointment_contact_id_contact", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_appointment_person_id_person", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_appointment")
    )
    op.create_index("ix_appointment_contact", "appointment", ["contact_id"], unique=False)
    op.create_index("ix_appointment_person_start", "appointment", ["person_id", "starts_at"], unique=False)
    op.create_table("contact_phone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("region", sa.String(length=3), nullable=False),
        sa.CheckConstraint("kind IN ('mobile', 'home', 'work', 'other')", name="ck_contact_phone_kind"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], name="fk_contact_phone_contact_id_contact", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_contact_phone")
    )
    op.create_index("ix_contact_phone_contact", "contact_phone", ["contact_id"], unique=False)
    op.create_table("contact_support",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("support_type", sa.String(length=16), nullable=False),
        sa.CheckConstraint("support_type IN ('emotional', 'practical', 'information', 'companionship', 'crisis')", name="ck_contact_support_support_type"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], name="fk_contact_support_contact_id_contact", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id", "support_type", name="pk_contact_support")
    )
    op.create_table("appointment_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("carried_over", sa.Boolean(), nullable=False),
        sa.Column("moved_on", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["appointment_id"], ["appointment.id"], name="fk_appointment_question_appointment_id_appointment", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_appointment_question")
    )
    op.create_index("ix_appointment_question_appointment", "appointment_question", ["appointment_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_appointment_question_appointment", table_name="appointment_question")
    op.drop_table("appointment_question")
    op.drop_table("contact_support")
    op.drop_index("ix_contact_phone_contact", table_name="contact_phone")
    op.drop_table("contact_phone")
    op.drop_index("ix_appointment_person_start", table_name="appointment")
    op.drop_index("ix_appointment_contact", table_name="appointment")
    op.drop_table("appointment")
    op.drop_index("ix_contact_person", table_name="contact")
    op.drop_table("contact")
