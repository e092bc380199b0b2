"""Finding entries: full-text search over notes (SQLite FTS5, inside the encrypted database) with
filters. (Jumping the journal list to a date or an entry is :mod:`caregiver_app.services.journal`.)

Any text a user types is safe to search: it is split into words and each word is quoted before it
reaches FTS5, so quotes, brackets, ``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``^`` and ``:`` are
just characters. Every word must appear; each also matches longer words that start with it
(``walk`` finds ``walked`` and ``walking``; English word endings are matched by the Porter
stemmer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from ..domain.copying import same_fields
from ..domain.errors import ValidationError
from ..domain.model import MoodLevel, Recorder, RecorderKind, Tag, clean_label
from ..storage.repos import search as rs
from .vault import Vault, session_of

MAX_TERMS = 12
MAX_RESULTS = 200
MAX_LIMIT = 5000  # "Show more" stops here; a filter is the better way past it
_WORD = re.compile(r"[^\W_]+")


def search_terms(text: str) -> tuple[str, ...]:
    """The words of ``text`` that search looks for (letters and digits; everything else
    separates words), at most :data:`MAX_TERMS`, without repeats."""
    # lower(), not casefold(): the index's unicode61 tokenizer lowercases and keeps "ß", so a
    # casefolded "strasse" never met the indexed "straße".
    words = dict.fromkeys(w.lower() for w in _WORD.findall(text or ""))
    return tuple(words)[:MAX_TERMS]


def match_expression(text: str) -> str | None:
    """The FTS5 query for ``text``: every word quoted, as a prefix, all required. None when the
    text has no words (then only the filters apply)."""
    terms = search_terms(text)
    if not terms:
        return None
    return " ".join(f'"{t}"*' for t in terms)


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
        match, _, rest = part.partition(rs.MATCH_CLOSE)
        if match:
            pieces.append((match, True))
        if rest:
            pieces.append((rest, False))
    return tuple(pieces)


def search(vault: Vault, query: SearchQuery) -> SearchResult:
    """Entries matching ``query``, newest first (or best match first). Never raises for odd
    text; raises :class:`ValidationError` for an end date before the start date."""
    if query.start is not None and query.end is not None and query.end < query.start:
        raise ValidationError("The end date is before the start date. Please swap them.")
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
    match = match_expression(query.text)
    if match is None and (query.text or "").strip():
        # Only signs or emoji were typed: nothing can match them, and the filters alone would
        # answer with every entry as if the box were empty.
        return SearchResult((), 0, ())
    limit = max(1, min(query.limit, MAX_LIMIT))
    with session_of(vault) as s:
        rows, total = rs.search_entries(s, match, filters, limit=limit, best_first=query.best_first)
    hits = tuple(_hit(r, bool(match)) for r in rows)
    return SearchResult(hits, total, search_terms(query.text))


def _hit(row: rs.SearchRow, matched: bool) -> SearchHit:
    recorder = Recorder.stored(row.recorder_kind, row.recorder_name)
    excerpt = excerpt_pieces(row.excerpt) if matched else ((" ".join(row.excerpt.split()), False),)
    return same_fields(
        SearchHit, row,
        recorded_by=recorder,
        mood=MoodLevel(row.mood) if row.mood is not None else None,
        excerpt=tuple(p for p in excerpt if p[0]),
    )
