"""Read Daylio CSV exports into plain, validated rows.

This module is pure: standard library plus :mod:`caregiver_app.domain`; no Qt, no database. It
turns the bytes of a Daylio "Export entries → CSV" file into :class:`DaylioRow` objects and
reports, per line, what could not be read. Turning rows into journal entries (time zones, the
mood-level mapping chosen by the user, storage) is the import service's job.

Conventions
-----------
* Every datetime produced here is **naive local wall-clock time**, exactly as written in the file
  (Daylio stores no time zone). Attaching a zone is the caller's decision.
* Line numbers are 1-based physical lines of the file, counting ``\\n``, ``\\r\\n``, ``\\r\\r\\n``
  and a lone ``\\r`` each as one line end. A record whose note spans lines is reported at the
  line where it starts.
* Skip reasons and error messages are plain words and never contain the text of a row (notes,
  moods and activities are health data).

What is handled
---------------
* Layouts, detected from the header: ``year`` (``year,date,weekday,time,mood,activities,note``),
  ``full_date`` (``full_date,date,weekday,time,mood,activities,note``), ``full_date+note_title``
  (``…,activities,note_title,note``) and ``full_date+scales`` (``…,activities,scales,note_title,
  note``); columns may be reordered, renamed to a known alias, or removed as long as a date, a
  time and a mood column can still be found (by name, else by content). A file without a header
  (first field already a date) is read positionally as ``headerless``.
* Bytes: UTF-8 with or without BOM; ``\\n``, ``\\r\\n``, ``\\r\\r\\n`` (line ends inside notes become
  ``\\n``); last line with or without newline; any quoting style (parsing is done by :mod:`csv`).
  Files re-saved by a spreadsheet with ``;`` or tab as separator are accepted too.
* Dates: ISO ``YYYY-MM-DD``; spreadsheet ``M/D/YYYY`` (``D/M/YYYY`` when the file shows day-first
  values) and ``D.M.YYYY``; in the ``year`` layout, ``year`` plus a localized day and month name
  (English, Spanish, German, Polish, French, Italian, Portuguese, Dutch, Russian; e.g.
  ``September 6``, ``16 de octubre``, ``6. September``, ``6 września``).
* Times: ``20:35``, ``9:00``, ``9:00 PM``, ``2:14 pm``, ``9:23<U+202F>PM``, ``9:00 p. m.``;
  ``12:xx AM`` is just after midnight, ``12:xx PM`` just after noon.
* Notes: ``note_title`` and ``note`` are combined as ``"title\\n\\nnote"``. Only in the
  ``full_date+scales`` layout (the one whose notes are rich text) are ``<br>`` turned into line
  breaks, simple tags removed and HTML entities unescaped; everywhere else note text is kept
  exactly as written (a user may have typed ``<3`` or ``a < b``).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from caregiver_app.domain.errors import CaregiverError, ValidationError
from caregiver_app.domain.model import clean_label
from caregiver_app.importers import date_order
from caregiver_app.importers.common import (
    SPREADSHEET_HINT,
    RowsPreview,
    SkippedRow,
    choose_delimiter,
    decode_unicode,
    normalize_line_ends,
    read_csv_records,
)
from caregiver_app.importers.dates import (
    DATE_MISSING,
    ISO_DATE,
    SLASH_DATE,
    RowProblem,
    full_year,
    looks_like_full_date,
    make_date,
    parse_day_month,
    parse_full_date,
    parse_time,
    parse_year,
)

from ..i18n import _

__all__ = [
    "DEFAULT_MOOD_LEVELS",
    "DaylioFormatError",
    "DaylioParseResult",
    "DaylioRow",
    "SkippedRow",
    "label_key",
    "parse_daylio",
    "resolve_mood_levels",
]


class DaylioFormatError(CaregiverError):
    """The file cannot be read as a Daylio CSV export at all (not text, not CSV, no date or mood
    column, empty). The message is plain words for the user and never quotes the file's content."""


@dataclass(frozen=True)
class DaylioRow:
    """One Daylio entry as read from the file.

    * ``line`` – 1-based physical line where the record starts.
    * ``local_datetime`` – **naive** local wall-clock date and time as written (no time zone).
    * ``mood_label`` – the mood label as written, cleaned with :func:`clean_label` (case kept).
    * ``activities`` – activity names in file order, each cleaned (NBSP too), case kept,
      empty names dropped.
    * ``note`` – ``"title\\n\\nnote"`` when both exist, else whichever exists, else ``""``.
    * ``fingerprint`` – hex SHA-256 over the meaningful fields plus the row's occurrence index
      among identical rows earlier in the same file: stable across re-imports of the same file,
      distinct for exact duplicate rows within a file.
    """

    line: int
    local_datetime: datetime
    mood_label: str
    activities: tuple[str, ...]
    note: str
    fingerprint: str


@dataclass
class DaylioParseResult(RowsPreview):
    """What :func:`parse_daylio` found.

    ``layout`` is one of ``"year"``, ``"full_date"``, ``"full_date+note_title"``,
    ``"full_date+scales"`` or ``"headerless"``. ``rows`` are in file order (Daylio writes
    newest first); ``skipped`` lists records that could not be imported, in file order.
    ``date_order_note`` says in plain words which way round slash dates (``03/05/2024``) were
    read and why; empty when the file has none.
    """

    layout: str
    rows: list[DaylioRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    date_order_note: str = ""

    @property
    def mood_label_counts(self) -> Counter[str]:
        """Number of entries per mood label (exact cleaned label, case-sensitive)."""
        return Counter(row.mood_label for row in self.rows)

    @property
    def distinct_activities(self) -> int:
        """Number of distinct activity names (case-sensitive: ``cleaning`` ≠ ``Cleaning``)."""
        return len({name for row in self.rows for name in row.activities})


# --------------------------------------------------------------------------------------------
# Mood labels and levels
# --------------------------------------------------------------------------------------------

DEFAULT_MOOD_LEVELS: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
"""Daylio's built-in labels on the app's 5-point mood scale; applied without asking."""


def label_key(label: str) -> str:
    """The key mood labels are matched by: :func:`clean_label` then casefold
    (``"  Good\\u00a0"`` and ``"good"`` have the same key)."""
    return clean_label(label).casefold()


def resolve_mood_levels(
    labels: Iterable[str], user_map: Mapping[str, int]
) -> tuple[dict[str, int], list[str]]:
    """Decide the mood level (1–5) of each label found in a file.

    ``user_map`` holds the levels the user chose; its keys match labels by :func:`label_key` and
    win over :data:`DEFAULT_MOOD_LEVELS`, which apply without asking. Returns
    ``(levels, unmapped)``: ``levels`` maps every given label (exactly as given) that has a level
    to that level; ``unmapped`` is the sorted, de-duplicated list of labels that still need one.

    Raises :class:`ValidationError` if a level in ``user_map`` is not a whole number from 1 to 5,
    or if two keys of ``user_map`` that match the same label give different levels.
    """
    chosen: dict[str, int] = {}
    for key, level in user_map.items():
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5:
            raise ValidationError(_("Each mood level must be a whole number from 1 to 5."))
        k = label_key(key)
        if k in chosen and chosen[k] != int(level):
            raise ValidationError(_("The same mood label was given two different levels."))
        chosen[k] = int(level)

    levels: dict[str, int] = {}
    unmapped: set[str] = set()
    for label in labels:
        k = label_key(label)
        if k in chosen:
            levels[label] = chosen[k]
        elif k in DEFAULT_MOOD_LEVELS:
            levels[label] = DEFAULT_MOOD_LEVELS[k]
        else:
            unmapped.add(label)
    return levels, sorted(unmapped, key=lambda s: (label_key(s), s))


# --------------------------------------------------------------------------------------------
# Columns and layouts
# --------------------------------------------------------------------------------------------

_FULL_DATE, _YEAR, _DATE, _WEEKDAY, _TIME = "full_date", "year", "date", "weekday", "time"
_MOOD, _ACTIVITIES, _SCALES, _NOTE_TITLE, _NOTE = (
    "mood", "activities", "scales", "note_title", "note",
)

# Header names (after _header_key) that identify each column. Daylio writes English names; the
# others cover columns a user renamed by hand or a spreadsheet translated.
_ALIASES: dict[str, tuple[str, ...]] = {
    _FULL_DATE: ("full_date", "fulldate", "full_date_iso", "iso_date", "date_iso", "date_full"),
    _YEAR: ("year", "yyyy", "jahr", "ano", "año", "rok", "annee", "année", "anno", "jaar", "год"),
    _DATE: ("date", "day_date", "datum", "fecha", "data", "dia", "día", "дата"),
    _WEEKDAY: ("weekday", "day", "day_of_week", "dow", "wochentag", "tag",
               "dia_de_la_semana", "día_de_la_semana", "dzien_tygodnia", "dzień_tygodnia",
               "jour", "день_недели"),
    _TIME: ("time", "hour", "clock", "zeit", "uhrzeit", "hora", "godzina", "czas", "heure",
            "ora", "tijd", "время"),
    _MOOD: ("mood", "moods", "mood_label", "feeling", "stimmung", "laune", "animo", "ánimo",
            "estado_de_animo", "estado_de_ánimo", "humor", "nastroj", "nastrój", "humeur",
            "umore", "stemming", "настроение"),
    _ACTIVITIES: ("activities", "activity", "tags", "aktivitaten", "aktivitäten",
                  "aktivitaeten", "actividades", "aktywnosci", "aktywności", "activites",
                  "activités", "attivita", "attività", "atividades", "activiteiten",
                  "занятия", "действия"),
    _SCALES: ("scales", "scale", "skalen", "escalas", "skale", "echelles", "échelles"),
    _NOTE_TITLE: ("note_title", "notetitle", "title", "titel", "titulo", "título", "tytul",
                  "tytuł", "titre", "titolo", "заголовок"),
    _NOTE: ("note", "notes", "notiz", "notizen", "nota", "notas", "notatka", "notatki",
            "memo", "text", "заметка"),
}
_ROLE_BY_NAME: dict[str, str] = {name: role for role, names in _ALIASES.items() for name in names}

_HEADERLESS_7 = (_FULL_DATE, _DATE, _WEEKDAY, _TIME, _MOOD, _ACTIVITIES, _NOTE)
_HEADERLESS_8 = (_FULL_DATE, _DATE, _WEEKDAY, _TIME, _MOOD, _ACTIVITIES, _NOTE_TITLE, _NOTE)
_HEADERLESS_9 = (_FULL_DATE, _DATE, _WEEKDAY, _TIME, _MOOD, _ACTIVITIES, _SCALES, _NOTE_TITLE,
                 _NOTE)

_SNIFF_ROWS = 50  # data records looked at when a column has to be recognized by its content


def _header_key(name: str) -> str:
    """Normalize a header cell: trimmed, casefolded, NFC, runs of space/dash/dot as ``_``."""
    text = unicodedata.normalize("NFC", clean_label(name).casefold())
    return re.sub(r"[\s\-.]+", "_", text).strip("_\"'")


@dataclass
class _Layout:
    name: str
    columns: dict[str, int]          # role -> column index
    width: int                       # number of columns the layout defines
    header: tuple[str, ...] | None   # normalized header cells, None when headerless
    rich_notes: bool                 # notes are HTML (only the scales layout)
    day_first: bool = False          # slash dates read as D/M/YYYY instead of M/D/YYYY
    order_note: str = ""             # which way round slash dates were read, and why (plain words)
    delimiter: str = ","             # field separator of the file


# --------------------------------------------------------------------------------------------
# Notes
# --------------------------------------------------------------------------------------------

_BREAK_TAG = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6])\s*>", re.IGNORECASE)
_SIMPLE_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|strike|del|ins|mark|small|big|sub|sup|span|font|p|div|ul|ol|li"
    r"|a|h[1-6]|blockquote|code|pre|tt)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def _rich_text_to_plain(text: str) -> str:
    """Newest-layout notes are simple HTML: ``<br>`` and the end of a paragraph, list item or
    heading become ``\\n``; simple formatting tags (``<b>``, ``<i>``, ``<span …>``, …) are
    removed; entities (``&amp;``, ``&lt;``) are unescaped; trailing line breaks are dropped. A
    ``<`` that does not start one of those tags (``<3``, ``a < b``, ``<c_e>``) is kept."""
    text = _BREAK_TAG.sub("\n", text)
    text = _SIMPLE_TAG.sub("", text)
    return html.unescape(text).rstrip("\n")


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data[:4] == b"PK\x03\x04":
        raise DaylioFormatError(
            _("This looks like a Daylio backup file, not a CSV export. In Daylio, export your entries as CSV and choose that file.")
        )
    try:
        text = decode_unicode(data)
    except UnicodeDecodeError:
        raise DaylioFormatError(
            _("This file is not UTF-8 text, so it cannot be a Daylio CSV export. {hint}").format(hint=_(SPREADSHEET_HINT))
        ) from None
    return text


def _is_blank(record: list[str]) -> bool:
    return all(not cell.strip() for cell in record)


def _detect_layout(records: list[tuple[int, list[str]]]) -> tuple[_Layout, int]:
    """Decide the layout from the first non-blank record. Returns the layout and the index in
    ``records`` where data starts."""
    first_index = next(i for i, (_unused, rec) in enumerate(records) if not _is_blank(rec))
    first = records[first_index][1]

    if looks_like_full_date(first[0]):
        widths = Counter(len(rec) for _unused, rec in records if not _is_blank(rec))
        width = widths.most_common(1)[0][0]
        roles = _HEADERLESS_7 if width <= 7 else _HEADERLESS_8 if width == 8 else _HEADERLESS_9
        layout = _Layout(
            name="headerless",
            columns={role: i for i, role in enumerate(roles)},
            width=len(roles),
            header=None,
            rich_notes=_SCALES in roles,
        )
        _decide_order(layout, records[first_index:])
        return layout, first_index

    header = tuple(_header_key(cell) for cell in first)
    columns: dict[str, int] = {}
    for index, key in enumerate(header):
        role = _ROLE_BY_NAME.get(key)
        if role is not None and role not in columns:
            columns[role] = index
    data = [rec for _unused, rec in records[first_index + 1 : first_index + 1 + _SNIFF_ROWS]]
    data = [rec for rec in data if not _is_blank(rec)]
    _recognize_by_content(columns, header, data)

    has_date = _FULL_DATE in columns or (_YEAR in columns and _DATE in columns)
    if not has_date:
        raise DaylioFormatError(
            _("This file does not look like a Daylio export: no column with the date was found.")
        )
    if _MOOD not in columns:
        raise DaylioFormatError(
            _("This file does not look like a Daylio export: no column with the mood was found.")
        )
    if _TIME not in columns:
        raise DaylioFormatError(
            _("This file does not look like a Daylio export: no column with the time was found.")
        )

    if _FULL_DATE not in columns:
        name = "year"
    elif _SCALES in columns:
        name = "full_date+scales"
    elif _NOTE_TITLE in columns:
        name = "full_date+note_title"
    else:
        name = "full_date"
    layout = _Layout(
        name=name,
        columns=columns,
        width=len(header),
        header=header,
        rich_notes=_SCALES in columns,
    )
    if _FULL_DATE in columns:
        _decide_order(layout, records[first_index + 1 :])
    return layout, first_index + 1


def _recognize_by_content(columns: dict[str, int], header: tuple[str, ...],
                          data: list[list[str]]) -> None:
    """Fill in essential columns a user renamed beyond recognition, by looking at the values.

    * A ``date`` column without a ``year`` column that holds full dates is the full date.
    * Otherwise an unnamed column whose values are mostly full dates is the full date.
    * An unnamed column whose values are mostly times is the time.
    * An unnamed mood column is taken to be the one right after the time (as in every layout).
    """
    def values(index: int) -> list[str]:
        return [rec[index] for rec in data if index < len(rec) and rec[index].strip()]

    def mostly(index: int, test) -> bool:
        vals = values(index)
        return bool(vals) and sum(1 for v in vals if test(v)) * 2 > len(vals)

    def is_time(v: str) -> bool:
        try:
            parse_time(v)
        except RowProblem:
            return False
        return True

    taken = set(columns.values())
    free = [i for i in range(len(header)) if i not in taken]

    if _FULL_DATE not in columns and _YEAR not in columns:
        if _DATE in columns and (
            not values(columns[_DATE]) or mostly(columns[_DATE], looks_like_full_date)
        ):
            columns[_FULL_DATE] = columns.pop(_DATE)
        else:
            for i in free:
                if mostly(i, looks_like_full_date):
                    columns[_FULL_DATE] = i
                    free.remove(i)
                    break
    if _TIME not in columns:
        for i in free:
            if mostly(i, is_time):
                columns[_TIME] = i
                free.remove(i)
                break
    if _MOOD not in columns and _TIME in columns and columns[_TIME] + 1 in free:
        columns[_MOOD] = columns[_TIME] + 1


def _decide_order(layout: _Layout, records: list[tuple[int, list[str]]]) -> None:
    """Set ``layout.day_first`` and ``order_note`` from the file's slash dates and the weekday
    and day-and-month written beside them (see :mod:`.date_order`)."""
    samples = []
    for _unused, rec in records:
        text = clean_label(_cell(rec, layout, _FULL_DATE) or "")
        if not (m := SLASH_DATE.fullmatch(text)):
            continue
        month_day = None
        if (date_text := _cell(rec, layout, _DATE)) is not None:
            try:
                month_day = parse_day_month(date_text)
            except RowProblem:
                month_day = None
        samples.append(date_order.SlashDate(int(m["first"]), int(m["second"]), full_year(m["year"]), text.split(" ")[0],
                                            _cell(rec, layout, _WEEKDAY), month_day))
    order = date_order.decide(samples)
    layout.day_first, layout.order_note = order.day_first, order.note


def _cell(record: list[str], layout: _Layout, role: str) -> str | None:
    index = layout.columns.get(role)
    if index is None or index >= len(record):
        return None
    if role == _NOTE and index == layout.width - 1 and len(record) > layout.width:
        # An unquoted separator in the last column (the note): keep the text together.
        return layout.delimiter.join(record[index:])
    return record[index]


def _repeats_header(record: list[str], header: tuple[str, ...] | None) -> bool:
    return (
        header is not None
        and len(record) == len(header)
        # a row's first cell is a date; a header cell does not start with a digit (the check
        # below normalises every cell, which costs more than the rest of the row's parsing)
        and not (record[0].strip()[:1].isdigit() and not header[0][:1].isdigit())
        and _header_key(record[0]) == header[0]
        and tuple(_header_key(cell) for cell in record) == header
    )


def _row_date(record: list[str], layout: _Layout) -> date:
    if _FULL_DATE in layout.columns:
        text = _cell(record, layout, _FULL_DATE)
        if text is None:
            raise RowProblem(_(DATE_MISSING))
        return parse_full_date(text, layout.day_first)
    year_text = _cell(record, layout, _YEAR)
    day_text = _cell(record, layout, _DATE)
    if year_text is None or day_text is None:
        raise RowProblem(_(DATE_MISSING))
    if ISO_DATE.fullmatch(clean_label(day_text)):  # a full date under a `date` header
        return parse_full_date(day_text, layout.day_first)
    year = parse_year(year_text)
    month, day = parse_day_month(day_text)
    return make_date(year, month, day)


def _row_note(record: list[str], layout: _Layout) -> str:
    title = _cell(record, layout, _NOTE_TITLE) or ""
    body = _cell(record, layout, _NOTE) or ""
    if layout.rich_notes:
        title, body = _rich_text_to_plain(title), _rich_text_to_plain(body)
    return "\n\n".join(part for part in (title, body) if part.strip())


def _split_activities(text: str) -> tuple[str, ...]:
    """``"a | b|  |B"`` -> ``("a", "b", "B")``: split on ``|``, clean each, drop empties."""
    return tuple([name for name in map(_clean_activity, text.split("|")) if name])


_clean_activity = functools.lru_cache(maxsize=4096)(clean_label)
"""A file repeats the same few dozen activities (and moods) on every row: each is cleaned once."""

_FINGERPRINT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""What ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` uses, made once: dumps
makes a new encoder for every call with options, once per row of the file."""


def _fingerprint_base(when: datetime, mood: str, activities: tuple[str, ...], note: str) -> str:
    return _FINGERPRINT_JSON.encode(["daylio/1", when.isoformat(), mood, list(activities), note])


def parse_daylio(data: bytes) -> DaylioParseResult:
    """Parse the bytes of a Daylio CSV export.

    Returns a :class:`DaylioParseResult` whose rows carry **naive local wall-clock** datetimes,
    in file order (Daylio writes newest first). Records that cannot be imported (missing or
    impossible date, time or mood) are listed in ``skipped`` with their starting line and a
    plain reason; entirely blank records and repeated header lines are ignored. A record with a
    trailing field missing is imported with what is there.

    Raises :class:`DaylioFormatError` when the file cannot be read at all: not UTF-8 text, not
    CSV, empty, or without a date, time and mood column. No other exception escapes for any
    input bytes.
    """
    text = normalize_line_ends(_decode(bytes(data)))
    if not text.strip():
        raise DaylioFormatError(_("The file is empty."))
    delimiter = choose_delimiter(text)
    records = read_csv_records(text, delimiter, DaylioFormatError)
    if all(_is_blank(rec) for _unused, rec in records):
        raise DaylioFormatError(_("The file has no entries."))
    layout, start = _detect_layout(records)
    layout.delimiter = delimiter

    result = DaylioParseResult(layout=layout.name, date_order_note=layout.order_note)
    seen: Counter[str] = Counter()
    for line, record in records[start:]:
        if _is_blank(record):
            continue
        if _repeats_header(record, layout.header):
            continue  # the header again, e.g. two exports pasted together
        try:
            day = _row_date(record, layout)
            time_text = _cell(record, layout, _TIME)
            if time_text is None:
                raise RowProblem(_("the time is missing"))
            at = datetime.combine(day, parse_time(time_text))
            mood_text = _cell(record, layout, _MOOD)
            mood = _clean_activity(mood_text) if mood_text is not None else ""
            if not mood:
                raise RowProblem(_("the mood is missing"))
        except RowProblem as problem:
            result.skipped.append(SkippedRow(line=line, reason=str(problem)))
            continue
        activities = _split_activities(_cell(record, layout, _ACTIVITIES) or "")
        note = _row_note(record, layout)
        base = _fingerprint_base(at, mood, activities, note)
        occurrence = seen[base]
        seen[base] += 1
        fingerprint = hashlib.sha256(f"{base}#{occurrence}".encode("utf-8")).hexdigest()
        result.rows.append(
            DaylioRow(
                line=line,
                local_datetime=at,
                mood_label=mood,
                activities=activities,
                note=note,
                fingerprint=fingerprint,
            )
        )
    return result
