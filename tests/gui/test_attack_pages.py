"""Attack-pages findings: each test failed before its fix."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caregiver_app.gui.visits.summary_page import SummaryPage
from caregiver_app.services import people
from caregiver_app.services import summary as summary_service

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@pytest.fixture
def ctx(context, vault):
    context.vault = vault
    context.clock = lambda: NOW
    return context


def test_questions_typed_for_one_person_do_not_follow_to_the_next(qtbot, ctx, person):
    """Questions for Sam's doctor must not show (and be saved) on Alex's summary."""
    alex = people.add_person(ctx.vault, "Alex Kim")
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_person(person)
    page.questions_edit.setPlainText("Is Sam's lithium dose right?")
    page.refresh_preview()
    assert summary_service.saved_choices(ctx.vault, person.id).questions == ("Is Sam's lithium dose right?",)

    page.set_person(alex)
    assert page.questions() == ()
    saved = summary_service.saved_choices(ctx.vault, alex.id)
    assert saved is None or saved.questions == ()
    assert "lithium" not in page.preview_label.text()

    page.set_person(person)  # Sam's own questions come back
    assert page.questions() == ("Is Sam's lithium dose right?",)
