"""Ecomap geometry shared by the on-screen map, its PNG/SVG export and the PDF drawing.

The person sits at (0, 0). Contacts go around in four sectors (care team at the top, peers and
groups on the right, family and friends at the bottom, community and online on the left), in
rows or columns that grow outwards as a sector fills. Scene units are nominal points (y grows downwards,
as on screen); the PDF builder flips y itself.

Line conventions (Hartman 1978; the usual ecomap legend): strong = thick solid, moderate =
solid, tenuous = dashed, stressful = zig-zag; arrows show which way support flows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .network import Contact, Sector, SupportDirection, TieStrength

NODE_W = 170.0
NODE_H = 58.0
PERSON_W = 170.0
PERSON_H = 80.0
# Rings: above and below the person nodes stack by their height; left and right by their width.
FIRST_RING = {True: 260.0, False: 300.0}
RING_GAP = {True: 92.0, False: 205.0}
LINE_WIDTH = {TieStrength.STRONG: 5.0, TieStrength.MODERATE: 2.0, TieStrength.TENUOUS: 2.0, TieStrength.STRESSFUL: 2.0}
DASH = (9.0, 6.0)
ZIGZAG_AMPLITUDE = 6.0
ZIGZAG_WAVELENGTH = 14.0
ARROW_LENGTH = 14.0
ARROW_WIDTH = 11.0


@dataclass(frozen=True)
class EcomapNode:
    """One contact on the map: where it is (scene units) and what its tie looks like.
    ``placed`` is True when the user put it there (saved in the vault)."""

    contact_id: int
    name: str
    role_label: str
    sector: Sector
    clinical: bool
    strength: TieStrength
    direction: SupportDirection
    support_labels: tuple[str, ...]
    x: float
    y: float
    placed: bool


@dataclass(frozen=True)
class EcomapSnapshot:
    """Everything needed to draw a person's ecomap, as plain data."""

    person_name: str
    nodes: tuple[EcomapNode, ...]


@dataclass(frozen=True)
class TieGeometry:
    """How to draw one tie: a polyline (two points for a straight line, many for a zig-zag),
    its width, dash pattern (empty = solid) and zero to two filled arrowhead triangles."""

    points: tuple[tuple[float, float], ...]
    width: float
    dash: tuple[float, ...]
    arrowheads: tuple[tuple[tuple[float, float], ...], ...]


WEDGE = math.radians(40)  # nodes stay within 40 degrees either side of their sector's middle


def _vertical(sector: Sector) -> bool:
    return sector in (Sector.CARE_TEAM, Sector.FAMILY_FRIENDS)


def ring_capacity(distance: float, sector: Sector) -> int:
    """How many nodes fit side by side in a row (care team, family) or column (peers,
    community) at ``distance`` from the person."""
    span = 2 * distance * math.tan(WEDGE)
    spacing = NODE_W + 14 if _vertical(sector) else NODE_H + 16
    return max(1, int(span // spacing))


def sector_slots(sector: Sector, count: int) -> list[tuple[float, float]]:
    """``count`` automatic positions for one sector, nearest row first. Above and below the
    person the nodes stand in rows, left and right in columns, each within the sector's wedge.
    A row is cut into equal cells and a node sits in the middle of its cell, so nodes of
    neighbouring rows fall between each other and lines to the outer ones pass through the gaps."""
    slots: list[tuple[float, float]] = []
    vertical = _vertical(sector)
    sign = -1.0 if sector in (Sector.CARE_TEAM, Sector.COMMUNITY_ONLINE) else 1.0
    ring = 0
    while len(slots) < count:
        distance = FIRST_RING[vertical] + ring * RING_GAP[vertical]
        take = min(ring_capacity(distance, sector), count - len(slots))
        width = min(ring_capacity(distance, sector), take + 1) * (NODE_W + 14 if vertical else NODE_H + 16)
        for i in range(take):
            across = -width / 2 + width * (i + 0.5) / take
            slots.append((across, sign * distance) if vertical else (sign * distance, across))
        ring += 1
    return slots


def layout(person_name: str, contacts: list[Contact]) -> EcomapSnapshot:
    """Place every contact: at its saved position when it has one, else in an automatic slot of
    its sector (ordered by tie strength, then name). Contacts without an id are skipped."""
    order = {s: i for i, s in enumerate(TieStrength)}
    by_sector: dict[Sector, list[Contact]] = {s: [] for s in Sector}
    for c in contacts:
        if c.id is not None and c.position is None:
            by_sector[c.sector].append(c)
    auto: dict[int, tuple[float, float]] = {}
    for sector, members in by_sector.items():
        members.sort(key=lambda c: (order[c.strength], c.name.casefold()))  # strong ties nearest
        for c, slot in zip(members, sector_slots(sector, len(members)), strict=True):
            auto[c.id] = slot
    nodes = []
    for c in sorted((c for c in contacts if c.id is not None), key=lambda c: (list(Sector).index(c.sector), c.name.casefold())):
        x, y = c.position if c.position is not None else auto[c.id]
        nodes.append(
            EcomapNode(
                contact_id=c.id,
                name=c.name,
                role_label=c.role.label,
                sector=c.sector,
                clinical=c.clinical,
                strength=c.strength,
                direction=c.direction,
                support_labels=tuple(t.label for t in c.ordered_support()),
                x=float(x),
                y=float(y),
                placed=c.position is not None,
            )
        )
    return EcomapSnapshot(person_name, tuple(nodes))


def box_edge(cx: float, cy: float, half_w: float, half_h: float, tx: float, ty: float) -> tuple[float, float]:
    """Where the straight line from the centre of a box towards (tx, ty) leaves the box."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def ellipse_edge(cx: float, cy: float, rx: float, ry: float, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from the centre of an ellipse towards (tx, ty) leaves it."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = 1.0 / math.sqrt((dx / rx) ** 2 + (dy / ry) ** 2)
    return cx + dx * scale, cy + dy * scale


def zigzag(start: tuple[float, float], end: tuple[float, float],
           amplitude: float = ZIGZAG_AMPLITUDE, wavelength: float = ZIGZAG_WAVELENGTH) -> list[tuple[float, float]]:
    """Points of a zig-zag from ``start`` to ``end`` (straight for the last bit at each end so
    arrowheads sit cleanly)."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length < 3 * wavelength:
        return [start, end]
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    nx, ny = -uy, ux
    lead = ARROW_LENGTH + 4
    teeth = max(2, int((length - 2 * lead) / (wavelength / 2)))
    step = (length - 2 * lead) / teeth
    points = [start, (x1 + ux * lead, y1 + uy * lead)]
    for i in range(1, teeth):
        along = lead + i * step
        side = amplitude if i % 2 else -amplitude
        points.append((x1 + ux * along + nx * side, y1 + uy * along + ny * side))
    points.append((x2 - ux * lead, y2 - uy * lead))
    points.append(end)
    return points


def arrowhead(tip: tuple[float, float], towards_from: tuple[float, float],
              length: float = ARROW_LENGTH, width: float = ARROW_WIDTH) -> tuple[tuple[float, float], ...]:
    """A triangle with its point at ``tip``, pointing away from ``towards_from``."""
    (tx, ty), (fx, fy) = tip, towards_from
    dist = math.hypot(tx - fx, ty - fy) or 1.0
    ux, uy = (tx - fx) / dist, (ty - fy) / dist
    bx, by = tx - ux * length, ty - uy * length
    return (tip, (bx - uy * width / 2, by + ux * width / 2), (bx + uy * width / 2, by - ux * width / 2))


def tie_geometry(node_x: float, node_y: float, node_half: tuple[float, float],
                 person_half: tuple[float, float], strength: TieStrength,
                 direction: SupportDirection) -> TieGeometry:
    """The line between the person (an ellipse at 0, 0 with radii ``person_half``) and a node (a
    box centred at ``node_x, node_y`` with half sizes ``node_half``), styled for ``strength``,
    with arrowheads for ``direction``."""
    near = ellipse_edge(0.0, 0.0, person_half[0], person_half[1], node_x, node_y)
    far = box_edge(node_x, node_y, node_half[0], node_half[1], 0.0, 0.0)
    dash = DASH if strength is TieStrength.TENUOUS else ()
    if math.hypot(far[0] - near[0], far[1] - near[1]) < 1.0:
        return TieGeometry((near, far), LINE_WIDTH[strength], dash, ())
    heads = []
    if direction in (SupportDirection.TO_PERSON, SupportDirection.BOTH):
        heads.append(arrowhead(near, far))
    if direction in (SupportDirection.FROM_PERSON, SupportDirection.BOTH):
        heads.append(arrowhead(far, near))
    if strength is TieStrength.STRESSFUL:
        points = tuple(zigzag(near, far))
    else:
        points = (near, far)
    return TieGeometry(points, LINE_WIDTH[strength], dash, tuple(heads))
