"""The first window (the unlock screen) comes up without the modules only an open vault needs,
and the pages are built the first time they are shown (issue 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.common.ops import SCORES
from caregiver_app.services import journal

NOT_AT_START = ("alembic", "mako", "pygments", "vobject", "icalendar", "zxcvbn", "reportlab", "phonenumbers",
                "sqlalchemy", "caregiver_app.storage.rows", "fhir", "pypdf",
                # the cipher, the key derivation and SQLCipher come with the first unlock, not before:
                # is the vault remembered? is read from the key file's JSON (services.vault.remembered_on_disk)
                "cryptography", "sqlcipher3", "caregiver_app.storage.health", "caregiver_app.services.vault_open",
                # Get help now: its window, the crisis lines and the safety plan load when it first opens
                "caregiver_app.gui.warning_signs.get_help_window", "caregiver_app.gui.warning_signs.crisis_numbers",
                "caregiver_app.domain.crisis_lines", "caregiver_app.domain.plans",
                # the reminder window is built when a reminder first shows; Settings when it opens
                "caregiver_app.gui.reminders.reminder_window", "caregiver_app.gui.settings_dialog",
                "caregiver_app.domain.medications",
                # the Add a person dialog's form and the domain's model come with the first page or dialog
                "caregiver_app.gui.add_person_dialog", "caregiver_app.gui.common.form", "caregiver_app.domain.model",
                # the app-wide filters are installed (and imported) just after the first paint
                "caregiver_app.gui.common.wheel_guard", "caregiver_app.gui.common.screen_reader_names",
                # the workspace (switcher, page list, pages) is built just after the first paint too
                "caregiver_app.gui.shell.workspace", "caregiver_app.gui.page_stack", "caregiver_app.gui.page_list",
                "caregiver_app.gui.window_parts")
"""Modules (and their packages) the unlock screen must not import."""

FIRST_WINDOW = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from caregiver_app.gui.app import StartFlow
    from caregiver_app.gui.context import AppContext
    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.services.vault import VaultPaths

    folder = Path(sys.argv[1])
    context = AppContext(paths=VaultPaths(folder / "vault"), ops=Ops(app), settings_path=folder / "settings.json")
    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()  # a vault exists: the main window on its unlock screen, as the app starts
    window = flow.window
    at_paint = {}

    class Painted(QObject):  # installed after the window's own watcher, so called before it
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not at_paint:
                at_paint["modules"] = sorted(sys.modules)
                at_paint["workspace_built"] = window._workspace is not None
            return False

    painted = Painted()
    window.installEventFilter(painted)
    while not at_paint:
        app.processEvents()
    print(json.dumps({
        "locked": window.is_locked,
        "unlock_screen_shown": window.unlock_screen.isVisible(),
        "pages_built": sum(entry.built for entry in window.registry.values()),
        "reminder_windows": sum(type(w).__name__ == "ReminderWindow" for w in app.topLevelWidgets()),
        "keyring_button": window.unlock_screen.ui.keyringButton.isVisibleTo(window.unlock_screen),
        **at_paint,
    }))
""")


def _first_window(folder) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", FIRST_WINDOW, str(folder)], capture_output=True, text=True,
                          env=env, timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_unlock_screen_imports_nothing_an_open_vault_needs(vault, tmp_path):
    # ``vault`` made a real vault (its folder is the parent of the database); it is closed by the
    # fixture later, and another process only reads its key file here.
    seen = _first_window(vault.paths.folder.parent)
    assert seen["locked"] and seen["unlock_screen_shown"]
    assert seen["workspace_built"] is False  # switcher, page list and pages come after the first paint
    assert seen["pages_built"] == 0
    assert seen["reminder_windows"] == 0  # built when a reminder first shows
    assert seen["keyring_button"] is False  # not remembered (read without cryptography)
    loaded = [name for name in seen["modules"]
              if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_AT_START)]
    assert loaded == []


def _window(qtbot, ctx):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _loads(page, calls: list[str], name: str) -> None:
    original = page.load

    def load(person):
        calls.append(name)
        original(person)

    page.load = load


def test_a_page_not_yet_shown_is_not_built(qtbot, ctx, person):
    window = _window(qtbot, ctx)
    built = {name for name, entry in window.registry.items() if entry.built}
    assert built == {"journal"}  # the page on screen, nothing else
    assert len(window.page_titles()) == len(window.registry) == 11
    assert window.go("patterns") is window.registry["patterns"].widget
    assert {name for name, entry in window.registry.items() if entry.built} == {"journal", "patterns"}


def test_after_unlock_only_the_visible_page_reads_and_another_page_reads_once_when_shown(
        qtbot, ctx, vault, person, modals):
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    journal.save_entry(vault, journal.EntryDraft(person.id, journal.local_now(ctx.clock, ctx.zone_name),
                                                 note="steady day", zone_name=ctx.zone_name))
    window = _window(qtbot, ctx)
    scores_page = window.go("scores")
    window.go("journal")
    calls: list[str] = []
    for name in ("journal", "scores"):
        _loads(window.registry[name].widget, calls, name)
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and window.context.vault is None)
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None)
    assert calls == ["journal"]  # Scores is built but hidden: it reads when shown
    assert not window.registry["medications"].built
    window.go("scores")
    assert calls == ["journal", "scores"]
    window.go("journal")
    window.go("scores")  # nothing changed since: no second read
    assert calls == ["journal", "scores"]
    # A change made elsewhere while Scores is hidden: it reads again once, when shown.
    window.go("journal")
    window.context.ops.write(window, lambda v: None, changes={SCORES}, person_id=person.id)
    qtbot.waitUntil(lambda: not window.context.ops.busy)
    assert calls == ["journal", "scores"]
    window.go("scores")
    assert calls == ["journal", "scores", "scores"]
    assert scores_page is window.registry["scores"].widget


def test_unlock_writes_nothing_when_the_remembered_person_is_shown(qtbot, ctx, vault, person, modals):
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    from caregiver_app.services.people import add_person, last_person_id, remember_last_person

    other = add_person(vault, "Ana Lopez")
    remember_last_person(vault, other.id)
    window = _window(qtbot, ctx)
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and window.context.vault is None)
    window._last_person_id = None  # as after a fresh start
    writes: list[object] = []
    window.context.ops.changed.connect(lambda *args: writes.append(args))
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None)
    assert window.current_person().id == other.id
    qtbot.waitUntil(lambda: not window.context.ops.busy)
    assert writes == []  # the vault already remembered Ana: unlocking changed nothing
    # Choosing someone else is remembered as before.
    window.person_combo.setCurrentIndex(next(i for i in range(window.person_combo.count())
                                             if window.person_combo.itemText(i) == person.display_name))
    qtbot.waitUntil(lambda: not window.context.ops.busy)
    assert last_person_id(window.context.vault) == person.id



def test_get_help_and_the_reminder_window_are_built_when_first_needed(qtbot, ctx):
    from caregiver_app.gui.reminders import controller as reminders

    window = _window(qtbot, ctx)
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and window.context.vault is None)
    control = reminders.install(ctx, window, use_tray=False)
    assert control._popup is None  # nothing due: no reminder window was built
    assert control.popup is control.popup  # built once, when first asked for
    qtbot.addWidget(control.popup)
    assert window.get_help.window is None
    assert window.unlock_get_help_button.accessibleName() == "Get help now"
    window.unlock_get_help_button.click()
    assert window.get_help.window is not None and window.get_help.window.isVisible()
    window.get_help.close()


FIRST_PAINT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from caregiver_app.gui import app as gui_app
    from caregiver_app.gui.common.screen_reader_names import ScreenReaderNames
    from caregiver_app.gui.common.wheel_guard import WheelGuard
    from caregiver_app.gui.window_parts import IdleWatcher
    from caregiver_app.services.vault import VaultPaths

    calls = {"IdleWatcher": 0, "WheelGuard": 0, "ScreenReaderNames": 0}
    for kind in (IdleWatcher, WheelGuard, ScreenReaderNames):  # count every call of the app's own filters
        def counted(self, watched, event, _original=kind.eventFilter, _name=kind.__name__):
            calls[_name] += 1
            return _original(self, watched, event)
        kind.eventFilter = counted
    seen = {}

    class Painted(QObject):  # installed after the app's own watcher, so called before it
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not seen:
                seen["at_paint"] = {"filter_calls": dict(calls),
                                    # PySide makes QWizard only when it had to look up a class Qt keeps private
                                    "all_classes_made": "QWizard" in vars(QtWidgets)}
                QTimer.singleShot(500, after)
            return False

    def after():
        window = flow.window
        seen["after"] = {"filter_calls": dict(calls),
                         "nav_scroll_bar": window.nav.verticalScrollBar().accessibleName()}
        print(json.dumps(seen), flush=True)
        QApplication.instance().exit(0)

    painted = Painted()
    flow = None
    original_start = gui_app.StartFlow.start

    def start(self):
        global flow
        flow = self
        original_start(self)
        self.window.installEventFilter(painted)

    gui_app.StartFlow.start = start
    folder = Path(sys.argv[1])
    gui_app.run(VaultPaths(folder / "vault"), ["caregiver-app"], settings_path=folder / "settings.json")
""")


def test_the_app_wide_filters_come_after_the_first_paint(vault):
    # A Python filter on the whole app makes PySide create every Qt class (15-20 ms) as soon as
    # an object of a class Qt keeps private gets an event: the app's own filters (idle lock,
    # wheel guard, screen-reader names) are installed just after the first paint instead.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(vault.paths.folder.parent)], capture_output=True,
                          text=True, env=env, timeout=60, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["at_paint"] == {"filter_calls": {"IdleWatcher": 0, "WheelGuard": 0, "ScreenReaderNames": 0},
                                "all_classes_made": False}
    assert all(count > 0 for count in seen["after"]["filter_calls"].values())
    # The page list comes after the names: its scroll bar is named as it is made (as before).
    assert seen["after"]["nav_scroll_bar"] == "Scroll up and down"


def test_the_screen_reader_names_reach_widgets_made_before_them(qtbot):
    # The app installs the namer after its first paint: what was polished before is named then
    # (a journal page opened by the keyring at start, the setup wizard).
    from PySide6.QtWidgets import QApplication, QListWidget

    from caregiver_app.gui.common.screen_reader_names import ScreenReaderNames, install_screen_reader_names

    app = QApplication.instance()
    assert app.findChild(ScreenReaderNames) is None
    area = QListWidget()
    area.setAccessibleName("Pages")
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    assert area.verticalScrollBar().accessibleName() == ""
    namer = install_screen_reader_names(app)
    try:
        assert area.verticalScrollBar().accessibleName() == "Pages: scroll up and down"
    finally:
        app.removeEventFilter(namer)
        namer.setParent(None)


def test_an_unlocked_window_restarts_its_idle_timer_before_any_paint(qtbot, ctx):
    # Built unlocked and never shown (so never painted): input still restarts the idle timer.
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    window = create_main_window(ctx)
    qtbot.addWidget(window)
    assert window.idle_timer.isActive()
    restarts = []
    window.idle_timer.start = lambda *args: restarts.append(args)  # what the input watcher calls
    QApplication.sendEvent(window.person_combo, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                                          Qt.KeyboardModifier.NoModifier, "a"))
    assert restarts  # (once for the field and once for each parent the key goes up to)


def test_the_go_menu_gets_its_pages_when_opened_before_the_workspace_is_built(qtbot, context, vault):
    from caregiver_app.gui.main_window import MainWindow

    context.vault = None  # a vault on disk, locked: the window starts on its unlock screen
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window._workspace is None and window.go_menu.actions() == []
    window.go_menu.aboutToShow.emit()  # as when the menu opens
    titles = [action.text() for action in window.go_menu.actions()]
    assert len(titles) == 11 and titles[0] == "Journal"
    assert not any(action.isEnabled() for action in window.go_menu.actions())  # locked: none works yet
    assert window.is_locked and window.unlock_screen.isVisibleTo(window)
