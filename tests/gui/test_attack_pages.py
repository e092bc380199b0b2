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


def test_esc_while_the_passphrase_changes_does_not_hide_a_change_that_still_happens(qtbot, context, vault,
                                                                                     monkeypatch):
    """Esc (or the window's close button) during "Changing your passphrase" closed the dialog as
    if cancelled, yet the change went on: the old passphrase stopped working without a word."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog
    from support import PASSPHRASE

    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.gui.vault.key_dialogs import ChangePassphraseDialog
    from caregiver_app.services import keys

    monkeypatch.setattr(Ops, "synchronous", False)
    release = threading.Event()
    real = keys.change_passphrase

    def slow_change(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(keys, "change_passphrase", slow_change)
    context.vault = vault
    dialog = ChangePassphraseDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    new = "violet tractor sings quietly"
    dialog.secret.edit.setText(PASSPHRASE)
    dialog.new_edit.setText(new)
    dialog.confirm_edit.setText(new)
    dialog.accept()
    assert dialog.busy
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible(), "closed while the change was still being made"
    release.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    qtbot.waitUntil(lambda: not context.ops.busy, timeout=5000)
