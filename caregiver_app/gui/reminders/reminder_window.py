"""The small reminder window: always on top, not modal, shown without taking the keyboard from
what the user is doing (a click or Alt+Tab gives it the keyboard). Its buttons answer the
reminder; buttons inside desktop notifications are not available through Qt's tray icon, so this
window carries them and the tray only shows the short, generic message.

Its title never names a medicine or a visit ("Reminder"); while the vault is locked it says only
"Time for your check-in" and offers Unlock… and Later.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...i18n import N_, _, ngettext
from ...domain.reminders import ReminderKind
from .words import Words

TITLE = N_("Reminder")

TAKEN, SKIPPED, LATER, DONE, OPEN, UNLOCK = "taken", "skipped", "later", "done", "open", "unlock"
"""What the buttons answer (the ``answered`` signal's text)."""

BUTTONS: dict[ReminderKind | None, tuple[tuple[str, str, str], ...]] = {
    ReminderKind.MEDICINE: ((TAKEN, N_("&Taken"), N_("Record the dose as taken now")),
                            (SKIPPED, N_("&Skipped"), N_("Record the dose as missed")),
                            (LATER, N_("&Later"), "")),
    ReminderKind.DAILY: ((OPEN, N_("&Check in now"), N_("Open the daily check-in")),
                         (LATER, N_("&Later"), ""),
                         (DONE, N_("&Not today"), N_("No check-in reminder again today"))),
    ReminderKind.APPOINTMENT: ((OPEN, N_("&Prepare for this visit"), N_("Open the visit summary for this visit, with its "
                                                                    "questions")),
                               (LATER, N_("&Later"), ""),
                               (DONE, N_("&Got it"), N_("No reminder of this visit again"))),
    ReminderKind.REFILL: ((OPEN, N_("&Open medicines"), N_("Open the Medications page to update the count")),
                          (LATER, N_("&Later"), ""),
                          (DONE, N_("&Got it"), N_("No refill reminder again until the next count"))),
    None: ((UNLOCK, N_("&Unlock…"), N_("Open Caregiver Companion to unlock it, then answer")),
           (LATER, N_("&Later"), "")),
}
"""The buttons of each kind of reminder (``None``: the locked, generic one)."""


class ReminderWindow(QWidget):
    """Shows one reminder at a time. ``answered(str)`` carries one of :data:`TAKEN`,
    :data:`SKIPPED`, :data:`LATER`, :data:`DONE`, :data:`OPEN`, :data:`UNLOCK`. Closing it (or
    Escape) means Later."""

    answered = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.kind: ReminderKind | None = None
        self._later_minutes = 10
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.more = QLabel(self)
        self.more.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(_("Problem"))
        self.problem.hide()
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addWidget(self.more)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self._row = QHBoxLayout()
        layout.addLayout(self._row)
        self.buttons: dict[str, QPushButton] = {}
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, lambda: self.answered.emit(LATER))
        width = self.fontMetrics().averageCharWidth() * 56
        self.setMinimumWidth(width)

    def show_words(self, words: Words, kind: ReminderKind | None, *, waiting: int = 0, later_minutes: int = 10) -> None:
        """Show ``words`` with the buttons of ``kind`` (None: locked); ``waiting`` more reminders
        come after this one. Shows the window (on top) when hidden."""
        self.kind = kind
        self._later_minutes = later_minutes
        self.heading.setText(words.heading)
        self.detail.setText(words.detail)
        self.more.setText("" if not waiting else (
            ngettext("{count} more reminder after this one.", "{count} more reminders after this one.",
                     waiting).format(count=waiting)))
        self.more.setVisible(bool(waiting))
        self.set_problem("")
        self._set_buttons(kind)
        self.setAccessibleDescription(f"{words.heading}. {words.detail}")
        if not self.isVisible():
            self.adjustSize()
            self._to_corner()
            self.show()
        self.raise_()

    def _to_corner(self) -> None:
        """Where desktop notifications appear: the lower right of the screen (the lower left in
        right-to-left languages), clear of the taskbar."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        margin = self.fontMetrics().height()
        size = self.sizeHint().expandedTo(self.minimumSize())
        x = area.left() + margin if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else \
            area.right() - size.width() - margin
        self.move(max(area.left(), x), max(area.top(), area.bottom() - size.height() - margin * 3))

    def set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """While an answer is being saved, the buttons wait (no double answers)."""
        for button in self.buttons.values():
            button.setEnabled(not busy)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        """Closed with its title bar's button: the same as Later (nothing is lost)."""
        event.ignore()
        self.answered.emit(LATER)

    def hide_quietly(self) -> None:
        """Hide without answering (nothing is due any more), and forget the words: a hidden
        window must not hold a medicine's name for the accessibility tree while locked."""
        self.hide()
        for label in (self.heading, self.detail, self.more, self.problem):
            label.clear()
        self.setAccessibleDescription("")

    def _set_buttons(self, kind: ReminderKind | None) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone at once, not at the next event loop turn
                item.widget().deleteLater()
        self.buttons = {}
        for answer, text, tip in BUTTONS[kind]:
            text, tip = _(text), _(tip) if tip else ""
            button = QPushButton(text, self)
            if answer == LATER:
                tip = ngettext("Remind again in {count} minute", "Remind again in {count} minutes",
                               self._later_minutes).format(count=self._later_minutes)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            if tip:
                button.setAccessibleDescription(tip)
            button.setAutoDefault(True)
            button.clicked.connect(lambda _checked=False, a=answer: self.answered.emit(a))
            self._row.addWidget(button)
            self.buttons[answer] = button
        self._row.addStretch(1)
        first = next(iter(self.buttons.values()))
        first.setDefault(True)
        previous = None
        for button in self.buttons.values():
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button
        first.setFocus(Qt.FocusReason.OtherFocusReason)
