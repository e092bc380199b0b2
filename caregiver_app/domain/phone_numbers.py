"""Phone numbers as families type them, in any country: the region to read local numbers in,
reading a typed number (:func:`parse_phone`), writing it the local way (:func:`format_phone`) and
as a ``tel:`` link. Built on ``phonenumbers`` (Google's libphonenumber data); country names come
from CLDR through Babel. No country is ever assumed: with none known, a number needs its ``+``.

A number written the local way (``(617) 555-0100``) is read in the region (two-letter ISO 3166
code such as ``"US"`` or ``"DE"``), a number starting with ``+`` in its own country. Stored as
E.164; shown in the national format at home and the international format otherwise. Short
numbers such as 988 or 911 are kept as digits.
"""

from __future__ import annotations

import locale
import os
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, shortnumberinfo

from ..i18n import _
from .crisis_lines import BUILT_IN_COUNTRIES, built_in_lines
from .errors import ValidationError
from .network import Phone, PhoneKind

DEFAULT_REGION = "US"
EXTENSION_MAX_DIGITS = 10
"""Longer extensions do not fit the vault's phone column beside the longest E.164 number."""


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
        raise ValidationError(_("Please type the phone number, or remove the empty line."))
    if not region and not raw.startswith("+"):
        raise ValidationError(
            _("“{value}” needs its country code: start with + and the code, for example +44 for the United Kingdom. Or choose your country in Settings, and local numbers will work.").format(value=raw[:40])
        )
    home = region_name(region)
    try:
        number = phonenumbers.parse(raw, region or None)
    except NumberParseException:
        raise ValidationError(
            _("“{value}” is not a phone number. Please type only the number, like the ones on a business card.").format(value=raw[:40])
        ) from None
    extension = number.extension or ""
    if len(extension) > EXTENSION_MAX_DIGITS:
        raise ValidationError(
            _("The extension of “{value}” is too long. An extension has at most {count} digits.").format(value=raw[:40], count=EXTENSION_MAX_DIGITS)
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
            _("“{value}” is not a complete phone number. Please check the country code and the digits.").format(value=raw[:40])
        )
    raise ValidationError(
        _("“{value}” is not a complete phone number in {home}. Please check the digits. For a number in another country, start with + and the country code.").format(value=raw[:40], home=home)
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
