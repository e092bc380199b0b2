"""The visit summary's content as plain data.

One service (``services.summary``) fills a :class:`VisitSummaryData`; the PDF builder only lays it
out, so the GUI, the command line and the tests all see the same numbers.

What the user chose to print is a :class:`SummaryChoices`: which appendix sections, and what to
leave out (whole entries, symptoms, tags). Anything left out is removed by the service before the
data reaches the builder, so it cannot reach the file.

Sections fed by other parts of the app (medications, PHQ-9/GAD-7 scores, warning signs, care
team, safety plan, ecomap) are optional: their fields stay empty, and the section is not printed,
until that part of the app exists and has something for the period.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import groupby

from ..i18n import N_, _
from .errors import ValidationError
from .model import MOOD_SCALE_NAME, MoodLevel, SleepQuality, SymptomRating


MAX_RANGE_DAYS = 366 * 20


def check_range(start: date, end: date) -> None:
    """Raise :class:`ValidationError` (plain words) for a backwards or absurd date range."""
    if end < start:
        raise ValidationError(_("The end date is before the start date. Please swap them."))
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValidationError(_("Please choose a range of 20 years or less."))
    # The summary compares with the period just before and reads whole local days around the
    # range; at the calendar's first and last years those days do not exist.
    if start.year <= 1 or end.year >= 9999:
        raise ValidationError(_("Those dates are at the very edge of the calendar (the year 1 or 9999). "
                                "Please check the years."))


def default_filename(today: date) -> str:
    """A generic file name with no names or health words, e.g. ``visit-summary-2026-11-30.pdf``."""
    return f"visit-summary-{today.isoformat()}.pdf"


class SummaryCancelled(Exception):
    """Raised by a summary build when its ``cancelled`` callback says the user pressed Cancel."""


class Section(enum.Enum):
    """The parts of the appendix a user can switch on or off. The one-page brief always prints."""

    CHARTS = "charts"
    SYMPTOMS = "symptoms"
    FLAGGED = "flagged"
    NOTES = "notes"
    SCORES = "scores"
    MEDICATIONS = "medications"
    CARE_TEAM = "care_team"
    SAFETY_PLAN = "safety_plan"
    ECOMAP = "ecomap"

    @property
    def title(self) -> str:
        """The words shown for the section, in the app and as its heading in the PDF."""
        return _(_SECTION_TITLES[self])


_SECTION_TITLES = {
    Section.CHARTS: N_("Life chart (mood, sleep, medicines, scores)"),
    Section.SYMPTOMS: N_("Symptom table"),
    Section.FLAGGED: N_("Flagged entries"),
    Section.NOTES: N_("Notes by day"),
    Section.SCORES: N_("PHQ-9 and GAD-7 scores"),
    Section.MEDICATIONS: N_("Medication list"),
    Section.CARE_TEAM: N_("Care team contacts"),
    Section.SAFETY_PLAN: N_("Safety plan"),
    Section.ECOMAP: N_("Ecomap (support network)"),
}

JOURNAL_SECTIONS = (Section.CHARTS, Section.SYMPTOMS, Section.FLAGGED, Section.NOTES)
"""Sections built from the journal alone: always offered."""

DEFAULT_SECTIONS = frozenset(JOURNAL_SECTIONS) | {Section.SCORES, Section.MEDICATIONS, Section.CARE_TEAM}
"""On unless the user turns them off. The safety plan and the ecomap print only when chosen."""

SECTION_ORDER = (
    Section.CHARTS, Section.SYMPTOMS, Section.SCORES, Section.MEDICATIONS, Section.CARE_TEAM,
    Section.FLAGGED, Section.NOTES, Section.SAFETY_PLAN, Section.ECOMAP,
)
"""The order after page one: the life chart first; the medication list and care team before the
notes (issue 13), so the reference pages a clinician turns to are not behind weeks of notes."""


def fold_piece(text: str) -> str:
    """One piece of text in the form left-out words are compared in: compatibility-composed
    (NFKC: full-width letters, ligatures, a decomposed "e" + accent become one form), case-folded
    ("ß" and "ss" alike) and without invisible format characters (soft hyphens, zero-width
    joiners). Whitespace is kept as it is (see :func:`match_key`)."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")


def match_key(text: str) -> str:
    """The one form names and notes are compared in for leaving things out: :func:`fold_piece`
    with every run of whitespace (spaces, tabs, line breaks) made one space, trimmed."""
    return " ".join(fold_piece(text).split())


@dataclass(frozen=True)
class LeaveOut:
    """What the user keeps out of the printed summary.

    ``entry_ids`` are journal entry ids; ``symptoms`` and ``tags`` are names, kept and compared
    in their :func:`match_key` form (case, accents written either way, "ß"/"ss", spacing). A left-out entry is gone entirely (its note, its numbers, its place in the chart). A
    left-out symptom or tag is removed from every entry and table, and where its name appears in
    the text of a note it is replaced by :data:`LEFT_OUT_MARK`.
    """

    entry_ids: frozenset[int] = frozenset()
    symptoms: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "entry_ids", frozenset(int(i) for i in self.entry_ids))
        object.__setattr__(self, "symptoms", frozenset(match_key(s) for s in self.symptoms if match_key(s)))
        object.__setattr__(self, "tags", frozenset(match_key(t) for t in self.tags if match_key(t)))

    @property
    def is_empty(self) -> bool:
        return not (self.entry_ids or self.symptoms or self.tags)

    @property
    def words(self) -> frozenset[str]:
        """Every left-out name (in :func:`match_key` form) that must not appear in any printed text."""
        return self.symptoms | self.tags


LEFT_OUT_MARK = "[left out]"
"""Printed where a note's text named something the user left out."""


@dataclass(frozen=True)
class SummaryChoices:
    """What to print: the appendix ``sections`` (the brief always prints), what to ``leave_out``,
    the ``questions`` for this visit (plain text, in the order to ask them) and the ``language``
    it is written in."""

    sections: frozenset[Section] = DEFAULT_SECTIONS
    leave_out: LeaveOut = LeaveOut()
    questions: tuple[str, ...] = ()
    language: str = ""
    """The language the document is written in (``"en"``, ``"es"``); ``""`` means the window's
    (:func:`caregiver_app.i18n.process_language`)."""


@dataclass(frozen=True)
class SummaryEntry:
    """One journal entry as printed. ``local_date``/``local_time`` are the local wall-clock date
    and time it belongs to; ``recorded_by`` is a ready label such as ``"Sam (self)"``;
    ``entry_id`` is the journal entry's id (None for made-up data). ``tags`` are the activities,
    ``stressors`` the stressors, kept apart so a clinician can tell them apart. ``mood_label`` is
    how another app wrote the mood when the entry was imported (``"Bearable 2/10"``), else ''."""

    local_date: date
    local_time: time
    recorded_by: str
    mood: MoodLevel | None
    anxiety: int | None
    energy: int | None
    sleep_hours: float | None
    sleep_quality: SleepQuality | None
    symptoms: tuple[SymptomRating, ...]
    tags: tuple[str, ...]
    note: str
    flagged: bool
    entry_id: int | None = None
    stressors: tuple[str, ...] = ()
    observed: bool = False
    """True when a family member wrote it (an observation), False for the person's own entry."""
    elevation: int | None = None
    """The elevated / irritable rating 0–3 (none, mild, moderate, severe), None when not rated."""
    mood_label: str = ""
    """The original words of an imported mood label (e.g. "wannadie") and ``source`` its app."""
    source: str = "manual"


@dataclass(frozen=True)
class DayPoint:
    """One local calendar day of the chart. ``mood`` is the mean mood level (1–5) of the day's
    entries and ``sleep_hours`` the mean hours of sleep recorded; ``None`` means nothing was
    recorded that day and must be drawn as a gap, never as zero."""

    day: date
    mood: float | None
    sleep_hours: float | None
    entry_count: int


@dataclass(frozen=True)
class SymptomStat:
    """How a symptom showed up in the period: on how many local days it was rated, the mean of
    all its ratings and the worst rating (severities 0–10)."""

    name: str
    days_present: int
    average: float
    worst: int


# --- the brief: what changed since the previous period ------------------------------------------


@dataclass(frozen=True)
class PeriodFigures:
    """Headline numbers of one inclusive range of local dates: mean mood (1–5), mean hours of
    sleep (both over the days that have a value; None when none has), how many entries and on how
    many days."""

    start: date
    end: date
    mood_average: float | None
    sleep_average: float | None
    entry_count: int
    days_with_entries: int
    mood_days: int = 0
    sleep_days: int = 0

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class SymptomChange:
    """A symptom compared across the two periods: mean severity (0–10) and days present in each;
    ``None`` averages mean it was not rated in that period."""

    name: str
    previous_average: float | None
    current_average: float | None
    previous_days: int
    current_days: int
    current_worst: int | None = None

    @property
    def kind(self) -> str:
        """``"new"``, ``"gone"``, ``"rose"`` or ``"fell"``."""
        if self.previous_average is None:
            return "new"
        if self.current_average is None:
            return "gone"
        return "rose" if self._score() > 0 else "fell"

    def _score(self) -> float:
        prev = self.previous_average or 0.0
        cur = self.current_average or 0.0
        return (cur - prev) + (self.current_days - self.previous_days) / 10.0

    @property
    def size(self) -> float:
        """How big the change is, for ranking (severity points, plus a tenth per day)."""
        if self.kind == "new":
            return 10.0 + (self.current_average or 0) + self.current_days / 10.0
        if self.kind == "gone":
            return 10.0 + (self.previous_average or 0) + self.previous_days / 10.0
        return abs(self._score())


@dataclass(frozen=True)
class NotableDay:
    """A best or worst day: its local date, mean mood (1–5), hours of sleep (or None), and the
    day's worst-rated symptom (name, severity 0–10) if any."""

    day: date
    mood: float
    sleep_hours: float | None = None
    top_symptom: tuple[str, int] | None = None
    flagged: bool = False


@dataclass(frozen=True)
class Brief:
    """The page-one comparison: this period against the one of the same length just before it."""

    current: PeriodFigures
    previous: PeriodFigures
    best_days: tuple[NotableDay, ...] = ()
    worst_days: tuple[NotableDay, ...] = ()
    rose: tuple[SymptomChange, ...] = ()
    fell: tuple[SymptomChange, ...] = ()
    steady_count: int = 0


# --- sections fed by other parts of the app -------------------------------------------------------


@dataclass(frozen=True)
class ScoreResult:
    """A standard questionnaire's latest score in the period and the one before it.

    ``instrument`` is e.g. ``"PHQ-9"`` (0–27) or ``"GAD-7"`` (0–21); ``band`` the severity words
    from the instrument's published bands; dates are local calendar dates."""

    instrument: str
    score: int
    max_score: int
    taken_on: date
    band: str = ""
    previous_score: int | None = None
    previous_on: date | None = None
    history: tuple[tuple[date, int], ...] = ()
    self_harm_item_dates: tuple[date, ...] = ()
    """PHQ-9 only: local dates in the period when item 9 (thoughts of being better off dead or of
    hurting oneself) was answered above 0 — a same-day safety follow-up (Kroenke et al. 2001)."""
    peak: int | None = None
    peak_on: date | None = None
    peak_band: str = ""
    previous_band: str = ""
    item9: tuple[tuple[date, int], ...] = ()
    """PHQ-9 only: (local date, answer 0–3) for each item-9 answer above 0 in the period."""


@dataclass(frozen=True)
class MedicationLine:
    """A medication taken at some time in the period: name, dose and how it is taken, as the user
    wrote them; ``since`` the local date it started and ``stopped`` the local date it stopped (None
    while it is still taken)."""

    name: str
    dose: str = ""
    how: str = ""
    purpose: str = ""
    since: date | None = None
    stopped: date | None = None
    steps: tuple[tuple[date, str], ...] = ()
    """The dose steps that touch the period: (local date the dose starts, dose text), oldest first."""


@dataclass(frozen=True)
class MedicationChange:
    """A change to the medication list on a local date, e.g. "Started", "Stopped", "Dose changed",
    with the user's own words in ``detail``."""

    day: date
    medication: str
    change: str
    detail: str = ""


@dataclass(frozen=True)
class MissedDoses:
    """Doses recorded as missed for one medication in the period (``scheduled`` when known)."""

    medication: str
    missed: int
    scheduled: int | None = None
    last_missed: date | None = None


@dataclass(frozen=True)
class WarningSignSeen:
    """One of the person's own early warning signs that the journal recorded in the period: on
    how many local days, the last one, and what their plan says to do (e.g. "Call the care team
    today")."""

    sign: str
    days: int
    last_seen: date | None = None
    action: str = ""


@dataclass(frozen=True)
class CareTeamContact:
    """A member of the care team or support network as printed."""

    name: str
    role: str = ""
    organization: str = ""
    phone: str = ""
    email: str = ""
    note: str = ""


@dataclass(frozen=True)
class VisitSummaryData:
    """Everything a visit summary shows for one person and one inclusive range of local dates.

    ``prepared_at`` is the UTC instant it was made; ``prepared_at_local`` the same instant in the
    user's time zone (``time_zone``, an IANA name). ``days`` has one point per day of the range.
    ``entries`` are in time order, oldest first. ``sections`` are the appendix sections to print
    (only those with something to show are printed). ``brief`` is None only for hand-made data,
    in which case page one is built from ``days`` and ``entries`` alone.

    The caregiver's own check-ins never belong here: this is the person's summary.
    """

    person_name: str
    start: date
    end: date
    prepared_at: datetime
    prepared_at_local: datetime
    prepared_by: str
    time_zone: str
    days: tuple[DayPoint, ...]
    flagged: tuple[SummaryEntry, ...]
    symptoms: tuple[SymptomStat, ...]
    entries: tuple[SummaryEntry, ...]
    mood_scale_name: str = MOOD_SCALE_NAME
    sections: frozenset[Section] = field(default_factory=lambda: frozenset(JOURNAL_SECTIONS))
    brief: Brief | None = None
    questions: tuple[str, ...] = ()
    scores: tuple[ScoreResult, ...] = ()
    medications: tuple[MedicationLine, ...] = ()
    medication_changes: tuple[MedicationChange, ...] = ()
    missed_doses: tuple[MissedDoses, ...] = ()
    warning_signs: tuple[WarningSignSeen, ...] = ()
    contacts: tuple[CareTeamContact, ...] = ()
    safety_plan: object | None = None
    ecomap: object | None = None
    other_entry_zones: tuple[str, ...] = ()
    """IANA zones other than ``time_zone`` where printed entries were written: those entries show
    the clock time of that place (a family that moved, or a journal imported with its own zone)."""
    birth_date: date | None = None
    preparer_relationship: str = ""
    preparer_phone: str = ""
    safety: SafetyBox = field(default_factory=lambda: SafetyBox())
    changes: tuple[ChangeRow, ...] = ()
    adherence: tuple[Adherence, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when no entry falls in the range."""
        return not self.entries

    def wants(self, section: Section) -> bool:
        """True when the user chose ``section``."""
        return section in self.sections

    def entries_by_day(self) -> list[tuple[date, list[SummaryEntry]]]:
        """The entries grouped by local calendar date, oldest day first."""
        return [(day, list(items)) for day, items in groupby(self.entries, key=lambda e: e.local_date)]


# --- page one, second edition ---------------------------------------------------------------------


SELF = "self"
OBSERVED = "observed"
"""The two sources of journal numbers: the person's own ratings and a family member's observations."""


@dataclass(frozen=True)
class ChangeRow:
    """One measure from one source (:data:`SELF` or :data:`OBSERVED`) across the two periods.

    Values are means over the days that have one (mood 1–5, anxiety/energy/severity 0–10, sleep
    hours); ``last14`` is the mean of the period's last 14 local days; ``hardest7`` the mean of the
    hardest 7-day stretch of the period (lowest for mood, energy and sleep; highest for anxiety and
    symptoms) starting on local date ``hardest7_start``. Counts are days with a value."""

    measure: str
    source: str
    current: float | None
    previous: float | None
    last14: float | None
    hardest7: float | None
    hardest7_start: date | None
    current_days: int
    previous_days: int
    higher_is_better: bool
    scale: float
    unit: str = ""
    is_symptom: bool = False
    worst: float | None = None
    """The period's worst day (lowest for mood, energy and sleep; highest otherwise)."""

    @property
    def change(self) -> float | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def size(self) -> float:
        """How big the change is as a share of the scale (0–1), for ranking; a measure new or
        gone this period ranks as a change of its whole value."""
        if self.current is None and self.previous is None:
            return 0.0
        if self.current is None or self.previous is None:
            return abs(self.current if self.current is not None else self.previous or 0.0) / self.scale
        return abs(self.current - self.previous) / self.scale


@dataclass(frozen=True)
class SafetyNote:
    """A flagged entry that matches an emergency or crisis warning sign: its local date, who wrote
    it (e.g. ``"Ana (family)"``), a short excerpt of the note, and the sign it matched."""

    day: date
    who: str
    excerpt: str
    sign: str


@dataclass(frozen=True)
class SafetyBox:
    """What page one puts first: PHQ-9 item 9 answers above 0 (local date, answer 0–3), flagged
    entries matching an urgent sign, and the local date the safety plan was last saved (None when
    there is no plan)."""

    item9: tuple[tuple[date, int], ...] = ()
    notes: tuple[SafetyNote, ...] = ()
    plan_saved_on: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.item9 or self.notes)


@dataclass(frozen=True)
class Adherence:
    """Doses of one medication recorded in the period: local days with a dose taken, days with a
    record of taken or missed, missed doses, the 7-day stretch where most misses fell
    (``cluster_start``, how many of the misses), and extra (as-needed) doses."""

    medication: str
    taken_days: int
    recorded_days: int
    missed: int
    extra: int = 0
    cluster_start: date | None = None
    cluster_missed: int = 0
    missed_days: tuple[date, ...] = ()
    extra_days: tuple[date, ...] = ()

    @property
    def percent(self) -> int | None:
        """Days taken as a whole percentage of recorded days; None with nothing recorded."""
        if not self.recorded_days:
            return None
        return round(100 * self.taken_days / self.recorded_days)
