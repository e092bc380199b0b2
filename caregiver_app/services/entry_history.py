"""Undo and redo for journal entries: take an entry out (keeping everything needed to put it
back, doses included), put it back exactly, or set it back to an earlier version. The GUI keeps
the history; these are its units of work.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import NotFoundError
from ..domain.medications import DoseRecord
from ..domain.model import JournalEntry
from ..storage import repo_journal_more as more
from ..storage import repo_search as rs
from ..storage import repositories as repo
from .clock import Clock, utc_now
from .vault import Vault


@dataclass(frozen=True)
class Removed:
    """An entry as it was just before it was taken out, with the doses recorded in it."""

    entry: JournalEntry
    doses: tuple[DoseRecord, ...] = ()


def take_out(vault: Vault, entry_id: int) -> Removed:
    """Delete entry ``entry_id`` (and its doses); return what it held. Raises
    :class:`NotFoundError` when it is already gone."""
    with vault.session() as s:
        old = repo.get_entry(s, entry_id)
        doses = tuple(more.doses_for_entry(s, entry_id))
        repo.delete_entry(s, entry_id)
        return Removed(old, doses)


def put_back(vault: Vault, removed: Removed, *, clock: Clock = utc_now) -> JournalEntry:
    """Insert the entry again as it was — under its old id when that id is still free, else under
    a new one (check ``.id``) — with its doses, leaving out doses of medications deleted since.
    One unit of work: all of it or nothing."""
    entry = removed.entry
    with vault.session() as s:
        repo.get_person_row(s, entry.person_id)
        new_id = rs.insert_entry_keeping_id(s, entry, clock())
        if removed.doses:
            kept = {m.id for m in more.list_medications(s, entry.person_id)}
            more.set_entry_doses(s, new_id, entry.person_id, [d for d in removed.doses if d.medication_id in kept])
        return repo.get_entry(s, new_id)


def set_to(vault: Vault, entry: JournalEntry, *, clock: Clock = utc_now) -> JournalEntry:
    """Make the stored entry ``entry.id`` hold exactly ``entry``'s own fields again (its doses
    stay as they are). Raises :class:`NotFoundError` when it is no longer in the journal."""
    if entry.id is None:
        raise NotFoundError("That entry is no longer in the journal.")
    with vault.session() as s:
        repo.update_entry(s, entry, clock())
        return repo.get_entry(s, entry.id)
