"""The Qt half of ``caregiver-app --self-test`` (run in a child process by
:mod:`caregiver_app.selftest`), and the message box for an incomplete installation.

The child starts a QApplication on this system's usual platform plugin, reads the self-test's PDF
back with QtPdf (and draws its first page), prints a page to a PDF file with QtPrintSupport, and
lists the image-format plugins and Qt's own translations. It prints one JSON object. No window is
shown.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QSize, qVersion
from PySide6.QtGui import QImageReader, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox
from ..i18n import _

REQUIRED_IMAGE_FORMATS = ("png", "jpeg", "svg", "ico")
"""Image formats the app relies on: PNG and SVG for the ecomap, JPEG and ICO for icons."""


def _read_pdf(pdf: Path) -> dict:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    status = document.load(str(pdf))
    pages = document.pageCount() if status == QPdfDocument.Error.None_ else 0
    image = document.render(0, QSize(200, 260)) if pages else None
    drawn = bool(image is not None and not image.isNull())
    document.close()
    return {"pdf_pages": pages, "pdf_page_drawn": drawn}


def _print_to_pdf(target: Path) -> bool:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    painter.drawText(100, 100, "Caregiver Companion self-test")
    painter.end()
    return target.is_file() and target.read_bytes()[:5] == b"%PDF-"


def report(folder: Path, pdf: Path) -> dict:
    """Every Qt check as a dict with a ``missing`` list (empty when all is well)."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "caregiver-app"])
    result: dict = {"platform": app.platformName(), "qt_version": qVersion()}
    checks = ["printing", "qt_translations"]
    if pdf.is_file():  # no PDF when the vault half failed: that is reported there
        result.update(_read_pdf(pdf))
        checks += ["pdf_pages", "pdf_page_drawn"]
    result["printing"] = _print_to_pdf(folder / "printed.pdf")
    formats = sorted({bytes(name).decode() for name in QImageReader.supportedImageFormats()})
    result["image_formats"] = formats
    translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    result["qt_translations"] = len(list(translations.glob("qtbase_*.qm"))) if translations.is_dir() else 0
    missing = [name for name in checks if not result[name]]
    missing += [f"image_format_{name}" for name in REQUIRED_IMAGE_FORMATS if name not in formats]
    result["missing"] = missing
    return result


def main(args: list[str]) -> int:
    """``--self-test-qt FOLDER PDF``: print the report as one JSON line (PDF may be absent)."""
    folder, pdf = Path(args[0]), Path(args[1])
    print(json.dumps(report(folder, pdf)))
    return 0


def incomplete_install_box(message: str) -> QMessageBox:
    """The window that says the installation must be repaired (``message`` names what is missing)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Caregiver Companion", message, QMessageBox.StandardButton.Close)
    box.setInformativeText(_("Download the installer again and run it. Your journal stays where it is."))
    box.setAccessibleName(_("This installation is incomplete"))
    return box


def show_incomplete_install(message: str) -> int:
    """Show :func:`incomplete_install_box` until it is closed. Returns exit code 7 (the CLI's EXIT_INCOMPLETE)."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "caregiver-app"])
    app.setApplicationDisplayName("Caregiver Companion")
    incomplete_install_box(message).exec()
    return 7
