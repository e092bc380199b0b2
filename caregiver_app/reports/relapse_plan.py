"""The relapse-prevention plan ("My plan for staying well") as a printed document: lays out a
:class:`~caregiver_app.domain.plans.RelapsePlan`.

The sections follow the Wellness Recovery Action Plan (WRAP; Mary Ellen Copeland, WRAP: Wellness
Recovery Action Plan) in the order the "My plans" page shows them: triggers,
early warning signs, what helps, what to avoid, who to tell. An empty section prints two blank
lines to write on by hand. Unlike the safety plan, which must fit one page, this plan flows onto
as many pages as it needs, each with "Page X of Y" at the foot.

It reuses the safety plan's styles and pieces (:mod:`.plan_parts`). Every piece of user text goes
through :mod:`.text` (escaped, printable, right-to-left lines reordered, fallback fonts for scripts
DejaVu lacks). The PDF's metadata names the app only: no person, no plan text.
"""

from __future__ import annotations

from datetime import date
from typing import BinaryIO

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer

from ..domain.plans import EarlySign, PlanItem, RelapsePlan, RelapseSection
from ..i18n import N_, _
from . import formatting
from .charts import GRID
from .fonts import register_fonts
from .layout import MARGIN, can_print, numbered_canvas
from .plan_parts import PlanStyles, blank_lines, item_markup, label, meta_line, plan_document

__all__ = ["build_relapse_plan_pdf", "METADATA_TITLE", "BODY_SIZE"]

METADATA_TITLE = N_("My plan for staying well")
TITLE = METADATA_TITLE
BODY_SIZE = 10.5
"""Body text size in points."""
INTRO = N_(
    "Most people notice the same small changes before they get unwell. This plan says what mine are "
    "and what I and the people around me can do when they show up. I share it with people I trust."
)
FOOTER = N_(
    "Based on the Wellness Recovery Action Plan (WRAP) by Mary Ellen Copeland. If I might hurt myself "
    "or I am not safe, I use my safety plan or call the local emergency number."
)
SECTION_NOTES = {
    RelapseSection.TRIGGERS: N_("Things around me that can make me feel worse."),
    RelapseSection.EARLY_SIGNS: N_("Small changes in me that often come before I get unwell."),
    RelapseSection.HELPS: N_("What helps me feel steady when I notice a sign."),
    RelapseSection.AVOID: N_("What makes things worse, for me or for the people helping me."),
    RelapseSection.TELL: N_("Who I tell when I notice my signs, and how to reach them."),
}


def _line(item: PlanItem | EarlySign, styles: PlanStyles) -> str:
    if isinstance(item, EarlySign):
        text = label(item.text)
        if item.is_linked:
            link = _("(journal — {link})").format(link=label(item.describe_link()))
            text += f' <font color="#555555" size="{styles.size * 0.85:.1f}">{link}</font>'
        return text
    return item_markup(item)


def _section(plan: RelapsePlan, section: RelapseSection, styles: PlanStyles, heading: ParagraphStyle,
             width: float) -> list[Flowable]:
    top: list[Flowable] = [
        Paragraph(label(section.title), heading),
        HRFlowable(width="100%", thickness=0.5, color=GRID, spaceBefore=1, spaceAfter=styles.size * 0.3),
        Paragraph(_(SECTION_NOTES[section]), styles.small),
        Spacer(1, styles.size * 0.3),
    ]
    lines = [Paragraph(_line(item, styles), styles.item, bulletText="•") for item in plan.items(section)]
    if not lines:
        return [KeepTogether(top + blank_lines(styles, width))]
    # The heading stays with the first line; the other lines may go on to the next page.
    return [KeepTogether(top + lines[:1]), *lines[1:]]


def _story(plan: RelapsePlan, person_name: str, printed_on: date | None, width: float) -> list[Flowable]:
    styles = PlanStyles(register_fonts(), BODY_SIZE)
    heading = ParagraphStyle("section", parent=styles.step_title, fontSize=BODY_SIZE * 1.15,
                             leading=BODY_SIZE * 1.5, spaceBefore=BODY_SIZE * 1.1)
    story: list[Flowable] = [
        Paragraph(_(TITLE), styles.title),
        meta_line(styles, person_name, printed_on, plan.updated_at),
        Spacer(1, BODY_SIZE * 0.7),
        Paragraph(_(INTRO), styles.body),
    ]
    for section in RelapseSection:
        story += _section(plan, section, styles, heading, width)
    story += [Spacer(1, BODY_SIZE * 1.2), Paragraph(_(FOOTER), styles.small)]
    return story


def build_relapse_plan_pdf(plan: RelapsePlan, person_name: str, out: BinaryIO, *, printed_on: date | None = None,
                           pagesize: tuple[float, float] = LETTER,
                           fmt: formatting.ReportFormat | None = None) -> int:
    """Write ``plan`` (``person_name``'s) as a PDF to the binary stream ``out``.

    ``printed_on`` is the local calendar date printed under the title; ``pagesize`` is
    ``(width, height)`` in points (Letter by default, or e.g. A4); ``fmt`` the locale its dates
    are written in (international English when None). Returns the number of pages. Never raises
    because of what the text says.
    """
    fonts = register_fonts()
    with formatting.using(formatting.printable(fmt or formatting.ReportFormat(), can_print(fonts))):
        doc, width, _height = plan_document(out, pagesize, _(METADATA_TITLE), fonts, margin=MARGIN)
        doc.build(_story(plan, person_name, printed_on, width),
                  canvasmaker=numbered_canvas(fonts, float(pagesize[0]), float(pagesize[1]), _(TITLE)))
        return doc.page
