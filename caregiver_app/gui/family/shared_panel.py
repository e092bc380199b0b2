"""The Share with family window once this journal is shared: the computers in the family and
when each last synced (this one marked), Invite another computer, Remove…, Sync now, "Last
synced …", two versions of a note side by side to choose from, and deleted rows to bring back.

Every read and write goes through ``context.ops``; the sync itself through the window's one
:class:`~caregiver_app.gui.family.background.FamilySync`."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import timeutil
from ...i18n import _, ngettext
from ...services import family_sync
from ..common import formatting
from ..common.page import confirm
from ..common.trust_widgets import heading_label, plain_label, tell
from ..context import AppContext
from ..vault.unlock_screen import announce
from .background import SHARED_CONCEPTS, FamilySync
from .words import last_synced, what


@dataclass(frozen=True)
class Shown:
    """What the panel shows, read in one go off the window's thread."""

    status: family_sync.FamilyStatus
    conflicts: list[family_sync.Conflict]
    deleted: list[tuple[str, str]]


def read_shown(vault) -> Shown | None:
    status = family_sync.family_status(vault)
    if status is None:
        return None
    return Shown(status, family_sync.conflicts(vault), family_sync.deleted_rows(vault))


def member_text(member: family_sync.Member, zone_name: str, today) -> str:
    if member.removed:
        return _("{name} (removed from the family)").format(name=member.name)
    name = _("{name} (this computer)").format(name=member.name) if member.this_computer else member.name
    return _("{name} — {synced}").format(name=name, synced=last_synced(member.last_synced_at, zone_name, today))


def _lines_high(widget: QWidget, lines: int) -> None:
    """About ``lines`` lines of text high (at the user's font size), never a page of empty rows."""
    height = widget.fontMetrics().lineSpacing() * lines + 2 * widget.frameWidth() + 8
    widget.setMinimumHeight(widget.fontMetrics().lineSpacing() * 2 + 2 * widget.frameWidth() + 8)
    widget.setMaximumHeight(height)


def _value_text(value: object) -> str:
    return "" if value is None else str(value)


class SharedPanel(QWidget):
    """The shared family; :attr:`invited` hands the dialog a new invitation code to show,
    :attr:`not_shared` says a read found the journal not shared (the dialog then offers the two
    ways in)."""

    invited = Signal(str)
    not_shared = Signal()

    def __init__(self, context: AppContext, syncer: FamilySync, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.syncer = syncer
        self.shown: Shown | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.folder_label = plain_label(name=_("Shared folder"))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)
        self.members_heading = heading_label(_("&Computers in this family"))
        layout.addWidget(self.members_heading)
        self.members = QListWidget()
        self.members.setAccessibleName(_("Computers in this family"))
        self.members.setWordWrap(True)
        self.members.currentRowChanged.connect(self._update_buttons)
        _lines_high(self.members, 5)
        self.members_heading.setBuddy(self.members)
        layout.addWidget(self.members)
        row = QHBoxLayout()
        self.invite_button = QPushButton(_("&Invite another computer…"))
        self.invite_button.setToolTip(_("Show a new one-time invitation code for one more computer"))
        self.invite_button.clicked.connect(self.invite)
        self.remove_button = QPushButton(_("&Remove…"))
        self.remove_button.setAccessibleName(_("Remove the chosen computer from the family"))
        self.remove_button.clicked.connect(self.remove)
        self.sync_button = QPushButton(_("S&ync now"))
        self.sync_button.setToolTip(_("Send what changed here and bring in what the others sent"))
        self.sync_button.clicked.connect(self.sync)
        for button in (self.invite_button, self.remove_button, self.sync_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.synced_label = plain_label(name=_("Sync status"))
        layout.addWidget(self.synced_label)

        self.conflict_box = QWidget()
        grid = QGridLayout(self.conflict_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.conflict_heading = heading_label(_("Two versions of a note"))
        grid.addWidget(self.conflict_heading, 0, 0, 1, 2)
        self.conflict_where = plain_label(name=_("Where the note is"), bold=True)
        grid.addWidget(self.conflict_where, 1, 0, 1, 2)
        self.conflict_intro = plain_label(name=_("About the two versions"))
        grid.addWidget(self.conflict_intro, 2, 0, 1, 2)
        self.kept_label = plain_label(_("In the journal now:"), bold=True)
        self.other_label = plain_label(_("The other version:"), bold=True)
        self.kept_text = self._version_box(_("The version in the journal now"))
        self.other_text = self._version_box(_("The other version"))
        self.keep_button = QPushButton(_("&Keep this one"))
        self.keep_button.setAccessibleName(_("Keep the version in the journal now"))
        self.keep_button.clicked.connect(lambda: self.resolve(keep_other=False))
        self.other_button = QPushButton(_("Keep the &other"))
        self.other_button.setAccessibleName(_("Keep the other version"))
        self.other_button.clicked.connect(lambda: self.resolve(keep_other=True))
        for column, (label, box, button) in enumerate(((self.kept_label, self.kept_text, self.keep_button),
                                                       (self.other_label, self.other_text, self.other_button))):
            button.setAutoDefault(False)
            grid.addWidget(label, 3, column)
            grid.addWidget(box, 4, column)
            grid.addWidget(button, 5, column, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.conflict_box)

        self.deleted_heading = heading_label(_("&Deleted, can be brought back"))
        layout.addWidget(self.deleted_heading)
        self.deleted = QListWidget()
        self.deleted.setAccessibleName(_("Deleted, can be brought back"))
        self.deleted.currentRowChanged.connect(self._update_buttons)
        _lines_high(self.deleted, 4)
        self.deleted_heading.setBuddy(self.deleted)
        layout.addWidget(self.deleted)
        back_row = QHBoxLayout()
        self.back_button = QPushButton(_("&Bring back"))
        self.back_button.setAccessibleName(_("Bring back the chosen deleted row"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.bring_back)
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        layout.addLayout(back_row)
        self.deleted_widgets = (self.deleted_heading, self.deleted, self.back_button)
        syncer.synced.connect(lambda _result: self.refresh())
        syncer.problem.connect(self._say)
        self._update_buttons()

    def _version_box(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setReadOnly(True)
        box.setAccessibleName(name)
        box.setTabChangesFocus(True)
        _lines_high(box, 5)
        return box

    # --- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.context.ops.read(self, read_shown, on_done=self.show_shown, key="family-panel")

    def _today(self):
        return timeutil.utc_to_local(self.context.clock(), timeutil.zone(self.context.zone_name)).date()

    def show_shown(self, shown: Shown | None) -> None:
        if shown is None:
            self.not_shared.emit()
            return
        self.shown = shown
        zone, today = self.context.zone_name, self._today()
        self.folder_label.setText(_("Shared folder: {folder}").format(folder=shown.status.folder))
        chosen = self.members.currentItem().data(Qt.ItemDataRole.UserRole) if self.members.currentItem() else None
        self.members.clear()
        for member in shown.status.members:
            item = QListWidgetItem(member_text(member, zone, today))
            item.setData(Qt.ItemDataRole.UserRole, member.device_id)
            self.members.addItem(item)
            if member.device_id == chosen:
                self.members.setCurrentItem(item)
        mine = next((m for m in shown.status.members if m.this_computer), None)
        waiting = shown.status.waiting_to_send
        synced = last_synced(mine.last_synced_at if mine else None, zone, today)
        if waiting:
            synced = ngettext("{synced}. {count} change waits to be sent.", "{synced}. {count} changes wait to be sent.",
                              waiting).format(synced=synced, count=formatting.count_text(waiting))
        self._say(self.syncer.problem_text or synced)
        self._show_conflict(shown.conflicts)
        self.deleted.clear()
        for table, gid in shown.deleted:
            item = QListWidgetItem(what(table))
            item.setData(Qt.ItemDataRole.UserRole, (table, gid))
            self.deleted.addItem(item)
        for widget in self.deleted_widgets:
            widget.setVisible(bool(shown.deleted))
        self._update_buttons()

    def _show_conflict(self, found: list[family_sync.Conflict]) -> None:
        self.conflict_box.setVisible(bool(found))
        if not found:
            return
        first = found[0]
        self.conflict_where.setText(_("The note belongs to: {what}").format(what=what(first.what)))
        self.conflict_intro.setText(ngettext(
            "Two people changed this note at about the same time. Both versions are kept until you choose one. "
            "({count} such note in all.)",
            "Two people changed this note at about the same time. Both versions are kept until you choose one. "
            "({count} such notes in all.)", len(found)).format(count=formatting.count_text(len(found))))
        self.kept_text.setPlainText(_value_text(first.kept))
        self.other_text.setPlainText(_value_text(first.other))

    def _update_buttons(self, _row: int = -1) -> None:
        item = self.members.currentItem()
        member = None
        if item is not None and self.shown is not None:
            member = next((m for m in self.shown.status.members
                           if m.device_id == item.data(Qt.ItemDataRole.UserRole)), None)
        self.remove_button.setEnabled(member is not None and not member.this_computer and not member.removed)
        self.back_button.setEnabled(self.deleted.currentItem() is not None)

    def _say(self, text: str) -> None:
        self.synced_label.setText(text)
        announce(self.synced_label, text)

    # --- doing --------------------------------------------------------------------------------

    def sync(self) -> None:
        self._say(_("Syncing…"))
        self.syncer.sync_now()

    def invite(self) -> None:
        self.context.ops.write(self, family_sync.new_invitation, changes=(), on_done=self.invited.emit,
                               error_title=_("No invitation was made"))

    def chosen_member(self) -> family_sync.Member | None:
        item = self.members.currentItem()
        if item is None or self.shown is None:
            return None
        return next((m for m in self.shown.status.members if m.device_id == item.data(Qt.ItemDataRole.UserRole)), None)

    def remove(self) -> None:
        member = self.chosen_member()
        if member is None or member.this_computer or member.removed:
            return
        if not confirm(self, _("Remove {name} from the family?").format(name=member.name),
                       yes=_("Remove the computer"), no=_("Keep it"), destructive=True,
                       details=_("It keeps what it could already read. From now on it cannot read new changes, "
                                 "and what it sends is not used.")):
            return
        self.context.ops.write(self, lambda vault: family_sync.remove_computer(vault, member.device_id), changes=(),
                               on_done=self._removed, error_title=_("The computer was not removed"))

    def _removed(self, removal: family_sync.Removal) -> None:
        tell(self, _("Computer removed"), removal_text(removal))
        self.refresh()

    def resolve(self, *, keep_other: bool) -> None:
        if self.shown is None or not self.shown.conflicts:
            return
        conflict_id = self.shown.conflicts[0].conflict_id
        self.context.ops.write(
            self, lambda vault: family_sync.resolve_conflict(vault, conflict_id, keep_other=keep_other),
            changes=SHARED_CONCEPTS if keep_other else (), on_done=lambda _r: self._after_change(), error_title=_("Not saved"))

    def bring_back(self) -> None:
        item = self.deleted.currentItem()
        if item is None:
            return
        table, gid = item.data(Qt.ItemDataRole.UserRole)
        self.context.ops.write(self, lambda vault: family_sync.bring_back(vault, table, gid), changes=SHARED_CONCEPTS,
                               on_done=self._brought_back, error_title=_("Not brought back"))

    def _brought_back(self, done: bool) -> None:
        if not done:
            self._say(_("That cannot come back on its own: what it belonged to was deleted too. Bring that back "
                        "first."))
        self._after_change()

    def _after_change(self) -> None:
        self.refresh()
        self.syncer.local_timer.start()


def removal_text(removal: family_sync.Removal) -> str:
    """What the removed computer could already read, as the core's Removal says."""
    return _("{name} is no longer in the family. It keeps everything it could already read: every change "
             "made up to now. It cannot read anything changed from now on, and what it sends is no longer "
             "used.").format(name=removal.name)
