"""How the journal list draws its rows: wrapped to the list's width, with room between entries
and above each day's heading, each row measured once per width (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .journal_model import DAY, KindRole


class EntryDelegate(QStyledItemDelegate):
    """Wraps long lines to the list's width and adds breathing room between entries and above
    each day's heading (in font units, so it grows with the text size).

    A row's size is measured once for each width, font and style: the list asks for every loaded
    row's size again at each layout pass (several times while the journal first appears), and
    measuring wrapped text was the largest part of showing the journal after unlock (issue 16).
    Text wraps at the width the list has with its scroll bar, so the bar coming in changes no row."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, str], int] = {}
        self._measured_for: tuple[int, str, int] | None = None

    def forget_sizes(self) -> None:
        """Drop the measured sizes (the rows were read again)."""
        self._heights.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = max(self._wrap_width(), 80)
        style = self._view.style()
        measured_for = (width, option.font.key(), id(style))
        if measured_for != self._measured_for:
            self._heights.clear()
            self._measured_for = measured_for
        key = (index.data(Qt.ItemDataRole.DisplayRole) or "", index.data(KindRole) or "")
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = self._measure(option, index, width, style)
        return QSize(max(self._view.viewport().width(), 80), height)

    def _wrap_width(self) -> int:
        """The viewport's width with the scroll bar shown, also while it is hidden: the rows keep
        their sizes when a long journal brings the bar in (else every row is measured twice)."""
        bar = self._view.verticalScrollBar()
        shown = (bar.isVisibleTo(self._view)
                 or self._view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return self._view.viewport().width() - (0 if shown else bar.sizeHint().width())

    def _measure(self, option: QStyleOptionViewItem, index: QModelIndex, width: int, style: QStyle) -> int:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, self._view) + 1
        metrics = QFontMetrics(opt.font)
        text_rect = metrics.boundingRect(QRect(0, 0, width - 4 * margin, 1_000_000),
                                         int(Qt.TextFlag.TextWordWrap), opt.text)
        line = metrics.height()
        extra = line if index.data(KindRole) == DAY else line // 2
        return text_rect.height() + 2 * margin + extra
