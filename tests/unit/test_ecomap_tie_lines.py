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
