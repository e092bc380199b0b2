"""The visit summary PDF: lays out a :class:`~caregiver_app.domain.summary.VisitSummaryData`.

Page one is the brief (:mod:`.summary_brief`), always exactly one page. The appendix follows on
new pages with the sections the user chose (:mod:`.summary_appendix`). The builder computes
nothing clinical of its own; the numbers come from the summary service. Conventions:

* dates (``start``, ``end``, entry dates) are local calendar dates; ``prepared_at`` is a UTC
  instant and ``prepared_at_local`` the same instant on the user's clock (printed as is);
* mood is the named 5-point scale (1 very low … 5 very good); symptom severity, anxiety and
  energy are 0–10; sleep is in hours;
* every piece of user text goes through :mod:`.text` (escaped, printable, split when long).

Layout: Letter (or any ``pagesize``, e.g. A4), 0.7 in margins, DejaVu Sans 9.5 pt body, greys
and one calm accent. Every page has the footer "Confidential health information" and
"Page X of Y"; pages after the first carry "Visit summary" and the current section as a running
header. The PDF's metadata names the app only: no person, no health text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

from ..domain.summary import SummaryCancelled, VisitSummaryData
from ..i18n import _, language
from . import formatting
from .collector import collector_paused
from .fonts import register_fonts
from .layout import MARGIN, METADATA_APP, SectionHeading, Styles, can_print, format_date, numbered_canvas
from .streaming import StreamingDoc, story_size
from .summary_appendix import appendix, forget_labels
from .summary_brief import TITLE, brief_page, questions_continued
from .text import clean_text
from .textblock import DayBand

__all__ = ["build_visit_summary_pdf", "METADATA_TITLE", "METADATA_APP"]

METADATA_TITLE = TITLE


class _SummaryDoc(StreamingDoc, BaseDocTemplate):
    """Tracks the section each page is in, for the running header; the long parts stream."""

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab's name
        canvas = self.canv
        if isinstance(flowable, SectionHeading) or type(flowable).__name__ == "_Marker":
            if not getattr(canvas, "page_has_content", False):
                canvas.page_section = flowable.section_title
                canvas.page_day = ""
            canvas.running_section = flowable.section_title
            canvas.running_day = ""
        if isinstance(flowable, DayBand):
            if not getattr(canvas, "page_has_content", False):
                canvas.page_day = ""  # the page opens with a new day: nothing is continued
            canvas.running_day = flowable.text
        if getattr(flowable, "height", 0):
            canvas.page_has_content = True


def _on_page(canvas, _doc) -> None:
    canvas.page_section = getattr(canvas, "running_section", "")
    # A day whose entries run on from the page before: its date is repeated at the top.
    canvas.page_day = getattr(canvas, "running_day", "")
    canvas.page_has_content = False


def _person_line(data: VisitSummaryData) -> str:
    """Name and date of birth for every page's header (so a loose page finds its owner)."""
    name = " ".join(clean_text(data.person_name).split())
    if data.birth_date is None:
        return name
    return _("{name}, born {date}").format(name=name, date=format_date(data.birth_date))


def build_visit_summary_pdf(
    data: VisitSummaryData,
    out: BinaryIO,
    *,
    pagesize: tuple[float, float] = LETTER,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    fmt: formatting.ReportFormat | None = None,
) -> None:
    """Write the visit summary for ``data`` as a complete PDF to the binary stream ``out``.

    ``pagesize`` is ``(width, height)`` in points: Letter by default, or e.g.
    ``reportlab.lib.pagesizes.A4``. ``progress(done, total)`` is called as the layout advances
    (``total`` is 100; layout runs from 20 to 100); when ``cancelled()`` returns True the build
    stops with :class:`SummaryCancelled` and nothing more is written. Never raises because of
    what the text says: every string is escaped and made printable, and long notes are split.
    ``fmt`` is the locale and hour cycle of every date, time and decimal (international English when None).
    """
    try:
        with formatting.using(formatting.printable(fmt or formatting.ReportFormat(), can_print(register_fonts()))), \
                collector_paused():
            _build(data, out, pagesize, progress, cancelled)
    finally:
        forget_labels()


def _build(data: VisitSummaryData, out: BinaryIO, pagesize: tuple[float, float],
           progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> None:
    fonts = register_fonts()
    styles = Styles(fonts)
    page_width, page_height = float(pagesize[0]), float(pagesize[1])
    doc = _SummaryDoc(
        out,
        pagesize=(page_width, page_height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=_(METADATA_TITLE),
        author=METADATA_APP,
        creator=METADATA_APP,
        producer=METADATA_APP,
        subject="",
        keywords="",
        lang=language(),
        initialFontName=fonts.regular,
    )
    frame = Frame(MARGIN, MARGIN, page_width - 2 * MARGIN, page_height - 2 * MARGIN,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_on_page)])
    width, height = frame._aW, frame._aH

    rest = appendix(data, styles, width, height)
    titles = [f.section_title for f in rest if hasattr(f, "section_title")]
    brief = brief_page(data, styles, width, height, titles)
    story = list(brief.flowables)
    # The rest of the family's questions open page 2, never left alone at the end.
    rest = questions_continued(brief.overflow_questions, len(data.questions) - len(brief.overflow_questions) + 1,
                               styles) + rest
    if rest:
        story.append(PageBreak())
        story += rest

    if progress is not None or cancelled is not None:
        total = max(story_size(story), 1)
        state = {"last": -1}

        def on_progress(kind: str, _value: int) -> None:
            if kind != "PROGRESS":
                return
            if cancelled is not None and cancelled():
                raise SummaryCancelled()
            # Streams grow the story as it is laid out: count what was laid out, not what is left.
            percent = 20 + int(78 * min(doc.handled, total) / total)
            if progress is not None and percent != state["last"]:
                state["last"] = percent
                progress(percent, 100)

        doc.setProgressCallBack(on_progress)
    doc.build(story, canvasmaker=numbered_canvas(fonts, page_width, page_height, _(TITLE),
                                                        person=_person_line(data)))
    if progress is not None:
        progress(100, 100)
