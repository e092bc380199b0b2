"""The support network's contacts: phones (parsed with ``phonenumbers``), saving, the ecomap's
data and positions, and the gaps panel.

Phone numbers are parsed for the user's region (two-letter ISO 3166 code such as ``"US"`` or
``"DE"``): a number written the local way (``(617) 555-0100``) is read in that region, a number
starting with ``+`` in its own country. Stored as E.164; shown in the national format at home
and the international format otherwise. Short numbers such as 988 or 911 are kept as digits.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, shortnumberinfo

from ..domain.crisis_lines import BUILT_IN_COUNTRIES, built_in_lines
from ..domain.ecomap import EcomapSnapshot, layout
from ..domain.errors import ValidationError
from ..domain.network import (
    Contact,
    Phone,
    PhoneKind,
    Role,
    SupportDirection,
    SupportType,
    TieStrength,
)
from ..storage import network_repo as repo
from ..storage import repositories as journal_repo
from .clock import Clock, utc_now
from .vault import Vault

DEFAULT_REGION = "US"
EXTENSION_MAX_DIGITS = 10
"""Longer extensions do not fit the vault's phone column beside the longest E.164 number."""

# --- phones ---------------------------------------------------------------------------------


def resolve_region(preferred: str = "", locale_name: str = "") -> str:
    """The phone region to read local numbers in: ``preferred`` when it is a region
    ``phonenumbers`` knows, else the territory of ``locale_name`` (``"en_GB"``, ``"de-DE"``), else
    of the environment's locale (``LC_ALL``, ``LC_TELEPHONE``, ``LANG``), else ``""``: no country
    is known, so numbers need their ``+`` country code (never assume the United States)."""
    candidates = [preferred, _territory(locale_name)]
    for var in ("LC_ALL", "LC_TELEPHONE", "LANG"):
        candidates.append(_territory(os.environ.get(var, "")))
    try:
        candidates.append(_territory(locale.getlocale()[0] or ""))
    except ValueError:
        pass
    for code in candidates:
        code = (code or "").upper()
        if code in phonenumbers.SUPPORTED_REGIONS:
            return code
    return ""


def _territory(locale_name: str) -> str:
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    return parts[-1] if len(parts) >= 2 and len(parts[-1]) == 2 else ""


def region_name(region: str) -> str:
    """The country's name in English for a region code, ready for "in …" (``"DE"`` ->
    ``"Germany"``, ``"US"`` -> ``"the United States"``)."""
    name = BUILT_IN_COUNTRIES.get(region, "")
    if not name:
        # phonenumbers' country names come with ~100 MB of locale data: load it only when an
        # uncommon region is actually named, never at start-up.
        from phonenumbers import geocoder

        example = phonenumbers.example_number(region)
        name = geocoder.country_name_for_number(example, "en") if example is not None else ""
    if not name:
        return region
    return f"the {name}" if region in _WITH_THE else name


_WITH_THE = frozenset({"US", "GB", "NL", "PH", "AE", "DO", "CZ", "BS", "GM", "CD", "CG", "CF", "KM", "MV", "MH", "SB", "VA", "KY", "VG", "VI", "FO", "FK"})


def region_of_country(text: str) -> str:
    """The ISO 3166 code for a country as an address writes it: a code (``"gb"``) or a name in
    English or a few other languages (``"United Kingdom"``, ``"Deutschland"``, ``"UK"``), else ``""``."""
    country = " ".join(str(text or "").split()).casefold().rstrip(".")
    if len(country) == 2 and country.upper() in phonenumbers.SUPPORTED_REGIONS:
        return country.upper()
    return _country_names().get(country, "") if country else ""


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Country names (casefolded) to ISO codes, from CLDR through Babel."""
    from babel import Locale

    names = {"uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
             "usa": "US", "u.s.a": "US", "u.s": "US"}
    for language in ("en", "es", "de", "fr", "it", "pt", "nl", "pl"):
        for code, name in Locale(language).territories.items():
            if code in phonenumbers.SUPPORTED_REGIONS:
                names.setdefault(name.casefold(), code)
    return names


def example_number(region: str = DEFAULT_REGION) -> str:
    """A made-up mobile number of ``region`` written the local way (for placeholder text); with
    no region, one written with its + country code (the form that works everywhere)."""
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE) if region else None
    if example is None:
        return "+44 20 7946 0958"
    return phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)


def parse_phone(text: str, region: str = DEFAULT_REGION, kind: PhoneKind = PhoneKind.MOBILE) -> Phone:
    """Read a phone number as a person would type it. Returns a :class:`Phone` (E.164, or the
    digits of a short number valid in ``region``) with its extension, written any common way
    ("ext. 204", "x204", "extension 204", ";ext=204"), kept. Raises :class:`ValidationError` in plain words
    when it is not a real number."""
    raw = " ".join(text.split())
    if not raw:
        raise ValidationError("Please type the phone number, or remove the empty line.")
    if not region and not raw.startswith("+"):
        raise ValidationError(
            f"“{raw[:40]}” needs its country code: start with + and the code, for example +44 for the "
            "United Kingdom. Or choose your country in Settings, and local numbers will work."
        )
    home = region_name(region)
    try:
        number = phonenumbers.parse(raw, region or None)
    except NumberParseException:
        raise ValidationError(
            f"“{raw[:40]}” is not a phone number. Please type only the number, like the ones on a business card."
        ) from None
    extension = number.extension or ""
    if len(extension) > EXTENSION_MAX_DIGITS:
        raise ValidationError(
            f"The extension of “{raw[:40]}” is too long. An extension has at most {EXTENSION_MAX_DIGITS} digits."
        )
    if phonenumbers.is_valid_number(number):
        return Phone(
            phonenumbers.format_number(number, PhoneNumberFormat.E164),
            kind,
            phonenumbers.region_code_for_number(number) or region,
            extension,
        )
    if not raw.startswith("+") and (_is_service_number(number, region) or _built_in_line_number(raw, region)):
        return Phone(phonenumbers.national_significant_number(number), kind, region, extension)
    if raw.startswith("+"):
        raise ValidationError(
            f"“{raw[:40]}” is not a complete phone number. Please check the country code and the digits."
        )
    raise ValidationError(
        f"“{raw[:40]}” is not a complete phone number in {home}. Please check the digits. "
        "For a number in another country, start with + and the country code."
    )


def _built_in_line_number(raw: str, region: str) -> str:
    """How the app writes ``raw`` when it is one of ``region``'s built-in crisis or emergency
    numbers (``"116 123"``), else ``""``. Some of them, such as New Zealand's 1737 or the text
    lines 85258 and 741741, are missing from phonenumbers' short-number data, yet the app tells
    families to use them, so they must fit on a contact too."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    for line in built_in_lines(region):
        if "".join(ch for ch in line.number if ch.isdigit()) == digits:
            return line.number
    return ""


def _is_service_number(number: phonenumbers.PhoneNumber, region: str) -> bool:
    """A short number worth keeping: emergency (911, 112), free to call (988, 116 123) or a
    three-digit service (211, 111). Other short codes are more likely a typo of a full number."""
    if not shortnumberinfo.is_valid_short_number_for_region(number, region):
        return False
    digits = phonenumbers.national_significant_number(number)
    return (
        shortnumberinfo.is_emergency_number(digits, region)
        or shortnumberinfo.expected_cost_for_region(number, region) == shortnumberinfo.ShortNumberCost.TOLL_FREE
        or len(digits) <= 3
    )


def format_phone(phone: Phone, region: str = DEFAULT_REGION) -> str:
    """How to show a stored number to a user in ``region``: national format for numbers at home,
    international for numbers abroad, the digits for short numbers."""
    ext = f" ext. {phone.extension}" if phone.extension else ""
    if phone.is_short:
        return (_built_in_line_number(phone.number, phone.region or region) or phone.number) + ext
    try:
        number = phonenumbers.parse(phone.number, None)
    except NumberParseException:
        return phone.number + ext
    if phone.extension:
        number.extension = phone.extension  # phonenumbers writes it the country's way ("ext. 204")
    same = phonenumbers.region_code_for_number(number) == region
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL if same else PhoneNumberFormat.INTERNATIONAL)


def tel_uri(phone: Phone) -> str:
    """A ``tel:`` link (RFC 3966) for the number, with ``;ext=`` when it has an extension."""
    if phone.is_short:
        return f"tel:{phone.stored()}"
    try:
        number = phonenumbers.parse(phone.number, None)
    except NumberParseException:
        return f"tel:{phone.stored()}"
    if phone.extension:
        number.extension = phone.extension
    return phonenumbers.format_number(number, PhoneNumberFormat.RFC3966)


# --- contacts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactDraft:
    """What the contact editor collects. ``phones`` are ``(typed text, kind)`` pairs, read in the
    user's region when saved; ``last_in_touch`` is a local calendar date or None."""

    person_id: int
    name: str
    role: Role = Role.OTHER
    organisation: str = ""
    phones: tuple[tuple[str, PhoneKind], ...] = ()
    email: str = ""
    address: str = ""
    availability: str = ""
    notes: str = ""
    last_in_touch: date | None = None
    support: frozenset[SupportType] = field(default_factory=frozenset)
    strength: TieStrength = TieStrength.MODERATE
    direction: SupportDirection = SupportDirection.BOTH
    contact_id: int | None = None


def contact_from_draft(draft: ContactDraft, region: str = DEFAULT_REGION, *, today: date | None = None) -> Contact:
    """Validate a draft. Raises :class:`ValidationError` naming the first problem (a bad phone
    number says which one), or a "last in touch" date after ``today``."""
    phones = tuple(parse_phone(text, region, kind) for text, kind in draft.phones if text.strip())
    if draft.last_in_touch is not None and today is not None and draft.last_in_touch > today:
        raise ValidationError("“Last in touch” is a date in the future. Please pick today or an earlier day.",
                              field="last_in_touch")
    return Contact(
        id=draft.contact_id,
        person_id=draft.person_id,
        name=draft.name,
        role=draft.role,
        organisation=draft.organisation,
        phones=phones,
        email=draft.email,
        address=draft.address,
        availability=draft.availability,
        notes=draft.notes,
        last_in_touch=draft.last_in_touch,
        support=frozenset(draft.support),
        strength=draft.strength,
        direction=draft.direction,
    )


def save_contact(vault: Vault, contact: Contact, *, clock: Clock = utc_now) -> Contact:
    """Add (``contact.id`` None) or update a contact; an update keeps its place on the ecomap.
    Returns the contact as stored. Raises :class:`NotFoundError` when the person or contact is gone."""
    now = clock()
    with vault.session() as s:
        journal_repo.get_person_row(s, contact.person_id)
        if contact.id is None:
            new_id = repo.insert_contact(s, contact, now)
        else:
            old = repo.get_contact(s, contact.id)
            repo.update_contact(s, replace(contact, position=old.position), now)
            new_id = contact.id
        return repo.get_contact(s, new_id)


def get_contact(vault: Vault, contact_id: int) -> Contact:
    with vault.session() as s:
        return repo.get_contact(s, contact_id)


def list_contacts(vault: Vault, person_id: int) -> list[Contact]:
    """A person's contacts by name."""
    with vault.session() as s:
        return repo.list_contacts(s, person_id)


def delete_contact(vault: Vault, contact_id: int) -> Contact:
    """Delete a contact; returns it as it was (appointments with them keep their details but no
    longer name a provider)."""
    with vault.session() as s:
        old = repo.get_contact(s, contact_id)
        repo.delete_contact(s, contact_id)
        return old


def restore_contact(vault: Vault, contact: Contact, *, clock: Clock = utc_now) -> Contact:
    """Put a deleted contact back (as a new record with the same details and map position)."""
    with vault.session() as s:
        new_id = repo.insert_contact(s, replace(contact, id=None), clock())
        return repo.get_contact(s, new_id)


def mark_in_touch(vault: Vault, contact_id: int, day: date, *, clock: Clock = utc_now) -> Contact:
    """Record ``day`` (a local calendar date) as the last time the person was in touch."""
    with vault.session() as s:
        contact = repo.get_contact(s, contact_id)
        repo.update_contact(s, replace(contact, last_in_touch=day), clock())
        return repo.get_contact(s, contact_id)


def save_positions(vault: Vault, person_id: int, positions: dict[int, tuple[float, float] | None]) -> None:
    """Remember where the user put contacts on the ecomap (scene units; None = automatic)."""
    with vault.session() as s:
        repo.set_positions(s, person_id, positions)


def reset_positions(vault: Vault, person_id: int) -> None:
    """Put every contact back in its automatic place on the ecomap."""
    with vault.session() as s:
        ids = [c.id for c in repo.list_contacts(s, person_id)]
        repo.set_positions(s, person_id, dict.fromkeys(ids))


def ecomap_snapshot(vault: Vault, person_id: int) -> EcomapSnapshot:
    """Everything needed to draw ``person_id``'s ecomap as plain data: the person's name and one
    node per contact with its position (scene units, person at 0, 0; saved or automatic), role,
    sector, tie strength, direction of support and support types. Raises :class:`NotFoundError`
    when the person is gone. The GUI map and ``reports.ecomap_drawing`` both draw from it."""
    with vault.session() as s:
        person = journal_repo.person_from_row(journal_repo.get_person_row(s, person_id))
        contacts = repo.list_contacts(s, person_id)
    return layout(person.display_name, contacts)


# --- gaps -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TouchLine:
    """When the person was last in touch with one contact (``days_ago`` None: not recorded)."""

    contact_id: int
    name: str
    last_in_touch: date | None
    days_ago: int | None
    words: str


@dataclass(frozen=True)
class GapReport:
    """What the gaps panel shows: support types nobody gives, who gives the others, how many
    clinical and nonclinical contacts there are, and when each was last in touch (longest ago
    first, unrecorded last)."""

    total: int
    clinical: int
    nonclinical: int
    missing: tuple[SupportType, ...]
    givers: dict[SupportType, tuple[str, ...]]
    touch: tuple[TouchLine, ...]
    stressful: tuple[str, ...]

    def sentences(self, crisis_line: str = "") -> list[str]:
        """The gaps in gentle plain words, one sentence per missing support type. ``crisis_line``
        is how to reach the country's crisis line (``"call Samaritans at 116 123"``, from
        ``crisis_lines.help_words``); without one, the crisis gap points to Get help now."""
        if self.total == 0:
            return ["No one is on the map yet. Start with one person you could call, even just to chat."]
        return [f"No one is listed yet to call in a crisis. You can {crisis_line} any time."
                if t is SupportType.CRISIS and crisis_line else t.gap_text for t in self.missing]


def since_words(day: date | None, today: date) -> tuple[int | None, str]:
    """``(days ago, words)`` for a last-in-touch date, e.g. ``(3, "3 days ago")``."""
    if day is None:
        return None, "Not written down yet"
    days = (today - day).days
    if days <= 0:
        return max(days, 0), "Today"
    if days == 1:
        return 1, "Yesterday"
    if days < 14:
        return days, f"{days} days ago"
    if days < 60:
        return days, f"{days // 7} weeks ago"
    if days < 730:
        return days, f"About {days // 30} months ago"
    return days, f"About {days // 365} years ago"


def gap_report(vault: Vault, person_id: int, today: date) -> GapReport:
    """The gaps panel's content for ``person_id`` (``today`` is the local calendar date)."""
    contacts = list_contacts(vault, person_id)
    return gap_report_for(contacts, today)


def gap_report_for(contacts: list[Contact], today: date) -> GapReport:
    """:func:`gap_report` over contacts already read."""
    givers = {t: tuple(c.name for c in contacts if t in c.support) for t in SupportType}
    lines = []
    for c in contacts:
        days, words = since_words(c.last_in_touch, today)
        lines.append(TouchLine(c.id, c.name, c.last_in_touch, days, words))
    lines.sort(key=lambda t: (t.days_ago is None, -(t.days_ago or 0), t.name.casefold()))
    clinical = sum(1 for c in contacts if c.clinical)
    return GapReport(
        total=len(contacts),
        clinical=clinical,
        nonclinical=len(contacts) - clinical,
        missing=tuple(t for t in SupportType if not givers[t]),
        givers=givers,
        touch=tuple(lines),
        stressful=tuple(c.name for c in contacts if c.strength is TieStrength.STRESSFUL),
    )
