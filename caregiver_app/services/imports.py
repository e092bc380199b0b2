"""Importing other apps' journal exports (Daylio first) into the vault in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..domain import timeutil
from ..domain.errors import CaregiverError, ValidationError
from ..domain.model import JournalEntry, MoodLevel, Person, Recorder, Tag, TagKind
from ..importers.common import SkippedRow
from ..importers.daylio import DaylioParseResult, label_key, parse_daylio, resolve_mood_levels
from ..storage.repos import people as people_repo
from . import journal
from .clock import Clock, local_zone_name, utc_now
from .user_files import read_chosen_file
from .vault import Vault, session_of

MAX_IMPORT_BYTES = 50 * 1024 * 1024


class MoodMappingNeeded(CaregiverError):
    """Some mood labels in the file have no level yet; nothing was imported.

    ``labels`` lists them (exact text as in the file) with their entry counts.
    """

    def __init__(self, labels: list[tuple[str, int]]):
        self.labels = labels
        names = ", ".join(f"“{name}”" for name, _ in labels[:6])
        more = f" and {len(labels) - 6} more" if len(labels) > 6 else ""
        super().__init__(
            f"Please choose a mood level (1 very low to 5 very good) for: {names}{more}. Nothing was imported yet."
        )


@dataclass(frozen=True)
class LabelInfo:
    """A mood label found in the file, how many entries use it and the level it maps to
    (None when the user still has to choose)."""

    label: str
    count: int
    level: int | None


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds, before anything is written. First/last are naive local wall-clock."""

    layout: str
    rows: int
    distinct_days: int
    first_entry: datetime | None
    last_entry: datetime | None
    distinct_activities: int
    labels: tuple[LabelInfo, ...]
    skipped: tuple[SkippedRow, ...]
    date_order_note: str = ""

    @property
    def unmapped(self) -> list[str]:
        return [info.label for info in self.labels if info.level is None]


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import: how many entries are new, how many were already in the vault,
    which lines were skipped and why, and what the file held (``preview``: the
    :class:`ImportPreview` of a Daylio CSV, or the :class:`~caregiver_app.services.import_any.Preview`
    of any other file)."""

    person_id: int
    person_added: bool
    new: int
    already_present: int
    preview: object
    skipped: tuple[SkippedRow, ...] = field(default_factory=tuple)

    def summary_line(self) -> str:
        """E.g. ``"1500 new, 0 already present"``."""
        return f"{self.new} new, {self.already_present} already present"


def read_import_file(path: Path) -> bytes:
    """The bytes of a file chosen for import (ordinary files only; the 50 MB limit counts the
    bytes read). Raises :class:`ValidationError` with plain words for anything else."""
    return read_chosen_file(path, max_bytes=MAX_IMPORT_BYTES,
                            too_large="That file is too large to be a journal export (over 50 MB).")


def _preview(result: DaylioParseResult, mood_map: Mapping[str, int]) -> ImportPreview:
    counts = result.mood_label_counts
    levels, _ = resolve_mood_levels(counts.keys(), mood_map)
    labels = tuple(
        LabelInfo(label, n, levels.get(label)) for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return ImportPreview(
        layout=result.layout,
        rows=len(result.rows),
        distinct_days=result.distinct_days,
        first_entry=result.first_entry,
        last_entry=result.last_entry,
        distinct_activities=result.distinct_activities,
        labels=labels,
        skipped=tuple(result.skipped),
        date_order_note=result.date_order_note,
    )


def preview_daylio(data: bytes, mood_map: Mapping[str, int] | None = None) -> ImportPreview:
    """Read a Daylio CSV export and describe it without writing anything.

    Raises :class:`~caregiver_app.importers.daylio.DaylioFormatError` for an unreadable file and
    :class:`ValidationError` for a mood map with levels outside 1–5.
    """
    return _preview(parse_daylio(data), mood_map or {})


def import_daylio(
    vault: Vault,
    data: bytes,
    person_name: str,
    mood_map: Mapping[str, int] | None = None,
    zone_name: str = "",
    *,
    clock: Clock = utc_now,
) -> ImportReport:
    """Import a Daylio CSV export for the person called ``person_name`` (added if new).

    Times in the file are local wall-clock times in ``zone_name`` (the computer's zone when
    empty). Default Daylio labels map by themselves; every other label needs a level in
    ``mood_map`` (matched ignoring case and outer spaces) or :class:`MoodMappingNeeded` is raised
    and nothing is written. Entries count as the person's own record; activities become tags.
    Everything is written in one transaction; entries already imported (same file rows) are not
    added again.
    """
    mood_map = dict(mood_map or {})
    tz = timeutil.zone(zone_name or local_zone_name())
    result = parse_daylio(data)
    preview = _preview(result, mood_map)
    missing = [(info.label, info.count) for info in preview.labels if info.level is None]
    if missing:
        raise MoodMappingNeeded(missing)
    levels = {label_key(info.label): info.level for info in preview.labels}
    wanted = Person(None, person_name).display_name
    now = clock()
    with session_of(vault) as s:  # one transaction: the person, the entries and their tags
        person, added = people_repo.person_named(s, wanted, now)
        entries: list[JournalEntry] = []
        skipped = list(result.skipped)
        for row in result.rows:
            try:
                instant, local_date = timeutil.local_to_utc(row.local_datetime, tz, strict=False)
                entry = JournalEntry(
                    id=None,
                    person_id=person.id,
                    occurred_at=instant,
                    local_date=local_date,
                    recorded_by=Recorder.person(),
                    mood=MoodLevel(levels[label_key(row.mood_label)]),
                    mood_label=f"Daylio \u201c{row.mood_label}\u201d",
                    note=row.note,
                    tags=tuple(Tag(a, TagKind.ACTIVITY) for a in row.activities),
                    source="daylio",
                    import_key=row.fingerprint,
                    zone_name=tz.key,
                )
            except ValidationError as exc:  # e.g. a note over the length limit: skip the row, say why
                skipped.append(SkippedRow(row.line, _lower_first(str(exc))))
                continue
            entries.append(entry)
        skipped.sort(key=lambda item: item.line)
        new, already = journal.write_imported_entries(s, person.id, entries, now)
    return ImportReport(person.id, added, new, already, preview, tuple(skipped))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def parse_mood_map(pairs: list[str]) -> dict[str, int]:
    """Parse ``LABEL=LEVEL`` strings (the command line's ``--mood-map``). Raises
    :class:`ValidationError` with a plain message for a malformed pair or a level outside 1–5."""
    mapping: dict[str, int] = {}
    for pair in pairs:
        label, sep, level = pair.rpartition("=")
        if not sep or not label.strip():
            raise ValidationError(f"“{pair}” should look like LABEL=LEVEL, for example \"okay=3\".")
        try:
            value = int(level.strip())
        except ValueError:
            raise ValidationError(f"In “{pair}”, the level must be a number from 1 to 5.") from None
        if not 1 <= value <= 5:
            raise ValidationError(f"In “{pair}”, the level must be from 1 (very low) to 5 (very good).")
        mapping[label] = value
    return mapping
