"""The visit summary's PDF in memory, from its data: the builder's half of :mod:`.summary`
(re-exported there), in a module of its own so that the child process that builds the window's
PDF (:mod:`.pdf_child`) imports only this and the builder, not the vault's storage."""

from __future__ import annotations

import io
from collections.abc import Callable

from .. import i18n
from ..domain.errors import ValidationError
from ..domain.summary import VisitSummaryData
from ..i18n import _
from ..reports.formatting import ReportFormat, in_language

PAPER_SIZES = ("letter", "a4")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def _pagesize(paper: str):
    from reportlab.lib.pagesizes import A4, LETTER

    if paper not in PAPER_SIZES:
        raise ValidationError(_("Please choose Letter or A4 paper."))
    return A4 if paper == "a4" else LETTER


def summary_pdf_bytes(
    data: VisitSummaryData,
    *,
    paper: str = "letter",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    fmt: ReportFormat | None = None,
    language: str = "",
    country: str = "",
) -> bytes:
    """The complete PDF for ``data`` in memory (nothing touches the disk). ``paper`` is
    ``"letter"`` or ``"a4"``; ``fmt`` the locale and hour cycle it is written in. ``language``
    (``""``: the window's) is the document's language: its words, and its dates and numbers
    written for that language in ``country`` (else the country of ``fmt``'s locale). Build
    ``data`` with the same language (``SummaryChoices.language``). Raises
    :class:`SummaryCancelled` when ``cancelled()`` turns True."""
    from ..reports.visit_summary import build_visit_summary_pdf  # reportlab loads only when printing

    shown = printed_format(fmt, language, country)
    out = io.BytesIO()
    with i18n.document_language(document_language(language)):
        build_visit_summary_pdf(data, out, pagesize=_pagesize(paper), progress=progress, cancelled=cancelled,
                                fmt=shown)
    return out.getvalue()


def load_builder(fmt: ReportFormat | None = None, language: str = "", country: str = "") -> None:
    """Load what every build of :func:`summary_pdf_bytes` with these options needs before its
    data is here: the builder and reportlab, the report fonts, and the printed format's words
    checked against them, as a build starts (the child of :mod:`.pdf_child` does this while the
    window reads the vault). Nothing it does depends on the data, and the build that follows
    does each step again (found done): a step that fails here fails there and is reported."""
    try:
        from ..reports.fonts import register_fonts
        from ..reports.formatting import printable
        from ..reports.layout import can_print
        from ..reports.visit_summary import build_visit_summary_pdf  # noqa: F401 - the rest of the builder

        with i18n.document_language(document_language(language)):
            printable(printed_format(fmt, language, country) or ReportFormat(), can_print(register_fonts()))
    except Exception:  # noqa: BLE001 - see above: the build meets it again and says so
        pass


def printed_format(fmt: ReportFormat | None, language: str = "", country: str = "") -> ReportFormat | None:
    """The format a summary asked for with ``fmt``, ``language`` and ``country`` (as
    :func:`summary_pdf_bytes` takes them) is printed in. A language chosen for the document brings
    its own way of writing dates and numbers; the window's language (``""``) keeps the user's own
    format settings as they are (None: the default format)."""
    return in_language(fmt or ReportFormat(), document_language(language), country) if i18n.normalise(language) else fmt


def document_language(code: str = "") -> str:
    """The language a summary chosen in ``code`` is written in: ``code`` when the app speaks it,
    else the window's (:func:`caregiver_app.i18n.process_language`). Part of what a kept preview
    was built for: a change of the window's language makes a new one."""
    return i18n.normalise(code) or i18n.process_language()
