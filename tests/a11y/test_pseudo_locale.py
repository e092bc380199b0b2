"""Every page and dialog in the pseudo-locale (tests/pseudo_locale.py: every message about 40%
longer, accented, inside ⟦ ⟧): no words are cut off, and no English message of the catalog shows
as it is, which would mean it reached the screen without going through a catalog call."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from checks import clipped_text
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pseudo_locale import OPEN, speaking_pseudo
from test_dialogs import DIALOGS, inspect
from test_pages import PAGES

from caregiver_app.gui.warning_signs.signs_page import WarningSignsPage
from caregiver_app.i18n import __file__ as _i18n_file

TEMPLATE = __import__("pathlib").Path(_i18n_file).with_name("caregiver.pot")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _english_messages() -> list[str]:
    """The catalog's English messages worth looking for in a window: two words or more, with the
    placeholders cut out (each piece between them is looked for on its own)."""
    with TEMPLATE.open("rb") as stream:
        catalog = read_po(stream)
    found: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        for text in (message.id if isinstance(message.id, tuple) else (message.id,)):
            for piece in re.split(r"\{[^{}]*\}|%\([^)]*\)[sdifr]|%[sdifr]|<[^>]+>", text.replace("&", "")):
                piece = piece.strip(" .,:;!?()—-\n")
                if len(_WORD.findall(piece)) >= 2:
                    found.add(piece)
    return sorted(found, key=len, reverse=True)


ENGLISH = _english_messages()


def _texts(root: QWidget) -> list[tuple[QWidget, str]]:
    shown: list[tuple[QWidget, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        parts = [widget.windowTitle() if widget.isWindow() else "", widget.toolTip(), widget.accessibleName(),
                 widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            parts.append(widget.text())
        if isinstance(widget, QGroupBox):
            parts.append(widget.title())
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            parts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            parts += [widget.tabText(i) for i in range(widget.count())]
        shown += [(widget, part) for part in parts if part]
    return shown


def untranslated(root: QWidget) -> list[str]:
    """Texts in ``root`` that hold an English catalog message as it is."""
    found = []
    for widget, text in _texts(root):
        plain = re.sub(r"<[^>]+>", " ", text).replace("&", "")
        for message in ENGLISH:
            if message in plain:
                found.append(f"{type(widget).__name__} {widget.objectName() or ''}: {message!r} in {text[:80]!r}")
                break
    return found


@pytest.fixture
def pseudo_locale(monkeypatch, qapp):
    with speaking_pseudo(monkeypatch):
        yield


def _problems(root: QWidget) -> list[str]:
    return [f"clipped: {x}" for x in clipped_text(root)] + [f"untranslated: {x}" for x in untranslated(root)]


def test_the_pseudo_locale_marks_every_message(pseudo_locale):
    from caregiver_app.i18n import _

    assert _("Save").startswith(OPEN)


@pytest.mark.parametrize("page_class", PAGES, ids=lambda c: c.__name__)
def test_every_page_in_the_pseudo_locale(page_class, pseudo_locale, make_page):
    person = {"person": None} if page_class is WarningSignsPage else {}
    page = make_page(page_class, size=(1024, 700), active=True, **person)
    found = _problems(page)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_in_the_pseudo_locale(name, pseudo_locale, qtbot, ctx, person):
    dialog = DIALOGS[name](ctx, person)
    qtbot.addWidget(dialog)
    inspect(qtbot, dialog)
    found = _problems(dialog)
    assert not found, "\n".join(found)
