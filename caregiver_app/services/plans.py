"""A person's own plans: read and save the relapse-prevention plan (WRAP) and the safety plan
(Stanley–Brown); print the safety plan on one page and the relapse-prevention plan on as many
pages as it needs.

Each call is one unit of work on the vault and returns plain dataclasses from
:mod:`caregiver_app.domain.plans`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .. import i18n
from ..domain import crisis_lines
from ..domain.crisis_lines import CrisisLine
from ..domain.plans import RelapsePlan, SafetyPlan, SafetyPlanPrint
from ..i18n import N_, _
from ..reports.formatting import ReportFormat, in_language
from ..storage.repos import people as people_repo
from ..storage.repos import plans as plans_repo
from .clock import Clock, utc_now
from .user_files import save_export
from .vault import Vault, session_of


def get_relapse_plan(vault: Vault, person_id: int) -> RelapsePlan:
    """The person's relapse-prevention plan; an empty plan (``updated_at`` None) when none was
    saved. Raises :class:`NotFoundError` when the person is no longer in the vault."""
    with session_of(vault) as s:
        people_repo.get_person_row(s, person_id)
        return plans_repo.get_relapse_plan(s, person_id)


def save_relapse_plan(vault: Vault, plan: RelapsePlan, *, clock: Clock = utc_now) -> RelapsePlan:
    """Replace the person's relapse-prevention plan with ``plan`` and return it as stored (with
    ``updated_at``, a UTC instant). Raises :class:`NotFoundError` for a person no longer there."""
    with session_of(vault) as s:
        people_repo.get_person_row(s, plan.person_id)
        plans_repo.save_relapse_plan(s, plan, clock())
        return plans_repo.get_relapse_plan(s, plan.person_id)


def get_safety_plan(vault: Vault, person_id: int) -> SafetyPlan:
    """The person's safety plan; an empty plan (``updated_at`` None) when none was saved. Raises
    :class:`NotFoundError` when the person is no longer in the vault."""
    with session_of(vault) as s:
        people_repo.get_person_row(s, person_id)
        return plans_repo.get_safety_plan(s, person_id)


def save_safety_plan(vault: Vault, plan: SafetyPlan, *, clock: Clock = utc_now) -> SafetyPlan:
    """Replace the person's safety plan with ``plan`` and return it as stored. Raises
    :class:`NotFoundError` for a person no longer in the vault."""
    with session_of(vault) as s:
        people_repo.get_person_row(s, plan.person_id)
        plans_repo.save_safety_plan(s, plan, clock())
        return plans_repo.get_safety_plan(s, plan.person_id)


def safety_plan_filename(today: date) -> str:
    """A generic file name with no names in it, e.g. ``safety-plan-2026-11-30.pdf``."""
    return f"safety-plan-{today.isoformat()}.pdf"


def safety_plan_print(
    vault: Vault,
    person_id: int,
    *,
    country: str,
    country_name: str,
    user_lines: Iterable[CrisisLine] = (),
    today: date,
) -> SafetyPlanPrint:
    """What the printed safety plan shows: the saved plan, the person's name, and the crisis and
    emergency numbers of ``country`` (built-in and ``user_lines``). ``today`` is the local date
    printed on the page."""
    mine = list(user_lines)
    with session_of(vault) as s:
        person = people_repo.person_from_row(people_repo.get_person_row(s, person_id))
        plan = plans_repo.get_safety_plan(s, person_id)
    lines = [line for line in crisis_lines.lines_for(country, mine) if line.kind is not crisis_lines.LineKind.SUPPORT]
    return SafetyPlanPrint(
        person_name=person.display_name,
        plan=plan,
        country_name=country_name,
        lines=tuple(lines),
        emergency_known=bool(crisis_lines.emergency_lines(country, mine)),
        printed_on=today,
    )


def write_safety_plan_pdf(data: SafetyPlanPrint, path: Path, *, paper: str = "letter",
                          fmt: ReportFormat | None = None, language: str = "", country: str = "") -> Path:
    """Build the one-page safety plan PDF and write it to ``path`` atomically (a half-written file
    never takes the name; ``.pdf`` is added when missing). ``paper`` is ``"letter"`` or ``"a4"``; ``fmt`` the locale and hour cycle of its dates.
    ``language`` (``""``: the window's) is the page's language, its dates written for that
    language in ``country``; gather ``data`` (:func:`safety_plan_print`) inside
    ``i18n.document_language`` of the same language so the crisis lines' words match.
    Raises :class:`ValidationError` in plain words when the place cannot be written."""
    from reportlab.lib.pagesizes import A4, LETTER

    from ..reports.safety_plan import build_safety_plan_pdf  # reportlab loads only when printing

    pagesize = A4 if paper == "a4" else LETTER
    code = i18n.normalise(language) or i18n.process_language()
    shown = in_language(fmt or ReportFormat(), code, country) if i18n.normalise(language) else fmt

    def build(fh) -> None:
        with i18n.document_language(code):  # in the thread that writes
            build_safety_plan_pdf(data, fh, pagesize=pagesize, fmt=shown)

    return save_export(path, build, what=N_("the safety plan"), suffix=".pdf")


def relapse_plan_filename(today: date) -> str:
    """A generic file name with no names in it, e.g. ``staying-well-plan-2026-11-30.pdf``."""
    return f"staying-well-plan-{today.isoformat()}.pdf"


def write_relapse_plan_pdf(vault: Vault, person_id: int, path: Path, *, today: date, paper: str = "letter",
                           fmt: ReportFormat | None = None) -> Path:
    """Print the person's saved relapse-prevention plan as a PDF written to ``path`` atomically
    (a half-written file never takes the name; ``.pdf`` is added when missing). ``today`` is the
    local date printed on it; ``paper`` is ``"letter"`` or ``"a4"``; ``fmt`` the locale and hour
    cycle of its dates. Raises :class:`NotFoundError` for a person no longer in the vault and
    :class:`ValidationError` in plain words when the place cannot be written."""
    from reportlab.lib.pagesizes import A4, LETTER

    from ..reports.relapse_plan import build_relapse_plan_pdf  # reportlab loads only when printing

    with session_of(vault) as s:
        person = people_repo.person_from_row(people_repo.get_person_row(s, person_id))
        plan = plans_repo.get_relapse_plan(s, person_id)
    pagesize = A4 if paper == "a4" else LETTER
    return save_export(path, lambda fh: build_relapse_plan_pdf(plan, person.display_name, fh, printed_on=today,
                                                               pagesize=pagesize, fmt=fmt),
                       what=N_("the plan for staying well"), suffix=".pdf")
