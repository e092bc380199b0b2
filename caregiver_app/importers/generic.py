"""A CSV from an app this one does not know yet, read through the columns the user mapped.

Pure (standard library plus the domain). A :class:`ColumnMap` names which column holds the date,
the time, the mood (with its scale: a number range such as ``1-10`` or ``words``), the notes and
the tags. :func:`header_key` identifies "the same kind of file" so a mapping can be remembered
per source (the import service keeps it inside the encrypted vault).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime, time

from caregiver_app.domain.model import clean_label

from ..i18n import N_, _
from . import date_order
from .common import (
    ImportedRow,
    ImportFormatError,
    ParseResult,
    SkippedRow,
    choose_delimiter,
    decode_text,
    fingerprint,
    first_csv_record,
    read_csv_records,
)
from .dates import SLASH_DATE, RowProblem, full_year, parse_full_date, parse_time
from .trackers import _BEARABLE_DATE, _LONG_DATE, _month, _real_date

ROLES = ("date", "time", "mood", "notes", "tags")
_SCALE = re.compile(r"(\d{1,3})\s*-\s*(\d{1,3})")
_TIME_TAIL = re.compile(r"^(\S+)[T ](\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s*[Mm]\.?)?)")


@dataclass(frozen=True)
class ColumnMap:
    """Column names (as in the file's header) for each role; ``""`` means "not in this file".
    ``scale`` is ``"1-10"``-style for numbers or ``"words"`` for mood labels. ``date`` and
    ``mood`` or ``notes`` are required."""

    date: str
    time: str = ""
    mood: str = ""
    scale: str = "1-10"
    notes: str = ""
    tags: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_pairs(cls, pairs: list[str] | dict[str, str]) -> "ColumnMap":
        """From ``["date=Day", "mood=Feeling", "scale=1-10"]`` (the command line's ``--map``) or a
        dict. Raises :class:`ImportFormatError` with plain words for anything else."""
        values: dict[str, str] = {}
        items = pairs.items() if isinstance(pairs, dict) else (p.partition("=")[::2] for p in pairs)
        for key, value in items:
            key = key.strip().casefold().replace("note", "notes").replace("notess", "notes")
            if key not in (*ROLES, "scale"):
                raise ImportFormatError(
                    _("Each --map should look like ROLE=COLUMN, with ROLE one of date, time, mood, scale, notes, tags.")
                )
            values[key] = value.strip()
        if not values.get("date"):
            raise ImportFormatError(_("Please say which column holds the date, for example --map date=Day."))
        return cls(**values)

    def scale_range(self) -> tuple[int, int] | None:
        """``(low, high)`` for a number scale, ``None`` for words."""
        if self.scale.strip().casefold() in ("words", "labels", "text"):
            return None
        m = _SCALE.fullmatch(self.scale.strip())
        if not m or int(m[1]) >= int(m[2]) or int(m[2]) - int(m[1]) < 4:
            raise ImportFormatError(_("The mood scale should look like 1-10, 0-10 or 1-5, or be “words”."))
        return int(m[1]), int(m[2])


def _records(text: str) -> list[tuple[int, list[str]]]:
    return read_csv_records(text, choose_delimiter(text))


def read_header(data: bytes) -> list[str]:
    """The column names of a CSV file (cleaned); raises :class:`ImportFormatError`."""
    text = decode_text(data, N_("a CSV file"))
    first = first_csv_record(text, choose_delimiter(text))
    if first is None or len(first) < 2:
        raise ImportFormatError(_("This file does not look like a table with columns."))
    return [clean_label(cell) for cell in first]


def header_key(header: list[str]) -> str:
    """A short id for files with this header (the source a mapping is remembered for)."""
    joined = "\x1f".join(name.casefold() for name in header)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


def _date_and_time(text: str, day_first: bool) -> tuple[object, time | None]:
    value = clean_label(text)
    if m := _BEARABLE_DATE.fullmatch(value):
        return _real_date(int(m[3]), _month(m[2]), int(m[1])), None
    if m := _LONG_DATE.fullmatch(value):
        return _real_date(int(m[3]), _month(m[1]), int(m[2])), None
    if m := _TIME_TAIL.match(value):
        return parse_full_date(m[1], day_first), parse_time(m[2])
    return parse_full_date(value, day_first), None


def _date_order(records: list[tuple[int, list[str]]], column: int) -> date_order.DateOrder:
    """Whether ``03/05/2024`` means 3 May in this file, and why (the same rules as Daylio exports)."""
    samples = []
    for _unused, record in records:
        text = clean_label(record[column]) if column < len(record) else ""
        if m := SLASH_DATE.fullmatch(text):
            samples.append(date_order.SlashDate(int(m["first"]), int(m["second"]), full_year(m["year"]), text.split(" ")[0]))
    return date_order.decide(samples)


def parse_generic(data: bytes, columns: ColumnMap) -> ParseResult:
    """Read a CSV through ``columns``. Rows without a readable date, or whose mood is outside the
    scale, are skipped by line. A row with no time is kept at noon. Raises
    :class:`ImportFormatError` when a mapped column is not in the file."""
    text = decode_text(data, N_("a CSV file"))
    records = [(line, rec) for line, rec in _records(text) if any(c.strip() for c in rec)]
    if not records:
        raise ImportFormatError(_("The file has no rows."))
    header = [clean_label(cell).casefold() for cell in records[0][1]]
    index: dict[str, int] = {}
    for role in ROLES:
        name = getattr(columns, role)
        if name:
            if name.casefold() not in header:
                raise ImportFormatError(_("The file has no column called “{name}” (chosen for the {role}).").format(name=name, role=role))
            index[role] = header.index(name.casefold())
    if "mood" not in index and "notes" not in index:
        raise ImportFormatError(_("Please choose a column for the mood or for the notes."))
    scale = columns.scale_range() if "mood" in index else None
    order = _date_order(records[1:], index["date"])
    day_first = order.day_first
    result = ParseResult(kind="generic", mood_scale=scale, notes=[order.note] if order.note else [])
    seen: Counter[str] = Counter()

    def cell(record: list[str], role: str) -> str:
        i = index.get(role)
        return record[i] if i is not None and i < len(record) else ""

    for line, record in records[1:]:
        result.records += 1
        try:
            if not cell(record, "date").strip():
                raise RowProblem(_("the date is missing"))
            day, at = _date_and_time(cell(record, "date"), day_first)
            if cell(record, "time").strip():
                at = parse_time(cell(record, "time"))
            mood_text = clean_label(cell(record, "mood"))
            value: int | None = None
            label = ""
            if mood_text and scale is not None:
                try:
                    number = float(mood_text.replace(",", "."))
                except ValueError:
                    raise RowProblem(_("the mood is not a number")) from None
                if not number.is_integer() or not scale[0] <= number <= scale[1]:
                    raise RowProblem(_("the mood is not a whole number from {low} to {high}").format(low=scale[0], high=scale[1]))
                value = int(number)
            elif mood_text:
                label = mood_text
        except RowProblem as problem:
            result.skipped.append(SkippedRow(line, str(problem)))
            continue
        note = cell(record, "notes").strip("\n")
        tags = tuple((name, "activity") for name in dict.fromkeys(
            clean_label(part) for part in re.split(r"[|;,]", cell(record, "tags")) if clean_label(part)))
        if value is None and not label and not note.strip() and not tags:
            result.skipped.append(SkippedRow(line, _("the row has nothing to keep")))
            continue
        when = datetime.combine(day, at or time(12, 0))
        original = ""
        if value is not None and scale is not None:
            original = f"{value} on a {scale[0]}-{scale[1]} scale"
        elif label:
            original = f"\u201c{label}\u201d"
        result.rows.append(
            ImportedRow(
                line=line,
                local_datetime=when,
                fingerprint=fingerprint("generic/1", [when.isoformat(), value, label, note, tags], seen),
                mood_value=value,
                mood_label=label,
                original=original,
                note=note,
                tags=tags,
            )
        )
    return result
