"""GUI test set-up.

* Background jobs run inline (``Ops.synchronous``): no sleeps, no races.
* Any modal dialog fails the test unless the test said it expects one (``modals.expect(...)``);
  expected dialogs are recorded and answered automatically, so nothing ever waits for a click.
* ``context``: an :class:`AppContext` over a temporary vault folder and settings file.
* ``ctx``: that context with the test vault unlocked in it and its clock stopped at ``support.NOW``
  (a test file that needs another zone or clock overrides ``ctx`` with a fixture taking ``ctx``).
* ``make_page``: builds a page (or any widget made from the context) for ``person`` and shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from caregiver_app.gui.common.translations import use_language
from caregiver_app.gui.context import AppContext
from caregiver_app.gui.common.ops import Ops
from caregiver_app.services import pdf_child
from caregiver_app.settings import Settings
from support import NOW


class UnexpectedModal(AssertionError):
    """A modal dialog opened that the test did not expect (it would hang a real run)."""


@dataclass
class ModalRecord:
    kind: str
    title: str
    text: str


class ModalRecorder:
    """Stands in for every way a modal dialog can block.

    ``expect(result=..., handler=...)`` queues one expected dialog. When it opens, ``handler``
    (if given) gets the dialog object (``None`` for Qt's static helpers) and may fill it in and
    accept it; the dialog then "returns" ``result``, or when that is None the handler's return
    value, or the dialog's own ``result()``. Any dialog beyond the queue fails the test.
    """

    def __init__(self) -> None:
        self.seen: list[ModalRecord] = []
        self.unexpected: list[str] = []
        self._queue: list[tuple[Any, Callable[[Any], Any] | None]] = []

    def expect(self, result: Any = None, handler: Callable[[Any], Any] | None = None) -> None:
        self._queue.append((result, handler))

    @property
    def pending(self) -> int:
        return len(self._queue)

    def opened(self, kind: str, dialog: Any, title: str, text: str, default: Any) -> Any:
        self.seen.append(ModalRecord(kind, title, text))
        if not self._queue:
            message = f"unexpected modal {kind}: title={title!r} text={text!r}"
            self.unexpected.append(message)
            raise UnexpectedModal(message)
        result, handler = self._queue.pop(0)
        answer = handler(dialog) if handler is not None else None
        if result is not None:
            return result
        if answer is not None:
            return answer
        if isinstance(dialog, QDialog):
            return dialog.result()
        return default


@pytest.fixture(autouse=True)
def vault_folder_is_the_usual_one(monkeypatch, vault_paths):
    """The tests' vault folder (``tmp_path / "vault"``, made by the wizard or a fixture) stands
    for the app's usual folder: missing, it is a first start (the wizard), not a drive that is
    not connected (see tests/gui/test_vaultgone.py)."""
    from caregiver_app.services import vault as vault_service

    monkeypatch.setattr(vault_service, "usual_folder", lambda: vault_paths.folder)


@pytest.fixture(autouse=True)
def synchronous_tasks(monkeypatch):
    monkeypatch.setattr(Ops, "synchronous", True)


@pytest.fixture(autouse=True)
def pdf_in_this_process(monkeypatch):
    """The visit summary page builds its PDF here, not in a child process (one fresh interpreter
    per preview would slow every page test; tests/unit/test_pdf_child.py and
    tests/gui/test_summary_child_build.py test the child)."""
    monkeypatch.setattr(pdf_child, "SEPARATE_PROCESS", False)


@pytest.fixture(autouse=True)
def modals(monkeypatch) -> ModalRecorder:
    recorder = ModalRecorder()

    def dialog_exec(self: QDialog) -> Any:
        text = self.text() if isinstance(self, QMessageBox) else ""
        default = QMessageBox.StandardButton.Ok if isinstance(self, QMessageBox) else QDialog.DialogCode.Rejected
        return recorder.opened(type(self).__name__, self, self.windowTitle(), text, default)

    monkeypatch.setattr(QDialog, "exec", dialog_exec)

    def message(kind: str, default: Any):
        def static(parent, title, text, *args, **kwargs):
            return recorder.opened(kind, None, title, text, default)

        return staticmethod(static)

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, message(f"QMessageBox.{name}", QMessageBox.StandardButton.Ok))
    for name in ("about", "aboutQt"):
        monkeypatch.setattr(QMessageBox, name, message(f"QMessageBox.{name}", None))

    def chooser(kind: str, default: Any):
        def static(*args, **kwargs):
            title = kwargs.get("caption", args[1] if len(args) > 1 else "")
            return recorder.opened(kind, None, str(title), "", default)

        return staticmethod(static)

    for name in ("getOpenFileName", "getSaveFileName", "getOpenFileUrl", "getSaveFileUrl"):
        monkeypatch.setattr(QFileDialog, name, chooser(f"QFileDialog.{name}", ("", "")))
    for name in ("getOpenFileNames", "getOpenFileUrls"):
        monkeypatch.setattr(QFileDialog, name, chooser(f"QFileDialog.{name}", ([], "")))
    for name in ("getExistingDirectory", "getExistingDirectoryUrl"):
        monkeypatch.setattr(QFileDialog, name, chooser(f"QFileDialog.{name}", ""))
    for name in ("getText", "getMultiLineText", "getItem", "getInt", "getDouble"):
        monkeypatch.setattr(QInputDialog, name, chooser(f"QInputDialog.{name}", (None, False)))

    yield recorder

    if recorder.unexpected:
        pytest.fail("; ".join(recorder.unexpected), pytrace=False)
    if recorder.pending:
        pytest.fail(f"{recorder.pending} expected modal dialog(s) never opened", pytrace=False)


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def context(vault_paths, settings_path, qapp) -> AppContext:
    # A known country, so the crisis numbers do not depend on the machine's locale (tests of
    # other countries set their own).
    ctx = AppContext(paths=vault_paths, ops=Ops(), settings=Settings(country="US"), settings_path=settings_path)
    yield ctx
    if ctx.vault is not None:
        ctx.vault.close()
        ctx.vault = None


@pytest.fixture
def ctx(context, vault) -> AppContext:
    context.vault = vault
    context.clock = lambda: NOW
    return context


_THE_PERSON = object()


@pytest.fixture
def make_page(qtbot, ctx, request):
    """``make_page(PageClass, size=(w, h), ...)``: the page built from ``ctx``, given ``person``,
    resized, shown and exposed. ``active=True`` also waits until it is the active window (for
    keyboard tests); ``shown=False`` leaves it hidden and unsized; ``show_first=True`` shows it
    before giving it the person (a hidden summary page builds no preview); ``person=None`` gives it
    none (the main window picks its own). The ``person`` fixture is only made when it is used."""

    def make(build: Callable[[AppContext], Any], size: tuple[int, int] | None = None, *, person: Any = _THE_PERSON,
             shown: bool = True, active: bool = False, show_first: bool = False):
        if person is _THE_PERSON:
            person = request.getfixturevalue("person")
        widget = build(ctx)
        qtbot.addWidget(widget)
        if size is not None:
            widget.resize(*size)
        if show_first:
            widget.show()
        if person is not None:
            widget.set_person(person)
        if not shown or show_first:
            return widget
        widget.show()
        qtbot.waitExposed(widget)
        if active:
            widget.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
        return widget

    return make


@pytest.fixture
def spanish(qapp):
    """Spanish for Mexico while the test runs (the window's words, Qt's own and the locale that
    writes dates and numbers); English and the locale as they were afterwards."""
    locale = QLocale()
    use_language("es", "MX")
    yield
    use_language("en")
    QLocale.setDefault(locale)
