"""The Support network page's contacts as a table (the same content as the ecomap, for the
keyboard and screen readers), with columns fitted to the window: the name and phone number are
always whole, and the longer words after them wrap inside their row instead of being cut off."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTextBoundaryFinder, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeWidget, QWidget

from ...i18n import _, N_

# The phone number comes right after the name: it is what people open the list for, and the
# columns after it may need the list to scroll sideways in a very narrow window. The part of the
# map goes with the role, and which way support flows with the tie (as the map's line and arrow
# show them together), so the list fits a 1024-pixel-wide window without cutting anything off.
LIST_COLUMNS = (N_("Name"), N_("Phone"), N_("Role"), N_("Tie"), N_("Gives"), N_("Last in touch"))
WHOLE_COLUMNS = 2  # name and phone: never cut (a very long name wraps)


def unbreakable_pieces(text: str) -> list[str]:
    """The parts of ``text`` a word-wrapped line never breaks inside: words in most scripts, each
    character in Chinese or Japanese (written without spaces, and wrapped between any two)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    units = text.encode("utf-16-le")  # the finder counts UTF-16 code units
    pieces, start = [], 0
    while (end := finder.toNextBoundary()) != -1:
        piece = units[2 * start:2 * end].decode("utf-16-le", errors="replace").strip()
        if piece:
            pieces.append(piece)
        start = end
    return pieces


class ContactList(QTreeWidget):
    """One row per contact, columns :data:`LIST_COLUMNS`; call :meth:`fit_columns` after filling it
    (a resize fits them by itself)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(_("Contacts"))
        self.setHeaderLabels([_(column) for column in LIST_COLUMNS])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.setWordWrap(True)  # rows grow to the wrapped words of the narrower columns
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(1)
        self._fitting = QTimer(self)  # one fit after a burst of resizes
        self._fitting.setSingleShot(True)
        self._fitting.setInterval(0)
        self._fitting.timeout.connect(self.fit_columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fitting.start()

    def fit_columns(self) -> None:
        """Name and phone as wide as their longest text (a name at most about a third of the list,
        wrapping beyond that); the room left goes to the other columns in
        proportion to the width their words want, each at least as wide as its longest word (and
        its heading's). The list scrolls sideways only when even that does not fit."""
        columns = range(self.columnCount())
        want = [self._want(c) for c in columns]
        least = [self._least_word(c) for c in columns]
        # a very long name wraps rather than pushing the phone number out of sight
        want[0] = max(least[0], min(want[0], self.viewport().width() * 35 // 100))
        room = self.viewport().width() - sum(want[:WHOLE_COLUMNS])
        wrapping = list(columns)[WHOLE_COLUMNS:]
        natural = sum(want[c] for c in wrapping)
        floor = sum(least[c] for c in wrapping)
        if natural <= room:  # everything on one line; the spare room goes to the last column
            widths = {c: want[c] for c in wrapping}
            widths[wrapping[-1]] += room - natural
        elif floor < room:  # wrap: share what is left over the least widths by what each wants more
            spare, extra = room - floor, natural - floor
            widths = {c: least[c] + (want[c] - least[c]) * spare // extra for c in wrapping}
            widths[wrapping[-1]] += room - sum(widths.values())
        else:
            widths = {c: least[c] for c in wrapping}
        header = self.header()
        for column in columns:
            header.resizeSection(column, want[column] if column < WHOLE_COLUMNS else widths[column])
        self._fit_rows()

    def _fit_rows(self) -> None:
        # A tree view measures its rows with no width at all, so wrapped words would be cut to one
        # line: each cell says how tall its words are at its column's width.
        metrics, padding, header = self.fontMetrics(), self._padding(), self.header()
        line = metrics.height() + 2
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            for column in range(self.columnCount()):
                room = max(1, header.sectionSize(column) - padding + 2)  # the words get all but the margins
                words = metrics.boundingRect(0, 0, room, 100_000, Qt.TextFlag.TextWordWrap, item.text(column))
                item.setSizeHint(column, QSize(header.sectionSize(column), max(line, words.height() + 2)))
        self.doItemsLayout()  # the view keeps the rows' old heights until told to measure again

    def _padding(self) -> int:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        return 2 * margin + 2

    def _want(self, column: int) -> int:
        metrics = self.fontMetrics()
        texts = [self.topLevelItem(i).text(column) for i in range(self.topLevelItemCount())]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0) + self._padding()
        return max(widest, self.header().sectionSizeHint(column))

    def _least_word(self, column: int) -> int:
        metrics = self.fontMetrics()
        words = [w for i in range(self.topLevelItemCount())
                 for w in unbreakable_pieces(self.topLevelItem(i).text(column))]
        widest = max((metrics.horizontalAdvance(w) for w in words), default=0) + self._padding()
        return max(widest, self.header().sectionSizeHint(column))
