"""One way in for every other app's journal: recognise the file, preview it, import it.

Formats (``kind``): ``daylio`` (Daylio CSV export), ``daylio-backup`` (``.daylio``), ``bearable``
(Bearable CSV), ``imoodjournal`` (iMoodJournal CSV), ``emoods`` (``.emoods`` backup) and
``generic`` (any other CSV, through a :class:`~caregiver_app.importers.generic.ColumnMap`).

Every import runs in one transaction: the person, the entries and the remembered choices are
written together or not at all. Rows already imported (same fingerprint) are not added again.
Remembered choices (column maps per source, mood rules, mood-word levels) live in the vault's own
settings table, inside the encrypted database, because they can hold words the user typed.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from ..i18n import N_, _
from ..domain import timeutil
from ..domain.errors import CaregiverError, ValidationError
from ..domain.model import (MOOD_LABEL_MAX_CHARS, JournalEntry, MoodLevel, Recorder, SymptomRating, Tag, TagKind,
                            plain_name)
from ..importers.common import ImportedRow, ImportFormatError, ParseResult, ScaleRule, SkippedRow, zip_members
from ..importers.daylio import DaylioFormatError, label_key, parse_daylio, resolve_mood_levels
from ..importers.daylio_backup import parse_daylio_backup
from ..importers.dates import looks_like_full_date
from ..importers.generic import ColumnMap, header_key, parse_generic, read_header
from ..importers.trackers import (
    RULES,
    looks_like_bearable,
    looks_like_imoodjournal,
    parse_bearable,
    parse_emoods,
    parse_imoodjournal,
)
from ..storage.repos import settings as settings_repo
from . import imports
from .clock import Clock, local_zone_name, utc_now
from .imports import ImportReport, MoodMappingNeeded, _lower_first
from .vault import Vault, session_of

KINDS: dict[str, str] = {
    "daylio": N_("a Daylio export (CSV)"),
    "daylio-backup": N_("a Daylio backup (.daylio)"),
    "bearable": N_("a Bearable export (CSV)"),
    "imoodjournal": N_("an iMoodJournal export (CSV)"),
    "emoods": N_("an eMoods backup (.emoods)"),
    "generic": N_("a CSV from an app we don't know yet"),
}
APP_NAMES = {"daylio": "Daylio", "daylio-backup": "Daylio", "bearable": "Bearable", "imoodjournal": "iMoodJournal",
             "emoods": "eMoods", "generic": N_("another app")}
UNKNOWN_CSV = N_("This looks like a CSV from an app we don't know yet: map its columns.")
_COLUMNS_KEY, _RULE_KEY = "import.columns.", "import.rule."


class ColumnsNeeded(CaregiverError):
    """A generic CSV needs its columns mapped; ``header`` lists the file's column names."""

    def __init__(self, header: list[str]):
        self.header = header
        super().__init__(_(UNKNOWN_CSV))


@dataclass(frozen=True)
class Detected:
    """What a file is: ``kind`` (a key of :data:`KINDS`) and a sentence for the user; ``parsed``
    is the file already read as ``kind`` when recognising it took reading it all (a Daylio export
    without its header line), for :func:`import_file` and :func:`remembered` to use."""

    kind: str
    message: str
    header: tuple[str, ...] = ()
    parsed: ParseResult | None = field(default=None, compare=False, repr=False)


def detect(data: bytes) -> Detected:
    """Recognise an export by its content (never by its name). Raises
    :class:`ImportFormatError` for a file no importer can read."""
    data = bytes(data)
    if data[:4] == b"PK\x03\x04":
        archive = zip_members(data, "backup")
        names = {info.filename.rsplit("/", 1)[-1].casefold() for info in archive.infolist()}
        if "backup.daylio" in names:
            return Detected("daylio-backup", _("This is a Daylio backup (.daylio)."))
        if "entry.csv" in names:
            return Detected("emoods", _("This is an eMoods backup (.emoods)."))
        raise ImportFormatError(_("This is a ZIP file, but not a backup from an app we know (Daylio or eMoods)."))
    header = tuple(name.casefold() for name in read_header(data))
    if looks_like_bearable(header):
        return Detected("bearable", _("This is a Bearable export (CSV)."))
    if looks_like_imoodjournal(header):
        return Detected("imoodjournal", _("This is an iMoodJournal export (CSV)."))
    names = set(header)
    if "full_date" in names or {"year", "date", "weekday"} <= names or {"mood", "activities"} <= names:
        return Detected("daylio", _("This is a Daylio export (CSV)."))
    try:  # a Daylio export without its header line: it starts with a date
        if header and looks_like_full_date(header[0]) and (daylio := parse_daylio(data)).layout == "headerless":
            return Detected("daylio", _("This is a Daylio export (CSV)."), parsed=_from_daylio(daylio))
    except DaylioFormatError:
        pass
    return Detected("generic", _(UNKNOWN_CSV), tuple(read_header(data)))


def default_rule(scale: tuple[int, int]) -> ScaleRule:
    """Five groups as even as the range allows, larger groups first (1-10: 2,4,6,8; 1-5:
    1,2,3,4; 0-10: 2,4,6,8)."""
    low, high = scale
    size, extra = divmod(high - low + 1, 5)
    cuts, at = [], low - 1
    for i in range(4):
        at += size + (1 if i < extra else 0)
        cuts.append(at)
    return ScaleRule(low, high, tuple(cuts))  # type: ignore[arg-type]


def parse(data: bytes, kind: str, columns: ColumnMap | None = None) -> ParseResult:
    """Read ``data`` as ``kind``. Raises :class:`ImportFormatError` / :class:`DaylioFormatError`
    for an unreadable file and :class:`ColumnsNeeded` for a generic CSV without ``columns``."""
    if kind == "daylio":
        return _from_daylio(parse_daylio(data))
    if kind == "generic":
        if columns is None:
            raise ColumnsNeeded(read_header(data))
        return parse_generic(data, columns)
    parsers = {"daylio-backup": parse_daylio_backup, "bearable": parse_bearable, "imoodjournal": parse_imoodjournal,
               "emoods": parse_emoods}
    if kind not in parsers:
        raise ImportFormatError(_("That is not a format this app can import."))
    return parsers[kind](data)


def _from_daylio(daylio) -> ParseResult:
    result = ParseResult(kind="daylio", records=len(daylio.rows) + len(daylio.skipped), skipped=list(daylio.skipped))
    result.rows = [
        ImportedRow(line=r.line, local_datetime=r.local_datetime, fingerprint=r.fingerprint, mood_label=r.mood_label,
                    original=f"Daylio \u201c{r.mood_label}\u201d", note=r.note,
                    tags=tuple([(a, "activity") for a in r.activities]))
        for r in daylio.rows
    ]
    if daylio.date_order_note:
        result.notes.append(daylio.date_order_note)
    return result


@dataclass(frozen=True)
class StoredRow:
    """One row as it will be stored: local date and time text (ISO, for the preview to format),
    the 5-point mood (or None), the original words, the note, tags and symptoms."""

    line: int
    when: datetime
    mood: MoodLevel | None
    original: str
    note: str
    tags: tuple[str, ...]
    symptoms: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Preview:
    """What a file holds and how it will be stored, before anything is written."""

    kind: str
    records: int
    entries: int
    distinct_days: int
    first_entry: datetime | None
    last_entry: datetime | None
    per_level: dict[int | None, int]
    per_value: dict[int, int]
    rule: ScaleRule | None
    rule_notes: tuple[str, ...]
    unmapped: tuple[tuple[str, int], ...]
    first_rows: tuple[StoredRow, ...]
    skipped: tuple[SkippedRow, ...]


def _level(row: ImportedRow, rule: ScaleRule | None, levels: Mapping[str, int]) -> MoodLevel | None:
    if row.mood_level is not None:
        return MoodLevel(row.mood_level)
    if row.mood_value is not None and rule is not None:
        return rule.level(row.mood_value)
    if row.mood_label:
        level = levels.get(label_key(row.mood_label))
        return MoodLevel(level) if level is not None else None
    return None


def mood_words(result: ParseResult, mood_map: Mapping[str, int]) -> list[tuple[str, int, int | None]]:
    """The mood words in a file that need a level on the 5-point scale (the other app wrote
    words, not numbers): ``(word, entries using it, level)``, most used first; the level comes
    from ``mood_map``, else Daylio's own words, else None (still to choose)."""
    counts = Counter(row.mood_label for row in result.rows if row.mood_label and row.mood_level is None)
    levels, _unused = resolve_mood_levels(counts.keys(), mood_map)
    return [(label, n, levels.get(label)) for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _label_levels(result: ParseResult, mood_map: Mapping[str, int]) -> tuple[dict[str, int], list[tuple[str, int]]]:
    counts = Counter(row.mood_label for row in result.rows if row.mood_label and row.mood_level is None)
    levels, unmapped = resolve_mood_levels(counts.keys(), mood_map)
    return {label_key(k): v for k, v in levels.items()}, [(label, counts[label]) for label in unmapped]


def preview(data: bytes, kind: str, *, rule: ScaleRule | None = None, mood_map: Mapping[str, int] | None = None,
            columns: ColumnMap | None = None, first: int = 8) -> Preview:
    """Describe what importing ``data`` as ``kind`` would store (nothing is written). ``rule``
    defaults to :func:`default_rule` for the file's mood scale."""
    result = parse(data, kind, columns)
    return _preview(result, rule, mood_map or {}, first)


def preview_parsed(result: ParseResult, *, rule: ScaleRule | None = None, mood_map: Mapping[str, int] | None = None,
                   first: int = 8) -> Preview:
    """:func:`preview` for a file already read with :func:`parse` (cheap: the window calls it
    each time the user changes the rule or a mood word's level)."""
    return _preview(result, rule, mood_map or {}, first)


def _preview(result: ParseResult, rule: ScaleRule | None, mood_map: Mapping[str, int], first: int) -> Preview:
    if result.mood_scale is not None:
        rule = rule if rule is not None and (rule.low, rule.high) == result.mood_scale else default_rule(result.mood_scale)
    else:
        rule = None
    levels, unmapped = _label_levels(result, mood_map)
    per_level: Counter[int | None] = Counter()
    stored = []
    for row in result.rows:
        level = _level(row, rule, levels)
        per_level[int(level) if level is not None else None] += 1
        if len(stored) < first:
            stored.append(StoredRow(row.line, row.local_datetime, level, row.original, row.note,
                                    tuple(plain_name(name) for name, _unused in row.tags),
                                    tuple((plain_name(name), severity) for name, severity in row.symptoms)))
    return Preview(
        kind=result.kind, records=result.records, entries=len(result.rows), distinct_days=result.distinct_days,
        first_entry=result.first_entry, last_entry=result.last_entry, per_level=dict(per_level),
        per_value=dict(sorted(result.value_counts.items())), rule=rule,
        rule_notes=tuple(_(note) for note in RULES.get(result.kind, ())) + tuple(result.notes), unmapped=tuple(unmapped),
        first_rows=tuple(stored), skipped=tuple(result.skipped),
    )


def import_file(vault: Vault, data: bytes, person_name: str, kind: str, *, rule: ScaleRule | None = None,
                mood_map: Mapping[str, int] | None = None, columns: ColumnMap | None = None, zone_name: str = "",
                file_name: str = "", clock: Clock = utc_now, back_up: bool = True,
                parsed: ParseResult | None = None) -> ImportReport:
    """Import ``data`` (of ``kind``) for ``person_name`` (added if new).

    Times in the file are wall-clock times in ``zone_name`` (the computer's zone when empty),
    except in a ``.daylio`` backup, which carries each entry's UTC offset. Mood words take their
    level from ``mood_map``, else from an earlier import of the same app (kept in the vault);
    words still without one raise :class:`MoodMappingNeeded` and nothing is written. A file with
    no readable entry raises :class:`ImportFormatError` and nothing is written. Otherwise a
    verified backup comes first (a failed one raises ``BackupError`` in plain words, nothing
    written; see :func:`~caregiver_app.services.imports.write_import`), then one transaction
    writes the person, the entries as one import that can be undone (``file_name`` is kept with
    it) and the rule, column map and word levels used, remembered for next time. ``parsed``
    is ``data`` already read with :func:`parse` (the same ``kind`` and ``columns``), so a
    caller that previewed the file does not read it again.
    """
    result = parsed if parsed is not None else parse(data, kind, columns)
    mood_map = imports.merged_map(kept_words(vault, kind), mood_map or {})
    prev = _preview(result, rule, mood_map, 8)
    if not result.rows:  # nothing to keep: do not add the person either
        raise ImportFormatError(_("This file has no entries that can be imported. Nothing was changed."))
    if prev.unmapped:
        raise MoodMappingNeeded(list(prev.unmapped))
    levels, _unused = _label_levels(result, mood_map)
    tz = timeutil.zone(zone_name or local_zone_name())

    def make_entries(person_id: int) -> tuple[list[JournalEntry], list[SkippedRow]]:
        entries: list[JournalEntry] = []
        skipped = list(result.skipped)
        for row in result.rows:
            try:
                entries.append(_entry(row, person_id, kind, _level(row, prev.rule, levels), tz))
            except ValidationError as exc:
                skipped.append(SkippedRow(row.line, _lower_first(str(exc))))
        return entries, skipped

    days = (result.first_entry.date() if result.first_entry else None,
            result.last_entry.date() if result.last_entry else None)
    used = {label_key(k): v for k, v in levels.items()}
    return imports.write_import(vault, kind=kind, file_name=file_name, person_name=person_name,
                                make_entries=make_entries, days=days, preview=prev, notes=result.notes,
                                remember=lambda s: _remember(s, kind, prev.rule, columns, used, data),
                                clock=clock, back_up=back_up)


def kept_words(vault: Vault, kind: str) -> dict[str, int]:
    """The mood-word levels chosen at earlier imports of the app that writes ``kind`` files."""
    with session_of(vault) as s:
        return imports.remembered_words(s, word_source(kind))


def word_source(kind: str) -> str:
    """Whose mood words a file of ``kind`` holds: a Daylio CSV and a Daylio backup share them."""
    return "daylio" if kind.startswith("daylio") else kind


_PERSON = Recorder.person()
"""Who wrote an imported entry: the person (a frozen value, made once for every row)."""


def _entry(row: ImportedRow, person_id: int, kind: str, level: MoodLevel | None, tz) -> JournalEntry:
    if row.utc_offset_minutes is not None:
        instant = (row.local_datetime - timedelta(minutes=row.utc_offset_minutes)).replace(tzinfo=timezone.utc)
        local_date = row.local_datetime.date()
    else:
        instant, local_date = timeutil.local_to_utc(row.local_datetime, tz, strict=False)
    entry = JournalEntry(
        id=None, person_id=person_id, occurred_at=instant, local_date=local_date, recorded_by=_PERSON,
        mood=level, energy=row.energy, anxiety=row.anxiety, sleep_hours=row.sleep_hours,
        sleep_quality=row.sleep_quality, note=row.note,
        symptoms=tuple([SymptomRating(name, severity) for name, severity in row.symptoms]) if row.symptoms else (),
        tags=tuple([_tag(name, k) for name, k in row.tags]),
        source=kind, import_key=row.fingerprint, zone_name=tz.key, mood_label=_shorten(row.original),
    )
    if entry.is_empty:
        raise ValidationError(_("The row has nothing to keep."))
    return entry


@functools.lru_cache(maxsize=4096)
def _tag(name: str, kind: str) -> Tag:
    """One checked :class:`Tag` per name and kind (tags are values; a file repeats a few dozen on
    every row). Raises :class:`ValidationError` for a name that is empty or too long."""
    return Tag(name, TagKind(kind))


def _shorten(text: str, limit: int = MOOD_LABEL_MAX_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _remember(s, kind: str, rule: ScaleRule | None, columns: ColumnMap | None, mood_map: Mapping[str, int],
              data: bytes) -> None:
    if rule is not None:
        settings_repo.set_setting(s, f"{_RULE_KEY}{kind}.{rule.low}-{rule.high}", rule.text())
    if columns is not None:
        settings_repo.set_setting(s, _COLUMNS_KEY + header_key(read_header(data)), json.dumps(columns.as_dict()))
    imports.remember_words(s, word_source(kind), mood_map)


@dataclass(frozen=True)
class Remembered:
    """Choices kept from an earlier import of the same kind of file (all empty when none)."""

    rule: ScaleRule | None = None
    columns: ColumnMap | None = None
    mood_map: dict[str, int] = field(default_factory=dict)


def remembered(vault: Vault, data: bytes, kind: str, *, parsed: ParseResult | None = None) -> Remembered:
    """The rule, column map and word levels used last time for this kind of file, from the vault.
    ``parsed`` is ``data`` already read with :func:`parse` (its mood scale is all that is used)."""
    with session_of(vault) as s:
        columns = _stored_columns(s, data) if kind == "generic" else None
        if parsed is not None:
            scale = parsed.mood_scale
        else:
            scale = parse(data, kind, columns).mood_scale if kind != "generic" or columns else None
        rule = None
        if scale is not None:
            text = settings_repo.get_setting(s, f"{_RULE_KEY}{kind}.{scale[0]}-{scale[1]}", "")
            rule = ScaleRule.parse(text, *scale) if text else None
        words = imports.remembered_words(s, word_source(kind))
    return Remembered(rule, columns, words)


def remembered_columns(vault: Vault, data: bytes) -> ColumnMap | None:
    """The column map used last time for a CSV from an unknown app with ``data``'s header (None
    when there is none), without reading the rest of the file."""
    with session_of(vault) as s:
        return _stored_columns(s, data)


def _stored_columns(s, data: bytes) -> ColumnMap | None:
    stored = settings_repo.get_setting(s, _COLUMNS_KEY + header_key(read_header(data)), "")
    return ColumnMap(**json.loads(stored)) if stored else None
