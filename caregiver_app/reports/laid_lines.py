"""What the report's own text flowables share: lines laid out once for a width, all one leading
apart, that split across pages between lines."""

from __future__ import annotations

from reportlab.platypus import Flowable


class LaidLines(Flowable):
    """A block of lines laid out by ``_layout(width)`` and ``style.leading`` points apart.
    ``first``/``last`` say whether this is the start/end of the whole block (a part made by
    :meth:`split` is laid out already and keeps its lines). With ``no_lone_first_line``, a block
    of three or more lines is not split after its first line (it moves to the next page)."""

    no_lone_first_line = False

    def __init__(self, lines: list | None, first: bool, last: bool) -> None:
        super().__init__()
        self._lines = lines
        self._laid_width: float | None = None
        self._first, self._last = first, last

    def _layout(self, width: float) -> list:
        raise NotImplementedError

    def _part(self, lines: list, first: bool, last: bool) -> LaidLines:
        """The same block holding only ``lines`` (the head has ``first`` of this one)."""
        raise NotImplementedError

    def _spacing(self) -> tuple[float, float]:
        """The space before and after the whole block, in points (a part has it only at its ends)."""
        raise NotImplementedError

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self._spacing()[0] if self._first else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self._spacing()[1] if self._last else 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._lines is None or (self._laid_width != avail_width and self._first and self._last):
            self._lines = self._layout(avail_width)
            self._laid_width = avail_width
        self.width = avail_width
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int(avail_height // self.style.leading)
        lines = self._lines or []
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        if self.no_lone_first_line and fit == 1 and len(lines) > 2:
            return []
        if len(lines) <= 3:  # a short block moves whole: never one lone line at a page's foot or head
            return []
        return [self._part(lines[:fit], self._first, False), self._part(lines[fit:], False, self._last)]
