"""Standard scores (PHQ-9, GAD-7) recorded from the official forms.

Scoring and bands: ``caregiver_app.domain.scores`` (PHQ-9 per Kroenke, Spitzer & Williams 2001;
GAD-7 per Spitzer et al. 2006). Dates are local calendar dates. For the visit summary:
:func:`scores_in_period`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.copying import same_fields
from ..domain.model import Recorder
from ..domain.scores import Instrument, ScoreResult, ScoreTrend
from ..storage.repos import people as people_repo
from ..storage.repos import scores as scores_repo
from .clock import Clock, utc_now
from .records import delete_record, restore_record, save_row
from .vault import Vault, session_of


@dataclass(frozen=True)
class ScoreDraft:
    """What the score form collects: item answers 0–3 in order (None for an unanswered item,
    which is refused on save), the local date the form was filled in, who recorded it."""

    person_id: int
    instrument: Instrument
    taken_on: date
    answers: tuple[int | None, ...]
    recorded_by: Recorder = Recorder()
    note: str = ""
    flag_for_visit: bool = False
    score_id: int | None = None


def score_from_draft(draft: ScoreDraft) -> ScoreResult:
    """Check a draft. Raises :class:`ValidationError` naming the first unanswered item."""
    return same_fields(
        ScoreResult, draft,
        id=draft.score_id,
        answers=tuple(draft.answers),  # unanswered items (None) are refused by ScoreResult
        note=draft.note.strip("\n\r "),
    )


def save_score(vault: Vault, draft: ScoreDraft, *, clock: Clock = utc_now) -> ScoreResult:
    """Save a new result (``score_id`` None) or correct one. A PHQ-9 with item 9 above 0 is always
    flagged for the next visit. Returns it as stored."""
    score = score_from_draft(draft)
    now = clock()
    with session_of(vault) as s:
        people_repo.get_person_row(s, score.person_id)
        return scores_repo.get_score(s, save_row(s, score, now, scores_repo.insert_score, scores_repo.update_score))


def delete_score(vault: Vault, score_id: int) -> ScoreResult:
    """Delete a result; returns it as it was."""
    return delete_record(vault, score_id, scores_repo.get_score, scores_repo.delete_score)


def restore_score(vault: Vault, score: ScoreResult, *, clock: Clock = utc_now) -> ScoreResult:
    """Put a deleted result back (as a new record with the same content)."""
    return restore_record(vault, score, clock(), scores_repo.insert_score, scores_repo.get_score)


def list_scores(vault: Vault, person_id: int, instrument: Instrument | None = None) -> list[ScoreResult]:
    """Every result of the person (one questionnaire, or both), oldest first."""
    with session_of(vault) as s:
        return scores_repo.list_scores(s, person_id, instrument)


def scores_in_period(vault: Vault, person_id: int, start: date, end: date) -> list[ScoreTrend]:
    """Per questionnaire with at least one result on local dates ``start``..``end`` (inclusive):
    the latest result in the period, the one before it (which may be from before the period), the
    number of results in the period, and the flagged ones in the period (PHQ-9 item 9 above 0 or
    flagged by the user). PHQ-9 first, then GAD-7."""
    trends: list[ScoreTrend] = []
    with session_of(vault) as s:
        for instrument in Instrument:
            upto = scores_repo.list_scores(s, person_id, instrument, until=end)
            in_period = [r for r in upto if r.taken_on >= start]
            if not in_period:
                continue
            latest = in_period[-1]
            previous = upto[-2] if len(upto) >= 2 else None
            trends.append(
                ScoreTrend(instrument, latest, previous, len(in_period), tuple(r for r in in_period if r.flag_for_visit))
            )
    return trends
