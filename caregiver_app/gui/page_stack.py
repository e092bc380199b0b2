"""The main window's pages, each built the first time it is shown.

The first window (the unlock screen) builds no page and imports no page module: a page is
registered with a ``factory`` that imports and builds it when it is first needed (shown, reached
by :meth:`PageStack.go`, or asked for by :meth:`PageStack.widgets`). Until then a blank stand-in
holds its place in the stack, so the navigation rows, the Go menu and Ctrl+1 … Ctrl+9 work the
same for every page.

People and data: a page built while unlocked is given the chosen person at once. A person switch
or an unlock reads data only for the page on screen; every other built page is given the person
the next time it is shown (``Page.set_person`` keeps typed words when the person is the same);
words typed on a hidden page are kept at the switch itself (``keep_unsaved_work_in_background``).
On lock, only built pages are cleared: a page never built has nothing to clear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QListWidgetItem, QStackedWidget, QWidget

from .common.errors import log_safely
from .window_parts import MAX_PAGE_SHORTCUTS, NavigationList

PageFactory = Callable[[], QWidget]
"""Builds a page widget (importing its module on first use)."""


@dataclass(eq=False)
class PageEntry:
    """One page of the registry: ``name`` (stable, for code), ``title`` (the navigation entry and
    Go menu text), its Go menu ``action`` (with Ctrl+1 … Ctrl+9 for the first nine) and its place
    in the navigation list. :attr:`page` builds the page when it is not built yet."""

    name: str
    title: str
    action: QAction
    index: int
    factory: PageFactory | None = field(default=None, repr=False)
    widget: QWidget | None = field(default=None, repr=False)
    has_person: bool = True
    """False while the page still shows the person it was given before a switch or an unlock."""
    stack: PageStack | None = field(default=None, repr=False)

    @property
    def built(self) -> bool:
        return self.widget is not None

    @property
    def page(self) -> QWidget:
        """The page widget, built now if it was not yet."""
        if self.widget is None and self.stack is not None:
            self.stack.build(self)
        return self.widget


class PageStack(QObject):
    """The registry, navigation list and stacked widget of the main window's pages.

    ``is_locked`` and ``person`` are read from the window; ``apply_person(page, person)`` hands a
    person to a page (reporting errors the window's way); ``on_built(entry)`` is called once per
    page right after it is built (wiring signals, menu entries)."""

    def __init__(self, nav: NavigationList, stack: QStackedWidget, go_menu, owner: QWidget, *,
                 is_locked: Callable[[], bool], person: Callable[[], object],
                 apply_person: Callable[[QWidget, object], None], on_built: Callable[[PageEntry], None],
                 on_shown: Callable[[], None]):
        super().__init__(owner)
        self.nav, self.stack, self.go_menu, self.owner = nav, stack, go_menu, owner
        self._is_locked, self._person, self._apply_person = is_locked, person, apply_person
        self._on_built, self._on_shown = on_built, on_shown
        self.registry: dict[str, PageEntry] = {}
        self.entries: list[PageEntry] = []
        nav.currentRowChanged.connect(self._on_row_changed)

    # --- registering --------------------------------------------------------------------------

    def add(self, title: str, icon: QIcon, *, name: str | None = None, widget: QWidget | None = None,
            factory: PageFactory | None = None) -> PageEntry:
        """Register a page built already (``widget``) or built when first needed (``factory``)."""
        name = name or title
        if name in self.registry:
            raise ValueError(f"a page named {name!r} is already registered")
        if (widget is None) == (factory is None):
            raise ValueError("give a page widget or a factory, not both")
        index = len(self.entries)
        item = QListWidgetItem(icon, title)
        action = QAction(title, self.owner)
        action.triggered.connect(lambda _checked=False, i=index: self.show(i))
        if index < MAX_PAGE_SHORTCUTS:
            keys = QKeySequence(f"Ctrl+{index + 1}")
            item.setToolTip(f"{title} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.go_menu.addAction(action)
        action.setEnabled(not self._is_locked())
        entry = PageEntry(name, title, action, index, factory=factory, stack=self)
        self.registry[name] = entry
        self.entries.append(entry)
        self.stack.addWidget(QWidget())  # the stand-in until the page is built
        if widget is not None:
            self._place(entry, widget)
        self.nav.addItem(item)
        self.nav.updateGeometry()
        if index == 0:
            self.nav.setCurrentRow(0)
        elif index == self.nav.currentRow() and not self._is_locked():
            self.build(entry)
        return entry

    def build(self, entry: PageEntry) -> QWidget:
        """Build ``entry``'s page if it is not built yet; the page."""
        if entry.widget is None:
            self._place(entry, entry.factory())
        return entry.widget

    def _place(self, entry: PageEntry, widget: QWidget) -> None:
        stand_in = self.stack.widget(entry.index)
        current = self.stack.currentIndex() == entry.index
        self.stack.insertWidget(entry.index, widget)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        entry.widget = widget
        if current:
            self.stack.setCurrentIndex(entry.index)
        self._on_built(entry)
        entry.has_person = True
        if not self._is_locked():
            self._apply_person(widget, self._person())

    # --- reading --------------------------------------------------------------------------------

    def built(self) -> Iterator[PageEntry]:
        return (entry for entry in self.entries if entry.widget is not None)

    def widgets(self) -> list[QWidget]:
        """Every page widget in navigation order (building those not built yet)."""
        return [entry.page for entry in self.entries]

    def titles(self) -> list[str]:
        return [entry.title for entry in self.entries]

    def current(self) -> PageEntry | None:
        row = self.stack.currentIndex()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    # --- showing --------------------------------------------------------------------------------

    def show(self, index: int) -> None:
        """Show page ``index`` (building it, and giving it the chosen person, if needed) and move
        the focus into it. Nothing while locked."""
        if self._is_locked() or not 0 <= index < len(self.entries):
            return
        self.nav.setCurrentRow(index)
        self.bring_up(index)
        self.stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go(self, name: str) -> QWidget | None:
        """Show the page registered as ``name``; the page, or None while locked or unknown."""
        entry = self.registry.get(name)
        if self._is_locked() or entry is None:
            return None
        self.show(entry.index)
        return entry.widget

    def bring_up(self, index: int) -> None:
        """Make page ``index`` the one in the stack, built and showing the chosen person."""
        entry = self.entries[index]
        if entry.widget is None:
            self.build(entry)  # gives the person
        elif not entry.has_person:
            entry.has_person = True
            self._apply_person(entry.widget, self._person())
        if self.stack.currentIndex() != index:
            self.stack.setCurrentIndex(index)
        self._on_shown()

    def _on_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        if self._is_locked():  # nothing is built or read while locked; the page comes at unlock
            self.stack.setCurrentIndex(row)
            return
        self.bring_up(row)

    # --- people and locking ---------------------------------------------------------------------

    def set_person(self, person: object) -> None:
        """``person`` is now chosen: the page on screen reads it now, the others when shown.
        A hidden page showing someone else keeps its typed words now (a write), not when shown."""
        current = self.current()
        for entry in self.built():
            if entry is current:
                entry.has_person = True
                self._apply_person(entry.widget, person)
            else:
                entry.has_person = False
                _keep_for_switch(entry.widget, person)

    def prepare_current(self) -> None:
        """While locked: build the page of the current row now, with no data (it reads nothing
        until the unlock gives it the person), so the unlock only reads and shows. Unlocked, or
        already built: nothing."""
        row = self.nav.currentRow()
        if self._is_locked() and 0 <= row < len(self.entries):
            self.build(self.entries[row])

    def show_current(self) -> None:
        """At unlock: the page of the current row, built if needed."""
        row = self.nav.currentRow()
        if 0 <= row < len(self.entries):
            self.bring_up(row)

    def each_built(self, method: str) -> None:
        """Call ``method()`` on every built page that has it; a page's error is logged and the
        others still run (a page's bug must not keep the vault open)."""
        for entry in list(self.built()):
            call = getattr(entry.widget, method, None)
            if call is None:
                continue
            try:
                call()
            except Exception as exc:
                log_safely(exc)

    def cleared(self) -> None:
        """After lock: every built page dropped its data, so none waits for a person."""
        for entry in self.built():
            entry.has_person = True


def _keep_for_switch(page: QWidget, person: object) -> None:
    """``page`` is hidden and ``person`` was chosen: when it shows someone else, it keeps their
    typed words now. A page's error is logged; the switch goes on."""
    shown = getattr(page, "person", None)
    keep = getattr(page, "keep_unsaved_work_in_background", None)
    if shown is None or keep is None or getattr(person, "id", None) == shown.id:
        return
    try:
        keep()
    except Exception as exc:
        log_safely(exc)


@dataclass
class FirstRead:
    """The first read of a page (one with ``first_read_job`` and ``first_read_given``, and the
    ``watches`` of :class:`~caregiver_app.gui.common.page.Page`), done by a job that runs anyway:
    at unlock the people read also reads the page on screen for the person it will show, so the
    page is shown one read sooner instead of reading only after the people came in (issue 16).
    That read is made by the unlock's own job once the vault is open and checked (see
    ``UnlockScreen.read_with_unlock``), or by the people read after it when the page was not
    built yet. Made with :meth:`of` on the GUI thread; :meth:`run` in the job touches no widget."""

    page: QWidget
    job: Callable[[Any, int], Any]
    version: Callable[[], int]
    """The version (``Ops.version``) of what the page shows; ``started`` is it when asked."""
    started: int = 0

    @classmethod
    def of(cls, page: QWidget | None, ops) -> FirstRead | None:
        make = getattr(page, "first_read_job", None)
        if make is None:
            return None
        watches = frozenset(getattr(page, "watches", ()))
        version = lambda: ops.version(watches)  # noqa: E731
        return cls(page, make(), version, version())

    def run(self, vault, person_id: int) -> tuple[int, Any] | None:
        """In the job: the page's answer for ``person_id``, or None when the read failed (the page
        then reads again itself and reports the failure its own way)."""
        try:
            return person_id, self.job(vault, person_id)
        except Exception:  # noqa: BLE001  see above
            return None

    def usable(self, answer: tuple[int, Any] | None, current: QWidget | None) -> bool:
        """True while the page is still the one on screen and nothing it shows was written
        since the read was asked."""
        return answer is not None and self.page is current and self.version() == self.started

    def given(self, answer: tuple[int, Any] | None, current: QWidget | None, ops) -> AbstractContextManager:
        """On the GUI thread, around showing the person: the page takes ``answer`` when
        :meth:`usable`; its other reads (chart, banner, …) then wait until that is painted."""
        if not self.usable(answer, current):
            return nullcontext()
        ops.hold_reads(self.page)
        self.after_paint(ops.release_reads)
        # Also without a paint (a hidden window) or a page gone meanwhile: never held for long.
        QTimer.singleShot(PAINT_WAIT_MS, ops, ops.release_reads)
        return self.page.first_read_given(*answer)

    def after_paint(self, then: Callable[[], None]) -> None:
        """``then()`` once the page's first read is painted (its ``first_read_painted`` widget
        gets a paint event)."""
        probe = getattr(self.page, "first_read_painted", lambda: self.page)()
        _OncePainted(probe, then)


PAINT_WAIT_MS = 300
"""The longest the page's other reads wait for its first read to be painted."""


class _OncePainted(QObject):
    """Calls ``then()`` once, just after ``widget``'s next paint event, unless gone by then."""

    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self.deleteLater)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self, self._fire)  # after this paint, not before it
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.parent().removeEventFilter(self)
            then()
            self.deleteLater()
