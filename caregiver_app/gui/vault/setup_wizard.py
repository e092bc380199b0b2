"""First run: a short wizard that explains the app, sets up the vault and adds the first person.

The vault is created (a slow, deliberate key derivation) in the background when the user leaves
the passphrase page; from then on the wizard holds the open vault in :attr:`SetupWizard.vault`.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...i18n import _
from ... import APP_NAME
from ...domain.errors import CaregiverError
from ...domain.model import Person
from ...services.people import add_person, rename_person, set_preparer_name
from ...services.vault import (MIN_LENGTH, Vault, folder_not_there, passphrase_problem, remembered_on_device,
                               strength_hint, vault_exists)
from ...services.vault_open import CreatedVault, create_vault, keyring_available, set_remember_on_device
from ...domain import crisis_lines
from ...settings import save as save_settings
from ..context import AppContext
from ..warning_signs.crisis_numbers import fill_country_combo
from ..common.errors import log_safely, user_message
from ..common.translations import use_settings_language
from ..language_choice import fill_language_combo
from ..forms.ui_passphrase_page import Ui_PassphrasePage
from .key_widgets import CodeShownPage
from .unlock_screen import announce
from .vault_file_dialogs import open_vault_file_for_setup

def _text(text: str, *, name: str = "") -> QLabel:
    """A plain, word-wrapped paragraph (never rich text: nothing the user typed is parsed)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setAccessibleName(name)
    return label


def _field(layout: QVBoxLayout, caption: str, edit: QWidget, accessible: str) -> QLabel:
    label = QLabel(caption)
    label.setWordWrap(True)
    label.setBuddy(edit)
    edit.setAccessibleName(accessible)
    layout.addWidget(label)
    layout.addWidget(edit)
    return label


def system_country() -> str:
    """The ISO 3166 code of the computer's locale territory (``""`` when it names none)."""
    code = QLocale.territoryToCode(QLocale.system().territory())
    return code if crisis_lines.is_country_code(code) else ""


class WelcomePage(QWizardPage):
    """What the app is, and the first questions: the language (the computer's by default;
    changing it words the wizard again at once, ``language_chosen``) and the country (for the
    emergency numbers), filled in from the computer's locale."""

    language_chosen = Signal(str)
    """The setting's value (``""``: the computer's language) the person just chose."""

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        layout = QVBoxLayout(self)
        self.language_combo = QComboBox()
        self.language_label = _field(layout, "", self.language_combo, "")
        self.language_combo.currentIndexChanged.connect(
            lambda _index: self.language_chosen.emit(self.language_combo.currentData() or ""))
        layout.addSpacing(self.fontMetrics().height() // 2)
        self.about_labels = [_text(""), _text(""), _text("")]
        for label in self.about_labels:
            layout.addWidget(label)
        self.country_combo = QComboBox()
        self.country_label = _field(layout, "", self.country_combo, "")
        self.country_combo.currentIndexChanged.connect(self._save_country)
        layout.addStretch(1)
        # Moving from another computer: open the vault file saved there instead (gui/vault_file_dialogs).
        self.moving_label = _text("")
        layout.addWidget(self.moving_label)
        self.have_file_button = QPushButton()
        self.have_file_button.setAutoDefault(False)  # Enter still means Next
        layout.addWidget(self.have_file_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the page in the language in force (and the two lists filled again)."""
        settings = self._context.settings if self._context is not None else None
        self.setTitle(_("Welcome to Caregiver Companion"))
        self.language_label.setText(_("&Language"))
        fill_language_combo(self.language_combo, settings.language if settings is not None else "")
        for label, text in zip(self.about_labels, (
                _("This is a private journal for the person you care for, or for yourself. Write down "
                  "how each day goes: mood, sleep, symptoms, medicines and anything you want to remember. "
                  "Before a doctor's visit, it prints a short visit summary you can hand over."),
                _("Everything stays on this computer. It is kept in a vault: a file locked with "
                  "encryption, so only someone with your passphrase can read it. Nothing is sent over "
                  "the internet."),
                _("Setting up takes about two minutes. You will choose a passphrase, get a recovery "
                  "code to keep somewhere safe, and tell us who you are caring for."))):
            label.setText(text)
        chosen = self.country or (settings.country if settings is not None else "")
        self.country_combo.blockSignals(True)
        self.country_combo.clear()
        fill_country_combo(self.country_combo, chosen or system_country())
        self.country_combo.blockSignals(False)
        self.country_label.setText(_("First, where do you live? The app shows the emergency number and crisis "
                                     "lines of this &country, and reads phone numbers the way they are written "
                                     "there."))
        self.country_combo.setAccessibleName(_("Country"))
        self.moving_label.setText(_("Moving from another computer? Open the vault file you saved there."))
        self.have_file_button.setText(_("I already have a &vault file…"))
        self.have_file_button.setAccessibleName(_("I already have a vault file from another computer"))

    @property
    def country(self) -> str:
        """The country chosen on this page (``""``: none)."""
        return self.country_combo.currentData() or "" if self.country_combo.count() else ""

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        self._save_country()
        return True

    def _save_country(self) -> None:
        """Keep the country in the settings of this data folder (a failed write is not worth
        stopping the setup for: it works for this session and can be chosen again in Settings)."""
        if self._context is None or not self.country or self._context.settings.country == self.country:
            return
        self._context.settings.country = self.country
        keep_settings(self._context)


def keep_settings(context: AppContext) -> None:
    """Save what was chosen in the setup to the data folder's settings file, except while that
    folder is not there (a drive not connected, a mistyped ``--data-dir``): saving would make it,
    and its parents, on this computer's own disk, so after a Cancel the next start would take it
    for an empty folder and no longer say that the drive may not be connected. Then the choice
    holds for this session and is written with the new vault (see ``StartFlow``). Nor while a
    journal is there already (its drive plugged in while this page showed): its own settings are
    not overwritten with this session's. A failed write is logged only."""
    if not (folder_not_there(context.paths) or vault_exists(context.paths)):
        write_settings(context)


def write_settings(context: AppContext) -> None:
    """Save the session's settings to the data folder's settings file; a failed write is logged only."""
    try:
        save_settings(context.settings, context.settings_path)
    except OSError as exc:
        log_safely(exc)


class PassphrasePage(QWizardPage):
    """Choose the passphrase. Leaving the page creates the vault (in the background)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ui = Ui_PassphrasePage()
        self.ui.setupUi(self)
        self.created: CreatedVault | None = None
        self.cancelled = False
        self._busy = False
        self._in_validate = False
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("&Create my vault"))
        self.ui.passphraseLabel.setText(_("&Passphrase (at least {count} characters)").format(count=MIN_LENGTH))
        self.ui.busyLabel.hide()
        self.ui.busyBar.hide()
        self.ui.problemLabel.hide()
        bold = self.ui.problemLabel.font()
        bold.setBold(True)  # what to fix stands out by weight, not by colour
        self.ui.problemLabel.setFont(bold)
        # Separate the two fields' groups by half a line of the user's own font.
        gap = self.fontMetrics().height() // 2
        layout = self.ui.pageLayout
        layout.insertSpacing(layout.indexOf(self.ui.confirmLabel), gap)
        layout.insertSpacing(layout.indexOf(self.ui.forgetLabel), gap)
        self.ui.passphraseEdit.textChanged.connect(self._on_changed)
        self.ui.confirmEdit.textChanged.connect(self._on_changed)
        self.ui.showCheck.toggled.connect(self._on_show_toggled)
        self._on_changed()

    def passphrase(self) -> str:
        return self.ui.passphraseEdit.text()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        if self._busy:
            return False
        if self.created is not None:
            return True
        return passphrase_problem(self.passphrase(), self.ui.confirmEdit.text()) is None

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        if self.created is not None:
            return True
        problem = passphrase_problem(self.passphrase(), self.ui.confirmEdit.text())
        if problem:
            self._show_problem(problem)
            return False
        self._set_busy(True)
        passphrase, paths, clock = self.passphrase(), self.context.paths, self.context.clock
        self._in_validate = True
        try:
            self.context.ops.background(self, lambda: create_vault(paths, passphrase, remember=False, clock=clock),
                                        on_done=self._on_created, on_error=self._on_failed)
        finally:
            self._in_validate = False
        # A synchronous ops (tests) has finished already; a threaded one calls next() later.
        return self.created is not None

    def _on_created(self, created: CreatedVault) -> None:
        if self.cancelled:  # the wizard was closed while the vault was being made
            created.vault.close()
            return
        self.created = created
        self.ui.passphraseEdit.clear()
        self.ui.confirmEdit.clear()
        self._set_busy(False)
        if not self._in_validate and self.wizard() is not None:
            self.wizard().next()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, CaregiverError):
            log_safely(exc)
        self._show_problem(user_message(exc))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.ui.passphraseEdit, self.ui.confirmEdit, self.ui.showCheck):
            w.setEnabled(not busy)
        self.ui.busyLabel.setVisible(busy)
        self.ui.busyBar.setVisible(busy)
        self.completeChanged.emit()  # first: QWizard re-enables its buttons on this signal
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
        if busy:
            announce(self.ui.busyLabel, self.ui.busyLabel.text())

    def _show_problem(self, text: str) -> None:
        self.ui.problemLabel.setText(text)
        self.ui.problemLabel.setVisible(bool(text))
        announce(self.ui.problemLabel, text)

    def _on_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.ui.passphraseEdit.setEchoMode(mode)
        self.ui.confirmEdit.setEchoMode(mode)

    def _on_changed(self) -> None:
        text = self.passphrase()
        hint = strength_hint(text)
        self.ui.strengthBar.setValue(hint.score if text else 0)
        words = hint.words or _("Not typed yet")
        self.ui.strengthLabel.setText(_("Strength: {words}").format(words=words))
        self.ui.strengthBar.setAccessibleDescription(words)
        self.ui.adviceLabel.setText(hint.advice)
        confirm = self.ui.confirmEdit.text()
        if confirm and len(confirm) >= len(text) and confirm != text:
            self._show_problem(_("The two passphrases are not the same yet."))
        else:
            self._show_problem("")
        self.completeChanged.emit()


class RecoveryCodePage(QWizardPage):
    """Shows the recovery code once; Next waits for "I have written it down"."""

    def __init__(self, passphrase_page: PassphrasePage, parent: QWidget | None = None):
        super().__init__(parent)
        self._source = passphrase_page
        self.setTitle(_("Your recovery code"))
        self.shown = CodeShownPage(
            _("If you ever forget your passphrase, this code is the only other way to open your "
            "vault. It is shown only this once."), _("I have &written it down"), sheet=True, done=False,
            extra=(_text(
                _("Write it on paper and keep it somewhere safe at home, for example with your "
                "important papers. Do not save it on this computer or send it by email: anyone who "
                "has the code can open your journal.")),))
        self.code_label, self.copy_button, self.copied_label = (
            self.shown.code_label, self.shown.copy_button, self.shown.copied_label)
        self.sheet_button, self.written_check = self.shown.sheet_button, self.shown.written_check
        self.written_check.toggled.connect(self.completeChanged)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)  # the shown code's own margins are the page's
        outer.addWidget(self.shown)

    def code(self) -> str:
        created = self._source.created
        return created.recovery_code if created else ""

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        self.shown.show_code(self.code())
        self.written_check.setChecked(False)
        self.copied_label.setText("")

    def cleanupPage(self) -> None:  # noqa: N802 (Qt name)
        self.shown.forget()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return self.written_check.isChecked()


class BackgroundStep(QWizardPage):
    """A wizard page whose Next first runs a job off the GUI thread (a keyring or vault write).
    :meth:`run_step` starts it; the wizard moves on once ``finish(result)`` says so (at once
    with synchronous ops in tests, else by calling ``next()`` again when the answer comes)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._passed = False
        self._running = False
        self._in_validate = False

    def run_step(self, job, finish, failed) -> bool:
        """``job()`` off the GUI thread; ``finish(result)`` → True lets the wizard go on;
        ``failed(exc)`` shows what went wrong → True goes on all the same, False stays."""
        if self._passed:
            self._passed = False
            return True
        if self._running:
            return False

        def answered(go_on: bool) -> None:
            self._set_running(False)
            if go_on:
                self._passed = True
                wizard = self.wizard()
                if not self._in_validate and wizard is not None:
                    # Next again; on the last page, Finish again (QWizard.done validates the page).
                    if self.nextId() == -1:
                        wizard.accept()
                    else:
                        wizard.next()

        self._set_running(True)
        self._in_validate = True
        try:
            self.context.ops.background(self, job, on_done=lambda result: answered(finish(result)),
                                        on_error=lambda exc: answered(failed(exc)))
        finally:
            self._in_validate = False
        if self._passed:  # synchronous: already answered
            self._passed = False
            return True
        return False

    def _set_running(self, running: bool) -> None:
        self._running = running
        wizard = self.wizard()
        if running and wizard is not None:
            for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
                           QWizard.WizardButton.BackButton):
                wizard.button(button).setEnabled(False)
        elif not running:
            self.completeChanged.emit()  # QWizard sets its buttons from the page again


class RememberPage(BackgroundStep):
    """Offered only when this computer has a keyring: open without the passphrase."""

    def __init__(self, context: AppContext, passphrase_page: PassphrasePage, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._source = passphrase_page
        self.note = ""
        self.setTitle(_("Open without typing your passphrase?"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _text(_(
                "This computer has a keyring: a safe place where it keeps saved passwords. "
                "Caregiver Companion can keep your vault's key there, so the journal opens by "
                "itself when you start the app."
            ))
        )
        self.remember_check = QCheckBox(_("&Remember on this computer"))
        layout.addWidget(self.remember_check)
        layout.addWidget(
            _text(_(
                "If you tick this, anyone who can use your account on this computer can open the "
                "journal without the passphrase. Leave it unticked if you share this computer "
                "account with other people. You can keep using your passphrase either way."
            ))
        )
        layout.addStretch(1)

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        created = self._source.created
        if created is None:
            return False
        vault = created.vault
        want = self.remember_check.isChecked()
        if remembered_on_device(vault) == want:
            self.note = ""
            return True

        def finish(problem: str | None) -> bool:
            self.note = (_("{problem} You will be asked for your passphrase each time.").format(problem=problem)
                         if problem else "")
            return True

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, CaregiverError):
                log_safely(exc)
            return finish(user_message(exc))  # the vault is made either way: go on

        # The keyring may take seconds to answer: never on the GUI thread.
        return self.run_step(lambda: set_remember_on_device(vault, want), finish, failed)


class PersonPage(BackgroundStep):
    """Who the journal is about (required) and who prepares visit summaries (optional)."""

    def __init__(self, context: AppContext, passphrase_page: PassphrasePage, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._source = passphrase_page
        self.person: Person | None = None
        self.setTitle(_("Who are you caring for?"))
        layout = QVBoxLayout(self)
        self.note_label = _text("", name=_("Note"))
        self.note_label.hide()
        layout.addWidget(self.note_label)
        layout.addSpacing(self.fontMetrics().height() // 2)
        self.name_edit = QLineEdit()
        _field(layout, _("Their &name"), self.name_edit, _("Name of the person you care for"))
        layout.addWidget(
            _text(_(
                "If you keep this journal for yourself, put your own name here. You can add more "
                "people later."
            ))
        )
        layout.addSpacing(self.fontMetrics().height())
        self.preparer_edit = QLineEdit()
        _field(
            layout,
            _("&Your name, printed as who prepared a visit summary (you can leave this empty)"),
            self.preparer_edit,
            _("Your name, printed on visit summaries"),
        )
        self.status_label = _text("", name=_("What to fix"))
        self.status_label.hide()
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.name_edit.textChanged.connect(self.completeChanged)

    def show_note(self, note: str) -> None:
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return bool(self.name_edit.text().strip()) and not self._running

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        created = self._source.created
        if created is None:
            return False
        vault, clock = created.vault, self.context.clock
        name, preparer, person = self.name_edit.text(), self.preparer_edit.text(), self.person

        def job() -> Person:
            if person is None:
                saved = add_person(vault, name, clock=clock)
            elif name.strip() != person.display_name:  # changed after a failed try
                saved = rename_person(vault, person.id, name)
            else:
                saved = person
            try:
                set_preparer_name(vault, preparer)
            except Exception as exc:
                exc.person = saved  # the person is saved: a second try must not add them twice
                raise
            return saved

        def finish(saved: Person) -> bool:
            self.person = saved
            return True

        def failed(exc: BaseException) -> bool:
            self.person = getattr(exc, "person", self.person)
            if not isinstance(exc, CaregiverError):  # a bug: plain words for the user, type and place for the log
                log_safely(exc)
            self._problem(user_message(exc))
            return False

        # The first person is saved off the GUI thread (the vault is not the app's yet: a
        # background job with the wizard's own vault).
        return self.run_step(job, finish, failed)

    def _problem(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(True)
        announce(self.status_label, text)


class SetupWizard(QWizard):
    """The first-run wizard. After ``accepted``, :attr:`vault` is the new open vault and
    :attr:`person` the first person. If the wizard is cancelled after the vault was made, the
    vault is closed (it stays on disk and opens with the passphrase next time)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(APP_NAME)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)

        self.welcome_page = WelcomePage(context)
        self.imported_vault: Vault | None = None  # set when the user opened a vault file instead
        self.welcome_page.have_file_button.clicked.connect(lambda: open_vault_file_for_setup(self))
        self.welcome_page.language_chosen.connect(self._on_language_chosen)
        self.addPage(self.welcome_page)
        self._has_keyring = keyring_available()
        self._add_later_pages()
        self.currentIdChanged.connect(self._on_page_changed)
        em = self.fontMetrics().averageCharWidth()
        self.resize(em * 96, self.fontMetrics().height() * 34)

    def _add_later_pages(self) -> None:
        """The pages after the welcome, worded in the language in force."""
        context = self.context
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Open my journal"))
        self.passphrase_page = PassphrasePage(context)
        self.recovery_page = RecoveryCodePage(self.passphrase_page)
        self.remember_page = RememberPage(context, self.passphrase_page) if self._has_keyring else None
        self.person_page = PersonPage(context, self.passphrase_page)
        for page in (self.passphrase_page, self.recovery_page, self.remember_page, self.person_page):
            if page is not None:
                self.addPage(page)

    def _on_language_chosen(self, language: str) -> None:
        """The welcome page's language changed: keep it in the settings, speak it, and word the
        wizard again at once. Only the welcome page can ask, so nothing is made yet: the later
        pages are built again in the new language."""
        settings = self.context.settings
        settings.language = language
        keep_settings(self.context)  # a failed write: it works for this session; Settings can choose it again
        use_settings_language(settings)
        for page_id in self.pageIds():
            page = self.page(page_id)
            if page is not self.welcome_page:
                self.removePage(page_id)
                page.deleteLater()
        self._add_later_pages()
        self.welcome_page.retranslate()
        self.language_changed_here()

    def language_changed_here(self) -> None:
        """Qt's own buttons (Next, Back, Cancel) in the language in force: QWizard words them
        only when its style or options change, so the options are set again."""
        options = self.options()
        self.setOptions(options ^ QWizard.WizardOption.NoCancelButton)
        self.setOptions(options)

    @property
    def vault(self) -> Vault | None:
        if self.imported_vault is not None:
            return self.imported_vault
        created = self.passphrase_page.created
        return created.vault if created else None

    @property
    def person(self) -> Person | None:
        return self.person_page.person

    def _on_page_changed(self, _page_id: int) -> None:
        page = self.currentPage()
        if page is self.person_page:
            notes = [self.remember_page.note] if self.remember_page is not None and self.remember_page.note else []
            created = self.passphrase_page.created
            if created is not None and created.keyring_note:
                notes.append(created.keyring_note)
            self.person_page.show_note(" ".join(notes))
        first = {
            self.passphrase_page: self.passphrase_page.ui.passphraseEdit,
            self.recovery_page: self.recovery_page.code_label,
            self.person_page: self.person_page.name_edit,
        }.get(page)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def reject(self) -> None:
        self.passphrase_page.cancelled = True
        vault = self.vault
        if vault is not None:
            vault.close()
        super().reject()
