"""Fast, plain text layout for the long parts of a summary (notes by day over years).

reportlab's ``Paragraph`` parses markup and copies style fragments for every word, which costs
about a millisecond per entry; ten years of notes would take most of a minute. A
:class:`TextBlock` takes already-clean text in *spans* (text plus bold or not), wraps it at
spaces with the fonts' metrics, splits between lines across pages, and draws each line with one
text object. Characters outside DejaVu Sans use their fallback font (:func:`.text.font_runs`);
lines with right-to-left letters are shaped and reordered after wrapping (:mod:`.bidi`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getAscent, getFont
from reportlab.platypus import Flowable

from .laid_lines import LaidLines
from .text import font_runs, has_rtl, in_family_ltr

Span = tuple[str, bool]
"""A piece of clean plain text and whether it is bold."""


@dataclass(frozen=True)
class BlockStyle:
    """Font names (regular, bold), size and leading in points, colour, indents and spacing."""

    regular: str
    bold: str
    size: float
    leading: float
    color: Color
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    bullet_font: str = ""
    widths: dict = field(default_factory=dict, compare=False, repr=False)
    """Words measured so far in this document (see :meth:`TextBlock._measured`); one style
    serves one build, so nothing of the text outlives the document."""


ADDRESS_BREAKS = ("@", "/", ".", "-", "_", "?", "&", "=")
"""Where a word too wide for its line (an e-mail or web address) may break: after these."""

_Run = tuple[str, str, float]  # text, font, width
_Line = tuple[float, list[_Run]]  # x offset, runs
_MEASURED_MAX = 50_000  # words kept measured per document (a few megabytes at most)


def _join(line: list[_Run], runs: list[_Run]) -> None:
    """Add ``runs`` to ``line``, joining a run to the one before it when the font is the same."""
    for run in runs:
        if line and line[-1][1] == run[1]:
            last = line[-1]
            line[-1] = (last[0] + run[0], last[1], last[2] + run[2])
        else:
            line.append(run)


class TextBlock(LaidLines):
    """Lines of spans (each source line starts a new printed line) with an optional bullet
    (e.g. the entry's time) drawn in the hanging indent of the first line."""

    no_lone_first_line = True  # at the foot of a page

    def __init__(self, lines: list[list[Span]], style: BlockStyle, bullet: str = "",
                 laid: list[_Line] | None = None, first: bool = True, last: bool = True) -> None:
        super().__init__(laid, first, last)
        self.source = lines
        self.style = style
        self.bullet = bullet

    # measuring -------------------------------------------------------------------------------
    def _runs(self, text: str, bold: bool) -> list[_Run]:
        family = self.style.bold if bold else self.style.regular
        size = self.style.size
        out = []
        for font, piece in font_runs(text):
            name = font or family
            out.append((piece, name, getFont(name).stringWidth(piece, size)))
        return out

    def _measured(self, piece: str, bold: bool) -> tuple[list[_Run], float]:
        """``piece``'s runs and their total width. Words come back again and again over years of
        notes, so each is measured once per document (the cache lives on the build's style)."""
        cache = self.style.widths
        found = cache.get((piece, bold))
        if found is None:
            if len(cache) > _MEASURED_MAX:
                cache.clear()
            runs = self._runs(piece, bold)
            found = cache[(piece, bold)] = (runs, sum(r[2] for r in runs))
        return found

    def _wrap_spans(self, spans: list[Span], avail: float) -> list[list[_Run]]:
        """Greedy line breaking at spaces; a word wider than a line is cut where it must be.
        Neighbouring runs in one font are joined, so a line is drawn in one piece per font."""
        lines: list[list[_Run]] = []
        line: list[_Run] = []
        used = 0.0
        for text, bold in spans:
            for index, word in enumerate(text.split(" ")):
                piece = word if index == 0 else " " + word
                if not piece:
                    continue
                runs, width = self._measured(piece, bold)
                if used + width <= avail:
                    if len(runs) == 1 and line and line[-1][1] == runs[0][1]:  # most words: inline
                        last, run = line[-1], runs[0]
                        line[-1] = (last[0] + run[0], last[1], last[2] + run[2])
                    else:
                        _join(line, runs)
                    used += width
                    continue
                if line:
                    lines.append(line)
                line, used = [], 0.0
                piece = piece.lstrip(" ")
                if not piece:
                    continue
                runs, width = self._measured(piece, bold)
                while width > avail and len(piece) > 1:
                    low, high = 1, len(piece) - 1  # the longest head that fits
                    while low < high:
                        mid = (low + high + 1) // 2
                        if sum(r[2] for r in self._runs(piece[:mid], bold)) <= avail:
                            low = mid
                        else:
                            high = mid - 1
                    # An e-mail or web address breaks after a separator, never inside a word.
                    cut = max(piece.rfind(sep, 0, low) for sep in ADDRESS_BREAKS) + 1
                    if cut > low // 4:
                        low = cut
                    lines.append(self._runs(piece[:low], bold))
                    piece = piece[low:]
                    runs = self._runs(piece, bold)
                    width = sum(r[2] for r in runs)
                line, used = [], width
                _join(line, runs)
        lines.append(line)
        return lines

    def _whole(self, spans: list[Span], avail: float) -> list[_Run] | None:
        """The source line ``spans`` as one printed line when it fits whole in ``avail`` points,
        else None. Most lines of a long journal are short (an entry's heading, its symptoms, a
        line of numbers): each span is measured in one piece, not word by word. The line is the
        one :meth:`_wrap_spans` makes of it."""
        style = self.style
        line: list[_Run] = []
        used = 0.0
        for text, bold in spans:
            if not text:
                continue
            font = style.bold if bold else style.regular
            width = getFont(font).stringWidth(text, style.size)
            used += width
            if used > avail:
                return None
            _join(line, [(text, font, width)])
        return line

    def _wrap_words(self, text: str, bold: bool, avail: float) -> list[list[_Run]] | None:
        """``text`` (one span in one font, words one space apart) broken into lines as
        :meth:`_wrap_spans` breaks it, each line found by measuring whole stretches of words
        (a binary search over where the line ends) instead of one word at a time; None when a
        word is wider than a line or the spaces are not single (those go word by word)."""
        if "  " in text or text.startswith(" ") or text.endswith(" "):
            return None
        font = self.style.bold if bold else self.style.regular
        measure, size = getFont(font).stringWidth, self.style.size
        words = text.split(" ")
        starts, ends, at = [], [], 0
        for word in words:
            starts.append(at)
            at += len(word)
            ends.append(at)
            at += 1
        lines: list[list[_Run]] = []
        first, last = 0, len(words) - 1
        while first <= last:
            head = text[starts[first]:]
            width = measure(head, size)
            if width <= avail:  # the rest fits
                lines.append([(head, font, width)])
                break
            if measure(words[first], size) > avail:
                return None
            fits, over = first, last  # the line ends after word ``fits``, before word ``over``
            while over - fits > 1:
                middle = (fits + over) // 2
                if measure(text[starts[first]:ends[middle]], size) <= avail:
                    fits = middle
                else:
                    over = middle
            line = text[starts[first]:ends[fits]]
            lines.append([(line, font, measure(line, size))])
            first = fits + 1
        return lines

    def _layout(self, width: float) -> list[_Line]:
        from .bidi import base_direction, reorder, shape

        avail = max(width - self.style.left_indent, 20.0)
        laid: list[_Line] = []
        for spans in self.source:
            plain = "".join(t for t, _ in spans)
            if in_family_ltr(plain):  # most lines: one font, left to right
                whole = self._whole(spans, avail)
                if whole is None and len(spans) == 1:
                    wrapped = self._wrap_words(spans[0][0], spans[0][1], avail)
                    if wrapped is not None:
                        laid += [(self.style.left_indent, runs) for runs in wrapped]
                        continue
                if whole is not None:
                    laid.append((self.style.left_indent, whole))
                    continue
            elif has_rtl(plain):
                direction = base_direction(plain)
                bold = any(b for _, b in spans)
                for runs in self._wrap_spans([(shape(plain), bold)], avail):
                    visual = reorder("".join(r[0] for r in runs), direction)
                    vis_runs = self._runs(visual, bold)
                    line_w = sum(r[2] for r in vis_runs)
                    x = width - line_w if direction == "R" else self.style.left_indent
                    laid.append((x, vis_runs))
                continue
            for runs in self._wrap_spans(spans, avail):
                laid.append((self.style.left_indent, runs))
        return laid

    # flowable protocol -------------------------------------------------------------------------
    def _part(self, lines: list[_Line], first: bool, last: bool) -> TextBlock:
        # the bullet (the entry's time) belongs to the block's first line only
        return TextBlock(self.source, self.style, self.bullet if first else "", lines, first, last)

    def _spacing(self) -> tuple[float, float]:
        return self.style.space_before, self.style.space_after

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab's names
        """What ``Flowable.drawOn`` writes (save the graphics state, move to ``x``, ``y``, draw,
        restore), without copying and restoring reportlab's own record of the canvas state each
        time: :meth:`draw` changes none of it (its colour, fonts and positions live in its own
        text object), and ten years of notes are tens of thousands of blocks."""
        if getattr(self, "_showBoundary", None):  # reportlab's layout debugging: its own way
            super().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        canvas._code.append("q")
        canvas._code.append("%s cm" % fp_str(1, 0, 0, 1, x, y))
        self._drawOn(canvas)
        canvas._code.append("Q")

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        y = self.height - getAscent(style.regular, style.size) - (style.leading - style.size) / 2
        text = canvas.beginText()
        text.setFillColor(style.color)
        if self.bullet:
            text.setTextOrigin(0, y)
            text.setFont(style.bullet_font or style.bold, style.size)
            text.textOut(self.bullet)
        font, face = "", None
        selects: dict = {}
        for x, runs in self._lines or ():
            text.setTextOrigin(x, y)
            for piece, run_font, width in runs:  # one piece per font: most lines are one piece
                if run_font != font:
                    font, face = run_font, getFont(run_font)
                    text.setFont(font, style.size)
                _text_out(text, face, piece, width, selects)
            y -= style.leading
        canvas.drawText(text)


def _text_out(text, face, piece: str, width: float, selects: dict | None = None) -> None:
    """``text.textOut(piece)`` in the TrueType ``face`` (the text object's current font), with
    ``piece``'s width already measured: the same operators, written without reportlab's
    generic path (which measures the piece again and checks for shaped text), because a long
    summary draws about a hundred thousand pieces. Lines are placed with ``setTextOrigin``,
    so the cursor moved by the known width is never what places text. ``selects`` keeps the
    font-selecting operators written so far in this text object (a line of bold and regular
    pieces selects its fonts again and again)."""
    if not face._dynamicFont:
        text.textOut(piece)
        return
    doc = text._canvas._doc
    escape = text._canvas._escape
    selects = {} if selects is None else selects
    ops = []
    for subset, encoded in face.splitString(piece, doc):
        if subset != text._curSubset:
            key = (face.fontName, subset, text._fontsize, text._leading)
            select = selects.get(key)
            if select is None:
                select = selects[key] = (f"{face.getSubsetInternalName(subset, doc)} {fp_str(text._fontsize)} Tf "
                                         f"{fp_str(text._leading)} TL")
            ops.append(select)
            text._curSubset = subset
        ops.append(f"({escape(encoded)}) Tj")
    text._code.append(" ".join(ops))
    text._x += width


class DayBand(Flowable):
    """A day's heading: bold text on a light band across the column."""

    def __init__(self, text: str, font: str, size: float, color: Color, band: Color,
                 space_before: float = 9.0, space_after: float = 3.0, pad: float = 2.5) -> None:
        super().__init__()
        self.text, self.font, self.size = text, font, size
        self.color, self.band = color, band
        self.space_before, self.space_after, self.pad = space_before, space_after, pad

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * 1.25 + 2 * self.pad
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.space_after

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.band)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(self.color)
        canvas.setFont(self.font, self.size)
        canvas.drawString(4, self.pad + self.size * 0.3, self.text)
        canvas.restoreState()
