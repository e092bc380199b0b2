"""What the accessibility tests look for in a window, each returning a list of plain findings
(empty when all is well), so one assertion shows every problem of a page at once.

* :func:`unnamed_controls`: interactive objects in the accessibility tree (what a screen reader
  gets through ``QAccessible``) that have no name.
* :func:`unbuddied_labels`: labels that describe a field (the label column of a form, or words
  ending in ":") but are not tied to it, so the field is not read with its words.
* :func:`clipped_text`: labels, buttons, combo boxes and check boxes given less room than their
  words need.
* :func:`tab_cycle`: pressing Tab from the first control must come back to it after visiting
  every enabled control, without getting stuck (one radio button of a group is enough: arrows
  move inside the group).
* :func:`contrast` / :func:`palette_contrast`: WCAG 2 contrast ratios from a palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtTest import QTest

from caregiver_app.gui.common.visible_style import contrast
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

Role = QAccessible.Role
INTERACTIVE = {
    Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText, Role.SpinBox,
    Role.Slider, Role.ScrollBar, Role.List, Role.Table, Role.Tree, Role.PageTab, Role.ButtonMenu,
    Role.ButtonDropDown, Role.Dial, Role.Link,
}


def _describe(widget: QWidget | None) -> str:
    if widget is None:
        return "?"
    parent = widget.parentWidget()
    name = widget.objectName() or widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
    return f"{type(widget).__name__}{f' {name!r}' if name else ''} in {type(parent).__name__ if parent else '-'}"


def _interfaces(root: QWidget):
    """Every accessible interface under ``root``, depth first (at most 5,000)."""
    start = QAccessible.queryAccessibleInterface(root)
    stack, seen = [start] if start is not None else [], 0
    while stack and seen < 5000:
        face = stack.pop()
        seen += 1
        yield face
        for i in range(face.childCount() - 1, -1, -1):
            child = face.child(i)
            if child is not None and child.isValid():
                stack.append(child)


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive, visible objects in the accessibility tree of ``root`` with no name."""
    missing = []
    for face in _interfaces(root):
        state = face.state()
        if face.role() not in INTERACTIVE or state.invisible or state.offscreen:
            continue
        if face.text(QAccessible.Text.Name).strip():
            continue
        widget = face.object() if isinstance(face.object(), QWidget) else None
        if widget is not None and not widget.isVisibleTo(root):
            continue
        missing.append(f"{face.role().name} ({_describe(widget)})")
    return missing


def _field_of(form: QFormLayout, row: int) -> QWidget | None:
    item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
    if item is None:
        return None
    if item.widget() is not None:
        return item.widget()
    layout = item.layout()
    if layout is not None:
        for i in range(layout.count()):
            if layout.itemAt(i).widget() is not None:
                return layout.itemAt(i).widget()
    return None


def _takes_input(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or any(
        bool(child.focusPolicy() & Qt.FocusPolicy.TabFocus) for child in widget.findChildren(QWidget))


def unbuddied_labels(root: QWidget) -> list[str]:
    """Visible labels that describe a field but are not its buddy: the label column of every form
    layout whose field takes input, and any label whose words end in ":" and sit beside a field."""
    found = []
    checked: set[int] = set()
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            field = _field_of(form, row)
            if not isinstance(label, QLabel) or field is None or not label.isVisibleTo(root):
                continue
            checked.add(id(label))
            if not _takes_input(field):
                continue
            buddy = label.buddy()
            if buddy is None or not (buddy is field or field.isAncestorOf(buddy)):
                found.append(f"{label.text()!r} is not tied to {_describe(field)}")
    for label in root.findChildren(QLabel):
        if id(label) in checked or not label.isVisibleTo(root) or label.buddy() is not None:
            continue
        field = _next_in_layout(label)
        if label.text().strip().endswith(":") and isinstance(field, FIELDS):
            found.append(f"{label.text()!r} ({_describe(label)}) names {_describe(field)} but is not tied to it")
    return found


FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QAbstractItemView)
"""Controls that take words or a choice: a label just before one describes it."""


def _next_in_layout(label: QLabel) -> QWidget | None:
    """The widget right after ``label`` in the layout that holds it."""
    parent = label.parentWidget()
    for layout in [parent.layout()] + (parent.layout().findChildren(QLayout) if parent and parent.layout() else []):
        if layout is None:
            continue
        index = layout.indexOf(label)
        if index >= 0:
            for i in range(index + 1, layout.count()):
                widget = layout.itemAt(i).widget()
                if widget is not None:
                    return widget
            return None
    return None


def _inside_scroll_viewport(widget: QWidget) -> bool:
    """True when the widget lives in a scroll area, whose content may be wider than the view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _combo_needs(box: QComboBox) -> int:
    """The width ``box`` needs to show its current choice whole: its width now, less the room
    its style gives the words, plus the words (and icon)."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                       QStyle.SubControl.SC_ComboBoxEditField, box)
    words = box.fontMetrics().horizontalAdvance(box.currentText())
    if not box.itemIcon(box.currentIndex()).isNull():
        words += box.iconSize().width() + 4
    return box.width() - field.width() + words


def clipped_text(root: QWidget) -> list[str]:
    """Visible labels, buttons, check boxes and combo boxes smaller than their words need: narrower
    than their size hint (one-line words) or shorter than their height for their width (wrapped
    words). Elided or scrolling labels that say so in their tooltip are not counted."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel):
            if not widget.text().strip() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            if widget.wordWrap():
                need_w, need_h = widget.minimumSizeHint().width(), widget.heightForWidth(widget.width())
            else:
                need_w, need_h = widget.sizeHint().width(), widget.sizeHint().height()
            # A label's hint carries its margins; a pixel or two of them may go.
            short_w, short_h = widget.width() + 2 < need_w, widget.height() + 2 < need_h
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton, QComboBox)):
            if isinstance(widget, QAbstractButton) and not widget.text().strip():
                continue
            hint = widget.minimumSizeHint() if widget.hasHeightForWidth() else widget.sizeHint()
            need_w = hint.width()
            need_h = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() else hint.height()
            if isinstance(widget, QComboBox):
                # A combo box shows its current choice: it needs room for that one and its arrow.
                need_w = _combo_needs(widget)
            short_w, short_h = widget.width() + 2 < need_w, widget.height() + 2 < need_h
        else:
            continue
        if short_w or short_h:
            words = widget.text() if hasattr(widget, "text") else widget.currentText()
            found.append(f"{_describe(widget)} {words[:40]!r}: has {widget.width()}x{widget.height()}, "
                         f"needs {need_w}x{need_h}")
    return found


def focusable(root: QWidget) -> list[QWidget]:
    """The controls Tab should reach: visible, enabled, accepting Tab focus, not the inner part of
    a combo or spin box, not a scroll area's viewport."""
    result = []
    for widget in root.findChildren(QWidget):
        if not (widget.isVisibleTo(root) and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if widget.focusProxy() is not None:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
            continue
        result.append(widget)
    return result


def _radio_group(button: QRadioButton) -> int:
    """Which group of radio buttons ``button`` is in: Tab stops at one of them, arrows move on."""
    group = button.group()
    if group is not None:
        return id(group)
    return id(button.parentWidget()) if button.autoExclusive() else id(button)


def tab_cycle(root: QWidget, limit: int = 600) -> tuple[list[QWidget], list[str]]:
    """Press Tab (a real key event) again and again in the shown, active ``root``, from its first
    control. Returns the controls visited and the problems: the chain never came back (a trap,
    or it left the window) or some enabled control was never reached."""
    controls = focusable(root)
    if not controls:
        return [], []
    first = controls[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    start = QApplication.focusWidget()
    visited: list[QWidget] = []
    problems = []
    current, same = start, 0
    for _ in range(limit):
        if current is None or not (current is root or root.isAncestorOf(current)):
            problems.append(f"Tab left the window after {_describe(visited[-1] if visited else None)}")
            break
        visited.append(current)
        QTest.keyClick(current, Qt.Key.Key_Tab)
        nxt = QApplication.focusWidget()
        if nxt is start:
            break
        if nxt is current:
            # Tab moves inside some controls first (the parts of a date, the links of a label).
            same += 1
            if same > 12:
                problems.append(f"Tab is stuck on {_describe(current)}")
                break
            continue
        same = 0
        current = nxt
    else:
        problems.append(f"Tab never came back to {_describe(start)} after {limit} steps")
    reached = {id(w) for w in visited}
    groups_reached = {_radio_group(w) for w in visited if isinstance(w, QRadioButton)}
    for widget in controls:
        if id(widget) in reached:
            continue
        if isinstance(widget, QRadioButton) and _radio_group(widget) in groups_reached:
            continue
        problems.append(f"Tab never reaches {_describe(widget)}")
    return visited, problems


def dark_palette() -> QPalette:
    """A dark palette as desktop themes make them (the colours of KDE's Breeze Dark)."""
    palette = QPalette()
    R = QPalette.ColorRole
    colours = {
        R.Window: "#202326", R.WindowText: "#fcfcfc", R.Base: "#141618", R.AlternateBase: "#1d1f22",
        R.Text: "#fcfcfc", R.Button: "#292c30", R.ButtonText: "#fcfcfc", R.BrightText: "#ffffff",
        R.Highlight: "#3daee9", R.HighlightedText: "#fcfcfc", R.ToolTipBase: "#292c30",
        R.ToolTipText: "#fcfcfc", R.Link: "#1d99f3", R.LinkVisited: "#9b59b6", R.PlaceholderText: "#a1a9b1",
        R.Light: "#40464c", R.Midlight: "#34393e", R.Mid: "#1e2124", R.Dark: "#141618", R.Shadow: "#0e1011",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (R.WindowText, R.Text, R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7175"))
    return palette


def light_palette() -> QPalette:
    return QApplication.style().standardPalette()


SCHEMES_FOR_TESTS = {"light": light_palette, "dark": dark_palette}


# --- contrast (WCAG 2.x) ----------------------------------------------------------------------


R = QPalette.ColorRole
# Selected text on the highlight is left to the theme: Breeze Dark's own pair is 2.4:1, and the
# app does not override a theme's selection colours.
TEXT_PAIRS = [
    ("window text on window", R.WindowText, R.Window),
    ("text on base", R.Text, R.Base),
    ("text on alternate base", R.Text, R.AlternateBase),
    ("button text on button", R.ButtonText, R.Button),
    ("tooltip text on tooltip", R.ToolTipText, R.ToolTipBase),
]


def palette_contrast(palette: QPalette, pairs=TEXT_PAIRS, group=QPalette.ColorGroup.Active) -> dict[str, float]:
    """The contrast of each named pair of roles in ``palette``."""
    return {name: contrast(palette.color(group, fg), palette.color(group, bg)) for name, fg, bg in pairs}
