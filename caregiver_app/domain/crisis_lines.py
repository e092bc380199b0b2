"""Emergency and crisis phone lines by country, each built-in number with its source.

The numbers come from the research notes (``shared/content/education-facts.md``, "Emergency and
crisis numbers by country", checked 2026-12-06). Every built-in line names its source; a source
the notes could not confirm on a stored copy of the primary page carries ``confirmed=False`` and
the app says "please check it". Countries: the United States, Canada, the United Kingdom, Ireland,
Australia, New Zealand, Spain, Mexico and the other member states of the European Union (112).
Country-specific services (988, NHS 111, Lifeline) belong to their country only. A country
without built-in numbers shows "your local emergency number", and users may add numbers for any
country (:func:`make_user_line`); those are public service numbers and are kept in the settings
file so they show while the vault is locked (personal contacts belong in the safety plan, inside
the encrypted vault).

:func:`help_words` turns a country's lines into the words the warning-sign pages, tier labels and
printouts put in their placeholders ("call 999", "call Samaritans at 116 123").

Country codes are ISO 3166-1 alpha-2 (``"US"``, ``"GB"``). Standard library only.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .errors import ValidationError

DEFAULT_COUNTRY = "US"
"""Only a last resort for a combo box that must select something; never a reason to show US numbers."""
NAME_MAX_CHARS = 80
NUMBER_MAX_DIGITS = 15
"""E.164 allows at most 15 digits in a full international number."""
CHECKED_ON = "2026-12-06"
"""When the research notes checked the numbers."""


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
    """Where a built-in number comes from: a title, an https or http address, the tag the
    research notes give it (``"S56"``, ``"N44"``), and whether the notes confirmed the number on a
    stored copy of that page (False: standard, but "please check it on the live page")."""

    title: str
    url: str
    ref: str = ""
    confirmed: bool = True


@dataclass(frozen=True)
class CrisisLine:
    """One phone line.

    ``number`` is written the way people dial it in that country (``"988"``, ``"116 123"``);
    ``how`` says in a few words how to reach it (``"Call or text 988"``); ``details`` is one or two
    plain sentences on when to use it; ``phrase`` is how a sentence asks you to use it, starting
    with a lower-case verb (``"call Samaritans at 116 123"``; empty: made from name and number);
    ``topic`` marks special helplines (``"poison"``). ``source`` is None only for numbers the user
    added.
    """

    country: str
    kind: LineKind
    name: str
    number: str
    how: str
    details: str = ""
    source: LineSource | None = None
    phrase: str = ""
    topic: str = ""

    @property
    def user_added(self) -> bool:
        return self.source is None

    @property
    def action(self) -> str:
        """``"call or text 988"``, ``"call Samaritans at 116 123"``, ``"call 999"``."""
        if self.phrase:
            return self.phrase
        if self.kind is LineKind.EMERGENCY or self.number in self.name:
            return f"call {self.number}"
        return f"call {self.name} at {self.number}"


# --- sources (titles, addresses and tags as in the research notes) ------------------------------

S13_CDC_SEIZURE = LineSource("CDC: Seizure first aid", "https://www.cdc.gov/epilepsy/communications/features/firstaid.htm", "S13")
S24_POISON_HELP = LineSource("HRSA: The Poison Help line", "https://www.poisonhelp.hrsa.gov/the-poison-help-line/index.html", "S24")
S26_QLD_POISONS = LineSource("Queensland Poisons Information Centre", "https://www.poisonsinfo.health.qld.gov.au", "S26")
S31_SAMHSA_SUICIDE = LineSource("SAMHSA: Help Prevent Suicide", "https://www.samhsa.gov/suicide", "S31")
S34_988_WHAT_TO_EXPECT = LineSource("988 Lifeline: What to expect", "https://988lifeline.org/get-help/what-to-expect", "S34")
S45_NAMI_CRISIS = LineSource(
    "NAMI: Navigating a Mental Health Crisis",
    "https://nami.org/Support-Education/Publications-Reports/Guides/Navigating-a-Mental-Health-Crisis/Navigating-A-Mental-Health-Crisis",
    "S45",
)
S55_MHCC_988 = LineSource("Mental Health Commission of Canada: 988 launches in Canada",
                          "https://mentalhealthcommission.ca/catalyst/988-launches-in-canada/", "S55")
S56_LPFT = LineSource("Lincolnshire Partnership NHS Foundation Trust: Need help now?",
                      "https://www.lpft.nhs.uk/contact-us/need-help-now", "S56")
S57_SHSC_111 = LineSource("Sheffield Health and Social Care NHS FT: Call NHS 111 in a mental health crisis",
                          "https://shsc.nhs.uk/news/call-nhs-111-if-you-are-experiencing-mental-health-crisis", "S57")
S58_SAMARITANS = LineSource("Samaritans: Contact a Samaritan", "https://www.samaritans.org/how-we-can-help/contact-samaritan/", "S58")
S60_SHOUT = LineSource("Shout 85258: FAQ", "https://giveusashout.org/about-us/faq/", "S60")
S61_ACMA = LineSource("ACMA: Emergency calls", "https://www.acma.gov.au/emergency-calls", "S61")
S63_HEALTHDIRECT = LineSource("healthdirect: Mental health crisis support",
                              "https://www.healthdirect.gov.au/mental-health-crisis-support", "S63")
S64_LIFELINE_TEXT = LineSource("Life in Mind: Lifeline's crisis text service now 24/7",
                               "https://lifeinmind.org.au/news/lifelines-crisis-text-service-now-available-24-7", "S64")
S65_GOVT_NZ_111 = LineSource("govt.nz: 111 emergency service",
                             "https://www.govt.nz/browse/crime-and-justice/crimes-and-emergencies/111-emergency-service/", "S65")
S66_LATVIA_116123 = LineSource("Latvia National Health Service: Toll-free unified crisis line 116123",
                               "https://www.vmnvd.gov.lv/en/toll-free-unified-crisis-line-116123", "S66")
EC_112 = LineSource("European Commission: 112, the single European emergency number",
                    "http://ec.europa.eu/information_society/activities/112/actions/index_en.htm", "N46")
N7_ALZ = LineSource("Alzheimer's Association: 24/7 Helpline", "https://www.alz.org/help-support/resources/helpline",
                    "N7", confirmed=False)
N27_SAMHSA_HELPLINE = LineSource("SAMHSA: National Helpline", "https://www.samhsa.gov/find-help/national-helpline",
                                 "N27", confirmed=False)
N30_CRISIS_TEXT_LINE = LineSource("Crisis Text Line: How it works", "https://www.crisistextline.org/", "N30", confirmed=False)
N44_HSE = LineSource("HSE: Mental health supports and services", "https://www2.hse.ie/mental-health/", "N44", confirmed=False)
N45_1737 = LineSource("Te Whatu Ora: Need to talk? 1737", "https://1737.org.nz/", "N45", confirmed=False)
N47_LINEA_024 = LineSource("Ministerio de Sanidad: Línea 024", "https://www.sanidad.gob.es/linea024/", "N47", confirmed=False)
N48_LINEA_VIDA = LineSource("CONASAMA, Secretaría de Salud: Línea de la Vida", "https://www.gob.mx/salud/conasama",
                            "N48", confirmed=False)

FIND_A_HELPLINE_ADDRESS = "findahelpline.com"
"""Shown to everyone: it lists crisis lines in many countries."""


# --- the built-in lines -----------------------------------------------------------------------

_SAMARITANS_DETAILS = "Free from any phone, at any time, day or night, even a mobile with no credit."
_EMERGENCY = "Emergency services"
_EMERGENCY_DETAILS = "Police, fire and ambulance. If someone could die or be badly hurt right now. Wait for the ambulance rather than driving to the hospital yourself."


def _emergency(country: str, number: str, source: LineSource, details: str = _EMERGENCY_DETAILS) -> CrisisLine:
    return CrisisLine(country, LineKind.EMERGENCY, _EMERGENCY, number, f"Call {number}", details, source)


EU_112_COUNTRIES: dict[str, str] = {
    "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "HR": "Croatia", "CY": "Cyprus", "CZ": "Czechia",
    "DK": "Denmark", "EE": "Estonia", "FI": "Finland", "FR": "France", "DE": "Germany", "GR": "Greece",
    "HU": "Hungary", "IE": "Ireland", "IT": "Italy", "LV": "Latvia", "LT": "Lithuania", "LU": "Luxembourg",
    "MT": "Malta", "NL": "Netherlands", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "SK": "Slovakia",
    "SI": "Slovenia", "ES": "Spain", "SE": "Sweden",
}
"""The member states of the European Union, where 112 reaches the emergency services."""

BUILT_IN: dict[str, tuple[CrisisLine, ...]] = {
    "US": (
        _emergency("US", "911", S24_POISON_HELP),
        CrisisLine(
            "US", LineKind.CRISIS, "988 Suicide and Crisis Lifeline", "988", "Call or text 988, or chat at 988lifeline.org",
            "Free and private, open day and night, for any mental health or substance use crisis. "
            "Press 1 for veterans or 2 for Spanish. Veterans can also text 838255.",
            S34_988_WHAT_TO_EXPECT, phrase="call or text 988",
        ),
        CrisisLine("US", LineKind.CRISIS, "Crisis Text Line", "741741", "Text HOME to 741741",
                   "Reach a crisis counselor by text message, day or night.", N30_CRISIS_TEXT_LINE,
                   phrase="text HOME to 741741"),
        CrisisLine(
            "US", LineKind.SUPPORT, "Poison Help", "1-800-222-1222", "Call 1-800-222-1222",
            "Open day and night, for medicine mix-ups such as a wrong pill or a double dose. "
            "If someone has passed out or is not breathing, call 911.",
            S24_POISON_HELP, topic="poison",
        ),
        CrisisLine(
            "US", LineKind.SUPPORT, "SAMHSA National Helpline", "1-800-662-4357", "Call 1-800-662-4357",
            "Free and open day and night, in English and Spanish. Help finding treatment for mental "
            "health or substance use.", N27_SAMHSA_HELPLINE, topic="treatment",
        ),
        CrisisLine(
            "US", LineKind.SUPPORT, "Alzheimer's Association Helpline", "1-800-272-3900", "Call 1-800-272-3900",
            "Open day and night, for people living with dementia and the people who care for them.", N7_ALZ,
        ),
    ),
    "CA": (
        _emergency("CA", "911", S55_MHCC_988),
        CrisisLine("CA", LineKind.CRISIS, "988 Suicide Crisis Helpline", "988", "Call or text 988",
                   "In English or French, at any time, day or night.", S55_MHCC_988, phrase="call or text 988"),
    ),
    "GB": (
        _emergency("GB", "999", S56_LPFT,
                   "Police, fire and ambulance, including a mental health crisis where a life is at risk. "
                   "Wait for the ambulance rather than driving to the hospital yourself."),
        CrisisLine("GB", LineKind.CRISIS, "Samaritans", "116 123", "Call 116 123", _SAMARITANS_DETAILS, S58_SAMARITANS),
        CrisisLine("GB", LineKind.CRISIS, "Shout", "85258", "Text SHOUT to 85258",
                   "Text support at any time, for people in the UK.", S60_SHOUT, phrase="text SHOUT to 85258"),
        CrisisLine("GB", LineKind.SUPPORT, "NHS 111", "111", "Call 111",
                   "Urgent help that is not life-threatening. In England, choose the mental health option. "
                   "Anyone may call for the person.", S57_SHSC_111, phrase="call NHS 111", topic="urgent"),
    ),
    "IE": (
        _emergency("IE", "112", N44_HSE),
        _emergency("IE", "999", N44_HSE),
        CrisisLine("IE", LineKind.CRISIS, "Samaritans", "116 123", "Call 116 123", _SAMARITANS_DETAILS, S58_SAMARITANS),
        CrisisLine("IE", LineKind.CRISIS, "Text support (HSE)", "50808", "Text 50808",
                   "Free text support at any time, day or night.", N44_HSE, phrase="text 50808"),
        CrisisLine("IE", LineKind.CRISIS, "Pieta", "1800 247 247", "Call 1800 247 247 or text HELP to 51444",
                   "For suicidal thoughts and self-harm.", N44_HSE),
    ),
    "AU": (
        _emergency("AU", "000", S61_ACMA,
                   "Triple Zero: police, fire and ambulance. 112 also works from mobile phones. Wait for the ambulance rather than driving to the hospital yourself."),
        CrisisLine("AU", LineKind.CRISIS, "Lifeline", "13 11 14", "Call 13 11 14",
                   "Crisis support at any time, day or night.", S63_HEALTHDIRECT),
        CrisisLine("AU", LineKind.CRISIS, "Lifeline text", "0477 13 11 14", "Text 0477 13 11 14",
                   "Crisis support by text, day or night.", S64_LIFELINE_TEXT, phrase="text Lifeline at 0477 13 11 14"),
        CrisisLine("AU", LineKind.CRISIS, "Suicide Call Back Service", "1300 659 467", "Call 1300 659 467",
                   "", S63_HEALTHDIRECT),
        CrisisLine("AU", LineKind.SUPPORT, "Poisons Information Centre", "13 11 26", "Call 13 11 26",
                   "Open day and night, anywhere in Australia, for medicine mix-ups and poisoning. "
                   "If someone has passed out or is not breathing, call 000.", S26_QLD_POISONS,
                   phrase="call the Poisons Information Centre at 13 11 26", topic="poison"),
    ),
    "NZ": (
        _emergency("NZ", "111", S65_GOVT_NZ_111,
                   "Police, fire and ambulance, including a mental health crisis where a life is at risk. "
                   "Wait for the ambulance rather than driving to the hospital yourself."),
        CrisisLine("NZ", LineKind.CRISIS, "Need to talk? 1737", "1737", "Call or text 1737",
                   "Free, at any time, day or night.", N45_1737, phrase="call or text 1737"),
    ),
    "ES": (
        _emergency("ES", "112", EC_112),
        CrisisLine("ES", LineKind.CRISIS, "Línea 024", "024", "Call 024",
                   "Help with thoughts of suicide, for the person and for family. Free, private, day and night.",
                   N47_LINEA_024, phrase="call the Línea 024"),
    ),
    "MX": (
        _emergency("MX", "911", LineSource("Secretaría de Salud (Mexico): emergency number", N48_LINEA_VIDA.url,
                                           "N48", confirmed=False)),
        CrisisLine("MX", LineKind.CRISIS, "Línea de la Vida", "800 911 2000", "Call 800 911 2000",
                   "Mental health and addictions. Free, day and night.", N48_LINEA_VIDA),
    ),
}
for _code in EU_112_COUNTRIES:
    BUILT_IN.setdefault(_code, (_emergency(_code, "112", EC_112),))
BUILT_IN["LV"] = BUILT_IN["LV"] + (
    CrisisLine("LV", LineKind.CRISIS, "Crisis line", "116 123", "Call 116 123",
               "Free emotional support, day and night.", S66_LATVIA_116123, phrase="call the crisis line at 116 123"),
)

FEATURED_COUNTRIES: dict[str, str] = {
    "US": "United States", "CA": "Canada", "GB": "United Kingdom", "IE": "Ireland", "AU": "Australia",
    "NZ": "New Zealand", "ES": "Spain", "MX": "Mexico",
}
"""The countries the app offers first, in this order, with English names."""

BUILT_IN_COUNTRIES: dict[str, str] = {
    **FEATURED_COUNTRIES,
    **dict(sorted(((c, n) for c, n in EU_112_COUNTRIES.items() if c not in FEATURED_COUNTRIES), key=lambda p: p[1])),
}
"""Every country with built-in numbers, featured ones first, with English names."""

FIRST_STEP_SOURCES: tuple[LineSource, ...] = (S31_SAMHSA_SUICIDE, S45_NAMI_CRISIS)
"""Where the "first steps" shown with the numbers come from (SAMHSA on helping someone at risk,
NAMI on a mental health crisis). No number appears in them, so they suit every country."""


# --- words for placeholders --------------------------------------------------------------------

LOCAL_EMERGENCY = "your local emergency number"
LOCAL_CRISIS = "call a local crisis line"
LOCAL_POISON = "call a pharmacist or the care team right away"


@dataclass(frozen=True)
class HelpWords:
    """The words a country's help puts into sentences (see :func:`help_words`).

    ``emergency_number``: ``"999"``, ``"112 or 999"``, or ``"your local emergency number"``;
    ``crisis_line``: ``"call or text 988"``, ``"call Samaritans at 116 123"``, or ``"call a local
    crisis line"``; ``poison_line``: ``"call Poison Help at 1-800-222-1222"`` or a fallback;
    ``emergency_known`` / ``crisis_known`` say whether a number (built-in or added) exists."""

    country: str
    emergency_number: str
    crisis_line: str
    poison_line: str
    emergency_known: bool
    crisis_known: bool
    lines: tuple[CrisisLine, ...] = ()


def help_words(country: str, user_lines: Iterable[CrisisLine] = ()) -> HelpWords:
    """The placeholder words for ``country`` ("" or an unknown code gives the "your local
    emergency number" wording), from its built-in lines and the ones the user added there."""
    lines = lines_for(country, user_lines) if is_country_code(country) else []
    emergency = [line.number for line in lines if line.kind is LineKind.EMERGENCY]
    crisis = [line for line in lines if line.kind is LineKind.CRISIS]
    poison = [line for line in lines if line.topic == "poison"]
    return HelpWords(
        country=country,
        emergency_number=" or ".join(dict.fromkeys(emergency)) or LOCAL_EMERGENCY,
        crisis_line=crisis[0].action if crisis else LOCAL_CRISIS,
        poison_line=poison[0].action if poison else LOCAL_POISON,
        emergency_known=bool(emergency),
        crisis_known=bool(crisis),
        lines=tuple(lines),
    )


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
    lines, then other helplines (the built-in order within each kind, user-added ones after). A
    number the user added that is already built in shows once, as the built-in line."""
    built_in = list(built_in_lines(country))
    known = {" ".join(line.number.split()) for line in built_in}
    mine = [line for line in user_lines if line.country == country and " ".join(line.number.split()) not in known]
    everything = built_in + mine
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
