"""The journal's records: people, journal entries, symptom ratings and tags.

Conventions used everywhere in the app:

* ``occurred_at`` is a timezone-aware UTC instant; ``local_date`` is the local calendar date the
  entry belongs to (the date on the wall calendar where it was written).
* Severities, anxiety and energy are whole numbers on a 0–10 numeric rating scale
  (0 none, 5 moderate, 10 worst imaginable).
* Mood is on the app's named 5-point mood scale (:class:`MoodLevel`).
"""

from __future__ import annotations

import enum
import math
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

from ..i18n import N_, _, pgettext
from .errors import ValidationError, at_most

MOOD_SCALE_NAME = N_("5-point mood scale")  # translated where shown: the data keeps the English name
SEVERITY_MIN = 0
SEVERITY_MAX = 10
NOTE_MAX_CHARS = 20_000
NAME_MAX_CHARS = 120
MOOD_LABEL_MAX_CHARS = 120


class MoodLevel(enum.IntEnum):
    """The app's named 5-point mood scale (1 very low ... 5 very good)."""

    VERY_LOW = 1
    LOW = 2
    OKAY = 3
    GOOD = 4
    VERY_GOOD = 5

    @property
    def label(self) -> str:
        """The word shown to users for this level, e.g. ``"very low"``."""
        return {
            1: pgettext("mood", "very low"),
            2: pgettext("mood", "low"),
            3: pgettext("mood", "okay"),
            4: pgettext("mood", "good"),
            5: pgettext("mood", "very good"),
        }[self.value]


class SleepQuality(enum.IntEnum):
    """How restful the night felt, as the person or observer judged it."""

    POOR = 1
    FAIR = 2
    GOOD = 3

    @property
    def label(self) -> str:
        """The word shown to users, e.g. ``"poor"``, in the language in force."""
        # TRANSLATORS: how restful a night's sleep was.
        return {1: pgettext("sleep", "poor"), 2: pgettext("sleep", "fair"), 3: pgettext("sleep", "good")}[self.value]


class RecorderKind(enum.Enum):
    """Who wrote an entry: the person themselves, or a family member who observed."""

    PERSON = "person"
    FAMILY = "family"


@dataclass(frozen=True)
class Recorder:
    """Who recorded an entry. ``name`` is required for a family member, ignored for the person."""

    kind: RecorderKind = RecorderKind.PERSON
    name: str = ""

    def __post_init__(self) -> None:
        if self.kind is RecorderKind.FAMILY:
            cleaned = self.name.strip()
            if not cleaned:
                raise ValidationError(_("Please say which family member recorded this entry."))
            if len(cleaned) > NAME_MAX_CHARS:
                raise ValidationError(_("A name can be at most {count} characters.").format(count=NAME_MAX_CHARS))
            object.__setattr__(self, "name", cleaned)
        else:
            object.__setattr__(self, "name", "")

    @classmethod
    def person(cls) -> "Recorder":
        """The person the journal is about."""
        return cls(RecorderKind.PERSON)

    @classmethod
    def family(cls, name: str) -> "Recorder":
        """A family member who observed; raises :class:`ValidationError` for an empty name."""
        return cls(RecorderKind.FAMILY, name)

    @classmethod
    def stored(cls, kind: str, name: str) -> "Recorder":
        """The recorder as the vault stores it (``kind`` is a :class:`RecorderKind` value): a
        family member by ``name``, or the person themself (also for a family row without a name)."""
        return cls.family(name) if kind == RecorderKind.FAMILY.value and name.strip() else cls.person()

    def describe(self, person_name: str = "") -> str:
        """A short label for lists and reports, e.g. ``"Sam (self)"`` or ``"Ana (family)"``."""
        if self.kind is RecorderKind.FAMILY:
            return _("{name} (family)").format(name=self.name)
        return _("{name} (self)").format(name=person_name) if person_name else _("Self")


class TagKind(enum.Enum):
    """What a tag means: something the person did, or something that weighed on them."""

    ACTIVITY = "activity"
    STRESSOR = "stressor"


@dataclass(frozen=True)
class Tag:
    """An activity or stressor attached to an entry. Names keep their case (``cleaning`` and
    ``Cleaning`` are different tags)."""

    name: str
    kind: TagKind = TagKind.ACTIVITY

    def __post_init__(self) -> None:
        cleaned = required_label(plain_name(self.name), _("A tag needs a name."),
                                 _("A tag name can be at most {count} characters.").format(count=NAME_MAX_CHARS))
        object.__setattr__(self, "name", cleaned)


@dataclass(frozen=True)
class SymptomRating:
    """One symptom and its severity, a whole number 0–10 (0 none, 5 moderate, 10 worst
    imaginable)."""

    symptom: str
    severity: int

    def __post_init__(self) -> None:
        name = required_label(plain_name(self.symptom), _("A symptom needs a name."),
                              _("A symptom name can be at most {count} characters.").format(count=NAME_MAX_CHARS))
        object.__setattr__(self, "symptom", name)
        object.__setattr__(self, "severity", check_scale(self.severity, _("Severity of {name}").format(name=name)))


@dataclass(frozen=True)
class Person:
    """Someone cared for in this vault. ``birth_date`` is a local calendar date."""

    id: int | None
    display_name: str
    birth_date: date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        name = required_label(plain_name(self.display_name), _("Please enter a name for the person."),
                              _("A name can be at most {count} characters.").format(count=NAME_MAX_CHARS))
        object.__setattr__(self, "display_name", name)


class Elevation(enum.IntEnum):
    """How elevated or irritable the person was (mania apart from depression, as the NIMH life
    chart method and eMoods rate it): none 0, mild 1, moderate 2, severe 3."""

    NONE = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3

    @property
    def label(self) -> str:
        """``"none"``, ``"mild"``, ``"moderate"`` or ``"severe"`` in the language in force."""
        # TRANSLATORS: how elevated or irritable the person was.
        return {0: pgettext("elevation", "none"), 1: pgettext("elevation", "mild"),
                2: pgettext("elevation", "moderate"), 3: pgettext("elevation", "severe")}[self.value]


@dataclass(frozen=True)
class JournalEntry:
    """One journal entry about one person.

    ``occurred_at`` is a timezone-aware instant (stored as UTC); ``local_date`` is the local
    calendar date it belongs to. ``anxiety`` and ``energy`` are 0–10; ``sleep_hours`` is hours
    of sleep the night before (0–24, quarter hours are fine). ``source`` is ``"manual"`` or the
    importer's name; ``import_key`` identifies an imported row so re-imports add nothing.
    ``zone_name`` is the IANA time zone the wall-clock time was written in (empty for entries
    written before the app kept it: show those in the computer's zone); with it an entry keeps
    its day and time of day after the computer's zone changes. ``mood_label`` is how another
    app wrote the mood, with its own scale (``"Bearable 2/10"``), kept beside the 5-point level
    it was mapped to; '' for entries written here. ``elevation`` is the optional "elevated /
    irritable" rating (:class:`Elevation`: none, mild, moderate, severe), rated apart from mood as
    the NIMH life chart and eMoods rate mania apart from depression.
    """

    id: int | None
    person_id: int
    occurred_at: datetime
    local_date: date
    recorded_by: Recorder = field(default_factory=Recorder.person)
    mood: MoodLevel | None = None
    anxiety: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: SleepQuality | None = None
    note: str = ""
    flag_for_visit: bool = False
    symptoms: tuple[SymptomRating, ...] = ()
    tags: tuple[Tag, ...] = ()
    source: str = "manual"
    import_key: str | None = None
    zone_name: str = ""
    mood_label: str = ""
    elevation: "Elevation | None" = None

    def __post_init__(self) -> None:
        if len(self.mood_label) > MOOD_LABEL_MAX_CHARS:
            raise ValidationError(_("The original mood can be at most {count} characters.").format(count=MOOD_LABEL_MAX_CHARS))
        if self.elevation is not None and not isinstance(self.elevation, Elevation):
            try:
                object.__setattr__(self, "elevation", Elevation(int(self.elevation)))
            except (TypeError, ValueError):
                raise ValidationError(_("Elevated / irritable is none, mild, moderate or severe.")) from None
        if self.occurred_at.tzinfo is None or self.occurred_at.utcoffset() is None:
            raise ValidationError(_("The entry's time must include its time zone."))
        if self.mood is not None and not isinstance(self.mood, MoodLevel):
            try:
                object.__setattr__(self, "mood", MoodLevel(int(self.mood)))
            except (TypeError, ValueError):
                raise ValidationError(_("Mood must be a level from 1 (very low) to 5 (very good).")) from None
        if self.anxiety is not None:
            object.__setattr__(self, "anxiety", check_scale(self.anxiety, _("Anxiety")))
        if self.energy is not None:
            object.__setattr__(self, "energy", check_scale(self.energy, _("Energy")))
        if self.sleep_hours is not None:
            object.__setattr__(self, "sleep_hours", check_sleep_hours(self.sleep_hours))
        if self.sleep_quality is not None and not isinstance(self.sleep_quality, SleepQuality):
            object.__setattr__(self, "sleep_quality", SleepQuality(int(self.sleep_quality)))
        if "\x00" in self.note:  # only a damaged or hostile file holds one; text ends at it in SQLite
            object.__setattr__(self, "note", self.note.replace("\x00", ""))
        if len(self.note) > NOTE_MAX_CHARS:
            raise ValidationError(_("A note can be at most {most} characters (this one has {count}).").format(most=NOTE_MAX_CHARS, count=len(self.note)), field="note")
        # Symptoms: one rating per symptom name.
        seen: set[str] = set()
        for rating in self.symptoms:
            key = rating.symptom.casefold()
            if key in seen:
                raise ValidationError(_("{symptom} is listed twice in this entry.").format(symptom=rating.symptom))
            seen.add(key)
        object.__setattr__(self, "symptoms", tuple(self.symptoms))
        object.__setattr__(self, "tags", tuple(dict.fromkeys(self.tags)))

    def wall_clock(self, fallback: "ZoneInfo") -> datetime:
        """The aware local time the entry was written at: ``occurred_at`` in the entry's own zone
        (``zone_name``), or in ``fallback`` for entries that did not record one. Shown times stay
        the times the person saw on the clock, even after the computer's zone changes."""
        from .timeutil import utc_to_local, zone_or

        return utc_to_local(self.occurred_at, zone_or(self.zone_name, fallback))

    @property
    def is_empty(self) -> bool:
        """True when nothing at all was recorded (such an entry is refused on save)."""
        return (
            self.mood is None
            and self.anxiety is None
            and self.energy is None
            and self.sleep_hours is None
            and self.sleep_quality is None
            and not self.note.strip()
            and not self.symptoms
            and not self.tags
            and self.elevation is None
        )


def mood_words(level: MoodLevel | None, original: str = "") -> str:
    """The mood as the window, the CSV and the PDF show it: ``"very low (1/5); Bearable 2/10"``
    (the app's level with its scale, then how the other app wrote it, when it was imported)."""
    if level is None:
        return original
    text = _("{mood} ({level}/5)").format(mood=MoodLevel(level).label, level=int(level))
    return _("{mood}; {original}").format(mood=text, original=original) if original else text


def check_scale(value: object, what: str) -> int:
    """Return ``value`` as an int on the 0–10 scale; raise :class:`ValidationError` otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(_("{what} must be a whole number from 0 to 10.").format(what=what))
    if isinstance(value, float) and (math.isnan(value) or not value.is_integer()):
        raise ValidationError(_("{what} must be a whole number from 0 to 10.").format(what=what))
    number = int(value)
    if not SEVERITY_MIN <= number <= SEVERITY_MAX:
        raise ValidationError(_("{what} must be from 0 to 10.").format(what=what))
    return number


def check_sleep_hours(value: object) -> float:
    """Return ``value`` as hours of sleep (0–24, rounded to 0.01 h); raise
    :class:`ValidationError` in plain words otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise ValidationError(_("Hours of sleep must be a number."))
    if not 0 <= value <= 24:
        raise ValidationError(_("Hours of sleep must be between 0 and 24."))
    return round(float(value), 2)


_SPACES = "\u00a0\u202f\u2007\u2009\ufeff"
_DIRECTION_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
"""Invisible controls that force a writing direction until closed: one left open in a tag turned
every tag after it backwards wherever tags are listed on one line. Labels lose them (the marks
U+200E and U+200F, which do not leak, stay)."""


def clean_label(text: str) -> str:
    """Trim ordinary and no-break spaces around a label, fold runs of inner spaces to one, and
    drop the :data:`_DIRECTION_CONTROLS`."""
    if text.isascii():  # the common case, and called for every tag of every imported row
        return " ".join(text.split())
    for ch in _SPACES:
        text = text.replace(ch, " ")
    return " ".join(text.translate(_DIRECTION_CONTROLS).split())


def plain_name(name: str) -> str:
    """A tag's, symptom's or person's name as kept: accents composed, so "é" typed and "e" with a
    combining accent (a Mac's or a phone's file) are one name."""
    return name if name.isascii() else unicodedata.normalize("NFC", name)


def name_key(name: str) -> str:
    """What two names of one thing must share to be the same (a tag typed "cleaning" is the tag
    "Cleaning"): case folded, and any accent the same whether written as one character or as a
    letter and a combining mark."""
    if name.isascii():
        return name.casefold()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def required_label(text: str, missing: str, too_long: str, limit: int = NAME_MAX_CHARS) -> str:
    """``text`` cleaned as :func:`clean_label`. Raises :class:`ValidationError` with the plain
    words ``missing`` when nothing is left, or ``too_long`` when longer than ``limit`` characters."""
    cleaned = clean_label(text)
    if not cleaned:
        raise ValidationError(missing)
    return at_most(cleaned, limit, too_long)


def day_range(start: date, end: date) -> list[date]:
    """Every local calendar date from ``start`` to ``end`` inclusive (empty if end < start)."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
