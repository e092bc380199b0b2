"""Small builders for the layout pieces the pages share: a scrolling column, two panes side by
side, a heading with its buttons, a row of page actions, a button with a menu, a hidden bar of
words with one button, a page shortcut, and opening a saved file.

They only put Qt widgets together (no vault work, no words of their own), so a page reads as
what it shows, and one look (no frame on scrolling panes, panes that never collapse to nothing)
holds on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sized
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CaregiverError
from ...i18n import _
from .errors import show_error

Item = QWidget | QLayout | tuple[QWidget | QLayout, int]
"""A widget or layout, or ``(widget or layout, stretch)``."""


class UpAndDown(QScrollArea):
    """Scrolls up and down only, and is never narrower than what it holds needs (so nothing is
    cut off at the side, and a splitter or window beside it leaves it that room)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()
        if self.widget() is not None:
            frame = 2 * self.frameWidth()
            hint.setWidth(self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + frame)
        return hint


def scroll_area(inner: QWidget, parent: QWidget, *, framed: bool = False, focusable: bool = True,
                sideways: bool = True) -> QScrollArea:
    """``inner`` in a scroll area that resizes it to its width (so long text wraps instead of
    cutting off at large text sizes). ``framed`` draws the style's panel frame; a scroll area
    that is not ``focusable`` leaves Tab to the controls inside it; ``sideways=False`` never
    shows a horizontal scroll bar and asks for the least width of the content (an
    :class:`UpAndDown`). The content is never squeezed below the height its controls ask for
    (at large text a form scrolls instead)."""
    policy = inner.sizePolicy()
    if policy.verticalPolicy() == QSizePolicy.Policy.Preferred:
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        inner.setSizePolicy(policy)
    scroll = QScrollArea(parent) if sideways else UpAndDown(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.StyledPanel if framed else QFrame.Shape.NoFrame)
    scroll.setWidget(inner)
    if not focusable:
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def add_items(layout: QBoxLayout, items: Iterable[Item]) -> QBoxLayout:
    """Add widgets and layouts to ``layout`` in order; ``(item, stretch)`` gives that stretch."""
    for item in items:
        thing, stretch = item if isinstance(item, tuple) else (item, 0)
        if isinstance(thing, QLayout):
            layout.addLayout(thing, stretch)
        else:
            layout.addWidget(thing, stretch)
    return layout


def column(parent: QWidget, *items: Item, margins: bool = True, end_stretch: int | None = None) -> QWidget:
    """A widget holding ``items`` top to bottom (``margins=False``: flush with its neighbours).
    ``end_stretch``: a stretch after the items with that factor, so they keep together at the top
    (0 takes the spare room only while no item has a stretch of its own, e.g. a hidden one)."""
    widget = QWidget(parent)
    layout = add_items(QVBoxLayout(widget), items)
    if not margins:
        layout.setContentsMargins(0, 0, 0, 0)
    if end_stretch is not None:
        layout.addStretch(end_stretch)
    return widget


def side_by_side(parent: QWidget, *panes: QWidget, stretch: Iterable[int] = (),
                 vertical: bool = False) -> QSplitter:
    """``panes`` in a splitter the user can drag, none of which can be squeezed away;
    ``stretch`` shares out extra room (``(2, 3)``: the second pane grows faster)."""
    splitter = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal, parent)
    for pane in panes:
        splitter.addWidget(pane)
    for index, factor in enumerate(stretch):
        splitter.setStretchFactor(index, factor)
    splitter.setChildrenCollapsible(False)
    return splitter


def heading_row(label: QLabel, *buttons: QPushButton) -> QHBoxLayout:
    """A heading (or label) taking the width, with ``buttons`` at its end (e.g. Change…, Delete…)."""
    row = QHBoxLayout()
    row.addWidget(label, 1)
    for button in buttons:
        row.addWidget(button)
    return row


def push_button(text: str, parent: QWidget, slot: Callable[[], object], *, name: str = "", tip: str = "") -> QPushButton:
    """A push button that calls ``slot`` when clicked; ``name`` is its screen-reader name and
    ``tip`` its tooltip, when its text alone would not say enough."""
    made = QPushButton(text, parent)
    if name:
        made.setAccessibleName(name)
    if tip:
        made.setToolTip(tip)
    made.clicked.connect(slot)
    return made


def menu_action(text: str, parent: QWidget, slot: Callable[[], object], *, keys: str | QKeySequence | None = None,
           everywhere: bool = False) -> QAction:
    """A menu action that calls ``slot`` when chosen; ``keys`` work in its window (``everywhere``:
    in every window of the app, e.g. Lock)."""
    made = QAction(text, parent)
    if keys is not None:
        made.setShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys))
        made.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut if everywhere
                                else Qt.ShortcutContext.WindowShortcut)
    made.triggered.connect(slot)
    return made


def menu_button(text: str, parent: QWidget, actions: Iterable[QAction]) -> QPushButton:
    """A push button that opens a menu of ``actions``."""
    made = QPushButton(text, parent)
    menu = QMenu(made)
    for item in actions:
        menu.addAction(item)
    made.setMenu(menu)
    return made


def action_row(buttons: Iterable[QWidget], *, at_end: Iterable[QWidget] = ()) -> QHBoxLayout:
    """A page's row of actions: ``buttons`` from the start, ``at_end`` pushed to the far end."""
    row = QHBoxLayout()
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in at_end:
        row.addWidget(widget)
    return row


def wrapping_row(widgets: Iterable[QWidget]):
    """A row of ``widgets`` (buttons, radio buttons) that goes onto more lines when the page is
    narrow, as words do: at large text a long row scrolls nothing sideways and never makes the
    window wider. In the order given (the Tab order)."""
    from .tag_choices import FlowLayout  # tag_choices imports the journal's fields: only when used

    row = FlowLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


def together(parent: QWidget, *widgets: QWidget) -> QWidget:
    """``widgets`` side by side in one piece of a :func:`wrapping_row` ("to" and its date, the
    Change and Delete buttons): the piece moves to a line of its own before it is split, and is
    split only when even a line of its own is too narrow for it."""
    piece = QWidget(parent)
    row = wrapping_row(widgets)
    piece.setLayout(row)
    row.setContentsMargins(0, 0, 0, 0)
    return piece


def bar(parent: QWidget, main: QWidget, *buttons: QPushButton) -> QWidget:
    """A hidden strip (shown when there is something to say): ``main`` taking the width, then
    ``buttons`` (e.g. a status line and its Undo, a progress bar and its Cancel)."""
    row = QHBoxLayout()
    row.addWidget(main, 1)
    for widget in buttons:
        row.addWidget(widget)
    row.setContentsMargins(0, 0, 0, 0)
    strip = QWidget(parent)
    strip.setLayout(row)
    strip.hide()
    return strip


def shortcut(owner: QWidget, keys: str | QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object], *,
             widget_only: bool = False) -> QShortcut:
    """``keys`` call ``slot`` while the focus is in ``owner`` or inside it (``widget_only``: in
    ``owner`` itself, e.g. Delete in a list)."""
    made = QShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys), owner)
    made.setContext(Qt.ShortcutContext.WidgetShortcut if widget_only else Qt.ShortcutContext.WidgetWithChildrenShortcut)
    made.activated.connect(slot)
    return made


def list_hint(label: QLabel, person: object | None, items: Sized, *, no_person: str, none_yet: str) -> None:
    """The line above a page's list: ``no_person`` while nobody is chosen, ``none_yet`` while the
    list is empty, and hidden once there is something to show."""
    text = no_person if person is None else none_yet if not items else ""
    label.setText(text)
    label.setVisible(bool(text))


def documents_folder() -> Path:
    """The user's Documents folder (their home folder when the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def open_saved_pdf(parent: QWidget, path: Path | None) -> None:
    """Open the PDF saved at ``path`` in the computer's PDF viewer; when none is set up, say so
    in plain words with where the file is. Nothing happens when ``path`` is None."""
    if path is None:
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        show_error(parent, CaregiverError(
            _("This computer has no program set up to open PDF files. The file is saved at {path}.").format(path=path)
        ), _("The PDF could not be opened"))
