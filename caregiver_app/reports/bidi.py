"""Right-to-left text (Hebrew, Arabic, …) in the printed documents.

reportlab draws glyphs left to right in the order it is given. For text with right-to-left
letters this module supplies that order: Arabic letters are first joined into their contextual
forms (``arabic_reshaper``), then each *printed line* is put in display order with the Unicode
Bidirectional Algorithm (UAX #9, via ``python-bidi``). Reordering happens after line breaking, so
a long right-to-left note that wraps reads from the top line down, each line from the right.

A line's direction comes from its first strong letter (UAX #9 rules P2–P3): a note written in
Hebrew is right-aligned; an English note quoting a Hebrew word stays left-aligned.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth

from .laid_lines import LaidLines
from .text import font_runs, is_rtl_char


def base_direction(text: str) -> str:
    """``"R"`` when the first strong letter of ``text`` is right-to-left, else ``"L"``."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "L"


def _needs_shaping(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) == "AL" for ch in text)


@lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def shape(text: str) -> str:
    """Arabic letters in their joined (presentation) forms; other text unchanged."""
    return _reshaper().reshape(text) if _needs_shaping(text) else text


def reorder(line: str, direction: str | None = None) -> str:
    """One printed line (already shaped) in display order, left to right."""
    if not any(is_rtl_char(ch) for ch in line):
        return line
    from bidi import get_display

    return mirror_brackets(get_display(line, base_dir=direction or base_direction(line)))


_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›"}
_CLOSING = {v: k for k, v in _PAIRS.items()}


def mirror_brackets(visual: str) -> str:
    """Rule L4 of UAX #9 for paired brackets, on a line already in display order.

    ``python-bidi`` places brackets in the right run (rule N0, bracket pairs) but does not
    mirror them, so a pair inside a right-to-left run comes out as ``)…(``. Read left to right,
    such a pair shows its closing bracket first; both are swapped to their mirror glyphs so the
    pair reads ``(…)``. Pairs already in order (left-to-right runs) are left alone."""
    if not any(ch in _CLOSING for ch in visual):
        return visual
    chars = list(visual)
    normal: list[str] = []  # opening brackets waiting for their partner
    reversed_: list[tuple[int, str]] = []  # closing brackets seen first (a right-to-left pair)
    for index, ch in enumerate(chars):
        if ch in _PAIRS:
            if reversed_ and _PAIRS[ch] == reversed_[-1][1]:
                start, closing = reversed_.pop()
                chars[start], chars[index] = ch, closing
            else:
                normal.append(ch)
        elif ch in _CLOSING:
            if normal and normal[-1] == _CLOSING[ch]:
                normal.pop()
            else:
                reversed_.append((index, ch))
    return "".join(chars)


def visual_line(line: str) -> str:
    """Shape and reorder a single line of logical text for drawing left to right."""
    return reorder(shape(line))


class BidiParagraph(LaidLines):
    """A paragraph of plain (cleaned) text with right-to-left lines: wrapped at spaces (or inside
    a word longer than the line), each line reordered for display and aligned to the side its
    direction reads from. Splits across pages between lines. Uses ``style``'s font, size,
    leading, indents and spacing."""

    def __init__(self, text: str, style: ParagraphStyle, lines: list[tuple[str, float, str]] | None = None,
                 first: bool = True, last: bool = True) -> None:
        super().__init__(lines, first, last)
        self.text = text
        self.style = style

    # measuring ------------------------------------------------------------------------------
    def _width_of(self, text: str) -> float:
        size = self.style.fontSize
        return sum(stringWidth(t, f or self.style.fontName, size) for f, t in font_runs(text))

    def _wrap_logical(self, line: str, avail: float) -> list[str]:
        if not line:
            return [""]
        words = line.split(" ")
        out: list[str] = []
        current = ""
        for word in words:
            trial = f"{current} {word}" if current else word
            if self._width_of(trial) <= avail:
                current = trial
                continue
            if current:
                out.append(current)
            while len(word) > 1 and self._width_of(word) > avail:
                low, high = 1, len(word) - 1  # the longest head that fits (binary search)
                while low < high:
                    mid = (low + high + 1) // 2
                    if self._width_of(word[:mid]) <= avail:
                        low = mid
                    else:
                        high = mid - 1
                out.append(word[:low])
                word = word[low:]
            current = word
        out.append(current)
        return out

    def _layout(self, width: float) -> list[tuple[str, float, str]]:
        avail = max(width - self.style.leftIndent - self.style.rightIndent, 20.0)
        lines = []
        for source in self.text.split("\n"):
            direction = base_direction(source)
            for logical in self._wrap_logical(shape(source), avail):
                visual = reorder(logical, direction)
                lines.append((visual, self._width_of(visual), direction))
        return lines

    # flowable protocol -------------------------------------------------------------------------
    def _part(self, lines: list[tuple[str, float, str]], first: bool, last: bool) -> BidiParagraph:
        return BidiParagraph(self.text, self.style, lines, first, last)

    def _spacing(self) -> tuple[float, float]:
        return self.style.spaceBefore, self.style.spaceAfter

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        size = style.fontSize
        y = self.height - getAscent(style.fontName, size) - (style.leading - size) / 2
        for visual, line_width, direction in self._lines or ():
            if direction == "R":
                x = self.width - style.rightIndent - line_width
            else:
                x = style.leftIndent
            canvas.setFillColor(style.textColor)
            for font, piece in font_runs(visual):
                font = font or style.fontName
                canvas.setFont(font, size)
                canvas.drawString(x, y, piece)
                x += stringWidth(piece, font, size)
            y -= style.leading
