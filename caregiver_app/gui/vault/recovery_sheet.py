"""Print or save the recovery-code sheet, from the setup wizard (and from any dialog that has
just shown a new code). Nothing is written to disk unless the user saves it; printing goes
through the system print dialog with the generic job name "Recovery code"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ...i18n import N_, _
from ...domain.errors import CaregiverError
from ...services.recovery_sheet import recovery_sheet_pdf
from ...services.summary import write_pdf_bytes
from ..common import formatting
from ..common.errors import show_error

JOB_NAME = N_("Recovery code")


class RecoverySheetDialog(QDialog):
    """Offers Print… and Save as PDF… for the sheet of one code (held only while open)."""

    def __init__(self, code: str, paper: str = "letter", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Print or save the recovery code sheet"))
        self._paper = paper
        self._pdf = recovery_sheet_pdf(code, paper=paper, fmt=formatting.report_format())
        self.saved_path: Path | None = None
        layout = QVBoxLayout(self)
        text = QLabel(_("The sheet shows your recovery code in large print, how to use it if you forget your "
                      "passphrase, and where to keep it. It has no names on it. Print it, or save it and "
                      "print it elsewhere — then delete the saved file."))
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(_("&Print…"))
        self.save_button = QPushButton(_("&Save as PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.save_sheet)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def pdf(self) -> bytes:
        return self._pdf

    def print_sheet(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_(JOB_NAME))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        data = QByteArray(self._pdf)
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            points = document.pagePointSize(0)
            scale = min(area.width() / points.width(), area.height() / points.height())
            painter.drawImage(0, 0, document.render(0, QSize(int(points.width() * scale), int(points.height() * scale))))
        finally:
            painter.end()
            document.close()
        return True

    def save_sheet(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the recovery code sheet"), "recovery-code.pdf",
                                              _("PDF files (*.pdf)"))
        if not path:
            return
        try:
            self.saved_path = write_pdf_bytes(self._pdf, Path(path), what=_("the recovery code sheet"))
        except CaregiverError as exc:
            show_error(self, exc, _("The sheet was not saved"))

    def done(self, result: int) -> None:
        self._pdf = b""  # the code does not outlive the dialog
        super().done(result)
