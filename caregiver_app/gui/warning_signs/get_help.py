"""Get help now: crisis help one click (or Ctrl+Shift+H) from every screen, locked or not.

The window shows, in this order: what to do if someone could die right now; the emergency and
crisis numbers of the chosen country (built-in ones with sources, plus numbers the user added);
the person's safety-plan contacts; and the first steps in plain words.

While the vault is locked it shows no health data at all: no names, no contacts — it says the
safety plan's people show after unlocking. It is a separate window, not a dialog of the main
window, so locking (or the idle lock) does not close it; it only drops the personal part.

This module is the part the main window needs from its start (the action with its shortcut and the
buttons); the window is :mod:`.get_help_window`, imported when it first opens (issue 16).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ...i18n import _, N_
from ..context import AppContext
from ..common.navigation import GET_HELP_KEYS
from ..common.ops import PLANS

if TYPE_CHECKING:
    from ...domain.model import Person
    from ...domain.plans import SafetyPlan
    from .get_help_window import GetHelpWindow

TITLE = N_("Get help now")
DESCRIPTION = N_("Crisis and emergency numbers, safety plan contacts and first steps")


def tooltip() -> str:
    return _("Crisis and emergency numbers, your safety plan and first steps ({keys})").format(keys=GET_HELP_KEYS)


class GetHelp(QObject):
    """Get help now for one main window: the action with its shortcut, the buttons, and the window.

    ``person`` returns the person chosen now, or None while locked or when no one is chosen;
    ``locked`` says whether the vault is locked.
    """

    def __init__(self, context: AppContext, window: QWidget, *, person: Callable[[], Person | None],
                 locked: Callable[[], bool]):
        super().__init__(window)
        self._context = context
        self._main = window
        self._person = person
        self._locked = locked
        self.window: GetHelpWindow | None = None
        self.buttons: list[QPushButton] = []
        self.action = QAction(_("&Get help now"), window)
        self.action.setShortcut(QKeySequence(GET_HELP_KEYS))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.setToolTip(tooltip())
        self.action.triggered.connect(self.show)
        window.addAction(self.action)
        # A safety plan saved while the window is open shows in it at once. A method, not a
        # lambda: the connection goes with this object, and keeps neither it nor its window alive.
        context.ops.changed.connect(self._on_change)

    def _on_change(self, change) -> None:
        if change.touches(PLANS):
            self.refresh()

    def make_button(self, parent: QWidget | None = None) -> QPushButton:
        """A "Get help now" button (bold, with the shortcut in its tooltip)."""
        button = QPushButton(_(TITLE), parent)
        font = button.font()
        font.setBold(True)
        button.setFont(font)
        button.setToolTip(tooltip())
        button.setAccessibleName(_(TITLE))
        button.setAccessibleDescription(_(DESCRIPTION))
        button.clicked.connect(self.show)
        self.buttons.append(button)
        return button

    def add_to_unlock_screen(self, screen: QWidget) -> QPushButton:
        """Put a Get help now button at the top right of the unlock screen."""
        button = self.make_button(screen)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout = screen.layout()
        if layout is not None and hasattr(layout, "insertLayout"):
            layout.insertLayout(0, row)
        return button

    def show(self) -> None:
        """Open (or bring forward) the window with what may be shown now."""
        if self.window is None:
            # The window and its modules load with the first press, not with the unlock screen.
            from .get_help_window import GetHelpWindow

            self.window = GetHelpWindow(self._context, self._main)
        self.window.show()
        self.refresh()
        self.window.raise_()
        self.window.activateWindow()
        self.window.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Bring the open window up to date (after a lock, an unlock or a change of person)."""
        window = self.window
        if window is None or not window.isVisible():
            return  # show() refreshes; lock() drops personal details even from a hidden window
        vault = self._context.vault  # only to know whether it is open; the read gets its own
        locked = self._locked() or vault is None or not vault.is_open
        person = None if locked else self._person()
        if locked or person is None or person.id is None:
            window.show_state(locked=locked, person=person)
            return
        person_id = person.id

        def done(plan: SafetyPlan) -> None:
            if self.window is not None and not self._locked() and self._person() == person:
                self.window.show_state(locked=False, person=person, plan=plan)

        def failed(_exc: BaseException) -> None:
            if self.window is not None and not self._locked():
                self.window.show_state(locked=False, person=person,
                                       problem=_("The safety plan could not be read just now. The numbers above still work."))

        window.show_state(locked=False, person=person, plan=None, problem=_("Reading the safety plan…"))
        from ...services import plans  # with the first person shown, not with the unlock screen

        self._context.ops.read(window, lambda vault: plans.get_safety_plan(vault, person_id), on_done=done,
                               on_error=failed, key=f"get-help-plan-{id(self)}")

    def lock(self) -> None:
        """Drop every personal detail from the window at once (the vault locked)."""
        if self.window is not None:
            self.window.show_state(locked=True)

    def close(self) -> None:
        if self.window is not None:
            self.window.close()


def __getattr__(name: str):
    # The window's names, re-exported without importing it with this module (issue 16).
    if name in ("GetHelpWindow", "first_steps", "emergency_numbers", "emergency_sentence", "LOCKED_PLAN_TEXT",
                "ABOUT_YOU"):
        from . import get_help_window

        return getattr(get_help_window, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
