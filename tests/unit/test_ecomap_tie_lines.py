"""No tie line on the ecomap runs through another contact's box: the straight line from the
person (0, 0) to each contact's centre is checked against every other box with a segment/
rectangle test written here, independent of the layout's own check."""

from __future__ import annotations

import math

import pytest

from caregiver_app.domain.ecomap import NODE_H, NODE_W, layout, sector_slots, segment_hits_box
from caregiver_app.domain.network import Contact, Role, Sector, TieStrength

LONG = "Maximiliana Alexandrovna Featherstonehaugh-Wolfeschlegelsteinhausen"


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _segments_meet(p1, p2, q1, q2) -> bool:
    d1, d2, d3, d4 = _cross(q1, q2, p1), _cross(q1, q2, p2), _cross(p1, p2, q1), _cross(p1, p2, q2)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and 0 not in (d1, d2, d3, d4):
        return True

    def on(a, b, c):  # c on segment a-b, given they are collinear
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    return ((d1 == 0 and on(q1, q2, p1)) or (d2 == 0 and on(q1, q2, p2))
            or (d3 == 0 and on(p1, p2, q1)) or (d4 == 0 and on(p1, p2, q2)))


def crosses_box(start, end, cx, cy, hw, hh) -> bool:
    """The segment touches the rectangle: an end inside, or it meets one of the four sides."""
    inside = any(abs(px - cx) <= hw and abs(py - cy) <= hh for px, py in (start, end))
    corners = [(cx - hw, cy - hh), (cx + hw, cy - hh), (cx + hw, cy + hh), (cx - hw, cy + hh)]
    return inside or any(_segments_meet(start, end, corners[i], corners[(i + 1) % 4]) for i in range(4))


def test_the_segment_test_itself():
    assert crosses_box((0, 0), (0, -300), 0, -150, 10, 10)
    assert not crosses_box((0, 0), (100, -300), 0, -150, 10, 10)
    assert crosses_box((0, 0), (20, 0), 10, 0, 1, 1)  # passes through
    assert crosses_box((0, 0), (10, 0), 10, 5, 3, 5)  # touches a side
    assert not crosses_box((0, 0), (8, 0), 10, 0, 1, 1)  # stops short
    for seg, box in [(((0, 0), (0, -300)), (0, -150, 10, 10)), (((0, 0), (100, -300)), (0, -150, 10, 10)),
                     (((0, 0), (8, 0)), (10, 0, 1, 1)), (((-5, 3), (40, -2)), (10, 0, 1, 1))]:
        assert segment_hits_box(*seg, *box) == crosses_box(*seg, *box)


def _contacts(count: int) -> list[Contact]:
    roles = list(Role)
    return [Contact(i + 1, 1, f"{LONG} {i}"[:120], roles[i % len(roles)], strength=list(TieStrength)[i % 4])
            for i in range(count)]


@pytest.mark.parametrize("count", [1, 5, 12, 30, 60])
def test_no_tie_line_runs_through_another_box(count):
    nodes = layout("Sam", _contacts(count)).nodes
    assert len(nodes) == count
    hw, hh = NODE_W / 2, NODE_H / 2
    for node in nodes:
        for other in nodes:
            if other is node:
                continue
            assert not crosses_box((0.0, 0.0), (node.x, node.y), other.x, other.y, hw, hh), (node.name, other.name)
            assert not (abs(node.x - other.x) < NODE_W and abs(node.y - other.y) < NODE_H)
        # still in its own sector, clear of the person
        if node.sector in (Sector.CARE_TEAM, Sector.FAMILY_FRIENDS):
            assert abs(node.x) < abs(node.y) and (node.y < 0) == (node.sector is Sector.CARE_TEAM)
        else:
            assert abs(node.y) < abs(node.x) and (node.x > 0) == (node.sector is Sector.PEERS_GROUPS)
        assert math.hypot(node.x, node.y) > 200


@pytest.mark.parametrize("count", [2, 7, 15, 30])
@pytest.mark.parametrize("sector", list(Sector))
def test_one_crowded_sector_and_other_box_sizes(sector, count):
    for size in ((NODE_W, NODE_H), (240.0, 40.0), (90.0, 90.0)):
        slots = sector_slots(sector, count, size)
        hw, hh = size[0] / 2, size[1] / 2
        for i, (x, y) in enumerate(slots):
            for j, (ox, oy) in enumerate(slots):
                if i != j:
                    assert not crosses_box((0.0, 0.0), (x, y), ox, oy, hw, hh), (size, i, j)


# --- boxes the user dragged: the tie goes around the boxes in its way (domain/ecomap_routes.py) ---

from caregiver_app.domain.ecomap import LINE_CLEARANCE, PERSON_H, PERSON_W, tie_geometry  # noqa: E402
from caregiver_app.domain.ecomap_routes import route_tie  # noqa: E402
from caregiver_app.domain.network import SupportDirection  # noqa: E402

HALF = (NODE_W / 2, NODE_H / 2)
PERSON_HALF = (PERSON_W / 2, PERSON_H / 2)


def _line_misses_others(points, others) -> bool:
    return not any(crosses_box(a, b, x, y, hw, hh) for a, b in zip(points, points[1:]) for x, y, hw, hh in others)


def _route(target, centres):
    others = [(x, y, *HALF) for x, y in centres]
    return route_tie(target, others, HALF, PERSON_HALF, LINE_CLEARANCE), others


def test_a_box_dragged_into_the_way_is_gone_around():
    # the straight line to (0, -500) runs through a box dragged to (0, -300)
    via, others = _route((0.0, -500.0), [(0.0, -300.0)])
    assert via, "a bent line"
    points = [(0.0, 0.0), *via, (0.0, -500.0)]
    assert crosses_box((0.0, 0.0), (0.0, -500.0), 0.0, -300.0, *HALF)  # the straight line did cross it
    assert _line_misses_others(points, others)
    # no longer than it needs: around one corner of one box, well under twice the straight line
    assert len(via) <= 2 and sum(math.dist(a, b) for a, b in zip(points, points[1:])) < 1.5 * 500


def test_a_clear_line_stays_straight_and_a_box_on_a_box_gives_up_quietly():
    assert _route((0.0, -500.0), [(400.0, -300.0)])[0] == ()
    assert _route((0.0, -500.0), [(10.0, -490.0)])[0] == ()  # dropped on top of the other: nothing to go around


def test_a_wall_of_boxes_is_gone_around_at_its_end():
    wall = [(x, -300.0) for x in (-370.0, -185.0, 0.0, 185.0, 370.0)]
    via, others = _route((60.0, -600.0), wall)
    assert via and _line_misses_others([(0.0, 0.0), *via, (60.0, -600.0)], others)


@pytest.mark.parametrize("seed", range(40))
def test_dragged_maps_every_line_misses_every_other_box(seed):
    import random

    rng = random.Random(seed)
    centres: list[tuple[float, float]] = []
    while len(centres) < rng.randint(3, 14):  # boxes dropped anywhere, not on top of each other or the person
        c = (rng.uniform(-700, 700), rng.uniform(-500, 500))
        if abs(c[0]) < PERSON_W / 2 + NODE_W / 2 + 10 and abs(c[1]) < PERSON_H / 2 + NODE_H / 2 + 10:
            continue
        if all(abs(c[0] - o[0]) > NODE_W + 20 or abs(c[1] - o[1]) > NODE_H + 20 for o in centres):
            centres.append(c)
    for i, target in enumerate(centres):
        rest = centres[:i] + centres[i + 1:]
        via, others = _route(target, rest)
        kept_clear = [(x, y, hw + LINE_CLEARANCE, hh + LINE_CLEARANCE) for x, y, hw, hh in others]
        points = [(0.0, 0.0), *via, target]
        if _line_misses_others([(0.0, 0.0), target], kept_clear):
            assert via == ()
        elif via:  # the bent line keeps the clearance from every other box
            assert _line_misses_others(points, kept_clear), (seed, target, via)
            # bends stay off the person's own shape after leaving it
            for a, b in zip(points[1:], points[2:]):
                assert not crosses_box(a, b, 0.0, 0.0, *PERSON_HALF)


def test_the_drawn_line_follows_the_bends_with_arrows_at_both_ends():
    via = ((120.0, -250.0),)
    for strength in TieStrength:
        geo = tie_geometry(0.0, -500.0, HALF, PERSON_HALF, strength, SupportDirection.BOTH, via)
        near, far = geo.points[0], geo.points[-1]
        assert math.isclose((near[0] / PERSON_HALF[0]) ** 2 + (near[1] / PERSON_HALF[1]) ** 2, 1.0)  # on the person
        assert math.isclose(far[1], -500.0 + HALF[1]) or math.isclose(abs(far[0]), HALF[0])  # on the box's edge
        assert len(geo.arrowheads) == 2
        if strength is not TieStrength.STRESSFUL:
            assert geo.points[1] == via[0]
        # the arrow at the person points along the first leg (towards the person)
        tip, base1, base2 = geo.arrowheads[0]
        base = ((base1[0] + base2[0]) / 2, (base1[1] + base2[1]) / 2)
        leg = (via[0][0] - near[0], via[0][1] - near[1])
        assert (base[0] - tip[0]) * leg[0] + (base[1] - tip[1]) * leg[1] > 0


def test_the_printed_map_bends_its_lines_around_a_dragged_box_too():
    """The visit summary's ecomap (reportlab) draws the same bent lines: no tie's polyline runs
    through another contact's box on the page."""
    import dataclasses

    from reportlab.graphics.shapes import Group, PolyLine, Rect

    from caregiver_app.domain.ecomap import layout
    from caregiver_app.reports.ecomap_drawing import build_ecomap_drawing

    contacts = [Contact(i + 1, 1, name, role) for i, (name, role) in enumerate(
        (("Dr. Ana Li", Role.PSYCHIATRIST), ("Uncle Rob", Role.FAMILY), ("Maria", Role.FAMILY)))]
    ana = next(n for n in layout("Sam", contacts).nodes if n.name == "Dr. Ana Li")
    contacts[1] = dataclasses.replace(contacts[1], position=(ana.x * 0.55, ana.y * 0.55))  # into Ana's way

    def shapes(node):
        for shape in getattr(node, "contents", []):
            yield from shapes(shape) if isinstance(shape, Group) else [shape]

    drawn = list(shapes(build_ecomap_drawing(layout("Sam", contacts), legend=False)))
    boxes = [(s.x + s.width / 2, s.y + s.height / 2, s.width / 2, s.height / 2) for s in drawn if isinstance(s, Rect)
             and s.width < 300]  # the contacts' boxes, not the page's background
    lines = [list(zip(s.points[::2], s.points[1::2])) for s in drawn if isinstance(s, PolyLine)]
    assert len(boxes) == 3 and len(lines) == 3
    assert any(len(points) > 2 for points in lines)  # one of them bends
    for points in lines:
        end = points[-1]  # on the edge of its own contact's box
        own = min(boxes, key=lambda b: max(abs(end[0] - b[0]) - b[2], abs(end[1] - b[1]) - b[3], 0.0))
        for x, y, hw, hh in boxes:
            if (x, y, hw, hh) != own:
                assert not any(crosses_box(a, b, x, y, hw, hh) for a, b in zip(points, points[1:])), (points, (x, y))


def test_a_tie_behind_more_boxes_than_the_bound_stays_straight():
    """A tie that would wind past more than MAX_IN_PLAY boxes keeps its straight line (the search
    grows with the square of the corners: a block of 60 dragged boxes took seconds per drag step);
    one box fewer than the bound still bends."""
    from caregiver_app.domain.ecomap_routes import MAX_IN_PLAY, route_tie

    def wall(count):  # boxes in a row straight across the line from the person to the target
        return [(200.0 + 120 * i, 0.0, 20.0, 20.0) for i in range(count)]

    far = (200.0 + 120 * (MAX_IN_PLAY + 1), 0.0)
    assert route_tie(far, wall(MAX_IN_PLAY + 1), (20.0, 20.0), (85.0, 40.0), 6.0) == ()
    assert route_tie(far, wall(MAX_IN_PLAY), (20.0, 20.0), (85.0, 40.0), 6.0) != ()
