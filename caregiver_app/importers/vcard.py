"""Exchanging contacts as vCards (``vobject``): read files of one or many cards in vCard 2.1 (as
phones write them: quoted-printable text in any CHARSET), 3.0 (RFC 2426) and 4.0 (RFC 6350)
into contacts, and write contacts as vCard 3.0. Pure (``vobject`` plus the domain): finding
duplicates, merging and saving into the vault are :mod:`caregiver_app.services.vcards`.

vobject 0.9.9 writes only vCard 3.0, so export is 3.0 (every address book reads it). The app's
own ecomap fields travel as ``X-CAREGIVER-*`` properties only when asked (``include_private``),
so a file for another address book carries nothing private; roles are guessed from the ROLE,
TITLE, CATEGORIES and ORG other apps write.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from datetime import date

import vobject
from vobject.vcard import Address, Name

from ..i18n import _
from ..domain.errors import CaregiverError, ValidationError
from ..domain.network import (
    MAX_PHONES,
    Contact,
    PhoneKind,
    Role,
    SupportDirection,
    SupportType,
    TieStrength,
    role_in_text,
)
from ..domain.phone_numbers import DEFAULT_REGION, parse_phone, region_of_country

MAX_FILE_BYTES = 20 * 1024 * 1024
X_STRENGTH = "X-CAREGIVER-STRENGTH"
X_DIRECTION = "X-CAREGIVER-DIRECTION"
X_SUPPORT = "X-CAREGIVER-SUPPORT"
X_AVAILABILITY = "X-CAREGIVER-AVAILABILITY"
X_LAST_IN_TOUCH = "X-CAREGIVER-LAST-IN-TOUCH"
X_ROLE = "X-CAREGIVER-ROLE"


class VCardFileError(CaregiverError):
    """The file as a whole cannot be read as vCards (plain words)."""


@dataclass(frozen=True)
class CardProblem:
    """Something about card number ``position`` (1 = the first card in the file): the card was
    skipped (``skipped``) or only one detail was left out."""

    position: int
    name: str
    message: str
    skipped: bool


@dataclass(frozen=True)
class CardCandidate:
    """A card read from the file, as a contact not yet saved (``contact.id`` None)."""

    position: int
    contact: Contact


@dataclass(frozen=True)
class VCardReadResult:
    cards: tuple[CardCandidate, ...]
    problems: tuple[CardProblem, ...]

    @property
    def skipped(self) -> tuple[CardProblem, ...]:
        return tuple(p for p in self.problems if p.skipped)


# --- reading --------------------------------------------------------------------------------


class _DropRecords(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


def _quiet_vobject() -> None:
    """vobject logs the text of lines it cannot read, which may hold health details: drop its
    log records (cards are reported to the user by position instead)."""
    logger = logging.getLogger("vobject.base")
    if not any(isinstance(f, _DropRecords) for f in logger.filters):
        logger.addFilter(_DropRecords())


def decode_vcard_bytes(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (old
    phone and Outlook exports)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _join_qp_soft_breaks(lines: list[str]) -> list[str]:
    """vCard 2.1 quoted-printable values may continue on the next line after a trailing ``=``
    (a soft line break, RFC 2045) with no leading space; vobject only unfolds RFC 2425 folding,
    so join those lines first."""
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and out:
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
        current = out[-1]
        head = current.split(":", 1)[0].upper()
        joining = "QUOTED-PRINTABLE" in head and current.endswith("=") and ":" in current
    return out


def split_cards(text: str) -> list[tuple[int, str]]:
    """``(position, card text)`` for each ``BEGIN:VCARD`` … ``END:VCARD`` block in the file
    (position counts from 1). Text outside cards is ignored."""
    cards: list[tuple[int, str]] = []
    current: list[str] | None = None
    depth = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        key = line.strip().upper()
        if key == "BEGIN:VCARD":
            if current is None:
                current, depth = [], 0
            depth += 1
        if current is not None:
            current.append(line)
        if key == "END:VCARD" and current is not None:
            depth -= 1
            if depth == 0:
                cards.append((len(cards) + 1, "\r\n".join(_join_qp_soft_breaks(current)) + "\r\n"))
                current = None
    if current is not None:
        cards.append((len(cards) + 1, "\r\n".join(current) + "\r\n"))
    return [(position, _prepare_card(text)) for position, text in cards]


# Properties whose value vobject splits into parts itself; every other one is a single text.
_STRUCTURED = frozenset({"BEGIN", "END", "VERSION", "N", "ADR", "ORG", "CATEGORIES", "GEO", "PHOTO", "LOGO", "SOUND", "KEY", "NICKNAME"})
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")


def _prepare_card(text: str) -> str:
    """Unfold RFC 2425 folded lines and escape bare commas in single text values. vobject
    reads a text value as a comma-separated list and keeps only the first item, which would cut
    a vCard 2.1 note ("Café on Tuesdays, drives…") at its first comma; 2.1 never escapes them."""
    lines: list[str] = []
    for line in text.split("\r\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        else:
            lines.append(line)
    out = []
    for line in lines:
        head, sep, value = line.partition(":")
        name = head.split(";", 1)[0].split(".")[-1].strip().upper()
        if sep and name not in _STRUCTURED:
            line = head + sep + _UNESCAPED_COMMA.sub(r"\\,", value)
        out.append(line)
    return "\r\n".join(out)


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value if _text(v))
    return " ".join(str(value or "").split())


def _name_of(card) -> str:
    fn = getattr(card, "fn", None)
    if fn is not None and _text(fn.value):
        return _text(fn.value)
    n = getattr(card, "n", None)
    if n is not None and isinstance(n.value, Name):
        parts = [n.value.prefix, n.value.given, n.value.additional, n.value.family, n.value.suffix]
        return " ".join(p for p in (_text(x) for x in parts) if p)
    org = getattr(card, "org", None)
    if org is not None:
        return _text(org.value)
    return ""


def _phone_kind(line) -> PhoneKind:
    types = {t.upper() for t in line.params.get("TYPE", [])}
    types |= {t.upper() for t in getattr(line, "singletonparams", [])}
    types = {p for t in types for p in t.split(",")}
    if types & {"CELL", "MOBILE", "IPHONE"}:
        return PhoneKind.MOBILE
    if "HOME" in types:
        return PhoneKind.HOME
    if "WORK" in types:
        return PhoneKind.WORK
    return PhoneKind.OTHER


def _address(line) -> str:
    value = line.value
    if not isinstance(value, Address):
        return str(value or "").strip()
    raw_street = value.street if isinstance(value.street, str) else "\n".join(map(str, value.street or []))
    street = "\n".join(" ".join(part.split()) for part in raw_street.split("\n") if part.strip())
    city_line = " ".join(p for p in (_text(value.city) + ("," if _text(value.city) and (_text(value.region) or _text(value.code)) else ""),
                                    _text(value.region), _text(value.code)) if p)
    return "\n".join(p for p in (_text(value.box), _text(value.extended), street, city_line, _text(value.country)) if p)


def _address_region(line) -> str:
    """The ISO 3166 code of an ADR line's country (a code or a name), else ``""``."""
    return region_of_country(_text(line.value.country)) if isinstance(line.value, Address) else ""


def _enum(enum_type, text: str, default):
    try:
        return enum_type(text.strip().lower())
    except ValueError:
        return default


def _with_extension(raw: str) -> str:
    """A TEL value with RFC 3966 parameters (``+1-201-555-0123;ext=204;phone-context=…``) as
    "number ext. 204", which :func:`parse_phone` reads with its extension; other parameters are
    dropped (they say nothing a person dials)."""
    base, *params = raw.split(";")
    for param in params:
        key, _unused, value = param.partition("=")
        if key.strip().lower() == "ext" and value.strip():
            return f"{base} ext. {value.strip()}"
    return base


def _card_to_contact(card, person_id: int, region: str, notes: list[str]) -> Contact:
    name = _name_of(card)
    if not name:
        raise ValidationError(_("This card has no name."))
    contents = card.contents
    role = None
    for key in ("x-caregiver-role", "role", "title", "categories", "org"):
        for line in contents.get(key, []):
            role = role or (_enum(Role, _text(line.value), None) if key == "x-caregiver-role" else role_in_text(_text(line.value)))
    phones = []
    unread = []
    # A card whose address is in another country holds that country's local numbers ("07911 …"
    # on a London card read in Germany is a UK mobile, not a number in Backnang).
    abroad = next((c for c in (_address_region(line) for line in contents.get("adr", [])) if c and c != region), "")
    for line in contents.get("tel", []):
        raw = _text(line.value)
        raw = raw[4:] if raw.lower().startswith("tel:") else raw
        raw = _with_extension(raw)
        for where in ((abroad, region) if abroad else (region,)):
            try:
                phones.append(parse_phone(raw, where, _phone_kind(line)))
                break
            except ValidationError:
                pass
        else:
            unread.append((raw, _phone_kind(line)))
    # A local number on a card whose other numbers are from another country (a friend abroad
    # saved "030 765432" beside "+49 30 …") is read in that country.
    card_regions = [p.region for p in phones if not p.is_short and p.region != region]
    for raw, kind in unread:
        for other in card_regions[:1]:
            try:
                phones.append(parse_phone(raw, other, kind))
                break
            except ValidationError:
                pass
        else:
            notes.append(_("The phone number “{number}” could not be read and was left out.").format(number=raw[:40]))
    if len(phones) > MAX_PHONES:
        notes.append(_("Only the first {count} phone numbers were kept.").format(count=MAX_PHONES))
        phones = phones[:MAX_PHONES]
    email = ""
    for line in contents.get("email", []):
        candidate = _text(line.value)
        candidate = candidate[7:] if candidate.lower().startswith("mailto:") else candidate
        if re.match(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$", candidate):
            email = candidate
            break
        notes.append(_("The email address “{address}” could not be read and was left out.").format(address=candidate[:40]))
    address = "\n\n".join(a for a in (_address(line) for line in contents.get("adr", [])[:2]) if a)
    org = contents.get("org", [])
    organisation = _text(org[0].value) if org else ""
    note = "\n".join(str(line.value or "").strip() for line in contents.get("note", []) if str(line.value or "").strip())
    support = set()
    for line in contents.get("x-caregiver-support", []):
        for part in _text(line.value).split(","):
            kind = _enum(SupportType, part, None)
            if kind is not None:
                support.add(kind)
    last = None
    for line in contents.get("x-caregiver-last-in-touch", []):
        try:
            last = date.fromisoformat(_text(line.value))
        except ValueError:
            notes.append(_("The “last in touch” date could not be read and was left out."))
    strength = TieStrength.MODERATE
    for line in contents.get("x-caregiver-strength", []):
        strength = _enum(TieStrength, _text(line.value), strength)
    direction = SupportDirection.BOTH
    for line in contents.get("x-caregiver-direction", []):
        direction = _enum(SupportDirection, _text(line.value), direction)
    availability = " ".join(_text(line.value) for line in contents.get("x-caregiver-availability", []))
    return Contact(
        id=None,
        person_id=person_id,
        name=name[:120],
        role=role or Role.OTHER,
        organisation=organisation[:200],
        phones=tuple(phones),
        email=email,
        address=address[:1000],
        availability=availability[:200],
        notes=note[:5000],
        last_in_touch=last,
        support=frozenset(support),
        strength=strength,
        direction=direction,
    )


def read_vcards(data: bytes, person_id: int, region: str = DEFAULT_REGION) -> VCardReadResult:
    """Read every card in a vCard file (2.1, 3.0 or 4.0). Cards that cannot be read are skipped
    and reported with their position; details that cannot be read (a bad phone number) are left
    out and reported. Raises :class:`VCardFileError` when the file holds no cards at all or is
    too large (over 20 MB)."""
    if len(data) > MAX_FILE_BYTES:
        raise VCardFileError(_("This file is too large to be a contacts file (over 20 MB)."))
    _quiet_vobject()
    chunks = split_cards(decode_vcard_bytes(data))
    if not chunks:
        raise VCardFileError(_("This file has no contacts in it. A contacts file (vCard) usually ends in .vcf."))
    cards: list[CardCandidate] = []
    problems: list[CardProblem] = []
    for position, chunk in chunks:
        notes: list[str] = []
        try:
            card = vobject.readOne(chunk, ignoreUnreadable=True, allowQP=True)
            if card.name.upper() != "VCARD":
                raise ValidationError(_("This is not a contact card."))
            contact = _card_to_contact(card, person_id, region, notes)
        except ValidationError as exc:
            problems.append(CardProblem(position, "", _("Card {position} was skipped: {problem}").format(position=position, problem=exc), True))
            continue
        except Exception:  # vobject raises many kinds for a damaged card; the file goes on
            problems.append(CardProblem(position, "", _("Card {position} was skipped: it is damaged or incomplete.").format(position=position), True))
            continue
        cards.append(CardCandidate(position, contact))
        problems.extend(CardProblem(position, contact.name, _("Card {position} ({name}): {problem}").format(position=position, name=contact.name, problem=n), False) for n in notes)
    return VCardReadResult(tuple(cards), tuple(problems))


# --- duplicates -----------------------------------------------------------------------------


# --- writing --------------------------------------------------------------------------------


def _split_name(name: str) -> Name:
    family, comma, given = name.partition(",")
    if comma and family.strip() and given.strip():  # "Müller, Jürgen": family name first, as many lists write it
        return Name(family=" ".join(family.split()), given=" ".join(given.split()))
    words = name.split()
    if len(words) < 2:
        return Name(given=name)
    return Name(family=words[-1], given=" ".join(words[:-1]))


_VCARD_TYPE = {PhoneKind.MOBILE: ["CELL"], PhoneKind.HOME: ["HOME"], PhoneKind.WORK: ["WORK"], PhoneKind.OTHER: ["VOICE"]}


_GROUP_ROLES = frozenset({Role.SUPPORT_GROUP, Role.ONLINE_GROUP, Role.COMMUNITY_PROGRAM, Role.FAITH_COMMUNITY,
                          Role.CRISIS_LINE})


def is_group(contact: Contact) -> bool:
    """True for a contact that is a group, service or place rather than one person (its name is
    not split into first and last names)."""
    return contact.role in _GROUP_ROLES or (bool(contact.organisation)
                                            and contact.name.casefold() == contact.organisation.casefold())


def contact_to_vcard(contact: Contact, *, include_private: bool = False):
    """One contact as a vobject vCard 3.0 component. The ecomap's own fields (how strong the tie
    is, which way support goes, what kind, availability, last in touch) go in ``X-CAREGIVER-*``
    properties only with ``include_private``: other address books and the people a file is shared
    with have no use for them."""
    card = vobject.vCard()
    card.add("fn").value = contact.name
    group = is_group(contact)
    # A group's name is not "first name Family, last name Group": N stays empty, ORG carries the
    # name and X-ABShowAs tells address books that show it to file it as a company.
    card.add("n").value = Name() if group else _split_name(contact.name)
    if contact.organisation or group:
        card.add("org").value = [contact.organisation or contact.name]
    if group:
        card.add("x-abshowas").value = "COMPANY"
    card.add("role").value = contact.role.english_label  # a field other programs read
    card.add(X_ROLE.lower()).value = contact.role.value
    for phone in contact.phones:
        line = card.add("tel")
        # vCard 3.0's TEL is a phone number, not a URI, and vobject would escape a ";ext=" into
        # "\;ext=": the extension goes after the number the way address books print it.
        line.value = phone.number + (f" ext. {phone.extension}" if phone.extension else "")
        line.type_param = _VCARD_TYPE[phone.kind]
    if contact.email:
        line = card.add("email")
        line.value = contact.email
        line.type_param = "INTERNET"
    if contact.address:
        card.add("adr").value = Address(street=contact.address)
    if contact.notes:
        card.add("note").value = contact.notes
    if not include_private:
        return card
    card.add(X_STRENGTH.lower()).value = contact.strength.value
    card.add(X_DIRECTION.lower()).value = contact.direction.value
    if contact.support:
        card.add(X_SUPPORT.lower()).value = ",".join(t.value for t in contact.ordered_support())
    if contact.availability:
        card.add(X_AVAILABILITY.lower()).value = contact.availability
    if contact.last_in_touch is not None:
        card.add(X_LAST_IN_TOUCH.lower()).value = contact.last_in_touch.isoformat()
    return card


def export_vcards(contacts: list[Contact], *, include_private: bool = False) -> bytes:
    """The contacts as one vCard 3.0 file (UTF-8, CRLF line ends); the ecomap's own fields only
    with ``include_private`` (see :func:`contact_to_vcard`)."""
    return "".join(contact_to_vcard(c, include_private=include_private).serialize() for c in contacts).encode("utf-8")


