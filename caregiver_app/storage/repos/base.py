"""What every concept's queries share: a row by id or a plain-words :class:`NotFoundError`, and
writing a row's values."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from ...domain.errors import NotFoundError

R = TypeVar("R")


def existing(session: Session, row_type: type[R], row_id: object, missing: str, *, options=(),
             person_id: int | None = None) -> R:
    """The row ``row_id`` of ``row_type``. Raises :class:`NotFoundError` with the words
    ``missing`` when it is gone (or, with ``person_id``, belongs to someone else)."""
    row = session.get(row_type, row_id, options=list(options)) if options else session.get(row_type, row_id)
    if row is None or (person_id is not None and row.person_id != person_id):
        raise NotFoundError(missing)
    return row


def add_row(session: Session, row) -> int:
    """Add ``row`` (and the rows it holds) and return its new id."""
    session.add(row)
    session.flush()
    return row.id


def insert_row(session: Session, row_type: type, values: dict, now: datetime) -> int:
    """Add a row of ``row_type`` with ``values``, stamped created and updated at the UTC instant
    ``now``; returns its new id."""
    return add_row(session, row_type(**values, created_at=now, updated_at=now))


def update_row(row, values: dict, now: datetime) -> None:
    """Set ``values`` on ``row`` and stamp it updated at the UTC instant ``now``."""
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_at = now


def delete_row(session: Session, row_type: type, row_id: object, missing: str) -> None:
    """Delete the row ``row_id`` of ``row_type`` (:class:`NotFoundError` with ``missing`` when gone)."""
    remove(session, existing(session, row_type, row_id, missing))


def remove(session: Session, row) -> None:
    """Delete ``row`` (and, through the cascades, the rows it holds)."""
    session.delete(row)
    session.flush()
