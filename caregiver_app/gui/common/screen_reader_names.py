"""Names for the parts Qt makes by itself, which a screen reader would otherwise read as just
"scroll bar" or "edit": the scroll bars of every scrolling area and the typing field inside an
editable drop-down. Install once on the application with :func:`install_screen_reader_names`.

When such a part is polished or shown still without a name, it gets one from what it belongs to
(the scroll area's name, the drop-down's name or the words of the label tied to it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QLabel, QLineEdit, QScrollBar, QWidget

from ...i18n import _
from .app_filters import install_once


def _owner(widget: QWidget, kind: type) -> QWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, kind):
        parent = parent.parentWidget()
    return parent


def scroll_bar_name(bar: QScrollBar) -> str:
    """"Scroll up and down" (or "left and right"), after the area's own name when it has one."""
    vertical = bar.orientation() == Qt.Orientation.Vertical
    area = _owner(bar, QAbstractScrollArea)
    owner = area.accessibleName() if area is not None else ""
    if owner:
        return (_("{area}: scroll up and down") if vertical else _("{area}: scroll left and right")).format(area=owner)
    return _("Scroll up and down") if vertical else _("Scroll left and right")


def combo_box_name(box: QComboBox) -> str:
    """The drop-down's own name, or the words of the label tied to it (mnemonic marks dropped)."""
    if box.accessibleName():
        return box.accessibleName()
    for label in box.window().findChildren(QLabel):
        if label.buddy() is box:
            return "&".join(part.replace("&", "") for part in label.text().split("&&")).rstrip(": ")
    return ""


class ScreenReaderNames(QObject):
    """An application-wide event filter naming unnamed scroll bars and combo-box fields."""

    # Polish comes once before the first show; a drop-down's field may be polished before the
    # drop-down is named, so it is looked at again when shown.
    EVENTS = frozenset({QEvent.Type.Polish, QEvent.Type.Show})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in self.EVENTS and isinstance(watched, QWidget):
            self.name(watched)
        return False

    def name(self, widget: QWidget) -> None:
        """Name ``widget`` when it is one of the parts above and has no name yet."""
        if widget.accessibleName():
            return
        if isinstance(widget, QScrollBar):
            widget.setAccessibleName(scroll_bar_name(widget))
        elif isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox):
            name = combo_box_name(widget.parentWidget())
            if name:
                widget.setAccessibleName(name)


def install_screen_reader_names(app: QApplication) -> ScreenReaderNames:
    """Install the namer on ``app`` (once; a second call returns the first) and return it.
    Widgets polished before it came (the app installs it after its first paint) are named now."""
    namer = install_once(app, ScreenReaderNames)
    for widget in app.allWidgets():
        namer.name(widget)
    return namer
