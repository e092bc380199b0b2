"""vCard files applied to the vault: cards that look like contacts already kept (same name or
same phone number) found so the family can decide, merged or added in one transaction, and
contacts files read and saved. Reading and writing the format itself is
:mod:`caregiver_app.importers.vcard`."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..i18n import N_, _
from ..domain.network import MAX_PHONES, Contact, Role
from ..importers.vcard import MAX_FILE_BYTES, CardCandidate, export_vcards
from ..storage.repos import network as repo
from ..storage.repos import people as people_repo
from .clock import Clock, utc_now
from .user_files import read_chosen_file, save_export
from .vault import Vault, session_of


def name_key(name: str) -> tuple[str, ...]:
    """A name reduced for comparison: no accents, no case, no punctuation, words in any order
    (so “Müller, Jürgen” matches “jurgen muller”)."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    words = re.findall(r"\w+", plain)
    return tuple(sorted(words))


@dataclass(frozen=True)
class DuplicatePair:
    """Card ``candidate_index`` (index into the read cards) looks like an existing contact
    (``existing``) or like an earlier card in the same file (``earlier_index``). ``reasons`` are
    plain words ("same name", "same phone number")."""

    candidate_index: int
    existing: Contact | None
    earlier_index: int | None
    reasons: tuple[str, ...]


def _match_reasons(a: Contact, b: Contact) -> tuple[str, ...]:
    reasons = []
    if name_key(a.name) and name_key(a.name) == name_key(b.name):
        reasons.append(_("same name"))
    if {p.number for p in a.phones} & {p.number for p in b.phones}:
        reasons.append(_("same phone number"))
    return tuple(reasons)


class _FirstByKey:
    """For each name key and each phone number, the first item (lowest index) that has it."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], int] = {}
        self.phones: dict[str, int] = {}

    def add(self, index: int, contact: Contact) -> None:
        key = name_key(contact.name)
        if key:
            self.names.setdefault(key, index)
        for phone in contact.phones:
            self.phones.setdefault(phone.number, index)

    def first_match(self, contact: Contact) -> int | None:
        key = name_key(contact.name)
        found = [self.names[key]] if key and key in self.names else []
        found += [self.phones[p.number] for p in contact.phones if p.number in self.phones]
        return min(found) if found else None


def find_duplicates(existing: list[Contact], cards: tuple[CardCandidate, ...] | list[CardCandidate]) -> list[DuplicatePair]:
    """Each card that matches a kept contact (first match) or, failing that, an earlier card in
    the same file, by name (see :func:`name_key`) or by a shared phone number.

    Near-linear: contacts and cards are looked up by their name key and phone numbers (the only
    things that make a match), so 10,000 cards take moments instead of comparing every pair."""
    kept = _FirstByKey()
    for index, contact in enumerate(existing):
        kept.add(index, contact)
    earlier = _FirstByKey()
    pairs = []
    for i, card in enumerate(cards):
        k = kept.first_match(card.contact)
        if k is not None:
            pairs.append(DuplicatePair(i, existing[k], None, _match_reasons(card.contact, existing[k])))
        else:
            j = earlier.first_match(card.contact)
            if j is not None:
                pairs.append(DuplicatePair(i, None, j, _match_reasons(card.contact, cards[j].contact)))
        earlier.add(i, card.contact)
    return pairs


def merge_contacts(base: Contact, incoming: Contact) -> Contact:
    """``base`` with the gaps filled from ``incoming``: empty fields taken over, phone numbers
    and support types joined, notes added when new, the later last-in-touch date kept."""
    phones = list(base.phones)
    for p in incoming.phones:
        if all(p.number != q.number for q in phones) and len(phones) < MAX_PHONES:
            phones.append(p)
    notes = base.notes
    if incoming.notes and incoming.notes not in notes:
        notes = f"{notes}\n\n{incoming.notes}" if notes else incoming.notes
    dates = [d for d in (base.last_in_touch, incoming.last_in_touch) if d is not None]
    return replace(
        base,
        role=base.role if base.role is not Role.OTHER else incoming.role,
        organisation=base.organisation or incoming.organisation,
        phones=tuple(phones),
        email=base.email or incoming.email,
        address=base.address or incoming.address,
        availability=base.availability or incoming.availability,
        notes=notes[:5000],
        last_in_touch=max(dates) if dates else None,
        support=base.support | incoming.support,
    )


class Decision(enum.Enum):
    """What to do with a card that looks like a duplicate."""

    MERGE = "merge"
    KEEP_BOTH = "keep_both"
    SKIP = "skip"


@dataclass(frozen=True)
class ImportOutcome:
    added: int
    merged: int
    skipped: int


def import_cards(
    vault: Vault,
    person_id: int,
    cards: tuple[CardCandidate, ...] | list[CardCandidate],
    decisions: dict[int, Decision] | None = None,
    *,
    clock: Clock = utc_now,
) -> ImportOutcome:
    """Save read cards for ``person_id`` in one transaction (all or nothing). ``decisions`` maps
    a card's index to what to do with it when it is a duplicate; a duplicate without a decision
    is skipped, so nothing is ever silently doubled. Duplicates are found again here, against
    the contacts as they are now. Raises :class:`NotFoundError` when the person is gone."""
    decisions = decisions or {}
    now = clock()
    added = merged = skipped = 0
    with session_of(vault) as s:
        people_repo.get_person_row(s, person_id)
        existing = repo.list_contacts(s, person_id)
        pairs = {p.candidate_index: p for p in find_duplicates(existing, cards)}
        saved_ids: dict[int, int] = {}
        for i, card in enumerate(cards):
            contact = replace(card.contact, person_id=person_id, id=None, position=None)
            pair = pairs.get(i)
            choice = decisions.get(i, Decision.SKIP) if pair is not None else Decision.KEEP_BOTH
            if choice is Decision.SKIP:
                skipped += 1
                continue
            if choice is Decision.MERGE:
                target_id = pair.existing.id if pair.existing is not None else saved_ids.get(pair.earlier_index)
                if target_id is not None:
                    current = repo.get_contact(s, target_id)
                    repo.update_contact(s, merge_contacts(current, contact), now)
                    saved_ids[i] = target_id
                    merged += 1
                    continue
            saved_ids[i] = repo.insert_contact(s, contact, now)
            added += 1
    return ImportOutcome(added, merged, skipped)


def read_contacts_file(path: Path) -> bytes:
    """The bytes of a contacts file chosen for import (ordinary files only, at most 20 MB read).
    Raises :class:`ValidationError` in plain words."""
    return read_chosen_file(path, max_bytes=MAX_FILE_BYTES,
                            too_large=N_("This file is too large to be a contacts file (over 20 MB)."))


def save_vcards(contacts: list[Contact], path: Path) -> Path:
    """Write :func:`export_vcards` to ``path`` with the one private writer (atomic, mode 0600;
    ``.vcf`` added when the name has no suffix). Raises :class:`ValidationError` in plain words."""
    path = Path(path)
    return save_export(path if path.suffix else path.with_suffix(".vcf"), export_vcards(contacts), what=N_("the contacts"))


def default_filename(today: date) -> str:
    """A generic file name for an export (no names in it), e.g. ``contacts-2026-11-30.vcf``."""
    return f"contacts-{today.isoformat()}.vcf"
