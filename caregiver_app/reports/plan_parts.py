"""Layout pieces shared by the printed plans (:mod:`.safety_plan`, :mod:`.relapse_plan`): the text
styles at a chosen size, plan lines as escaped markup, blank lines to write on, and the document
with app-only metadata (no person, no plan text).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from ..domain.plans import PlanItem
from ..i18n import _, language
from .charts import ACCENT, INK, MUTED, RULE
from .fonts import ReportFonts
from .layout import METADATA_APP, format_date
from .text import markup

MARGIN = 0.6 * inch
"""The safety plan's margins: narrow, so one page holds the whole plan."""


class PlanStyles:
    """The paragraph styles of a printed plan with body text of ``size`` points."""

    def __init__(self, fonts: ReportFonts, size: float) -> None:
        lead = size * 1.28
        self.title = ParagraphStyle("title", fontName=fonts.bold, fontSize=size * 1.75, leading=size * 2.1,
                                    textColor=INK, spaceAfter=2)
        self.meta = ParagraphStyle("meta", fontName=fonts.regular, fontSize=size * 0.9, leading=size * 1.15,
                                   textColor=MUTED)
        self.body = ParagraphStyle("body", fontName=fonts.regular, fontSize=size, leading=lead, textColor=INK)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName=fonts.bold)
        self.step_title = ParagraphStyle("step", parent=self.body, fontName=fonts.bold, textColor=ACCENT,
                                         spaceAfter=size * 0.15)
        self.item = ParagraphStyle("item", parent=self.body, leftIndent=size * 0.9, bulletIndent=0,
                                   bulletFontName=fonts.regular)
        self.number = ParagraphStyle("number", fontName=fonts.bold, fontSize=size * 1.5, leading=size * 1.7,
                                     textColor=ACCENT, alignment=1)
        self.small = ParagraphStyle("small", fontName=fonts.regular, fontSize=size * 0.8, leading=size,
                                    textColor=MUTED)
        self.size = size


def label(text: object) -> str:
    """User text as one line of escaped, printable Paragraph markup."""
    return markup(text, line_breaks=False)


def item_markup(item: PlanItem) -> str:
    """A plan line: its words, then its phone number in bold when it has one."""
    text = label(item.text)
    if item.phone:
        text += f" — <b>{label(item.phone)}</b>"
    return text


def blank_lines(styles: PlanStyles, width: float, count: int = 2) -> list[Flowable]:
    """``count`` ruled lines ``width`` points wide, to write on by hand."""
    rows = [[""] for _unused in range(count)]
    table = Table(rows, colWidths=[width], rowHeights=[styles.size * 1.7] * count)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE)]))
    return [table]


def meta_line(styles: PlanStyles, person_name: str, printed_on: date | None, updated_at: datetime | None) -> Paragraph:
    """``"For Sam · Printed 30 Nov 2026 · Last changed 28 Nov 2026"`` (parts left out when unknown)."""
    meta = [_("For {name}").format(name=label(person_name))] if person_name else []
    if printed_on is not None:
        meta.append(_("Printed {date}").format(date=format_date(printed_on)))
    if updated_at is not None:
        meta.append(_("Last changed {date}").format(date=format_date(updated_at.date())))
    return Paragraph(" · ".join(meta), styles.meta)


def plan_document(out: BinaryIO, pagesize: tuple[float, float], title: str, fonts: ReportFonts, *,
                  margin: float = MARGIN) -> tuple[BaseDocTemplate, float, float]:
    """A document writing to ``out`` with one body frame ``margin`` points inside each edge of
    the page, and metadata that names only the app and the kind of plan (``title``: no person,
    no plan text). Returns ``(document, body width, body height)`` in points."""
    page_width, page_height = float(pagesize[0]), float(pagesize[1])
    width, height = page_width - 2 * margin, page_height - 2 * margin
    doc = BaseDocTemplate(
        out,
        pagesize=(page_width, page_height),
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
        title=title, author=METADATA_APP, creator=METADATA_APP, producer=METADATA_APP,
        subject="", keywords="", lang=language(), initialFontName=fonts.regular,
    )
    frame = Frame(margin, margin, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc, width, height
