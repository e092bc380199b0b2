"""A check box whose words wrap onto more lines when it is narrow.

Qt's ``QCheckBox`` keeps its text on one line, so at large text sizes one long choice forces a
whole column of controls wider than a small window (the visit summary's "Life chart (mood,
sleep, medicines, scores)" at 1.6x text). This one stays a real ``QCheckBox`` (its text, role,
keyboard, focus, ``toggled`` and screen-reader name are Qt's own); only the drawing of the words
is handed to a word-wrapped label inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget


def _shown(text: str) -> str:
    """``text`` as the label shows it: mnemonic marks dropped ("&&" stays one "&")."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


class WrappingCheckBox(QCheckBox):
    """A ``QCheckBox`` whose text wraps at word boundaries; the box sits beside the first line.

    Its height follows its width (``heightForWidth``), so layouts give a wrapped choice the
    lines it needs. A click anywhere on the words toggles it, as on a plain check box.
    """

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._words = QLabel(_shown(text), self)
        self._words.setTextFormat(Qt.TextFormat.PlainText)
        self._words.setWordWrap(True)
        self._words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # beside the box
        # The label is drawing only: clicks fall through to the check box, and screen readers
        # read the check box's own text once.
        self._words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._words.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._words.setAccessibleName("")
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setText(text)
        self._words.setText(_shown(text))
        self.updateGeometry()

    # --- geometry ---------------------------------------------------------------------------
    def _indent(self) -> int:
        """Where the words start: after the box and the style's gap."""
        style = self.style()
        return (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
                + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self))

    def _box_height(self) -> int:
        """The height of one line, as the style makes a plain check box (its padding included)."""
        return super().sizeHint().height()

    def _padding(self) -> int:
        return max(0, self._box_height() - self.fontMetrics().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        words = self._words.sizeHint()  # all on one line when there is room
        one_line = self.fontMetrics().boundingRect(self._words.text()).width() + 2
        return QSize(self._indent() + max(words.width(), one_line),
                     max(self._box_height(), words.height() + self._padding()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        # As narrow as the longest word, so the column around it may shrink.
        longest = max((self.fontMetrics().horizontalAdvance(word) for word in self._words.text().split()),
                      default=0)
        width = self._indent() + longest + 2
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        words = self._words.heightForWidth(max(1, width - self._indent()))
        return max(self._box_height(), words + self._padding())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        indent, top = self._indent(), self._padding() // 2
        self._words.setGeometry(QRect(indent, top, max(1, self.width() - indent), max(1, self.height() - 2 * top)))

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 (Qt name)
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        # The box alone, beside the first line; the label draws the words.
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        option.rect = QRect(0, 0, self._indent(), self._box_height())
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        if option.state & QStyle.StateFlag.State_HasFocus:
            # Keyboard focus shows around the words, as on a plain check box.
            focus = QStyleOptionButton()
            focus.initFrom(self)
            focus.state |= QStyle.StateFlag.State_KeyboardFocusChange
            words = self._words
            focus.rect = QRect(words.x(), words.y(), words.width(), words.heightForWidth(words.width()))
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)
