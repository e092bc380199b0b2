"""My plans through real widgets and a real vault: writing both plans, linking early warning signs
to the journal, saving on switch and lock, and the one-page safety plan PDF."""

from __future__ import annotations

from datetime import datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSpinBox, QWidget

from caregiver_app.domain.model import SymptomRating, Tag, TagKind
from caregiver_app.domain.plans import EarlySign, LinkKind, PlanItem, RelapseSection, SafetyStep
from caregiver_app.gui.warning_signs.plans_page import PlansPage
from caregiver_app.services import people, plans
from support import NOW, add_entry


@pytest.fixture
def page(qtbot, ctx, person, make_page):
    add_entry(ctx.vault, person, datetime(2026, 11, 29, 9, 0), symptoms=(SymptomRating("Trouble falling asleep", 6),),
              tags=(Tag("money worries", TagKind.STRESSOR),))
    return make_page(PlansPage, (1000, 800))


def type_row(qtbot, editor, text: str, phone: str = ""):
    row = editor.rows[-1] if editor.rows and editor.rows[-1].is_blank() else editor.add_row(focus=True)
    qtbot.keyClicks(row.text_edit, text)
    if phone:
        qtbot.keyClicks(row.phone_edit, phone)
    return row


def test_an_empty_page_invites_and_every_control_has_a_name(page):
    assert page.heading.text() == "Plans for Sam Rivera"
    assert "No plans yet" in page.status_label.text()
    assert all(len(e.rows) == 1 and e.rows[0].is_blank() for e in page.safety_editors.values())
    for control in page.findChildren(QWidget):
        if isinstance(control, (QLineEdit, QComboBox, QSpinBox, QAbstractButton)):
            if isinstance(control, QLineEdit) and isinstance(control.parent(), (QComboBox, QSpinBox)):
                continue
            named = control.accessibleName() or (isinstance(control, QAbstractButton) and control.text())
            assert named, control
    assert page.safety_editors[SafetyStep.HELPERS].rows[0].phone_edit.accessibleName() == "Phone of person to ask 1"


def test_write_and_save_the_relapse_plan_with_journal_links(qtbot, page, ctx, person, make_page):
    signs = page.relapse_editors[RelapseSection.EARLY_SIGNS]
    row = type_row(qtbot, signs, "Up most of the night")
    index = row.link_combo.findText("Symptom: Trouble falling asleep")
    assert index > 0 and row.link_combo.findText("Stressor: money worries") > 0
    row.link_combo.setCurrentIndex(index)
    assert row.severity_spin.isEnabled()
    row.severity_spin.setValue(5)
    type_row(qtbot, signs, "Stops calling friends")
    type_row(qtbot, page.relapse_editors[RelapseSection.TRIGGERS], "Anniversary of Dad's death")
    type_row(qtbot, page.relapse_editors[RelapseSection.TELL], "Ana", "555-0101")
    assert "Not saved yet" in page.status_label.text()
    qtbot.keyClick(signs.rows[0].text_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Saved" in page.status_label.text() and not page.is_dirty
    saved = plans.get_relapse_plan(ctx.vault, person.id)
    assert saved.early_signs == (EarlySign("Up most of the night", LinkKind.SYMPTOM, "Trouble falling asleep", 5),
                                 EarlySign("Stops calling friends"))
    assert saved.tell == (PlanItem("Ana", "555-0101"),)
    # Read back into a fresh page, the links and severities are there.
    again = make_page(PlansPage, shown=False)
    row = again.relapse_editors[RelapseSection.EARLY_SIGNS].rows[0]
    assert row.text_edit.text() == "Up most of the night"
    assert row.link_combo.currentText() == "Symptom: Trouble falling asleep" and row.severity_spin.value() == 5


def test_rows_can_be_removed_and_blank_rows_are_skipped(qtbot, page, ctx, person):
    helpers = page.safety_editors[SafetyStep.HELPERS]
    type_row(qtbot, helpers, "Ana", "555-0101")
    type_row(qtbot, helpers, "Jordan", "555-0199")
    helpers.add_row()  # left blank
    assert [r.text_edit.accessibleName() for r in helpers.rows] == ["Person to ask 1", "Person to ask 2",
                                                                    "Person to ask 3"]
    qtbot.mouseClick(helpers.rows[0].remove_button, Qt.MouseButton.LeftButton)
    assert helpers.rows[0].text_edit.accessibleName() == "Person to ask 1"
    page.save()
    assert plans.get_safety_plan(ctx.vault, person.id).helpers == (PlanItem("Jordan", "555-0199"),)


def test_a_phone_without_a_name_is_a_plain_message(qtbot, page, modals):
    helpers = page.safety_editors[SafetyStep.HELPERS]
    qtbot.keyClicks(helpers.rows[0].phone_edit, "555-0101")
    modals.expect()
    page.save()
    assert modals.seen[0].title == "The plans were not saved"
    assert "needs a name" in modals.seen[0].text and "Step 4" in modals.seen[0].text


def test_switching_person_and_locking_save_what_was_typed(qtbot, page, ctx, person):
    type_row(qtbot, page.safety_editors[SafetyStep.REASONS], "My daughter Mia")
    jordan = people.add_person(ctx.vault, "Jordan Lee")
    page.set_person(jordan)
    assert page.heading.text() == "Plans for Jordan Lee"
    assert page.safety_editors[SafetyStep.REASONS].rows[0].is_blank()
    assert plans.get_safety_plan(ctx.vault, person.id).reasons == (PlanItem("My daughter Mia"),)
    type_row(qtbot, page.relapse_editors[RelapseSection.HELPS], "Music")
    page.keep_unsaved_work()  # what the window does on lock (after every job has ended)
    page.clear()  # ...then, before the vault closes
    assert plans.get_relapse_plan(ctx.vault, jordan.id).helps == (PlanItem("Music"),)
    texts = [e.text() for e in page.findChildren(QLineEdit)]
    assert "Music" not in texts and "My daughter Mia" not in texts
    assert page.heading.text() == "My plans" and not page.tabs.isEnabled()


def test_save_the_safety_plan_as_a_one_page_pdf(qtbot, page, ctx, person, tmp_path, modals):
    type_row(qtbot, page.safety_editors[SafetyStep.WARNING_SIGNS], "I stop answering my phone")
    type_row(qtbot, page.safety_editors[SafetyStep.HELPERS], "Ana", "555-0101")
    type_row(qtbot, page.safety_editors[SafetyStep.ENVIRONMENT], "Ana keeps the pills")
    target = tmp_path / "safety-plan-2026-11-30.pdf"

    def answer(_dialog):
        return (str(target), "PDF files (*.pdf)")

    modals.expect(handler=answer)
    page.show_plan("safety")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert modals.seen[0].kind == "QFileDialog.getSaveFileName"
    assert target.exists() and page.open_button.isVisible()
    assert "safety-plan-2026-11-30.pdf" in page.status_label.text()
    reader = PdfReader(target)
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    for words in ("I stop answering my phone", "Ana — 555-0101", "Ana keeps the pills", "For Sam Rivera", "988"):
        assert words in text
    assert plans.get_safety_plan(ctx.vault, person.id).helpers == (PlanItem("Ana", "555-0101"),)


def test_the_professionals_step_names_the_crisis_line_that_will_print(page, ctx):
    assert "988 Suicide and Crisis Lifeline" in page.crisis_line_label.text()
    ctx.settings.country = "GB"
    page.hide()
    page.show()
    assert "Samaritans" in page.crisis_line_label.text() and "(United Kingdom)" in page.crisis_line_label.text()


def test_safety_plan_people_are_picked_from_contacts(qtbot, ctx, person, modals, make_page):
    """Issue 18, defect 11: a person from the support network goes into the safety plan with
    their phone number, without typing them again."""
    from caregiver_app.domain.network import Contact, Phone, Role
    from caregiver_app.domain.plans import SafetyStep
    from caregiver_app.services import network as contacts

    contacts.save_contact(ctx.vault, Contact(None, person.id, "Ana Li", Role.FRIEND, phones=(Phone("+16175550142"),)))
    page = make_page(PlansPage, shown=False)
    page.show()
    offered = [step for step, e in page.safety_editors.items() if not e.pick_button.isHidden()]
    # the sections with phone numbers: people who distract, people to ask for help, professionals
    assert offered == [SafetyStep.DISTRACTION, SafetyStep.HELPERS, SafetyStep.PROFESSIONALS]
    editor = page.safety_editors[SafetyStep.HELPERS]
    modals.expect(result=("Ana Li (Friend)", True))
    qtbot.mouseClick(editor.pick_button, Qt.MouseButton.LeftButton)
    (item,) = editor.items()
    assert item.text == "Ana Li" and item.phone == "+16175550142"


def test_a_contact_added_elsewhere_is_offered_without_reopening_the_page(qtbot, page, ctx, person):
    """The page reloads its choices from the ops change signal (no page-to-page wiring), and
    a reload never wipes words typed and not yet saved."""
    from caregiver_app.domain.network import Contact, Phone, Role
    from caregiver_app.gui.common.ops import CONTACTS
    from caregiver_app.services import network

    helpers = page.safety_editors[SafetyStep.HELPERS]
    assert helpers.pick_button.isHidden()  # no contacts yet
    type_row(qtbot, page.safety_editors[SafetyStep.REASONS], "My daughter Mia")
    ana = Contact(None, person.id, "Ana Li", Role.FRIEND, phones=(Phone("+16175550142"),))
    ctx.ops.write(None, lambda vault: network.save_contact(vault, ana), changes={CONTACTS}, person_id=person.id)
    assert not helpers.pick_button.isHidden()
    assert page.safety_editors[SafetyStep.REASONS].items() == (PlanItem("My daughter Mia"),)
    assert page.is_dirty


def test_a_plan_saved_elsewhere_shows_when_nothing_is_typed(page, ctx, person):
    from caregiver_app.domain.plans import SafetyPlan
    from caregiver_app.gui.common.ops import PLANS

    plan = SafetyPlan(person.id, reasons=(PlanItem("The garden"),))
    ctx.ops.write(None, lambda vault: plans.save_safety_plan(vault, plan, clock=lambda: NOW), changes={PLANS},
                  person_id=person.id)
    assert page.safety_editors[SafetyStep.REASONS].items() == (PlanItem("The garden"),)


def test_words_typed_while_a_save_runs_stay_unsaved_and_on_screen(qtbot, page, ctx, person, monkeypatch):
    """With real threads: a save that ends does not mark later typing as saved, and the reload its
    change brings does not wipe what is on screen."""
    import threading

    from caregiver_app.gui.common.ops import Ops

    monkeypatch.setattr(Ops, "synchronous", False)
    release = threading.Event()
    real_save = plans.save_safety_plan

    def slow_save(*args, **kwargs):
        release.wait(5)
        return real_save(*args, **kwargs)

    monkeypatch.setattr(plans, "save_safety_plan", slow_save)
    reasons = page.safety_editors[SafetyStep.REASONS]
    type_row(qtbot, reasons, "My daughter Mia")
    page.save()
    type_row(qtbot, page.safety_editors[SafetyStep.COPING], "Walk the dog")  # typed while it saves
    release.set()
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5000)
    assert page.is_dirty and "Walk the dog" in [i.text for i in page.safety_editors[SafetyStep.COPING].items()]
    assert plans.get_safety_plan(ctx.vault, person.id).reasons == (PlanItem("My daughter Mia"),)
    assert plans.get_safety_plan(ctx.vault, person.id).coping == ()


def test_save_the_warning_signs_plan_as_a_pdf(qtbot, page, ctx, person, tmp_path, modals):
    """Issue 18, defect 11: the relapse-prevention plan could not be printed."""
    type_row(qtbot, page.relapse_editors[RelapseSection.TRIGGERS], "Money worries")
    type_row(qtbot, page.relapse_editors[RelapseSection.TELL], "Ana", "555-0101")
    target = tmp_path / "staying-well-plan-2026-11-30.pdf"
    modals.expect(handler=lambda _dialog: (str(target), "PDF files (*.pdf)"))
    assert page.relapse_pdf_button.isEnabled() and page.relapse_pdf_button.text().replace("&", "")
    qtbot.mouseClick(page.relapse_pdf_button, Qt.MouseButton.LeftButton)
    assert modals.seen[0].kind == "QFileDialog.getSaveFileName"
    assert target.exists() and page.open_button.isVisible() and page.last_saved_path == target
    assert "staying-well-plan-2026-11-30.pdf" in page.status_label.text()
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    for words in ("My plan for staying well", "For Sam Rivera", "Money worries", "Ana — 555-0101"):
        assert words in text
    assert plans.get_relapse_plan(ctx.vault, person.id).triggers == (PlanItem("Money worries"),)  # saved first
    assert not page.is_dirty


@pytest.mark.parametrize(("country", "width"), [("DE", 595), ("US", 612)])
def test_the_warning_signs_plan_pdf_uses_the_country_s_paper(qtbot, page, ctx, tmp_path, modals, country, width):
    ctx.settings.country = country
    target = tmp_path / "plan.pdf"
    modals.expect(handler=lambda _dialog: (str(target), "PDF files (*.pdf)"))
    page.save_relapse_pdf()
    assert round(float(PdfReader(target).pages[0].mediabox.width)) == width


def test_a_symptom_link_reads_translated_once():
    from caregiver_app import i18n
    from caregiver_app.domain.plans import LinkKind
    from caregiver_app.domain.symptoms import symptom_label
    from caregiver_app.gui.warning_signs.plan_editors import _link_text

    i18n.set_language("es")
    try:
        text = _link_text(LinkKind.SYMPTOM, "Falls")
        assert symptom_label("Falls") != "Falls"
        assert text == i18n._("{kind}: {name}").format(kind=LinkKind.SYMPTOM.label, name=symptom_label("Falls"))
        assert _link_text(LinkKind.ACTIVITY, "Gardening").endswith(": Gardening")
    finally:
        i18n.set_language("en")
