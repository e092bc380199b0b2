"""Asking the main window to go somewhere, from any widget inside it, without wiring signals
through every page in between.

The main window :func:`offer`\\ s a table of named destinations (:data:`OPEN_EDUCATION_PAGE`,
:data:`OPEN_PLANS`, :data:`SHOW_GET_HELP`); a widget calls :func:`request` with one of those
names. When the widget is not inside a window that offers it (a page tested on its own), nothing
happens and ``False`` comes back.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QWidget

GET_HELP_KEYS = "Ctrl+Shift+H"
"""The shortcut for "Get help now" (F1 stays the usual Help key)."""

OPEN_EDUCATION_PAGE = "open_education_page"
"""``(page_id: str)``: show a warning-sign page."""
OPEN_PLANS = "open_plans"
"""``(which: str)``: show "My plans" at ``"relapse"`` or ``"safety"``."""
SHOW_GET_HELP = "show_get_help"
"""``()``: open crisis help."""

_offered: weakref.WeakKeyDictionary[QWidget, Mapping[str, Callable[..., object]]] = weakref.WeakKeyDictionary()


def offer(window: QWidget, destinations: Mapping[str, Callable[..., object]]) -> None:
    """Let widgets inside ``window`` reach ``destinations`` (name -> callable) by name."""
    _offered[window] = dict(destinations)


def request(widget: QWidget, name: str, *args: object) -> bool:
    """Go to ``name`` with ``args`` in ``widget``'s window when it offers it; True when done."""
    handler = _offered.get(widget.window(), {}).get(name)
    if handler is None:
        return False
    handler(*args)
    return True
