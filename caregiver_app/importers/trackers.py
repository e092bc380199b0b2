"""Bearable CSV, iMoodJournal CSV and eMoods ``.emoods`` backups, read into :class:`ImportedRow`.

Pure (standard library plus the domain). Formats and their quirks are described in
``/work/shared/samples/journals/OTHER-TRACKERS.md``; each quirk has a fixture in
``tests/unit/importer_fixtures.py``.

Rules that turn another app's scales into this app's (shown to the user in the import preview,
see :data:`RULES`):

* Bearable symptoms: Mild 3, Moderate 5, Severe 8, Unbearable 10 on 0–10 (the word in ``detail``
  wins over the 1–3 rating); energy 1–5 becomes 0, 3, 5, 8, 10; sleep quality 1–4 becomes poor,
  fair, good, good. Mood 1–10 goes through the user's :class:`ScaleRule`.
* eMoods 0–4 (0 = nothing recorded; ``value − 1`` is none/mild/moderate/severe, as in
  ReDead/eMoods-Statistics ``constants.py``) becomes 0, 3, 6, 9 on 0–10.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, datetime, time

from caregiver_app.domain.model import clean_label

from ..i18n import N_, _, ngettext
from .common import (
    ImportedRow,
    ImportFormatError,
    ParseResult,
    SkippedRow,
    decode_text,
    fingerprint,
    read_csv_records,
    read_zip_member,
    zip_members,
)
from .dates import RowProblem, make_date, month_numbers, parse_time

BEARABLE_HEADER = ("date", "weekday", "time of day", "category", "rating/amount", "detail", "notes")
IMOOD_HEADER = ("date", "day of week", "hour", "minute", "level", "leveltext", "comment")
EMOODS_COLUMNS = ("date", "irritability", "anxiety", "depressed", "elevated", "sleep", "psychotic symptoms", "note")

BEARABLE_SEVERITY = {"mild": 3, "moderate": 5, "severe": 8, "unbearable": 10}
BEARABLE_SEVERITY_BY_RATING = {1: 3, 2: 5, 3: 8, 4: 10}
BEARABLE_ENERGY = {1: 0, 2: 3, 3: 5, 4: 8, 5: 10}
BEARABLE_SLEEP_QUALITY = {1: 1, 2: 2, 3: 3, 4: 3}
EMOODS_SEVERITY = {1: 0, 2: 3, 3: 6, 4: 9}
EMOODS_WORDS = {1: "none", 2: "mild", 3: "moderate", 4: "severe"}

RULES: dict[str, tuple[str, ...]] = {
    "bearable": (
        N_("Symptoms: Mild 3, Moderate 5, Severe 8, Unbearable 10 (of 10)."),
        N_("Energy 1-5 becomes 0, 3, 5, 8, 10 (of 10). Sleep quality 1-4 becomes poor, fair, good, good."),
        N_("Medicines, feelings and things you were grateful for go into the note."),
    ),
    "emoods": (
        N_("Depressed, elevated, irritability and psychotic symptoms become symptoms; anxiety becomes anxiety."),
        N_("eMoods none, mild, moderate, severe become 0, 3, 6, 9 (of 10); 0 (not recorded) is left out."),
        N_("eMoods has no overall mood, so these entries have no mood level. Each day is kept at noon."),
    ),
}

_BEARABLE_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})", re.IGNORECASE)
_LONG_DATE = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_DETAIL_PAREN = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_GENERATED_NOTE = re.compile(r"^\.?\s*(\(synced from [^)]*\))?\s*$", re.IGNORECASE)
_BUCKETS = {"pre": time(5, 0), "am": time(9, 0), "mid": time(13, 0), "pm": time(19, 0)}
_DAY_LEVEL = ("", "all day")
_NOT_IMPORTED = {
    "food diary": N_("food diary"),
    "food diary factors": N_("food diary"),
    "bowel movements": N_("bowel movements"),
}


def _month(name: str) -> int:
    number = month_numbers().get(name.casefold())
    if number is None:
        raise RowProblem(_("the date could not be read"))
    return number


def _real_date(year: int, month: int, day: int) -> date:
    """The date, or :class:`RowProblem` for an impossible one or a year before 1000 (a typo), as
    for Daylio exports."""
    return make_date(year, month, day)


def _bucket_of(hhmm: time) -> str:
    return "pre" if hhmm.hour < 6 else "am" if hhmm.hour < 12 else "mid" if hhmm.hour < 18 else "pm"


def _split_list(text: str) -> list[str]:
    return [name for name in (clean_label(part) for part in text.split("|")) if name]


def _header(record: list[str]) -> tuple[str, ...]:
    return tuple(clean_label(cell).casefold() for cell in record)


# --------------------------------------------------------------------------------------------
# Bearable
# --------------------------------------------------------------------------------------------


def looks_like_bearable(header: tuple[str, ...]) -> bool:
    return header[: len(BEARABLE_HEADER)] == BEARABLE_HEADER


class _Group:
    """The data points of one day and time bucket, on their way to one entry."""

    def __init__(self, day: date, bucket: str):
        self.day, self.bucket = day, bucket
        self.line = 0
        self.clock: time | None = None
        self.moods: list[tuple[int, int, time | None, list[str], str]] = []  # line, value, time, feelings, note
        self.parts: list[tuple[int, str, str, str, str, str]] = []  # raw rows, for the fingerprint
        self.symptoms: dict[str, int] = {}
        self.tags: list[str] = []
        self.energy: int | None = None
        self.sleep_hours: float | None = None
        self.sleep_quality: int | None = None
        self.meds: list[str] = []
        self.grateful: list[str] = []

    def seen(self, line: int, row: list[str], at: time | None) -> None:
        self.line = min(self.line or line, line)
        if at is not None and (self.clock is None or at < self.clock):
            self.clock = at
        self.parts.append(tuple(row[:7]))  # type: ignore[arg-type]


def _bearable_value(text: str, line: int) -> int:
    try:
        return int(clean_label(text))
    except ValueError:
        raise RowProblem(_("the rating is not a whole number")) from None


def _bearable_row(group: _Group, category: str, rating: str, detail: str, note: str, at: time | None, line: int) -> None:
    if category == "mood":
        value = _bearable_value(rating, line)
        if not 1 <= value <= 10:
            raise RowProblem(_("the mood is not from 1 to 10"))
        group.moods.append((line, value, at, _split_list(detail), "" if _GENERATED_NOTE.match(note) else note.strip()))
    elif category == "symptom":
        m = _DETAIL_PAREN.match(detail.strip())
        name, word = (clean_label(m[1]), m[2].strip().casefold()) if m else (clean_label(detail), "")
        if not name:
            raise RowProblem(_("the symptom has no name"))
        if word in BEARABLE_SEVERITY:
            severity = BEARABLE_SEVERITY[word]
        else:
            value = _bearable_value(rating, line)
            if value == 0:
                return
            if value not in BEARABLE_SEVERITY_BY_RATING:
                raise RowProblem(_("the symptom's severity is not from 1 to 4"))
            severity = BEARABLE_SEVERITY_BY_RATING[value]
        group.symptoms[name] = max(severity, group.symptoms.get(name, 0))
    elif category in ("factors", "sleep factors"):
        group.tags.extend(_split_list(detail))
    elif category == "energy":
        value = _bearable_value(rating, line)
        if value not in BEARABLE_ENERGY:
            raise RowProblem(_("the energy is not from 1 to 5"))
        group.energy = BEARABLE_ENERGY[value]
    elif category == "sleep quality":
        value = _bearable_value(rating, line)
        if value not in BEARABLE_SLEEP_QUALITY:
            raise RowProblem(_("the sleep quality is not from 1 to 4"))
        group.sleep_quality = BEARABLE_SLEEP_QUALITY[value]
    elif category == "sleep":
        m = _CLOCK.fullmatch(clean_label(rating))
        if not m or int(m[2]) > 59 or int(m[1]) + int(m[2]) / 60 > 24:
            raise RowProblem(_("the hours of sleep could not be read"))
        group.sleep_hours = round(int(m[1]) + int(m[2]) / 60, 2)
    elif category == "meds/supplements":
        m = _DETAIL_PAREN.match(detail.strip())
        name, unit = (clean_label(m[1]), clean_label(m[2])) if m else (clean_label(detail), "")
        amount = clean_label(rating)
        if name:
            group.meds.append(" ".join(part for part in (name, amount, unit) if part))
    elif category == "gratitudes":
        if detail.strip():
            group.grateful.append(detail.strip())
    else:
        raise RowProblem(_("this kind of row is not known"))


def _bearable_note(group: _Group, mood_note: str, feelings: list[str], with_day_parts: bool) -> str:
    lines = [mood_note] if mood_note else []
    if feelings:
        lines.append("Feelings: " + ", ".join(feelings))
    if with_day_parts:
        if group.meds:
            lines.append("Medicines: " + "; ".join(group.meds))
        if group.grateful:
            lines.append("Grateful for: " + "; ".join(group.grateful))
    return "\n".join(lines)


def parse_bearable(data: bytes) -> ParseResult:
    """Read a Bearable CSV export (one row per data point) and group it into entries: one per day
    and time bucket (``pre`` before 6:00, ``am``, ``mid`` from 12:00, ``pm`` from 18:00; an
    ``HH:MM`` time falls in its bucket). Rows for the whole day (sleep, ``all day``) join the
    day's earliest entry. A second mood in the same bucket becomes an entry of its own.
    Raises :class:`ImportFormatError` for a file that is not a Bearable export."""
    records = read_csv_records(decode_text(data, N_("a Bearable export")))
    if not records or not looks_like_bearable(_header(records[0][1])):
        raise ImportFormatError(_("This file does not start with Bearable's column names."))
    result = ParseResult(kind="bearable", mood_scale=(1, 10))
    groups: dict[tuple[date, str], _Group] = {}
    day_level: dict[date, list[tuple[int, list[str]]]] = defaultdict(list)
    left_out: Counter[str] = Counter()
    for line, record in records[1:]:
        if all(not cell.strip() for cell in record):
            continue
        result.records += 1
        row = (record + [""] * 7)[:7]
        category = clean_label(row[3]).casefold()
        if category in _NOT_IMPORTED:
            left_out[_NOT_IMPORTED[category]] += 1
            continue
        try:
            m = _BEARABLE_DATE.fullmatch(clean_label(row[0]))
            if not m:
                raise RowProblem("the date could not be read" if row[0].strip() else "the date is missing")
            day = _real_date(int(m[3]), _month(m[2]), int(m[1]))
            when = clean_label(row[2]).casefold()
            if when in _DAY_LEVEL:
                _bearable_row(_Group(day, "day"), category, row[4], row[5], row[6], None, line)  # check now
                day_level[day].append((line, row))
                continue
            at = parse_time(when) if _CLOCK.fullmatch(when) else None
            if at is None and when not in _BUCKETS:
                raise RowProblem(_("the time of day could not be read"))
            bucket = _bucket_of(at) if at is not None else when
            group = groups.setdefault((day, bucket), _Group(day, bucket))
            _bearable_row(group, category, row[4], row[5], row[6], at, line)
            group.seen(line, row, at)
        except RowProblem as problem:
            result.skipped.append(SkippedRow(line, str(problem)))
    for day, items in day_level.items():
        same_day = sorted((g for g in groups.values() if g.day == day), key=lambda g: (g.clock or _BUCKETS[g.bucket]))
        target = same_day[0] if same_day else groups.setdefault((day, "day"), _Group(day, "day"))
        for line, row in items:
            _bearable_row(target, clean_label(row[3]).casefold(), row[4], row[5], row[6], None, line)
            target.seen(line, row, None)
    seen: Counter[str] = Counter()
    live = {key: group for key, group in groups.items() if group.parts}  # a group whose every row was bad is no entry
    for (day, bucket), group in sorted(live.items(), key=lambda kv: (kv[0][0], kv[1].line)):
        base_time = group.clock or _BUCKETS.get(bucket, time(12, 0))
        moods = group.moods or [(group.line, None, None, [], "")]
        for index, (line, value, at, feelings, mood_note) in enumerate(moods):
            first = index == 0
            when = datetime.combine(day, at or base_time)
            parts = [day.isoformat(), bucket, index, sorted(group.parts) if first else [line, value, feelings, mood_note]]
            result.rows.append(
                ImportedRow(
                    line=line if not first else group.line,
                    local_datetime=when,
                    fingerprint=fingerprint("bearable/1", parts, seen),
                    mood_value=value,
                    original=f"Bearable {value}/10" if value is not None else "",
                    note=_bearable_note(group, mood_note, feelings, first),
                    energy=group.energy if first else None,
                    sleep_hours=group.sleep_hours if first else None,
                    sleep_quality=group.sleep_quality if first else None,
                    symptoms=tuple(group.symptoms.items()) if first else (),
                    tags=tuple((name, "activity") for name in dict.fromkeys(group.tags)) if first else (),
                )
            )
    result.rows.sort(key=lambda r: (r.local_datetime, r.line))
    for what, count in sorted(left_out.items()):
        what_words = _(what)
        result.notes.append(ngettext("{what}: {count} row not imported (this journal has no place for them).",
                                     "{what}: {count} rows not imported (this journal has no place for them).",
                                     count).format(what=what_words[:1].upper() + what_words[1:], count=count))
    return result


# --------------------------------------------------------------------------------------------
# iMoodJournal
# --------------------------------------------------------------------------------------------


def looks_like_imoodjournal(header: tuple[str, ...]) -> bool:
    return header[: len(IMOOD_HEADER)] == IMOOD_HEADER


_LEVEL_TEXT = re.compile(r"^\(\s*\d+\s*\)\s*(.*)$")


def parse_imoodjournal(data: bytes) -> ParseResult:
    """Read an iMoodJournal CSV export: one entry per row, level 1–10 with its words, the comment
    as the note (line breaks kept), and every hashtag column marked ``1`` as an activity tag (the
    columns are the app's own record; ``#words`` in comments stay in the note as written).
    Raises :class:`ImportFormatError` for a file that is not an iMoodJournal export."""
    records = read_csv_records(decode_text(data, N_("an iMoodJournal export")))
    if not records or not looks_like_imoodjournal(_header(records[0][1])):
        raise ImportFormatError(_("This file does not start with iMoodJournal's column names."))
    names = [clean_label(cell) for cell in records[0][1]]
    result = ParseResult(kind="imoodjournal", mood_scale=(1, 10))
    seen: Counter[str] = Counter()
    for line, record in records[1:]:
        if all(not cell.strip() for cell in record):
            continue
        result.records += 1
        try:
            m = _LONG_DATE.fullmatch(clean_label(record[0]))
            if not m:
                raise RowProblem("the date could not be read" if record[0].strip() else "the date is missing")
            day = _real_date(int(m[3]), _month(m[1]), int(m[2]))
            try:
                hour, minute = int(record[2]), int(record[3])
                at = time(hour, minute)
            except (ValueError, IndexError):
                raise RowProblem(_("the time could not be read")) from None
            try:
                level = int(record[4])
            except (ValueError, IndexError):
                raise RowProblem(_("the mood level is not a whole number")) from None
            if not 1 <= level <= 10:
                raise RowProblem(_("the mood level is not from 1 to 10"))
        except RowProblem as problem:
            result.skipped.append(SkippedRow(line, str(problem)))
            continue
        words = _LEVEL_TEXT.match(clean_label(record[5]) if len(record) > 5 else "")
        word = words[1] if words else ""
        comment = record[6] if len(record) > 6 else ""
        tags = tuple(
            (names[i], "activity") for i in range(7, min(len(record), len(names))) if record[i].strip() == "1" and names[i]
        )
        when = datetime.combine(day, at)
        result.rows.append(
            ImportedRow(
                line=line,
                local_datetime=when,
                fingerprint=fingerprint("imoodjournal/1", [when.isoformat(), level, comment, tags], seen),
                mood_value=level,
                original=f"iMoodJournal {level}/10" + (f" ({word})" if word else ""),
                note=comment.strip("\n"),
                tags=tags,
            )
        )
    return result


# --------------------------------------------------------------------------------------------
# eMoods
# --------------------------------------------------------------------------------------------

_EMOODS_SYMPTOMS = (("depressed", "Depressed"), ("elevated", "Elevated mood"), ("irritability", "Irritability"),
                    ("psychotic symptoms", "Psychotic symptoms"))


def _emoods_key(name: str) -> str:
    return clean_label(name.split("(")[0]).casefold()


def parse_emoods(data: bytes) -> ParseResult:
    """Read an eMoods ``.emoods`` backup (a ZIP holding ``entry.csv``, one row per day). The ZIP is
    opened with the bounds of :func:`~caregiver_app.importers.common.read_zip_member`. Raises
    :class:`ImportFormatError` for anything else."""
    archive = zip_members(data, N_("eMoods backup"))
    names = {info.filename.rsplit("/", 1)[-1].casefold(): info.filename for info in archive.infolist()}
    if "entry.csv" not in names:
        raise ImportFormatError(_("This file does not hold the journal part of an eMoods backup."))
    records = read_csv_records(decode_text(read_zip_member(archive, names["entry.csv"], N_("eMoods backup")), N_("an eMoods backup")))
    if not records:
        raise ImportFormatError(_("The eMoods backup has no entries."))
    columns = {_emoods_key(cell): i for i, cell in enumerate(records[0][1])}
    if not all(name in columns for name in ("date", "depressed", "elevated")):
        raise ImportFormatError(_("The eMoods backup's entry list does not have the expected columns."))
    result = ParseResult(kind="emoods")
    seen: Counter[str] = Counter()

    def cell(record: list[str], name: str) -> str:
        i = columns.get(name)
        return record[i].strip() if i is not None and i < len(record) else ""

    for line, record in records[1:]:
        if all(not c.strip() for c in record):
            continue
        result.records += 1
        try:
            m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", cell(record, "date"))
            if not m:
                raise RowProblem("the date could not be read" if cell(record, "date") else "the date is missing")
            day = _real_date(int(m[1]), int(m[2]), int(m[3]))
            values: dict[str, int] = {}
            for key in ("depressed", "elevated", "irritability", "anxiety", "psychotic symptoms"):
                text = cell(record, key)
                value = int(float(text)) if text else 0
                if not 0 <= value <= 4:
                    raise RowProblem(_("the {key} value is not from 0 to 4").format(key=key))
                values[key] = value
            sleep_text = cell(record, "sleep")
            sleep = float(sleep_text) if sleep_text else 0.0
            if not 0 <= sleep <= 24:
                raise RowProblem(_("the hours of sleep are not from 0 to 24"))
        except ValueError:
            result.skipped.append(SkippedRow(line, _("a number could not be read")))
            continue
        except RowProblem as problem:
            result.skipped.append(SkippedRow(line, str(problem)))
            continue
        note = cell(record, "note")
        if not any(values.values()) and not sleep and not note.strip():
            result.skipped.append(SkippedRow(line, _("nothing was recorded that day")))
            continue
        symptoms = tuple((label, EMOODS_SEVERITY[values[key]]) for key, label in _EMOODS_SYMPTOMS if values[key])
        said = [f"{key} {EMOODS_WORDS[values[key]]}" for key, _unused in _EMOODS_SYMPTOMS[:2] if values[key]]
        when = datetime.combine(day, time(12, 0))
        result.rows.append(
            ImportedRow(
                line=line,
                local_datetime=when,
                fingerprint=fingerprint("emoods/1", [day.isoformat(), values, sleep, note], seen),
                original=("eMoods " + ", ".join(said)) if said else "",
                note=note,
                anxiety=EMOODS_SEVERITY[values["anxiety"]] if values["anxiety"] else None,
                sleep_hours=round(sleep, 2) if sleep else None,
                symptoms=symptoms,
            )
        )
    return result
