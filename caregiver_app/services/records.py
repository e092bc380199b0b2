"""The units of work every kind of saved record shares (check-ins, scores, contacts,
appointments, medications): delete one and hand back what it held, put a deleted one back as a
new record with the same content. Each service passes its own queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from .vault import Vault, session_of

T = TypeVar("T")


def save_row(session: Any, record: T, now: datetime, insert: Callable[[Any, T, datetime], int],
             update: Callable[[Any, T, datetime], None]) -> int:
    """In the open unit of work ``session``: add ``record`` with ``insert`` when its ``id`` is
    None, else replace the stored one with ``update`` (both stamp the UTC instant ``now``).
    Returns the record's id."""
    if record.id is None:
        return insert(session, record, now)
    update(session, record, now)
    return record.id


def delete_record(vault: Vault, record_id: int, get: Callable[[Any, int], T], delete: Callable[[Any, int], None]) -> T:
    """Delete the record ``record_id`` (read with ``get``, removed with ``delete``, one unit of
    work) and return it as it was, so the GUI can offer to put it back. Raises
    :class:`NotFoundError` when it is already gone."""
    with session_of(vault) as s:
        old = get(s, record_id)
        delete(s, record_id)
        return old


def restore_record(vault: Vault, record: T, now: datetime, insert: Callable[[Any, T, datetime], int],
                   get: Callable[[Any, int], T]) -> T:
    """Put a deleted ``record`` back as a new record with the same content (``insert`` stamps it
    at the UTC instant ``now``); returns it as stored."""
    with session_of(vault) as s:
        return get(s, insert(s, replace(record, id=None), now))
