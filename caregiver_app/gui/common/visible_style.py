"""The system style, with two things made easy to see in every colour scheme: the ring of a radio
button and the box of a check box (in dark schemes the style draws them nearly the colour of the
window, so an unchecked choice all but vanishes; they also grow with the text), and the keyboard
focus outline (a faint dotted or half-transparent line in most styles).

Colours come from the palette in use, so light, dark and high-contrast themes all carry over:
:func:`control_edge` and :func:`focus_colour` pick the palette colour that stands out at least
3:1 from the window behind it (WCAG 2.x, non-text contrast).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

NON_TEXT_CONTRAST = 3.0
TEXT_CONTRAST = 4.5  # WCAG 2.1, 1.4.3: normal-size text against its background
"""WCAG 2.1 success criterion 1.4.11: parts of controls at least 3:1 against what is next to them."""


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of colour ``a`` drawn on ``b``, 1 (the same) to 21 (black on white);
    a see-through ``a`` (a theme's placeholder text, say) is first laid over ``b``."""
    if a.alphaF() < 1.0:
        a = mix(a, b, a.alphaF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    """``a`` laid over ``b``: ``share_of_a`` of ``a`` (0 to 1) and the rest of ``b``, opaque."""
    rest = 1.0 - share_of_a
    return QColor.fromRgbF(a.redF() * share_of_a + b.redF() * rest, a.greenF() * share_of_a + b.greenF() * rest,
                           a.blueF() * share_of_a + b.blueF() * rest)


def control_edge(palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> QColor:
    """The edge of a radio button or check box: the text colour softened toward the window as far
    as it can go while keeping 3:1 against the window (so it does not shout louder than words)."""
    ink, window = palette.color(group, QPalette.ColorRole.WindowText), palette.color(group, QPalette.ColorRole.Window)
    for share in (0.55, 0.7, 0.85):
        edge = mix(ink, window, share)
        if contrast(edge, window) >= NON_TEXT_CONTRAST + 0.5:
            return edge
    return ink


def muted_text(palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> QColor:
    """Secondary words (a role under a name) on the fields' base: the text colour softened toward
    the base as far as it can go while keeping 4.5:1 (a theme's placeholder colour is often
    lighter than that, 3.95:1 in Fusion's light palette)."""
    ink, base = palette.color(group, QPalette.ColorRole.Text), palette.color(group, QPalette.ColorRole.Base)
    for share in (0.6, 0.7, 0.8, 0.9):
        muted = mix(ink, base, share)
        if contrast(muted, base) >= TEXT_CONTRAST + 0.3:
            return muted
    return ink


def focus_colour(palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> QColor:
    """The keyboard focus outline: the highlight colour when it stands out 3:1 from both the window
    and the fields' base, otherwise the text colour."""
    highlight = palette.color(group, QPalette.ColorRole.Highlight)
    around = (palette.color(group, QPalette.ColorRole.Window), palette.color(group, QPalette.ColorRole.Base))
    if all(contrast(highlight, colour) >= NON_TEXT_CONTRAST for colour in around):
        return highlight
    return palette.color(group, QPalette.ColorRole.WindowText)


_INDICATOR_METRICS = frozenset({
    QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
})


class VisibleStyle(QProxyStyle):
    """The system style, with radio rings, check boxes and the focus outline drawn to stand out."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,  # noqa: N802
                      widget: QWidget | None = None) -> None:
        PE = QStyle.PrimitiveElement
        if element == PE.PE_FrameFocusRect:
            self._focus_outline(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in (PE.PE_IndicatorRadioButton, PE.PE_IndicatorCheckBox):
            self._edge(element, option, painter)

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802
                    widget: QWidget | None = None) -> int:
        size = super().pixelMetric(metric, option, widget)
        if metric in _INDICATOR_METRICS:
            # The box and the ring grow with the text (most styles keep them at one size, so at
            # large text a choice had a speck beside big words).
            font = widget.fontMetrics() if widget is not None else (option.fontMetrics if option is not None else None)
            if font is not None:
                size = max(size, round(font.height() * 0.75))
        return size

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,  # noqa: N802
                    widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        # Push buttons show focus inside their own bevel, a thin line in most styles: the same
        # strong outline as every other control goes round them when the keyboard moved there.
        focused = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if element == QStyle.ControlElement.CE_PushButton and (option.state & focused) == focused:
            self._focus_outline(option, painter)

    @staticmethod
    def _group(option: QStyleOption) -> QPalette.ColorGroup:
        return QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Enabled else QPalette.ColorGroup.Disabled

    def _edge(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter) -> None:
        if not option.state & QStyle.StateFlag.State_Enabled:
            return  # a greyed-out choice is meant to look faint
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(control_edge(option.palette, self._group(option)))
        pen.setWidthF(1.5)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        side = min(option.rect.width(), option.rect.height())
        box = QRectF(option.rect.x(), option.rect.y(), side, side).adjusted(1.0, 1.0, -1.0, -1.0)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2.0, 2.0)
        painter.restore()

    def _focus_outline(self, option: QStyleOption, painter: QPainter) -> None:
        painter.save()
        pen = QPen(focus_colour(option.palette, self._group(option)))
        pen.setWidth(2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(option.rect).adjusted(1.0, 1.0, -1.0, -1.0))
        painter.restore()


def install_visible_style(app) -> VisibleStyle:
    """Wrap the application's current style (kept as it is otherwise) and return the wrapper;
    a second call returns the style already in place."""
    current = app.style()
    if isinstance(current, VisibleStyle):
        return current
    style = VisibleStyle(current.name())
    app.setStyle(style)
    return style
