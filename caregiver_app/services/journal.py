"""Journal entries: the one writer every service uses (:func:`write_entry`, and
:func:`write_imported_entries` for imports), saving from the entry editor with doses, undo
(:func:`take_out`, :func:`put_back`, :func:`set_to`), and reading: the journal list's pages
around any date or entry (:func:`page_older`, :func:`page_at`, :func:`page_newer`), ranges, counts
and daily series."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ..i18n import _
from ..domain import timeutil
from ..domain.copying import same_fields
from ..domain.errors import NotFoundError, ValidationError
from ..domain.medications import DoseRecord
from ..domain.model import (
    Elevation,
    JournalEntry,
    MoodLevel,
    Recorder,
    SleepQuality,
    SymptomRating,
    Tag,
    day_range,
)
from ..domain.symptoms import STARTER_SYMPTOM_NAMES
from ..storage.repos import imports as imports_repo
from ..storage.repos import journal as repo
from ..storage.repos import medications as medications_repo
from ..storage.repos import people as people_repo
from .clock import Clock, local_zone_name, utc_now
from .records import save_row
from .vault import Vault, session_of

if TYPE_CHECKING:
    from ..domain.summary import DayPoint

PAGE_SIZE = 200


@dataclass(frozen=True)
class EntryDraft:
    """What the entry editor collects. ``when`` is a naive local wall-clock date and time in the
    time zone ``zone_name`` (the computer's when empty); scales are 0–10, mood 1–5."""

    person_id: int
    when: datetime
    recorded_by: Recorder = Recorder()
    mood: MoodLevel | None = None
    anxiety: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: SleepQuality | None = None
    note: str = ""
    flag_for_visit: bool = False
    symptoms: tuple[SymptomRating, ...] = ()
    tags: tuple[Tag, ...] = ()
    zone_name: str = ""
    entry_id: int | None = None
    elevation: Elevation | None = None


def entry_from_draft(draft: EntryDraft, *, allow_empty: bool = False) -> JournalEntry:
    """Validate a draft and turn it into an entry. Raises :class:`ValidationError` (plain words)
    for impossible values, a time skipped by a clock change, or an entry with nothing in it
    (unless ``allow_empty``: the caller saves something else with it, such as doses)."""
    tz = timeutil.zone(draft.zone_name or local_zone_name())
    instant, local_date = timeutil.local_to_utc(draft.when.replace(tzinfo=None), tz, strict=True)
    entry = same_fields(
        JournalEntry, draft,
        id=draft.entry_id,
        occurred_at=instant,
        local_date=local_date,
        note=draft.note.strip("\n\r "),
        symptoms=tuple(draft.symptoms),
        tags=tuple(draft.tags),
        zone_name=tz.key,
    )
    if entry.is_empty and not allow_empty:
        raise ValidationError(_("This entry is empty. Add a mood, a symptom, sleep or a note before saving."))
    return entry


def save_entry(vault: Vault, draft: EntryDraft, *, doses: Sequence[DoseRecord] | None = None,
               clock: Clock = utc_now) -> JournalEntry:
    """Save a new entry (``draft.entry_id`` None) or replace an existing one; with ``doses`` (the
    entry editor), the entry's doses become exactly those, in the same transaction (both or
    neither). Returns the saved entry as stored. Durable once this returns (``synchronous=FULL``).

    Raises :class:`ValidationError` for an entry with nothing in it (an entry may hold only doses)
    and :class:`NotFoundError` for an unknown person or a medication no longer on their list."""
    entry = entry_from_draft(draft, allow_empty=doses is not None)
    if doses is not None and entry.is_empty and not doses:
        raise ValidationError(_("This entry is empty. Add a mood, a symptom, sleep, a dose or a note before saving."))
    now = clock()
    with session_of(vault) as s:
        return repo.get_entry(s, write_entry(s, entry, now, doses=doses))


def get_entry(vault: Vault, entry_id: int) -> JournalEntry:
    with session_of(vault) as s:
        return repo.get_entry(s, entry_id)


def recent_entries(
    vault: Vault, person_id: int, *, limit: int = PAGE_SIZE, after: JournalEntry | None = None
) -> list[JournalEntry]:
    """A page of entries, newest first; pass the last entry of the previous page as ``after``."""
    key = (after.local_date, after.occurred_at, after.id) if after is not None and after.id is not None else None
    with session_of(vault) as s:
        return repo.entries_newest_first(s, person_id, limit, key)


def entries_between(vault: Vault, person_id: int, start: date, end: date) -> list[JournalEntry]:
    """Entries on local dates ``start``..``end`` (inclusive), oldest first."""
    with session_of(vault) as s:
        return repo.entries_between(s, person_id, start, end)


def count_entries(vault: Vault, person_id: int) -> int:
    with session_of(vault) as s:
        return repo.count_entries(s, person_id)


def daily_series(vault: Vault, person_id: int, start: date, end: date) -> list[DayPoint]:
    """One point per local date from ``start`` to ``end``: mean mood (1–5) and mean sleep hours,
    ``None`` on days with nothing recorded (a gap, never zero)."""
    from ..domain.summary import DayPoint  # here: an import, whose path loads this module, has no use for it

    with session_of(vault) as s:
        means = repo.daily_means(s, person_id, start, end)
    points = []
    for day in day_range(start, end):
        mood, sleep, count = means.get(day, (None, None, 0))
        points.append(DayPoint(day, float(mood) if mood is not None else None, float(sleep) if sleep is not None else None, count))
    return points


def last_days(today: date, days: int) -> tuple[date, date]:
    """``(start, end)`` of the ``days`` local dates ending with ``today``."""
    return today - timedelta(days=days - 1), today


def symptom_choices(vault: Vault) -> list[str]:
    """The starter symptoms, then the vault's own custom symptoms, without repeats."""
    with session_of(vault) as s:
        used = repo.used_symptom_names(s)
    starter = list(STARTER_SYMPTOM_NAMES)
    known = {n.casefold() for n in starter}
    return starter + [n for n in used if n.casefold() not in known]


def tag_choices(vault: Vault) -> list[Tag]:
    """Every tag used in this vault."""
    with session_of(vault) as s:
        return repo.used_tags(s)


def tag_spelling_groups(vault: Vault) -> list[list[Tag]]:
    """Tags that differ only in case ("Cleaning", "cleaning"), each group oldest spelling first."""
    with session_of(vault) as s:
        return repo.tag_spelling_groups(s)


def merge_tag_spellings(vault: Vault) -> int:
    """Merge each group of :func:`tag_spelling_groups` into its oldest spelling, in one
    transaction; entries keep each of their tags once. Returns how many tags were merged away."""
    with session_of(vault) as s:
        return repo.merge_tag_spellings(s)


def local_now(clock: Clock = utc_now, zone_name: str = "") -> datetime:
    """The current naive local wall-clock time in ``zone_name`` (the computer's zone when empty)."""
    tz = timeutil.zone(zone_name or local_zone_name())
    return clock().astimezone(tz).replace(tzinfo=None, microsecond=0)


@dataclass(frozen=True)
class Removed:
    """An entry as it was just before it was taken out, with the doses recorded in it."""

    entry: JournalEntry
    doses: tuple[DoseRecord, ...] = ()
    import_batch_id: int | None = None
    """The import that added the entry (None: written in the app), so it goes back into it."""


def take_out(vault: Vault, entry_id: int) -> Removed:
    """Delete entry ``entry_id`` (and its doses); return what it held. Raises
    :class:`NotFoundError` when it is already gone."""
    with session_of(vault) as s:
        old = repo.get_entry(s, entry_id)
        doses = tuple(medications_repo.doses_for_entry(s, entry_id))
        batch = imports_repo.batch_of_entry(s, entry_id)
        repo.delete_entry(s, entry_id)
        return Removed(old, doses, batch)


def put_back(vault: Vault, removed: Removed, *, clock: Clock = utc_now) -> JournalEntry:
    """Insert the entry again as it was — under its old id when that id is still free, else under
    a new one (check ``.id``) — with its doses, leaving out doses of medications deleted since.
    One unit of work: all of it or nothing."""
    with session_of(vault) as s:
        new_id = write_entry(s, removed.entry, clock(), doses=removed.doses or None, keep_id=True,
                             leave_out_gone_medications=True)
        if removed.import_batch_id is not None:  # still part of its import (unless that was undone)
            imports_repo.rejoin_batch(s, new_id, removed.import_batch_id)
        return repo.get_entry(s, new_id)


def set_to(vault: Vault, entry: JournalEntry, *, clock: Clock = utc_now) -> JournalEntry:
    """Make the stored entry ``entry.id`` hold exactly ``entry``'s own fields again (its doses
    stay as they are). Raises :class:`NotFoundError` when it is no longer in the journal."""
    if entry.id is None:
        raise NotFoundError(_("That entry is no longer in the journal."))
    with session_of(vault) as s:
        return repo.get_entry(s, write_entry(s, entry, clock()))


# --- the journal list: pages around any point ----------------------------------------------


@dataclass(frozen=True)
class ListAnchor:
    """A place in a person's journal list (newest first): the entry ``entry_id``, or the first
    entry on or before the local date ``day``."""

    person_id: int
    day: date
    entry_id: int | None = None
    key: repo.EntryKey | None = None


def anchor_for_entry(vault: Vault, entry_id: int) -> ListAnchor:
    """Where the entry ``entry_id`` sits. Raises :class:`NotFoundError` when it is gone."""
    with session_of(vault) as s:
        found = repo.entry_key(s, entry_id)
    if found is None:
        raise NotFoundError(_("That entry is no longer in the journal."))
    person_id, key = found
    return ListAnchor(person_id, key[0], entry_id, key)


def anchor_for_day(person_id: int, day: date) -> ListAnchor:
    """The place of the local date ``day`` in ``person_id``'s list."""
    return ListAnchor(person_id, day)


def _entries_from(vault: Vault, anchor: ListAnchor, limit: int) -> list[JournalEntry]:
    """Up to ``limit`` entries starting at ``anchor`` (included) and going back in time, newest
    first."""
    bound = repo.key_including(anchor.key) if anchor.key is not None else repo.key_for_day(anchor.day)
    with session_of(vault) as s:
        return repo.entries_older(s, anchor.person_id, bound, limit)


def _entries_newer_than(vault: Vault, person_id: int, entry: JournalEntry, limit: int) -> list[JournalEntry]:
    """Up to ``limit`` entries just newer than ``entry`` in the list, newest first."""
    if entry.id is None:
        return []
    with session_of(vault) as s:
        return repo.entries_newer(s, person_id, (entry.local_date, entry.occurred_at, entry.id), limit)


@dataclass(frozen=True)
class ListPage:
    """A page of one person's journal list, newest first: ``entries``, and for :func:`page_at`
    the few entries just above the anchor in ``newer``; ``doses`` holds the doses recorded in
    those entries in words (``{entry id: "Lithium taken"}``, entries without doses left out)."""

    entries: list[JournalEntry]
    doses: dict[int, str]
    newer: list[JournalEntry] | None = None


def _page(vault: Vault, entries: list[JournalEntry], newer: list[JournalEntry] | None = None) -> ListPage:
    from .medications import dose_texts  # medications builds on this module: load it when a page is read

    return ListPage(entries, dose_texts(vault, [e.id for e in entries + (newer or []) if e.id is not None]), newer)


def page_older(vault: Vault, person_id: int, *, after: JournalEntry | None = None, limit: int = PAGE_SIZE) -> ListPage:
    """The page of up to ``limit`` entries just below ``after`` (the list's last loaded entry),
    or from the newest entry when ``after`` is None. A page shorter than ``limit`` is the last."""
    return _page(vault, recent_entries(vault, person_id, limit=limit, after=after))


def page_at(vault: Vault, anchor: ListAnchor, *, limit: int, newer_limit: int) -> ListPage:
    """The page from ``anchor`` (included) back in time, up to ``limit`` entries, with up to
    ``newer_limit`` entries just newer than its first one in ``newer`` (empty when the anchor is
    past the end of the journal)."""
    older = _entries_from(vault, anchor, limit)
    newer = _entries_newer_than(vault, anchor.person_id, older[0], newer_limit) if older else []
    return _page(vault, older, newer)


def page_newer(vault: Vault, person_id: int, first: JournalEntry, limit: int) -> ListPage:
    """The page of up to ``limit`` entries just newer than ``first`` (the list's top loaded
    entry), newest first. A page shorter than ``limit`` reaches the newest entry."""
    return _page(vault, _entries_newer_than(vault, person_id, first, limit))


# --- the one journal-entry writer -----------------------------------------------------------


def write_entry(session: Session, entry: JournalEntry, now: datetime, *, doses: Iterable[DoseRecord] | None = None,
                keep_id: bool = False, leave_out_gone_medications: bool = False) -> int:
    """Write one journal entry in the open unit of work ``session`` and return its id. Every
    service that writes an entry comes through here (the entry editor, the daily check-in, undo);
    imports use its batch form, :func:`write_imported_entries`.

    ``entry.id`` None inserts a new entry; with ``keep_id`` an entry taken out earlier goes back
    under its old id when that id is free (else a new one); any other ``entry.id`` replaces the
    stored entry (:class:`NotFoundError` when it is gone). With ``doses`` (not None) the entry's
    doses become exactly those: a medication not on the person's list raises
    :class:`NotFoundError`, or, with ``leave_out_gone_medications``, is left out (undo after the
    medication was deleted). ``now`` is the UTC instant stamped on the row. Raises
    :class:`NotFoundError` for an unknown person."""
    people_repo.get_person_row(session, entry.person_id)
    if keep_id:
        entry_id = repo.insert_entry_keeping_id(session, entry, now)
    else:
        entry_id = save_row(session, entry, now, repo.insert_entry, repo.update_entry)
    if doses is not None:
        doses = list(doses)
        if leave_out_gone_medications and doses:
            kept = {m.id for m in medications_repo.list_medications(session, entry.person_id)}
            doses = [d for d in doses if d.medication_id in kept]
        medications_repo.set_entry_doses(session, entry_id, entry.person_id, doses)
    return entry_id


def write_imported_entries(session: Session, person_id: int, entries: Sequence[JournalEntry],
                           now: datetime, *, import_batch_id: int | None = None) -> tuple[int, int]:
    """:func:`write_entry` for the new entries of an import (``person_id``'s, no doses), in bulk
    inserts inside the caller's one transaction (linear in the number of entries). An entry whose
    ``import_key`` is already in the journal is left out, so importing a file twice adds nothing.
    ``import_batch_id`` (the import's ``import_batch`` row) is written into every new entry.
    Returns ``(written, already there)``."""
    present = repo.existing_import_keys(session, person_id, [e.import_key for e in entries])
    fresh = [e for e in entries if e.import_key not in present]
    return (repo.bulk_insert_entries(session, fresh, now, import_batch_id=import_batch_id),
            len(entries) - len(fresh))
