"""The ecomap drawn in a ``QGraphicsView``: the person in the centre, contacts around in four
sectors, each tie in the ecomap line style (thick solid strong, solid moderate, dashed tenuous,
zig-zag stressful; arrows for which way support flows) and a legend in words.

Geometry comes from ``domain.ecomap`` (shared with the PDF drawing). Scene positions are the
domain's nominal units times ``unit``, a factor that follows the font size, so large text gets
a larger map rather than overlapping boxes. Colours come from the palette (light or dark); the
exported PNG/SVG use black on white.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsScene, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from ...domain.ecomap import (LINE_CLEARANCE, NODE_H, NODE_W, PERSON_H, PERSON_W, EcomapNode, EcomapSnapshot, tie_geometry,
                              zigzag)
from ...domain.ecomap_routes import tie_routes
from ...domain.network import Sector, SupportDirection, TieStrength
from ...i18n import _, N_
from ..common.visible_style import muted_text
from .ecomap_ties import TieItem

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.15, 4.0


class Colours:
    """The scene's colours: from a palette on screen, black on white for export."""

    def __init__(self, palette: QPalette | None = None):
        if palette is None:
            self.ink = QColor(Qt.GlobalColor.black)
            self.muted = QColor(90, 90, 90)
            self.base = QColor(Qt.GlobalColor.white)
            self.care = QColor(236, 236, 236)
            self.highlight = QColor(0, 90, 200)
            self.background = QColor(Qt.GlobalColor.white)
        else:
            self.ink = palette.color(QPalette.ColorRole.Text)
            self.muted = muted_text(palette)  # the theme's placeholder colour is often under 4.5:1
            self.base = palette.color(QPalette.ColorRole.Base)
            self.care = palette.color(QPalette.ColorRole.AlternateBase)
            self.highlight = palette.color(QPalette.ColorRole.Highlight)
            self.background = palette.color(QPalette.ColorRole.Window)


def _elide(text: str, font: QFont, width: float) -> str:
    return QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


class PersonItem(QGraphicsItem):
    """The person in the centre (an ellipse with their name)."""

    def __init__(self, name: str, unit: float):
        super().__init__()
        self.name = name
        self._unit = unit
        self.setZValue(2)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        w, h = PERSON_W * self._unit, PERSON_H * self._unit
        return QRectF(-w / 2 - 2, -h / 2 - 2, w + 4, h + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = self.scene().colours
        w, h = PERSON_W * self._unit, PERSON_H * self._unit
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(c.ink, 2.5 * self._unit))
        painter.setBrush(QBrush(c.base))
        painter.drawEllipse(QRectF(-w / 2, -h / 2, w, h))
        font = QFont(self.scene().font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        painter.setPen(c.ink)
        painter.drawText(QRectF(-w / 2 + 8, -h / 2, w - 16, h), Qt.AlignmentFlag.AlignCenter,
                         _elide(self.name, font, w - 16))


class ContactNodeItem(QGraphicsObject):
    """One contact: a box with the name and role. Drag it (or select it and press Shift+arrow
    keys in the view) to arrange; a click (press and release without moving) or Enter opens it."""

    def __init__(self, node: EcomapNode, unit: float, person_name: str):
        super().__init__()
        self.node = node
        self.contact_id = node.contact_id
        self._unit = unit
        self._press_pos: QPointF | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(3)
        self.setPos(node.x * unit, node.y * unit)
        self.setToolTip(describe_node(node, person_name))

    @property
    def half(self) -> tuple[float, float]:
        return NODE_W * self._unit / 2, NODE_H * self._unit / 2

    def nominal_pos(self) -> tuple[float, float]:
        """The position in the domain's nominal units (what is saved)."""
        return round(self.pos().x() / self._unit, 1), round(self.pos().y() / self._unit, 1)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        hw, hh = self.half
        return QRectF(-hw - 4, -hh - 4, 2 * hw + 8, 2 * hh + 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = self.scene().colours
        hw, hh = self.half
        rect = QRectF(-hw, -hh, 2 * hw, 2 * hh)
        radius = 8 * self._unit
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected() and not self.scene().print_mode
        painter.setPen(QPen(c.highlight if selected else c.ink, (3.0 if selected else 1.4) * self._unit))
        painter.setBrush(QBrush(c.care if self.node.clinical else c.base))
        painter.drawRoundedRect(rect, radius, radius)
        if self.node.clinical:
            # A second, inner border marks the care team without relying on the fill colour.
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(c.ink, 0.8 * self._unit))
            inner = rect.adjusted(3 * self._unit, 3 * self._unit, -3 * self._unit, -3 * self._unit)
            painter.drawRoundedRect(inner, radius * 0.7, radius * 0.7)
        font = QFont(self.scene().font())
        bold = QFont(font)
        bold.setBold(True)
        text_w = 2 * hw - 14 * self._unit
        line = QFontMetricsF(bold).height()
        painter.setPen(c.ink)
        painter.setFont(bold)
        painter.drawText(QRectF(-text_w / 2, -line, text_w, line), Qt.AlignmentFlag.AlignCenter,
                         _elide(self.node.name, bold, text_w))
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(small)
        painter.setPen(c.muted if not self.scene().print_mode else c.ink)
        painter.drawText(QRectF(-text_w / 2, 0, text_w, QFontMetricsF(small).height()), Qt.AlignmentFlag.AlignCenter,
                         _elide(self.node.role_label, small, text_w))

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: N802 (Qt name)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self.scene() is not None:
            self.scene().refresh_ties()
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.update()
        return super().itemChange(change, value)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._press_pos = QPointF(self.pos())
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().mouseReleaseEvent(event)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        pressed, self._press_pos = self._press_pos, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if pressed != self.pos():
            self.scene().report_moved([self])
        else:
            self.scene().contact_activated.emit(self.contact_id)  # a click without a drag opens it


class SectorLabelItem(QGraphicsItem):
    """A sector's name in small capitals, above (or below) its contacts."""

    def __init__(self, text: str, font: QFont):
        super().__init__()
        self.text = text
        self._font = QFont(font)
        self._font.setBold(True)
        self._font.setCapitalization(QFont.Capitalization.AllUppercase)
        self._font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        self._size = QFontMetricsF(self._font).size(0, text)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return QRectF(-self._size.width() / 2 - 2, -self._size.height() / 2, self._size.width() + 4, self._size.height())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setFont(self._font)
        painter.setPen(self.scene().colours.muted if not self.scene().print_mode else self.scene().colours.ink)
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text)


LEGEND_ROWS = (
    (TieStrength.STRONG, N_("Strong (thick solid line)")),
    (TieStrength.MODERATE, N_("Moderate (solid line)")),
    (TieStrength.TENUOUS, N_("Tenuous (dashed line)")),
    (TieStrength.STRESSFUL, N_("Stressful (zig-zag line)")),
    ("arrow", N_("Arrow: which way support flows")),
    ("care", N_("Double border: care team")),
)


class LegendItem(QGraphicsItem):
    """The key to the line styles, arrows and care-team boxes, in words."""

    def __init__(self, unit: float, font: QFont):
        super().__init__()
        self._unit = unit
        self._font = QFont(font)
        metrics = QFontMetricsF(self._font)
        self._row = metrics.height() * 1.5
        self._sample = 56 * unit
        title = QFont(self._font)
        title.setBold(True)
        self._title_font = title
        text_w = max(metrics.horizontalAdvance(_(t)) for _k, t in LEGEND_ROWS)
        self._w = self._sample + 3 * 8 * unit + text_w
        self._h = self._row * (len(LEGEND_ROWS) + 1) + 8 * unit
        self.setZValue(4)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return QRectF(0, 0, self._w, self._h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = self.scene().colours
        u = self._unit
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(c.muted, 1))
        painter.setBrush(QBrush(c.base))
        painter.drawRoundedRect(self.boundingRect(), 6 * u, 6 * u)
        pad = 8 * u
        painter.setFont(self._title_font)
        painter.setPen(c.ink)
        painter.drawText(QRectF(pad, pad / 2, self._w - 2 * pad, self._row), Qt.AlignmentFlag.AlignVCenter, _("Key"))
        painter.setFont(self._font)
        for i, (kind, words) in enumerate(LEGEND_ROWS, start=1):
            top = pad / 2 + i * self._row
            mid = top + self._row / 2
            x0, x1 = pad, pad + self._sample
            if isinstance(kind, TieStrength):
                geo = tie_geometry(0, 0, (0, 0), (0, 0), kind, SupportDirection.BOTH)
                pts = zigzag((x0 / u, 0), (x1 / u, 0), 4.0, 10.0) if kind is TieStrength.STRESSFUL else [(x0 / u, 0), (x1 / u, 0)]
                path = QPainterPath(QPointF(pts[0][0] * u, mid))
                for px, py in pts[1:]:
                    path.lineTo(px * u, mid + py * u)
                pen = QPen(c.ink, geo.width * u)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                if geo.dash:
                    pen.setDashPattern([d / geo.width for d in geo.dash])
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
            elif kind == "arrow":
                painter.setPen(QPen(c.ink, 2 * u))
                painter.drawLine(QPointF(x0, mid), QPointF(x1 - 10 * u, mid))
                painter.setBrush(QBrush(c.ink))
                painter.setPen(QPen(c.ink, 0.5))
                painter.drawPolygon(QPolygonF([QPointF(x1, mid), QPointF(x1 - 12 * u, mid - 5 * u), QPointF(x1 - 12 * u, mid + 5 * u)]))
            else:
                box = QRectF(x0 + 8 * u, top + 3 * u, self._sample - 16 * u, self._row - 6 * u)
                painter.setPen(QPen(c.ink, 1.2 * u))
                painter.setBrush(QBrush(c.care))
                painter.drawRoundedRect(box, 3 * u, 3 * u)
                painter.setPen(QPen(c.ink, 0.8 * u))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(2.5 * u, 2.5 * u, -2.5 * u, -2.5 * u), 2 * u, 2 * u)
            painter.setPen(c.ink)
            painter.drawText(QRectF(x1 + pad, top, self._w - x1 - 2 * pad, self._row), Qt.AlignmentFlag.AlignVCenter, _(words))


def describe_node(node: EcomapNode, person_name: str = "") -> str:
    """A contact on the map in words (tool tips and screen readers)."""
    gives = ", ".join(_(s).lower() for s in node.support_labels) or _("no support types listed")
    # TRANSLATORS: "Ana Li, Therapist. Strong tie (thick solid line); support both ways. Gives: emotional, information."
    return _("{name}, {role}. {strength} tie ({line}); support {direction}. Gives: {gives}.").format(
        name=node.name, role=node.role_label, strength=node.strength.label,
        line=node.strength.line_description, direction=node.direction.label(person_name).lower(), gives=gives)


class EcomapScene(QGraphicsScene):
    """The map's items, built from a snapshot. ``contact_activated(id)`` when a contact is
    clicked or opened with Enter; ``positions_changed({id: (x, y)})`` (nominal units)
    after the user moved contacts."""

    contact_activated = Signal(int)
    positions_changed = Signal(object)  # {contact id: (x, y)}; object keeps the int keys

    def __init__(self, parent=None):
        super().__init__(parent)
        self.person_name = ""
        self.unit = 1.0
        self.print_mode = False
        self.colours = Colours(self.palette())
        self.nodes: dict[int, ContactNodeItem] = {}
        self.ties: dict[int, TieItem] = {}
        self.person_item: PersonItem | None = None
        self.legend: LegendItem | None = None
        self.sector_labels: dict[Sector, SectorLabelItem] = {}

    def unit_for_font(self) -> float:
        """Scene units per nominal unit: 1 at a usual font size, growing with larger text."""
        return max(1.0, QFontMetricsF(self.font()).height() / 14.0)

    def set_snapshot(self, snapshot: EcomapSnapshot) -> None:
        """Replace everything on the map with ``snapshot``."""
        self.clear()
        self.nodes.clear()
        self.ties.clear()
        self.sector_labels.clear()
        self.colours = Colours(self.palette())
        self.person_name = snapshot.person_name
        self.unit = u = self.unit_for_font()
        self.person_item = PersonItem(snapshot.person_name, u)
        self.addItem(self.person_item)
        for node in snapshot.nodes:
            item = ContactNodeItem(node, u, snapshot.person_name)
            self.addItem(item)
            self.nodes[node.contact_id] = item
            self.ties[node.contact_id] = TieItem(item, u)
            self.addItem(self.ties[node.contact_id])
        self.refresh_ties()
        self._place_sector_labels(snapshot)
        self.legend = LegendItem(u, self.font())
        self.addItem(self.legend)
        self.place_legend()

    def _place_sector_labels(self, snapshot: EcomapSnapshot) -> None:
        u = self.unit
        for sector in Sector:
            members = [n for n in snapshot.nodes if n.sector is sector]
            if not members:
                continue
            label = SectorLabelItem(sector.label, self.font())
            gap = NODE_H / 2 + 16
            if sector is Sector.FAMILY_FRIENDS:
                x, y = 0.0, max(n.y for n in members) + gap
            elif sector is Sector.CARE_TEAM:
                x, y = 0.0, min(n.y for n in members) - gap
            elif sector is Sector.PEERS_GROUPS:
                x, y = max(n.x for n in members), min(n.y for n in members) - gap
            else:
                x, y = min(n.x for n in members), min(n.y for n in members) - gap
            label.setPos(x * u, y * u)
            label.setZValue(0)
            self.addItem(label)
            self.sector_labels[sector] = label

    def place_legend(self) -> None:
        """Keep the legend below and left of everything else."""
        if self.legend is None:
            return
        others = QRectF()
        for item in self.items():
            if item is not self.legend and item.parentItem() is None:
                others = others.united(item.sceneBoundingRect())
        self.legend.setPos(others.left(), others.bottom() + 24 * self.unit)

    def refresh_ties(self) -> None:
        """Draw every tie again, bent around the boxes where they are now (a box the user dragged
        may stand in another tie's way, or have left it)."""
        u, ties = self.unit, list(self.ties.values())
        centres = [(t.node_item.pos().x() / u, t.node_item.pos().y() / u) for t in ties]
        for tie, via in zip(ties, tie_routes(centres, (NODE_W / 2, NODE_H / 2), (PERSON_W / 2, PERSON_H / 2),
                                             LINE_CLEARANCE)):
            tie.refresh(via)

    def report_moved(self, items: list[ContactNodeItem]) -> None:
        self.positions_changed.emit({i.contact_id: i.nominal_pos() for i in items})

    def selected_contact_id(self) -> int | None:
        chosen = [i for i in self.selectedItems() if isinstance(i, ContactNodeItem)]
        return chosen[0].contact_id if chosen else None

    def select_contact(self, contact_id: int | None) -> None:
        self.clearSelection()
        item = self.nodes.get(contact_id) if contact_id is not None else None
        if item is not None:
            item.setSelected(True)

    def export_rect(self) -> QRectF:
        rect = self.itemsBoundingRect()
        margin = 16 * self.unit
        return rect.adjusted(-margin, -margin, margin, margin)

    def render_for_export(self, painter: QPainter, target: QRectF) -> None:
        """Paint the whole map black on white into ``target`` (selection not shown)."""
        saved = self.colours
        self.print_mode, self.colours = True, Colours(None)
        try:
            painter.fillRect(target, QColor(Qt.GlobalColor.white))
            self.render(painter, target, self.export_rect())
        finally:
            self.print_mode, self.colours = False, saved


class EcomapView(QGraphicsView):
    """The view: zoom with Ctrl+wheel, Ctrl+plus / Ctrl+minus, Ctrl+0 to fit; arrow keys move
    the selection between contacts, Shift+arrows move the chosen contact, Enter opens it."""

    zoom_changed = Signal(float)
    selection_described = Signal(str)

    def __init__(self, scene: EcomapScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_("Ecomap"))
        self.setAccessibleDescription(
            _("A map of the support network. Arrow keys choose a contact, Shift and arrow keys move it, "
            "Enter opens it. The List tab has the same information as a table.")
        )
        self.setBackgroundBrush(QBrush(scene.colours.background))
        self._zoom = 1.0
        self._fitted = True
        scene.selectionChanged.connect(self._on_selection_changed)

    @property
    def ecomap(self) -> EcomapScene:
        return self.scene()

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        self._fitted = False
        self.setTransform(self.transform().fromScale(factor, factor))
        self._zoom = factor
        self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit(self) -> None:
        """Show the whole map."""
        rect = self.ecomap.export_rect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom = min(MAX_ZOOM, self.transform().m11())
        if self._zoom != self.transform().m11():
            self.setTransform(self.transform().fromScale(self._zoom, self._zoom))
        self._fitted = True
        self.zoom_changed.emit(self._zoom)

    def refit_if_fitted(self) -> None:
        if self._fitted:
            self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.refit_if_fitted()

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self._zoom * (ZOOM_STEP ** steps))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        key, mods = event.key(), event.modifiers()
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)):
            self.zoom_in()
            return
        if event.matches(QKeySequence.StandardKey.ZoomOut) or (mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Minus):
            self.zoom_out()
            return
        if mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_0:
            self.fit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            chosen = self.ecomap.selected_contact_id()
            if chosen is not None:
                self.ecomap.contact_activated.emit(chosen)
                return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows:
            dx, dy = arrows[key]
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.move_selected(dx, dy)
            else:
                self.select_towards(dx, dy)
            return
        super().keyPressEvent(event)

    def move_selected(self, dx: int, dy: int) -> None:
        """Move the chosen contact a short step (keyboard arranging); saved like a drag."""
        chosen = self.ecomap.selected_contact_id()
        if chosen is None:
            return
        item = self.ecomap.nodes[chosen]
        step = 20 * self.ecomap.unit
        item.setPos(item.pos() + QPointF(dx * step, dy * step))
        self.ensureVisible(item)
        self.ecomap.report_moved([item])

    def select_towards(self, dx: int, dy: int) -> None:
        """Choose the nearest contact in the direction of an arrow key (the first one when none
        is chosen yet)."""
        nodes = list(self.ecomap.nodes.values())
        if not nodes:
            return
        chosen = self.ecomap.selected_contact_id()
        if chosen is None:
            target = min(nodes, key=lambda n: (n.pos().y(), n.pos().x()))
        else:
            here = self.ecomap.nodes[chosen].pos()
            best, best_score = None, math.inf
            for n in nodes:
                vx, vy = n.pos().x() - here.x(), n.pos().y() - here.y()
                along = vx * dx + vy * dy
                if along <= 1:
                    continue
                across = abs(vx * dy) + abs(vy * dx)
                score = along + 2 * across
                if score < best_score:
                    best, best_score = n, score
            if best is None:
                return
            target = best
        self.ecomap.select_contact(target.contact_id)
        self.ensureVisible(target)

    def _on_selection_changed(self) -> None:
        if not isinstance(self.scene(), EcomapScene):  # the scene is being torn down
            return
        chosen = self.ecomap.selected_contact_id()
        if chosen is None:
            return
        words = describe_node(self.ecomap.nodes[chosen].node, self.ecomap.person_name)
        self.setAccessibleDescription(words)
        self.selection_described.emit(words)
