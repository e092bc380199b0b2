"""PHQ-9 and GAD-7 results through a real encrypted vault, and what the visit summary asks for."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import Recorder
from caregiver_app.domain.scores import Instrument
from caregiver_app.services import scores
from caregiver_app.services.scores import ScoreDraft
from caregiver_app.services.vault import session_of

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def save(vault, person, instrument, day, answers, **kw):
    return scores.save_score(vault, ScoreDraft(person.id, instrument, day, tuple(answers), **kw), clock=lambda: NOW)


def test_save_list_and_correct(vault, person):
    first = save(vault, person, Instrument.PHQ9, date(2026, 11, 1), [2, 2, 2, 2, 2, 2, 1, 1, 0],
                 recorded_by=Recorder.family("Ana"), note="on paper at the clinic")
    assert first.total == 14 and first.band.label == "moderate" and not first.flag_for_visit
    assert first.recorded_by == Recorder.family("Ana")
    fixed = save(vault, person, Instrument.PHQ9, date(2026, 11, 1), [2, 2, 2, 2, 2, 2, 1, 1, 1], score_id=first.id)
    assert fixed.id == first.id and fixed.total == 15 and fixed.flag_for_visit  # item 9 above 0
    assert [r.total for r in scores.list_scores(vault, person.id)] == [15]


def test_unanswered_items_are_refused_and_nothing_is_saved(vault, person):
    with pytest.raises(ValidationError, match="item 4"):
        save(vault, person, Instrument.GAD7, date(2026, 11, 1), [1, 1, 1, None, 1, 1, 1])
    assert scores.list_scores(vault, person.id) == []


def test_the_database_refuses_impossible_answers(vault, person):
    with pytest.raises(IntegrityError):
        with session_of(vault) as s:
            s.execute(text(
                "INSERT INTO score_result (person_id, instrument, taken_on, answers, total, recorded_by_kind, "
                "recorded_by_name, note, flag_for_visit, created_at, updated_at) VALUES "
                f"({person.id}, 'GAD-7', '2026-11-01', '1111141', 10, 'person', '', '', 0, 'x', 'x')"))


def test_scores_in_period_latest_previous_and_change(vault, person):
    save(vault, person, Instrument.PHQ9, date(2026, 9, 20), [3, 3, 2, 2, 2, 2, 2, 1, 0])  # 17, before the period
    save(vault, person, Instrument.PHQ9, date(2026, 11, 2), [2, 2, 2, 2, 1, 1, 1, 1, 1])  # 13, item 9
    save(vault, person, Instrument.PHQ9, date(2026, 11, 25), [1, 1, 1, 1, 1, 1, 1, 1, 0])  # 8
    save(vault, person, Instrument.PHQ9, date(2026, 12, 5), [0] * 9)  # after the period
    save(vault, person, Instrument.GAD7, date(2026, 11, 10), [2, 2, 2, 2, 2, 1, 1])  # 12, first ever

    trends = scores.scores_in_period(vault, person.id, date(2026, 11, 1), date(2026, 11, 30))
    assert [t.instrument for t in trends] == [Instrument.PHQ9, Instrument.GAD7]
    phq, gad = trends
    assert (phq.latest.total, phq.previous.total, phq.change, phq.results_in_period) == (8, 13, -5, 2)
    assert [f.total for f in phq.flagged] == [13]
    assert (gad.latest.total, gad.previous, gad.change) == (12, None, None)
    # the previous one may be from before the period
    only_one = scores.scores_in_period(vault, person.id, date(2026, 11, 1), date(2026, 11, 10))
    assert (only_one[0].latest.total, only_one[0].previous.total, only_one[0].change) == (13, 17, -4)
    assert scores.scores_in_period(vault, person.id, date(2026, 1, 1), date(2026, 1, 31)) == []


def test_delete_and_restore(vault, person):
    saved = save(vault, person, Instrument.GAD7, date(2026, 11, 10), [1] * 7)
    old = scores.delete_score(vault, saved.id)
    assert scores.list_scores(vault, person.id) == []
    back = scores.restore_score(vault, old, clock=lambda: NOW)
    assert back.answers == saved.answers
    assert [r.answers for r in scores.list_scores(vault, person.id)] == [saved.answers]
