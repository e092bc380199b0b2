"""The first window when the data folder given is not there at all (a drive or network folder not
connected, a mistyped ``--data-dir``), cannot be opened, or is a file: it says so and offers "Try again"; making a new, empty
journal there is a second, deliberate choice. Without it, a journal on an unplugged drive looked
like a brand-new app offering to start over (and a vault made then would hide behind the drive's
mount point once the drive is back). Nothing is remembered: the folder comes from the command line
each time, and this screen writes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ... import APP_NAME
from ...i18n import N_, _
from ...services.vault import out_of_reach, vault_exists
from ..context import AppContext
from ..warning_signs.get_help import GetHelp
from .unlock_screen import PANEL_WIDTH_CHARS, announce, scale_font

TITLE = N_("Your journal was not found")
STILL_NOT_THERE = N_("There is still no journal in {folder}.")
THERE_BUT_EMPTY = N_(
    "The folder {folder} is there now, but it holds no journal. If your journal is in another folder, "
    "start the app with that one. Nothing was changed."
)


class MissingFolderScreen(QWidget):
    """Emits :attr:`found` once "Try again" finds a vault in the folder, :attr:`start_new` when
    the user chooses to start a new journal there, :attr:`quit` for Quit or closing the window."""

    found = Signal()
    start_new = Signal()
    quit = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._done = False  # one of the three signals was emitted: closing then quits nothing
        self.setWindowTitle(APP_NAME)

        self.title_label = QLabel(_(TITLE))
        self.title_label.setWordWrap(True)
        scale_font(self.title_label, 1.5)
        self.message_label = QLabel()
        self.status_label = QLabel()
        for label in (self.message_label, self.status_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            # The folder's path can be copied (to check it, or to tell someone).
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        status_font = self.status_label.font()
        status_font.setBold(True)  # stands out by weight, not by colour
        self.status_label.setFont(status_font)
        self.status_label.hide()

        self.try_again_button = QPushButton(_("&Try again"))
        self.try_again_button.setDefault(True)
        self.try_again_button.setAutoDefault(True)
        self.new_button = QPushButton(_("Start a &new journal here…"))
        self.new_button.setAutoDefault(False)
        self.quit_button = QPushButton(_("&Quit"))
        self.quit_button.setAutoDefault(False)
        self.try_again_button.clicked.connect(self.try_again)
        self.new_button.clicked.connect(lambda: self._finish(self.start_new))
        self.quit_button.clicked.connect(lambda: self._finish(self.quit))

        gap = self.fontMetrics().height() // 2
        buttons = QHBoxLayout()
        buttons.addWidget(self.try_again_button)
        buttons.addSpacing(gap * 2)  # kept apart even when the words are long (large text, Spanish)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)  # the second choice, apart from the first
        buttons.addWidget(self.quit_button)
        panel = QVBoxLayout()
        panel.addWidget(self.title_label)
        panel.addSpacing(gap)
        panel.addWidget(self.message_label)
        panel.addWidget(self.status_label)
        panel.addSpacing(gap)
        panel.addLayout(buttons)
        holder = QWidget()
        holder.setLayout(panel)
        # A readable line length that grows with the system font size.
        holder.setMaximumWidth(self.fontMetrics().averageCharWidth() * PANEL_WIDTH_CHARS * 2)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        # Crisis help is one click (or Ctrl+Shift+H) from every screen, this one too: the numbers
        # of the country in force, nothing personal (no vault is open).
        self.get_help = GetHelp(context, self, person=lambda: None, locked=lambda: True)
        self.get_help_button = self.get_help.add_to_unlock_screen(self)
        self._say_why()
        self.try_again_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say_why(self) -> bool:
        """Word the screen for what is the matter now (not there, cannot be opened, a file);
        False when the folder can be looked into now. A new journal is offered only where one
        could be made."""
        reason = out_of_reach(self.context.paths)
        if reason is None:
            if not vault_exists(self.context.paths):  # the folder came back, but empty
                self.message_label.setText(_(THERE_BUT_EMPTY).format(folder=self.context.paths.folder.absolute()))
            self.new_button.show()
            return False
        words, can_start_new = reason
        self.message_label.setText(words)
        self.new_button.setHidden(not can_start_new)
        return True

    def message_text(self) -> str:
        return self.message_label.text()

    def status_text(self) -> str:
        return self.status_label.text() if self.status_label.isVisible() else ""

    def try_again(self) -> None:
        """Look again (three file checks, nothing written): the vault there now -> :attr:`found`."""
        if self._done:
            return
        if not self._say_why() and vault_exists(self.context.paths):
            self._finish(self.found)
            return
        text = _(STILL_NOT_THERE).format(folder=self.context.paths.folder.absolute())
        self.status_label.setText(text)
        self.status_label.show()
        announce(self.status_label, text)

    def _finish(self, signal) -> None:
        if not self._done:
            self._done = True
            signal.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802  (Qt's name)
        self._finish(self.quit)  # the window's close button: as Quit
        super().closeEvent(event)
