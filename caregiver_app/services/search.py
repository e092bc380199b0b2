"""Finding entries: full-text search over notes (SQLite FTS5, inside the encrypted database) with
filters. (Jumping the journal list to a date or an entry is :mod:`caregiver_app.services.journal`.)

Any text a user types is safe to search: it is split into words and each word is quoted before it
reaches FTS5, so quotes, brackets, ``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``^`` and ``:`` are
just characters. Every word must appear.

Two ways of finding a word, chosen per word:

* Words of languages that put spaces between words are looked up in the word index: each also
  matches longer words that start with it (``walk`` finds ``walked`` and ``walking``; English word
  endings are matched by the Porter stemmer).
* Words in a script written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
  Myanmar; Korean too, whose endings join the word) and words of Arabic and Hebrew (which join
  "the", "and", "with" to the front of a word) are found anywhere inside the note: three
  characters or more through the trigram index, one or two (头痛, "headache") by reading the
  notes the filters leave. Their excerpts are cut and marked here rather than by FTS5.

When the word index finds nothing and every word has three characters or more, the words are
looked for inside longer words (``schmerz`` finds ``Kopfschmerzen``) and the result says so
(:attr:`SearchResult.inside_words`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ..i18n import _
from ..domain.copying import same_fields
from ..domain.errors import ValidationError
from ..domain.model import MoodLevel, Recorder, RecorderKind, Tag, clean_label
from ..storage.repos import search as rs
from .vault import Vault, session_of

MAX_TERMS = 12
MAX_RESULTS = 200
MAX_LIMIT = 5000  # "Show more" stops here; a filter is the better way past it
TRIGRAM_MIN = 3  # the trigram index cannot match fewer characters
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x1780, 0x17FF),  # Khmer
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)


def _is_word_char(char: str) -> bool:
    # Letters, digits and marks: Thai and Hindi vowel signs are marks and belong inside the word.
    return unicodedata.category(char)[0] in "LNM"


def _is_variation_selector(char: str) -> bool:
    # U+FE0F after ❤ or ☀ asks for the emoji picture: a mark that belongs to no letter.
    return 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF


def _words(text: str) -> list[str]:
    words, current = [], []
    for char in text:
        if _is_variation_selector(char):
            continue
        if _is_word_char(char) and (current or unicodedata.category(char)[0] != "M"):
            # A mark joins the letter before it; one after an emoji or a space is no word.
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def search_terms(text: str) -> tuple[str, ...]:
    """The words of ``text`` that search looks for (letters, digits and the marks written on
    them; everything else separates words), at most :data:`MAX_TERMS`, without repeats."""
    # lower(), not casefold(): the index's unicode61 tokenizer lowercases and keeps "ß", so a
    # casefolded "strasse" never met the indexed "straße".
    words = dict.fromkeys(w.lower() for w in _words(text or ""))
    return tuple(words)[:MAX_TERMS]


_JOINED_IN_FRONT = (
    (0x0590, 0x05FF),  # Hebrew
    (0x0600, 0x06FF),  # Arabic (also Persian and Urdu)
    (0x0750, 0x077F),  # Arabic supplement
    (0x08A0, 0x08FF),  # Arabic extended-A
    (0xFB1D, 0xFB4F),  # Hebrew presentation forms
    (0xFB50, 0xFDFF),  # Arabic presentation forms A
    (0xFE70, 0xFEFF),  # Arabic presentation forms B
)


def found_inside_words(term: str) -> bool:
    """True when ``term`` is looked for anywhere inside the note rather than in the word index:
    a script written without spaces (:func:`written_without_spaces`), or Arabic and Hebrew,
    which join "the", "and", "with" and "in" to the front of the next word (الصداع "the
    headache", بصداع "with a headache", הכאב "the pain")."""
    return written_without_spaces(term) or any(low <= ord(c) <= high for c in term for low, high in _JOINED_IN_FRONT)


def words_left_out(text: str) -> int:
    """How many different words of ``text`` search leaves out (past the first :data:`MAX_TERMS`)."""
    return max(0, len(dict.fromkeys(w.lower() for w in _words(text or ""))) - MAX_TERMS)


def written_without_spaces(term: str) -> bool:
    """True when ``term`` has a character of a script written without spaces between words
    (Chinese, Japanese, Korean, Thai, Lao, Khmer, Myanmar, Tibetan): such a word is looked for
    inside the sentence, not as a word of its own."""
    return any(low <= ord(c) <= high for c in term for low, high in _UNSPACED)


def match_expression(text: str) -> str | None:
    """The FTS5 query for ``text``: every word quoted, as a prefix, all required. None when the
    text has no words (then only the filters apply)."""
    return _prefix_expression(search_terms(text))


def _spellings(term: str) -> tuple[str, ...]:
    """``term`` and its other German spelling: "ß" is written "ss" in Switzerland and by anyone
    without the key (Strasse, Fuss), and the indexes keep the two apart."""
    if "ß" in term:
        return term, term.replace("ß", "ss")
    if "ss" in term:
        return term, term.replace("ss", "ß")
    return (term,)


def _either(quoted: list[str]) -> str:
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def _all_of(parts: list[str]) -> str | None:
    # FTS5 takes "a b" for "a AND b", but not beside a bracket: "(a OR b) c" is a syntax error.
    return (" AND " if any(p.startswith("(") for p in parts) else " ").join(parts) or None


def _prefix_expression(terms) -> str | None:
    return _all_of([_either([f'"{s}"*' for s in _spellings(t)]) for t in terms])


def _inside_spellings(term: str) -> tuple[str, ...]:
    """The spellings of ``term`` looked for inside notes: composed, as keyboards type it, and
    decomposed (NFD: 두 as the jamo ᄃ + ᅮ, が as か + the voicing mark), as text pasted from a Mac
    file name or some imports is stored."""
    return tuple(dict.fromkeys(f(s) for s in _spellings(term) for f in (_composed, _decomposed)))


def _composed(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _trigram_expression(terms) -> str | None:
    # Terms hold letters, digits and marks only, so quoting cannot be escaped from.
    return _all_of([_either([f'"{s}"' for s in _inside_spellings(t)]) for t in terms])


@dataclass(frozen=True)
class SearchQuery:
    """What to look for. ``text`` is whatever the user typed; ``person_id`` None means everyone;
    ``recorded_by`` None means anyone; ``symptom`` names a symptom rated above 0; ``start`` and
    ``end`` are local calendar dates (inclusive). ``best_first`` orders by how well the note
    matches instead of newest first."""

    text: str = ""
    person_id: int | None = None
    recorded_by: RecorderKind | None = None
    tag: Tag | None = None
    symptom: str = ""
    flagged_only: bool = False
    start: date | None = None
    end: date | None = None
    best_first: bool = False
    limit: int = MAX_RESULTS

    @property
    def has_filters(self) -> bool:
        return any(
            (self.recorded_by, self.tag, clean_label(self.symptom), self.flagged_only, self.start, self.end)
        )


@dataclass(frozen=True)
class SearchHit:
    """One entry found. ``excerpt`` is the part of the note around the matching words as
    ``(text, is_match)`` pieces (the whole start of the note when no words were searched)."""

    entry_id: int
    person_id: int
    person_name: str
    local_date: date
    occurred_at: datetime
    zone_name: str
    recorded_by: Recorder
    mood: MoodLevel | None
    flagged: bool
    excerpt: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class SearchResult:
    """Up to ``query.limit`` hits and how many entries matched in all."""

    hits: tuple[SearchHit, ...]
    total: int
    terms: tuple[str, ...]
    inside_words: bool = False
    """True when no note had the words on their own and these notes have them inside longer words."""

    @property
    def truncated(self) -> bool:
        return self.total > len(self.hits)


def excerpt_pieces(raw: str) -> tuple[tuple[str, bool], ...]:
    """Split an FTS5 snippet (matches between the markers of ``storage.repos.search``) into
    ``(text, is_match)`` pieces; line breaks become spaces."""
    pieces: list[tuple[str, bool]] = []
    flat = raw.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    for i, part in enumerate(flat.split(rs.MATCH_OPEN)):
        if i == 0:
            if part:
                pieces.append((part, False))
            continue
        match, _unused, rest = part.partition(rs.MATCH_CLOSE)
        if match:
            pieces.append((match, True))
        if rest:
            pieces.append((rest, False))
    return tuple(pieces)


def search(vault: Vault, query: SearchQuery) -> SearchResult:
    """Entries matching ``query``, newest first (or best match first). Never raises for odd
    text; raises :class:`ValidationError` for an end date before the start date."""
    if query.start is not None and query.end is not None and query.end < query.start:
        raise ValidationError(_("The end date is before the start date. Please swap them."))
    symptom = clean_label(query.symptom)
    filters = rs.SearchFilters(
        person_id=query.person_id,
        recorder_kind=query.recorded_by.value if query.recorded_by is not None else None,
        tag=(query.tag.name, query.tag.kind.value) if query.tag is not None else None,
        symptom_key=symptom.casefold() if symptom else None,
        flagged_only=query.flagged_only,
        start=query.start,
        end=query.end,
    )
    terms = search_terms(query.text)
    if not terms and (query.text or "").strip():
        # Only signs or emoji were typed: nothing can match them, and the filters alone would
        # answer with every entry as if the box were empty.
        return SearchResult((), 0, ())
    limit = max(1, min(query.limit, MAX_LIMIT))
    words = [t for t in terms if not found_inside_words(t)]
    inside = [t for t in terms if found_inside_words(t)]
    with session_of(vault) as s:
        if not inside:
            match = _prefix_expression(words)
            rows, total = rs.search_entries(s, match, filters, limit=limit, best_first=query.best_first)
            if total or not words or min(map(len, words)) < TRIGRAM_MIN:
                return SearchResult(tuple(_hit(r, bool(match)) for r in rows), total, terms)
            words, inside, found_inside = [], list(words), True  # look inside longer words
        else:
            found_inside = False
        inside = [_composed(t) for t in inside]  # a typed NFD word has its composed length
        rows, total = rs.search_inside(
            s, _prefix_expression(words), _trigram_expression([t for t in inside if len(t) >= TRIGRAM_MIN]),
            [_inside_spellings(t) for t in inside if len(t) < TRIGRAM_MIN], filters, limit=limit,
            best_first=query.best_first,
        )
    spellings = [v for t in inside for v in _inside_spellings(t)]
    hits = tuple(_hit(r, False, note_excerpt(r.excerpt, spellings)) for r in rows)
    return SearchResult(hits, total, terms, inside_words=found_inside and total > 0)


def _hit(row: rs.SearchRow, matched: bool, pieces: tuple[tuple[str, bool], ...] | None = None) -> SearchHit:
    recorder = Recorder.stored(row.recorder_kind, row.recorder_name)
    if pieces is None:
        pieces = excerpt_pieces(row.excerpt) if matched else ((" ".join(row.excerpt.split()), False),)
    return same_fields(
        SearchHit, row,
        recorded_by=recorder,
        mood=MoodLevel(row.mood) if row.mood is not None else None,
        excerpt=tuple(p for p in pieces if p[0]),
    )


EXCERPT_BEFORE = 40  # characters of context before the first match
EXCERPT_CHARS = 240  # characters of the note shown in all


def _fold(text: str) -> tuple[str, Sequence[int]]:
    """``text`` lowercased with accents dropped from Latin letters (as the trigram index compares
    them), and for each folded character the index of the character of ``text`` it came from."""
    lower = text.lower()
    if len(lower) == len(text) and unicodedata.is_normalized("NFD", lower):
        return lower, range(len(text))  # nothing to drop: most notes, and every Chinese, Japanese or Thai one
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        lower = char.lower()
        parts = unicodedata.normalize("NFD", lower)
        if len(parts) > 1 and not unicodedata.combining(parts[0]) and ord(parts[0]) < 0x250:
            lower = "".join(c for c in parts if not unicodedata.combining(c))
        folded.append(lower)
        origin.extend([i] * len(lower))
    return "".join(folded), origin


def _marked_spans(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without the match markers of ``storage.repos.search``, and the spans they marked."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    for i, part in enumerate(text.split(rs.MATCH_OPEN)):
        match, closed, rest = part.partition(rs.MATCH_CLOSE) if i else ("", "", part)
        if closed:
            spans.append((size, size + len(match)))
        else:
            match, rest = "", match + rest
        plain += [match, rest]
        size += len(match) + len(rest)
    return "".join(plain), spans


def note_excerpt(note: str, inside: list[str]) -> tuple[tuple[str, bool], ...]:
    """The part of ``note`` around its first match as ``(text, is_match)`` pieces, at most
    :data:`EXCERPT_CHARS` characters with "…" where it is cut. ``inside`` are found anywhere in
    the note; words already marked in ``note`` (by the word index's ``highlight()``) stay marked.
    Line breaks become spaces."""
    flat, spans = _marked_spans(" ".join(note.split()))
    folded, origin = _fold(flat)
    for term in inside:
        needle, _unused = _fold(term)
        at = folded.find(needle) if needle else -1
        while at >= 0:
            spans.append((origin[at], origin[at + len(needle) - 1] + 1))
            at = folded.find(needle, at + 1)
    spans.sort()
    merged: list[list[int]] = []
    for first, last in spans:
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    begin = max(0, merged[0][0] - EXCERPT_BEFORE) if merged else 0
    if begin:
        space = flat.rfind(" ", max(0, begin - 12), begin + 12)  # start at a word in languages with spaces
        begin = space + 1 if space >= 0 and (not merged or space < merged[0][0]) else begin
    end = min(len(flat), begin + EXCERPT_CHARS)
    pieces: list[tuple[str, bool]] = [("…", False)] if begin else []
    at = begin
    for first, last in merged:
        if last <= begin or first >= end:
            continue
        first, last = max(first, begin), min(last, end)
        pieces += [(flat[at:first], False), (flat[first:last], True)]
        at = last
    pieces.append((flat[at:end], False))
    if end < len(flat):
        pieces.append(("…", False))
    return tuple(p for p in pieces if p[0])
