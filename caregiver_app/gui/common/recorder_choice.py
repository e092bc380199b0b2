"""Who wrote a record down: the person themself, or a family member who gives their name.

Shared by the forms that ask it (PHQ-9/GAD-7 scores, the daily check-in): two radio buttons and
a name field; typing a name chooses the family member.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QHBoxLayout, QLineEdit, QRadioButton, QSizePolicy, QVBoxLayout, QWidget

from ...domain.model import Recorder, RecorderKind
from ...i18n import _

NAME_ROOM_CHARS = 30
"""A person's name on a choice button is cut short (in the middle) beyond about this many average
characters: a radio button's words never wrap, and a name may be 120 characters long."""


def short_name(name: str, widget: QWidget) -> str:
    """``name`` as it fits on one of ``widget``'s lines beside other words (see
    :data:`NAME_ROOM_CHARS`); the whole name stays in the heading and the screen-reader name."""
    metrics = widget.fontMetrics()
    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, metrics.averageCharWidth() * NAME_ROOM_CHARS)


class RecorderChoice(QWidget):
    """``person_radio`` (its words follow the chosen person, see :meth:`set_person_text`),
    ``family_radio`` with ``family_text`` and the ``family_name`` field (placeholder ``name_hint``).
    ``stacked`` puts the family member on a line of its own under the person."""

    def __init__(self, family_text: str, name_hint: str, parent: QWidget | None = None, *, stacked: bool = False):
        super().__init__(parent)
        self.person_radio = QRadioButton(self)
        self.family_radio = QRadioButton(family_text, self)
        self.family_name = QLineEdit(self)
        self.family_name.setPlaceholderText(name_hint)
        self.family_name.setAccessibleName(_("Family member's name"))
        self.family_name.textEdited.connect(lambda _t: self.family_radio.setChecked(True))
        self.group = QButtonGroup(self)
        self.group.addButton(self.person_radio)
        self.group.addButton(self.family_radio)
        for radio in (self.person_radio, self.family_radio):  # never narrower than their words
            radio.setSizePolicy(QSizePolicy.Policy.Minimum, radio.sizePolicy().verticalPolicy())
        family_row = QHBoxLayout()
        family_row.addWidget(self.family_radio)
        family_row.addWidget(self.family_name, 1)
        layout: QBoxLayout = QVBoxLayout(self) if stacked else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.person_radio)
        layout.addLayout(family_row, 1)
        self.person_radio.setChecked(True)

    def set_person_text(self, text: str, spoken: str = "") -> None:
        """The words of the person's own choice, e.g. "Sam Rivera (self)" (``spoken``: the same
        with the whole name, when ``text`` holds a :func:`short_name`)."""
        self.person_radio.setText(text)
        self.person_radio.setAccessibleName(spoken or text)

    def recorder(self) -> Recorder:
        """The choice as a :class:`Recorder`. Raises ``ValidationError`` for a family member with
        no name or a name too long (the domain's words)."""
        return Recorder.family(self.family_name.text()) if self.family_radio.isChecked() else Recorder.person()

    def show_recorder(self, recorder: Recorder) -> None:
        """Show a saved record's recorder."""
        if recorder.kind is RecorderKind.FAMILY:
            self.family_radio.setChecked(True)
            self.family_name.setText(recorder.name)
        else:
            self.person_radio.setChecked(True)

    def keep_family_or_self(self) -> None:
        """For a new record: the family member stays chosen (they usually fill in the next one too),
        otherwise the person."""
        if not self.family_radio.isChecked():
            self.person_radio.setChecked(True)

    def clear(self) -> None:
        """Forget the name and go back to the person (the vault locked)."""
        self.family_name.clear()
        self.person_radio.setChecked(True)

    def focus_widgets(self) -> list[QWidget]:
        return [self.person_radio, self.family_radio, self.family_name]
