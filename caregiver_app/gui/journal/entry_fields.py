"""The small input widgets of the entry editor: tags with completion, hours of sleep and one
symptom row (name and 0–10 severity)."""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import MoodLevel, clean_label
from ...i18n import N_, _
from ..common.formatting import DecimalSpinBox
from ...domain.symptoms import (
    STARTER_SYMPTOMS,
    asks_where,
    split_location,
    symptom_key,
    symptom_label,
    with_location,
)

# Marked here, translated where shown: _(SEVERITY_ANCHORS).
SEVERITY_ANCHORS = N_("0 none · 5 moderate · 10 worst imaginable")
ENERGY_ANCHORS = N_("0 none · 5 moderate · 10 full of energy")
NOT_RATED = N_("Not rated")
_STARTERS = {s.name.casefold(): s for s in STARTER_SYMPTOMS}


def symptom_tooltip(name: str) -> str:
    """The plain description of a starter symptom, or a short note for the user's own ones."""
    starter = _STARTERS.get(symptom_key(name).casefold())
    return starter.about if starter is not None else _("A symptom you added yourself")


def split_tags(text: str) -> list[str]:
    """Comma-separated tag names, cleaned, without empties or repeats (case kept; "Walk, walk"
    is one tag, as first written)."""
    names: dict[str, str] = {}
    for part in text.split(","):
        name = clean_label(part)
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())


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


SEVERITY_WORDS = {0: N_("none"), 5: N_("moderate"), 10: N_("worst imaginable")}
_LEADING_NUMBER = re.compile(r"\s*(\d{1,2})\s*(.*)")


class SeverityBox(QSpinBox):
    """A 0–10 rating that shows the words at the anchors in the box itself ("0 none",
    "5 moderate", "10 worst imaginable"); -1 is "not chosen yet" and shows ``empty_text``.
    Typing a number works as in any spin box. ``words`` are marked with ``N_`` and shown translated."""

    def __init__(self, parent: QWidget | None = None, *, words: dict[int, str] | None = None,
                 empty_text: str = ""):
        super().__init__(parent)
        self._words = {value: _(word) for value, word in (SEVERITY_WORDS if words is None else words).items()}
        self.setRange(-1, 10)
        self.setSpecialValueText(empty_text or _("Choose 0–10"))
        self.setValue(-1)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt name)
        word = self._words.get(value)
        return _("{number} {word}").format(number=value, word=word) if word else str(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt name)
        if text == self.specialValueText():
            return self.minimum()
        match = _LEADING_NUMBER.fullmatch(text)
        return int(match.group(1)) if match else self.minimum()

    def validate(self, text: str, pos: int):
        if text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        if not text.strip():
            return QValidator.State.Intermediate, text, pos
        match = _LEADING_NUMBER.fullmatch(text)
        if match is None:
            return QValidator.State.Invalid, text, pos
        number, rest = int(match.group(1)), match.group(2)
        if number > self.maximum():
            return QValidator.State.Invalid, text, pos
        word = self._words.get(number, "")
        if rest and not word.startswith(rest):
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos

    def rated(self) -> int | None:
        """The chosen value, or None when nothing was chosen."""
        return None if self.value() < 0 else self.value()


class HoursSpinBox(DecimalSpinBox):
    """Hours of sleep in quarter hours, shown without needless zeros (7, 6.5, 7.25; 6,5 with a
    decimal comma) and read back as shown in every locale."""


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
        self.name_box.setAccessibleName(_("Symptom"))
        self.name_box.setAccessibleDescription(_("Pick a symptom from the list or type your own"))
        self.name_box.setToolTip(_("Pick a symptom from the list or type your own"))
        for name in choices:
            self.name_box.addItem(symptom_label(name))  # shown in the language in force; saved by its key
            self.name_box.setItemData(self.name_box.count() - 1, symptom_tooltip(name), Qt.ItemDataRole.ToolTipRole)
        self.name_box.setCurrentIndex(-1)
        self.name_box.setEditText("")
        completer = self.name_box.completer()
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.name_box.lineEdit().setPlaceholderText(_("Symptom"))
        self.name_box.currentTextChanged.connect(self._update_tooltip)

        self.severity = SeverityBox(self)
        self.severity.setAccessibleName(_("Severity"))
        self.severity.setAccessibleDescription(_(SEVERITY_ANCHORS))
        self.severity.setToolTip(_("How bad it was: {anchors}").format(anchors=_(SEVERITY_ANCHORS)))

        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setAccessibleName(_("Remove this symptom"))
        self.remove_button.setToolTip(_("Remove this symptom (Ctrl+Shift+Delete)"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        remove_key = QShortcut(QKeySequence("Ctrl+Shift+Delete"), self)
        remove_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove_key.activated.connect(lambda: self.remove_requested.emit(self))

        self.where = QLineEdit(self)
        self.where.setPlaceholderText(_("For example: lower back, left knee"))
        self.where.setAccessibleName(_("Where is the pain?"))
        self.where.setToolTip(_("Where in the body it is felt; saved with the symptom, like Pain (lower back)"))
        self.where_label = QLabel(_("Where?"), self)
        self.where_label.setBuddy(self.where)

        severity_label = QLabel(_("Severity"), self)
        severity_label.setBuddy(self.severity)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name_box, 3)
        top.addWidget(severity_label)
        top.addWidget(self.severity, 1)
        top.addWidget(self.remove_button)
        where_row = QHBoxLayout()
        where_row.setContentsMargins(0, 0, 0, 0)
        where_row.addWidget(self.where_label)
        where_row.addWidget(self.where, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(where_row)
        self._update_where(self.name_box.currentText())
        self.name_box.currentTextChanged.connect(self._update_where)

    def _update_tooltip(self, text: str) -> None:
        self.name_box.setToolTip(symptom_tooltip(text) if text.strip() else _("Pick a symptom from the list or type your own"))

    def _update_where(self, text: str) -> None:
        """"Where?" shows for a symptom that needs a place on the body and does not name one yet."""
        needed = asks_where(symptom_key(clean_label(text)))
        self.where.setVisible(needed)
        self.where_label.setVisible(needed)

    def symptom_name(self) -> str:
        """The symptom as it will be saved: the name, with the place for Pain ("Pain (lower back)")."""
        name = symptom_key(clean_label(self.name_box.currentText()))
        if asks_where(name):
            base = next(s.name for s in STARTER_SYMPTOMS if s.name.casefold() == name.casefold())
            return with_location(base, clean_label(self.where.text()))
        return name

    def set_value(self, name: str, severity: int | None) -> None:
        base, where = split_location(name)
        self.name_box.setEditText(symptom_label(base if where else name))
        self.where.setText(where)
        self.severity.setValue(-1 if severity is None else severity)

    def focus_widgets(self) -> list[QWidget]:
        return [self.name_box, self.where, self.severity, self.remove_button]


def name_scale(box: QSpinBox, name: str, anchors: str, hint: QLabel) -> None:
    """Name a 0–10 spin box (from the Designer form; -1 shows "Not rated") for screen readers: ``name``
    is its whole spoken name ("Anxiety, 0 to 10"), ``anchors`` its anchor words as description, tooltip
    and the text of ``hint`` beside it (both already translated)."""
    box.setSpecialValueText(_(NOT_RATED))
    box.updateGeometry()  # Qt does not re-measure a box already in a layout for its special text
    box.setAccessibleName(name)
    box.setAccessibleDescription(anchors)
    box.setToolTip(anchors)
    hint.setText(anchors)


class MoodChoice(QGroupBox):
    """The named 5-point mood scale as radio buttons ("&1 very low" … "&5 very good", so Alt+1…5
    choose), with a "Not rated" button first when ``not_rated``. ``group.checkedId()`` is the level,
    0 for "Not rated" and -1 when nothing is chosen."""

    def __init__(self, title: str, accessible_name: str, parent: QWidget, *, not_rated: bool, horizontal: bool = False):
        super().__init__(title, parent)
        self.setAccessibleName(accessible_name)
        layout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.none: QRadioButton | None = None
        if not_rated:
            self.none = QRadioButton(_(NOT_RATED), self)
            self.none.setAccessibleName(_("Mood not rated"))
            self.group.addButton(self.none, 0)
            layout.addWidget(self.none)
        self.buttons: dict[int, QRadioButton] = {}
        for level in MoodLevel:
            button = QRadioButton(_("&{number} {mood}").format(number=level.value, mood=level.label), self)
            button.setAccessibleName(_("Mood {number}, {mood}").format(number=level.value, mood=level.label))
            self.group.addButton(button, level.value)
            self.buttons[level.value] = button
            layout.addWidget(button)
        if horizontal:
            layout.addStretch(1)


def editor_heading(person_name: str, recorder_name: str | None, changing: tuple[str, str] | None = None) -> str:
    """The entry editor's heading, one whole sentence per case so a translation can order it.
    ``recorder_name`` is None when the person writes, "" for an unnamed family member;
    ``changing`` is the (day, time) words of the entry being changed, None for a new entry."""
    if changing is not None:
        day, time = changing
        if recorder_name is None:
            return _("Changing the entry from {day}, {time}").format(day=day, time=time)
        if recorder_name:
            return _("Changing the entry from {day}, {time}, recorded by {name} (family)").format(
                day=day, time=time, name=recorder_name)
        return _("Changing the entry from {day}, {time}, recorded by a family member").format(day=day, time=time)
    if not person_name:
        if recorder_name is None:
            return _("New journal entry")
        if recorder_name:
            return _("New journal entry, recorded by {name} (family)").format(name=recorder_name)
        return _("New journal entry, recorded by a family member")
    if recorder_name is None:
        return _("New journal entry about {person}").format(person=person_name)
    if recorder_name:
        return _("New journal entry about {person}, recorded by {name} (family)").format(
            person=person_name, name=recorder_name)
    return _("New journal entry about {person}, recorded by a family member").format(person=person_name)
