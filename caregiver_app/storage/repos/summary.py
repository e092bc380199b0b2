"""The visit summary's remembered choices, one JSON payload per person."""

from __future__ import annotations

import json
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


def forget_entries(session, person_id: int, entry_ids) -> None:
    """Take ``entry_ids`` (entries just deleted) out of the person's remembered leave-outs: the
    database gives a deleted entry's number to the next new entry, which must not inherit it."""
    row = session.get(SummaryChoiceRow, person_id)
    gone = set(entry_ids)
    if row is None or not gone:
        return
    try:
        data = json.loads(row.payload)
        kept = [i for i in data.get("entry_ids", []) if int(i) not in gone]
    except (ValueError, TypeError, AttributeError):
        return  # unreadable choices are not used anyway (the defaults are)
    if len(kept) != len(data.get("entry_ids", [])):
        data["entry_ids"] = kept
        row.payload = json.dumps(data, ensure_ascii=False)
