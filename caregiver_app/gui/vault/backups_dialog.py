"""File ▸ Backups…: the vault's encrypted backups with their dates and what is in them, a backup
made on request, and putting one back (after a preview and a confirmation whose default answer is
to keep things as they are; the vault as it is now is backed up first)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _
from ...domain.errors import CaregiverError
from ...services import backups
from ..context import AppContext
from ..common.errors import show_error
from ..common.ops import CONCEPTS
from ..common.page import confirm
from ..common.trust_widgets import entries_words, heading_label, people_lines, plain_label, when_text
from .unlock_screen import announce

INTRO = N_(
    "Caregiver Companion keeps encrypted copies of your vault in its own folder: one each day "
    "you use it, and one before every app update, every import, every undo of an import and every "
    "restore. It keeps the last 7 days and 4 weeks. Backups open only with your vault's key, like "
    "the vault itself."
)
UNREADABLE = N_("This backup could not be read.")


@dataclass(frozen=True)
class Row:
    """One line of the list: the backup and its people (None when it could not be read)."""

    found: backups.BackupFile
    people: tuple | None


def load_rows(vault) -> tuple[list[Row], list]:
    """Every backup with each person's entries, and the vault's own numbers now (a job)."""
    rows = [Row(found, summary.people if summary else None) for found, summary in backups.summaries(vault)]
    return rows, backups.current_people(vault)


class BackupsDialog(QDialog):
    """The backups of the open vault. Emits :attr:`restored` after a backup was put back (the
    window then re-reads everything)."""

    restored = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.rows: list[Row] = []
        self.now_people: list = []
        self._busy = False
        self.setWindowTitle(_("Backups"))
        self.setAccessibleName(_("Backups"))
        em, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().height()
        self.setMinimumSize(em * 70, line * 20)
        self.resize(em * 110, line * 28)

        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(_(INTRO), name=_("About backups")))

        self.list_label = heading_label(_("&Backups, newest first"))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([_("Made"), _("Why"), _("Entries")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(_("Backups, newest first"))
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._show_details())
        self.list_label.setBuddy(self.tree)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_label)
        left_layout.addWidget(self.tree, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(heading_label(_("In the chosen backup")))
        self.backup_label = plain_label(name=_("In the chosen backup"))
        self.backup_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                                  | Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.backup_label)
        right_layout.addSpacing(line // 2)
        right_layout.addWidget(heading_label(_("In your vault now")))
        self.now_label = plain_label(name=_("In your vault now"))
        right_layout.addWidget(self.now_label)
        right_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.status_label = plain_label(name=_("Status"), bold=True)
        self.status_label.hide()
        layout.addWidget(self.status_label)

        row = QHBoxLayout()
        self.backup_now_button = QPushButton(_("Back up &now"))
        self.backup_now_button.setAccessibleName(_("Back up now"))
        self.backup_now_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(_("&Restore this backup…"))
        self.restore_button.setAccessibleName(_("Restore this backup"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setAutoDefault(False)
        row.addWidget(self.backup_now_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        QWidget.setTabOrder(self.tree, self.backup_now_button)
        QWidget.setTabOrder(self.backup_now_button, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.close_button)
        self._update_buttons()

    # --- public -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list of backups (a read off the GUI thread)."""
        self._set_busy(True)
        self.context.ops.read(self, load_rows, on_done=self._on_loaded, on_error=self._on_failed,
                              key=f"backups-{id(self)}", label=_("Reading the backups…"))

    def selected(self) -> Row | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = self.tree.indexOfTopLevelItem(item)
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def back_up_now(self) -> None:
        """Make a backup now (on the write lane: never between the parts of a save or a restore)."""
        if self._busy:
            return
        clock = self.context.clock

        def done(summary: backups.BackupSummary) -> None:
            self._say(_("Made a backup ({when}).").format(when=when_text(summary.made_at, self.context.zone_name)))

        self._write(lambda vault: backups.back_up_now(vault, clock=clock), done, frozenset(), _("Making a backup…"))

    def restore_selected(self) -> None:
        """Preview, confirm (the default answer keeps things as they are), then restore."""
        row = self.selected()
        if row is None or self._busy:
            return
        if row.people is None:
            self._say(_(UNREADABLE))
            return
        when = when_text(row.found.made_at, self.context.zone_name)
        details = (
            _("In that backup:\n{backup}\n\nIn your vault now:\n{now}\n\n"
              "Anything saved after that backup will no longer show. Your vault as it is now is backed up "
              "first, so you can come back to it from this list.").format(
                backup=people_lines(row.people), now=people_lines(self.now_people))
        )
        if not confirm(self, _("Put your journal back to how it was on {when}?").format(when=when), yes=_("Restore this backup"),
                       no=_("Keep things as they are"), destructive=True, details=details, title=_("Restore this backup?")):
            return
        clock, path = self.context.clock, row.found.path

        def done(_result: backups.RestoreResult) -> None:
            self._say(
                _("Restored the backup from {when}. Your vault as it was a moment ago is kept as a backup "
                  "(“Before a restore”).").format(when=when)
            )
            self.restored.emit()

        # Everything may differ after a restore: every page re-reads from the change.
        self._write(lambda vault: backups.restore_backup(vault, path, clock=clock), done, CONCEPTS,
                    _("Restoring the backup…"))

    # --- private ------------------------------------------------------------------------------

    def _on_loaded(self, result) -> None:
        self._set_busy(False)
        self.rows, self.now_people = result
        self.tree.clear()
        zone = self.context.zone_name
        for row in self.rows:
            total = "—" if row.people is None else entries_words(sum(p.entries for p in row.people))
            item = QTreeWidgetItem([when_text(row.found.made_at, zone), backups.kind_words(row.found.reason), total])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                         f"{when_text(row.found.made_at, zone)}, {backups.kind_words(row.found.reason)}, {total}")
            self.tree.addTopLevelItem(item)
        self.now_label.setText(people_lines(self.now_people))
        if self.rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.backup_label.setText(_("There are no backups yet. The first one is made today, a few "
                                      "seconds after the vault opens, or now with “Back up now”."))
        self._update_buttons()

    def _write(self, job, done, changes: frozenset[str], label: str) -> None:
        """Run ``job(vault)`` as a write; ``done(result)``, then the list is read again."""

        def finished(result) -> None:
            self._set_busy(False)
            done(result)
            self.refresh()

        self._set_busy(True)
        self.context.ops.write(self, job, changes=changes, on_done=finished, on_error=self._on_failed, label=label)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc, _("Backups"))

    def _show_details(self) -> None:
        row = self.selected()
        if row is None:
            self.backup_label.setText("")
        elif row.people is None:
            self.backup_label.setText(_(UNREADABLE))
        else:
            self.backup_label.setText(people_lines(row.people))
        self._update_buttons()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        self.restore_button.setEnabled(not self._busy and row is not None and row.people is not None)
        self.backup_now_button.setEnabled(not self._busy)

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        announce(self.status_label, text)
