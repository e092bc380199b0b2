"""Shared pieces of the printed documents: words for dates and numbers, paragraph styles, page
furniture (footer "Page X of Y", running header) and small flowables.

Sizes are in points (1/72 in). Dates are local calendar dates, written in the document's locale
with the month as a word (``3 Nov 2026``; see ``reports/formatting.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, time

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Paragraph

from ..domain.model import MoodLevel
from ..i18n import N_, _, pgettext
from . import formatting
from .charts import ACCENT, GRID, INK, MUTED, RULE
from .fonts import ReportFonts
from .text import clean_text, is_rtl_char, markup

METADATA_APP = "Caregiver Companion"
FOOTER_TEXT = N_("Confidential health information")
MARGIN = 0.7 * inch
LABEL_MAX_CHARS = 200
"""Names, labels and symptoms longer than this are shortened (with "…") where they sit in a
table cell or a heading, so no cell can outgrow a page. Notes are never shortened."""


# --- words and numbers ----------------------------------------------------------------------------
# Every date, time and decimal of a document goes through these, in the format of the build in
# progress (``formatting.using``), so a document is written in one locale and one hour cycle.


def can_print(fonts: ReportFonts) -> Callable[[str], bool]:
    """A test for :func:`formatting.printable`: every character has a glyph in the shipped
    fonts and none runs right to left."""
    return lambda text: all(c.isspace() or (fonts.covers(c) and not is_rtl_char(c)) for c in text)


def format_date(day: date, *, weekday: bool = False, year: bool = True) -> str:
    """``"3 Nov 2026"`` / ``"Nov 3, 2026"`` / ``"3. Nov. 2026"`` (or with the short weekday, or
    without the year) in the document's locale; the month is always a word, never a number."""
    return formatting.current().date(day, weekday=weekday, year=year)


def format_range(start: date, end: date) -> str:
    """``"1 Sep – 30 Nov 2026"``; the first year is shown only when the years differ."""
    return formatting.current().date_range(start, end)


def format_time(moment: time | datetime) -> str:
    """A wall-clock time by the document's hour cycle: ``"9:15 PM"`` or ``"21:15"``."""
    return formatting.current().time(moment)


def format_hours(hours: float) -> str:
    """``7``, ``6.5`` or ``6.25`` (no trailing zeros; ``6,5`` with a decimal comma)."""
    return formatting.current().decimal(hours, 2)


def format_decimal(value: float, places: int = 1) -> str:
    """``3.4`` / ``3,4``: exactly ``places`` decimals with the document's decimal sign."""
    return formatting.current().decimal(value, places, fixed=True)


def format_dose(text: str) -> str:
    """A dose text as the domain writes it (``"37.5 mg"``, ``domain.medications.Dose.text``) with
    its amount in the document's decimal sign (``"37,5 mg"``); the unit is left as typed."""
    amount, space, unit = text.partition(" ")
    try:
        number = float(amount)
    except ValueError:
        return text
    return f"{formatting.current().decimal(number, 3)}{space}{unit}"


def mood_word(value: float) -> str:
    """The mood scale's word for a (mean) level 1–5, rounded half up."""
    level = min(max(int(math.floor(value + 0.5)), 1), 5)
    return MoodLevel(level).label


def format_count(count: int) -> str:
    """``1,095`` / ``1.095`` / ``1 095``: a count with the document's grouping sign (a German
    reader takes "1,095" for one and a bit)."""
    return formatting.current().integer(count)


def counted(message: str, count: int) -> str:
    """``message`` (from ``ngettext``, with a ``{count}`` placeholder) with the count written in
    the document's grouping: ``counted(ngettext("{count} day", "{count} days", n), n)``."""
    return message.format(count=format_count(count))


def finite(value: object) -> float | None:
    """``value`` as a finite float, or None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def wrapped_markup(text: object, width: float, font: str, size: float) -> str:
    """One-line user text as markup broken into lines no wider than ``width`` points, where an
    e-mail or web address too wide for a line breaks only after ``@ / . - _ ? & =`` (never in
    the middle of a word, never shortened)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from .textblock import ADDRESS_BREAKS

    def fits(piece: str) -> bool:
        return stringWidth(piece, font, size) <= width

    lines: list[str] = []
    line = ""
    for token in " ".join(clean_text(text).split()).split(" "):
        if not token:
            continue
        pieces = [token]
        if not fits(token):
            pieces, current = [], ""
            for char in token:
                current += char
                if char in ADDRESS_BREAKS:
                    pieces.append(current)
                    current = ""
            if current:
                pieces.append(current)
        for index, piece in enumerate(pieces):
            glue = " " if index == 0 and line else ""
            if line and not fits(line + glue + piece):
                lines.append(line)
                line = piece
            else:
                line += glue + piece
    if line:
        lines.append(line)
    return "<br/>".join(markup(one, line_breaks=False) for one in lines)


def label_markup(text: object) -> str:
    """One-line user text (a name, a symptom, a tag) as safe markup, shortened for a cell."""
    return markup(text, line_breaks=False, max_chars=LABEL_MAX_CHARS)


# --- styles ---------------------------------------------------------------------------------------


class Styles:
    """The paragraph styles of the printed documents (sizes in points)."""

    def __init__(self, fonts: ReportFonts) -> None:
        regular, bold = fonts.regular, fonts.bold
        common = dict(fontName=regular, textColor=INK, splitLongWords=1, allowWidows=0, allowOrphans=0)
        self.fonts = fonts
        self.body = ParagraphStyle("body", fontSize=9.5, leading=12.5, **common)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8.2, leading=10.5, textColor=MUTED)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=19, leading=23,
                                    textColor=INK, spaceAfter=4)
        self.meta_label = ParagraphStyle("meta_label", parent=self.body, textColor=MUTED)
        self.meta_value = ParagraphStyle("meta_value", parent=self.body)
        self.section = ParagraphStyle("section", parent=self.body, fontName=bold, fontSize=12.5,
                                      leading=15.5, textColor=ACCENT, spaceBefore=16, spaceAfter=3,
                                      keepWithNext=1)
        self.subhead = ParagraphStyle("subhead", parent=self.body, fontName=bold, fontSize=10,
                                      leading=12.5, textColor=ACCENT, spaceBefore=7, spaceAfter=2,
                                      keepWithNext=1)
        self.empty_title = ParagraphStyle("empty_title", parent=self.body, fontName=bold, fontSize=12,
                                          leading=15, spaceBefore=14, spaceAfter=4)
        self.lead = ParagraphStyle("lead", parent=self.body, spaceAfter=6)
        self.item = ParagraphStyle("item", parent=self.body, leftIndent=11, bulletIndent=1,
                                   bulletFontName=regular, spaceBefore=1.2)
        # Page one packs the most into two minutes of reading: a slightly tighter body.
        self.brief_item = ParagraphStyle("brief_item", parent=self.item, fontSize=9, leading=11.4, spaceBefore=0.6,
                                         bulletFontSize=9)
        self.brief_head = ParagraphStyle("brief_head", parent=self.body, fontName=bold, fontSize=10, leading=12,
                                         textColor=ACCENT, spaceBefore=5, spaceAfter=1.5, keepWithNext=1)
        self.day = ParagraphStyle("day", parent=self.body, fontName=bold, fontSize=10.5, leading=13,
                                  spaceBefore=9, spaceAfter=3, backColor=GRID,
                                  borderPadding=(2.5, 4, 2.5, 4), leftIndent=4, rightIndent=4)
        hang = 52
        self.entry_head = ParagraphStyle("entry_head", parent=self.body, leftIndent=hang, bulletIndent=0,
                                         bulletFontName=bold, bulletFontSize=9.5, spaceBefore=5,
                                         keepWithNext=1)
        self.entry = ParagraphStyle("entry", parent=self.body, leftIndent=hang, bulletIndent=0,
                                    bulletFontName=bold, bulletFontSize=9.5, spaceBefore=5)
        self.entry_line = ParagraphStyle("entry_line", parent=self.body, leftIndent=hang, keepWithNext=1)
        self.entry_note = ParagraphStyle("entry_note", parent=self.body, leftIndent=hang, spaceBefore=1.5)
        self.flag_head = ParagraphStyle("flag_head", parent=self.body, leftIndent=8, keepWithNext=1)
        self.flag_line = ParagraphStyle("flag_line", parent=self.body, leftIndent=8, keepWithNext=1)
        self.flag_note = ParagraphStyle("flag_note", parent=self.body, leftIndent=8, spaceBefore=1.5)
        self.cell = ParagraphStyle("cell", parent=self.body, alignment=TA_LEFT)
        self.cell_small = ParagraphStyle("cell_small", parent=self.body, fontSize=8.6, leading=11)
        self.cell_num = ParagraphStyle("cell_num", parent=self.body, alignment=TA_RIGHT)
        self.cell_head = ParagraphStyle("cell_head", parent=self.body, fontName=bold, fontSize=8.8,
                                        leading=11, textColor=INK)
        self.cell_head_num = ParagraphStyle("cell_head_num", parent=self.cell_head, alignment=TA_RIGHT)


def section(title: str, styles: Styles, *, room: float | None = 110) -> list[Flowable]:
    """A section heading with a rule under it. A new page starts first when less than ``room``
    points are left, so a heading never sits alone at the foot of a page, while long sections
    still start on the current page and flow on. ``room=None`` leaves that to the caller."""
    rule = HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=0, spaceAfter=5)
    heading = SectionHeading(title, styles.section)
    return [heading, rule] if room is None else [CondPageBreak(room), heading, rule]


class SectionHeading(Paragraph):
    """A section's heading; the page furniture names the section it is in on later pages."""

    def __init__(self, title: str, style: ParagraphStyle) -> None:
        super().__init__(markup(title), style)
        self.section_title = title


class Barred(Flowable):
    """Draws a thin accent bar down the left of another flowable (a flagged entry); splits with
    it across pages."""

    def __init__(self, inner: Flowable, bar: float = 2.2, color=ACCENT) -> None:
        super().__init__()
        self.inner = inner
        self.bar = bar
        self.color = color

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, h = self.inner.wrap(avail_width, avail_height)
        self.width, self.height = avail_width, h
        return avail_width, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [Barred(part, self.bar, self.color) for part in self.inner.split(avail_width, avail_height)]

    def getKeepWithNext(self) -> bool:  # noqa: N802 - reportlab's name
        return self.inner.getKeepWithNext()

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.inner.getSpaceAfter()

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFillColor(self.color)
        # Reach into the gap before the paragraph so consecutive pieces join into one bar.
        self.canv.rect(0, 0, self.bar, self.height + self.inner.getSpaceBefore(), stroke=0, fill=1)
        self.canv.restoreState()
        self.inner.drawOn(self.canv, 0, 0)


# --- pages ----------------------------------------------------------------------------------------


def numbered_canvas(fonts: ReportFonts, page_width: float, page_height: float, title: str,
                    person: str = "") -> type[Canvas]:
    """A canvas class that holds pages back until the end so every footer can say "Page X of
    Y"; pages after the first carry ``title`` (and the section they are in) as a running
    header. ``title`` must hold no names; ``person`` (name and date of birth, printed text
    only, never metadata) joins the title on every page after the first."""

    class _NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self.running_section = ""

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            number = self._pageNumber
            self.saveState()
            left, right = MARGIN, page_width - MARGIN
            footer_y = MARGIN * 0.55
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(left, footer_y + 10, right, footer_y + 10)
            self.setFillColor(MUTED)
            self.setFont(fonts.regular, 8)
            self.drawString(left, footer_y, _(FOOTER_TEXT))
            self.drawRightString(right, footer_y, _("Page {number} of {total}").format(number=number, total=total))
            if number > 1:
                header_y = page_height - MARGIN * 0.6
                self.drawString(left, header_y, f"{title} · {person}" if person else title)
                current = getattr(self, "page_section", "") or self.running_section
                day = getattr(self, "page_day", "")
                if day:
                    continued = _("{day} (continued)").format(day=day)
                    current = f"{current} · {continued}" if current else continued
                if current:
                    self.drawRightString(right, header_y, current)
                self.line(left, header_y - 4, right, header_y - 4)
            self.restoreState()

    return _NumberedCanvas


def self_label() -> str:
    """"Self" as the summary's tables print it in their "whose" column: the short word the legends
    under them define (in Spanish "Propio", where the journal's recorder name says "La persona
    misma", too long for the column)."""
    return pgettext("whose ratings, as the legend names them", "Self")
