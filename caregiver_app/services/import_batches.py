"""The imports made into the vault: what each one did (its summary), the list of past imports, and
undoing a whole import in one transaction.

Every import (window and command line, every format) writes one ``import_batch`` row and marks
each entry it added with the row's id, in the same transaction as the entries
(:func:`caregiver_app.services.imports.write_import`). Undoing removes exactly those entries, with
their symptom ratings, tag links and doses; entries saved again since the import are named first
and can be kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from ..i18n import N_, _, ngettext
from ..domain.errors import CaregiverError, NotFoundError
from ..importers.common import SkippedRow
from ..storage.errors import BackupError, DiskFullError
from ..storage.repos import drafts as drafts_repo
from ..storage.repos import imports as repo
from ..storage.repos import summary as summary_repo
from . import backups
from .clock import Clock, utc_now
from .vault import Vault, session_of

SKIPPED_KEPT = 50
"""How many skipped lines an import's summary keeps (the count keeps them all)."""

APP_WORDS = {"daylio": "Daylio", "daylio-backup": N_("Daylio backup"), "bearable": "Bearable",
             "imoodjournal": "iMoodJournal", "emoods": "eMoods", "generic": N_("CSV file")}


def app_words(source: str) -> str:
    """The other app's name for an import's ``source`` kind ("Daylio", "CSV file", …)."""
    return _(APP_WORDS.get(source, N_("another app")))


@dataclass(frozen=True)
class ImportSummary:
    """What one import did, as its result shows it: ``new`` entries added, ``already_present``
    (in the journal before), the first :data:`SKIPPED_KEPT` ``skipped`` lines with their reasons
    and ``skipped_count`` (all of them), the file's first and last local calendar day, the name of
    the backup made just before (``backup_name``, "" when none) and the person."""

    new: int = 0
    already_present: int = 0
    skipped: tuple[SkippedRow, ...] = ()
    skipped_count: int = 0
    first_day: date | None = None
    last_day: date | None = None
    backup_name: str = ""
    person_name: str = ""
    person_added: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        return json.dumps({
            "new": self.new, "already_present": self.already_present,
            "skipped": [[row.line, row.reason] for row in self.skipped[:SKIPPED_KEPT]],
            "skipped_count": self.skipped_count,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "backup": self.backup_name, "person": self.person_name, "person_added": self.person_added,
            "notes": list(self.notes),
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "ImportSummary":
        """Read :meth:`to_json`'s text; anything missing or unreadable reads as empty."""
        try:
            data = json.loads(text or "{}")
            if not isinstance(data, dict):
                data = {}

            def day(key: str) -> date | None:
                return date.fromisoformat(data[key]) if data.get(key) else None

            return cls(
                new=int(data.get("new", 0)), already_present=int(data.get("already_present", 0)),
                skipped=tuple(SkippedRow(int(line), str(reason)) for line, reason in data.get("skipped", [])),
                skipped_count=int(data.get("skipped_count", 0)), first_day=day("first_day"),
                last_day=day("last_day"), backup_name=str(data.get("backup", "")),
                person_name=str(data.get("person", "")), person_added=bool(data.get("person_added", False)),
                notes=tuple(str(n) for n in data.get("notes", [])),
            )
        except (ValueError, TypeError):
            return cls()


@dataclass(frozen=True)
class PastImport:
    """One import in the list of past imports: ``imported_at`` and ``undone_at`` are UTC instants;
    ``remaining`` entries of it are still in the journal, ``edited`` of them saved again since."""

    id: int
    person_id: int
    person_name: str
    source: str
    file_name: str
    summary: ImportSummary
    new_entries: int
    imported_at: datetime
    undone_at: datetime | None
    remaining: int
    edited: int

    @property
    def app(self) -> str:
        return app_words(self.source)

    @property
    def can_undo(self) -> bool:
        return self.undone_at is None and self.remaining > 0


def status_words(batch: PastImport, when: Callable[[datetime], str], count: Callable[[int], str]) -> str:
    """What is left of an import, in a few lowercase words; ``when`` writes a UTC instant ("on
    …") and ``count`` a number, each the way the surface (window, command line) writes them."""
    if batch.undone_at is not None:
        return _("undone {when}").format(when=when(batch.undone_at))
    if batch.new_entries == 0:
        return _("added nothing (everything was already there)")
    if batch.remaining == 0:
        return _("its entries were all deleted since")
    if batch.remaining == batch.new_entries:
        return _("all still in the journal")
    return ngettext("{count} still in the journal", "{count} still in the journal",
                    batch.remaining).format(count=count(batch.remaining))


def _past(record: repo.BatchRecord) -> PastImport:
    return PastImport(record.id, record.person_id, record.person_name, record.source, record.file_name,
                      ImportSummary.from_json(record.summary), record.new_entries, record.imported_at,
                      record.undone_at, record.remaining, record.edited)


def list_imports(vault: Vault, person_id: int | None = None) -> list[PastImport]:
    """Every import made into the vault (or ``person_id``'s), newest first."""
    with session_of(vault) as s:
        return [_past(r) for r in repo.list_batches(s, person_id)]


def get_import(vault: Vault, batch_id: int) -> PastImport:
    """The import ``batch_id``. Raises :class:`NotFoundError`."""
    with session_of(vault) as s:
        return _past(repo.get_batch(s, batch_id))


@dataclass(frozen=True)
class EditedEntry:
    """An entry of the import saved again since: its local calendar day and local wall-clock time
    (naive, in the entry's own time zone)."""

    id: int
    local_date: date
    occurred_at: datetime
    zone_name: str


@dataclass(frozen=True)
class UndoPlan:
    """What undoing import ``batch`` would remove: ``entries`` still in the journal, of which
    ``edited`` were saved again since the import (oldest first)."""

    batch: PastImport
    entries: int
    edited: tuple[EditedEntry, ...]


class NothingToUndo(CaregiverError):
    """The import was undone already, or none of its entries are left."""


def plan_undo(vault: Vault, batch_id: int) -> UndoPlan:
    """What undoing import ``batch_id`` would remove (nothing is changed). Raises
    :class:`NotFoundError` for an unknown import and :class:`NothingToUndo` when it was undone or
    none of its entries are left."""
    with session_of(vault) as s:
        batch = _past(repo.get_batch(s, batch_id))
        if batch.undone_at is not None:
            raise NothingToUndo(_("That import was undone already."))
        entries = repo.batch_entries(s, batch_id)
    if not entries:
        raise NothingToUndo(_("None of that import's entries are left in the journal, so there is nothing to undo."))
    edited = tuple(EditedEntry(e.id, e.local_date, e.occurred_at, e.zone_name) for e in entries if e.edited)
    return UndoPlan(batch, len(entries), edited)


@dataclass(frozen=True)
class UndoResult:
    """What an undo did: ``removed`` entries, ``kept`` (changed since the import, kept at the
    user's choice), for ``person_id``; ``backup_name`` is the file name of the verified backup
    made just before anything was removed."""

    batch_id: int
    person_id: int
    removed: int
    kept: int
    backup_name: str = ""


class ImportChangedSince(CaregiverError):
    """The import's entries changed between the confirmation and the undo; nothing was removed."""


def undo_import(vault: Vault, batch_id: int, *, keep_edited: bool = False, expected: UndoPlan | None = None,
                clock: Clock = utc_now) -> UndoResult:
    """Remove every entry import ``batch_id`` added (with their ratings, tag links and doses) in
    one transaction, and mark the import undone (it stays in the list). With ``keep_edited`` the
    entries saved again since the import stay in the journal, as ordinary entries.

    Once the checks below pass and before anything is removed, a verified backup of the vault is
    made (reason ``pre-undo``; its name is in the result): the pre-import backup is older than
    everything saved since. When it cannot be made, :class:`BackupError` (a full disk:
    :class:`BackupDiskFullError`) is raised in plain words and nothing is removed. Old backups are
    pruned only once the undo is saved.

    ``expected`` is the :class:`UndoPlan` the user confirmed: when the entries or the edited ones
    differ now, :class:`ImportChangedSince` is raised and nothing is removed (nor backed up).
    Raises :class:`NotFoundError` and :class:`NothingToUndo` as :func:`plan_undo`."""
    backup_name = ""
    try:
        with session_of(vault) as s:  # BEGIN IMMEDIATE: nothing else can write until it ends
            batch = repo.get_batch(s, batch_id)
            if batch.undone_at is not None:
                raise NothingToUndo(_("That import was undone already."))
            entries = repo.batch_entries(s, batch_id)
            if not entries:
                raise NothingToUndo(_("None of that import's entries are left in the journal, so there is "
                                      "nothing to undo."))
            edited = [e.id for e in entries if e.edited]
            if expected is not None and (expected.entries != len(entries)
                                         or sorted(e.id for e in expected.edited) != sorted(edited)):
                raise ImportChangedSince(_("Some of this import's entries changed a moment ago. Nothing was removed; "
                                           "please look again and choose."))
            # The backup is taken here, inside this transaction: it holds the write lock and has
            # only read so far, so the copy (read by its own connection) is exactly the journal
            # these checks saw, and nothing can be saved between the copy and the removal.
            backup_name = _back_up_first(vault, clock)
            keep = edited if keep_edited else []
            removed = repo.delete_batch_entries(s, batch_id, keep)
            # the removed entries' numbers are given to new entries: the summary must forget them
            summary_repo.forget_entries(s, batch.person_id, {e.id for e in entries} - set(keep))
            drafts_repo.detach_from_gone_entries(s)  # ... and a kept draft must not edit a new entry
            repo.release_entries(s, batch_id)
            repo.mark_undone(s, batch_id, clock())
    except DiskFullError:
        # Nothing was removed, so the backup just made is a copy of the vault as it still is: take
        # it away again (as an import does), or every retry on a full disk would use up more space.
        if backup_name:
            (vault.paths.backups / backup_name).unlink(missing_ok=True)
        raise
    backups.prune_backups(vault, keep=(backup_name,))  # only now: a failed undo must not push an older backup out
    return UndoResult(batch_id, batch.person_id, removed, len(keep), backup_name)


def _back_up_first(vault: Vault, clock: Clock) -> str:
    """The verified ``pre-undo`` backup; returns its file name. A failure keeps its kind (a full
    disk stays :class:`BackupDiskFullError`) and its plain words, which say nothing was changed."""
    try:
        return backups.back_up_before_undo(vault, clock=clock).path.name
    except BackupError as exc:
        words, done = str(exc), _("Nothing was changed.")
        if words.endswith(done):  # the folder's words say so already
            raise
        raise type(exc)(_("{problem} Nothing was changed.").format(problem=words)) from None


__all__ = ["APP_WORDS", "EditedEntry", "ImportChangedSince", "ImportSummary", "NothingToUndo", "NotFoundError",
           "PastImport", "SKIPPED_KEPT", "UndoPlan", "UndoResult", "app_words", "get_import", "list_imports",
           "plan_undo", "status_words", "undo_import"]
