"""Turning user text into safe reportlab Paragraph markup.

Every piece of text a user typed (names, labels, symptoms, tags, notes) goes through this module
before it reaches a reportlab ``Paragraph``:

1. :func:`clean_text` makes it printable: Unicode NFC; every line ending becomes ``\\n``;
   invisible format characters (zero-width spaces, variation selectors, bidi controls, soft
   hyphens) and control characters are dropped, but the zero-width non-joiner and joiner stay
   (Persian and Urdu words need them through Arabic shaping); unusual spaces become ordinary
   ones; an emoji or symbol no font can draw prints as its Unicode short name in colons
   (``:grinning face:``); any other character that neither DejaVu Sans nor a fallback font on
   this computer can draw (see :mod:`.fonts`), lone surrogates, private use and the rest outside
   the Basic Multilingual Plane become the visible marker :data:`MISSING_GLYPH` instead of a
   silent black box.
2. :func:`escape` escapes ``&``, ``<``, ``>`` and ``"`` so the text is never read as markup.
3. :func:`markup` does both, puts each run of characters in the font that has them, turns line
   breaks into ``<br/>``, and lays out right-to-left labels in display order.
4. :func:`note_paragraphs` splits a long note into several bounded paragraphs, so no single
   flowable can grow taller than a page and layout stays fast. Notes with Hebrew or Arabic are
   laid out line by line with the Unicode bidirectional algorithm (:mod:`.bidi`).

Long unbroken strings (URLs, pasted hashes) need no extra characters: the paragraph styles keep
reportlab's ``splitLongWords`` on, which breaks a word that is wider than its line at the line's
edge, without adding hyphens or spaces (so copied text stays intact).

Why astral-plane characters are replaced even where a font has a glyph (e.g. some emoticons):
reportlab writes their ToUnicode entries as malformed hex, so the PDF's text would neither copy
nor search correctly and strict readers warn. A visible marker is the honest choice.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from .fonts import fallback_font_for, register_fonts

MISSING_GLYPH = "[?]"
"""Printed in place of each character no available font can draw."""

NOTE_CHUNK_CHARS = 1200
"""Most characters of a note one paragraph holds (a note longer than this becomes several)."""

NOTE_CHUNK_LINES = 30
"""Most source lines one paragraph holds."""

_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n",
                "\x0c": "\n", "\x85": "\n"}
_KEEP_SPACES = {" ", "\xa0"}
_RTL_CLASSES = {"R", "AL"}


@functools.lru_cache(maxsize=8192)
def _font_of(char: str) -> str | None:
    """Which font draws ``char``: ``""`` for the report family (regular and bold), a font name
    for a fallback (or DejaVu's regular-only alias), None when nothing can."""
    fonts = register_fonts()
    code = ord(char)
    if code in fonts.codepoints:
        return ""
    if code in fonts.regular_only:
        return fonts.plain
    return fallback_font_for(char)


@functools.lru_cache(maxsize=8192)
def _printable(char: str) -> str:
    """What one character becomes on paper: itself, a space, nothing, or the marker."""
    if char == "\n" or char in _KEEP_SPACES:
        return char
    if char == "\t":
        return " "
    code = ord(char)
    category = unicodedata.category(char)
    if code > 0xFFFF:
        return _short_name(char) if category == "So" else MISSING_GLYPH
    if char in _JOINERS:
        return char  # zero-width: keeps Persian/Urdu words apart (ZWNJ) through Arabic shaping
    if category in ("Cc", "Cf"):  # controls; soft hyphen, zero-width space, bidi marks, BOM
        return ""
    if 0xFE00 <= code <= 0xFE0F:  # variation selectors (e.g. emoji presentation)
        return ""
    if category == "Zs":
        return "\xa0" if code == 0x202F else " "
    if category in ("Cs", "Co", "Cn"):
        return MISSING_GLYPH
    if _font_of(char) is not None:
        return char
    return _short_name(char) if category == "So" else MISSING_GLYPH


_JOINERS = ("\u200c", "\u200d")
"""Zero-width non-joiner and joiner: kept, so Arabic-script shaping sees where letters must not
(or must) join; DejaVu Sans draws both as nothing."""


def _short_name(char: str) -> str:
    """An emoji or symbol no shipped font can draw, as its Unicode short name in colons
    (``":grinning face:"``), so the meaning survives on paper."""
    name = unicodedata.name(char, "")
    return f":{name.lower()}:" if name else MISSING_GLYPH


def forget_cached_characters() -> None:
    """Forget which font draws which character (after the fallback fonts changed)."""
    _font_of.cache_clear()
    _printable.cache_clear()


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


def font_runs(plain: str) -> list[tuple[str, str]]:
    """Split cleaned ``plain`` text into ``(font, text)`` runs: ``""`` is the report family, any
    other value a registered font name. Spaces and line breaks join the run they are in."""
    if plain.isascii():
        return [("", plain)] if plain else []
    runs: list[tuple[str, str]] = []
    current, start = "", 0
    for i, ch in enumerate(plain):
        if ch in " \n\xa0":
            continue
        font = _font_of(ch) or ""
        if font != current:
            if i > start:
                runs.append((current, plain[start:i]))
            current, start = font, i
    if len(plain) > start:
        runs.append((current, plain[start:]))
    return runs


_family_ltr: frozenset[str] | None = None


def in_family_ltr(plain: str) -> bool:
    """True when every character of cleaned ``plain`` prints in the report family itself and
    none is right-to-left: :func:`font_runs` gives it as one run in ``""`` (no fallback font, no
    regular-only glyph) and :func:`has_rtl` is False. Looked up in C, a whole line at a time."""
    if plain.isascii():
        return True
    global _family_ltr
    if _family_ltr is None:
        family = {chr(code) for code in register_fonts().codepoints} | {" ", "\n", "\xa0"}
        _family_ltr = frozenset(ch for ch in family if not is_rtl_char(ch))
    return _family_ltr.issuperset(plain)


def escape_runs(plain: str) -> str:
    """Escape cleaned ``plain`` text and wrap each run that needs another font in a
    ``<font face>`` tag."""
    if plain.isascii():
        return escape(plain)
    return "".join(escape(t) if not f else f'<font face="{f}">{escape(t)}</font>' for f, t in font_runs(plain))


def is_rtl_char(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL_CLASSES


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter (Hebrew, Arabic, …)."""
    # Each distinct character once: a long line holding one "·" is not looked up letter by letter.
    return not text.isascii() and any(is_rtl_char(ch) for ch in set(text) if not ch.isascii())


def shorten(text: str, max_chars: int) -> str:
    """Cut plain ``text`` to at most ``max_chars`` characters, ending with "…" when cut. The cut
    falls between words (a word is split only when one word alone is longer than the limit)."""
    if len(text) <= max_chars:
        return text
    cut = text[: max(max_chars - 1, 0)]
    space = cut.rfind(" ")
    if space > max_chars // 3 and not text[len(cut)].isspace():
        cut = cut[:space]
    return cut.rstrip() + "…"


def markup(text: object, *, line_breaks: bool = True, max_chars: int | None = None) -> str:
    """Clean and escape user ``text`` into Paragraph markup.

    With ``line_breaks`` each line break becomes ``<br/>``; without, line breaks become spaces
    (for one-line labels such as names and tags). ``max_chars`` shortens the cleaned text (with
    "…") so a table cell stays small; use it only for labels, never for notes. Lines holding
    right-to-left letters are put in display order (a short label reads right; long right-to-left
    notes go through :func:`note_paragraphs`, which reorders each printed line).
    """
    plain = clean_text(text)
    if not line_breaks:
        plain = " ".join(plain.split("\n"))
    if max_chars is not None:
        plain = shorten(plain.strip(), max_chars)
    if has_rtl(plain):
        from .bidi import visual_line

        plain = "\n".join(visual_line(line) for line in plain.split("\n"))
    escaped = escape_runs(plain)
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
                    max_lines: int = NOTE_CHUNK_LINES) -> list[Flowable]:
    """The note ``text`` as one or more flowables in ``style`` with its line breaks kept.

    Each holds at most ``max_chars`` characters and ``max_lines`` lines, so none can outgrow a
    page. A piece with right-to-left letters becomes a :class:`~.bidi.BidiParagraph`. Returns
    ``[]`` for an empty note.
    """
    out: list[Flowable] = []
    for chunk in note_chunks(text, max_chars=max_chars, max_lines=max_lines):
        if has_rtl(chunk):
            from .bidi import BidiParagraph

            out.append(BidiParagraph(chunk, style))
        else:
            out.append(Paragraph(escape_runs(chunk).replace("\n", "<br/>"), style))
    return out
