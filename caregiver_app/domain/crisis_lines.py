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

Words people read (names of services that are not official names, how to reach them, when to use
them, the placeholder words) are English in this file, marked for the catalog, and translated when
read (:attr:`CrisisLine.name`, :attr:`CrisisLine.how`, ...): the language is chosen after import,
and a PDF may be written in another language than the window's. Numbers, addresses and official
names ("Línea de la Vida", "Samaritans") stay as they are. Lines the user added are their own
words and are never translated.

Country codes are ISO 3166-1 alpha-2 (``"US"``, ``"GB"``). Standard library only.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..i18n import N_, _
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
        return _(_KIND_LABELS[self.value])

    @property
    def rank(self) -> int:
        return list(LineKind).index(self)


_KIND_LABELS = {"emergency": N_("Emergency number"), "crisis": N_("Crisis line"), "support": N_("Helpline")}


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

    The ``written_*`` fields hold the words as written here (English, marked for the catalog;
    ``{number}`` stands for the number) or as the user typed them; :attr:`name`, :attr:`how`,
    :attr:`details` and :attr:`action` give them in the language in force.
    """

    country: str
    kind: LineKind
    written_name: str
    number: str
    written_how: str
    written_details: str = ""
    source: LineSource | None = None
    phrase: str = ""
    topic: str = ""

    @property
    def user_added(self) -> bool:
        return self.source is None

    def _words(self, written: str) -> str:
        if self.user_added or not written:
            return written  # the user's own words: never looked up, never formatted
        return _(written).format(number=self.number)

    @property
    def name(self) -> str:
        """The service's name: an official name as is, a description in the language in force."""
        return self._words(self.written_name)

    @property
    def how(self) -> str:
        """How to reach it, e.g. ``"Call or text 988"``, in the language in force."""
        return self._words(self.written_how)

    @property
    def details(self) -> str:
        """When to use it, in one or two sentences, in the language in force."""
        return self._words(self.written_details)

    @property
    def action(self) -> str:
        """``"call or text 988"``, ``"call Samaritans at 116 123"``, ``"call 999"``, in the
        language in force (starting with a lower-case verb, to go inside a sentence)."""
        if self.phrase:
            return self._words(self.phrase)
        if self.kind is LineKind.EMERGENCY or self.number in self.written_name:
            return _("call {number}").format(number=self.number)
        return _("call {name} at {number}").format(name=self.name, number=self.number)


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

# Words marked N_() are translated when read (CrisisLine.name, .how, .details, .action); {number}
# is filled with the line's number after translation. Official names are not marked.
_CALL = N_("Call {number}")
_SAMARITANS_DETAILS = N_("Free from any phone, at any time, day or night, even a mobile with no credit.")
_EMERGENCY = N_("Emergency services")
_EMERGENCY_DETAILS = N_("Police, fire and ambulance. If someone could die or be badly hurt right now. Wait for the "
                        "ambulance rather than driving to the hospital yourself.")
_LIFE_AT_RISK_DETAILS = N_("Police, fire and ambulance, including a mental health crisis where a life is at risk. "
                           "Wait for the ambulance rather than driving to the hospital yourself.")


def _emergency(country: str, number: str, source: LineSource, details: str = _EMERGENCY_DETAILS) -> CrisisLine:
    return CrisisLine(country, LineKind.EMERGENCY, _EMERGENCY, number, _CALL, details, source)


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
        # 988's menu (research notes, "Emergency and crisis numbers by country" and topic 24, from
        # S34 988 Lifeline "What to expect" and S31 SAMHSA): press 1 for the Veterans Crisis Line,
        # press 2 for Spanish on a call; text AYUDA to 988 for Spanish by text.
        CrisisLine(
            "US", LineKind.CRISIS, "988 Suicide and Crisis Lifeline", "988",
            N_("Call or text {number}, or chat at 988lifeline.org"),
            N_("Free and private, open day and night, for any mental health or substance use crisis. "
               "For Spanish, press 2 on a call, or text AYUDA to 988. Press 1 for veterans; veterans can "
               "also text 838255."),
            S34_988_WHAT_TO_EXPECT, phrase=N_("call or text {number}"),
        ),
        CrisisLine("US", LineKind.CRISIS, "Crisis Text Line", "741741", N_("Text HOME to {number}"),
                   N_("Reach a crisis counselor by text message, day or night."), N30_CRISIS_TEXT_LINE,
                   phrase=N_("text HOME to {number}")),
        CrisisLine(
            "US", LineKind.SUPPORT, "Poison Help", "1-800-222-1222", _CALL,
            N_("Open day and night, for medicine mix-ups such as a wrong pill or a double dose. "
               "If someone has passed out or is not breathing, call 911."),
            S24_POISON_HELP, topic="poison",
        ),
        CrisisLine(
            "US", LineKind.SUPPORT, "SAMHSA National Helpline", "1-800-662-4357", _CALL,
            N_("Free and open day and night, in English and Spanish. Help finding treatment for mental "
               "health or substance use."), N27_SAMHSA_HELPLINE, topic="treatment",
        ),
        CrisisLine(
            "US", LineKind.SUPPORT, "Alzheimer's Association Helpline", "1-800-272-3900", _CALL,
            N_("Open day and night, for people living with dementia and the people who care for them."), N7_ALZ,
        ),
    ),
    "CA": (
        _emergency("CA", "911", S55_MHCC_988),
        CrisisLine("CA", LineKind.CRISIS, "988 Suicide Crisis Helpline", "988", N_("Call or text {number}"),
                   N_("In English or French, at any time, day or night."), S55_MHCC_988,
                   phrase=N_("call or text {number}")),
    ),
    "GB": (
        _emergency("GB", "999", S56_LPFT, _LIFE_AT_RISK_DETAILS),
        CrisisLine("GB", LineKind.CRISIS, "Samaritans", "116 123", _CALL, _SAMARITANS_DETAILS, S58_SAMARITANS),
        CrisisLine("GB", LineKind.CRISIS, "Shout", "85258", N_("Text SHOUT to {number}"),
                   N_("Text support at any time, for people in the UK."), S60_SHOUT,
                   phrase=N_("text SHOUT to {number}")),
        CrisisLine("GB", LineKind.SUPPORT, "NHS 111", "111", _CALL,
                   N_("Urgent help that is not life-threatening. In England, choose the mental health option. "
                      "Anyone may call for the person."), S57_SHSC_111, phrase=N_("call NHS 111"), topic="urgent"),
    ),
    "IE": (
        _emergency("IE", "112", N44_HSE),
        _emergency("IE", "999", N44_HSE),
        CrisisLine("IE", LineKind.CRISIS, "Samaritans", "116 123", _CALL, _SAMARITANS_DETAILS, S58_SAMARITANS),
        CrisisLine("IE", LineKind.CRISIS, N_("Text support (HSE)"), "50808", N_("Text {number}"),
                   N_("Free text support at any time, day or night."), N44_HSE, phrase=N_("text {number}")),
        CrisisLine("IE", LineKind.CRISIS, "Pieta", "1800 247 247", N_("Call {number} or text HELP to 51444"),
                   N_("For suicidal thoughts and self-harm."), N44_HSE),
    ),
    "AU": (
        _emergency("AU", "000", S61_ACMA,
                   N_("Triple Zero: police, fire and ambulance. 112 also works from mobile phones. Wait for the "
                      "ambulance rather than driving to the hospital yourself.")),
        CrisisLine("AU", LineKind.CRISIS, "Lifeline", "13 11 14", _CALL,
                   N_("Crisis support at any time, day or night."), S63_HEALTHDIRECT),
        CrisisLine("AU", LineKind.CRISIS, N_("Lifeline text"), "0477 13 11 14", N_("Text {number}"),
                   N_("Crisis support by text, day or night."), S64_LIFELINE_TEXT,
                   phrase=N_("text Lifeline at {number}")),
        CrisisLine("AU", LineKind.CRISIS, "Suicide Call Back Service", "1300 659 467", _CALL,
                   "", S63_HEALTHDIRECT),
        CrisisLine("AU", LineKind.SUPPORT, "Poisons Information Centre", "13 11 26", _CALL,
                   N_("Open day and night, anywhere in Australia, for medicine mix-ups and poisoning. "
                      "If someone has passed out or is not breathing, call 000."), S26_QLD_POISONS,
                   phrase=N_("call the Poisons Information Centre at {number}"), topic="poison"),
    ),
    "NZ": (
        _emergency("NZ", "111", S65_GOVT_NZ_111, _LIFE_AT_RISK_DETAILS),
        CrisisLine("NZ", LineKind.CRISIS, "Need to talk? 1737", "1737", N_("Call or text {number}"),
                   N_("Free, at any time, day or night."), N45_1737, phrase=N_("call or text {number}")),
    ),
    # Spain (research notes, "Emergency and crisis numbers by country"): 112, the EU emergency
    # number [N46]; Línea 024, atención a la conducta suicida, free, confidential, 24/7 since
    # 10 May 2022, Ministerio de Sanidad [N47] (both *verify* in the notes: confirmed=False).
    "ES": (
        _emergency("ES", "112", EC_112),
        CrisisLine("ES", LineKind.CRISIS, "Línea 024", "024", _CALL,
                   N_("Help with thoughts of suicide, for the person and for family. Free, private, day and night."),
                   N47_LINEA_024, phrase=N_("call the Línea 024")),
    ),
    # Mexico (same table): 911 emergency, and Línea de la Vida 800 911 2000, mental health and
    # addictions, free, 24/7, run by CONASAMA (Secretaría de Salud) [N48], both *verify*.
    "MX": (
        _emergency("MX", "911", LineSource("Secretaría de Salud (Mexico): emergency number", N48_LINEA_VIDA.url,
                                           "N48", confirmed=False)),
        CrisisLine("MX", LineKind.CRISIS, "Línea de la Vida", "800 911 2000", _CALL,
                   N_("Mental health and addictions (CONASAMA). Free, day and night."), N48_LINEA_VIDA,
                   phrase=N_("call Línea de la Vida at {number}")),
    ),
}
for _code in EU_112_COUNTRIES:
    BUILT_IN.setdefault(_code, (_emergency(_code, "112", EC_112),))
BUILT_IN["LV"] = BUILT_IN["LV"] + (
    CrisisLine("LV", LineKind.CRISIS, N_("Crisis line"), "116 123", _CALL,
               N_("Free emotional support, day and night."), S66_LATVIA_116123,
               phrase=N_("call the crisis line at {number}")),
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

LOCAL_EMERGENCY = N_("your local emergency number")
LOCAL_CRISIS = N_("call a local crisis line")
LOCAL_POISON = N_("call a pharmacist or the care team right away")
"""The words for a country without such a number (English; :func:`help_words` translates them)."""
ELSEWHERE = N_("{address} lists crisis lines by country.")
"""The last line of every list of numbers (see :func:`elsewhere_line`)."""


def elsewhere_line() -> str:
    """``"findahelpline.com lists crisis lines by country."`` in the language in force."""
    return _(ELSEWHERE).format(address=FIND_A_HELPLINE_ADDRESS)


def _either(numbers: Sequence[str]) -> str:
    """``"112"``, ``"112 or 999"``, ``"112, 999 or 911"`` in the language in force."""
    if not numbers:
        return ""
    joined = numbers[-1]
    for number in reversed(numbers[:-1]):
        # TRANSLATORS: two emergency numbers a person may call, e.g. "112 or 999".
        joined = _("{first} or {second}").format(first=number, second=joined)
    return joined


@dataclass(frozen=True)
class HelpWords:
    """The words a country's help puts into sentences (see :func:`help_words`).

    Built in the language in force when :func:`help_words` is called (Spanish: ``"112 o 999"``,
    ``"llame o envíe un mensaje de texto al 988"``, ``"número de emergencias local"``).

    ``emergency_number``: ``"999"``, ``"112 or 999"``, or ``"your local emergency number"``;
    ``crisis_line``: ``"call or text 988"``, ``"call Samaritans at 116 123"``, or ``"call a local
    crisis line"``; ``poison_line``: ``"call Poison Help at 1-800-222-1222"`` or a fallback;
    ``emergency_known`` / ``crisis_known`` say whether a number (built-in or added) exists;
    ``elsewhere``: ``"findahelpline.com lists crisis lines by country."``."""

    country: str
    emergency_number: str
    crisis_line: str
    poison_line: str
    emergency_known: bool
    crisis_known: bool
    lines: tuple[CrisisLine, ...] = ()
    elsewhere: str = ""


def help_words(country: str, user_lines: Iterable[CrisisLine] = ()) -> HelpWords:
    """The placeholder words for ``country`` ("" or an unknown code gives the "your local
    emergency number" wording), from its built-in lines and the ones the user added there."""
    lines = lines_for(country, user_lines) if is_country_code(country) else []
    emergency = [line.number for line in lines if line.kind is LineKind.EMERGENCY]
    crisis = [line for line in lines if line.kind is LineKind.CRISIS]
    poison = [line for line in lines if line.topic == "poison"]
    return HelpWords(
        country=country,
        emergency_number=_either(list(dict.fromkeys(emergency))) or _(LOCAL_EMERGENCY),
        crisis_line=crisis[0].action if crisis else _(LOCAL_CRISIS),
        poison_line=poison[0].action if poison else _(LOCAL_POISON),
        emergency_known=bool(emergency),
        crisis_known=bool(crisis),
        lines=tuple(lines),
        elsewhere=elsewhere_line(),
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
        raise ValidationError(_("Please choose a country for this number."))
    cleaned_name = " ".join(str(name).split())
    if not cleaned_name:
        raise ValidationError(_("Please give the service a name, for example “Emergency services”."))
    if len(cleaned_name) > NAME_MAX_CHARS:
        raise ValidationError(_("A name can be at most {count} characters.").format(count=NAME_MAX_CHARS))
    cleaned_number = " ".join(str(number).split())
    digits = re.sub(r"\D", "", cleaned_number)
    if not cleaned_number or not _NUMBER_CHARS.match(cleaned_number) or "+" in cleaned_number[1:]:
        raise ValidationError(_("A phone number can only have digits, spaces, dashes and a + at the start."))
    if not 2 <= len(digits) <= NUMBER_MAX_DIGITS:
        raise ValidationError(_("A phone number needs 2 to {most} digits.").format(most=NUMBER_MAX_DIGITS))
    # A user line keeps the words it is saved with (settings file), in the language of that moment.
    cleaned_how = " ".join(str(how).split())[:NAME_MAX_CHARS] or _(_CALL).format(number=cleaned_number)
    return CrisisLine(country, kind, cleaned_name, cleaned_number, cleaned_how)


def user_line_to_dict(line: CrisisLine) -> dict[str, str]:
    """The settings-file form of a user-added line."""
    return {"country": line.country, "kind": line.kind.value, "name": line.written_name, "number": line.number,
            "how": line.written_how}


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
