"""A new window language without a restart and without locking (Edit ▸ Settings… ▸ Language).

The main window is built again over the same context, rather than every widget re-worded in
place: every page, dialog and menu is written once, in the language in force when it is built,
and a page another engineer adds later comes in the new language with no extra code. The new
window shows the same page, the same person, at the same place and size; the vault stays open.

Typed words are never lost: every built page keeps its unsaved work in the vault first, the way a
lock does (``Page.keep_unsaved_work``: the journal's form becomes a kept draft, which the new
Journal page offers back at once; the plans are saved), after every running job has ended.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .common.translations import use_settings_language

if TYPE_CHECKING:
    from .main_window import MainWindow


def rebuild_in_new_language(old: MainWindow, adopt: Callable[[MainWindow], None]) -> None:
    """Speak the language of ``old.context.settings`` and replace ``old`` by a new main window
    (given to ``adopt``, which shows it and wires it as the app's window). Running jobs end first
    (:meth:`Ops.shut`, never blocking the window), then unsaved words are kept."""
    context = old.context
    old.setEnabled(False)  # nothing typed now, while the jobs end, could be kept

    def swap() -> None:
        from .main_window import MainWindow

        unlocked = not old.is_locked
        if unlocked:
            old.page_stack.each_built("keep_unsaved_work")
        current = old.page_stack.current()
        use_settings_language(context.settings)
        new = MainWindow(context, page=current.name if current is not None else "",
                         person_id=old.chosen_person_id())
        new.restoreGeometry(old.saveGeometry())
        old.retire()
        adopt(new)
        app = QCoreApplication.instance()
        if app is not None:
            new.activateWindow()

    context.ops.shut(swap)
