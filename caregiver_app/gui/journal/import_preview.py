"""The first rows of an import as they will be stored (shared by both import dialogs), and the
editor for the rule that turns a 1-10 mood into this app's 5 levels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import MoodLevel, mood_words
from ...i18n import N_, _
from ...importers.common import ImportFormatError, ScaleRule
from ...services.import_any import StoredRow
from .journal_model import day_heading, time_text

COLUMNS = (N_("Day"), N_("Time"), N_("Mood"), N_("Note"), N_("Tags and symptoms"))
_NOTE_CHARS = 80


class StoredRowsTable(QTableWidget):
    """A read-only table: one row per entry as it will be stored (day, time, the mood with the
    other app's words, the start of the note, tags and symptoms)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([_(text) for text in COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # Tab leaves the table (the arrows move inside it)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        # The note and tag columns get what the day, time and mood leave: their headings wrap
        # rather than being cut (longer in Spanish: "Etiquetas y síntomas").
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName(_("The first entries as they will be saved"))
        header.sectionResized.connect(lambda *_args: self._fit_to_widths())

    def _fit_to_widths(self) -> None:
        """Wrapped headings and cells stay whole when the columns change width."""
        self._fit_header()
        self.resizeRowsToContents()

    def _fit_header(self) -> None:
        """As tall as the most wrapped heading needs at the columns' widths now."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        tallest = metrics.height()
        for column in range(self.columnCount()):
            width = max(header.sectionSize(column) - 2 * margin, 1)
            text = self.horizontalHeaderItem(column).text()
            tallest = max(tallest, metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height())
        if header.minimumHeight() != tallest + 2 * margin:
            header.setMinimumHeight(tallest + 2 * margin)
            self.updateGeometries()

    def show_rows(self, rows: Sequence[StoredRow]) -> None:
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            extras = list(row.tags) + [f"{name} {severity}/10" for name, severity in row.symptoms]
            cells = (day_heading(row.when.date()), time_text(row.when), mood_words(row.mood, row.original) or _("no mood"),
                     _start_of(row.note), _start_of(", ".join(extras)))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(r, c, item)
        self.resizeRowsToContents()


def _start_of(text: str) -> str:
    """``text`` on one line, cut to its first :data:`_NOTE_CHARS` characters: a row with a long
    note or a thousand activities stays one or two lines high, not taller than the table."""
    text = " ".join(text.split())
    return text if len(text) <= _NOTE_CHARS else text[: _NOTE_CHARS - 1] + "…"


class RuleEditor(QWidget):
    """Four spin boxes, the highest source value for very low, low, okay and good, and the rule
    in words below them. Emits ``changed`` with the new :class:`ScaleRule`."""

    changed = Signal(object)

    def __init__(self, rule: ScaleRule, parent: QWidget | None = None):
        super().__init__(parent)
        self._low, self._high = rule.low, rule.high
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.boxes: list[QSpinBox] = []
        for level, cut in zip(list(MoodLevel)[:4], rule.cuts):
            label = QLabel(_("{level} up to").format(level=level.label), self)
            box = QSpinBox(self)
            box.setRange(rule.low, rule.high - 1)
            box.setValue(cut)
            box.setAccessibleName(_("Highest {low}-{high} mood that counts as {level}").format(
                low=rule.low, high=rule.high, level=level.label))
            label.setBuddy(box)
            box.valueChanged.connect(lambda _v: self._emit())
            row.addWidget(label)
            row.addWidget(box)
            self.boxes.append(box)
        row.addStretch(1)
        layout.addLayout(row)
        self.words = QLabel(rule.describe(), self)
        self.words.setWordWrap(True)
        layout.addWidget(self.words)
        self.rule: ScaleRule | None = rule

    def _emit(self) -> None:
        try:
            self.rule = ScaleRule(self._low, self._high, tuple(b.value() for b in self.boxes))  # type: ignore[arg-type]
            self.words.setText(self.rule.describe())
        except ImportFormatError as exc:
            self.rule = None
            self.words.setText(str(exc))
        self.changed.emit(self.rule)
