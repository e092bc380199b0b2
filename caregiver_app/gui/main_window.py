"""The main window: navigation, pages, the person switcher, and locking.

The pages live in a registry (:class:`~caregiver_app.gui.page_stack.PageEntry`: name -> page,
title, Go menu entry with its Ctrl+1 … Ctrl+9 shortcut); each page is built (and its module
imported) the first time it is shown, so the unlock screen comes up without them (see
:mod:`~caregiver_app.gui.page_stack`). Widgets inside reach named destinations through
:mod:`~caregiver_app.gui.common.navigation`.

Locking (the Lock button, Ctrl+L, or no input for ``settings.idle_lock_minutes``) hides the pages
at once, cancels every running job (``context.ops.shut``, never blocking the window), then keeps
unsaved words, tells every page to drop its data, closes the vault and shows the unlock screen.
The window title is always just the app's name: names and notes never appear in it.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import APP_NAME, __version__, i18n
from ..i18n import _
from ..domain.errors import CaregiverError
from .context import AppContext
from .common.building import menu_action
from .common.errors import show_error
from .common.ops import SETTINGS
from .common.translations import language_for
from .warning_signs.get_help import GetHelp
from .settings_action import make_settings_action
from .people_actions import PeopleActions
from .journal.record_exports import CSV, FHIR, READABLE, RecordExport
from .journal.imports_made_action import ImportsMade
from .vault.unlock_screen import UnlockScreen
from .shell.first_paint import after_first_paint
from .shell.people_read import chosen_index, first_read, people_job
from .shell.window_geometry import keep_geometry, restore_geometry
from .vault.vault_tools import VaultTools
from .family.wiring import FamilyParts

if TYPE_CHECKING:
    from ..domain.model import Person
    from .page_stack import FirstRead, PageEntry
    from .shell.workspace import Workspace
    from .window_parts import IdleWatcher
    from ..services.vault import Vault
    from .journal.journal_page import JournalPage

class MainWindow(QMainWindow):
    """The app's one window. Starts locked unless ``context.vault`` is already open."""

    vault_unlocked = Signal()
    vault_locked = Signal()
    locking = Signal()
    """Lock was asked: windows of their own hide their words now (the vault closes once jobs end)."""
    closed = Signal()
    person_changed = Signal()
    """The pages now show ``current_person()`` (the switcher was read or changed)."""
    language_changed = Signal()
    """Settings chose another language: the app builds the window again (gui/language_switch)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, page: str = "",
                 person_id: int | None = None):
        """``page`` (a registered name) and ``person_id``: what to show first (a window built
        again in another language shows what the old one showed)."""
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(APP_NAME)
        self._people: list[Person] = []
        self._last_person_id: int | None = person_id
        self._people_read = False  # the people of the open vault are known (read after unlock)
        self._journal_page: JournalPage | None = None
        self._unlock_first: FirstRead | None = None  # the first read asked with the unlock running
        self._locking = False
        self._closing = False
        self._lock_note = ""
        # Get help now: a button on every page and on the unlock screen, Ctrl+Shift+H, Help menu.
        self.get_help = GetHelp(context, self, person=self.current_person, locked=lambda: self.is_locked)

        self.unlock_screen = UnlockScreen(context)
        self.unlock_screen.unlocked.connect(self._on_unlocked)
        self.unlock_screen.read_with_unlock(self._read_at_unlock)
        self.unlock_get_help_button = self.get_help.add_to_unlock_screen(self.unlock_screen)
        self.central = QStackedWidget()
        self.central.addWidget(self.unlock_screen)
        self.setCentralWidget(self.central)
        self._workspace: Workspace | None = None  # built right after the first paint (see workspace)
        self._first_page = page
        self._build_actions()

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._on_idle)
        self._idle_watcher: IdleWatcher | None = None  # made by _watch_input
        self._input_watch = "not yet"  # then "on", and "over" once closed or retired
        after_first_paint(self, self._after_first_paint)  # not before: see gui/shell/first_paint
        restore_geometry(self, context.settings)
        if context.vault is not None and context.vault.is_open:
            self._enter()
        else:
            self._show_locked()

    # --- building -----------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        """The body of the unlocked window (switcher, page list, pages); see :meth:`_ensure_workspace`."""
        return self._ensure_workspace()

    def _ensure_workspace(self) -> Workspace:
        """The unlock screen shows none of the workspace: it is built (and its modules imported)
        right after the first paint, or at once when something needs it first (an unlock, the Go
        menu opened, a test)."""
        if self._workspace is None:
            from .shell.workspace import Workspace

            self._workspace = Workspace(self)
            self.central.addWidget(self._workspace)
            self._register_pages()
            if self._first_page in self.registry:
                self.nav.setCurrentRow(self.registry[self._first_page].index)  # nothing built while locked
        return self._workspace

    person_combo = property(lambda self: self.workspace.person_combo)
    add_person_button = property(lambda self: self.workspace.add_person_button)
    lock_button = property(lambda self: self.workspace.lock_button)
    get_help_button = property(lambda self: self.workspace.get_help_button)
    nav = property(lambda self: self.workspace.nav)
    pages = property(lambda self: self.workspace.pages)
    page_stack = property(lambda self: self.workspace.page_stack)
    registry = property(lambda self: self.workspace.page_stack.registry)

    def _after_first_paint(self) -> None:
        self._watch_input()
        self._ensure_workspace()  # while the person reads the window

    def _build_actions(self) -> None:
        self.add_person_action = menu_action(_("&Add a person…"), self, lambda: self.add_person())
        self.import_action = menu_action(_("&Import from another app…"), self, self.start_import)
        self.lock_action = menu_action(_("&Lock"), self, self.lock, keys="Ctrl+L", everywhere=True)
        self.quit_action = menu_action(_("&Quit"), self, self.close, keys="Ctrl+Q", everywhere=True)
        self.about_action = menu_action(_("&About {app}").format(app=APP_NAME), self, self.show_about)

        file_menu = self.menuBar().addMenu(_("&File"))
        file_menu.addAction(self.add_person_action)
        self.people_actions = PeopleActions(self.context, self, self.current_person,
                                            lambda select_id: self.reload_people(select_id=select_id))
        file_menu.addActions(self.people_actions.actions)
        file_menu.addActions([self.import_action, ImportsMade(self.context, self).action])  # Imports made… (undo)
        self.journal_export = RecordExport(CSV, self.context, self, self.current_person, self.vault_locked,
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
        self.family = FamilyParts(self.context, self)  # Share with family…, background sync
        file_menu.addAction(self.family.action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        # Edit: Undo / Redo of journal changes (added when the Journal page is built) and Find (issue 3).
        self.edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.find_action = menu_action(_("&Find in the journal…"), self, self.show_search,
                                  keys=QKeySequence(QKeySequence.StandardKey.Find))
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addSeparator()
        self.settings_action = make_settings_action(self, self.show_settings)
        self.edit_menu.addAction(self.settings_action)
        self.go_menu = self.menuBar().addMenu(_("&Go"))  # one entry per page (add_page)
        self.go_menu.aboutToShow.connect(self._ensure_workspace)  # its entries come with the workspace
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(self.get_help.action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _register_pages(self) -> None:
        """The pages, in the order of the navigation list (built when first shown)."""
        from .page_list import register_pages, wire
        from .page_stack import PageStack

        self._workspace.page_stack = PageStack(
            self.nav, self.pages, self.go_menu, self, is_locked=lambda: self.is_locked, person=self.current_person,
            apply_person=self._apply_person_to, on_built=lambda entry: wire(self, entry),
            on_shown=self._update_find_shortcut)
        self.import_action.setVisible(True)
        register_pages(self)

    def adopt_journal(self, journal: JournalPage) -> None:
        """The Journal page was just built: its signals and the Edit menu's Undo and Redo."""
        self._journal_page = journal
        journal.people_changed.connect(self.reload_people)
        journal.person_wanted.connect(self._restore_draft_of)
        self.edit_menu.insertAction(self.find_action, journal.history.undo_action)
        self.edit_menu.insertAction(self.find_action, journal.history.redo_action)
        self.edit_menu.insertSeparator(self.find_action)
        journal.history.set_enabled(not self.is_locked)

    def _restore_draft_of(self, person_id: int) -> None:
        """A kept draft about ``person_id`` is being restored (the unlock question may come while
        another page is on screen): the Journal page, showing that person, gets the words."""
        self.go("journal")
        self.reload_people(select_id=person_id)

    # --- pages --------------------------------------------------------------------------------

    def go(self, name: str) -> QWidget | None:
        """Go to the page registered as ``name``; the page, or None while locked or unknown."""
        return self.page_stack.go(name)

    def show_search(self) -> None:
        """Edit ▸ Find (Ctrl+F): the Search page, with the cursor in its box."""
        page = self.go("search")
        if page is not None:
            page.focus_search()

    def show_journal_entry(self, person_id: int, entry_id: int) -> None:
        """Open the Journal page at entry ``entry_id`` of ``person_id`` (a search result)."""
        if self.is_locked or "journal" not in self.registry:
            return
        current = self.current_person()
        if current is None or current.id != person_id:
            self.reload_people(select_id=person_id)
        self.go("journal").show_entry(entry_id)

    def show_journal_day(self, day) -> None:
        """Open the Journal page at the entries of the local date ``day`` (from the calendar)."""
        page = self.go("journal")
        if page is not None:
            page.show_day(day)

    def prepare_visit(self, start, end, questions: list[str]) -> None:
        """Open the Visit summary page with ``start``..``end`` (local dates) and the questions
        to ask ("Prepare for this visit" on the Appointments page)."""
        page = self.go("summary")
        if page is not None:
            page.prepare(start, end, questions)

    def open_education_page(self, page_id: str) -> None:
        """Show the warning-sign page ``page_id`` (a link in a journal entry's hints)."""
        page = self.go("warning_signs")
        if page is not None:
            page.open_page(page_id)

    def open_plans(self, which: str = "relapse") -> None:
        """Show My plans at ``"relapse"`` or ``"safety"`` (from the journal banner or Get help now)."""
        page = self.go("plans")
        if page is not None:
            page.show_plan(which)

    def show_get_help(self) -> None:
        """Open Get help now (also Ctrl+Shift+H and the button in the top bar)."""
        self.get_help.show()

    def add_page(self, title: str, icon: QIcon, widget: QWidget, *, name: str | None = None) -> PageEntry:
        """Register a page built already (``name`` defaults to ``title``) and add it to the
        navigation and the Go menu. The first nine get Ctrl+1 … Ctrl+9. The widget may have
        ``set_person(person | None)``, ``clear()`` (called on lock: drop all data) and
        ``keep_unsaved_work()`` (see :class:`~caregiver_app.gui.common.page.Page`)."""
        return self.page_stack.add(title, icon, name=name, widget=widget)

    def add_lazy_page(self, title: str, build, *, name: str | None = None) -> PageEntry:
        """Register a page that ``build()`` makes the first time it is shown (as :meth:`add_page`)."""
        return self.page_stack.add(title, QIcon(), name=name, factory=build)

    def page_titles(self) -> list[str]:
        return self.page_stack.titles()

    def page_widgets(self) -> list[QWidget]:
        """Every page, in navigation order; builds the pages not built yet."""
        return self.page_stack.widgets()

    def show_page(self, index: int) -> None:
        self.page_stack.show(index)

    def _update_find_shortcut(self) -> None:
        """Ctrl+F finds in the journal, except on a page with its own search box (it takes
        Ctrl+F there; the same key twice would make both ambiguous and neither would fire)."""
        page = self.pages.currentWidget()
        search = self.registry.get("search")
        own = (search is None or page is not search.widget) and hasattr(page, "focus_search")
        self.find_action.setShortcut(QKeySequence() if own else QKeySequence(QKeySequence.StandardKey.Find))

    # --- people -------------------------------------------------------------------------------

    def current_person(self) -> Person | None:
        index = self.person_combo.currentIndex()
        return self._people[index] if 0 <= index < len(self._people) else None

    def reload_people(self, select_id: int | None = None, *, with_page: bool = False) -> None:
        """Re-read the people in the vault (a read) and keep (or move to) the chosen one.
        ``with_page`` (at unlock): the same job does the page on screen's first read
        (:class:`~caregiver_app.gui.page_stack.FirstRead`)."""
        if self.context.vault is None:
            return
        first = first_read(self.pages.currentWidget(), self.context.ops) if with_page else None
        wanted = select_id if select_id is not None else self._last_person_id
        self.context.ops.read(self, people_job(first, wanted), on_done=self._people_read_in(first, select_id),
                              key="people")

    def _people_read_in(self, first: FirstRead | None, select_id: int | None):
        def done(found) -> None:  # a people_job's answer
            people, remembered, answer = found
            with first.given(answer, self.pages.currentWidget(), self.context.ops) if first else nullcontext():
                self._show_people(people, remembered, select_id)

        return done

    def _read_at_unlock(self):
        """The people read for the unlock's own job (``UnlockScreen.read_with_unlock``), with the
        page on screen's first read; None when that page is not built yet (then read at unlock)."""
        self._unlock_first = first_read(self.pages.currentWidget(), self.context.ops)
        return None if self._unlock_first is None else people_job(self._unlock_first, self._last_person_id)

    def _show_people(self, people: list[Person], remembered: int | None, select_id: int | None) -> None:
        wanted = select_id if select_id is not None else self._last_person_id
        if wanted is None:
            wanted = remembered
        if self._last_person_id is None:  # the vault already remembers this one: no write at unlock
            self._last_person_id = remembered
        self._people = people
        self._people_read = True
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for p in people:
            self.person_combo.addItem(p.display_name)
        index = chosen_index(people, wanted)
        self.person_combo.setCurrentIndex(index)
        self.person_combo.blockSignals(False)
        self.person_combo.setEnabled(bool(people))
        self._on_person_index_changed(index)

    def add_person(self) -> None:
        """Ask for a name and add that person (off the GUI thread); the switcher then shows them."""
        if not self.is_locked:
            self.people_actions.add()

    def _on_person_index_changed(self, index: int) -> None:
        person = self._people[index] if 0 <= index < len(self._people) else None
        if person is not None:
            if person.id != self._last_person_id:
                self._remember_person(person.id)
            self._last_person_id = person.id
        self.page_stack.set_person(person)
        self.person_changed.emit()
        self.get_help.refresh()

    def _remember_person(self, person_id: int) -> None:
        from ..services.people import remember_last_person

        self.context.ops.write(self, lambda vault: remember_last_person(vault, person_id), changes={SETTINGS})

    def _apply_person_to(self, page: QWidget, person: Person | None) -> None:
        set_person = getattr(page, "set_person", None)
        if set_person is None or (person is None and not self._people_read):
            return  # at unlock, before the people are read: the page reads once, when they are
        try:
            set_person(person)
        except CaregiverError as exc:
            show_error(self, exc)

    # --- actions ------------------------------------------------------------------------------

    def start_import(self) -> None:
        """File ▸ Import from another app…: the journal page runs the import."""
        page = self.go("journal")
        if page is not None:
            page.start_import()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About {app}").format(app=APP_NAME),
            f"{APP_NAME} {__version__}\n\n"
            + _("A private journal for family caregivers and people in recovery, with visit summaries "
                "to print for the doctor.") + "\n\n"
            + _("Everything stays on this computer, in an encrypted vault. Nothing is sent over the "
                "internet."),
        )

    # --- locking ------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.central.currentWidget() is self.unlock_screen

    def lock(self) -> None:
        """Hide everything at once, cancel every job, then (once they ended, without blocking the
        window) keep unsaved words, drop every page's data, close the vault and show the unlock
        screen ready for the passphrase."""
        if self.is_locked or self._locking:
            self.unlock_screen.lock_when_done()  # an unlock running now must not open the vault
            return
        self._locking = True
        self.idle_timer.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.central.setCurrentWidget(self.unlock_screen)
        self.get_help.lock()  # its own window: the safety plan goes now, not once the jobs ended
        self.locking.emit()
        self._enable_commands(False)  # Rename… would show the name on the locked screen
        self.unlock_screen.setEnabled(False)  # no new unlock while the old vault is still open
        if self.context.ops.busy:  # a passphrase typed now does nothing: say why
            self.unlock_screen.set_status(_("Locking… first finishing the work that was running."))
        self.context.ops.shut(self._finish_lock)

    def _finish_lock(self) -> None:
        self._drop_everything()
        self.get_help.lock()
        self.unlock_screen.setEnabled(True)
        self._locking = False
        note, self._lock_note = self._lock_note, ""
        self._show_locked(note)
        self.vault_locked.emit()

    def open_with_keyring(self) -> None:
        """At start, when the vault is remembered: try the keyring; fall back to the prompt."""
        self.unlock_screen.unlock_with_keyring()

    def _drop_everything(self) -> None:
        """Every job has ended (``ops.shut``): keep unsaved words, clear pages, close the vault."""
        self.idle_timer.stop()
        # Unsaved words go into the vault before anything is cleared; a page never built has
        # neither words nor data (nor, before the workspace, the switcher its person).
        if self._workspace is not None:
            self.page_stack.each_built("keep_unsaved_work")
            self.page_stack.each_built("clear")
            self.page_stack.cleared()
            self.person_combo.blockSignals(True)
            self.person_combo.clear()
            self.person_combo.blockSignals(False)
        self._people = []
        self._people_read = False
        vault, self.context.vault = self.context.vault, None
        if vault is not None:
            vault.close()

    def _enable_commands(self, enabled: bool) -> None:
        """The menu commands that need the open vault (Get help now is never among them)."""
        pages = self._workspace.page_stack.registry.values() if self._workspace is not None else ()
        for action in (self.lock_action, self.import_action, self.add_person_action, self.find_action,
                       *self.people_actions.actions, *(entry.action for entry in pages)):
            action.setEnabled(enabled)

    def _show_locked(self, note: str = "") -> None:
        self.unlock_screen.reset(note)
        self.central.setCurrentWidget(self.unlock_screen)
        self._enable_commands(False)
        if self._journal_page is not None:
            self._journal_page.history.set_enabled(False)
        self.unlock_screen.focus_field()

    def _on_unlocked(self, vault: Vault) -> None:
        self.context.vault = vault
        self._enter(self.unlock_screen.read_done_with(vault))
        self.vault_unlocked.emit()

    def _enter(self, people_read=None) -> None:
        """``people_read``: the answer of :meth:`_read_at_unlock`'s job (None: read now)."""
        self.central.setCurrentWidget(self.workspace)
        self._enable_commands(True)
        self.page_stack.show_current()  # only the page on screen is built and read now
        first, self._unlock_first = self._unlock_first, None
        if people_read is not None and first is not None:
            self._people_read_in(first, None)(people_read)
        else:
            self.reload_people(with_page=True)  # with that page's first read, in the same job
        self._start_idle_timer()
        if self.registry:
            self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.person_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._journal_page is not None:
            self._journal_page.history.set_enabled(True)
            self._journal_page.offer_drafts()  # words kept from before a crash or a lock

    def show_settings(self) -> None:
        """Edit ▸ Settings…: a change of country shows at once in Get help now and every page; a
        change of language builds the window again (``language_changed``)."""
        from .settings_dialog import SettingsDialog  # with its first use, not with the unlock screen

        if SettingsDialog.ask(self.context, self):
            if language_for(self.context.settings) != i18n.process_language():
                self.language_changed.emit()
                return
            self.idle_timer.stop()
            if not self.is_locked:
                self._start_idle_timer()
            self.get_help.refresh()
            # The page on screen gets no new showEvent after a dialog; pages not built yet will
            # be built with the new country.
            self.page_stack.each_built("refresh_country")

    def chosen_person_id(self) -> int | None:
        """The id of the person chosen in the switcher (None: no one, or locked)."""
        person = self.current_person()
        return person.id if person is not None else self._last_person_id

    def retire(self) -> None:
        """Leave the screen for a window built again in another language: the vault stays open
        and the app keeps running (unlike :meth:`close`). Call after keeping unsaved work."""
        self.idle_timer.stop()
        self.get_help.close()
        self._stop_watching_input()
        self.hide()
        self.deleteLater()

    def _watch_input(self) -> None:
        """Any input anywhere in the app restarts the idle timer from now on (an application-wide
        filter, installed once: right after the first paint, or when the timer first starts)."""
        app = QCoreApplication.instance()
        if app is not None and self._input_watch == "not yet":
            from .window_parts import IdleWatcher  # with the page list, after the first paint

            self._input_watch = "on"
            self._idle_watcher = IdleWatcher(self.idle_timer, self)
            app.installEventFilter(self._idle_watcher)

    def _stop_watching_input(self) -> None:
        self._input_watch = "over"
        app = QCoreApplication.instance()
        if app is not None and self._idle_watcher is not None:
            app.removeEventFilter(self._idle_watcher)

    def _start_idle_timer(self) -> None:
        self._watch_input()  # the timer only matters while it runs: input must restart it
        minutes = self.context.settings.idle_lock_minutes
        if minutes > 0:
            self.idle_timer.start(minutes * 60_000)

    def _on_idle(self) -> None:
        if self.is_locked or self._locking:
            return
        # Said once the lock has ended (it may wait for a job), not before: the fresh unlock
        # screen would wipe it.
        self._lock_note = _("Caregiver Companion locked itself because no one used it for a while.")
        self.lock()

    # --- window state -------------------------------------------------------------------------

    def _hold_still(self) -> None:
        """Closing waits for a job: nothing typed or clicked now could be saved, so the pages,
        the switcher and the menu commands that change things are off (Get help now stays)."""
        for widget in (self.pages, self.nav, self.person_combo, self.add_person_button):
            widget.setEnabled(False)
        self._enable_commands(False)
        self.statusBar().showMessage(_("Closing… finishing the work that was running."))

    def _close_after_jobs(self) -> None:
        self._closing = False
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.context.ops.busy:
            # Jobs still run: cancel them and close again once they ended (the window stays
            # responsive meanwhile; unsaved words are kept in the second pass).
            event.ignore()
            if not self._closing:
                self._closing = True
                self.idle_timer.stop()
                self._hold_still()
                self.context.ops.shut(self._close_after_jobs)
            return
        keep_geometry(self, self.context.settings, self.context.settings_path, self.context.paths.folder)
        self._drop_everything()
        self.get_help.close()
        self._stop_watching_input()
        event.accept()
        self.closed.emit()
