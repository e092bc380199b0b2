"""The ecomap as a reportlab ``Drawing`` (a platypus flowable) for the visit summary.

Draws the same map as the screen from an :class:`~caregiver_app.domain.ecomap.EcomapSnapshot`
(``services.network.ecomap_snapshot``), with the same line conventions (thick solid strong,
solid moderate, dashed tenuous, zig-zag stressful, arrows for the direction of support) and a
legend in words, so it reads the same printed in black and white.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Ellipse, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..domain.ecomap import (
    LINE_CLEARANCE,
    NODE_H,
    NODE_W,
    PERSON_H,
    PERSON_W,
    EcomapSnapshot,
    TieGeometry,
    tie_geometry,
)
from ..domain.ecomap_routes import tie_routes
from ..domain.network import Sector, SupportDirection, TieStrength
from ..i18n import _
from .fonts import register_fonts

INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
CARE_FILL = colors.Color(0.93, 0.93, 0.93)
LEGEND_ROW = 13.0


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


NAME_PT = 7.5  # no name on the map is printed smaller than this
MIN_PT = 7.0


def _first_word(name: str) -> str:
    words = name.split()
    return words[0] if words else name


def _name_label(name: str, font: str, size: float, width: float) -> str:
    """The name shortened to ``width`` but never cut inside its first word."""
    fitted = _fit(name, font, size, width)
    first = _first_word(name)
    return fitted if fitted == name or len(fitted.rstrip("…")) >= len(first) else first


def _scale(snapshot: EcomapSnapshot, width: float, map_h: float) -> float:
    x0, y0, x1, y1 = _bounds(snapshot)
    return min(width / (x1 - x0), map_h / (y1 - y0), 1.0)


def numbered(snapshot: EcomapSnapshot, width: float = 468.0, height: float = 380.0, *, legend: bool = True) -> bool:
    """True when the map drawn at ``width`` x ``height`` is too small for every contact's first
    name at 7.5 pt or more: its boxes then carry numbers (1, 2, ... in ``snapshot.nodes`` order)
    and the names go in a key beside the map (see :func:`key_rows`)."""
    width, height = max(float(width), 200.0), max(float(height), 160.0)
    legend_h = (len(legend_entries()) * LEGEND_ROW + 6) if legend else 0.0
    scale = _scale(snapshot, width, height - legend_h)
    size = max(NAME_PT, 10.0 * scale)
    room = NODE_W * scale - 6
    bold = register_fonts().bold
    return any(stringWidth(_first_word(n.name), bold, size) > room for n in snapshot.nodes)


def key_rows(snapshot: EcomapSnapshot) -> list[tuple[str, str, str]]:
    """(number, full name, role and sector) for every contact, in the numbers' order."""
    return [(str(i), n.name, f"{n.role_label} · {n.sector.label}") for i, n in enumerate(snapshot.nodes, 1)]


def _person_lines(name: str, font: str, size: float, width: float) -> list[str]:
    """The person's name in whole words over as few lines as fit ``width`` (a word wider than
    that gets a line of its own, uncut)."""
    lines: list[str] = []
    for word in name.split() or [name]:
        if lines and stringWidth(lines[-1] + " " + word, font, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _bounds(snapshot: EcomapSnapshot) -> tuple[float, float, float, float]:
    xs = [-PERSON_W / 2, PERSON_W / 2]
    ys = [-PERSON_H / 2, PERSON_H / 2]
    for n in snapshot.nodes:
        xs += [n.x - NODE_W / 2, n.x + NODE_W / 2]
        ys += [n.y - NODE_H / 2 - 16, n.y + NODE_H / 2]
    pad = 8.0
    return min(xs) - pad, min(ys) - pad - 14, max(xs) + pad, max(ys) + pad


def _tie_shapes(geo: TieGeometry, tx, scale: float) -> list:
    points = [tx(x, y) for x, y in geo.points]
    flat = [c for p in points for c in p]
    line = PolyLine(flat, strokeColor=INK, strokeWidth=max(0.5, geo.width * scale), strokeLineJoin=1)
    if geo.dash:
        line.strokeDashArray = [max(1.0, d * scale) for d in geo.dash]
    shapes = [line]
    for head in geo.arrowheads:
        shapes.append(Polygon([c for p in (tx(x, y) for x, y in head) for c in p], fillColor=INK, strokeColor=INK, strokeWidth=0.3))
    return shapes


def legend_entries() -> list[tuple[TieStrength | None, str]]:
    """The legend's rows, in words (the arrow row has no line style)."""
    rows: list[tuple[TieStrength | None, str]] = [
        (TieStrength.STRONG, _("Strong tie (thick solid line)")),
        (TieStrength.MODERATE, _("Moderate tie (solid line)")),
        (TieStrength.TENUOUS, _("Tenuous tie (dashed line)")),
        (TieStrength.STRESSFUL, _("Stressful tie (zig-zag line)")),
        (None, _("Arrow: which way support flows; shaded box: care team")),
    ]
    return rows


def build_ecomap_drawing(snapshot: EcomapSnapshot, width: float = 468.0, height: float = 380.0,
                         *, legend: bool = True) -> Drawing:
    """The map scaled to fit ``width`` × ``height`` points (1/72 in), with the legend below it
    when ``legend``. An empty network draws the person alone with a line saying so. Never raises
    for any snapshot."""
    fonts = register_fonts()
    regular, bold = fonts.regular, fonts.bold
    width, height = max(float(width), 200.0), max(float(height), 160.0)
    drawing = Drawing(width, height, initialFontName=regular, initialFontSize=8)
    legend_h = (len(legend_entries()) * LEGEND_ROW + 6) if legend else 0.0
    map_h = height - legend_h
    x0, y0, x1, y1 = _bounds(snapshot)
    scale = _scale(snapshot, width, map_h)
    with_numbers = numbered(snapshot, width, height, legend=legend)
    off_x = (width - (x1 - x0) * scale) / 2
    top = height

    def tx(x: float, y: float) -> tuple[float, float]:
        return off_x + (x - x0) * scale, top - (y - y0) * scale

    group = Group()
    # The person's whole name is always printed; the ellipse grows round it, up to just short
    # of the nearest box, and the tie lines start at its edge.
    psize = max(8.0, 12.0 * scale)
    nearest = min((max(abs(n.x) - NODE_W / 2, abs(n.y) - NODE_H / 2) for n in snapshot.nodes), default=400.0)
    room = max(PERSON_W * scale, 0.9 * nearest * scale * 2)
    plines = _person_lines(snapshot.person_name, bold, psize, room - 8)
    text_w = max(stringWidth(line, bold, psize) for line in plines)
    rx = min(max(PERSON_W / 2 * scale, text_w / 2 / 0.8), max(PERSON_W / 2 * scale, 0.9 * nearest * scale))
    ry = min(max(PERSON_H / 2 * scale, len(plines) * psize * 1.2 / 2 / 0.75), max(PERSON_H / 2 * scale, 0.9 * nearest * scale))
    person_half = (rx / scale, ry / scale)
    node_half = (NODE_W / 2, NODE_H / 2)
    # lines bent around boxes the user dragged into another tie's way, as on the screen
    routes = tie_routes([(n.x, n.y) for n in snapshot.nodes], node_half, person_half, LINE_CLEARANCE)
    for node, via in zip(snapshot.nodes, routes):
        geo = tie_geometry(node.x, node.y, node_half, person_half, node.strength, node.direction, via)
        for shape in _tie_shapes(geo, tx, scale):
            group.add(shape)

    size = max(NAME_PT, 10.0 * scale)  # nothing printed below 7 pt; long names are shortened to fit
    small = max(MIN_PT, 8.5 * scale)
    for number, node in enumerate(snapshot.nodes, 1):
        left, bottom = tx(node.x - NODE_W / 2, node.y + NODE_H / 2)
        w, h = NODE_W * scale, NODE_H * scale
        group.add(Rect(left, bottom, w, h, rx=6 * scale, ry=6 * scale,
                       fillColor=CARE_FILL if node.clinical else colors.white, strokeColor=INK,
                       strokeWidth=max(0.4, 1.0 * scale)))
        cx = left + w / 2
        if with_numbers:  # the names are in the key beside the map
            group.add(String(cx, bottom + h / 2 - size / 3, str(number), fontName=bold, fontSize=size,
                             textAnchor="middle", fillColor=INK))
            continue
        group.add(String(cx, bottom + h * 0.55, _name_label(node.name, bold, size, w - 6), fontName=bold,
                         fontSize=size, textAnchor="middle", fillColor=INK))
        group.add(String(cx, bottom + h * 0.55 - small * 1.4, _fit(node.role_label, regular, small, w - 6),
                         fontName=regular, fontSize=small, textAnchor="middle", fillColor=MUTED))

    pcx, pcy = tx(0.0, 0.0)
    group.add(Ellipse(pcx, pcy, rx, ry, fillColor=colors.white, strokeColor=INK,
                      strokeWidth=max(0.8, 2.0 * scale)))
    line_y = pcy - psize / 3 + (len(plines) - 1) * psize * 1.2 / 2
    for line in plines:
        group.add(String(pcx, line_y, line, fontName=bold, fontSize=psize, textAnchor="middle", fillColor=INK))
        line_y -= psize * 1.2

    for sector in Sector:
        members = [n for n in snapshot.nodes if n.sector is sector]
        if not members:
            continue
        if sector is Sector.CARE_TEAM:
            x, y = 0.0, min(n.y for n in members) - NODE_H / 2 - 8
        elif sector is Sector.FAMILY_FRIENDS:
            x, y = 0.0, max(n.y for n in members) + NODE_H / 2 + 16
        elif sector is Sector.PEERS_GROUPS:
            x, y = max(n.x for n in members), min(n.y for n in members) - NODE_H / 2 - 8
        else:
            x, y = min(n.x for n in members), min(n.y for n in members) - NODE_H / 2 - 8
        sx, sy = tx(x, y)
        group.add(String(sx, sy, sector.label.upper(), fontName=bold, fontSize=small, textAnchor="middle", fillColor=MUTED))

    if not snapshot.nodes:
        group.add(String(pcx, pcy - PERSON_H * scale, _("No contacts are listed yet."), fontName=regular,
                         fontSize=size, textAnchor="middle", fillColor=MUTED))
    drawing.add(group)

    if legend:
        y = legend_h - LEGEND_ROW
        for strength, words in legend_entries():
            sample_y = y + 3.5
            if strength is None:
                drawing.add(Line(4, sample_y, 30, sample_y, strokeColor=INK, strokeWidth=1))
                drawing.add(Polygon([40, sample_y, 30, sample_y + 4, 30, sample_y - 4], fillColor=INK, strokeColor=INK))
            else:
                geo = tie_geometry(0.0, 0.0, (0.0, 0.0), (0.0, 0.0), strength, SupportDirection.BOTH)
                sample = TieGeometry(_legend_points(strength), geo.width, geo.dash, ())
                # The sample is drawn 36 pt long (4..40), clear of the words that start at 48.
                for shape in _tie_shapes(sample, lambda px, py, yy=sample_y: (4 + px * 0.6, yy - py * 0.6), 0.6):
                    drawing.add(shape)
            drawing.add(String(48, y, words, fontName=regular, fontSize=8, fillColor=INK))
            y -= LEGEND_ROW
    return drawing


def _legend_points(strength: TieStrength) -> tuple[tuple[float, float], ...]:
    from ..domain.ecomap import zigzag

    if strength is TieStrength.STRESSFUL:
        return tuple(zigzag((0.0, 0.0), (60.0, 0.0), amplitude=5.0, wavelength=10.0))
    return ((0.0, 0.0), (60.0, 0.0))
