"""Long documents built page by page: the flowables of a long part (ten years of notes) are made
only as layout comes near them and are dropped once drawn, so memory stays flat however long the
journal is.

A part that would be thousands of flowables is a :class:`Stream` in the story; a document class
that mixes in :class:`StreamingDoc` asks each stream near the head of the story for its next
few flowables just before reportlab lays them out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from reportlab.platypus import Flowable

LOOKAHEAD = 8
"""How many flowables at the head of the story are always made (never a stream). More than any
run of "keep with next" flowables, which reportlab looks ahead over (a heading and its rule)."""

BATCH = 64
"""How many flowables a stream makes at a time."""


class Stream(Flowable):
    """A stand-in for the flowables ``make()`` yields (``count`` of them, for progress), made
    a few at a time when layout reaches them. Takes no room on the page itself."""

    locChanger = 1  # noqa: N815 - reportlab's name: never wrapped into a KeepTogether, so it is always expanded

    def __init__(self, make: Callable[[], Iterable[Flowable]], count: int) -> None:
        super().__init__()
        self._make = make
        self._items: Iterator[Flowable] | None = None
        self.count = count
        self.done = False

    def take(self, most: int) -> list[Flowable]:
        """The next flowables, at most ``most`` of them; ``[]`` once all were given."""
        if self.done:
            return []
        if self._items is None:
            self._items = iter(self._make())
        batch = []
        for item in self._items:
            batch.append(item)
            if len(batch) >= most:
                break
        if not batch:
            self.done, self._items, self._make = True, None, lambda: ()  # nothing of the text is kept
        return batch

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class StreamingDoc:
    """Mix in before reportlab's ``BaseDocTemplate``: streams near the head of the story are
    turned into their flowables just in time. ``handled`` counts the flowables laid out."""

    handled = 0

    def filterFlowables(self, flowables: list) -> None:  # noqa: N802 - reportlab's name
        index = 0
        while index < min(len(flowables), LOOKAHEAD):
            item = flowables[index]
            if isinstance(item, Stream) and not item.done:
                batch = item.take(BATCH)
                flowables[index:index] = batch  # a finished stream stays: an empty flowable
                if batch:
                    continue
            index += 1
        self.handled += 1
        super().filterFlowables(flowables)  # type: ignore[misc]


def story_size(story: Iterable[Flowable]) -> int:
    """How many flowables ``story`` will lay out, streams counted by what they will give."""
    return sum(item.count if isinstance(item, Stream) else 1 for item in story)
