"""Turning user text into safe reportlab Paragraph markup.

Every piece of text a user typed (names, labels, symptoms, tags, notes) goes through this module
before it reaches a reportlab ``Paragraph``:

1. :func:`clean_text` makes it printable: Unicode NFC; every line ending becomes ``\\n``;
   invisible format characters (zero-width spaces and joiners, variation selectors, bidi
   controls, soft hyphens) and control characters are dropped; unusual spaces become ordinary
   ones; any character the report fonts cannot draw (CJK, most emoji, lone surrogates, private
   use, and everything outside the Basic Multilingual Plane) becomes the visible marker
   :data:`MISSING_GLYPH` instead of a silent black box.
2. :func:`escape` escapes ``&``, ``<``, ``>`` and ``"`` so the text is never read as markup.
3. :func:`markup` does both and turns line breaks into ``<br/>``.
4. :func:`note_paragraphs` splits a long note into several bounded paragraphs, so no single
   flowable can grow taller than a page and layout stays fast.

Long unbroken strings (URLs, pasted hashes) need no extra characters: the paragraph styles made
here keep reportlab's ``splitLongWords`` on, which breaks a word that is wider than its line at
the line's edge, without adding hyphens or spaces (so copied text stays intact).

Why astral-plane characters are replaced even where DejaVu has a glyph (e.g. some emoticons):
reportlab 5 writes their ToUnicode entries as malformed hex, so the PDF's text would neither copy
nor search correctly and strict readers warn. A visible marker is the honest choice.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .fonts import register_fonts

MISSING_GLYPH = "[?]"
"""Printed in place of each character the report fonts cannot draw."""

NOTE_CHUNK_CHARS = 1200
"""Most characters of a note one paragraph holds (a note longer than this becomes several)."""

NOTE_CHUNK_LINES = 30
"""Most source lines one paragraph holds."""

_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n",
                "\x0c": "\n", "\x85": "\n"}
_KEEP_SPACES = {" ", "\xa0"}


@functools.lru_cache(maxsize=4096)
def _printable(char: str) -> str:
    """What one character becomes on paper: itself, a space, nothing, or the marker."""
    if char == "\n" or char in _KEEP_SPACES:
        return char
    if char == "\t":
        return " "
    code = ord(char)
    if code > 0xFFFF:
        return MISSING_GLYPH
    category = unicodedata.category(char)
    if category == "Cc":
        return ""
    if category == "Cf":  # soft hyphen, zero-width space/joiners, bidi marks, BOM
        return ""
    if 0xFE00 <= code <= 0xFE0F:  # variation selectors (e.g. emoji presentation)
        return ""
    if category == "Zs":
        return "\xa0" if code == 0x202F else " "
    if category in ("Cs", "Co", "Cn"):
        return MISSING_GLYPH
    return char if register_fonts().covers(char) else MISSING_GLYPH


def clean_text(text: object) -> str:
    """Return ``text`` as plain text every character of which prints (see the module notes).

    Accepts anything; non-strings are converted with ``str``. Line breaks are kept as ``\\n``.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    for old, new in _LINE_BREAKS.items():
        if old in text:
            text = text.replace(old, new)
    try:
        text = unicodedata.normalize("NFC", text)
    except (UnicodeError, ValueError):  # pragma: no cover - lone surrogates normalise fine today
        pass
    if text.isascii() and text.isprintable():
        return text
    return "".join(_printable(ch) for ch in text)


def escape(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and ``"`` for reportlab's Paragraph markup (no cleaning)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def shorten(text: str, max_chars: int) -> str:
    """Cut plain ``text`` to at most ``max_chars`` characters, ending with "…" when cut."""
    if len(text) <= max_chars:
        return text
    return text[: max(max_chars - 1, 0)].rstrip() + "…"


def markup(text: object, *, line_breaks: bool = True, max_chars: int | None = None) -> str:
    """Clean and escape user ``text`` into Paragraph markup.

    With ``line_breaks`` each line break becomes ``<br/>``; without, line breaks become spaces
    (for one-line labels such as names and tags). ``max_chars`` shortens the cleaned text (with
    "…") so a table cell stays small; use it only for labels, never for notes.
    """
    plain = clean_text(text)
    if not line_breaks:
        plain = " ".join(plain.split("\n"))
    if max_chars is not None:
        plain = shorten(plain.strip(), max_chars)
    escaped = escape(plain)
    return escaped.replace("\n", "<br/>") if line_breaks else escaped


def _split_long_line(line: str, limit: int) -> Iterator[str]:
    """Cut one long line into pieces of at most ``limit`` characters, at a space if one is near.

    A run with no space near the limit (a pasted URL) may take up to twice ``limit`` in one
    piece, so a 2,000-character link stays one paragraph instead of breaking off mid-line.
    """
    while len(line) > limit:
        cut = line.rfind(" ", limit - limit // 4, limit)
        if cut <= 0:
            cut = line.find(" ", limit, 2 * limit)
            if cut <= 0:
                cut = min(len(line), 2 * limit)
        if cut >= len(line):
            break
        yield line[:cut]
        line = line[cut:].lstrip(" ")
    yield line


def note_chunks(
    text: object, *, max_chars: int = NOTE_CHUNK_CHARS, max_lines: int = NOTE_CHUNK_LINES
) -> list[str]:
    """Split a note into pieces of plain, cleaned text, each at most ``max_chars`` characters
    (twice that for one unbroken run such as a URL) and ``max_lines`` lines, breaking between
    lines where possible, else at a space. Leading and trailing blank lines are dropped; an empty
    note gives ``[]``."""
    plain = clean_text(text).strip("\n ")
    if not plain.strip():
        return []
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for raw_line in plain.split("\n"):
        for line in _split_long_line(raw_line.rstrip(" "), max_chars):
            if current and (size + len(line) > max_chars or len(current) >= max_lines):
                chunks.append("\n".join(current))
                current, size = [], 0
            current.append(line)
            size += len(line) + 1
    if current:
        chunks.append("\n".join(current))
    # A chunk may start or end with blank lines where a split fell; trim them.
    return [c.strip("\n") for c in chunks if c.strip()]


def note_paragraphs(text: object, style: ParagraphStyle, *, max_chars: int = NOTE_CHUNK_CHARS,
                    max_lines: int = NOTE_CHUNK_LINES) -> list[Paragraph]:
    """The note ``text`` as one or more Paragraphs in ``style`` with its line breaks kept.

    Each paragraph holds at most ``max_chars`` characters and ``max_lines`` lines, so none can
    outgrow a page. Returns ``[]`` for an empty note.
    """
    return [Paragraph(escape(chunk).replace("\n", "<br/>"), style)
            for chunk in note_chunks(text, max_chars=max_chars, max_lines=max_lines)]
