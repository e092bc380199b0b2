"""The people cared for in a vault."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..i18n import _
from ..domain.errors import NotFoundError, ValidationError
from ..domain.model import Person, name_key
from ..storage.repos import people as people_repo
from ..storage.repos import settings as settings_repo
from ..storage.rows.people import PersonRow
from .clock import Clock, utc_now
from .vault import Vault, session_of

LAST_PERSON_KEY = "last_person_id"
ARCHIVED_KEY = "archived_people"


def list_people(vault: Vault, *, include_archived: bool = False) -> list[Person]:
    """Everyone in the vault, by name; people removed with :func:`archive_person` only when
    ``include_archived``."""
    with session_of(vault) as s:
        everyone = people_repo.list_people(s)
        hidden = set() if include_archived else _archived_ids(s)
    return [p for p in everyone if p.id not in hidden]


def archived_people(vault: Vault) -> list[Person]:
    """The people removed from the switcher (their records are all kept), by name."""
    with session_of(vault) as s:
        hidden = _archived_ids(s)
        return [p for p in people_repo.list_people(s) if p.id in hidden]


def archive_person(vault: Vault, person_id: int) -> Person:
    """Remove a person from the switcher and the lists. Nothing is deleted: every entry, plan and
    contact stays in the vault and :func:`restore_person` brings them back. Raises
    :class:`NotFoundError` when the person is gone."""
    with session_of(vault) as s:
        person = people_repo.person_from_row(people_repo.get_person_row(s, person_id))
        settings_repo.set_setting(s, ARCHIVED_KEY, json.dumps(sorted(_archived_ids(s) | {person_id})))
        if settings_repo.get_setting(s, LAST_PERSON_KEY) == str(person_id):
            settings_repo.set_setting(s, LAST_PERSON_KEY, "")
        return person


def restore_person(vault: Vault, person_id: int) -> Person:
    """Bring an archived person back to the switcher. Raises :class:`NotFoundError` when gone."""
    with session_of(vault) as s:
        person = people_repo.person_from_row(people_repo.get_person_row(s, person_id))
        settings_repo.set_setting(s, ARCHIVED_KEY, json.dumps(sorted(_archived_ids(s) - {person_id})))
        return person


def last_person_id(vault: Vault) -> int | None:
    """The person chosen last in the switcher (None when unknown, removed or archived)."""
    with session_of(vault) as s:
        text = settings_repo.get_setting(s, LAST_PERSON_KEY)
        hidden = _archived_ids(s)
    return int(text) if text.isdigit() and int(text) not in hidden else None


def remember_last_person(vault: Vault, person_id: int) -> None:
    """Remember the person chosen in the switcher, inside the encrypted vault (so the next start
    opens on them; the settings file never learns who is cared for)."""
    with session_of(vault) as s:
        if settings_repo.get_setting(s, LAST_PERSON_KEY) != str(person_id):
            settings_repo.set_setting(s, LAST_PERSON_KEY, str(person_id))


def _archived_ids(session) -> set[int]:
    # Kept as a vault setting rather than a column so no schema migration is needed; a damaged
    # value shows everyone rather than hiding anyone.
    try:
        values = json.loads(settings_repo.get_setting(session, ARCHIVED_KEY) or "[]")
    except ValueError:
        return set()
    return {v for v in values if isinstance(v, int)} if isinstance(values, list) else set()


def find_person(vault: Vault, name: str) -> Person | None:
    """The person whose name matches ``name`` ignoring case and outer spaces (archived people
    too, so an import never makes a second person of the same name), or None."""
    key = name_key(" ".join(name.split()))
    return next((p for p in list_people(vault, include_archived=True) if name_key(p.display_name) == key), None)


def add_person(
    vault: Vault, name: str, birth_date: date | None = None, notes: str = "", *, clock: Clock = utc_now
) -> Person:
    """Add someone to care for. Raises :class:`ValidationError` for an empty or already-used name."""
    person = Person(None, name, birth_date, notes)
    with session_of(vault) as s:
        if any(name_key(p.display_name) == name_key(person.display_name) for p in people_repo.list_people(s)):
            raise ValidationError(_("There is already someone called {name} in this vault.").format(name=person.display_name),
                                  field="name")
        return people_repo.add_person(s, person, clock())


def get_person(vault: Vault, person_id: int) -> Person:
    """Raises :class:`NotFoundError` when the person is gone."""
    with session_of(vault) as s:
        return people_repo.person_from_row(people_repo.get_person_row(s, person_id))


def rename_person(vault: Vault, person_id: int, name: str) -> Person:
    """Change a person's display name (unique in the vault)."""
    cleaned = Person(person_id, name).display_name
    with session_of(vault) as s:
        row = s.get(PersonRow, person_id)
        if row is None:
            raise NotFoundError(_("That person is no longer in this vault."))
        clash = s.scalars(select(PersonRow).where(PersonRow.id != person_id)).all()
        if any(name_key(r.display_name) == name_key(cleaned) for r in clash):
            raise ValidationError(_("There is already someone called {name} in this vault.").format(name=cleaned))
        row.display_name = cleaned
        return people_repo.person_from_row(row)


PREPARER_KEY = "preparer_name"


def preparer_name(vault: Vault) -> str:
    """The name printed as "prepared by" on visit summaries ('' when not set)."""
    with session_of(vault) as s:
        return settings_repo.get_setting(s, PREPARER_KEY)


def set_preparer_name(vault: Vault, name: str) -> None:
    """Remember who prepares visit summaries (kept inside the encrypted database)."""
    cleaned = " ".join(name.split())
    if len(cleaned) > 120:
        raise ValidationError(_("A name can be at most 120 characters."))
    with session_of(vault) as s:
        settings_repo.set_setting(s, PREPARER_KEY, cleaned)


PREPARER_RELATIONSHIP_KEY = "preparer_relationship"
PREPARER_PHONE_KEY = "preparer_phone"
RELATIONSHIP_MAX = 60


@dataclass(frozen=True)
class Preparer:
    """Who prepares visit summaries: a name, a relationship ("wife", "son") and a phone number
    written for reading (national format in the user's country, international otherwise); each
    '' when not set. Kept only inside the encrypted database: these are personal data."""

    name: str = ""
    relationship: str = ""
    phone: str = ""


def preparer_phone_text(text: str, region: str) -> str:
    """``text`` as a phone number written for reading ('' for blank). ``region`` is the two-letter
    country local numbers are read in ('' means only +numbers work). Raises
    :class:`ValidationError` in plain words when it is not a real number."""
    from ..domain import phone_numbers  # pulls in the phone data; only load it when a number is typed

    if not text.strip():
        return ""
    return phone_numbers.format_phone(phone_numbers.parse_phone(text, region), region)


def preparer(vault: Vault) -> Preparer:
    """The preparer printed on visit summaries (empty fields when not set)."""
    with session_of(vault) as s:
        return Preparer(settings_repo.get_setting(s, PREPARER_KEY), settings_repo.get_setting(s, PREPARER_RELATIONSHIP_KEY),
                        settings_repo.get_setting(s, PREPARER_PHONE_KEY))


def set_preparer(vault: Vault, name: str, relationship: str = "", phone: str = "", region: str = "") -> Preparer:
    """Remember the preparer inside the encrypted database, all three or none. ``phone`` is checked
    and written for reading in ``region`` (see :func:`preparer_phone_text`). Returns what was kept.
    Raises :class:`ValidationError` for a name over 120 or a relationship over 60 characters, or a
    phone that is not a real number."""
    cleaned = Preparer(" ".join(name.split()), " ".join(relationship.split()), preparer_phone_text(phone, region))
    if len(cleaned.name) > 120:
        raise ValidationError(_("A name can be at most 120 characters."))
    if len(cleaned.relationship) > RELATIONSHIP_MAX:
        raise ValidationError(_("The relationship can be at most {count} characters, like “wife” or “son”.").format(count=RELATIONSHIP_MAX))
    with session_of(vault) as s:
        settings_repo.set_setting(s, PREPARER_KEY, cleaned.name)
        settings_repo.set_setting(s, PREPARER_RELATIONSHIP_KEY, cleaned.relationship)
        settings_repo.set_setting(s, PREPARER_PHONE_KEY, cleaned.phone)
    return cleaned
