"""The safety plan on one printed page: lays out a :class:`~caregiver_app.domain.plans.SafetyPlanPrint`.

The page follows the Stanley–Brown Safety Planning Intervention (Stanley B, Brown GK. Cognitive and
Behavioral Practice 2012;19:256–264): the six steps in order, then reasons for living, with the
crisis and emergency numbers of the chosen country at the top and again under step 5. A step
left empty prints two blank lines to write on by hand.

It always fits one page: the text size steps down from 10.5 pt to 7.5 pt until the plan fits, and
a plan longer than that is scaled down as a whole. Every piece of user text goes through
:mod:`.text` (escaped, printable). The PDF's metadata names the app only: no person, no plan text.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.crisis_lines import LineKind
from ..domain.plans import SafetyPlanPrint, SafetyStep
from ..i18n import N_, _
from . import formatting
from .charts import ACCENT, GRID, RULE
from .fonts import ReportFonts, register_fonts
from .layout import can_print
from .plan_parts import METADATA_APP, meta_line, plan_document
from .plan_parts import PlanStyles as _Styles
from .plan_parts import blank_lines as _blank_lines
from .plan_parts import item_markup as _item_markup
from .plan_parts import label as _label

__all__ = ["build_safety_plan_pdf", "fitted_story", "METADATA_TITLE", "METADATA_APP", "FONT_SIZES"]

METADATA_TITLE = N_("Safety plan")
FONT_SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5)
"""Body text sizes (points) tried in turn until the plan fits on the page."""

TITLE = N_("My safety plan")
FOOTER = N_(
    "Based on the Stanley–Brown Safety Plan (Stanley and Brown, 2012). Keep a copy where you can find it "
    "quickly, and share it with people you trust."
)
STEP_INTRO = N_("When I notice my warning signs, I go through these steps in order until I feel safer.")
BOX_FILL = colors.HexColor("#f2f4f6")


def _crisis_box(data: SafetyPlanPrint, styles: _Styles, width: float) -> Flowable:
    lines = [line for line in data.lines if line.kind is LineKind.EMERGENCY]
    crisis = [line for line in data.lines if line.kind is LineKind.CRISIS]
    rows: list[list[Flowable]] = []
    if lines:
        numbers = [f"<b>{_label(line.number)}</b> ({_label(line.name)})" if line.user_added
                   else f"<b>{_label(line.number)}</b>" for line in lines]
        # TRANSLATORS: joins two or more emergency numbers: "911 or 112".
        joined = _(" or ").join(numbers)
        rows.append([Paragraph(_("If I could die or be badly hurt right now, I call {numbers}.").format(numbers=joined),
                               styles.body)])
    else:
        rows.append([Paragraph(_("If I could die or be badly hurt right now, I call <b>the local emergency "
                                 "number</b>."), styles.body)])
    for line in crisis:
        rows.append([Paragraph(f"<b>{_label(line.name)}:</b> {_label(line.how)}.", styles.body)])
    helpline = _("Find A Helpline lists crisis lines in other countries: findahelpline.com.")
    if data.country_name:
        helpline = _("Numbers for {country}.").format(country=_label(data.country_name)) + " " + helpline
    rows.append([Paragraph(helpline, styles.small)])
    table = Table(rows, colWidths=[width])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
        ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ]))
    return table


def _step_cell(data: SafetyPlanPrint, step: SafetyStep, styles: _Styles, width: float) -> list[Flowable]:
    cell: list[Flowable] = [Paragraph(_label(step.title), styles.step_title)]
    items = data.plan.items(step)
    for item in items:
        cell.append(Paragraph(_item_markup(item), styles.item, bulletText="•"))
    if not items:
        cell += _blank_lines(styles, width)
    if step is SafetyStep.PROFESSIONALS:
        for line in data.lines:
            cell.append(Paragraph(f"{_label(line.name)} — <b>{_label(line.how)}</b>", styles.item, bulletText="•"))
        if not data.emergency_known:
            cell.append(Paragraph(_("The local emergency number, or the nearest emergency room"), styles.item,
                                  bulletText="•"))
    return cell


def _steps(data: SafetyPlanPrint, styles: _Styles, width: float) -> Flowable:
    number_width = styles.size * 3.2
    text_width = width - number_width
    rows = []
    for step in SafetyStep:
        if step is SafetyStep.REASONS:
            continue
        rows.append([Paragraph(str(step.number), styles.number), _step_cell(data, step, styles, text_width - 12)])
    table = Table(rows, colWidths=[number_width, text_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), styles.size * 0.45),
        ("BOTTOMPADDING", (0, 0), (-1, -1), styles.size * 0.55),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (1, 0), (1, -1), 6),
        ("RIGHTPADDING", (1, 0), (1, -1), 6),
    ]))
    return table


def _reasons(data: SafetyPlanPrint, styles: _Styles, width: float) -> Flowable:
    step = SafetyStep.REASONS
    cell: list[Flowable] = [Paragraph(_label(step.title), styles.step_title)]
    items = data.plan.items(step)
    cell += [Paragraph(_item_markup(item), styles.item, bulletText="•") for item in items]
    if not items:
        cell += _blank_lines(styles, width - 16)
    table = Table([[cell]], colWidths=[width])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _story(data: SafetyPlanPrint, fonts: ReportFonts, size: float, width: float) -> list[Flowable]:
    styles = _Styles(fonts, size)
    gap = size * 0.7
    return [
        Paragraph(_(TITLE), styles.title),
        meta_line(styles, data.person_name, data.printed_on, data.plan.updated_at),
        Spacer(1, gap),
        _crisis_box(data, styles, width),
        Spacer(1, gap),
        Paragraph(_(STEP_INTRO), styles.body),
        Spacer(1, gap * 0.4),
        _steps(data, styles, width),
        Spacer(1, gap),
        _reasons(data, styles, width),
        Spacer(1, gap),
        Paragraph(_(FOOTER), styles.small),
    ]


def _height(story: list[Flowable], width: float, height: float) -> float:
    total = 0.0
    for flowable in story:
        _w, h = flowable.wrap(width, height)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def fitted_story(data: SafetyPlanPrint, fonts: ReportFonts, width: float, height: float) -> tuple[float, list[Flowable]]:
    """The plan laid out at the largest of :data:`FONT_SIZES` whose text fits ``width`` x
    ``height`` points (the smallest size when none fits), as ``(size, flowables)``. The visit
    summary uses this to put the plan on a page of its own."""
    # Text height only grows with the size, so halve the range each try.
    low, high = 0, len(FONT_SIZES) - 1
    while low < high:
        middle = (low + high) // 2
        if _height(_story(data, fonts, FONT_SIZES[middle], width), width, height) <= height:
            high = middle
        else:
            low = middle + 1
    return FONT_SIZES[low], _story(data, fonts, FONT_SIZES[low], width)


def build_safety_plan_pdf(data: SafetyPlanPrint, out: BinaryIO, *,
                          pagesize: tuple[float, float] = LETTER,
                          fmt: formatting.ReportFormat | None = None) -> float:
    """Write the safety plan in ``data`` as a one-page PDF to the binary stream ``out``.

    ``pagesize`` is ``(width, height)`` in points (Letter by default, or e.g. A4); ``fmt`` is the
    locale and hour cycle its dates are written in (international English when None). Returns the body text
    size used, in points (below the smallest of :data:`FONT_SIZES` when a very long plan had to be
    scaled down to fit). Never raises because of what the text says.
    """
    with formatting.using(formatting.printable(fmt or formatting.ReportFormat(), can_print(register_fonts()))):
        return _build(data, out, pagesize)


def _build(data: SafetyPlanPrint, out: BinaryIO, pagesize: tuple[float, float]) -> float:
    fonts = register_fonts()
    doc, width, height = plan_document(out, pagesize, _(METADATA_TITLE), fonts)
    chosen, story = fitted_story(data, fonts, width, height)
    scale = 1.0
    needed = _height(story, width, height)
    if needed > height:
        scale = height / needed
    # KeepInFrame guarantees one page even if the estimate above is a little off.
    doc.build([KeepInFrame(width, height, story, mode="shrink")])
    return chosen * scale
