"""Emergency and crisis phone lines by country, each built-in number with its source.

Only numbers that the research notes (``shared/content/education-facts.md``, "Key numbers") give
*with a source* are built in. The notes mark the emergency numbers of other countries (999, 112,
000) as "not sourced; verify", so for Canada, the United Kingdom, Ireland and Australia the app
says "call your local emergency number" and lets the user add it, rather than guessing. Users
may add numbers for any country (:func:`make_user_line`); those are public service numbers and are
kept in the settings file so they show while the vault is locked (personal contacts belong in the
safety plan, inside the encrypted vault).

Country codes are ISO 3166-1 alpha-2 (``"US"``, ``"GB"``). Standard library only.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .errors import ValidationError

DEFAULT_COUNTRY = "US"
NAME_MAX_CHARS = 80
NUMBER_MAX_DIGITS = 15
"""E.164 allows at most 15 digits in a full international number."""


class LineKind(enum.Enum):
    """What a line is for, most urgent first."""

    EMERGENCY = "emergency"
    CRISIS = "crisis"
    SUPPORT = "support"

    @property
    def label(self) -> str:
        """Plain words for the kind, e.g. ``"Emergency number"``."""
        return {"emergency": "Emergency number", "crisis": "Crisis line", "support": "Helpline"}[self.value]

    @property
    def rank(self) -> int:
        return list(LineKind).index(self)


@dataclass(frozen=True)
class LineSource:
    """Where a built-in number comes from: a title and an https or http address."""

    title: str
    url: str


@dataclass(frozen=True)
class CrisisLine:
    """One phone line.

    ``number`` is written the way people dial it in that country (``"988"``, ``"116 123"``);
    ``how`` says in a few words how to reach it (``"Call or text 988"``); ``details`` is one or two
    plain sentences on when to use it. ``source`` is None only for numbers the user added.
    """

    country: str
    kind: LineKind
    name: str
    number: str
    how: str
    details: str = ""
    source: LineSource | None = None

    @property
    def user_added(self) -> bool:
        return self.source is None


# --- sources (titles and addresses as in the research notes) ------------------------------------

S3_NIMH_ACTION_STEPS = LineSource(
    "NIMH: 5 Action Steps for Helping Someone in Emotional Pain (copy from CHC)",
    "https://www.chconline.org/resourcelibrary/action-steps-for-helping-someone-in-emotional-pain-downloadable/",
)
S4_988_WHAT_TO_EXPECT = LineSource(
    "988 Suicide and Crisis Lifeline: What to expect", "https://988lifeline.org/get-help/what-to-expect"
)
S5_ACEP = LineSource(
    "ACEP: Suicide: Know the Warning Signs",
    "https://emergencyphysicians.org/article/mental-health/suicide-know-the-warning-signs-know-how-to-help",
)
S7_SAVE = LineSource("SAVE: Lethal Means Safety", "https://www.save.org/programs/education-and-training/lethal-means-safety/")
S8_SAMARITANS = LineSource(
    "Samaritans: Contact a Samaritan", "https://www.samaritans.org/how-we-can-help/contact-samaritan/"
)
S9_CANADA_988 = LineSource(
    "Canada 988 launch (Public Health Agency of Canada, reported in the news)", "https://chatnewstoday.ca/?p=713412"
)
S10_FIND_A_HELPLINE = LineSource("Find A Helpline", "https://findahelpline.com/AU")
S19_SAMHSA = LineSource("SAMHSA National Helpline details", "https://internationalmentalhealth.org/resources/")
S20_ALZ = LineSource(
    "Alzheimer's Association: Caregiver stress check",
    "https://www.alz.org/wny/helping_you/care-consultations/caregiver-stress-check",
)
S45_POISON_HELP = LineSource(
    "HRSA Poison Help: tips for adults",
    "https://www.poisonhelp.hrsa.gov/what-can-you-do/prevention-tips/adult-tips/index.html",
)

FIND_A_HELPLINE_ADDRESS = "findahelpline.com"
"""Shown to everyone: it lists crisis lines in many countries (source S10)."""


# --- the built-in lines -----------------------------------------------------------------------

_SAMARITANS_DETAILS = "Free from any phone, at any time, day or night."

BUILT_IN: dict[str, tuple[CrisisLine, ...]] = {
    "US": (
        CrisisLine(
            "US", LineKind.EMERGENCY, "Emergency services", "911", "Call 911",
            "If someone could die or be badly hurt right now. Do not drive yourself.", S5_ACEP,
        ),
        CrisisLine(
            "US", LineKind.CRISIS, "988 Suicide and Crisis Lifeline", "988", "Call or text 988, or chat at 988lifeline.org",
            "Free and private, open day and night, for any mental health or substance use crisis. "
            "Press 1 for veterans or 2 for Spanish. Veterans can also text 838255.",
            S4_988_WHAT_TO_EXPECT,
        ),
        CrisisLine(
            "US", LineKind.CRISIS, "Crisis Text Line", "741741", "Text 741741",
            "Reach a crisis counselor by text message.", S3_NIMH_ACTION_STEPS,
        ),
        CrisisLine(
            "US", LineKind.SUPPORT, "Poison Help", "1-800-222-1222", "Call 1-800-222-1222",
            "Open day and night, for medicine mix-ups such as a wrong pill or a double dose. "
            "If someone has passed out or is not breathing, call 911.",
            S45_POISON_HELP,
        ),
        CrisisLine(
            "US", LineKind.SUPPORT, "SAMHSA National Helpline", "1-800-662-4357", "Call 1-800-662-4357",
            "Free and open day and night, in English and Spanish. Help finding treatment for mental "
            "health or substance use.",
            S19_SAMHSA,
        ),
        CrisisLine(
            "US", LineKind.SUPPORT, "Alzheimer's Association Helpline", "800-272-3900", "Call 800-272-3900",
            "Open day and night, for people living with dementia and the people who care for them.", S20_ALZ,
        ),
    ),
    "CA": (
        CrisisLine(
            "CA", LineKind.CRISIS, "988 Suicide Crisis Helpline", "988", "Call or text 988",
            "In English or French, at any time, day or night.", S9_CANADA_988,
        ),
    ),
    "GB": (CrisisLine("GB", LineKind.CRISIS, "Samaritans", "116 123", "Call 116 123", _SAMARITANS_DETAILS, S8_SAMARITANS),),
    "IE": (CrisisLine("IE", LineKind.CRISIS, "Samaritans", "116 123", "Call 116 123", _SAMARITANS_DETAILS, S8_SAMARITANS),),
    "AU": (CrisisLine("AU", LineKind.CRISIS, "Lifeline", "13 11 14", "Call 13 11 14", "A crisis support line.", S10_FIND_A_HELPLINE),),
}

BUILT_IN_COUNTRIES: dict[str, str] = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
    "IE": "Ireland",
    "AU": "Australia",
}
"""The countries with built-in lines, in the order the app offers them, with English names."""

FIRST_STEP_SOURCES: tuple[LineSource, ...] = (S3_NIMH_ACTION_STEPS, S4_988_WHAT_TO_EXPECT, S5_ACEP, S7_SAVE)
"""Where the "first steps" shown with the numbers come from (NIMH's five action steps, 988's
description of a call, ACEP on calling 911, SAVE on keeping means out of reach)."""

_CODE = re.compile(r"^[A-Z]{2}$")
_NUMBER_CHARS = re.compile(r"^[0-9+()\-. ]+$")


def is_country_code(code: object) -> bool:
    """True for a two-letter upper-case code such as ``"US"``."""
    return isinstance(code, str) and bool(_CODE.match(code))


def built_in_lines(country: str) -> tuple[CrisisLine, ...]:
    """The sourced lines of ``country`` (empty for a country without built-in numbers)."""
    return BUILT_IN.get(country, ())


def lines_for(country: str, user_lines: Iterable[CrisisLine] = ()) -> list[CrisisLine]:
    """Every line to show for ``country``: built-in and user-added, emergency first, then crisis
    lines, then other helplines (the built-in order within each kind, user-added ones after)."""
    mine = [line for line in user_lines if line.country == country]
    everything = list(built_in_lines(country)) + mine
    return sorted(everything, key=lambda line: line.kind.rank)  # stable: keeps the order within a kind


def emergency_lines(country: str, user_lines: Iterable[CrisisLine] = ()) -> list[CrisisLine]:
    """The emergency numbers known for ``country`` (built-in or added by the user)."""
    return [line for line in lines_for(country, user_lines) if line.kind is LineKind.EMERGENCY]


def make_user_line(country: str, kind: LineKind, name: str, number: str, how: str = "") -> CrisisLine:
    """A checked line typed by the user. Raises :class:`ValidationError` in plain words for an
    unknown country code, an empty or long name, or a number that is not 2 to 15 digits (spaces,
    dashes, dots, brackets and a leading + are allowed)."""
    if not is_country_code(country):
        raise ValidationError("Please choose a country for this number.")
    cleaned_name = " ".join(str(name).split())
    if not cleaned_name:
        raise ValidationError("Please give the service a name, for example “Emergency services”.")
    if len(cleaned_name) > NAME_MAX_CHARS:
        raise ValidationError(f"A name can be at most {NAME_MAX_CHARS} characters.")
    cleaned_number = " ".join(str(number).split())
    digits = re.sub(r"\D", "", cleaned_number)
    if not cleaned_number or not _NUMBER_CHARS.match(cleaned_number) or "+" in cleaned_number[1:]:
        raise ValidationError("A phone number can only have digits, spaces, dashes and a + at the start.")
    if not 2 <= len(digits) <= NUMBER_MAX_DIGITS:
        raise ValidationError(f"A phone number needs 2 to {NUMBER_MAX_DIGITS} digits.")
    cleaned_how = " ".join(str(how).split())[:NAME_MAX_CHARS] or f"Call {cleaned_number}"
    return CrisisLine(country, kind, cleaned_name, cleaned_number, cleaned_how)


def user_line_to_dict(line: CrisisLine) -> dict[str, str]:
    """The settings-file form of a user-added line."""
    return {"country": line.country, "kind": line.kind.value, "name": line.name, "number": line.number, "how": line.how}


def user_lines_from_dicts(raw: object) -> list[CrisisLine]:
    """User-added lines read back from the settings file; malformed items are skipped (a broken
    settings file must never stop crisis help from opening)."""
    lines: list[CrisisLine] = []
    if not isinstance(raw, Sequence) or isinstance(raw, (str, bytes)):
        return lines
    for item in raw:
        if not isinstance(item, Mapping):
            continue
        try:
            kind = LineKind(item.get("kind", "crisis"))
            lines.append(
                make_user_line(
                    str(item.get("country", "")), kind, str(item.get("name", "")),
                    str(item.get("number", "")), str(item.get("how", "")),
                )
            )
        except (ValidationError, ValueError):
            continue
    return lines
