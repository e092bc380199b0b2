"""One-click common tags under a tag field: toggle buttons that add or remove a tag name in the
comma-separated text, and follow what is typed. They wrap onto more lines as text grows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (QLayout, QLayoutItem, QLineEdit, QPushButton, QSizePolicy, QStyle, QStyleOptionButton,
                               QWidget)

from ...i18n import _
from ..journal.entry_fields import split_tags


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps them onto new lines (like words in a line of
    text), so a row of buttons never forces the window wider at large text sizes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # The last height asked for a width: the layouts around ask again and again in one pass
        # (about 400 times while the journal first shows after unlock, issue 16). Qt calls
        # invalidate() whenever an item's size, visibility or the items themselves change.
        self._height_for: tuple[int, int] | None = None

    def invalidate(self) -> None:
        self._height_for = None
        super().invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt name)
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt name)
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt name)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        if self._height_for is None or self._height_for[0] != width:
            self._height_for = (width, self._arrange(QRect(0, 0, width, 0), move=False))
        return self._height_for[1]

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt name)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        # all on one line: a wrapping layout asked for its natural size should not wrap
        h_gap = self._spacing(Qt.Orientation.Horizontal)
        hints = [item.sizeHint() for item in self._items]
        margins = self.contentsMargins()
        width = sum(h.width() for h in hints) + h_gap * max(0, len(hints) - 1)
        height = max((h.height() for h in hints), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt name)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _spacing(self, orientation: Qt.Orientation) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (QStyle.PixelMetric.PM_LayoutHorizontalSpacing if orientation == Qt.Orientation.Horizontal
                  else QStyle.PixelMetric.PM_LayoutVerticalSpacing)
        value = parent.style().pixelMetric(metric, None, parent)
        return value if value >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        h_gap, v_gap = self._spacing(Qt.Orientation.Horizontal), self._spacing(Qt.Orientation.Vertical)
        line: list[tuple[QLayoutItem, QPoint, QSize]] = []

        def place() -> None:  # each item in the middle of its line's height (a label beside a box)
            for item, at, size in line:
                item.setGeometry(QRect(at + QPoint(0, (line_height - size.height()) // 2), size))
            line.clear()

        for item in self._items:
            if item.widget() is not None and not item.widget().isVisibleTo(self.parentWidget()):
                continue
            hint = item.sizeHint()
            if hint.width() > area.width() and item.hasHeightForWidth():  # wrapping words: a line of their own
                hint = QSize(max(area.width(), item.minimumSize().width()), item.heightForWidth(area.width()))
            if x + hint.width() > area.right() + 1 and line_height > 0:
                if move:
                    place()
                x, y = area.x(), y + line_height + v_gap
                line_height = 0
            line.append((item, QPoint(x, y), hint))
            x += hint.width() + h_gap
            line_height = max(line_height, hint.height())
        if move:
            place()
        return y + line_height - rect.y() + margins.bottom()


class _Chip(QPushButton):
    """A toggle button as wide as its ticked words, ticked or not: ticking it never moves the chips
    after it, nor wraps them onto another line and pushes the fields below (the note) down under
    the pointer."""

    def __init__(self, name: str, parent: QWidget):
        super().__init__(name, parent)
        self._words = (name, f"✓ {name}")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = super().sizeHint()
        option = QStyleOptionButton()
        self.initStyleOption(option)
        for words in self._words:  # measured as QPushButton measures its own words
            option.text = words
            text = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, words)
            hint = hint.expandedTo(self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, text, self))
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return self.sizeHint()


class CommonTagChips(QWidget):
    """Toggle buttons for common tags (``names``) that edit ``field``'s comma-separated text:
    pressing one adds its name (or removes it when already there); typing a name checks it."""

    def __init__(self, field: QLineEdit, names: tuple[str, ...] | list[str], what: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._field = field
        self.buttons: dict[str, QPushButton] = {}
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for name in names:
            button = _Chip(name, self)
            button.setCheckable(True)
            button.setAccessibleName(_("{field}: {name}").format(field=what, name=name))
            button.setAccessibleDescription(_("Adds or removes “{name}” in {field}").format(name=name, field=what.lower()))
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.toggled.connect(lambda on, n=name: self._on_toggled(n, on))
            layout.addWidget(button)
            self.buttons[name] = button
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        field.textChanged.connect(self._sync)
        self._sync(field.text())

    def focus_widgets(self) -> list[QWidget]:
        return list(self.buttons.values())

    def _on_toggled(self, name: str, on: bool) -> None:
        self._mark(name, on)
        names = split_tags(self._field.text())
        present = [n for n in names if n.casefold() == name.casefold()]
        if on and not present:
            names.append(name)
        elif not on and present:
            names = [n for n in names if n.casefold() != name.casefold()]
        else:
            return
        self._field.setText(", ".join(names))

    def _sync(self, text: str) -> None:
        chosen = {n.casefold() for n in split_tags(text)}
        for name, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(name.casefold() in chosen)
            button.blockSignals(False)
            self._mark(name, button.isChecked())

    def _mark(self, name: str, on: bool) -> None:
        # a tick as well as the pressed look, so the state never rests on colour or shading alone
        self.buttons[name].setText(f"✓ {name}" if on else name)
