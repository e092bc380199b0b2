"""The window's size and place, kept in the settings file between runs (never a name or a note:
Qt's own geometry bytes, base64)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from ...settings import Settings, save_in_folder

log = logging.getLogger("caregiver_app")


def restore_geometry(window: QWidget, settings: Settings) -> None:
    """Put ``window`` where it was last time; on the first start (or when the saved bytes do not
    fit this screen) size it for the pages at the present text size, inside the screen."""
    saved = settings.window_geometry
    if saved and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
        return
    # First start: room for the editor beside the list and chart (the pages were made for about
    # 1200 x 800 at normal text), kept inside the screen; larger text gets a larger window.
    metrics = window.fontMetrics()
    width, height = metrics.averageCharWidth() * 190, metrics.height() * 58
    screen = window.screen().availableGeometry() if window.screen() is not None else None
    if screen is not None:
        width, height = min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
    window.resize(width, height)


def keep_geometry(window: QWidget, settings: Settings, path: Path, folder: Path) -> None:
    """Save ``window``'s size and place into ``settings`` and the settings file at ``path`` (of
    the data folder ``folder``, never made again if it went away); a file that cannot be written
    is logged (the error's kind only) and otherwise ignored."""
    settings.window_geometry = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    try:
        save_in_folder(settings, path, folder)
    except OSError as exc:
        log.warning("could not save the window size: %s", type(exc).__name__)
