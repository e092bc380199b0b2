"""Small pieces shared by the vault-safety dialogs (backups, security, vault files, repair):
plain labels, local date-and-time words, people lines, and a confirmation whose default button
is always the safe one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ...domain import timeutil
from ...i18n import _, ngettext
from . import formatting
from ..vault.unlock_screen import announce


class _TallEnough(QObject):
    """Keeps a dialog at least as tall as its wrapped text needs at its current width (Qt sizes
    top-level windows by their size hint, which knows nothing of word wrap; at large text sizes
    paragraphs would be cut off)."""

    EVENTS = frozenset({QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.LayoutRequest})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in self.EVENTS and isinstance(watched, QWidget):
            layout = watched.layout()
            if layout is not None and layout.hasHeightForWidth():
                needed = layout.totalHeightForWidth(watched.width())
                if needed > watched.minimumHeight() or needed < watched.minimumHeight() - 2:
                    watched.setMinimumHeight(needed)
                if watched.height() < needed:
                    watched.resize(watched.width(), needed)
        return False


def fit_text(dialog: QWidget) -> None:
    """Make ``dialog`` grow to show all of its wrapped text at any font size."""
    keeper = _TallEnough(dialog)
    dialog.installEventFilter(keeper)


def plain_label(text: str = "", *, name: str = "", bold: bool = False, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped plain-text label (never rich text: nothing typed by a user is parsed)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setAccessibleName(name)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def problem_label(name: str, parent: QWidget | None = None) -> QLabel:
    """The hidden, bold, plain-text line where a form says in plain words what to fix (bold, so
    the meaning never rests on colour). ``name`` is its accessible name."""
    label = plain_label(name=name, bold=True, parent=parent)
    label.hide()
    return label


def heading(text: str, parent: QWidget | None = None, *, level: int = 2) -> QLabel:
    """The one heading style of the app: ``level`` 1 is a page's title (1.4 times the user's own
    font size), 2 a section (1.15 times); both bold, plain text, word-wrapped. A "&" in ``text``
    is a mnemonic for the label's buddy."""
    label = plain_label(text, parent=parent)
    if "&" in text:  # a mnemonic for its buddy: Qt reads "&" only outside plain-text mode
        label.setTextFormat(Qt.TextFormat.AutoText)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * (1.4 if level == 1 else 1.15))
    label.setFont(font)
    label.setAccessibleName(text.replace("&", ""))
    return label


def heading_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A section heading (:func:`heading` at level 2)."""
    return heading(text, parent, level=2)


def code_font(base: QWidget, factor: float = 1.6):
    """The system's fixed-width font, ``factor`` times ``base``'s size, bold (recovery codes)."""
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    fixed.setPointSizeF(base.font().pointSizeF() * factor)
    fixed.setBold(True)
    return fixed


def code_display(base: QWidget, name: str) -> QLabel:
    """A one-time code shown large, centred and selectable, reachable with Tab (recovery code,
    family invitation); ``name`` is what a screen reader calls it."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setFont(code_font(base))
    label.setAccessibleName(name)
    return label


def when_text(instant: datetime | None, zone_name: str) -> str:
    """A UTC instant as local words: ``"Monday 30 November 2026, 9:15 AM"``."""
    if instant is None:
        return _("an unknown date")
    from ..journal.journal_model import day_heading, time_text  # the journal model loads the database layer

    local = timeutil.utc_to_local(instant, timeutil.zone(zone_name))
    return f"{day_heading(local.date())}, {time_text(local)}"


def entries_words(count: int) -> str:
    return ngettext("{count} entry", "{count} entries", count).format(count=formatting.count_text(count))


def people_lines(people: Iterable, empty: str = "") -> str:
    """One line per person: ``"Sam Rivera: 412 entries"``."""
    lines = [_("{name}: {entries}").format(name=p.name, entries=entries_words(p.entries)) for p in people]
    return "\n".join(lines) if lines else (empty or _("No one yet"))


def tell(parent: QWidget | None, title: str, text: str, *, warning: bool = False, blocking: bool = True) -> QMessageBox:
    """A plain message. ``blocking`` False shows it without stopping the app (window-modal)."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAccessibleName(title)
    if blocking:
        box.exec()
    else:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        announce(box, text)
    return box
