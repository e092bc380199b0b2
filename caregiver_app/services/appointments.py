"""Appointments: planning visits, questions to ask (open ones move on to the next visit with the
same provider), upcoming and past lists, iCalendar export (``icalendar``) and "prepare for this
visit".

Timed appointments are stored as a UTC instant plus the IANA zone they were planned in, so a
10:00 visit stays at 10:00 on that day even across daylight-saving changes; all-day ones as a
local calendar date. The iCalendar file carries TZID with a VTIMEZONE (or UTC) for timed events
and VALUE=DATE for all-day events (RFC 5545 §3.3.4–3.3.5), so calendar apps place them right.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from ..i18n import N_, _
from .. import APP_NAME, __version__
from ..domain import timeutil
from ..domain.copying import same_fields
from ..domain.errors import ValidationError
from ..domain.network import Appointment, Contact, Question
from ..reports.formatting import ReportFormat
from ..storage.repos import appointments as appointments_repo
from ..storage.repos import network as repo
from ..storage.repos import people as people_repo
from ..storage.rows.appointments import AppointmentQuestionRow, AppointmentRow
from .clock import Clock, local_zone_name, utc_now
from .records import delete_record, save_row
from .user_files import save_export
from .vault import Vault, keyfile_of, session_of

DEFAULT_PREPARATION_DAYS = 30


@dataclass(frozen=True)
class AppointmentDraft:
    """What the appointment editor collects. ``day`` is the local calendar date in
    ``zone_name`` (the computer's zone when empty); ``at`` the local wall-clock start, or None for
    an all-day appointment."""

    person_id: int
    day: date
    at: time | None = None
    zone_name: str = ""
    duration_minutes: int = 60
    contact_id: int | None = None
    place: str = ""
    video_link: str = ""
    purpose: str = ""
    questions: tuple[Question, ...] = ()
    notes_after: str = ""
    appointment_id: int | None = None


def appointment_from_draft(draft: AppointmentDraft) -> Appointment:
    """Validate a draft. Raises :class:`ValidationError` for an unknown zone, a start time that
    does not exist on that day (clocks going forward), or impossible values."""
    zone_name = draft.zone_name or local_zone_name()
    try:
        tz = timeutil.zone(zone_name)
    except ValidationError as exc:
        raise ValidationError(str(exc), field="zone_name") from None
    if draft.at is None:
        starts_at, _unused = timeutil.day_bounds(draft.day, tz)
        all_day = True
    else:
        wall = datetime.combine(draft.day, draft.at.replace(second=0, microsecond=0, tzinfo=None))
        try:
            starts_at, _unused = timeutil.local_to_utc(wall, tz, strict=True)
        except ValidationError as exc:  # the hour skipped when clocks go forward
            raise ValidationError(str(exc), field="at") from None
        all_day = False
    return same_fields(
        Appointment, draft,
        id=draft.appointment_id,
        starts_at=starts_at,
        local_date=draft.day,
        zone_name=zone_name,
        all_day=all_day,
        questions=tuple(draft.questions),
    )


def _has_started(row: AppointmentRow, now: datetime) -> bool:
    return row.starts_at <= now


def _carry_over(session, person_id: int, now: datetime) -> int:
    """Move each open question of a visit that has started on to the next visit with the same
    provider (once; the earlier visit keeps it, marked as moved on). Returns how many moved."""
    moved = 0
    rows = appointments_repo.appointment_rows(session, person_id)
    by_contact: dict[int, list[AppointmentRow]] = {}
    for row in rows:
        if row.contact_id is not None:
            by_contact.setdefault(row.contact_id, []).append(row)
    for visits in by_contact.values():
        for i, row in enumerate(visits[:-1]):
            if not _has_started(row, now):
                continue
            waiting = [q for q in row.questions if not q.answered and not q.moved_on]
            if not waiting:
                continue
            target = visits[i + 1]
            have = {q.text.casefold() for q in target.questions}
            position = len(target.questions)
            for q in waiting:
                q.moved_on = True
                if q.text.casefold() in have:
                    continue
                target.questions.append(
                    AppointmentQuestionRow(position=position, text=q.text, answered=False, answer="", carried_over=True)
                )
                have.add(q.text.casefold())
                position += 1
                moved += 1
    if moved:
        session.flush()
    return moved


def _drop_answered_copies(session, answered_in: AppointmentRow) -> int:
    """Remove, from later visits with the same provider, the carried-over copies of questions that
    are answered at ``answered_in``: once answered, a question is no longer waiting to be asked.
    A copy someone has answered or written an answer to stays. Returns how many went."""
    answered = {q.text.casefold() for q in answered_in.questions if q.answered}
    if not answered or answered_in.contact_id is None:
        return 0
    dropped = 0
    for row in appointments_repo.appointment_rows(session, answered_in.person_id, answered_in.contact_id):
        if (row.starts_at, row.id) <= (answered_in.starts_at, answered_in.id):
            continue
        copies = [q for q in row.questions
                  if q.carried_over and not q.answered and not q.answer and q.text.casefold() in answered]
        for q in copies:
            row.questions.remove(q)
        if copies:
            for position, q in enumerate(row.questions):
                q.position = position
            dropped += len(copies)
    if dropped:
        session.flush()
    return dropped


def answered_questions(vault: Vault, person_id: int) -> frozenset[str]:
    """The questions (case-folded words) marked answered at one of the person's visits and open
    at none, e.g. to keep them off a visit summary's list of questions still to ask."""
    answered: set[str] = set()
    still_open: set[str] = set()
    with session_of(vault) as s:
        for row in appointments_repo.appointment_rows(s, person_id):
            for q in row.questions:
                if q.answered:
                    answered.add(q.text.casefold())
                elif not q.moved_on:  # a moved-on one is asked through its copy
                    still_open.add(q.text.casefold())
    return frozenset(answered - still_open)


def save_appointment(vault: Vault, draft: AppointmentDraft, *, clock: Clock = utc_now) -> Appointment:
    """Add or update an appointment, drop the carried-over copies (on later visits with the same
    provider) of questions it has answered, then move open questions of past visits on to the next
    visit with the same provider. Returns the appointment as stored (with any questions it
    received). Raises :class:`ValidationError` for a provider who is not this person's contact."""
    appt = appointment_from_draft(draft)
    now = clock()
    with session_of(vault) as s:
        people_repo.get_person_row(s, appt.person_id)
        if appt.contact_id is not None and repo.get_contact_row(s, appt.contact_id).person_id != appt.person_id:
            raise ValidationError(_("That provider is not in this person's support network."))
        new_id = save_row(s, appt, now, appointments_repo.insert_appointment, appointments_repo.update_appointment)
        _drop_answered_copies(s, appointments_repo.get_appointment_row(s, new_id))
        _carry_over(s, appt.person_id, now)
        return appointments_repo.get_appointment(s, new_id)


def get_appointment(vault: Vault, appointment_id: int) -> Appointment:
    with session_of(vault) as s:
        return appointments_repo.get_appointment(s, appointment_id)


def delete_appointment(vault: Vault, appointment_id: int) -> Appointment:
    """Delete an appointment; returns it as it was."""
    return delete_record(vault, appointment_id, appointments_repo.get_appointment,
                         appointments_repo.delete_appointment)


def ends_at(appt: Appointment) -> datetime:
    """The UTC instant the appointment ends (all-day: the end of its day in its zone)."""
    if appt.all_day:
        return timeutil.day_bounds(appt.local_date, timeutil.zone(appt.zone_name))[1]
    return appt.starts_at + timedelta(minutes=appt.duration_minutes)


@dataclass(frozen=True)
class AppointmentLists:
    """Upcoming appointments (soonest first) and past ones (most recent first)."""

    upcoming: tuple[Appointment, ...]
    past: tuple[Appointment, ...]


def list_appointments(vault: Vault, person_id: int, *, clock: Clock = utc_now) -> AppointmentLists:
    """A person's appointments, split at "now": one that has not ended yet is upcoming. Also
    moves open questions of visits that have started on to the next visit with that provider."""
    now = clock()
    with session_of(vault) as s:
        _carry_over(s, person_id, now)
        appts = [appointments_repo.appointment_from_row(r) for r in appointments_repo.appointment_rows(s, person_id)]
    upcoming = tuple(a for a in appts if ends_at(a) > now)
    past = tuple(reversed([a for a in appts if ends_at(a) <= now]))
    return AppointmentLists(upcoming, past)


def visit_preparation(
    vault: Vault, appointment_id: int, *, clock: Clock = utc_now, zone_name: str = ""
) -> tuple[date, date, list[str]]:
    """The journal range and questions to prepare a visit: ``(start, end, open questions)``.

    ``start`` is the local date of the previous appointment with the same provider (so what
    happened since the last visit, that day included), or the last 30 days when there was none
    (or no provider is set). ``end`` is the visit's date, or today (in ``zone_name``, the
    computer's zone when empty) when the visit is still ahead. When the previous appointment is
    itself still ahead, the range is the last 30 days up to ``end``. The questions are the
    visit's unanswered ones, in order (open questions from earlier visits are moved on first).
    Dates are local calendar dates. Raises :class:`NotFoundError` for a deleted appointment.
    """
    now = clock()
    today = timeutil.utc_to_local(now, timeutil.zone(zone_name or local_zone_name())).date()
    with session_of(vault) as s:
        appt = appointments_repo.get_appointment(s, appointment_id)
        _carry_over(s, appt.person_id, now)
        appt = appointments_repo.get_appointment(s, appointment_id)
        previous = None
        if appt.contact_id is not None:
            earlier = [
                r for r in appointments_repo.appointment_rows(s, appt.person_id, appt.contact_id)
                if (r.starts_at, r.id) < (appt.starts_at, appt.id)
            ]
            previous = earlier[-1].local_date if earlier else None
    end = min(appt.local_date, today)
    start = previous if previous is not None else end - timedelta(days=DEFAULT_PREPARATION_DAYS - 1)
    if start > end:
        start = end - timedelta(days=DEFAULT_PREPARATION_DAYS - 1)
    return start, end, [q.text for q in appt.open_questions]


# --- words ----------------------------------------------------------------------------------


def when_text(appt: Appointment, viewer_zone: str = "", fmt: ReportFormat | None = None) -> str:
    """When, in words, in ``fmt``'s locale and hour cycle (international English when None):
    "Tue, 1 Dec 2026, 10:00 am–11:00 am", "Tue, 1 Dec 2026 (all day)"; a visit planned in another
    zone also says the zone and the time here."""
    fmt = fmt or ReportFormat()
    day_words = fmt.date(appt.local_date, weekday=True)
    if appt.all_day:
        return f"{day_words} (all day)"
    tz = timeutil.zone(appt.zone_name)
    start = appt.starts_at.astimezone(tz)
    end = ends_at(appt).astimezone(tz)
    text = f"{day_words}, {fmt.time(start)}–{fmt.time(end)}"
    viewer = viewer_zone or local_zone_name()
    if viewer != appt.zone_name:
        here = appt.starts_at.astimezone(timeutil.zone(viewer))
        here_day = fmt.date(here.date(), weekday=True, year=False)
        text += f" {appt.zone_name.replace('_', ' ')} time ({here_day}, {fmt.time(here)} here)"
    return text


def provider_name(appt: Appointment, contacts: dict[int, Contact]) -> str:
    contact = contacts.get(appt.contact_id) if appt.contact_id is not None else None
    return contact.name if contact is not None else ""


def title_text(appt: Appointment, contacts: dict[int, Contact]) -> str:
    """A short title: "Visit with Dr. Ana Li" / the purpose / "Appointment"."""
    name = provider_name(appt, contacts)
    if name:
        return f"Visit with {name}"
    return appt.purpose or "Appointment"


# --- iCalendar ------------------------------------------------------------------------------


def _uid(vault_id: str, appt: Appointment) -> str:
    digest = hashlib.sha256(f"{vault_id}:{appt.id}".encode()).hexdigest()[:32]
    return f"{digest}@caregiver-companion"


def _description(appt: Appointment, contacts: dict[int, Contact], include_questions: bool) -> str:
    parts = []
    if appt.purpose:
        parts.append(f"Purpose: {appt.purpose}")
    contact = contacts.get(appt.contact_id) if appt.contact_id is not None else None
    if contact is not None and contact.organisation:
        parts.append(f"With: {contact.name}, {contact.organisation}")
    if appt.video_link:
        parts.append(f"Video link: {appt.video_link}")
    questions = appt.open_questions if include_questions else ()
    if questions:
        parts.append("Questions to ask:\n" + "\n".join(f"{i}. {q.text}" for i, q in enumerate(questions, 1)))
    return "\n\n".join(parts)


def calendar_bytes(
    appointments: list[Appointment], contacts: dict[int, Contact], *, vault_id: str = "", clock: Clock = utc_now,
    include_questions: bool = False,
) -> bytes:
    """An iCalendar (RFC 5545) file holding ``appointments``: timed events with TZID and a
    VTIMEZONE for their zone (``Z`` for UTC), all-day events as VALUE=DATE from the day to the
    next. ``contacts`` (by id) name the providers. The open questions go into the description
    only when ``include_questions`` is true: calendars are often shared or synced, so private
    questions leave the vault only when the user said so."""
    from icalendar import Calendar, Event  # only when a calendar file is made: summaries and the CLI skip it

    cal = Calendar()
    cal.add("prodid", f"-//{APP_NAME}//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = clock().astimezone(timezone.utc)
    for appt in appointments:
        event = Event()
        event.add("uid", _uid(vault_id, appt))
        event.add("dtstamp", stamp)
        event.add("summary", title_text(appt, contacts))
        if appt.all_day:
            event.add("dtstart", appt.local_date)
            event.add("dtend", appt.local_date + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            tz = timezone.utc if appt.zone_name == "UTC" else timeutil.zone(appt.zone_name)
            event.add("dtstart", appt.starts_at.astimezone(tz))
            event.add("dtend", ends_at(appt).astimezone(tz))
        location = appt.place or appt.video_link
        if location:
            event.add("location", location)
        if appt.video_link:
            event.add("url", appt.video_link)
        description = _description(appt, contacts, include_questions)
        if description:
            event.add("description", description)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def export_calendar(
    vault: Vault, person_id: int, appointment_ids: list[int] | None = None, *, clock: Clock = utc_now,
    include_questions: bool = False,
) -> bytes:
    """The iCalendar file of one, several or (``appointment_ids`` None) all of a person's
    appointments (questions only with ``include_questions``). Raises :class:`ValidationError`
    when there is nothing to export."""
    from . import network as contact_service

    with session_of(vault) as s:
        rows = appointments_repo.appointment_rows(s, person_id)
        appts = [appointments_repo.appointment_from_row(r) for r in rows if appointment_ids is None or r.id in appointment_ids]
    if not appts:
        raise ValidationError(_("There are no appointments to put in a calendar file yet."))
    people_contacts = {c.id: c for c in contact_service.list_contacts(vault, person_id)}
    return calendar_bytes(appts, people_contacts, vault_id=keyfile_of(vault).vault_id, clock=clock,
                          include_questions=include_questions)


def save_calendar(vault: Vault, person_id: int, path: Path, ids: list[int] | None = None, *, clock: Clock = utc_now,
                  include_questions: bool = False) -> Path:
    """Write :func:`export_calendar`'s file to ``path`` atomically, readable by this user only (it
    may hold the questions for the visits). Raises :class:`ValidationError` in plain words when
    the folder cannot be written."""
    data = export_calendar(vault, person_id, ids, clock=clock, include_questions=include_questions)
    return save_export(path, data, what=N_("the calendar file"))


def default_calendar_filename(today: date, single: bool = False) -> str:
    """A generic file name (no names or health words), e.g. ``appointments-2026-11-30.ics``."""
    return f"{'appointment' if single else 'appointments'}-{today.isoformat()}.ics"


