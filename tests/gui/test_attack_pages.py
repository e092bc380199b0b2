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


def test_a_new_time_format_shows_at_once_on_the_appointments_page_on_screen(qtbot, context, vault, person, modals,
                                                                             request):
    """Settings is a modal dialog: the page under it gets no new show event, so it must be told."""
    from caregiver_app.domain.network import Contact, Role
    from caregiver_app.gui.app import create_main_window
    from caregiver_app.gui.settings_dialog import SettingsDialog
    from caregiver_app.services import appointments as appointment_service
    from caregiver_app.services import network as cs

    context.vault = vault
    context.clock = lambda: NOW
    context.settings.time_zone = "America/New_York"
    context.settings.time_format = "24h"
    from caregiver_app.gui.common import formatting
    formatting.follow_time_format(lambda: context.settings.time_format)  # what the app does at start
    request.addfinalizer(lambda: formatting.follow_time_format(lambda: "system"))
    doctor = cs.save_contact(vault, Contact(None, person.id, "Dr. Ana Li", Role.PSYCHIATRIST))
    window = create_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    index = window.page_titles().index("Appointments")
    window.show_page(index)
    page = window.page_widgets()[index]

    def plan(dialog):
        dialog.provider_box.setCurrentIndex(dialog.provider_box.findData(doctor.id))
        from PySide6.QtCore import QDate, QTime
        dialog.date_edit.setDate(QDate(2026, 12, 8))
        dialog.time_edit.setTime(QTime(14, 0))
        dialog.accept()
        return dialog.result()

    modals.expect(handler=plan)
    page.new_button.click()
    assert "14:00" in page.upcoming.item(0).text()

    def twelve_hours(dialog: SettingsDialog):
        dialog.time_combo.setCurrentIndex(dialog.time_combo.findData("12h"))
        dialog.accept()
        return 1

    modals.expect(handler=twelve_hours)
    window.settings_action.trigger()
    assert context.settings.time_format == "12h"
    assert "14:00" not in page.upcoming.item(0).text(), page.upcoming.item(0).text()


def test_a_new_country_rebuilds_the_summary_preview_on_screen(qtbot, context, vault, person, modals):
    """The preview on screen showed the old country's crisis lines after Settings; Save then
    quietly built a different PDF from the one previewed. The paper stayed Letter in Spain."""
    from caregiver_app.gui.app import create_main_window
    from caregiver_app.gui.settings_dialog import SettingsDialog

    context.vault = vault
    context.clock = lambda: NOW
    window = create_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    index = window.page_titles().index("Visit summary")
    window.show_page(index)
    page = window.page_widgets()[index]
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=10_000)
    before = page.pdf_bytes()

    def spain(dialog: SettingsDialog):
        dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("ES"))
        dialog.accept()
        return 1

    modals.expect(handler=spain)
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None and page.pdf_bytes() != before, timeout=10_000)
    assert page._pdf_key == page._key()
    assert page.paper() == "a4"  # the paper follows the country (Settings says so)


def test_save_pdf_after_typing_a_question_saves_once_the_new_preview_is_made(qtbot, ctx, person, modals, tmp_path,
                                                                            monkeypatch):
    """With real threads, Save PDF after typing a question only started a new preview: no file
    chooser, no file, no word; the person had to find out and press Save again."""
    from pypdf import PdfReader

    from caregiver_app.gui.common.ops import Ops

    monkeypatch.setattr(Ops, "synchronous", False)
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_person(person)
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None and page.save_button.isEnabled(), timeout=10_000)
    page.questions_edit.setPlainText("Could the evening dose be moved?")
    target = tmp_path / "summary.pdf"
    modals.expect(handler=lambda _dialog: (str(target), "PDF files (*.pdf)"))
    page.save_button.click()
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = " ".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert "evening dose" in " ".join(text.split())
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5000)


def test_the_contact_editor_fits_the_screen_at_large_text(qtbot, ctx, person, qapp):
    """At 1.8 times the text size it opened 1000 pixels tall: on a small screen Save and Cancel
    were below its bottom edge (its fields scroll; the dialog itself need not be that tall)."""
    from caregiver_app.gui.network.contact_editor import ContactEditor

    old = qapp.font()
    big = qapp.font()
    big.setPointSizeF(old.pointSizeF() * 1.8)
    qapp.setFont(big)
    try:
        dialog = ContactEditor(ctx, person)
        qtbot.addWidget(dialog)
        dialog.show()
        screen = dialog.screen().availableGeometry()
        assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
        assert dialog.save_button.isVisible()
    finally:
        qapp.setFont(old)


def test_a_problem_scrolls_its_field_into_view(qtbot, ctx, person, qapp):
    """A wrong email moved the cursor to the email box, but at large text that box was scrolled
    out of sight: the person read "does not look like an email address" and saw no such field."""
    from PySide6.QtWidgets import QScrollArea

    from caregiver_app.gui.network.contact_editor import ContactEditor

    old = qapp.font()
    big = qapp.font()
    big.setPointSizeF(old.pointSizeF() * 1.8)
    qapp.setFont(big)
    try:
        dialog = ContactEditor(ctx, person)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.name_edit.setText("Ann")
        dialog.email_edit.setText("not an email")
        scroll = dialog.findChild(QScrollArea)
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        dialog.accept()
        assert "email" in dialog.problem_label.text() and dialog.focusWidget() is dialog.email_edit
        top = dialog.email_edit.mapTo(scroll.viewport(), dialog.email_edit.rect().topLeft()).y()
        assert 0 <= top and top + dialog.email_edit.height() <= scroll.viewport().height()
    finally:
        qapp.setFont(old)


def test_questions_typed_just_before_a_switch_or_a_lock_are_kept_for_that_person(qtbot, ctx, person):
    alex = people.add_person(ctx.vault, "Alex Kim")
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_person(person)
    page.questions_edit.setPlainText("Is the new dose working?")  # no new preview made yet
    page.set_person(alex)
    assert page.questions() == ()
    page.set_person(person)
    assert page.questions() == ("Is the new dose working?",)

    page.questions_edit.setPlainText("Should she see a dentist?")
    page.keep_unsaved_work()  # what locking does first
    page.clear()
    page.set_person(person)
    assert page.questions() == ("Should she see a dentist?",)


def test_one_line_with_a_problem_does_not_lose_the_whole_plan_at_a_switch_or_a_lock(qtbot, ctx, person, modals):
    """A phone number typed without a name, then another person chosen: "not saved" and every
    line typed for Sam was gone, the good ones too. At a lock, the same without a word."""
    from caregiver_app.domain.plans import SafetyStep
    from caregiver_app.gui.warning_signs.plans_page import PlansPage
    from caregiver_app.services import plans

    alex = people.add_person(ctx.vault, "Alex Kim")
    page = PlansPage(ctx)
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    first = page.safety_editors[SafetyStep.WARNING_SIGNS]
    qtbot.keyClicks(first.rows[-1].text_edit, "Not sleeping for two nights")
    with_phone = next(e for step, e in page.safety_editors.items() if step.has_phone)
    qtbot.keyClicks(with_phone.rows[-1].phone_edit, "555 0100")
    seen = []
    modals.expect(handler=lambda box: seen.append(box.text()))
    page.set_person(alex)
    assert [i.text for i in plans.get_safety_plan(ctx.vault, person.id).warning_signs] == ["Not sleeping for two nights"]
    assert "555 0100" in seen[0]

    page.set_person(person)
    qtbot.keyClicks(page.relapse_editors[next(iter(page.relapse_editors))].rows[-1].text_edit, "Money worries")
    qtbot.keyClicks(with_phone.rows[-1].phone_edit, "555 0199")
    page.keep_unsaved_work()  # what locking does first
    assert plans.get_relapse_plan(ctx.vault, person.id) is not None
    assert "Money worries" in str(plans.get_relapse_plan(ctx.vault, person.id))
