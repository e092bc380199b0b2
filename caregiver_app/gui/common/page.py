"""The base of every page in the main window, one ``confirm()`` and the one heading style.

A page subclasses :class:`Page`, says which concepts it shows (``watches``) and fills three
hooks; the base does the rest the same way on every page::

    class ScoresPage(Page):
        title = "Scores and check-in"
        watches = {SCORES}

        def load(self, person):             # read what the page shows (person is never None)
            self.read(lambda vault: scores.list_scores(vault, person.id), self._show, key="list")

        def drop(self):                     # forget every name and number (lock, no person)
            self.list.clear()

* the heading reads "<title> for <name>" and only "<title>" while no one is chosen or locked;
* ``set_person`` (the switcher) and ``clear`` (lock) are called by the main window;
* a successful write anywhere that ``touches`` one of ``watches`` (for this person, when the
  change names one) reloads the page: at once when shown or when the page made it, else the
  next time it is shown; no page-to-page wiring;
* ``has_unsaved_work``/``keep_unsaved_work`` let a page keep typed words at lock, and
  ``keep_unsaved_work_in_background`` at a person switch while the page is hidden (a page built
  lazily is given the new person only when next shown, but its words are kept at the switch).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from ...i18n import _
from .ops import Change, Op
from .trust_widgets import heading

if TYPE_CHECKING:  # annotations only: the model loads with the first page, not with the unlock screen
    from ...domain.model import Person

__all__ = ["Page", "confirm", "heading"]


def confirm(parent: QWidget | None, question: str, *, yes: str, no: str, destructive: bool = False,
            details: str = "", title: str = "") -> bool:
    """The one way to ask before doing something. ``question`` is the plain question, ``yes``
    and ``no`` the words on the two buttons (verbs: "Delete score" / "Keep it"). The safe answer
    (``no``) is the default button and the Esc answer; ``destructive`` marks ``yes`` as one that
    deletes or replaces data. True only when the user picked ``yes``. ``title`` holds no names
    or health words (window titles are seen by other programs); empty: "Please check"."""
    title = title or _("Please check")
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setInformativeText(details)
    role = QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
    act = box.addButton(yes, role)
    safe = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    box.setAccessibleName(title)
    box.exec()
    return box.clickedButton() is act


class Page(QWidget):
    """A page of the main window. Subclasses set :attr:`title` and :attr:`watches` and override
    :meth:`load` and :meth:`drop`; they put their widgets in :attr:`body` (a QVBoxLayout under
    the heading). ``context`` is the :class:`~caregiver_app.gui.context.AppContext`."""

    title = ""
    """The page's name: the heading and the navigation entry (marked with ``N_``; shown through
    :meth:`title_text` in the language in force)."""
    watches: frozenset[str] | set[str] = frozenset()
    """Concepts (``ops.JOURNAL``…) whose changes make this page reload."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.person: Person | None = None
        self._stale = False
        self.heading = heading(self.title_text(), self, level=1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        context.ops.changed.connect(self._on_changed)

    # --- hooks for subclasses ----------------------------------------------------------------

    def load(self, person: Person) -> None:
        """Read what the page shows for ``person`` (through :meth:`read`). Called on a person
        change and when a watched concept changed."""

    def drop(self) -> None:
        """Forget every name and number on the page (no person, or the vault locked)."""

    def has_unsaved_work(self) -> bool:
        """True while the page holds typed words that are not saved."""
        return False

    def keep_unsaved_work(self) -> None:
        """Keep typed words in the vault at once (the app is about to lock). Must not raise."""

    def keep_unsaved_work_in_background(self) -> None:
        """Another person was chosen while this page is hidden: keep the words typed for the
        person still shown here through a write on the Ops lane now, as a switch on screen does,
        so a crash before the page is shown again loses nothing. The page is given the new
        person when next shown. Must not raise."""

    def title_text(self) -> str:
        """The page's name in the language in force."""
        return _(self.title) if self.title else ""

    def _heading_for(self, person: Person | None) -> str:
        if person is None:
            return self.title_text()
        # TRANSLATORS: a page's heading: "Journal for Sam Rivera", "Visit summary for Sam Rivera".
        return _("{page} for {name}").format(page=self.title_text(), name=person.display_name)

    # --- called by the main window -----------------------------------------------------------

    def set_person(self, person: Person | None) -> None:
        """Show ``person`` (None: no one chosen). The same person again (renamed, or the switcher
        re-read after an import) keeps what is typed on the page and reads the rest again."""
        same = person is not None and self.person is not None and person.id == self.person.id
        self.person = person
        if same:
            self.heading.setText(self._heading_for(person))
            self._stale = False
            self.load(person)
            return
        self.heading.setText(self._heading_for(person))
        self.setEnabled(person is not None)
        self.drop()
        if person is not None:
            self._stale = False
            self.load(person)

    def clear(self) -> None:
        """The vault locked: drop everything, keep nothing of the person."""
        self.person = None
        self._stale = False
        self.heading.setText(self.title_text())
        self.drop()
        self.setEnabled(False)

    def reload(self) -> None:
        """Read the page again for the chosen person."""
        if self.person is not None:
            self.load(self.person)

    # --- vault work for this page ------------------------------------------------------------

    def read(self, job: Callable[..., Any], on_done: Callable[[Any], None], *, key: str = "load",
             **options: Any) -> Op:
        """``context.ops.read`` with this page as parent; ``key`` is made unique to this page. The
        answer is dropped when another person is shown by the time it comes."""
        return self.context.ops.read(self, job, on_done=self._for_this_person(on_done), key=f"{id(self)}:{key}",
                                     **options)

    def write(self, job: Callable[..., Any], changes: Iterable[str], **options: Any) -> Op:
        """``context.ops.write`` with this page as parent (and as the change's source); the page
        itself reloads from the change like every other page."""
        person_id = self.person.id if self.person is not None else None
        options.setdefault("person_id", person_id)
        options["on_done"] = self._for_this_person(options.get("on_done"))
        return self.context.ops.write(self, job, changes=changes, **options)

    # --- inside -------------------------------------------------------------------------------
    def _for_this_person(self, on_done: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
        """``on_done`` run only while the person shown when it was asked for is still shown: an
        answer about Sam (a question, a "Saved" line, a chosen record) never lands on Alex's page.
        A write still lands in the vault and still says so through ``ops.changed``."""
        if on_done is None:
            return None
        asked_for = self.person.id if self.person is not None else None

        def deliver(result: Any) -> None:
            if (self.person.id if self.person is not None else None) == asked_for:
                on_done(result)

        return deliver


    def _on_changed(self, change: Change) -> None:
        if self.person is None or not change.touches(*self.watches):
            return
        if change.person_id is not None and change.person_id != self.person.id:
            return
        made_here = isinstance(change.source, QWidget) and (change.source is self or self.isAncestorOf(change.source))
        if self.isVisible() or made_here:
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)
