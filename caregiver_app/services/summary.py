"""Visit summaries: the data (one plain dataclass), the PDF built from it, and the choices a user
makes about what leaves the house.

Dates in requests are local calendar dates (inclusive). Progress is reported through a plain
``progress(done, total)`` callback and a ``cancelled()`` callback is polled; when it returns True
the build stops with :class:`~caregiver_app.domain.summary.SummaryCancelled`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ..domain import timeutil
from ..domain.crisis_lines import CrisisLine, help_words
from ..domain.model import MoodLevel, Recorder, RecorderKind, SleepQuality, SymptomRating, TagKind
from ..domain.summary import (  # check_range, default_filename and MAX_RANGE_DAYS are part of this API too
    JOURNAL_SECTIONS,
    MAX_RANGE_DAYS,
    LeaveOut,
    SafetyBox,
    SafetyNote,
    Section,
    SummaryCancelled,
    SummaryChoices,
    SummaryEntry,
    VisitSummaryData,
    check_range,
    default_filename,
)
from ..domain.summary_changes import change_rows
from ..domain.summary_rules import apply_leave_out, day_points, make_brief, previous_period, symptom_stats
from .. import i18n
from ..i18n import _
from ..reports.formatting import ReportFormat
from ..reports.collector import collector_paused
from ..storage.repos.journal_lines import EntryLine, entry_lines
from . import appointments, summary_sources
from .clock import Clock, local_zone_name, utc_now
from .people import get_person, preparer_name
from .summary_pdf import PAPER_SIZES, Cancelled, Progress, document_language, printed_format, summary_pdf_bytes  # noqa: F401 (its public names)
from .user_files import save_export
from .vault import Vault, session_of


__all__ = [
    "SummaryRequest", "LeaveOutChoices", "check_range", "MAX_RANGE_DAYS", "prepare_pdf", "build_summary", "summary_pdf_bytes",
    "write_pdf_bytes", "write_summary_pdf", "default_filename", "leave_out_choices",
    "offered_sections", "last_visit_date", "symptom_stats", "save_choices", "saved_choices",
]


@dataclass(frozen=True)
class SummaryRequest:
    """Which person and which local calendar dates (inclusive) to summarise, and what the user
    chose to print (appendix sections, things left out, questions for the visit)."""

    person_id: int
    start: date
    end: date
    choices: SummaryChoices = field(default_factory=SummaryChoices)


class _Printed:
    """Turns the light rows of one build into the summary's entries. Zones, recorder labels and
    symptom ratings repeat across years of entries, so each distinct one is made once (they are
    immutable) instead of once per entry."""

    def __init__(self, person_name: str, tz: ZoneInfo):
        self.person_name, self.tz = person_name, tz
        self.zones: dict[str, ZoneInfo] = {}
        self.recorders: dict[tuple[str, str], tuple[str, bool]] = {}
        self.ratings: dict[tuple[str, int], SymptomRating] = {}

    def _zone(self, name: str) -> ZoneInfo:
        if not name:
            return self.tz
        zone = self.zones.get(name)
        if zone is None:
            zone = self.zones[name] = timeutil.zone_or(name, self.tz)
        return zone

    def recorder(self, kind: str, name: str) -> tuple[str, bool]:
        """``(label such as "Sam (self)", whether a family member wrote it)``."""
        found = self.recorders.get((kind, name))
        if found is None:
            recorder = Recorder.stored(kind, name)
            found = self.recorders[(kind, name)] = (recorder.describe(self.person_name),
                                                    recorder.kind is RecorderKind.FAMILY)
        return found

    def wall_clock(self, line: EntryLine) -> datetime:
        """The aware local time ``line`` was written at (see ``JournalEntry.wall_clock``)."""
        return timeutil.utc_to_local(line.occurred_at, self._zone(line.zone_name))

    def _rating(self, pair: tuple[str, int]) -> SymptomRating:
        rating = self.ratings.get(pair)
        if rating is None:
            rating = self.ratings[pair] = SymptomRating(*pair)
        return rating

    def entry(self, line: EntryLine) -> SummaryEntry:
        """``line`` as printed: its wall-clock time in the entry's own zone (else the summary's),
        the recorder's label and the tags split by kind."""
        local = self.wall_clock(line)
        label, observed = self.recorder(line.recorded_by_kind, line.recorded_by_name)
        return SummaryEntry(
            local_date=line.local_date,
            local_time=local.time().replace(second=0, microsecond=0, tzinfo=None),
            recorded_by=label,
            mood=MoodLevel(line.mood) if line.mood is not None else None,
            anxiety=line.anxiety,
            energy=line.energy,
            sleep_hours=round(float(line.sleep_hours), 2) if line.sleep_hours is not None else None,
            sleep_quality=SleepQuality(line.sleep_quality) if line.sleep_quality is not None else None,
            symptoms=tuple(map(self._rating, line.ratings)),
            # one tag once, as a journal entry keeps it
            tags=tuple(dict.fromkeys(name for name, kind in line.tags if kind == _ACTIVITY)),
            stressors=tuple(dict.fromkeys(name for name, kind in line.tags if kind == _STRESSOR)),
            note=line.note,
            flagged=line.flag_for_visit,
            entry_id=line.id,
            observed=observed,
            elevation=line.elevation,
            mood_label=line.mood_label or "",
            source=line.source,
        )


_ACTIVITY, _STRESSOR = TagKind.ACTIVITY.value, TagKind.STRESSOR.value


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise SummaryCancelled()


def offered_sections() -> tuple[Section, ...]:
    """The appendix sections this installation can print: the journal's own, plus those whose
    source (medications, scores, warning signs, care team, safety plan, ecomap) exists."""
    return tuple(s for s in JOURNAL_SECTIONS) + summary_sources.available_sections()


def last_visit_date(vault: Vault, person_id: int, today: date) -> date | None:
    """The local date of the person's most recent appointment with any provider on or before
    ``today``, or None when there is none (or appointments are not part of this app yet)."""
    return summary_sources.last_visit_date(vault, person_id, today)


def _questions_to_ask(vault: Vault, person_id: int, questions: Sequence[str]) -> tuple[str, ...]:
    """The typed questions without blanks and without those already answered at a visit (see
    :func:`appointments.answered_questions`): a question answered since it was brought over from
    "Prepare for this visit" is no longer one to ask."""
    answered = appointments.answered_questions(vault, person_id)
    cleaned = (" ".join(q.split()) for q in questions)
    return tuple(q for q in cleaned if q and q.casefold() not in answered)


def build_summary(
    vault: Vault,
    request: SummaryRequest,
    *,
    prepared_by: str | None = None,
    zone_name: str = "",
    clock: Clock = utc_now,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    country: str = "",
    user_lines: Sequence[CrisisLine] = (),
    preparer_relationship: str = "",
    preparer_phone: str = "",
) -> VisitSummaryData:
    """Gather everything the visit summary shows, with the user's leave-out choices applied.

    ``prepared_by`` defaults to the vault's saved preparer name. ``country`` (ISO 3166 code;
    ``""`` when unknown, which prints "the local emergency number") and ``user_lines`` (numbers
    the user added) decide the crisis numbers of the safety plan and the phone region.
    ``preparer_relationship`` (e.g. "wife") and ``preparer_phone`` print beside the preparer's
    name on page one when given. Questions already answered at one of the person's visits (and
    open at none) are left out of the questions. Raises :class:`ValidationError`
    for a bad range, :class:`NotFoundError` for a person no longer in the vault, and
    :class:`SummaryCancelled` when ``cancelled()`` turns True.
    """
    # Reading years of entries makes hundreds of thousands of objects at once; the collector
    # would walk them all again and again (more than the reading itself).
    # Words the domain and content give (tiers, warning-sign titles, bands) come in the document's
    # language too: the language is set here, in the thread that builds.
    with collector_paused(), i18n.document_language(document_language(request.choices.language)):
        return _build_summary(vault, request, prepared_by, zone_name, clock, progress, cancelled, country,
                              user_lines, preparer_relationship, preparer_phone)


def _build_summary(vault: Vault, request: SummaryRequest, prepared_by: str | None, zone_name: str, clock: Clock,
                   progress: Progress | None, cancelled: Cancelled | None, country: str,
                   user_lines: Sequence[CrisisLine], preparer_relationship: str,
                   preparer_phone: str) -> VisitSummaryData:
    check_range(request.start, request.end)
    choices = request.choices
    tz_name = zone_name or local_zone_name()
    tz = timeutil.zone(tz_name)
    person = get_person(vault, request.person_id)
    prev_start, prev_end = previous_period(request.start, request.end)
    if progress:
        progress(0, 100)
    rows: list[SummaryEntry] = []
    zones: dict[int | None, str] = {}
    printed = _Printed(person.display_name, tz)
    with session_of(vault) as s:
        # A few months at a time, each turned into the summary's rows at once: the database's
        # objects for years of entries never sit in memory together.
        for first, last in _read_windows(prev_start, request.end):
            loaded = entry_lines(s, request.person_id, first, last)
            rows += map(printed.entry, loaded)
            zones.update((e.id, e.zone_name) for e in loaded if e.zone_name and e.zone_name != tz_name)
            del loaded
            _check(cancelled)
            if progress:
                progress(15 * ((last - prev_start).days + 1) // ((request.end - prev_start).days + 1), 100)
    rows = apply_leave_out(rows, choices.leave_out)
    current = [r for r in rows if r.local_date >= request.start]
    other_zones = tuple(sorted({zones[r.entry_id] for r in current if r.entry_id in zones}))
    previous = [r for r in rows if r.local_date < request.start]
    del rows
    _check(cancelled)
    points = day_points(current, request.start, request.end)
    stats = symptom_stats(current)
    brief = make_brief(current, previous, request.start, request.end, current_points=points, current_stats=stats)
    extras = summary_sources.gather(
        vault, request.person_id, request.start, request.end, choices, prev_start=prev_start,
        entries=current, today=clock().astimezone(tz).date(), country=country, user_lines=user_lines,
    )
    _check(cancelled)
    if progress:
        progress(20, 100)
    now = clock()
    safety = _safety_box(vault, request.person_id, current, extras.get("scores", ()), tz, country, user_lines)
    return VisitSummaryData(
        person_name=person.display_name,
        start=request.start,
        end=request.end,
        prepared_at=now,
        prepared_at_local=now.astimezone(tz),
        prepared_by=prepared_by if prepared_by is not None else preparer_name(vault),
        time_zone=tz_name,
        other_entry_zones=other_zones,
        days=points,
        flagged=tuple(r for r in current if r.flagged),
        symptoms=tuple(stats),
        entries=tuple(current),
        sections=frozenset(choices.sections),
        brief=brief,
        questions=tuple(summary_sources.redact_all(_questions_to_ask(vault, request.person_id, choices.questions),
                                                   choices.leave_out.words)),
        birth_date=person.birth_date,
        preparer_relationship=" ".join(preparer_relationship.split()),
        preparer_phone=" ".join(preparer_phone.split()),
        safety=summary_sources.redact_all(safety, choices.leave_out.words),
        changes=change_rows(current, previous, request.start, request.end),
        **extras,
    )


READ_WINDOW_DAYS = 183


def _read_windows(start: date, end: date) -> Iterator[tuple[date, date]]:
    """``start``..``end`` (local dates, inclusive) in consecutive windows of at most
    :data:`READ_WINDOW_DAYS` days, oldest first."""
    while start <= end:
        last = min(end, start + timedelta(days=READ_WINDOW_DAYS - 1))
        yield start, last
        if last >= end:
            return
        start = last + timedelta(days=1)


SAFETY_EXCERPT_CHARS = 140


def _safety_box(vault: Vault, person_id: int, current: Sequence[SummaryEntry], scores, tz, country: str,
                user_lines: Sequence[CrisisLine]) -> SafetyBox:
    """Page one's safety box: PHQ-9 item 9 answers above 0, flagged entries whose symptoms and
    note meet an Emergency or Crisis-line warning sign of the pages (the rule the entry window
    uses: ``warning_signs.entry_hints``), and the safety plan's last saved local date."""
    from . import plans
    from . import warning_signs

    words = help_words(country, user_lines)
    notes = []
    for entry in current:
        if not entry.flagged:
            continue
        urgent = warning_signs.entry_hints(entry.symptoms, words, entry.note).urgent
        if not urgent:
            continue
        text = " ".join(entry.note.split())
        if len(text) > SAFETY_EXCERPT_CHARS:
            cut = text[: SAFETY_EXCERPT_CHARS - 1]
            text = (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip() + "…"
        sign = urgent[0]
        about = (_("emergency sign about {symptom}") if sign.tier.name == "EMERGENCY"
                 else _("crisis sign about {symptom}")).format(symptom=sign.symptom)
        notes.append(SafetyNote(entry.local_date, entry.recorded_by, text, about))
    item9 = tuple(pair for result in scores for pair in result.item9)
    plan = plans.get_safety_plan(vault, person_id)
    saved = plan.updated_at.astimezone(tz).date() if (not plan.is_empty and plan.updated_at) else None
    return SafetyBox(item9=item9, notes=tuple(notes), plan_saved_on=saved)


def prepare_pdf(*, fmt: ReportFormat | None = None, language: str = "", country: str = "") -> None:
    """Do now the part of a summary's making that needs no vault (importing this module has
    loaded the modules that read the journal): load the modules that draw the PDF, register the
    report fonts and read the calendar words of the
    document's dates (``fmt``, ``language`` and ``country`` as :func:`summary_pdf_bytes` takes
    them). Nothing is written and nothing of the journal is read. The command line calls it while
    the passphrase's key derives in a background thread; a later build finds all of it done."""
    from ..reports import visit_summary  # noqa: F401 - reportlab and the report modules
    from ..reports.fonts import register_fonts

    register_fonts()
    (printed_format(fmt, language, country) or ReportFormat()).sample_text()


def write_pdf_bytes(pdf: bytes, path: Path, *, what: str = "") -> Path:
    """Write ``pdf`` to ``path`` with the one private writer (atomic, mode 0600), adding
    ``.pdf`` when missing; ``what`` names the document in messages. Returns the path written.
    Raises :class:`ValidationError` (plain words) for a folder that is missing or cannot be
    written, or a full disk; nothing is left behind on failure."""
    return save_export(path, pdf, what=what or _("the visit summary"), suffix=".pdf")


def write_summary_pdf(data: VisitSummaryData, path: Path, *, paper: str = "letter",
                      fmt: ReportFormat | None = None, language: str = "", country: str = "") -> Path:
    """Build the PDF (in ``fmt``, written in ``language``; see :func:`summary_pdf_bytes`) and write
    it to ``path`` atomically (see :func:`write_pdf_bytes`)."""
    return write_pdf_bytes(summary_pdf_bytes(data, paper=paper, fmt=fmt, language=language, country=country), path)


@dataclass(frozen=True)
class EntryChoice:
    """An entry the user may leave out: its id, local date and time, who recorded it and the
    first words of its note (for the list in the app only; never printed)."""

    entry_id: int
    local_date: date
    local_time: time
    recorded_by: str
    excerpt: str
    flagged: bool


@dataclass(frozen=True)
class LeaveOutChoices:
    """What could be left out of a summary of one range: entries (newest first), symptom and tag
    names (alphabetical)."""

    entries: tuple[EntryChoice, ...]
    symptoms: tuple[str, ...]
    tags: tuple[str, ...]


EXCERPT_CHARS = 90


def leave_out_choices(
    vault: Vault, person_id: int, start: date, end: date, *, zone_name: str = ""
) -> LeaveOutChoices:
    """The entries, symptoms and tags recorded for the person in ``start``..``end`` (local
    dates, inclusive), for the "leave out" list. Raises :class:`ValidationError` for a bad range."""
    check_range(start, end)
    tz = timeutil.zone(zone_name or local_zone_name())
    person = get_person(vault, person_id)
    with session_of(vault) as s:
        entries = entry_lines(s, person_id, start, end)
    printed = _Printed(person.display_name, tz)
    symptoms: dict[str, str] = {}
    tags: dict[str, str] = {}
    choices = []
    for e in reversed(entries):
        for name, _severity in e.ratings:
            symptoms.setdefault(name.casefold(), name)
        for name, _kind in e.tags:
            tags.setdefault(name.casefold(), name)
        text = " ".join(e.note.split())
        if len(text) > EXCERPT_CHARS:
            text = text[: EXCERPT_CHARS - 1].rstrip() + "…"
        choices.append(EntryChoice(e.id, e.local_date, printed.wall_clock(e).time(),
                                   printed.recorder(e.recorded_by_kind, e.recorded_by_name)[0], text, e.flag_for_visit))
    order = lambda names: tuple(sorted(names.values(), key=str.casefold))  # noqa: E731
    return LeaveOutChoices(tuple(choices), order(symptoms), order(tags))


# --- the user's choices, kept in the vault ------------------------------------------------------


def save_choices(vault: Vault, person_id: int, choices: SummaryChoices, *, clock: Clock = utc_now) -> None:
    """Remember ``choices`` (sections, leave-outs, questions) for the person's next summary, inside
    the encrypted database: they survive a lock, an auto-lock and a restart. Never written to the
    settings file, because leave-out words and questions are health data."""
    from ..storage.repos.summary import put_choice

    payload = json.dumps({
        "sections": sorted(s.value for s in choices.sections),
        "entry_ids": sorted(choices.leave_out.entry_ids),
        "symptoms": sorted(choices.leave_out.symptoms),
        "tags": sorted(choices.leave_out.tags),
        "questions": list(choices.questions),
        "language": choices.language,
    }, ensure_ascii=False)
    with session_of(vault) as s:
        put_choice(s, person_id, payload, clock())


def saved_choices(vault: Vault, person_id: int) -> SummaryChoices | None:
    """The choices last saved for the person, or None when there are none (or they cannot be
    read, e.g. written by a newer version: the defaults are used then)."""
    from ..storage.repos.summary import get_choice

    with session_of(vault) as s:
        payload = get_choice(s, person_id)
    if payload is None:
        return None
    try:
        raw = json.loads(payload)
        known = {s.value: s for s in Section}
        return SummaryChoices(
            sections=frozenset(known[v] for v in raw.get("sections", []) if v in known),
            leave_out=LeaveOut(entry_ids=frozenset(int(i) for i in raw.get("entry_ids", [])),
                               symptoms=frozenset(str(w) for w in raw.get("symptoms", [])),
                               tags=frozenset(str(w) for w in raw.get("tags", []))),
            questions=tuple(str(q) for q in raw.get("questions", []) if str(q).strip()),
            language=i18n.normalise(raw.get("language", "")),
        )
    except (ValueError, TypeError, AttributeError):
        return None
