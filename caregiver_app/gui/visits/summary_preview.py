"""The visit summary's preview: the PDF itself (Qt PDF module) with page navigation and zoom, and
printing through the system print dialog.

The PDF never touches the disk here: it is loaded from memory (a ``QBuffer``) and printed by
rendering each page to the printer. The print job is named "Visit summary" — never a person's
name.

Memory: the view keeps an image of every page it has drawn (at screen resolution, up to about 20
pages; some 20 MB after paging through a long summary). While the preview is hidden the view is
given an empty document, which drops those images; shown again it gets the PDF back at the page
the user was on, and draws only the pages on screen. After a build and after hiding, the C heap's
freed pages go back to the system (:func:`return_freed_memory`): a 10-year build frees tens of MB
that the allocator would otherwise keep.
"""

from __future__ import annotations

import ctypes
import functools
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ...i18n import _, N_
from ..common.building import shortcut, together, wrapping_row

PRINT_JOB_NAME = N_("Visit summary")
ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PRINT_DPI = 300


@functools.cache
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:  # the symbols already loaded into this process: glibc has malloc_trim, musl has not
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except OSError:
        return None


def return_freed_memory() -> None:
    """Give the memory freed inside the process back to the system, where the C library can
    (glibc's ``malloc_trim``; elsewhere nothing to do: their allocators return it themselves or
    offer no such call). Only freed memory: nothing in use moves."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class PdfPreview(QWidget):
    """Shows a PDF held in memory, with Previous/Next page, zoom out/in and Fit width."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._blank: QPdfDocument | None = None  # what the view holds while hidden (see the module note)
        self._hidden_at: int | None = None
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(_("Preview of the visit summary"))
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        def tool(text: str, tip: str, name: str, slot, keys: str = "") -> QToolButton:
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip + (f" ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
                                     if keys else ""))
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            if keys:
                shortcut(self, keys, slot)
            return button

        # Arrows only (named and with tooltips), so the preview leaves room for the controls
        # beside it in a small window or at large text.
        self.prev_button = tool("◀", _("Previous page"), _("Previous page"), self.previous_page, "PgUp")
        self.next_button = tool("▶", _("Next page"), _("Next page"), self.next_page, "PgDown")
        self.page_label = QLabel(self)
        self.page_label.setAccessibleName(_("Page number"))
        self.zoom_out_button = tool("−", _("Zoom out"), _("Zoom out"), self.zoom_out, "Ctrl+-")
        self.zoom_label = QLabel(self)
        self.zoom_label.setAccessibleName(_("Zoom"))
        self.zoom_in_button = tool("+", _("Zoom in"), _("Zoom in"), self.zoom_in, "Ctrl+=")
        self.fit_button = tool(_("Fit width"), _("Fit the page to the width"), _("Fit width"), self.fit_width, "Ctrl+0")
        self.fit_button.setCheckable(True)
        # The zoom buttons go under the page buttons when the preview is narrow (large text).
        bar = wrapping_row((together(self, self.prev_button, self.page_label, self.next_button),
                            together(self, self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                                     self.fit_button)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._update_controls)
        self.view.zoomFactorChanged.connect(lambda _z: self._update_controls())
        self._update_controls()

    # --- content ----------------------------------------------------------------------------
    def set_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` (the complete file, in memory), keeping the page the user was on."""
        page = self.current_page()
        self.clear()
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.page_count():
            self.go_to(min(page, self.page_count() - 1))
        self._update_controls()
        return_freed_memory()  # the previous document and the build's working memory

    def clear(self) -> None:
        """Drop the document and its bytes (nothing stays in memory)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._bytes = QByteArray()
        self._update_controls()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._hidden_at is not None:
            page, self._hidden_at = self._hidden_at, None
            self.view.setDocument(self.document)
            # Jump once the view has laid out the pages again (it does so on its next resize).
            QTimer.singleShot(0, self, lambda: self._return_to(page))

    def _return_to(self, page: int) -> None:
        if self._hidden_at is None and self.page_count():
            self.go_to(min(page, self.page_count() - 1))
        self._update_controls()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._hidden_at is None and self.view.document() is self.document and self.page_count():
            self._hidden_at = self.current_page()
            if self._blank is None:
                self._blank = QPdfDocument(self)
            self.view.setDocument(self._blank)
            return_freed_memory()
        super().hideEvent(event)

    def has_document(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.page_count() > 0

    def page_count(self) -> int:
        return self.document.pageCount()

    # --- navigation and zoom ------------------------------------------------------------------
    def current_page(self) -> int:
        if self._hidden_at is not None:
            return self._hidden_at
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if not 0 <= page < self.page_count():
            return
        if self._hidden_at is not None:
            self._hidden_at = page  # the view holds no pages while hidden: shown there when shown again
        else:
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._update_controls()
        self.page_changed.emit(page)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def zoom_in(self) -> None:
        current = self.view.zoomFactor()
        self._set_zoom(next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.view.zoomFactor()
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_controls()

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_controls()

    def _update_controls(self, *_args) -> None:
        count = self.page_count()
        page = self.current_page()
        has = count > 0
        self.page_label.setText(_("Page {page} of {count}").format(page=page + 1, count=count) if has
                                else _("No preview yet"))
        self.prev_button.setEnabled(has and page > 0)
        self.next_button.setEnabled(has and page < count - 1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(has)
        fit = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        # Fitted, the Fit width button says so (pressed); the label would only repeat it.
        self.fit_button.setChecked(fit)
        # TRANSLATORS: the preview's zoom, "150%"; write it as your language does ("150 %").
        self.zoom_label.setText(_("{percent}%").format(percent=round(self.view.zoomFactor() * 100)))
        self.zoom_label.setVisible(not fit)

    # --- printing -----------------------------------------------------------------------------
    def make_printer(self, paper: str) -> QPrinter:
        """A printer set up for this document: generic job name, ``paper`` ("letter"/"a4")."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_(PRINT_JOB_NAME))
        printer.setCreator("Caregiver Companion")
        size = QPageSize(QPageSize.PageSizeId.A4 if paper == "a4" else QPageSize.PageSizeId.Letter)
        printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, printer.pageLayout().margins()))
        printer.setFromTo(1, max(self.page_count(), 1))
        return printer

    def ask_printer(self, paper: str) -> QPrinter | None:
        """The system print dialog for this document (on the GUI thread): the printer chosen,
        or None when there is nothing to print or the user cancelled."""
        if not self.has_document():
            return None
        printer = self.make_printer(paper)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the visit summary"))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        return printer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Render the pages of ``pdf`` that ``printer`` asks for (all when it names none) onto it,
    one page at a time (memory stays flat). Safe off the GUI thread: it uses its own document
    (Qt PDF serialises its engine). Returns how many pages were sent (0: the printer refused)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, count
    painter = QPainter()
    if count == 0 or not painter.begin(printer):
        document.close()
        return 0
    sent = 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for number in range(first, min(last, count) + 1):
            if number > first:
                printer.newPage()
            points = document.pagePointSize(number - 1)
            scale = min(area.width() / points.width(), area.height() / points.height())
            target = QSize(int(points.width() * scale), int(points.height() * scale))
            painter.drawImage(0, 0, document.render(number - 1, target))
            sent += 1
    finally:
        painter.end()
        document.close()
        buffer.close()
    return sent
