"""Application-wide event filters (the wheel guard, the screen-reader namer) are installed once."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

Filter = TypeVar("Filter", bound=QObject)


def install_once(app: QApplication, kind: type[Filter]) -> Filter:
    """The ``kind`` filter installed on ``app``: the one already there, or a new one."""
    existing = app.findChild(kind)
    if existing is not None:
        return existing
    made = kind(app)
    app.installEventFilter(made)
    return made
