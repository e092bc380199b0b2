"""The main window: navigation, pages, the person switcher, and locking.

Locking (the Lock button, Ctrl+L, or no input for ``settings.idle_lock_minutes``) tells every
page to drop its data, closes the vault and shows the unlock screen in place of the pages.
The window title is always just the app's name: names and notes never appear in it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..domain.errors import CaregiverError
from ..domain.model import Person
from ..services.people import add_person, last_person_id, list_people, remember_last_person
from ..services.vault import Vault
from ..settings import save as save_settings
from .visits.appointments_page import AppointmentsPage
from .journal.caregiver_checkin import CaregiverCheckinPage
from .context import AppContext
from .common.errors import log_safely, show_error
from .warning_signs.get_help import GetHelp
from .settings_dialog import SettingsDialog, make_settings_action
from .journal.journal_export import JournalExport
from .journal.journal_page import JournalPage
from .warning_signs.signs_page import LibraryPage
from .journal.medications_page import MedicationsPage
from .network.network_page import NetworkPage
from .journal.patterns_page import PatternsPage
from .people_actions import PeopleActions
from .warning_signs.plans_page import PlansPage
from .journal.record_exports import FHIR, READABLE, RecordExport
from .journal.scores_page import ScoresPage
from .journal.search_panel import SearchPanel
from .visits.summary_page import SummaryPage
from .common.trust_widgets import problem_label
from .vault.unlock_screen import UnlockScreen, announce
from .vault.vault_tools import VaultTools

log = logging.getLogger("caregiver_app")

MAX_PAGE_SHORTCUTS = 9


class NavigationList(QListWidget):
    """The page list on the left, exactly as wide as its longest title (at any font size)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        widest = max(self.sizeHintForColumn(0), self.fontMetrics().horizontalAdvance("M" * 8))
        frame = 2 * self.frameWidth() + self.fontMetrics().averageCharWidth() * 3
        return QSize(widest + frame, super().sizeHint().height())


class AddPersonDialog(QDialog):
    """A small dialog that asks for a name and adds the person through ``add``; a problem (an
    empty or already-used name) shows inside the dialog, which stays open."""

    def __init__(self, add: Callable[[str], Person], parent: QWidget | None = None):
        super().__init__(parent)
        self._add = add
        self.person: Person | None = None
        self.setWindowTitle("Add a person")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout = QVBoxLayout(self)
        label = QLabel("Their &name")
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Name of the person")
        label.setBuddy(self.name_edit)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        hint = QLabel("Everything you write for them stays in this vault, on this computer.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.problem_label = problem_label("What to fix")
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText("&Add")
        self.add_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name_edit.textChanged.connect(lambda t: self.add_button.setEnabled(bool(t.strip())))

    def accept(self) -> None:
        if not self.name_edit.text().strip():
            return
        try:
            self.person = self._add(self.name_edit.text())
        except CaregiverError as exc:
            self.problem_label.setText(str(exc))
            self.problem_label.show()
            announce(self.problem_label, str(exc))
            self.name_edit.setFocus()
            return
        super().accept()


class _IdleWatcher(QObject):
    """An application-wide event filter: any keyboard, mouse or touch input restarts the timer."""

    INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TabletPress,
        }
    )

    def __init__(self, timer: QTimer, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in self.INPUT and self._timer.isActive():
            self._timer.start()
        return False


class MainWindow(QMainWindow):
    """The app's one window. Starts locked unless ``context.vault`` is already open."""

    vault_unlocked = Signal()
    vault_locked = Signal()
    closed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(APP_NAME)
        self._pages: list[QWidget] = []
        self._people: list[Person] = []
        self._last_person_id: int | None = None
        self._journal_page: JournalPage | None = None
        self._summary_page: SummaryPage | None = None

        self._library_page: LibraryPage | None = None
        self._plans_page: PlansPage | None = None
        # Get help now: a button on every page and on the unlock screen, Ctrl+Shift+H, Help menu.
        self.get_help = GetHelp(context, self, person=self.current_person, locked=lambda: self.is_locked)

        self.unlock_screen = UnlockScreen(context)
        self.unlock_screen.unlocked.connect(self._on_unlocked)
        self.unlock_get_help_button = self.get_help.add_to_unlock_screen(self.unlock_screen)
        self.workspace = self._build_workspace()
        self.central = QStackedWidget()
        self.central.addWidget(self.unlock_screen)
        self.central.addWidget(self.workspace)
        self.setCentralWidget(self.central)
        self._build_actions()

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._on_idle)
        self._idle_watcher = _IdleWatcher(self.idle_timer, self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self._idle_watcher)

        self._register_pages()
        self._restore_geometry()
        if context.vault is not None and context.vault.is_open:
            self._enter()
        else:
            self._show_locked()

    # --- building -----------------------------------------------------------------------------

    def _build_workspace(self) -> QWidget:
        workspace = QWidget()
        outer = QVBoxLayout(workspace)

        top = QHBoxLayout()
        person_label = QLabel("Car&ing for")
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName("Person you are caring for")
        self.person_combo.setPlaceholderText("No one added yet")
        self.person_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.person_combo.setMinimumContentsLength(16)
        self.person_combo.currentIndexChanged.connect(self._on_person_index_changed)
        person_label.setBuddy(self.person_combo)
        # No mnemonics here: the pages use most letters; File ▸ Add a person… and Ctrl+L reach these.
        self.add_person_button = QPushButton("Add person…")
        self.add_person_button.setAccessibleName("Add a person")
        self.add_person_button.clicked.connect(self.add_person)
        self.lock_button = QPushButton("Lock")
        self.lock_button.setAccessibleName("Lock")
        self.lock_button.setAccessibleDescription("Hide everything and ask for the passphrase again")
        self.lock_button.setToolTip("Hide everything and ask for the passphrase again (Ctrl+L)")
        self.lock_button.clicked.connect(self.lock)
        top.addWidget(person_label)
        top.addWidget(self.person_combo)
        top.addWidget(self.add_person_button)
        top.addStretch(1)
        self.get_help_button = self.get_help.make_button(workspace)
        top.addWidget(self.get_help_button)
        top.addWidget(self.lock_button)
        outer.addLayout(top)

        body = QHBoxLayout()
        self.nav = NavigationList()
        self.nav.setAccessibleName("Pages")
        self.nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.nav.setUniformItemSizes(True)
        self.nav.setSpacing(max(2, self.fontMetrics().height() // 5))
        self.pages = QStackedWidget()
        self.pages.setAccessibleName("Page")
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)
        return workspace

    def _build_actions(self) -> None:
        self.add_person_action = QAction("&Add a person…", self)
        self.add_person_action.triggered.connect(self.add_person)
        self.import_action = QAction("&Import from another app…", self)
        self.import_action.triggered.connect(self.start_import)
        self.lock_action = QAction("&Lock", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(f"&About {APP_NAME}", self)
        self.about_action.triggered.connect(self.show_about)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.add_person_action)
        self.people_actions = PeopleActions(self.context, self, self.current_person,
                                            lambda select_id: self.reload_people(select_id=select_id))
        file_menu.addActions(self.people_actions.actions)
        file_menu.addAction(self.import_action)
        self.journal_export = JournalExport(self.context, self, self.current_person, self.vault_locked,
                                            self.vault_unlocked)
        file_menu.addAction(self.journal_export.action)
        self.readable_export = RecordExport(READABLE, self.context, self, self.current_person, self.vault_locked,
                                            self.vault_unlocked)
        file_menu.addAction(self.readable_export.action)
        self.fhir_export = RecordExport(FHIR, self.context, self, self.current_person, self.vault_locked,
                                        self.vault_unlocked)
        file_menu.addAction(self.fhir_export.action)
        file_menu.addSeparator()
        self.vault_tools = VaultTools(self.context, self)  # backups, security, vault files
        file_menu.addActions(self.vault_tools.actions)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        # Edit: Undo / Redo of journal changes (added in _register_pages) and Find (issue 3).
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.find_action = QAction("&Find in the journal…", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.show_search)
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addSeparator()
        self.settings_action = make_settings_action(self, self.show_settings)
        self.edit_menu.addAction(self.settings_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.get_help.action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _register_pages(self) -> None:
        """The pages, in the order of the navigation list."""
        journal = JournalPage(self.context)
        journal.people_changed.connect(self.reload_people)
        self._journal_page = journal
        self.add_page("Journal", QIcon(), journal)
        self.import_action.setVisible(True)
        journal.person_wanted.connect(lambda person_id: self.reload_people(select_id=person_id))
        self.edit_menu.insertAction(self.find_action, journal.history.undo_action)
        self.edit_menu.insertAction(self.find_action, journal.history.redo_action)
        self.edit_menu.insertSeparator(self.find_action)
        self._patterns_page = PatternsPage(self.context)
        self._patterns_page.day_chosen.connect(self.show_journal_day)
        self.add_page("Patterns", QIcon(), self._patterns_page)
        self.add_page("Medications", QIcon(), MedicationsPage(self.context))
        scores = ScoresPage(self.context)
        scores.journal_changed.connect(journal.refresh)
        self.add_page("Scores and check-in", QIcon(), scores)
        self._library_page = LibraryPage(self.context)
        self.add_page("Warning signs", QIcon(), self._library_page)
        self._plans_page = PlansPage(self.context)
        self.add_page("My plans", QIcon(), self._plans_page)
        self.add_page("Support network", QIcon(), NetworkPage(self.context))
        appointments = AppointmentsPage(self.context)
        appointments.prepare_visit_requested.connect(self.prepare_visit)
        self.add_page("Appointments", QIcon(), appointments)
        self._summary_page = SummaryPage(self.context)
        self.add_page("Visit summary", QIcon(), self._summary_page)
        self.add_page("My check-in", QIcon(), CaregiverCheckinPage(self.context))
        self._search_page = SearchPanel(self.context)
        self._search_page.entry_chosen.connect(self.show_journal_entry)
        self.add_page("Search", QIcon(), self._search_page)

    # --- pages --------------------------------------------------------------------------------

    def show_search(self) -> None:
        """Edit ▸ Find (Ctrl+F): the Search page, with the cursor in its box."""
        if self.is_locked:
            return
        self.show_page(self._pages.index(self._search_page))
        self._search_page.focus_search()

    def show_journal_entry(self, person_id: int, entry_id: int) -> None:
        """Open the Journal page at entry ``entry_id`` of ``person_id`` (a search result)."""
        page = self._journal_page
        if self.is_locked or page is None:
            return
        current = self.current_person()
        if current is None or current.id != person_id:
            self.reload_people(select_id=person_id)
        self.show_page(self._pages.index(page))
        page.show_entry(entry_id)

    def show_journal_day(self, day) -> None:
        """Open the Journal page at the entries of the local date ``day`` (from the calendar)."""
        page = self._journal_page
        if self.is_locked or page is None:
            return
        self.show_page(self._pages.index(page))
        page.show_day(day)

    def prepare_visit(self, start, end, questions: list[str]) -> None:
        """Open the Visit summary page with ``start``..``end`` (local dates) and the questions
        to ask ("Prepare for this visit" on the Appointments page)."""
        page = self._summary_page
        if self.is_locked or page is None:
            return
        self.show_page(self._pages.index(page))
        page.prepare(start, end, questions)

    def open_education_page(self, page_id: str) -> None:
        """Show the warning-sign page ``page_id`` (a link in a journal entry's hints)."""
        page = self._library_page
        if self.is_locked or page is None:
            return
        self.show_page(self._pages.index(page))
        page.open_page(page_id)

    def open_plans(self, which: str = "relapse") -> None:
        """Show My plans at ``"relapse"`` or ``"safety"`` (from the journal banner or Get help now)."""
        page = self._plans_page
        if self.is_locked or page is None:
            return
        self.show_page(self._pages.index(page))
        page.show_plan(which)

    def show_get_help(self) -> None:
        """Open Get help now (also Ctrl+Shift+H and the button in the top bar)."""
        self.get_help.show()

    def add_page(self, title: str, icon: QIcon, widget: QWidget) -> None:
        """Add a page to the navigation. The first nine get Ctrl+1 … Ctrl+9. The widget may have
        ``set_person(person | None)`` and ``clear()`` (called on lock: drop all data)."""
        index = len(self._pages)
        self._pages.append(widget)
        self.pages.addWidget(widget)
        item = QListWidgetItem(icon, title)
        if index < MAX_PAGE_SHORTCUTS:
            keys = QKeySequence(f"Ctrl+{index + 1}")
            item.setToolTip(f"{title} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda i=index: self.show_page(i))
        self.nav.addItem(item)
        self.nav.updateGeometry()
        if index == 0:
            self.nav.setCurrentRow(0)
        if not self.is_locked:
            self._apply_person_to(widget, self.current_person())

    def page_titles(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def page_widgets(self) -> list[QWidget]:
        return list(self._pages)

    def show_page(self, index: int) -> None:
        if self.is_locked or not 0 <= index < len(self._pages):
            return
        self.nav.setCurrentRow(index)
        self.pages.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_nav_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            self.pages.setCurrentIndex(row)
            self._update_find_shortcut()

    def _update_find_shortcut(self) -> None:
        """Ctrl+F finds in the journal, except on a page with its own search box (it takes
        Ctrl+F there; the same key twice would make both ambiguous and neither would fire)."""
        page = self.pages.currentWidget()
        own = page is not getattr(self, "_search_page", None) and hasattr(page, "focus_search")
        self.find_action.setShortcut(QKeySequence() if own else QKeySequence(QKeySequence.StandardKey.Find))

    # --- people -------------------------------------------------------------------------------

    def current_person(self) -> Person | None:
        index = self.person_combo.currentIndex()
        return self._people[index] if 0 <= index < len(self._people) else None

    def reload_people(self, select_id: int | None = None) -> None:
        """Re-read the people in the vault and keep (or move to) the chosen one."""
        vault = self.context.vault
        if vault is None or not vault.is_open:
            return
        try:
            people = list_people(vault)
        except CaregiverError as exc:
            show_error(self, exc)
            return
        wanted = select_id if select_id is not None else self._last_person_id
        if wanted is None:
            wanted = self._remembered_person(vault)
        self._people = people
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for p in people:
            self.person_combo.addItem(p.display_name)
        index = next((i for i, p in enumerate(people) if p.id == wanted), 0 if people else -1)
        self.person_combo.setCurrentIndex(index)
        self.person_combo.blockSignals(False)
        self.person_combo.setEnabled(bool(people))
        self._on_person_index_changed(index)

    def add_person(self) -> None:
        """Ask for a name and add that person; the switcher then shows them."""
        vault = self.context.vault
        if vault is None or not vault.is_open:
            return
        dialog = AddPersonDialog(lambda name: add_person(vault, name, clock=self.context.clock), self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.person is not None:
                self.reload_people(select_id=dialog.person.id)
        finally:
            dialog.deleteLater()

    def _remembered_person(self, vault) -> int | None:
        try:
            return last_person_id(vault)
        except CaregiverError:
            return None  # not worth a message: the first person is a fine start

    def _on_person_index_changed(self, index: int) -> None:
        person = self._people[index] if 0 <= index < len(self._people) else None
        if person is not None:
            if person.id != self._last_person_id:
                vault, person_id = self.context.vault, person.id
                self.context.runner.run(lambda: remember_last_person(vault, person_id), parent=self)
            self._last_person_id = person.id
        for page in self._pages:
            self._apply_person_to(page, person)
        self.get_help.refresh()

    def _apply_person_to(self, page: QWidget, person: Person | None) -> None:
        set_person = getattr(page, "set_person", None)
        if set_person is None:
            return
        try:
            set_person(person)
        except CaregiverError as exc:
            show_error(self, exc)

    # --- actions ------------------------------------------------------------------------------

    def start_import(self) -> None:
        """File ▸ Import from another app…: the journal page runs the import."""
        page = self._journal_page
        if self.is_locked or page is None:
            return
        self.show_page(self._pages.index(page))
        page.start_import()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\n"
            "A private journal for family caregivers and people in recovery, with visit summaries "
            "to print for the doctor.\n\n"
            "Everything stays on this computer, in an encrypted vault. Nothing is sent over the "
            "internet.",
        )

    # --- locking ------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.central.currentWidget() is self.unlock_screen

    def lock(self) -> None:
        """Drop everything on screen, close the vault and show the unlock screen."""
        if self.is_locked:
            return
        self._drop_everything()
        self.get_help.lock()
        self._show_locked()
        self.vault_locked.emit()

    def open_with_keyring(self) -> None:
        """At start, when the vault is remembered: try the keyring; fall back to the prompt."""
        self.unlock_screen.unlock_with_keyring()

    def _drop_everything(self) -> None:
        self.idle_timer.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        # Let running jobs finish and deliver their results now, so nothing lands after clear().
        self.context.runner.wait_for_all()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        for page in self._pages:  # unsaved words go into the vault before anything is cleared
            keep = getattr(page, "keep_unsaved_work", None)
            if keep is not None:
                try:
                    keep()
                except Exception as exc:
                    log_safely(exc)
        for page in self._pages:
            clear = getattr(page, "clear", None)
            if clear is None:
                continue
            try:
                clear()
            except Exception as exc:  # a page's bug must not keep the vault open
                log_safely(exc)
        self._people = []
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.blockSignals(False)
        vault, self.context.vault = self.context.vault, None
        if vault is not None:
            vault.close()

    def _show_locked(self, note: str = "") -> None:
        self.unlock_screen.reset(note)
        self.central.setCurrentWidget(self.unlock_screen)
        for action in (self.lock_action, self.import_action, self.add_person_action, self.find_action):
            action.setEnabled(False)
        if self._journal_page is not None:
            self._journal_page.history.set_enabled(False)
        self.unlock_screen.focus_field()

    def _on_unlocked(self, vault: Vault) -> None:
        self.context.vault = vault
        self._enter()
        self.vault_unlocked.emit()

    def _enter(self) -> None:
        self.central.setCurrentWidget(self.workspace)
        for action in (self.lock_action, self.import_action, self.add_person_action, self.find_action):
            action.setEnabled(True)
        self.reload_people()
        self._start_idle_timer()
        if self._pages:
            self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.person_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._journal_page is not None:
            self._journal_page.history.set_enabled(True)
            self._journal_page.offer_drafts()  # words kept from before a crash or a lock

    def show_settings(self) -> None:
        """Edit ▸ Settings…: a change of country shows at once in Get help now and every page."""
        if SettingsDialog.ask(self.context, self):
            self.idle_timer.stop()
            if not self.is_locked:
                self._start_idle_timer()
            self.get_help.refresh()
            for page in self._pages:  # the page on screen gets no new showEvent after a dialog
                refresh_country = getattr(page, "refresh_country", None)
                if refresh_country is not None:
                    refresh_country()

    def _start_idle_timer(self) -> None:
        minutes = self.context.settings.idle_lock_minutes
        if minutes > 0:
            self.idle_timer.start(minutes * 60_000)

    def _on_idle(self) -> None:
        self.lock()
        self.unlock_screen.set_note("Caregiver Companion locked itself because no one used it for a while.")

    # --- window state -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self.context.settings.window_geometry
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        # First start: room for the editor beside the list and chart (the pages were made for about
        # 1200 x 800 at normal text), kept inside the screen; larger text gets a larger window.
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 190, metrics.height() * 58
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width, height = min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
        self.resize(width, height)

    def _save_geometry(self) -> None:
        settings = self.context.settings
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        try:
            save_settings(settings, self.context.settings_path)
        except OSError as exc:
            log.warning("could not save the window size: %s", type(exc).__name__)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self._save_geometry()
        self._drop_everything()
        self.get_help.close()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self._idle_watcher)
        event.accept()
        self.closed.emit()
