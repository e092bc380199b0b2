"""The visit summary PDF: lays out a :class:`~caregiver_app.domain.summary.VisitSummaryData`.

The builder computes nothing clinical of its own beyond simple averages for one sentence; the
numbers come from the summary service. Conventions:

* dates (``start``, ``end``, entry dates) are local calendar dates; ``prepared_at`` is a UTC
  instant and ``prepared_at_local`` the same instant on the user's clock (printed as is);
* mood is the named 5-point scale (1 very low … 5 very good); symptom severity, anxiety and
  energy are 0–10; sleep is in hours;
* every piece of user text goes through :mod:`.text` (escaped, printable, split when long).

Layout: Letter (or any ``pagesize``, e.g. A4), 0.7 in margins, DejaVu Sans 9.5 pt body, greys
and one calm accent. Every page has the footer "Confidential health information" and
"Page X of Y"; pages after the first carry a small "Visit summary" running header. The PDF's
metadata names the app only: no person, no health text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import BinaryIO

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.model import MoodLevel, SleepQuality
from ..domain.summary import SummaryEntry, SymptomStat, VisitSummaryData
from .charts import ACCENT, GRID, INK, MUTED, RULE, build_trend_chart
from .fonts import ReportFonts, register_fonts
from .text import markup, note_paragraphs

__all__ = ["build_visit_summary_pdf", "METADATA_TITLE", "METADATA_APP"]

METADATA_TITLE = "Visit summary"
METADATA_APP = "Caregiver Companion"
FOOTER_TEXT = "Confidential health information"
MARGIN = 0.7 * inch
LABEL_MAX_CHARS = 200
"""Names, labels and symptoms longer than this are shortened (with "…") where they sit in a
table cell or a heading, so no cell can outgrow a page. Notes are never shortened."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# --------------------------------------------------------------------------------------------
# Words and numbers


def format_date(day: date, *, weekday: bool = False) -> str:
    """``"3 Nov 2026"`` (or ``"Mon 3 Nov 2026"``), independent of the system locale."""
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def format_time(moment: time | datetime) -> str:
    """``"8:05 am"`` style wall-clock time."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def format_hours(hours: float) -> str:
    """``7``, ``6.5`` or ``6.25`` (no trailing zeros)."""
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _mood_word(value: float) -> str:
    level = min(max(int(math.floor(value + 0.5)), 1), 5)
    return MoodLevel(level).label


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def _finite(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _range_days(data: VisitSummaryData) -> int:
    return max((data.end - data.start).days + 1, 0)


def _label_markup(text: object) -> str:
    return markup(text, line_breaks=False, max_chars=LABEL_MAX_CHARS)


# --------------------------------------------------------------------------------------------
# Styles


class _Styles:
    """The paragraph styles of the summary (sizes in points)."""

    def __init__(self, fonts: ReportFonts) -> None:
        regular, bold = fonts.regular, fonts.bold
        common = dict(fontName=regular, textColor=INK, splitLongWords=1, allowWidows=0,
                      allowOrphans=0)
        self.body = ParagraphStyle("body", fontSize=9.5, leading=12.5, **common)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8.2, leading=10.5,
                                    textColor=MUTED)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=19,
                                    leading=23, textColor=INK, spaceAfter=6)
        self.meta_label = ParagraphStyle("meta_label", parent=self.body, textColor=MUTED)
        self.meta_value = ParagraphStyle("meta_value", parent=self.body)
        self.section = ParagraphStyle("section", parent=self.body, fontName=bold, fontSize=12.5,
                                      leading=15.5, textColor=ACCENT, spaceBefore=16,
                                      spaceAfter=3, keepWithNext=1)
        self.empty_title = ParagraphStyle("empty_title", parent=self.body, fontName=bold,
                                          fontSize=12, leading=15, spaceBefore=18, spaceAfter=4)
        self.lead = ParagraphStyle("lead", parent=self.body, spaceAfter=6)
        self.day = ParagraphStyle("day", parent=self.body, fontName=bold, fontSize=10.5,
                                  leading=13, spaceBefore=9, spaceAfter=3, keepWithNext=1,
                                  backColor=GRID, borderPadding=(2.5, 4, 2.5, 4),
                                  leftIndent=4, rightIndent=4)
        hang = 52
        self.entry_head = ParagraphStyle("entry_head", parent=self.body, leftIndent=hang,
                                         bulletIndent=0, bulletFontName=bold,
                                         bulletFontSize=9.5, spaceBefore=5, keepWithNext=1)
        self.entry_line = ParagraphStyle("entry_line", parent=self.body, leftIndent=hang,
                                         keepWithNext=1)
        self.entry_note = ParagraphStyle("entry_note", parent=self.body, leftIndent=hang,
                                         spaceBefore=1.5)
        self.flag_head = ParagraphStyle("flag_head", parent=self.body, leftIndent=8,
                                        spaceBefore=0, keepWithNext=1)
        self.flag_line = ParagraphStyle("flag_line", parent=self.body, leftIndent=8,
                                        keepWithNext=1)
        self.flag_note = ParagraphStyle("flag_note", parent=self.body, leftIndent=8,
                                        spaceBefore=1.5)
        self.cell = ParagraphStyle("cell", parent=self.body, alignment=TA_LEFT)
        self.cell_num = ParagraphStyle("cell_num", parent=self.body, alignment=TA_RIGHT)
        self.cell_head = ParagraphStyle("cell_head", parent=self.body, fontName=bold,
                                        fontSize=8.8, leading=11, textColor=INK)
        self.cell_head_num = ParagraphStyle("cell_head_num", parent=self.cell_head,
                                            alignment=TA_RIGHT)


# --------------------------------------------------------------------------------------------
# Flowables


class _Barred(Flowable):
    """Draws a thin accent bar down the left of another flowable (a flagged entry); splits with
    it across pages."""

    def __init__(self, inner: Flowable, bar: float = 2.2, color=ACCENT) -> None:
        super().__init__()
        self.inner = inner
        self.bar = bar
        self.color = color
        self._inner_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, h = self.inner.wrap(avail_width, avail_height)
        self.width, self.height = avail_width, h
        return avail_width, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.inner.split(avail_width, avail_height)
        return [_Barred(part, self.bar, self.color) for part in parts]

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
        self.canv.rect(0, 0, self.bar, self.height + self.inner.getSpaceBefore(), stroke=0,
                       fill=1)
        self.canv.restoreState()
        self.inner.drawOn(self.canv, 0, 0)


def _section(title: str, styles: _Styles, *, room: float | None = 110) -> list[Flowable]:
    """A section heading with a rule under it. A new page starts first when less than ``room``
    points are left, so a heading never sits alone at the foot of a page, while long sections
    (tables, notes) still start on the current page and flow on instead of leaving a gap.
    ``room=None`` leaves that to the caller (e.g. a section kept together as a whole)."""
    rule = HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=0, spaceAfter=5)
    heading = [Paragraph(title, styles.section), rule]
    return heading if room is None else [CondPageBreak(room), *heading]


# --------------------------------------------------------------------------------------------
# Sections


def _header(data: VisitSummaryData, styles: _Styles, width: float) -> list[Flowable]:
    days_in_range = _range_days(data)
    period = (f"{format_date(data.start)} – {format_date(data.end)} "
              f"({_plural(days_in_range, 'day')})")
    local = data.prepared_at_local
    prepared_markup = f"{format_date(local.date())}, {format_time(local)}"
    by = " ".join(str(data.prepared_by or "").split())
    if by:
        prepared_markup += f" by {_label_markup(by)}"
    if str(data.time_zone or "").strip():
        prepared_markup += f". Times are local ({_label_markup(data.time_zone)})."
    scale_key = " · ".join(f"{level.value} {level.label}" for level in MoodLevel)
    day_count = len(data.entries_by_day())
    if data.entries:
        entries = (f"{_plural(len(data.entries), 'entry', 'entries')} on "
                   f"{day_count:,} of {_plural(days_in_range, 'day')}")
    else:
        entries = "None"
    rows = [
        ("For", _label_markup(data.person_name)),
        ("Period", period),
        ("Entries", entries),
        ("Prepared", prepared_markup),
        ("Mood scale", f"{_label_markup(data.mood_scale_name)}: {scale_key}"),
        ("Other scales", "Symptom severity and anxiety 0–10 (0 none, 10 worst); energy 0–10; "
                         "sleep in hours"),
    ]
    table = Table(
        [[Paragraph(label, styles.meta_label), Paragraph(value, styles.meta_value)]
         for label, value in rows],
        colWidths=[72, width - 72],
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.body.fontName, styles.body.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return [
        Paragraph(METADATA_TITLE, styles.title),
        table,
        Spacer(1, 6),
        HRFlowable(width="100%", thickness=1.4, color=ACCENT, spaceBefore=2, spaceAfter=2),
    ]


def _mood_text(entry: SummaryEntry) -> str | None:
    mood = entry.mood
    if mood is None:
        return None
    try:
        level = MoodLevel(int(mood))
    except (TypeError, ValueError):
        return None
    return f"Mood {level.label} ({level.value}/5)"


def _sleep_text(entry: SummaryEntry) -> str | None:
    hours = _finite(entry.sleep_hours)
    quality = entry.sleep_quality
    quality_word = None
    if quality is not None:
        try:
            quality_word = SleepQuality(int(quality)).label
        except (TypeError, ValueError):
            quality_word = None
    if hours is None and quality_word is None:
        return None
    if hours is None:
        return f"Sleep {quality_word}"
    text = f"Sleep {format_hours(hours)} h"
    return f"{text}, {quality_word}" if quality_word else text


def _scale_text(name: str, value: object) -> str | None:
    number = _finite(value)
    if number is None:
        return None
    return f"{name} {number:g}/10"


def _measures(entry: SummaryEntry) -> list[str]:
    parts = [_mood_text(entry), _scale_text("Anxiety", entry.anxiety),
             _scale_text("Energy", entry.energy), _sleep_text(entry)]
    return [p for p in parts if p]


def _symptom_list(entry: SummaryEntry) -> str | None:
    items = []
    for rating in entry.symptoms or ():
        severity = _finite(getattr(rating, "severity", None))
        name = _label_markup(getattr(rating, "symptom", ""))
        items.append(f"{name} {severity:g}/10" if severity is not None else name)
    return ", ".join(items) if items else None


def _tag_list(entry: SummaryEntry) -> str | None:
    tags = [_label_markup(t) for t in entry.tags or ()]
    tags = [t for t in tags if t]
    return ", ".join(tags) if tags else None


def _entry_lines(entry: SummaryEntry) -> list[str]:
    """The markup lines under an entry's heading: symptoms and tags."""
    lines = []
    symptoms = _symptom_list(entry)
    if symptoms:
        lines.append(f"<b>Symptoms:</b> {symptoms}")
    tags = _tag_list(entry)
    if tags:
        lines.append(f"<b>Tags:</b> {tags}")
    return lines


def _flagged(data: VisitSummaryData, styles: _Styles) -> list[Flowable]:
    story = _section("Flagged for this visit", styles)
    if not data.flagged:
        story.append(Paragraph("Nothing was flagged for this visit.", styles.body))
        return story
    for index, entry in enumerate(data.flagged):
        head = (f"<b>{format_date(entry.local_date, weekday=True)}, "
                f"{format_time(entry.local_time)}</b> · "
                f"recorded by <b>{_label_markup(entry.recorded_by)}</b>")
        measures = _measures(entry)
        if measures:
            head += " · " + " · ".join(measures)
        pieces: list[Flowable] = [Paragraph(head, styles.flag_head)]
        pieces += [Paragraph(line, styles.flag_line) for line in _entry_lines(entry)]
        pieces += note_paragraphs(entry.note, styles.flag_note)
        if index:
            story.append(Spacer(1, 7))
        story += [_Barred(p) for p in pieces]
    return story


def _average(values: Iterable[object]) -> float | None:
    numbers = [n for n in (_finite(v) for v in values) if n is not None]
    return sum(numbers) / len(numbers) if numbers else None


def _trend_sentence(data: VisitSummaryData) -> str:
    mood = _average(d.mood for d in data.days)
    if mood is None:
        mood = _average(e.mood for e in data.entries)
    sleep = _average(d.sleep_hours for d in data.days)
    if sleep is None:
        sleep = _average(e.sleep_hours for e in data.entries)
    parts = []
    if mood is not None:
        parts.append(f"Mood averaged <b>{_mood_word(mood)}</b> ({mood:.1f} of 5)")
    else:
        parts.append("No mood was recorded")
    if sleep is not None:
        parts.append(f"sleep averaged <b>{sleep:.1f} hours</b>")
    else:
        parts.append("no sleep was recorded")
    days = len(data.entries_by_day())
    parts.append(f"there were entries on {days:,} of {_plural(_range_days(data), 'day')}")
    return f"{parts[0]}, {parts[1]}, and {parts[2]}."


def _mood_and_sleep(data: VisitSummaryData, styles: _Styles, width: float) -> list[Flowable]:
    story = _section("Mood and sleep", styles, room=None)
    story.append(Paragraph(_trend_sentence(data), styles.lead))
    chart = build_trend_chart(data.days, width=width, height=190)
    if chart.has_data:
        story.append(chart.drawing)
        story.append(Spacer(1, 3))
    story.append(Paragraph(markup(chart.caption), styles.small))
    return [KeepTogether(story)]  # the heading, sentence, chart and caption stay on one page


def _symptoms(data: VisitSummaryData, styles: _Styles, width: float) -> list[Flowable]:
    story = _section("Symptoms", styles)
    if not data.symptoms:
        story.append(Paragraph("No symptoms were rated in this period.", styles.body))
        return story
    stats: Sequence[SymptomStat] = sorted(
        data.symptoms,
        key=lambda s: (-(s.days_present or 0), -(_finite(s.worst) or 0), str(s.name).casefold()),
    )
    days = _range_days(data)
    rows = [[
        Paragraph("Symptom", styles.cell_head),
        Paragraph(f"Days present<br/>(of {days:,})", styles.cell_head_num),
        Paragraph("Average severity<br/>(0–10)", styles.cell_head_num),
        Paragraph("Worst<br/>(0–10)", styles.cell_head_num),
    ]]
    for stat in stats:
        average = _finite(stat.average)
        worst = _finite(stat.worst)
        rows.append([
            Paragraph(_label_markup(stat.name), styles.cell),
            Paragraph(f"{stat.days_present:,}", styles.cell_num),
            Paragraph(f"{average:.1f}" if average is not None else "–", styles.cell_num),
            Paragraph(f"{worst:g}" if worst is not None else "–", styles.cell_num),
        ])
    number_ws = [78, 96, 62]
    table = Table(rows, colWidths=[width - sum(number_ws)] + number_ws, repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.body.fontName, styles.body.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]))
    story.append(table)
    return story


def _notes_by_day(data: VisitSummaryData, styles: _Styles) -> list[Flowable]:
    story = _section("Notes by day", styles)
    for day, entries in data.entries_by_day():
        story.append(Paragraph(format_date(day, weekday=True), styles.day))
        for entry in entries:
            head = f"<b>{_label_markup(entry.recorded_by)}</b>"
            if entry.flagged:
                head += " · <b>⚑ flagged for visit</b>"
            measures = _measures(entry)
            if measures:
                head += " · " + " · ".join(measures)
            story.append(Paragraph(head, styles.entry_head,
                                   bulletText=format_time(entry.local_time)))
            story += [Paragraph(line, styles.entry_line) for line in _entry_lines(entry)]
            story += note_paragraphs(entry.note, styles.entry_note)
    return story


def _empty(data: VisitSummaryData, styles: _Styles) -> list[Flowable]:
    return [
        Paragraph("No journal entries in this period.", styles.empty_title),
        Paragraph(
            f"Nothing was recorded between {format_date(data.start)} and "
            f"{format_date(data.end)}. If you expected entries here, choose a wider date range "
            f"and print the summary again.",
            styles.body,
        ),
    ]


# --------------------------------------------------------------------------------------------
# Pages


def _canvas_class(fonts: ReportFonts, page_width: float, page_height: float) -> type[Canvas]:
    """A canvas that holds pages back until the end so every footer can say "Page X of Y"."""

    class _NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

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
            self.drawString(left, footer_y, FOOTER_TEXT)
            self.drawRightString(right, footer_y, f"Page {number} of {total}")
            if number > 1:
                header_y = page_height - MARGIN * 0.6
                self.drawString(left, header_y, METADATA_TITLE)
                self.setStrokeColor(RULE)
                self.line(left, header_y - 4, right, header_y - 4)
            self.restoreState()

    return _NumberedCanvas


def build_visit_summary_pdf(data: VisitSummaryData, out: BinaryIO, *,
                            pagesize: tuple[float, float] = LETTER) -> None:
    """Write the visit summary for ``data`` as a complete PDF to the binary stream ``out``.

    ``pagesize`` is ``(width, height)`` in points: Letter by default, or e.g.
    ``reportlab.lib.pagesizes.A4``. Never raises because of what the text says: every string is
    escaped and made printable, and long notes are split (see :mod:`.text`).
    """
    fonts = register_fonts()
    styles = _Styles(fonts)
    page_width, page_height = float(pagesize[0]), float(pagesize[1])
    doc = BaseDocTemplate(
        out,
        pagesize=(page_width, page_height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=METADATA_TITLE,
        author=METADATA_APP,
        creator=METADATA_APP,
        producer=METADATA_APP,
        subject="",
        keywords="",
        lang="en",
        initialFontName=fonts.regular,
    )
    frame = Frame(MARGIN, MARGIN, page_width - 2 * MARGIN, page_height - 2 * MARGIN,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    width = frame._aW  # the usable text width

    story: list[Flowable] = _header(data, styles, width)
    if data.is_empty:
        story += _empty(data, styles)
    else:
        story += _flagged(data, styles)
        story += _mood_and_sleep(data, styles, width)
        story += _symptoms(data, styles, width)
        story += _notes_by_day(data, styles)
    doc.build(story, canvasmaker=_canvas_class(fonts, page_width, page_height))
