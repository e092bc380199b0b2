"""Tables of a person's own plans (issue 4): the relapse-prevention plan and the safety plan.

One ``warning_plan`` row per person and kind; its lines live in ``warning_plan_item``, grouped by
section (a :class:`~caregiver_app.domain.plans.RelapseSection` or
:class:`~caregiver_app.domain.plans.SafetyStep` value) and kept in order by ``position``.
``updated_at`` is a UTC instant. Created by migration ``0003_warning_signs``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.plans import LinkKind, RelapseSection, SafetyStep
from ..types import UTCDateTime
from .base import Base

PLAN_KINDS = ("relapse", "safety")
SECTIONS = tuple(s.value for s in RelapseSection) + tuple(s.value for s in SafetyStep)
LINK_KINDS = tuple(k.value for k in LinkKind)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class PlanRow(Base):
    __tablename__ = "warning_plan"
    __table_args__ = (
        UniqueConstraint("person_id", "kind"),
        CheckConstraint(_in("kind", PLAN_KINDS), name="plan_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    items: Mapped[list["PlanItemRow"]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(PlanItemRow.section, PlanItemRow.position)",
    )


class PlanItemRow(Base):
    __tablename__ = "warning_plan_item"
    __table_args__ = (
        CheckConstraint(_in("section", SECTIONS), name="section"),
        CheckConstraint("link_kind IS NULL OR " + _in("link_kind", LINK_KINDS), name="link_kind"),
        CheckConstraint("min_severity BETWEEN 1 AND 10", name="min_severity_range"),
        Index("ix_warning_plan_item_plan", "plan_id", "section", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("warning_plan.id", ondelete="CASCADE"), nullable=False)
    section: Mapped[str] = mapped_column(String(20), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    phone: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    link_kind: Mapped[str | None] = mapped_column(String(10), nullable=True)
    link_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    min_severity: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    plan: Mapped[PlanRow] = relationship(back_populates="items")
