"""A person's own plans: the relapse-prevention plan and the safety plan, as plain dataclasses.

* The **relapse-prevention plan** follows the Wellness Recovery Action Plan (WRAP) tradition
  (Mary Ellen Copeland): triggers, the person's own early warning signs (their "relapse
  signature"), what helps, what to avoid, and who to tell. Each early warning sign may be linked
  to a journal symptom (counted when rated at ``min_severity`` or more on the 0–10 scale) or to an
  activity or stressor tag, so the app can check the journal against it.
* The **safety plan** follows the Stanley–Brown Safety Planning Intervention (Stanley B, Brown GK.
  Safety Planning Intervention: A Brief Intervention to Mitigate Suicide Risk. Cognitive and
  Behavioral Practice 2012;19:256–264): six steps, in order, plus reasons for living.

Dates in :class:`SignSeen` are local calendar dates; ``updated_at`` is a UTC instant.
Standard library only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from ..i18n import N_, _
from .crisis_lines import CrisisLine
from .errors import ValidationError, at_most
from .model import NAME_MAX_CHARS, SEVERITY_MAX, required_label
from .symptoms import symptom_label

ITEM_MAX_CHARS = 500
PHONE_MAX_CHARS = 40
ITEMS_MAX = 50
"""Most items one section may hold (a plan is a short list, not a diary)."""


class _PartWords:
    """The words of a part of either plan, from its row in ``_PART_TEXT``."""

    @property
    def title(self) -> str:
        return _(_PART_TEXT[self][0])

    @property
    def prompt(self) -> str:
        """One plain sentence that helps the person fill the part in."""
        return _(_PART_TEXT[self][1])

    @property
    def item_word(self) -> str:
        """What one item is called, for buttons and screen readers ("trigger")."""
        return _(_PART_TEXT[self][2])

    @property
    def has_phone(self) -> bool:
        """True for the parts whose items may carry a phone number (people and places to call)."""
        return self in _WITH_PHONE


class RelapseSection(_PartWords, enum.Enum):
    """The parts of the relapse-prevention plan, in the order they are shown."""

    TRIGGERS = "triggers"
    EARLY_SIGNS = "early_signs"
    HELPS = "helps"
    AVOID = "avoid"
    TELL = "tell"


_RELAPSE_TEXT = {
    RelapseSection.TRIGGERS: (
        N_("Triggers"),
        N_("Things that happen around me that can make me feel worse, like a money worry or a hard date."),
        N_("trigger"),
    ),
    RelapseSection.EARLY_SIGNS: (
        N_("My early warning signs"),
        N_("Small changes in me that often come before I get unwell. Link a sign to a journal symptom or "
        "tag, and the journal will say when it is recorded. A symptom counts when it is rated at the "
        "level you choose or higher."),
        N_("early warning sign"),
    ),
    RelapseSection.HELPS: (N_("What helps"), N_("Things that help me feel steady when I notice a sign."), N_("thing that helps")),
    RelapseSection.AVOID: (N_("What to avoid"), N_("Things that make it worse, for me or for the people helping me."), N_("thing to avoid")),
    RelapseSection.TELL: (N_("Who to tell"), N_("People to tell when I notice my signs, and how to reach them."), N_("person to tell")),
}


class SafetyStep(_PartWords, enum.Enum):
    """The six steps of the Stanley–Brown safety plan, then reasons for living."""

    WARNING_SIGNS = "warning_signs"
    COPING = "coping"
    DISTRACTION = "distraction"
    HELPERS = "helpers"
    PROFESSIONALS = "professionals"
    ENVIRONMENT = "environment"
    REASONS = "reasons"

    @property
    def number(self) -> int | None:
        """1–6 for the six steps; None for reasons for living."""
        return None if self is SafetyStep.REASONS else list(SafetyStep).index(self) + 1

    @property
    def heading(self) -> str:
        """``"Step 4. People I can ask for help"`` (reasons for living have no number)."""
        if not self.number:
            return self.title
        return _("Step {number}. {title}").format(number=self.number, title=self.title)


_SAFETY_TEXT = {
    SafetyStep.WARNING_SIGNS: (
        N_("Warning signs"),
        N_("Thoughts, feelings, pictures in my mind or situations that tell me a crisis may be starting."),
        N_("warning sign"),
    ),
    SafetyStep.COPING: (
        N_("Things I can do on my own"),
        N_("Things I can do by myself to take my mind off my problems, like a walk, music or a shower."),
        N_("thing I can do"),
    ),
    SafetyStep.DISTRACTION: (
        N_("People and places that take my mind off things"),
        N_("People I can be with and places I can go that help me feel better."),
        N_("person or place"),
    ),
    SafetyStep.HELPERS: (
        N_("People I can ask for help"),
        N_("People I trust who I can tell that I am not okay."),
        N_("person to ask"),
    ),
    SafetyStep.PROFESSIONALS: (
        N_("Professionals and agencies I can call"),
        N_("My therapist, doctor or care team, and the crisis line for where I live."),
        N_("professional or agency"),
    ),
    SafetyStep.ENVIRONMENT: (
        N_("Making the environment safe"),
        N_("How I will keep things I could use to hurt myself, like guns or pills, away or locked up."),
        N_("step"),
    ),
    SafetyStep.REASONS: (
        N_("My reasons for living"),
        N_("The people, hopes and things that matter most to me."),
        N_("reason"),
    ),
}

_PART_TEXT = {**_RELAPSE_TEXT, **_SAFETY_TEXT}
_WITH_PHONE = frozenset({RelapseSection.TELL, SafetyStep.DISTRACTION, SafetyStep.HELPERS, SafetyStep.PROFESSIONALS})


class LinkKind(enum.Enum):
    """What an early warning sign is linked to in the journal."""

    SYMPTOM = "symptom"
    ACTIVITY = "activity"
    STRESSOR = "stressor"

    @property
    def label(self) -> str:
        """``"Symptom"``, ``"Activity"`` or ``"Stressor"`` in the language in force."""
        return {"symptom": _("Symptom"), "activity": _("Activity"), "stressor": _("Stressor")}[self.value]


def _clean_text(text: object, what: str) -> str:
    return at_most(" ".join(str(text).split()), ITEM_MAX_CHARS,
                   _("{what} can be at most {count} characters. Please shorten it.").format(what=what, count=ITEM_MAX_CHARS))


def _clean_phone(phone: object) -> str:
    return at_most(" ".join(str(phone).split()), PHONE_MAX_CHARS,
                   _("A phone number can be at most {count} characters.").format(count=PHONE_MAX_CHARS))


@dataclass(frozen=True)
class PlanItem:
    """One line of a plan: words, and a phone number where the section has one (may be empty)."""

    text: str
    phone: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _clean_text(self.text, _("A line of the plan")))
        object.__setattr__(self, "phone", _clean_phone(self.phone))
        if not self.text:
            raise ValidationError(_("Each line of the plan needs some words. Remove empty lines."))


@dataclass(frozen=True)
class EarlySign:
    """One of the person's own early warning signs, optionally linked to the journal.

    With ``link_kind`` SYMPTOM, the sign counts on a day when that symptom (matched ignoring case)
    was rated ``min_severity`` or more (1–10 on the 0–10 scale; 0 means "none" and never counts).
    With ACTIVITY or STRESSOR, it counts on a day with that tag (name matched ignoring case).
    """

    text: str
    link_kind: LinkKind | None = None
    link_name: str = ""
    min_severity: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _clean_text(self.text, _("An early warning sign")))
        if not self.text:
            raise ValidationError(_("Each early warning sign needs some words. Remove empty lines."))
        if self.link_kind is None:
            object.__setattr__(self, "link_name", "")
            object.__setattr__(self, "min_severity", 1)
            return
        if not isinstance(self.link_kind, LinkKind):
            object.__setattr__(self, "link_kind", LinkKind(self.link_kind))
        missing = {
            LinkKind.SYMPTOM: _("Please choose the journal symptom this sign is linked to."),
            LinkKind.ACTIVITY: _("Please choose the journal activity this sign is linked to."),
            LinkKind.STRESSOR: _("Please choose the journal stressor this sign is linked to."),
        }[self.link_kind]
        name = required_label(self.link_name, missing,
                              _("A journal name can be at most {count} characters.").format(count=NAME_MAX_CHARS))
        object.__setattr__(self, "link_name", name)
        if self.link_kind is not LinkKind.SYMPTOM:
            object.__setattr__(self, "min_severity", 1)
        elif isinstance(self.min_severity, bool) or not isinstance(self.min_severity, int) or not (
            1 <= self.min_severity <= SEVERITY_MAX
        ):
            raise ValidationError(_("The severity that counts must be a whole number from 1 to 10."))

    @property
    def is_linked(self) -> bool:
        return self.link_kind is not None

    def describe_link(self) -> str:
        """``"Symptom: Trouble falling asleep, 5/10 or more"``, ``"Stressor: money worries"`` or ``""``."""
        if self.link_kind is None:
            return ""
        if self.link_kind is LinkKind.SYMPTOM:
            if self.min_severity > 1:
                return _("Symptom: {name}, {severity}/10 or more").format(name=symptom_label(self.link_name),
                                                                         severity=self.min_severity)
            return _("Symptom: {name}").format(name=symptom_label(self.link_name))
        return _("{kind}: {name}").format(kind=self.link_kind.label, name=self.link_name)


def _check_items(items: tuple, what: str) -> tuple:
    items = tuple(items)
    if len(items) > ITEMS_MAX:
        raise ValidationError(_("{what} can have at most {count} lines.").format(what=what, count=ITEMS_MAX))
    return items


@dataclass(frozen=True)
class RelapsePlan:
    """A person's relapse-prevention plan (WRAP). ``updated_at`` is the UTC instant of the last
    save, None for a plan never saved."""

    person_id: int
    triggers: tuple[PlanItem, ...] = ()
    early_signs: tuple[EarlySign, ...] = ()
    helps: tuple[PlanItem, ...] = ()
    avoid: tuple[PlanItem, ...] = ()
    tell: tuple[PlanItem, ...] = ()
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        for section in RelapseSection:
            object.__setattr__(self, section.value, _check_items(getattr(self, section.value), section.title))

    def items(self, section: RelapseSection) -> tuple:
        """The items of ``section`` (EarlySign for EARLY_SIGNS, PlanItem otherwise)."""
        return getattr(self, section.value)

    @property
    def is_empty(self) -> bool:
        return not any(self.items(s) for s in RelapseSection)


@dataclass(frozen=True)
class SafetyPlan:
    """A person's safety plan (Stanley–Brown six steps plus reasons for living). ``updated_at``
    is the UTC instant of the last save, None for a plan never saved."""

    person_id: int
    warning_signs: tuple[PlanItem, ...] = ()
    coping: tuple[PlanItem, ...] = ()
    distraction: tuple[PlanItem, ...] = ()
    helpers: tuple[PlanItem, ...] = ()
    professionals: tuple[PlanItem, ...] = ()
    environment: tuple[PlanItem, ...] = ()
    reasons: tuple[PlanItem, ...] = ()
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        for step in SafetyStep:
            object.__setattr__(self, step.value, _check_items(getattr(self, step.value), step.title))

    def items(self, step: SafetyStep) -> tuple[PlanItem, ...]:
        return getattr(self, step.value)

    @property
    def is_empty(self) -> bool:
        return not any(self.items(s) for s in SafetyStep)

    @property
    def contacts(self) -> tuple[tuple[SafetyStep, PlanItem], ...]:
        """The people and services to call in a crisis (steps 4 and 5), in plan order."""
        return tuple((step, item) for step in (SafetyStep.HELPERS, SafetyStep.PROFESSIONALS) for item in self.items(step))


@dataclass(frozen=True)
class SignSeen:
    """An early warning sign and the local calendar dates (ascending, no repeats) the journal
    recorded it on."""

    sign: EarlySign
    dates: tuple[date, ...]


@dataclass(frozen=True)
class PersonalSignsCheck:
    """The journal checked against a person's own early warning signs over ``start``..``end``
    (local dates, inclusive). ``seen`` holds only the signs recorded at least once, in plan order;
    ``linked`` counts the signs linked to the journal, ``total`` all the plan's signs."""

    person_id: int
    start: date
    end: date
    seen: tuple[SignSeen, ...] = ()
    linked: int = 0
    total: int = 0


@dataclass(frozen=True)
class SafetyPlanPrint:
    """Everything the one-page safety plan PDF shows. ``lines`` are the crisis and emergency
    numbers of the chosen country (see :mod:`.crisis_lines`); ``emergency_known`` False prints "call your local emergency number".
    ``printed_on`` is a local calendar date."""

    person_name: str
    plan: SafetyPlan
    country_name: str
    lines: tuple[CrisisLine, ...] = ()
    emergency_known: bool = True
    printed_on: date | None = None
