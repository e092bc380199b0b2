"""Tie lines that go around other contacts' boxes on the ecomap.

The automatic layout places boxes so that every straight tie is clear (``domain/ecomap.py``); once
the user drags boxes where they like, a straight line from the person to one contact can run
through another contact's box, and the map then reads as if the two were tied. :func:`route_tie`
finds the shortest bent line that keeps clear of every other box: the shortest path over the
corners of the boxes in the way (a visibility graph, searched with Dijkstra's algorithm), adding
the boxes it meets on the way until the path is clear. Plain geometry in the map's nominal units,
the person at (0, 0); no Qt.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from .ecomap import segment_hits_box

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # centre x, centre y, half width, half height

CORNER_ROOM = 2.0  # a bend sits this far outside a box's cleared corner, so the line never grazes it
MAX_ROUNDS = 12  # boxes are added a few at a time; a map needs only a few rounds
MAX_IN_PLAY = 8
"""A tie that has to go around more boxes than this stays straight: on a crowded map a line
winding past nine boxes reads worse than a straight one, and the search grows with the square of
the corners (60 boxes dragged into one block took seconds on every drag step)."""


def _hits(start: Point, end: Point, box: Box) -> bool:
    return segment_hits_box(start, end, *box)


def _inside(point: Point, box: Box) -> bool:
    return abs(point[0] - box[0]) < box[2] and abs(point[1] - box[1]) < box[3]


def route_tie(target: Point, others: Sequence[Box], target_half: tuple[float, float],
              person_half: tuple[float, float], clearance: float) -> tuple[Point, ...]:
    """The bends of the tie from the person (0, 0) to the contact whose box is centred on
    ``target``: an empty tuple when the straight line keeps ``clearance`` away from every box in
    ``others`` (their centres and half sizes, nominal units), else the fewest-length bends around
    them. The line never runs back through the person's box (half sizes ``person_half``) nor
    through its own contact's box (``target_half``) before it arrives. When no clear line exists
    (a box dragged on top of another, or walled in) or it would go around more than
    :data:`MAX_IN_PLAY` boxes, the straight line is kept: an empty tuple."""
    grown = [(x, y, hw + clearance, hh + clearance) for x, y, hw, hh in others]
    if any(_inside(target, box) for box in grown):
        return ()
    origin = (0.0, 0.0)
    person = (0.0, 0.0, person_half[0], person_half[1])
    own = (target[0], target[1], target_half[0], target_half[1])

    def clear(a: Point, b: Point, boxes: Sequence[Box]) -> bool:
        if any(_hits(a, b, box) for box in boxes):
            return False
        if a != origin and b != origin and _hits(a, b, person):
            return False  # back through the person's own shape
        return b == target or a == target or not _hits(a, b, own)

    in_play: list[Box] = [box for box in grown if _hits(origin, target, box)]
    if not in_play or len(in_play) > MAX_IN_PLAY:
        return ()
    for _ in range(MAX_ROUNDS):
        path = _shortest(origin, target, in_play, grown, clear)
        if path is None:
            return ()
        met = [box for box in grown if box not in in_play
               and any(_hits(a, b, box) for a, b in zip(path, path[1:]))]
        if not met:
            return tuple(path[1:-1])
        in_play.extend(met)
        if len(in_play) > MAX_IN_PLAY:
            return ()
    return ()


def tie_routes(centres: Sequence[Point], half: tuple[float, float], person_half: tuple[float, float],
               clearance: float) -> list[tuple[Point, ...]]:
    """:func:`route_tie` for every box of a map at once: ``centres`` of boxes of one size
    (``half``), the bends of each one's tie in the same order (empty: straight)."""
    boxes = [(x, y, half[0], half[1]) for x, y in centres]
    return [route_tie(centre, boxes[:i] + boxes[i + 1:], half, person_half, clearance)
            for i, centre in enumerate(centres)]


def _corners(box: Box) -> list[Point]:
    x, y, hw, hh = box
    room_w, room_h = hw + CORNER_ROOM, hh + CORNER_ROOM
    return [(x - room_w, y - room_h), (x + room_w, y - room_h), (x + room_w, y + room_h), (x - room_w, y + room_h)]


def _shortest(origin: Point, target: Point, in_play: list[Box], every: list[Box], clear) -> list[Point] | None:
    """Dijkstra over the origin, the target and the corners of ``in_play`` (corners inside any box
    are no use); an edge exists when its segment is clear of the boxes in play."""
    points = [origin, target] + [c for box in in_play for c in _corners(box)
                                 if not any(_inside(c, other) for other in every)]
    best = {0: 0.0}
    came: dict[int, int] = {}
    queue = [(0.0, 0)]
    done: set[int] = set()
    while queue:
        cost, i = heapq.heappop(queue)
        if i in done:
            continue
        if i == 1:
            path = [1]
            while path[-1] != 0:
                path.append(came[path[-1]])
            return [points[k] for k in reversed(path)]
        done.add(i)
        for j in range(1, len(points)):
            if j in done or j == i:
                continue
            step = cost + math.dist(points[i], points[j])
            if step < best.get(j, math.inf) and clear(points[i], points[j], in_play):
                best[j] = step
                came[j] = i
                heapq.heappush(queue, (step, j))
    return None
