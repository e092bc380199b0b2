"""A month calendar with a mood mark on each day, driven entirely by the keyboard or the mouse.

Each day with a mood shows a bar that is fuller for a better mood *and* the mood's number (the
word too, when the cell is wide enough), so the mark never depends on colour. ⚑ marks a day with
something flagged for the next visit. Keys: arrows move a day or a week, Page Up / Page Down a
month, Home / End the first or last day, Enter opens that day's entries.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..common import formatting
from ..common.page import heading
from ..common.visible_style import mix
from ...domain.model import MoodLevel
from ...i18n import N_, _, ngettext
from ...services.patterns import DayMark

DateRole = Qt.ItemDataRole.UserRole + 1
MarkRole = Qt.ItemDataRole.UserRole + 2
InMonthRole = Qt.ItemDataRole.UserRole + 3
TodayRole = Qt.ItemDataRole.UserRole + 4

FLAG = "⚑"
LEGEND = N_(
    "Each day shows its mood: a bar that is fuller for a better mood, and the mood's number "
    "(1 very low, 2 low, 3 okay, 4 good, 5 very good). "
    "⚑ means something was flagged for the next visit. A day without a mark has no mood recorded."
)


long_day = formatting.long_date


def _mood_words(value: float) -> str:
    level = MoodLevel(min(5, max(1, int(value + 0.5))))
    return _("{number} ({mood})").format(number=formatting.decimal_text(value, 1), mood=level.label)


def describe_day(day: date, mark: DayMark | None, person_name: str = "") -> str:
    """A plain sentence about one day for the details line, the tooltip and screen readers."""
    if mark is None or mark.entries == 0:
        return _("{day}: nothing recorded.").format(day=long_day(day))
    parts = [ngettext("{day}: {count} entry.", "{day}: {count} entries.", mark.entries).format(
        day=long_day(day), count=mark.entries)]
    if mark.level is not None:
        parts.append(_("Mood {number}, {mood}.").format(number=mark.level.value, mood=mark.level.label))
        if mark.own_mood is not None and mark.family_mood is not None:
            own, family = _mood_words(mark.own_mood), _mood_words(mark.family_mood)
            parts.append(_("{name}'s own entries: {own}; family observations: {family}.").format(
                name=person_name, own=own, family=family) if person_name
                else _("Own entries: {own}; family observations: {family}.").format(own=own, family=family))
        elif mark.family_mood is not None:
            parts.append(_("From family observations."))
    else:
        parts.append(_("No mood recorded."))
    if mark.flagged:
        parts.append(_("Something is flagged for the next visit."))
    return " ".join(parts)


class MonthModel(QAbstractTableModel):
    """Six weeks of seven days around one month, starting on the locale's first weekday."""

    ROWS, COLUMNS = 6, 7

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year, self.month = date.today().year, date.today().month
        self.today: date | None = None
        self.person_name = ""
        self._marks: dict[date, DayMark] = {}
        self._first_weekday = formatting.first_day_of_week()  # 1 Monday … 7 Sunday, by locale
        self._start = self._grid_start()

    def _grid_start(self) -> date:
        first = date(self.year, self.month, 1)
        shift = (first.isoweekday() - self._first_weekday) % 7
        return first - timedelta(days=shift)

    # --- what the calendar asks -----------------------------------------------------------
    def set_month(self, year: int, month: int) -> None:
        self.beginResetModel()
        self.year, self.month = year, month
        self._start = self._grid_start()
        self._marks = {}
        self.endResetModel()

    def set_marks(self, marks: dict[date, DayMark]) -> None:
        self._marks = dict(marks)
        self.dataChanged.emit(self.index(0, 0), self.index(self.ROWS - 1, self.COLUMNS - 1))

    def clear(self) -> None:
        self.person_name = ""
        self.set_marks({})

    def mark(self, day: date) -> DayMark | None:
        return self._marks.get(day)

    def date_at(self, index: QModelIndex) -> date | None:
        if not index.isValid():
            return None
        return self._start + timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self._start).days
        if not 0 <= offset < self.ROWS * self.COLUMNS:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    # --- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.ROWS

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: N802 (a flat table)
        return not parent.isValid()

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        day = self.date_at(index)
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            in_month = day.month == self.month
            return describe_day(day, self._marks.get(day) if in_month else None, self.person_name)
        if role == DateRole:
            return day
        if role == MarkRole:
            return self._marks.get(day) if day.month == self.month else None
        if role == InMonthRole:
            return day.month == self.month
        if role == TodayRole:
            return day == self.today
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        weekday = (self._first_weekday - 1 + section) % 7 + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return formatting.weekday_name(weekday, short=True)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return formatting.weekday_name(weekday)
        return None


OUT_OF_MONTH_DIM = 0.4
"""How far a day of the next or last month fades toward the background: visibly dimmer, yet
still 4.5:1 against it in light and dark palettes (at 0.55 it was 3.3:1 on white)."""


class DayDelegate(QStyledItemDelegate):
    """Paints one day: its number, and for a day with a mood a bar (fuller = better) with the
    mood's number beside it (and its word when there is room); ⚑ when something was flagged."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        palette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        in_month = bool(index.data(InMonthRole))
        mark: DayMark | None = index.data(MarkRole)
        painter.save()
        rect = opt.rect.adjusted(1, 1, -1, -1)
        base = palette.color(QPalette.ColorRole.Base)
        if mark is not None and mark.level is not None and not selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(18 + 14 * int(mark.level))
            painter.fillRect(rect, base)
            painter.fillRect(rect, tint)
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = palette.color(text_role)
        if not in_month and not selected:  # dimmed: halfway to the background, in any palette
            colour = mix(colour, base, 1 - OUT_OF_MONTH_DIM)
        font = QFont(opt.font)
        today = bool(index.data(TodayRole))
        font.setBold(today)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        pad = max(2, metrics.averageCharWidth() // 2)
        inner = rect.adjusted(pad, pad // 2, -pad, -pad // 2)
        painter.setPen(colour)
        number = str(index.data(DateRole).day)
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), number)
        if today:
            pen = QPen(palette.color(QPalette.ColorRole.WindowText if not selected else QPalette.ColorRole.HighlightedText))
            pen.setWidth(max(2, metrics.height() // 8))
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(pen.width() // 2, pen.width() // 2, -pen.width() // 2 - 1, -pen.width() // 2 - 1))
            painter.setPen(colour)
        if mark is not None and in_month:
            if mark.flagged:
                painter.drawText(inner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), FLAG)
            if mark.level is not None:
                self._paint_mood(painter, inner, mark, colour, metrics)
        painter.restore()

    def _paint_mood(self, painter: QPainter, inner: QRect, mark: DayMark, colour: QColor, metrics) -> None:
        level = int(mark.level)
        line = metrics.height()
        bar_w = max(7, int(metrics.averageCharWidth() * 1.3))
        bar_h = max(line, int(inner.height() * 0.5) - 2)
        bar = QRect(inner.left(), inner.bottom() - bar_h, bar_w, bar_h)
        pen = QPen(colour)
        pen.setWidth(1)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        filled = int(round((bar_h - 1) * level / 5))
        painter.fillRect(QRect(bar.left(), bar.bottom() - filled + 1, bar_w, filled), colour)
        gap = max(4, metrics.averageCharWidth() // 2 + 2)
        label_rect = QRect(bar.right() + gap, inner.bottom() - line, inner.right() - bar.right() - gap, line + 1)
        words = _("{number} {mood}").format(number=level, mood=mark.level.label)
        text = words if metrics.horizontalAdvance(words) <= label_rect.width() else str(level)
        painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), text)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance("30 ⚑") + metrics.averageCharWidth() * 2, metrics.height() * 3)


class MonthGrid(QTableView):
    """The 6×7 day grid. Emits ``move_requested(date)`` for keys that move the chosen day and
    ``day_activated(date)`` for Enter or a double click."""

    move_requested = Signal(object)
    day_activated = Signal(object)

    def __init__(self, model: MonthModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(DayDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setCornerButtonEnabled(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.doubleClicked.connect(lambda index: self._activate(index))

    def _cell(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("30 ⚑") + metrics.averageCharWidth() * 2, metrics.height() * 3)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        cell = self._cell()
        header = self.horizontalHeader().sizeHint().height()
        return QSize(cell.width() * 7 + 2 * self.frameWidth(), cell.height() * 6 + header + 2 * self.frameWidth())

    def sizeHint(self) -> QSize:  # noqa: N802
        small = self.minimumSizeHint()
        return QSize(int(small.width() * 1.6), int(small.height() * 1.3))

    def _activate(self, index: QModelIndex) -> None:
        day = self.model().date_at(index)
        if day is not None:
            self.day_activated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        current = self.model().date_at(self.currentIndex())
        key = event.key()
        if current is None or event.modifiers() not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            super().keyPressEvent(event)
            return
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            steps[Qt.Key.Key_Left], steps[Qt.Key.Key_Right] = 1, -1
        target: date | None = None
        if key in steps:
            target = current + timedelta(days=steps[key])
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            target = add_months(current, -1 if key == Qt.Key.Key_PageUp else 1)
        elif key == Qt.Key.Key_Home:
            target = current.replace(day=1)
        elif key == Qt.Key.Key_End:
            target = current.replace(day=calendar.monthrange(current.year, current.month)[1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.day_activated.emit(current)
            return
        if target is None:
            super().keyPressEvent(event)
            return
        if date.min < target < date.max:
            self.move_requested.emit(target)
        event.accept()


def add_months(day: date, months: int) -> date:
    """The same day ``months`` months later (or earlier), moved back to the month's last day when
    that month is shorter (31 March + 1 month -> 30 April; 29 February + 1 year stays valid)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class MonthCalendar(QWidget):
    """A month of mood marks with Previous / Next / This month buttons, a legend and a line that
    describes the chosen day. Call :meth:`set_marks` after ``month_changed``."""

    month_changed = Signal(int, int)
    date_selected = Signal(object)
    day_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = MonthModel(self)
        self._selected = date.today()

        self.prev_button = QPushButton(_("◀ &Previous month"), self)
        self.prev_button.setAccessibleName(_("Previous month"))
        self.prev_button.setToolTip(_("Previous month (Page Up in the calendar)"))
        self.next_button = QPushButton(_("Ne&xt month ▶"), self)
        self.next_button.setAccessibleName(_("Next month"))
        self.next_button.setToolTip(_("Next month (Page Down in the calendar)"))
        self.today_button = QPushButton(_("T&oday"), self)
        self.today_button.setAccessibleName(_("Go to today"))
        self.title = heading("", self, level=2)  # the month shown, in the app's one heading style
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        header = QHBoxLayout()
        header.addWidget(self.prev_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.next_button)
        header.addWidget(self.today_button)
        # Years of imported history are a few keystrokes away, not fifty clicks of Previous.
        jump = QHBoxLayout()
        jump_label = QLabel(_("Go to"), self)
        self.month_box = QComboBox(self)
        self.month_box.setAccessibleName(_("Month to show"))
        loc = QLocale()
        for number in range(1, 13):
            self.month_box.addItem(loc.standaloneMonthName(number, QLocale.FormatType.LongFormat), number)
        self.year_box = QSpinBox(self)
        self.year_box.setAccessibleName(_("Year to show"))
        self.year_box.setRange(1900, 2200)
        self.year_box.setGroupSeparatorShown(False)
        jump_label.setBuddy(self.month_box)
        jump.addWidget(jump_label)
        jump.addWidget(self.month_box)
        jump.addWidget(self.year_box)
        jump.addStretch(1)
        self.month_box.activated.connect(lambda _i: self._go_to_chosen_month())
        # a typed year is only a value once it is in range (1900-2200), so partial typing never jumps
        self.year_box.valueChanged.connect(lambda _v: self._go_to_chosen_month())

        self.grid = MonthGrid(self.model, self)
        self.grid.setAccessibleName(_("Mood calendar"))
        self.grid.setAccessibleDescription(
            _("Arrow keys move a day or a week, Page Up and Page Down a month, Enter shows that day's entries.")
        )
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAccessibleName(_("The chosen day"))
        self.legend = QLabel(_(LEGEND), self)
        self.legend.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(jump)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.legend)

        self.prev_button.clicked.connect(lambda: self.set_selected_date(add_months(self._selected, -1)))
        self.next_button.clicked.connect(lambda: self.set_selected_date(add_months(self._selected, 1)))
        self.today_button.clicked.connect(lambda: self.set_selected_date(self.model.today or date.today()))
        self.grid.move_requested.connect(self.set_selected_date)
        self.grid.day_activated.connect(self._on_activated)
        self.grid.clicked.connect(self._on_clicked)
        self._show_month(self._selected.year, self._selected.month)
        self._select_in_grid()

    # --- public -------------------------------------------------------------------------
    @property
    def selected_date(self) -> date:
        return self._selected

    @property
    def shown_month(self) -> tuple[int, int]:
        return self.model.year, self.model.month

    def set_today(self, today: date) -> None:
        """The local date to frame as today (the app's clock, not the computer's)."""
        self.model.today = today

    def set_person_name(self, name: str) -> None:
        self.model.person_name = name
        self._update_details()

    def set_selected_date(self, day: date) -> None:
        """Choose ``day``; moving into another month shows it and emits ``month_changed``."""
        self._selected = day
        if (day.year, day.month) != self.shown_month:
            self._show_month(day.year, day.month)
            self.month_changed.emit(day.year, day.month)
        self._select_in_grid()
        self.date_selected.emit(day)

    def set_marks(self, year: int, month: int, marks: dict[date, DayMark]) -> None:
        """Show ``marks`` when they are for the month on screen (late answers are ignored)."""
        if (year, month) != self.shown_month:
            return
        self.model.set_marks(marks)
        self._update_details()

    def clear(self) -> None:
        """Forget every mark and name (the vault locked)."""
        self.model.clear()
        self._update_details()

    # --- private ------------------------------------------------------------------------
    def _go_to_chosen_month(self) -> None:
        year, month = self.year_box.value(), self.month_box.currentData()
        if (year, month) == self.shown_month:
            return
        last = calendar.monthrange(year, month)[1]
        self.set_selected_date(date(year, month, min(self._selected.day, last)))

    def _show_month(self, year: int, month: int) -> None:
        self.model.set_month(year, month)
        self.month_box.blockSignals(True)
        self.year_box.blockSignals(True)
        self.month_box.setCurrentIndex(self.month_box.findData(month))
        self.year_box.setValue(year)
        self.month_box.blockSignals(False)
        self.year_box.blockSignals(False)
        self.title.setText(formatting.month_year(year, month))
        self.grid.setAccessibleName(_("Mood calendar, {month}").format(month=formatting.month_year(year, month)))

    def _select_in_grid(self) -> None:
        index = self.model.index_of(self._selected)
        if index.isValid():
            self.grid.setCurrentIndex(index)
        self._update_details()

    def _update_details(self) -> None:
        self.details.setText(describe_day(self._selected, self.model.mark(self._selected), self.model.person_name))

    def _on_clicked(self, index: QModelIndex) -> None:
        day = self.model.date_at(index)
        if day is not None and day != self._selected:
            self.set_selected_date(day)

    def _on_activated(self, day: date) -> None:
        if day != self._selected:
            self.set_selected_date(day)
        self.day_activated.emit(day)
