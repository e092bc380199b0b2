"""CSV export of one person's journal, made to open correctly in Excel and LibreOffice.

The file is UTF-8 with a byte-order mark (so Excel reads accents, Greek and emoji correctly), every
field is quoted (``csv.QUOTE_ALL``), rows end with CRLF, and notes keep their commas, quotes and
line breaks. A text field that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula
(OWASP "CSV injection"); nothing else is changed. The file is written atomically: a half-written
file never takes the name.

Dates, times and numbers are data here, not display text, so they are the same in every locale
and under every time-format setting: the local date is ISO 8601 (``2026-11-30``), the local time
is 24-hour ``HH:MM`` (``21:15``) and sleep hours use a decimal point (``6.5``). Excel and
LibreOffice read exactly these as dates, times and numbers in every country and then show them
in the user's own format; a "9:15 PM" or a "6,5" would be plain text in half the world's
spreadsheets and would not sort. The printed documents are where the locale's words go.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..i18n import N_, _
from ..domain import timeutil
from ..domain.errors import ValidationError
from ..domain.model import JournalEntry, TagKind
from ..storage.repos import journal as repo
from .clock import local_zone_name
from .export_files import JournalExport
from .medications import dose_texts
from .people import get_person
from .user_files import save_export, with_suffix
from .vault import Vault, session_of

COLUMNS: tuple[str, ...] = (
    "Local date",
    "Local time",
    "Time zone",
    "Recorded by",
    "Mood (1-5)",
    "Mood (word)",
    "Mood as imported",
    "Anxiety (0-10)",
    "Energy (0-10)",
    "Sleep hours",
    "Sleep quality",
    "Symptoms (0-10)",
    "Medicines",
    "Activities",
    "Stressors",
    "Elevated / irritable",
    "Flagged for visit",
    "Note",
)
"""The note stays last (the longest text)."""
ENCODING = "utf-8-sig"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def default_filename(today: date) -> str:
    """A generic file name with no names or health words: ``journal-export-2026-11-30.csv``."""
    return f"journal-export-{today.isoformat()}.csv"


def safe_text(text: str) -> str:
    """``text`` unchanged, unless a spreadsheet would read it as a formula: then an apostrophe
    goes in front (``"=1+1"`` -> ``"'=1+1"``)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _offset_text(moment) -> str:
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def entry_row(entry: JournalEntry, person_name: str, zone_name: str, doses: str = "") -> list[str]:
    """One CSV row (strings, in :data:`COLUMNS` order). The local time is the wall-clock time the
    entry was written at, in its own zone (``zone_name``, an IANA zone, for entries without one);
    the date is the local calendar date the entry belongs to. ``doses`` are the doses recorded in
    the entry in words (``medications.dose_texts``)."""
    tz = timeutil.zone(zone_name)
    local = entry.wall_clock(tz)
    activities = "; ".join(t.name for t in entry.tags if t.kind is TagKind.ACTIVITY)
    stressors = "; ".join(t.name for t in entry.tags if t.kind is TagKind.STRESSOR)
    return [
        entry.local_date.isoformat(),
        f"{local:%H:%M}",
        f"{getattr(local.tzinfo, 'key', zone_name)} ({_offset_text(local)})",
        safe_text(entry.recorded_by.describe(person_name)),
        str(int(entry.mood)) if entry.mood is not None else "",
        entry.mood.label if entry.mood is not None else "",
        safe_text(entry.mood_label),
        str(entry.anxiety) if entry.anxiety is not None else "",
        str(entry.energy) if entry.energy is not None else "",
        f"{entry.sleep_hours:g}" if entry.sleep_hours is not None else "",
        entry.sleep_quality.label if entry.sleep_quality is not None else "",
        safe_text("; ".join(f"{r.symptom} {r.severity}/10" for r in entry.symptoms)),
        safe_text(doses),
        safe_text(activities),
        safe_text(stressors),
        entry.elevation.label if entry.elevation is not None else "",
        "yes" if entry.flag_for_visit else "no",
        safe_text(entry.note),
    ]



def journal_rows(vault: Vault, person_id: int, zone_name: str = "") -> Iterator[list[str]]:
    """The header, then one row per entry of the person, oldest first. Raises
    :class:`NotFoundError` for a person no longer in the vault."""
    zone_name = zone_name or local_zone_name()
    timeutil.zone(zone_name)  # a plain message for an unknown zone, before anything is read
    person = get_person(vault, person_id)
    with session_of(vault) as s:
        entries = repo.entries_between(s, person_id, date.min, date.max)
    doses = dose_texts(vault, [e.id for e in entries if e.id is not None])
    yield list(COLUMNS)
    for entry in entries:
        yield entry_row(entry, person.display_name, zone_name, doses.get(entry.id, ""))


def write_journal_csv(vault: Vault, person_id: int, path: Path, *, zone_name: str = "") -> JournalExport:
    """Write the person's whole journal to ``path`` (``.csv`` is added when missing), atomically.
    Raises :class:`ValidationError` (plain words) for a missing folder, no permission or a full
    disk; :class:`NotFoundError` for a person no longer in the vault."""
    path = with_suffix(path, ".csv")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=folder))
    rows = list(journal_rows(vault, person_id, zone_name))

    def write(fh) -> None:
        text = io.TextIOWrapper(fh, encoding=ENCODING, newline="")
        csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
        text.flush()
        text.detach()  # the private writer closes the file itself

    # readable by this user only (where the system has such modes): it holds health data
    return JournalExport(save_export(path, write, what=N_("the journal")), len(rows) - 1)
