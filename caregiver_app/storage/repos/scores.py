"""Queries for scored questionnaires."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.copying import same_fields
from ...domain.model import Recorder
from ...domain.scores import Instrument, ScoreResult
from ..rows.scores import ScoreRow
from ...i18n import N_
from .base import delete_row, existing, insert_row, update_row


def score_from_row(row: ScoreRow) -> ScoreResult:
    return same_fields(
        ScoreResult, row,
        instrument=Instrument(row.instrument),
        answers=tuple(int(ch) for ch in row.answers),
        recorded_by=Recorder.stored(row.recorded_by_kind, row.recorded_by_name),
    )


def _score_values(score: ScoreResult) -> dict:
    return {
        "person_id": score.person_id,
        "instrument": score.instrument.value,
        "taken_on": score.taken_on,
        "answers": "".join(str(a) for a in score.answers),
        "total": score.total,
        "recorded_by_kind": score.recorded_by.kind.value,
        "recorded_by_name": score.recorded_by.name,
        "note": score.note,
        "flag_for_visit": score.flag_for_visit,
    }


_MISSING = N_("That score is no longer in the journal.")


def insert_score(session: Session, score: ScoreResult, now: datetime) -> int:
    return insert_row(session, ScoreRow, _score_values(score), now)


def update_score(session: Session, score: ScoreResult, now: datetime) -> None:
    update_row(existing(session, ScoreRow, score.id, _MISSING, person_id=score.person_id), _score_values(score), now)
    session.flush()


def get_score(session: Session, score_id: int) -> ScoreResult:
    return score_from_row(existing(session, ScoreRow, score_id, _MISSING))


def delete_score(session: Session, score_id: int) -> None:
    delete_row(session, ScoreRow, score_id, _MISSING)


def list_scores(session: Session, person_id: int, instrument: Instrument | None = None,
                before: date | None = None, until: date | None = None) -> list[ScoreResult]:
    """Scores oldest first (by local date, then the order they were saved). ``until`` keeps those
    on or before that date; ``before`` those strictly before it."""
    stmt = select(ScoreRow).where(ScoreRow.person_id == person_id)
    if instrument is not None:
        stmt = stmt.where(ScoreRow.instrument == instrument.value)
    if before is not None:
        stmt = stmt.where(ScoreRow.taken_on < before)
    if until is not None:
        stmt = stmt.where(ScoreRow.taken_on <= until)
    rows = session.scalars(stmt.order_by(ScoreRow.taken_on, ScoreRow.id))
    return [score_from_row(r) for r in rows]
