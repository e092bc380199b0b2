"""The visit summary's remembered choices, one JSON payload per person."""

from __future__ import annotations

from datetime import datetime

from ..rows.summary import SummaryChoiceRow


def get_choice(session, person_id: int) -> str | None:
    """The saved JSON for the person, or None."""
    row = session.get(SummaryChoiceRow, person_id)
    return row.payload if row is not None else None


def put_choice(session, person_id: int, payload: str, now: datetime) -> None:
    """Save (or replace) the person's JSON."""
    row = session.get(SummaryChoiceRow, person_id)
    if row is None:
        session.add(SummaryChoiceRow(person_id=person_id, payload=payload, saved_at=now))
    else:
        row.payload, row.saved_at = payload, now
