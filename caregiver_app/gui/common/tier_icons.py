"""Icons for the four urgency tiers, drawn in code so they are crisp at any size and scale.

Each tier has its own *shape* as well as its own colour, and the words always sit next to the
icon, so meaning never rests on colour alone:

* Emergency: an octagon (like a stop sign) with "!";
* Crisis line: a diamond with "!";
* Call the care team today: a circle with clock hands;
* Note for the next visit: a rounded square with lines, like a note.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from ...content.warning_signs import Tier  # not through services: that would load the database layer
from ...i18n import N_, _

TIER_COLOURS = {
    Tier.EMERGENCY: "#c62828",
    Tier.CRISIS: "#6a1b9a",
    Tier.TREAT_NOW: "#1b6e3a",
    Tier.CALL_SOON: "#9a5b00",
    Tier.NEXT_VISIT: "#37598a",
}
"""Dark enough for the white marks inside to stand out, and readable on light and dark windows."""

_SHAPE_WORDS = {
    Tier.EMERGENCY: N_("octagon"),
    Tier.CRISIS: N_("diamond"),
    Tier.TREAT_NOW: N_("triangle with a cross"),
    Tier.CALL_SOON: N_("clock"),
    Tier.NEXT_VISIT: N_("note"),
}


def shape_word(tier: Tier) -> str:
    """The icon's shape in a word (used in alt text)."""
    return _(_SHAPE_WORDS[tier])


def _octagon(rect: QRectF) -> QPolygonF:
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    c = w * 0.2929  # 1 - 1/sqrt(2): the corner cut of a regular octagon
    points = [(c, 0), (w - c, 0), (w, c), (w, h - c), (w - c, h), (c, h), (0, h - c), (0, c)]
    return QPolygonF([QPointF(x + px, y + py) for px, py in points])


def _diamond(rect: QRectF) -> QPolygonF:
    c = rect.center()
    return QPolygonF([QPointF(c.x(), rect.top()), QPointF(rect.right(), c.y()),
                      QPointF(c.x(), rect.bottom()), QPointF(rect.left(), c.y())])


def _exclamation(painter: QPainter, rect: QRectF, scale: float = 1.0) -> None:
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(int(rect.height() * 0.62 * scale), 6))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "!")


def paint_tier(painter: QPainter, tier: Tier, rect: QRectF) -> None:
    """Draw the icon of ``tier`` inside ``rect`` (antialiased; the painter's state is restored)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(TIER_COLOURS[tier])
    inset = rect.width() * 0.04
    area = rect.adjusted(inset, inset, -inset, -inset)
    painter.setBrush(colour)
    painter.setPen(QPen(QColor("white"), max(rect.width() * 0.045, 1.0)))
    white = QPen(QColor("white"), max(rect.width() * 0.09, 1.5))
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    if tier is Tier.EMERGENCY:
        painter.drawPolygon(_octagon(area))
        _exclamation(painter, area)
    elif tier is Tier.CRISIS:
        painter.drawPolygon(_diamond(area))
        _exclamation(painter, area, 0.85)
    elif tier is Tier.TREAT_NOW:
        painter.drawPolygon(QPolygonF([QPointF(area.center().x(), area.top()), area.bottomRight(), area.bottomLeft()]))
        painter.setPen(white)
        c = QPointF(area.center().x(), area.top() + area.height() * 0.64)
        arm = area.width() * 0.16
        painter.drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()))
        painter.drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm))
    elif tier is Tier.CALL_SOON:
        painter.drawEllipse(area)
        painter.setPen(white)
        c = area.center()
        r = area.width() / 2
        painter.drawLine(c, QPointF(c.x(), c.y() - r * 0.58))
        painter.drawLine(c, QPointF(c.x() + r * 0.45, c.y() + r * 0.12))
    else:
        path = QPainterPath()
        radius = area.width() * 0.18
        path.addRoundedRect(area, radius, radius)
        painter.drawPath(path)
        painter.setPen(white)
        left, right = area.left() + area.width() * 0.25, area.right() - area.width() * 0.25
        for fraction in (0.32, 0.5, 0.68):
            y = area.top() + area.height() * fraction
            painter.drawLine(QPointF(left, y), QPointF(right if fraction < 0.6 else left + (right - left) * 0.6, y))
    painter.restore()


def tier_image(tier: Tier, size: int, device_pixel_ratio: float = 1.0) -> QImage:
    """The icon as an image of ``size`` × ``size`` logical pixels (sharp on high-DPI screens)."""
    pixels = max(int(round(size * device_pixel_ratio)), 8)
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_tier(painter, tier, QRectF(0, 0, pixels, pixels))
    painter.end()
    image.setDevicePixelRatio(device_pixel_ratio)
    return image


def tier_pixmap(tier: Tier, size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    return QPixmap.fromImage(tier_image(tier, size, device_pixel_ratio))


def tier_icon(tier: Tier, size: int = 32) -> QIcon:
    icon = QIcon()
    for scale in (1.0, 2.0):
        icon.addPixmap(tier_pixmap(tier, size, scale))
    return icon
