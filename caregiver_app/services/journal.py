"""Writing and reading journal entries."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ..domain import timeutil
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
from ..domain.summary import DayPoint
from ..domain.symptoms import STARTER_SYMPTOM_NAMES
from ..storage.repos import journal as repo
from ..storage.repos import medications as medications_repo
from ..storage.repos import people as people_repo
from .clock import Clock, local_zone_name, utc_now
from .vault import Vault, session_of

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
    entry = JournalEntry(
        id=draft.entry_id,
        person_id=draft.person_id,
        occurred_at=instant,
        local_date=local_date,
        recorded_by=draft.recorded_by,
        mood=draft.mood,
        anxiety=draft.anxiety,
        energy=draft.energy,
        sleep_hours=draft.sleep_hours,
        sleep_quality=draft.sleep_quality,
        note=draft.note.strip("\n\r "),
        flag_for_visit=draft.flag_for_visit,
        symptoms=tuple(draft.symptoms),
        tags=tuple(draft.tags),
        zone_name=tz.key,
        elevation=draft.elevation,
    )
    if entry.is_empty and not allow_empty:
        raise ValidationError("This entry is empty. Add a mood, a symptom, sleep or a note before saving.")
    return entry


def save_entry(vault: Vault, draft: EntryDraft, *, clock: Clock = utc_now) -> JournalEntry:
    """Save a new entry (``draft.entry_id`` None) or replace an existing one. Returns the saved
    entry as stored. Durable once this returns (``synchronous=FULL``)."""
    entry = entry_from_draft(draft)
    now = clock()
    with session_of(vault) as s:
        people_repo.get_person_row(s, entry.person_id)
        if entry.id is None:
            new_id = repo.insert_entry(s, entry, now)
        else:
            repo.update_entry(s, entry, now)
            new_id = entry.id
        return repo.get_entry(s, new_id)


def delete_entry(vault: Vault, entry_id: int) -> JournalEntry:
    """Delete an entry; returns it as it was (so the GUI can offer to put it back)."""
    with session_of(vault) as s:
        old = repo.get_entry(s, entry_id)
        repo.delete_entry(s, entry_id)
        return old


def restore_entry(vault: Vault, entry: JournalEntry, *, clock: Clock = utc_now) -> JournalEntry:
    """Put a deleted entry back (as a new row with the same content)."""
    with session_of(vault) as s:
        new_id = repo.insert_entry(s, replace(entry, id=None), clock())
        return repo.get_entry(s, new_id)


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


def take_out(vault: Vault, entry_id: int) -> Removed:
    """Delete entry ``entry_id`` (and its doses); return what it held. Raises
    :class:`NotFoundError` when it is already gone."""
    with session_of(vault) as s:
        old = repo.get_entry(s, entry_id)
        doses = tuple(medications_repo.doses_for_entry(s, entry_id))
        repo.delete_entry(s, entry_id)
        return Removed(old, doses)


def put_back(vault: Vault, removed: Removed, *, clock: Clock = utc_now) -> JournalEntry:
    """Insert the entry again as it was — under its old id when that id is still free, else under
    a new one (check ``.id``) — with its doses, leaving out doses of medications deleted since.
    One unit of work: all of it or nothing."""
    entry = removed.entry
    with session_of(vault) as s:
        people_repo.get_person_row(s, entry.person_id)
        new_id = repo.insert_entry_keeping_id(s, entry, clock())
        if removed.doses:
            kept = {m.id for m in medications_repo.list_medications(s, entry.person_id)}
            medications_repo.set_entry_doses(s, new_id, entry.person_id, [d for d in removed.doses if d.medication_id in kept])
        return repo.get_entry(s, new_id)


def set_to(vault: Vault, entry: JournalEntry, *, clock: Clock = utc_now) -> JournalEntry:
    """Make the stored entry ``entry.id`` hold exactly ``entry``'s own fields again (its doses
    stay as they are). Raises :class:`NotFoundError` when it is no longer in the journal."""
    if entry.id is None:
        raise NotFoundError("That entry is no longer in the journal.")
    with session_of(vault) as s:
        repo.update_entry(s, entry, clock())
        return repo.get_entry(s, entry.id)
