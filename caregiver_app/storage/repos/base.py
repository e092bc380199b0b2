"""What every concept's queries share: a row by id or a plain-words :class:`NotFoundError`,
writing a row's values, and the by-id steps of a person's record kept in one row."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from ...domain.errors import NotFoundError
from ...i18n import _

R = TypeVar("R")
T = TypeVar("T")


def existing(session: Session, row_type: type[R], row_id: object, missing: str, *, options=(),
             person_id: int | None = None) -> R:
    """The row ``row_id`` of ``row_type``. Raises :class:`NotFoundError` with the words
    ``missing`` (marked with ``N_``, translated here) when it is gone (or, with ``person_id``,
    belongs to someone else)."""
    row = session.get(row_type, row_id, options=list(options)) if options else session.get(row_type, row_id)
    if row is None or (person_id is not None and row.person_id != person_id):
        raise NotFoundError(_(missing))
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


class PersonRecordRows(Generic[R, T]):
    """Get, add, replace and delete one kind of a person's record (``T``, with ``id`` and
    ``person_id``) stored in a row of ``row_type``. ``to_record`` reads a row; ``fill(row, record,
    now)`` writes every field but the owner and the created stamp, and stamps updated at the UTC
    instant ``now``. A missing id raises :class:`NotFoundError` with the words ``missing``."""

    def __init__(self, row_type: type[R], missing: str, to_record: Callable[[R], T],
                 fill: Callable[[R, T, datetime], None]):
        self.row_type, self.missing, self.to_record, self.fill = row_type, missing, to_record, fill

    def row(self, session: Session, record_id: int) -> R:
        return existing(session, self.row_type, record_id, self.missing)

    def get(self, session: Session, record_id: int) -> T:
        return self.to_record(self.row(session, record_id))

    def insert(self, session: Session, record: Any, now: datetime) -> int:
        row = self.row_type(person_id=record.person_id, created_at=now)
        self.fill(row, record, now)
        return add_row(session, row)

    def update(self, session: Session, record: Any, now: datetime) -> None:
        self.fill(self.row(session, record.id), record, now)
        session.flush()

    def delete(self, session: Session, record_id: int) -> None:
        remove(session, self.row(session, record_id))


def insert_many(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                same: Mapping[str, Any] | None = None) -> None:
    """Insert ``rows`` (tuples of values in ``columns`` order) into ``table`` with one
    ``executemany`` in the session's transaction; ``same`` holds values every row shares (such as
    ``created_at``), converted once. Each value goes through its column type's bind processing,
    as in a Core insert (instants become stored UTC text, dates ISO text), but without Core's
    per-row parameter bookkeeping, which costs more than SQLite itself on tens of thousands of
    rows. For bulk paths only; constraints and triggers apply as to any insert."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    same = dict(same or {})
    names = [*columns, *same]

    def processor(name: str):
        return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)

    shared = [value if (process := processor(name)) is None else process(value) for name, value in same.items()]
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    position = [names.index(name) for name in compiled.positiontup or ()]  # the statement's own order
    steps = [(at, process) for at, i in enumerate(position) if i < len(columns) and (process := processor(names[i]))]
    reorder = position != list(range(len(names)))
    if not steps and not reorder:  # nothing to convert (ids, gids, plain numbers): no per-row work
        if shared:
            params = [(*row, *shared) for row in rows]
        else:  # the driver takes a list of tuples as it is
            params = rows if isinstance(rows, list) and isinstance(rows[0], tuple) else [tuple(row) for row in rows]
        connection.exec_driver_sql(compiled.string, params)
        return
    params = []
    for row in rows:
        value = [*row, *shared]
        if reorder:
            value = [value[i] for i in position]
        for at, process in steps:
            value[at] = process(value[at])
        params.append(tuple(value))
    connection.exec_driver_sql(compiled.string, params)
