"""Two short check-ins, both in the app's own words (neither is a standard test):

* the person's **daily check-in** (mood, sleep, worry, energy today), saved as an ordinary journal
  entry so it shows in the list, the charts and exports (worry is the entry's 0–10 anxiety);
* the **caregiver's own check-in** (their stress 0–10, sleep, what they need this week), kept in
  its own table, linked to no person, and never part of anyone's journal or visit summary.

Wall-clock times are naive local times in ``zone_name`` (the computer's zone when empty).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from ..i18n import _
from ..domain import timeutil
from ..domain.checkins import CaregiverCheckin
from ..domain.copying import same_fields
from ..domain.errors import ValidationError
from ..domain.model import JournalEntry, MoodLevel, Recorder, SleepQuality
from ..storage.repos import checkins as checkins_repo
from ..storage.repos import journal as repo
from .clock import Clock, local_zone_name, utc_now
from .journal import EntryDraft, entry_from_draft, write_entry
from .records import delete_record, restore_record, save_row
from .vault import Vault, session_of

CHECKIN_SOURCE = "checkin"
RECENT_LIMIT = 60


@dataclass(frozen=True)
class DailyCheckin:
    """The person's quick daily check-in. Every answer is optional, but at least one is needed.
    ``worry`` and ``energy`` are 0–10; ``when`` is a naive local wall-clock time."""

    person_id: int
    when: datetime
    recorded_by: Recorder = Recorder()
    mood: MoodLevel | None = None
    sleep_quality: SleepQuality | None = None
    sleep_hours: float | None = None
    worry: int | None = None
    energy: int | None = None
    note: str = ""
    zone_name: str = ""


def save_daily_checkin(vault: Vault, checkin: DailyCheckin, *, clock: Clock = utc_now) -> JournalEntry:
    """Save the daily check-in as a journal entry (source ``"checkin"``). Raises
    :class:`ValidationError` when nothing was answered."""
    entry = entry_from_draft(same_fields(EntryDraft, checkin, anxiety=checkin.worry), allow_empty=True)
    if entry.is_empty:
        raise ValidationError(_("Please answer at least one question before saving the check-in."))
    entry = replace(entry, source=CHECKIN_SOURCE)
    with session_of(vault) as s:
        return repo.get_entry(s, write_entry(s, entry, clock()))


# --- the caregiver's own check-in -----------------------------------------------------------


@dataclass(frozen=True)
class CaregiverCheckinDraft:
    """What the caregiver's check-in form collects; ``when`` is a naive local wall-clock time."""

    when: datetime
    stress: int | None
    sleep_hours: float | None = None
    sleep_quality: SleepQuality | None = None
    needs: str = ""
    caregiver_name: str = ""
    zone_name: str = ""
    checkin_id: int | None = None


def _checkin_from_draft(draft: CaregiverCheckinDraft) -> CaregiverCheckin:
    tz = timeutil.zone(draft.zone_name or local_zone_name())
    instant, local_date = timeutil.local_to_utc(draft.when.replace(tzinfo=None), tz, strict=True)
    # a missing stress rating is copied as None: CaregiverCheckin refuses it with a plain message
    return same_fields(CaregiverCheckin, draft, id=draft.checkin_id, occurred_at=instant, local_date=local_date)


def save_caregiver_checkin(vault: Vault, draft: CaregiverCheckinDraft, *, clock: Clock = utc_now) -> CaregiverCheckin:
    """Save (or correct) a caregiver's check-in. Raises :class:`ValidationError` for a missing
    stress rating, impossible values or a time skipped by a clock change."""
    checkin = _checkin_from_draft(draft)
    now = clock()
    with session_of(vault) as s:
        return checkins_repo.get_checkin(s, save_row(s, checkin, now, checkins_repo.insert_checkin,
                                                     checkins_repo.update_checkin))


def recent_caregiver_checkins(vault: Vault, limit: int = RECENT_LIMIT) -> list[CaregiverCheckin]:
    """The caregiver's check-ins, newest first."""
    with session_of(vault) as s:
        return checkins_repo.recent_checkins(s, limit)


def delete_caregiver_checkin(vault: Vault, checkin_id: int) -> CaregiverCheckin:
    """Delete a check-in; returns it as it was."""
    return delete_record(vault, checkin_id, checkins_repo.get_checkin, checkins_repo.delete_checkin)


def restore_caregiver_checkin(vault: Vault, checkin: CaregiverCheckin, *, clock: Clock = utc_now) -> CaregiverCheckin:
    """Put a deleted check-in back (as a new record with the same content)."""
    return restore_record(vault, checkin, clock(), checkins_repo.insert_checkin, checkins_repo.get_checkin)
