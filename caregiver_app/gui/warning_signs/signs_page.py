"""The "Warning signs" page: the warning-sign pages (what to watch for, how urgent it is).

Topics by category and a search box on the left; the chosen page on the right (see
:mod:`..common.page_view`). Links between pages work, with Back and Forward (Alt+Left and
Alt+Right, or the buttons). The pages hold no health data; ``clear()`` (on lock) still forgets the
search words and the history, since what someone looked up can be personal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services import warning_signs as library
from ..common.country import help_words
from ..common.navigation import GET_HELP_KEYS
from ..common.page_view import PageView
from ..vault.unlock_screen import announce

PageIdRole = Qt.ItemDataRole.UserRole + 1

ECHO_CHARS = 40
"""The most of the typed words the result line repeats: a long paste without spaces would
otherwise make the topic list, and so the window, wider than the screen."""


def _shortened(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= ECHO_CHARS else words[: ECHO_CHARS - 1].rstrip() + "…"


class _WrappedTitles(QStyledItemDelegate):
    """Rows tall enough for their title wrapped to the list's width. QTreeView wraps the words
    but keeps one line's height, so with large text a long title ended in "…"."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt name)
        base = super().sizeHint(option, index)
        tree = self.parent()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        margins = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
        width = max(tree.viewport().width() - depth * tree.indentation() - margins, 40)
        metrics = QFontMetrics(opt.font)
        needed = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(base.width(), max(base.height(), needed.height() + base.height() - metrics.height()))


class _RelayoutOnResize(QObject):
    """Row heights depend on the list's width: lay the rows out again when it changes."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize:
            self.parent().doItemsLayout()
        return False


class WarningSignsPage(QWidget):
    """Browse and search the warning-sign pages. ``context`` (optional) gives the settings that
    choose the country's numbers. Not a :class:`~caregiver_app.gui.common.page.Page`: it reads no
    vault and is for everyone, so it has no person and stays usable when no one is chosen."""

    def __init__(self, context=None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._words = self._current_words()
        self._pages = library.load_pages(self._words)
        self._history: list[str] = []  # page ids; "" is the start view
        self._position = -1
        self._items: dict[str, QTreeWidgetItem] = {}
        self._sized = False
        self._missing_shown = False
        self._build()
        self.go_home()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.search_label = QLabel(_("&Search the pages"), self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(_("For example: chest pain"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(_("Search the warning-sign pages"))
        self.search_edit.setToolTip(_("Search the warning-sign pages (Ctrl+F)"))
        self.search_label.setBuddy(self.search_edit)
        self.search_edit.textChanged.connect(self._on_search)
        self.search_edit.returnPressed.connect(self._open_first_result)

        self.topics_label = QLabel(_("&Topics"), self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("Warning-sign topics"))
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(_WrappedTitles(self.tree))
        self.tree.viewport().installEventFilter(_RelayoutOnResize(self.tree))
        self.topics_label.setBuddy(self.tree)
        for category in library.CATEGORIES:
            pages = [p for p in self._pages if p.category == category]
            if not pages:
                continue
            head = QTreeWidgetItem(self.tree, [_(category)])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            for pg in pages:
                item = QTreeWidgetItem(head, [pg.title])
                item.setData(0, PageIdRole, pg.id)
                item.setToolTip(0, pg.summary)
                item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, pg.summary)
                self._items[pg.id] = item
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(self._on_current_item)
        self.tree.itemActivated.connect(lambda item, _col: self._on_current_item(item, None))

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed
        self.result_label.hide()
        self.limits_label = QLabel(
            _("These pages are information, not a diagnosis. Each one lists its sources."), self
        )
        self.limits_label.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_label)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.result_label)
        left_layout.addWidget(self.topics_label)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.limits_label)

        self.back_button = QPushButton(_("Back"), self)
        self.back_button.setAccessibleName(_("Back to the page before"))
        self.back_button.setToolTip(_("Back (Alt+Left)"))
        self.back_button.clicked.connect(self.back)
        self.forward_button = QPushButton(_("Forward"), self)
        self.forward_button.setAccessibleName(_("Forward to the next page"))
        self.forward_button.setToolTip(_("Forward (Alt+Right)"))
        self.forward_button.clicked.connect(self.forward)
        self.home_button = QPushButton(_("How urgent is it?"), self)
        self.home_button.setAccessibleName(_("About the urgency labels and the limits of these pages"))
        self.home_button.clicked.connect(self.go_home)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.forward_button)
        nav.addStretch(1)
        nav.addWidget(self.home_button)

        self.view = PageView(self)
        self.view.words = self._words
        self.view.page_requested.connect(self.open_page)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(nav)
        right_layout.addWidget(self.view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        # Alt+Left/Right everywhere, plus the platform's own Back/Forward keys where they differ
        # (the same key twice would make both shortcuts ambiguous, and neither would fire).
        bindings: dict[str, object] = {}
        for keys, slot in (("Alt+Left", self.back), ("Alt+Right", self.forward), ("Ctrl+F", self.focus_search)):
            bindings[QKeySequence(keys).toString()] = slot
        for standard, slot in ((QKeySequence.StandardKey.Back, self.back),
                               (QKeySequence.StandardKey.Forward, self.forward),
                               (QKeySequence.StandardKey.Find, self.focus_search)):
            for keys in QKeySequence.keyBindings(standard):
                bindings.setdefault(keys.toString(), slot)
        for keys, slot in bindings.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        QWidget.setTabOrder(self.search_edit, self.tree)
        QWidget.setTabOrder(self.tree, self.back_button)
        QWidget.setTabOrder(self.back_button, self.forward_button)
        QWidget.setTabOrder(self.forward_button, self.home_button)
        QWidget.setTabOrder(self.home_button, self.view)
        self.setFocusProxy(self.search_edit)

    # --- public -------------------------------------------------------------------------
    @property
    def current_page_id(self) -> str:
        """The id of the page shown, or ``""`` on the start view."""
        return self._history[self._position] if self._position >= 0 else ""

    def open_page(self, page_id: str) -> bool:
        """Show the page ``page_id`` (added to the history). False for an unknown id."""
        try:
            library.page(page_id, self._words)
        except KeyError:
            # A link to a page that is missing or damaged in this installation: say so, rather
            # than a click that does nothing.
            message = _("That page could not be opened: it is missing or damaged on this computer. "
                        "Installing the app again brings it back. Get help now ({keys}) "
                        "has the emergency and crisis numbers.").format(keys=GET_HELP_KEYS)
            self.result_label.setText(message)
            self.result_label.show()
            announce(self.result_label, message)
            self._missing_shown = True
            return False
        self._go(page_id)
        return True

    def go_home(self) -> None:
        """The start view: how the tiers look, and what the pages cannot do."""
        self._go("")

    def back(self) -> None:
        if self._position > 0:
            self._position -= 1
            self._show_current()

    def forward(self) -> None:
        if self._position < len(self._history) - 1:
            self._position += 1
            self._show_current()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def search(self, text: str) -> None:
        self.search_edit.setText(text)

    def visible_page_ids(self) -> list[str]:
        """The page ids the topic list shows now (all of them, or the search results)."""
        return [pid for pid, item in self._items.items() if not item.isHidden()]

    def clear(self) -> None:
        """Forget the search words and the history (the vault locked)."""
        self.search_edit.clear()
        self._history, self._position = [], -1
        self.go_home()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """The first time: make the topic list wide enough for its longest title (at this font
        size), but never more than two fifths of the page."""
        super().showEvent(event)
        self.refresh_country()
        if self._sized:
            return
        self._sized = True
        metrics = self.tree.fontMetrics()
        longest = max((metrics.horizontalAdvance(p.title) for p in self._pages), default=0)
        wanted = longest + self.tree.indentation() + metrics.averageCharWidth() * 4 + \
            self.tree.verticalScrollBar().sizeHint().width()
        total = max(self.splitter.width(), 1)
        left = min(wanted, total * 2 // 5)
        self.splitter.setSizes([left, total - left])

    def refresh_country(self) -> None:
        """Show the numbers of the country in effect now (it may have changed in Settings)."""
        words = self._current_words()
        if words == self._words:
            return
        self._words = self.view.words = words
        self._pages = library.load_pages(words)
        self._show_current()

    # --- private ------------------------------------------------------------------------
    def _current_words(self) -> library.HelpWords:
        settings = getattr(self._context, "settings", None)
        return help_words(settings) if settings is not None else library.help_words("")

    def _go(self, page_id: str) -> None:
        if self._missing_shown:  # that message was about one click: back to the search's line
            self._missing_shown = False
            self._on_search(self.search_edit.text())
        if self._position >= 0 and self._history[self._position] == page_id:
            self._show_current()
            return
        del self._history[self._position + 1:]
        self._history.append(page_id)
        self._position = len(self._history) - 1
        self._show_current()

    def _show_current(self) -> None:
        page_id = self.current_page_id
        if page_id:
            self.view.show_page(library.page(page_id, self._words))
        else:
            self.view.show_home(len(self._pages))
        self.back_button.setEnabled(self._position > 0)
        self.forward_button.setEnabled(self._position < len(self._history) - 1)
        self._select_in_tree(page_id)

    def _select_in_tree(self, page_id: str) -> None:
        item = self._items.get(page_id)
        self.tree.blockSignals(True)
        if item is None:
            self.tree.setCurrentItem(None)
            self.tree.clearSelection()
        else:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        self.tree.blockSignals(False)

    def _on_current_item(self, item: QTreeWidgetItem | None, _previous) -> None:
        if item is None:
            return
        page_id = item.data(0, PageIdRole)
        if page_id and page_id != self.current_page_id:
            self._go(page_id)

    def _on_search(self, text: str) -> None:
        words = text.strip()
        if not words:
            matches = {p.id for p in self._pages}
            self.result_label.hide()
        else:
            matches = {p.id for p in library.search(words, self._words)}
            count = len(matches)
            shown = _shortened(words)
            message = (_("No page matches “{words}”. Try fewer or other words.").format(words=shown) if not count
                       else ngettext("{count} page matches “{words}”.", "{count} pages match “{words}”.",
                                     count).format(count=count, words=shown))
            self.result_label.setText(message)
            self.result_label.show()
            announce(self.result_label, message)
        for page_id, item in self._items.items():
            item.setHidden(page_id not in matches)
        for index in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(index)
            head.setHidden(all(head.child(i).isHidden() for i in range(head.childCount())))

    def _open_first_result(self) -> None:
        words = self.search_edit.text().strip()
        results = library.search(words, self._words) if words else []
        if results:
            self.open_page(results[0].id)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
