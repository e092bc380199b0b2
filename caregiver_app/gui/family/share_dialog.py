"""File ▸ Share with family… (issue 20).

Not shared yet: **Start sharing** (choose the folder the family already syncs, name this
computer, then the one-time invitation code, large and selectable, with Copy and what to do on
the other computer) or **Join a family** (choose the folder, type the invitation: checked as it is
typed, like the recovery code; a typo or a used invitation is said plainly). Shared: the
:class:`~caregiver_app.gui.family.shared_panel.SharedPanel`.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _
from ...services import family_codes, family_sync
from ..common.errors import user_message
from ..common.trust_widgets import code_display, code_font, fit_text, heading, plain_label, problem_label
from ..context import AppContext
from ..vault.key_widgets import code_lines
from ..vault.unlock_screen import announce
from .background import FamilySync
from .shared_panel import SharedPanel

CODE_LETTERS = 32
COPIED = N_("Copied. Paste it where the other computer can see it, then copy something else.")
ON_THE_OTHER = N_(
    "On the other computer: wait until the shared folder has synced there, open Caregiver Companion, choose "
    "File ▸ Share with family… ▸ Join a family, choose the same shared folder and type this code. The code "
    "works once; anyone who has it and the folder can join, so do not send it by email.")


def _button(text: str, slot, *, name: str = "", default: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(default)
    button.setDefault(default)
    if name:
        button.setAccessibleName(name)
    button.clicked.connect(slot)
    return button


def _bottom(left: QPushButton | None, *right: QPushButton) -> QHBoxLayout:
    """The dialog's bottom row: ``left`` (Back) at the start, ``right`` at the end."""
    row = QHBoxLayout()
    if left is not None:
        row.addWidget(left)
    row.addStretch(1)
    for button in right:
        row.addWidget(button)
    return row


class Pages(QWidget):
    """One page shown at a time, like a QStackedWidget, but the window fits the page shown (hidden
    pages take no room, wrapped text included), not the largest page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 (the QStackedWidget name)
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(self._current is None)
        self._current = self._current or page

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        self._current = page
        for other in self._pages:
            other.setVisible(other is page)


class FolderRow(QWidget):
    """The chosen shared folder (read-only text) and Choose…."""

    def __init__(self, dialog: "ShareDialog", title: str):
        super().__init__()
        self.dialog = dialog
        self.title = title
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setReadOnly(True)
        self.edit.setPlaceholderText(_("No folder chosen yet"))
        self.edit.setAccessibleName(_("Shared folder"))
        self.button = _button(_("C&hoose…"), self.choose, name=_("Choose the shared folder"))
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    @property
    def folder(self) -> Path | None:
        return Path(self.edit.text()) if self.edit.text() else None

    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.dialog, self.title, self.edit.text() or str(Path.home()))
        if chosen:
            self.edit.setText(chosen)
            self.dialog.update_buttons()


class ShareDialog(QDialog):
    """Share with family…. ``syncer`` is the window's background sync (a new one when None)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, syncer: FamilySync | None = None):
        super().__init__(parent)
        self.context = context
        if syncer is None:  # no window around it (tests, screenshots): its own sync, on while it is open
            syncer = FamilySync(context, self)
            syncer.active = True
        self.syncer = syncer
        self.code = ""
        self.setWindowTitle(_("Share with family"))
        self.setAccessibleName(_("Share with family"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.stack = Pages()
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        # What went wrong, said on the page where it happened, above its buttons.
        self.problem = problem_label(_("What went wrong"))
        self.start_problem = problem_label(_("What went wrong"))
        self.choose_page = self._choose_page()
        self.start_page = self._start_page()
        self.join_page = self._join_page()
        self.code_page = self._code_page()
        self.shared_page = self._shared_page()
        for page in (self.choose_page, self.start_page, self.join_page, self.code_page, self.shared_page):
            self.stack.addWidget(page)
        fit_text(self)
        self.refresh()

    # --- the pages ----------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_("Share this journal with your family"), level=1))
        layout.addWidget(plain_label(_(
            "Several computers can keep the same journal: each family member writes on their own computer, "
            "and the changes travel, encrypted, through a folder your family already syncs (Syncthing, "
            "Nextcloud, OneDrive, Dropbox, Google Drive, or a USB stick). No one else can read them."),
            name=_("About sharing")))
        layout.addSpacing(self.fontMetrics().height() // 2)  # a breath between the paragraph and each way in
        layout.addWidget(heading(_("Is this the first computer?")))
        self.start_button = _button(_("&Start sharing…"), lambda: self._go(self.start_page, self.start_folder.button),
                                    name=_("Start sharing from this computer"))
        layout.addWidget(plain_label(_("Start here, then invite the other computers."), name=_("About starting")))
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(heading(_("Is the family already sharing?")))
        layout.addWidget(plain_label(_("Join with the invitation code shown on a computer already in the family."),
                                     name=_("About joining")))
        self.join_button = _button(_("&Join a family…"), lambda: self._go(self.join_page, self.join_folder.button),
                                   name=_("Join a family that already shares"))
        layout.addWidget(self.join_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addLayout(_bottom(None, _button(_("Close"), self.reject)))
        return page

    def _name_edit(self) -> QLineEdit:
        edit = QLineEdit(platform.node()[:60])
        edit.setMaxLength(120)
        edit.setAccessibleName(_("A name for this computer"))
        edit.setToolTip(_("The others see this name, for example \"Ana's laptop\"."))
        edit.textChanged.connect(lambda _text: self.update_buttons())
        return edit

    def _folder_page(self, title: str, intro: str, intro_name: str) -> tuple[QWidget, QVBoxLayout, QFormLayout,
                                                                            FolderRow, QLineEdit]:
        """A page that starts with a heading, a paragraph, the shared folder and this computer's name."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(title, level=1))
        layout.addWidget(plain_label(intro, name=intro_name))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        folder = FolderRow(self, _("Choose the folder your family syncs"))
        name = self._name_edit()
        form.addRow(self._buddy(_("Shared &folder:"), folder.button), folder)
        form.addRow(self._buddy(_("&Name of this computer:"), name), name)
        layout.addLayout(form)
        return page, layout, form, folder, name

    def _start_page(self) -> QWidget:
        page, layout, _form, self.start_folder, self.start_name = self._folder_page(_("Start sharing"), _(
            "Choose the folder your family already syncs. This app adds one subfolder for each computer "
            "and only ever writes sealed change files there; the journal itself stays on this computer."),
            _("About the folder"))
        layout.addWidget(self.start_problem)
        layout.addStretch(1)
        self.create_button = _button(_("Start &sharing"), self.create, name=_("Start sharing"), default=True)
        layout.addLayout(_bottom(_button(_("&Back"), self.back), self.create_button))
        return page

    def _join_page(self) -> QWidget:
        page, layout, form, self.join_folder, self.join_name = self._folder_page(_("Join a family"), _(
            "Choose the same shared folder the family uses (wait until it has synced to this computer), then "
            "type the invitation code shown on a computer already in the family."), _("About joining"))
        self.code_edit = QLineEdit()
        self.code_edit.setFont(code_font(self, 1.2))
        self.code_edit.setAccessibleName(_("Invitation code"))
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.code_edit.textChanged.connect(self._code_typed)
        self.code_hint = plain_label(name=_("Invitation check"))
        form.addRow(self._buddy(_("&Invitation code:"), self.code_edit), self.code_edit)
        layout.addWidget(self.code_hint)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.join_now_button = _button(_("&Join"), self.join, name=_("Join the family"), default=True)
        layout.addLayout(_bottom(_button(_("&Back"), self.back), self.join_now_button))
        self._code_typed("")
        return page

    def _code_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_("The invitation for the other computer"), level=1))
        layout.addWidget(plain_label(_("Type this code on the other computer. It is shown only now."),
                                     name=_("About the invitation")))
        self.code_label = code_display(self, _("Invitation code"))
        layout.addWidget(self.code_label)
        copy_row = QHBoxLayout()
        self.copy_button = _button(_("&Copy the code"), self.copy, name=_("Copy the invitation code"))
        self.copied_label = plain_label(name=_("Copy status"))
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_label, 1)
        layout.addLayout(copy_row)
        layout.addWidget(plain_label(_(ON_THE_OTHER), name=_("What to do on the other computer")))
        layout.addStretch(1)
        self.done_button = _button(_("&Done"), self.code_done, default=True)
        layout.addLayout(_bottom(None, self.done_button))
        return page

    def _shared_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_("Shared with your family"), level=1))
        self.panel = SharedPanel(self.context, self.syncer)
        self.panel.invited.connect(self.show_code)
        self.panel.not_shared.connect(lambda: self._go(self.choose_page, self.start_button))
        layout.addWidget(self.panel, 1)
        layout.addLayout(_bottom(None, _button(_("Close"), self.reject)))
        return page

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setBuddy(widget)
        return label

    # --- moving between pages -----------------------------------------------------------------

    def refresh(self) -> None:
        """Show the family when the journal is shared, else the two ways in."""
        self.context.ops.read(self, family_sync.family_status, on_done=self._shown_status, key="family-dialog")

    def _shown_status(self, status: family_sync.FamilyStatus | None) -> None:
        if status is None:
            self._go(self.choose_page, self.start_button)
        else:
            self._go(self.shared_page, self.panel.members)
            self.panel.refresh()

    def _go(self, page: QWidget, focus: QWidget) -> None:
        self.problem.hide()
        self.start_problem.hide()
        self.stack.setCurrentWidget(page)
        if self.isVisible():  # a hidden dialog sizes itself when shown
            self.adjustSize()
        self.update_buttons()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def back(self) -> None:
        self._go(self.choose_page, self.start_button)

    def update_buttons(self) -> None:
        self.create_button.setEnabled(self.start_folder.folder is not None and bool(self.start_name.text().strip()))
        self.join_now_button.setEnabled(self.join_folder.folder is not None and bool(self.join_name.text().strip())
                                        and self._code_ok())

    def _code_ok(self) -> bool:
        try:
            family_codes.check_invitation(self.code_edit.text())
        except family_codes.InvitationError:
            return False
        return True

    def _code_typed(self, text: str) -> None:
        """Check the invitation as it is typed: how much is left, a typo, or that it looks right."""
        typed = sum(ch.isalnum() for ch in text)
        if typed == 0:
            hint = _("The code has 32 letters and numbers, in 8 groups of 4. Dashes and spaces do not matter.")
        elif typed < CODE_LETTERS:
            hint = _("{typed} of 32 letters and numbers typed.").format(typed=typed)
        else:
            try:
                family_codes.check_invitation(text)
            except family_codes.InvitationError as exc:
                hint = user_message(exc)
            else:
                hint = _("The code looks right.")
        if hint != self.code_hint.text():
            self.code_hint.setText(hint)
            if typed >= CODE_LETTERS:
                announce(self.code_hint, hint)
        self.update_buttons()

    # --- doing --------------------------------------------------------------------------------

    def _show_problem(self, exc: BaseException) -> None:
        text = user_message(exc)
        label = self.start_problem if self.stack.currentWidget() is self.start_page else self.problem
        label.setText(text)
        label.show()
        announce(label, text)

    def _busy(self, busy: bool) -> None:
        self.stack.setEnabled(not busy)

    def create(self) -> None:
        folder, name = self.start_folder.folder, self.start_name.text().strip()
        if folder is None:
            return
        self._busy(True)
        self.start_problem.hide()
        self.context.ops.write(self, lambda vault: family_sync.create_family(vault, folder, name=name,
                                                                                   clock=self.context.clock), changes=(),
                               on_done=self._created, on_error=self._write_failed)

    def _created(self, code: str) -> None:
        self._busy(False)
        self.syncer.set_folder(self.start_folder.folder)
        self.syncer.sync_now()
        self.show_code(code)

    def join(self) -> None:
        folder, name, code = self.join_folder.folder, self.join_name.text().strip(), self.code_edit.text()
        if folder is None:
            return
        self._busy(True)
        self.problem.hide()
        self.context.ops.write(self, lambda vault: family_sync.join_family(vault, folder, code, name=name,
                                                                             clock=self.context.clock),
                               changes=(), on_done=self._joined, on_error=self._write_failed)

    def _joined(self, _none: object) -> None:
        self._busy(False)
        self.code_edit.clear()
        self.syncer.set_folder(self.join_folder.folder)
        self.syncer.sync_now()
        self.refresh()

    def _write_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._show_problem(exc)

    def show_code(self, code: str) -> None:
        self.code = code
        self.code_label.setText(code_lines(code))
        self.code_label.setAccessibleDescription(", ".join(code.split("-")))
        self.copied_label.clear()
        self._go(self.code_page, self.code_label)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copied_label.setText(_(COPIED))
        announce(self.copied_label, _(COPIED))

    def code_done(self) -> None:
        self.code = ""
        self.code_label.clear()
        self.code_label.setAccessibleDescription("")
        self.refresh()
