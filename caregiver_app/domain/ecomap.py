"""Ecomap geometry shared by the on-screen map, its PNG/SVG export and the PDF drawing.

The person sits at (0, 0). Contacts go around in four sectors (care team at the top, peers and
groups on the right, family and friends at the bottom, community and online on the left), in
staggered rows or columns spaced from the box sizes so that no straight tie line from the person
runs through another contact's box. Scene units are nominal points (y grows downwards,
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


WEDGE = math.radians(42)  # node centres stay within 42 degrees either side of their sector's middle
GAP = 14.0  # space between two boxes
LINE_CLEARANCE = 6.0  # a tie line keeps at least this far from every other box
SWEEP_STEP = 6.0  # how far a box slides sideways while looking for a free place
MAX_ROWS = 3


def _vertical(sector: Sector) -> bool:
    return sector in (Sector.CARE_TEAM, Sector.FAMILY_FRIENDS)


def segment_hits_box(start: tuple[float, float], end: tuple[float, float], cx: float, cy: float,
                     half_w: float, half_h: float) -> bool:
    """True when the straight segment ``start``-``end`` touches or crosses the axis-aligned box
    centred at (``cx``, ``cy``) with half sizes ``half_w`` x ``half_h`` (Liang-Barsky clipping)."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - (cx - half_w)), (dx, cx + half_w - x0), (-dy, y0 - (cy - half_h)), (dy, cy + half_h - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            low = max(low, r)
        else:
            high = min(high, r)
        if low > high:
            return False
    return True


def _spread(centre: tuple[float, float], half: tuple[float, float]) -> tuple[float, float]:
    """The direction of ``centre`` seen from (0, 0) and how far either side of it the box (grown
    by the gap) reaches, both in radians. Boxes or lines whose spreads do not meet cannot touch."""
    grow = max(GAP, LINE_CLEARANCE)
    x, y = centre
    hw, hh = half[0] + grow, half[1] + grow
    if abs(x) <= hw and abs(y) <= hh:
        return math.atan2(y, x), math.pi  # around the person: meets everything
    theta = math.atan2(y, x)
    reach = max(abs(math.remainder(math.atan2(y + dy, x + dx) - theta, math.tau))
                for dx in (-hw, hw) for dy in (-hh, hh))
    return theta, reach


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(math.remainder(a[0] - b[0], math.tau)) <= a[1] + b[1]


def _fits(new: tuple[float, float], others: list[tuple[float, float]], half: tuple[float, float]) -> bool:
    """Whether a box centred at ``new`` keeps clear of ``others`` (boxes of the same size): no
    overlap, its tie line from (0, 0) misses their boxes and their tie lines miss its box."""
    hw, hh = half
    reach_w, reach_h = hw + LINE_CLEARANCE, hh + LINE_CLEARANCE
    for ox, oy in others:
        if abs(new[0] - ox) < 2 * hw + GAP and abs(new[1] - oy) < 2 * hh + GAP:
            return False
        if segment_hits_box((0.0, 0.0), new, ox, oy, reach_w, reach_h):
            return False
        if segment_hits_box((0.0, 0.0), (ox, oy), new[0], new[1], reach_w, reach_h):
            return False
    return True


def _sweep(count: int, rows: int, first: float, along_half: float, depth_half: float) -> list[tuple[float, float]]:
    """``count`` centres (across, depth) for one sector in local terms (depth = distance from the
    person). The nodes stand in ``rows`` staggered rows, mirror images about the sector's middle;
    each slides outwards from the middle until it fits (see :func:`_fits`)."""
    half = (along_half, depth_half)
    row_step = 2 * depth_half + GAP
    placed: list[tuple[float, float]] = []
    spreads: list[tuple[float, float]] = []  # seen as (depth, across): see _spread

    def place(across: float, depth: float) -> None:
        placed.append((across, depth))
        spreads.append(_spread((depth, across), (depth_half, along_half)))

    if count % 2:
        place(0.0, first)
    slope = 0.0  # across / depth of the last node: each next one stands further out than it
    for pair in range(count // 2):
        depth = first + ((pair + count % 2) % rows) * row_step
        across = max(slope * depth, SWEEP_STEP)
        start = _spread((depth, across), (depth_half, along_half))
        # the sweep only turns outwards: nodes wholly behind where it starts can never clash
        pool = [(c, sp) for c, sp in zip(placed, spreads) if sp[0] + sp[1] >= start[0] - 2 * start[1]]
        while True:
            mine = _spread((depth, across), (depth_half, along_half))
            near = [c for c, sp in pool if _near(sp, mine)]
            if _fits((across, depth), near + [(-across, depth)], half):
                break
            across += max(SWEEP_STEP, depth * 0.006)
        place(across, depth)
        place(-across, depth)
        slope = across / depth
    return placed


def _widest_angle(centres: list[tuple[float, float]]) -> float:
    return max((math.atan2(abs(a), d) for a, d in centres), default=0.0)


def _reach(centres: list[tuple[float, float]], along_half: float, depth_half: float) -> float:
    return max((math.hypot(abs(a) + along_half, d + depth_half) for a, d in centres), default=0.0)


def sector_slots(sector: Sector, count: int, node_size: tuple[float, float] = (NODE_W, NODE_H)) -> list[tuple[float, float]]:
    """``count`` automatic positions (scene units) for one sector, nearest first, for boxes of
    ``node_size`` (width, height). Above and below the person the nodes stand in rows, left and
    right in columns, their centres within the sector's wedge. Rows are spaced so that the
    straight tie line from the person to each node passes no other node's box; of the row counts
    that fit, the one that keeps the map smallest wins."""
    if count <= 0:
        return []
    vertical = _vertical(sector)
    along_half, depth_half = (node_size[0] / 2, node_size[1] / 2) if vertical else (node_size[1] / 2, node_size[0] / 2)
    best: list[tuple[float, float]] | None = None
    for rows in range(1 if count <= 6 else 2, MAX_ROWS + 1):  # one long row never wins when crowded
        first, too_near = FIRST_RING[vertical], 0.0
        while True:
            centres = _sweep(count, rows, first, along_half, depth_half)
            widest = _widest_angle(centres)
            if widest <= WEDGE:
                break
            # too wide for the wedge: start further out, about as much further as it was too wide
            too_near, first = first, max(first + GAP, first * math.tan(min(widest, math.radians(80))) / math.tan(WEDGE))
        for _ in range(4 if too_near else 0):  # then halve the overshoot a few times
            middle = (too_near + first) / 2
            tried = _sweep(count, rows, middle, along_half, depth_half)
            if _widest_angle(tried) <= WEDGE:
                first, centres = middle, tried
            else:
                too_near = middle
        if best is None or _reach(centres, along_half, depth_half) < _reach(best, along_half, depth_half) - 1:
            best = centres
        if rows >= count:
            break
    best.sort(key=lambda c: (c[1], abs(c[0]), c[0]))
    sign = -1.0 if sector in (Sector.CARE_TEAM, Sector.COMMUNITY_ONLINE) else 1.0
    return [(a, sign * d) if vertical else (sign * d, a) for a, d in best]


def lines_clear(centres: list[tuple[float, float]], half: tuple[float, float] = (NODE_W / 2, NODE_H / 2)) -> bool:
    """True when no two boxes (``half`` sizes, centred at ``centres``) overlap and no straight tie
    line from the person at (0, 0) to a centre touches another box (with the line clearance)."""
    spreads = [_spread(c, half) for c in centres]
    for i, (centre, spread) in enumerate(zip(centres, spreads)):
        for other, other_spread in zip(centres[i + 1:], spreads[i + 1:]):
            # _fits checks both ways: the boxes, and each line against the other box
            if _near(spread, other_spread) and not _fits(centre, [other], half):
                return False
    return True


def _clashing_sectors(centres: dict[int, tuple[float, float]], sector_of: dict[int, Sector]) -> set[Sector]:
    """The sectors with a box or tie line that meets a box or tie line of another sector."""
    half = (NODE_W / 2, NODE_H / 2)
    keys = list(centres)
    spreads = {k: _spread(centres[k], half) for k in keys}
    clashing: set[Sector] = set()
    for i, key in enumerate(keys):
        for other in keys[i + 1:]:
            if sector_of[key] is sector_of[other] or not _near(spreads[key], spreads[other]):
                continue
            if not _fits(centres[key], [centres[other]], half):
                clashing |= {sector_of[key], sector_of[other]}
    return clashing


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
    # Sectors meet near the diagonals: first move out only the sectors whose lines and boxes
    # meet there (keeps the map compact), then, if that has not cleared them, the whole map
    # (growing every distance shrinks every box's shadow, so that ends).
    sector_of = {c.id: c.sector for members in by_sector.values() for c in members}
    for _ in range(40):
        crowded = _clashing_sectors(auto, sector_of)
        if not crowded:
            break
        auto = {key: (x * 1.08, y * 1.08) if sector_of[key] in crowded else (x, y) for key, (x, y) in auto.items()}
    for _ in range(40):
        if lines_clear(list(auto.values())):
            break
        auto = {key: (x * 1.08, y * 1.08) for key, (x, y) in auto.items()}
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
                 direction: SupportDirection, via: tuple[tuple[float, float], ...] = ()) -> TieGeometry:
    """The line between the person (an ellipse at 0, 0 with radii ``person_half``) and a node (a
    box centred at ``node_x, node_y`` with half sizes ``node_half``), styled for ``strength``,
    with arrowheads for ``direction``. ``via``: bends on the way, in order from the person (from
    ``domain/ecomap_routes.py`` ``route_tie``, to go around other boxes); none: a straight line."""
    first = via[0] if via else (node_x, node_y)
    last = via[-1] if via else (0.0, 0.0)
    near = ellipse_edge(0.0, 0.0, person_half[0], person_half[1], first[0], first[1])
    far = box_edge(node_x, node_y, node_half[0], node_half[1], last[0], last[1])
    dash = DASH if strength is TieStrength.TENUOUS else ()
    if not via and math.hypot(far[0] - near[0], far[1] - near[1]) < 1.0:
        return TieGeometry((near, far), LINE_WIDTH[strength], dash, ())
    corners = [near, *via, far]
    heads = []
    if direction in (SupportDirection.TO_PERSON, SupportDirection.BOTH):
        heads.append(arrowhead(near, corners[1]))
    if direction in (SupportDirection.FROM_PERSON, SupportDirection.BOTH):
        heads.append(arrowhead(far, corners[-2]))
    if strength is TieStrength.STRESSFUL:
        points = [corners[0]]
        for start, end in zip(corners, corners[1:]):
            points.extend(zigzag(start, end)[1:])
    else:
        points = corners
    return TieGeometry(tuple(points), LINE_WIDTH[strength], dash, tuple(heads))
