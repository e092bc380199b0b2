"""The small input widgets of the entry editor: tags with completion, hours of sleep and one
symptom row (name and 0–10 severity)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..domain.model import clean_label
from ..domain.symptoms import STARTER_SYMPTOMS

SEVERITY_ANCHORS = "0 none · 5 moderate · 10 worst imaginable"
ENERGY_ANCHORS = "0 none · 5 moderate · 10 full of energy"
NOT_RATED = "Not rated"
_DESCRIPTIONS = {s.name.casefold(): s.description for s in STARTER_SYMPTOMS}


def symptom_tooltip(name: str) -> str:
    """The plain description of a starter symptom, or a short note for the user's own ones."""
    return _DESCRIPTIONS.get(name.casefold(), "A symptom you added yourself")


def split_tags(text: str) -> list[str]:
    """Comma-separated tag names, cleaned, without empties or repeats (case kept)."""
    names = [clean_label(part) for part in text.split(",")]
    return list(dict.fromkeys(n for n in names if n))


class TagLineEdit(QLineEdit):
    """Comma-separated tags with completion of the word being typed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._names = QStringListModel(self)
        self._completer = QCompleter(self._names, self)
        self._completer.setWidget(self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._update_completion)

    def set_choices(self, names: list[str]) -> None:
        self._names.setStringList(sorted(set(names), key=str.casefold))

    def _current_word(self) -> str:
        before = self.text()[: self.cursorPosition()]
        return before.rsplit(",", 1)[-1].strip()

    def _update_completion(self, _text: str) -> None:
        word = self._current_word()
        if not word:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(word)
        if self._completer.completionCount() > 0:
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert_completion(self, name: str) -> None:
        cursor = self.cursorPosition()
        text = self.text()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        end = len(text) if end < 0 else end
        prefix = text[:start] + (" " if start else "")
        self.setText(prefix + name + ", " + text[end:].lstrip(", "))
        self.setCursorPosition(len(prefix + name + ", "))

    def keyPressEvent(self, event) -> None:
        popup = self._completer.popup()
        if popup.isVisible() and event.key() in (
            Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab
        ):
            event.ignore()  # the completer's popup takes these keys
            return
        super().keyPressEvent(event)


class HoursSpinBox(QDoubleSpinBox):
    """Hours of sleep in quarter hours, shown without needless zeros (7, 6.5, 7.25)."""

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"


class SymptomRow(QWidget):
    """One symptom: a name picked from the list or typed, and its severity 0–10."""

    remove_requested = Signal(object)

    def __init__(self, choices: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.name_box = QComboBox(self)
        self.name_box.setEditable(True)
        self.name_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.name_box.setMinimumContentsLength(14)
        self.name_box.setAccessibleName("Symptom")
        self.name_box.setAccessibleDescription("Pick a symptom from the list or type your own")
        self.name_box.setToolTip("Pick a symptom from the list or type your own")
        for name in choices:
            self.name_box.addItem(name)
            self.name_box.setItemData(self.name_box.count() - 1, symptom_tooltip(name), Qt.ItemDataRole.ToolTipRole)
        self.name_box.setCurrentIndex(-1)
        self.name_box.setEditText("")
        completer = self.name_box.completer()
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.name_box.lineEdit().setPlaceholderText("Symptom")
        self.name_box.currentTextChanged.connect(self._update_tooltip)

        self.severity = QSpinBox(self)
        self.severity.setRange(-1, 10)
        self.severity.setSpecialValueText("Choose 0–10")
        self.severity.setValue(-1)
        self.severity.setPrefix("")
        self.severity.setAccessibleName("Severity")
        self.severity.setAccessibleDescription(SEVERITY_ANCHORS)
        self.severity.setToolTip(f"How bad it was: {SEVERITY_ANCHORS}")
        self.severity.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setAccessibleName("Remove this symptom")
        self.remove_button.setToolTip("Remove this symptom (Ctrl+Shift+Delete)")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        remove_key = QShortcut(QKeySequence("Ctrl+Shift+Delete"), self)
        remove_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove_key.activated.connect(lambda: self.remove_requested.emit(self))

        severity_label = QLabel("Severity", self)
        severity_label.setBuddy(self.severity)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_box, 3)
        layout.addWidget(severity_label)
        layout.addWidget(self.severity, 1)
        layout.addWidget(self.remove_button)

    def _update_tooltip(self, text: str) -> None:
        self.name_box.setToolTip(symptom_tooltip(text) if text.strip() else "Pick a symptom from the list or type your own")

    def set_value(self, name: str, severity: int | None) -> None:
        self.name_box.setEditText(name)
        self.severity.setValue(-1 if severity is None else severity)

    def focus_widgets(self) -> list[QWidget]:
        return [self.name_box, self.severity, self.remove_button]
