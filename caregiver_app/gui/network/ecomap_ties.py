"""One tie on the ecomap: the line between the person and a contact in the ecomap style for its
strength, through the bends that take it around other contacts' boxes (worked out by the scene with
``domain/ecomap_routes.py``; the drawing from ``domain/ecomap.py``, shared with the PDF)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...domain.ecomap import NODE_H, NODE_W, PERSON_H, PERSON_W, tie_geometry
from ...domain.network import TieStrength


class TieItem(QGraphicsItem):
    """The line between the person and one contact, in the ecomap style for its strength."""

    def __init__(self, node_item: QGraphicsItem, unit: float):
        super().__init__()
        self.node_item = node_item
        self._unit = unit
        self.setZValue(1)
        self.geometry = None
        self._rect = QRectF()
        self.via: tuple[tuple[float, float], ...] = ()  # the bends around other boxes, nominal units
        self.refresh()

    @property
    def strength(self) -> TieStrength:
        return self.node_item.node.strength

    def refresh(self, via: tuple[tuple[float, float], ...] = ()) -> None:
        """Draw the line again to where the contact's box is now, through the bends ``via``
        (nominal units, from the person outwards; the scene works them out for every tie)."""
        u = self._unit
        x, y = self.node_item.pos().x() / u, self.node_item.pos().y() / u
        self.via = via
        geo = tie_geometry(x, y, (NODE_W / 2, NODE_H / 2), (PERSON_W / 2, PERSON_H / 2),
                           self.node_item.node.strength, self.node_item.node.direction, via)
        self.prepareGeometryChange()
        self.geometry = geo
        xs = [p[0] * u for p in geo.points] + [q[0] * u for h in geo.arrowheads for q in h]
        ys = [p[1] * u for p in geo.points] + [q[1] * u for h in geo.arrowheads for q in h]
        pad = (geo.width + 12) * u
        self._rect = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self._rect

    def path(self) -> QPainterPath:
        u = self._unit
        path = QPainterPath(QPointF(self.geometry.points[0][0] * u, self.geometry.points[0][1] * u))
        for px, py in self.geometry.points[1:]:
            path.lineTo(px * u, py * u)
        return path

    def pen(self) -> QPen:
        geo = self.geometry
        pen = QPen(self.scene().colours.ink, geo.width * self._unit)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        if geo.dash:
            pen.setDashPattern([d / geo.width for d in geo.dash])
        return pen

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        u = self._unit
        painter.setPen(QPen(self.scene().colours.ink, 0.5))
        painter.setBrush(QBrush(self.scene().colours.ink))
        for head in self.geometry.arrowheads:
            painter.drawPolygon(QPolygonF([QPointF(x * u, y * u) for x, y in head]))
