"""Importing other apps' journal exports (Daylio first) into the vault in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from ..i18n import N_, _, ngettext
from ..domain import timeutil
from ..domain.errors import CaregiverError, ValidationError
from ..domain.model import JournalEntry, MoodLevel, Person, Recorder, Tag, TagKind
from ..importers.common import SkippedRow
from ..importers.daylio import DaylioParseResult, label_key, parse_daylio, resolve_mood_levels
from ..storage.errors import BackupDiskFullError, BackupError, BackupFolderError, DiskFullError
from ..storage.health import disk_is_full
from ..storage.repos import imports as batches_repo
from ..storage.repos import people as people_repo
from ..storage.repos import settings as settings_repo
from . import backups, journal
from .import_batches import SKIPPED_KEPT, ImportSummary
from .clock import Clock, local_zone_name, utc_now
from .user_files import read_chosen_file
from .vault import Vault, session_of

MAX_IMPORT_BYTES = 50 * 1024 * 1024
WORDS_KEY = "import.words"
"""Vault setting (inside the encrypted database) of the mood-word levels chosen at imports, one
per app: ``import.words.daylio``; the bare key holds levels chosen before they were kept per app."""


class MoodMappingNeeded(CaregiverError):
    """Some mood labels in the file have no level yet; nothing was imported.

    ``labels`` lists them (exact text as in the file) with their entry counts.
    """

    def __init__(self, labels: list[tuple[str, int]]):
        self.labels = labels
        names = ", ".join(f"“{name}”" for name, _unused in labels[:6])
        if len(labels) > 6:
            text = ngettext("Please choose a mood level (1 very low to 5 very good) for: {names} and {count} more. "
                            "Nothing was imported yet.",
                            "Please choose a mood level (1 very low to 5 very good) for: {names} and {count} more. "
                            "Nothing was imported yet.", len(labels) - 6).format(names=names, count=len(labels) - 6)
        else:
            text = _("Please choose a mood level (1 very low to 5 very good) for: {names}. Nothing was imported "
                     "yet.").format(names=names)
        super().__init__(text)


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
    batch_id: int | None = None
    """The import's number in the list of past imports (for undoing it)."""
    summary: ImportSummary = field(default_factory=ImportSummary)
    """What the import did, as kept with it (person, date range, the backup made before)."""

    def summary_line(self) -> str:
        """E.g. ``"1500 new, 0 already present"``."""
        return _("{new} new, {present} already present").format(new=self.new, present=self.already_present)


def read_import_file(path: Path) -> bytes:
    """The bytes of a file chosen for import (ordinary files only; the 50 MB limit counts the
    bytes read). Raises :class:`ValidationError` with plain words for anything else."""
    return read_chosen_file(path, max_bytes=MAX_IMPORT_BYTES,
                            too_large=N_("That file is too large to be a journal export (over 50 MB)."))


def _preview(result: DaylioParseResult, mood_map: Mapping[str, int]) -> ImportPreview:
    counts = result.mood_label_counts
    levels, _unused = resolve_mood_levels(counts.keys(), mood_map)
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
    file_name: str = "",
    clock: Clock = utc_now,
    back_up: bool = True,
) -> ImportReport:
    """Import a Daylio CSV export for the person called ``person_name`` (added if new).

    Times in the file are local wall-clock times in ``zone_name`` (the computer's zone when
    empty). Default Daylio labels map by themselves; every other label needs a level in
    ``mood_map`` (matched ignoring case and outer spaces), or one chosen at an earlier Daylio
    import (kept in the vault), or :class:`MoodMappingNeeded` is raised and nothing is written.
    Entries count as the person's own record; activities become tags. A verified backup comes
    first (see :func:`write_import`: a failed one raises :class:`BackupError`, nothing written);
    then everything is written in one transaction, as one import that can be undone
    (``file_name`` is kept with it); entries already imported (same file rows) are not added
    again. The levels used are remembered for the next Daylio file.
    """
    tz = timeutil.zone(zone_name or local_zone_name())
    result = parse_daylio(data)
    mood_map = merged_map(daylio_levels(vault), mood_map or {})
    preview = _preview(result, mood_map)
    missing = [(info.label, info.count) for info in preview.labels if info.level is None]
    if missing:
        raise MoodMappingNeeded(missing)
    levels = {label_key(info.label): info.level for info in preview.labels}
    days = (result.first_entry.date() if result.first_entry else None,
            result.last_entry.date() if result.last_entry else None)

    def make_entries(person_id: int) -> tuple[list[JournalEntry], list[SkippedRow]]:
        entries: list[JournalEntry] = []
        skipped = list(result.skipped)
        for row in result.rows:
            try:
                instant, local_date = timeutil.local_to_utc(row.local_datetime, tz, strict=False)
                entry = JournalEntry(
                    id=None,
                    person_id=person_id,
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
        return entries, skipped

    used = {label_key(info.label): info.level for info in preview.labels if info.level is not None}
    return write_import(vault, kind="daylio", file_name=file_name, person_name=person_name,
                        make_entries=make_entries, days=days, preview=preview, notes=[result.date_order_note],
                        remember=lambda s: remember_words(s, "daylio", used), clock=clock, back_up=back_up)


def _back_up_first(vault: Vault, clock: Clock) -> str:
    """The verified backup made before an import writes; returns its file name. A failed backup
    stops the import with the reason in plain words (a full disk stays a disk-full error)."""
    try:
        return backups.back_up_before_import(vault, clock=clock, prune=False).path.name
    except BackupFolderError:
        kind, why = BackupError, "folder"
    except BackupError as exc:
        kind, why = type(exc), ""
    except OSError as exc:  # e.g. the backups folder cannot be made
        kind, why = (BackupDiskFullError if disk_is_full(exc) else BackupError, "folder")
    if issubclass(kind, DiskFullError):
        message = _("Nothing was imported. Before every import the app makes a backup of the vault, and this time "
                    "the backup could not be made because the disk is full. Free some space, then try again. "
                    "Your journal is as it was.")
    elif why == "folder":
        message = _("Nothing was imported. Before every import the app makes a backup of the vault, and this time "
                    "the backup could not be made because the backups folder beside the vault cannot be written. "
                    "Check that the vault's folder can be written to, then try again. Your journal is as it was.")
    else:
        message = _("Nothing was imported. Before every import the app makes a backup of the vault, and this time "
                    "the backup could not be made. Check that the vault's folder can be written to, then try "
                    "again. Your journal is as it was.")
    raise kind(message) from None


def write_import(vault: Vault, *, kind: str, file_name: str, person_name: str,
                 make_entries: Callable[[int], tuple[list[JournalEntry], list[SkippedRow]]],
                 days: tuple[date | None, date | None], preview: object, notes: Sequence[str] = (),
                 remember: Callable[[Session], None] | None = None, clock: Clock = utc_now,
                 back_up: bool = True) -> ImportReport:
    """The one way an import writes, for every format: first a verified backup (``back_up``;
    :class:`BackupError` in plain words stops everything), then ONE transaction that adds the
    person when new, writes the import's row in the list of past imports, the entries
    ``make_entries(person_id)`` returns (each marked with the import's id; those already in the
    journal are left out) and the choices to remember (``remember(session)``). ``days`` are the
    file's first and last local calendar days; ``notes`` are sentences for the summary."""
    backup_name = _back_up_first(vault, clock) if back_up else ""
    try:
        report = _write_import_transaction(vault, kind, file_name, person_name, make_entries, days, preview, notes,
                                           remember, clock, backup_name)
    except DiskFullError:
        # Nothing was written, so the backup just made is a copy of the vault as it still is: take
        # it away again, or every retry on a full disk would use up more of the space to be freed.
        if backup_name:
            (vault.paths.backups / backup_name).unlink(missing_ok=True)
        raise
    if backup_name:  # only now: a failed import must not push an older backup out
        backups.prune_backups(vault, keep=(backup_name,))  # the copy the summary names stays
    return report


def _write_import_transaction(vault, kind, file_name, person_name, make_entries, days, preview, notes, remember,
                              clock, backup_name) -> ImportReport:
    wanted = Person(None, person_name).display_name
    now = clock()
    with session_of(vault) as s:  # one transaction: the person, the import's row, the entries, the choices
        person, added = people_repo.person_named(s, wanted, now)
        entries, skipped = make_entries(person.id)
        skipped = sorted(skipped, key=lambda item: item.line)
        batch_id = batches_repo.add_batch(s, person.id, kind, file_name, now)
        new, already = journal.write_imported_entries(s, person.id, entries, now, import_batch_id=batch_id)
        summary = ImportSummary(new, already, tuple(skipped[:SKIPPED_KEPT]), len(skipped), days[0], days[1],
                                backup_name, person.display_name, added, tuple(n for n in notes if n))
        batches_repo.finish_batch(s, batch_id, summary.to_json(), new)
        if remember is not None:
            remember(s)
    return ImportReport(person.id, added, new, already, preview, tuple(skipped), batch_id, summary)


def remembered_words(session: Session, source: str) -> dict[str, int]:
    """The mood-word levels chosen at earlier imports of ``source`` (``{label key: level}``),
    kept in the vault (never the settings file: the words can be health data). Words chosen
    before levels were kept per app still count, under this app's own."""
    words: dict[str, int] = {}
    for key in (WORDS_KEY, f"{WORDS_KEY}.{source}"):
        try:
            stored = json.loads(settings_repo.get_setting(session, key, "{}") or "{}")
        except ValueError:
            continue
        if isinstance(stored, dict):
            words.update({label_key(str(k)): int(v) for k, v in stored.items()
                          if isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 5})
    return words


def remember_words(session: Session, source: str, mood_map: Mapping[str, int]) -> None:
    """Keep ``mood_map``'s levels for ``source`` in the vault, over the ones kept before."""
    if not mood_map:
        return
    words = {k: v for k, v in remembered_words(session, source).items()}
    words.update({label_key(k): int(v) for k, v in mood_map.items()})
    settings_repo.set_setting(session, f"{WORDS_KEY}.{source}", json.dumps(words, ensure_ascii=False))


def daylio_levels(vault: Vault) -> dict[str, int]:
    """The Daylio mood levels chosen at earlier imports (for the Daylio dialog to offer again)."""
    with session_of(vault) as s:
        return remembered_words(s, "daylio")


def merged_map(remembered: Mapping[str, int], chosen: Mapping[str, int]) -> dict[str, int]:
    """``remembered`` levels with ``chosen`` ones over them, keyed by :func:`label_key` (so a
    word typed in another case is one word)."""
    return {**{label_key(k): v for k, v in remembered.items()}, **{label_key(k): v for k, v in chosen.items()}}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def parse_mood_map(pairs: list[str]) -> dict[str, int]:
    """Parse ``LABEL=LEVEL`` strings (the command line's ``--mood-map``). Raises
    :class:`ValidationError` with a plain message for a malformed pair or a level outside 1–5."""
    mapping: dict[str, int] = {}
    for pair in pairs:
        label, sep, level = pair.rpartition("=")
        if not sep or not label.strip():
            raise ValidationError(_("“{pair}” should look like LABEL=LEVEL, for example \"okay=3\".").format(pair=pair))
        try:
            value = int(level.strip())
        except ValueError:
            raise ValidationError(_("In “{pair}”, the level must be a number from 1 to 5.").format(pair=pair)) from None
        if not 1 <= value <= 5:
            raise ValidationError(_("In “{pair}”, the level must be from 1 (very low) to 5 (very good).").format(pair=pair))
        mapping[label] = value
    return mapping
