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
