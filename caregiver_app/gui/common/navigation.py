"""Asking the main window to go somewhere, from any widget inside it, without wiring signals
through every page in between.

A widget calls :func:`request` with the name of one of the window's navigation methods
(:data:`OPEN_EDUCATION_PAGE`, :data:`OPEN_PLANS`, :data:`SHOW_GET_HELP`). When the widget is not
inside a window that offers it (a page tested on its own), nothing happens and ``False`` comes back.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

GET_HELP_KEYS = "Ctrl+Shift+H"
"""The shortcut for "Get help now" (F1 stays the usual Help key)."""

OPEN_EDUCATION_PAGE = "open_education_page"
"""``window.open_education_page(page_id: str)``: show a warning-sign page."""
OPEN_PLANS = "open_plans"
"""``window.open_plans(which: str)``: show "My plans" at ``"relapse"`` or ``"safety"``."""
SHOW_GET_HELP = "show_get_help"
"""``window.show_get_help()``: open crisis help."""


def request(widget: QWidget, name: str, *args: object) -> bool:
    """Call ``name(*args)`` on ``widget``'s window when it has such a method; True when called."""
    handler = getattr(widget.window(), name, None)
    if not callable(handler):
        return False
    handler(*args)
    return True
