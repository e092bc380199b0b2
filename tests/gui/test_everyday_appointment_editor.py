"""Issue 18, defect 1: the appointment editor as a first-time user met it. Enter in the question
box adds a question and never saves; a time typed as "14:30" is 14:30 (in 24- and 12-hour
fields); the questions are in view when the dialog opens; the place follows the provider's
clinic; the calendar file holds the private questions only when the user says so."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialog, QScrollArea

from caregiver_app.domain.network import Contact, Question, Role
from caregiver_app.gui.common import formatting
from caregiver_app.gui.visits.appointment_editor import AppointmentEditor
from caregiver_app.gui.visits.appointments_page import AppointmentsPage
from caregiver_app.services import appointments as aps
from caregiver_app.services import network as cs

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@pytest.fixture
def ctx(context, vault):
    context.vault = vault
    context.clock = lambda: NOW
    context.settings.time_zone = "Europe/Berlin"
    return context


@pytest.fixture
def doctor(vault, person):
    return cs.save_contact(vault, Contact(None, person.id, "Dr. Ana Li", Role.PSYCHIATRIST,
                                          organisation="Riverside Clinic", address="12 Mill Road"))


@pytest.fixture
def editor(qtbot, ctx, person, doctor):
    dialog = AppointmentEditor(ctx, person.id, [doctor], zone_name="Europe/Berlin", today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_in_the_question_box_adds_and_never_saves(qtbot, editor, ctx, person):
    qtbot.keyClicks(editor.question_edit, "Is the tiredness a side effect?")
    qtbot.keyClick(editor.question_edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.question_edit, Qt.Key.Key_Return)  # Enter in the empty box: still nothing saved
    qtbot.keyClicks(editor.purpose_edit, "Check")
    qtbot.keyClick(editor.purpose_edit, Qt.Key.Key_Enter)
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted
    assert aps.list_appointments(ctx.vault, person.id, clock=ctx.clock).upcoming == ()  # nothing saved
    assert [q.text for q in editor.questions()] == ["Is the tiredness a side effect?"]


def _click_hours(qtbot, field):
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(6, field.height() // 2))


@pytest.mark.parametrize("cycle", ["24h", "12h"])
def test_a_typed_time_is_the_time_typed(qtbot, editor, monkeypatch, cycle):
    monkeypatch.setattr(formatting, "_time_format", lambda: cycle)
    editor.time_edit.setDisplayFormat(formatting.time_pattern())
    _click_hours(qtbot, editor.time_edit)
    qtbot.keyClicks(editor.time_edit, "14:30")
    assert editor.draft().at == time(14, 30)


def test_questions_are_in_view_when_the_dialog_opens(qtbot, editor):
    for size in (None, (1024 - 40, 700 - 60)):
        if size:
            editor.resize(*size)
            qtbot.wait(10)
        viewport = editor.findChild(QScrollArea).viewport()
        for widget in (editor.question_list, editor.question_edit):
            top_left = widget.mapTo(viewport, QPoint(0, 0))
            assert viewport.rect().contains(QRect(top_left, widget.size())), (size, widget.accessibleName())


def test_the_place_follows_the_providers_clinic(qtbot, editor, doctor):
    editor.provider_box.setCurrentIndex(editor.provider_box.findData(doctor.id))
    assert editor.place_edit.toPlainText() == "Riverside Clinic\n12 Mill Road"
    editor.provider_box.setCurrentIndex(0)
    assert editor.place_edit.toPlainText() == ""
    editor.place_edit.setPlainText("Home visit")
    editor.provider_box.setCurrentIndex(editor.provider_box.findData(doctor.id))
    assert editor.place_edit.toPlainText() == "Home visit"  # the user's own words stay


def _visit(ctx, person, doctor):
    return aps.save_appointment(ctx.vault, aps.AppointmentDraft(
        person.id, date(2026, 12, 8), time(9), "Europe/Berlin", contact_id=doctor.id,
        questions=(Question("Could the voices be a side effect?"),)), clock=ctx.clock)


def test_calendar_file_leaves_questions_out_unless_asked(qtbot, ctx, person, doctor, modals, tmp_path):
    _visit(ctx, person, doctor)
    assert b"voices" not in aps.export_calendar(ctx.vault, person.id, clock=ctx.clock)
    assert b"voices" in aps.export_calendar(ctx.vault, person.id, clock=ctx.clock, include_questions=True)
    page = AppointmentsPage(ctx)
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    target = tmp_path / "visits.ics"
    modals.expect(result=(str(target), ""))
    modals.expect()  # "Questions in the calendar?" answered with its default: leave them out
    page.export_calendar(single=False)
    assert modals.seen[-1].title == "Questions in the calendar?"
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert "voices" not in str(event.get("DESCRIPTION", ""))

    def put_in(box):
        next(b for b in box.buttons() if b.text() == "Put the questions in").click()

    modals.expect(result=(str(target), ""))
    modals.expect(handler=put_in)
    page.export_calendar(single=False)
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert "voices" in str(event["DESCRIPTION"])


def test_an_unknown_time_zone_is_pointed_at_and_nothing_is_saved(qtbot, editor, ctx, person):
    editor.zone_box.setCurrentText("Mars/Olympus")
    editor.accept()
    assert editor.isVisible() and "is not a time zone this app knows" in editor.problem_label.text()
    assert editor.zone_box.accessibleDescription() == editor.problem_label.text()
    assert aps.list_appointments(ctx.vault, person.id, clock=ctx.clock).upcoming == ()


def test_a_time_skipped_by_the_clocks_points_at_the_time(qtbot, editor, ctx, person):
    from PySide6.QtCore import QDate, QTime

    editor.date_edit.setDate(QDate(2027, 3, 28))  # clocks go forward in Berlin: 02:00 -> 03:00
    editor.time_edit.setTime(QTime(2, 30))
    editor.accept()
    assert editor.isVisible() and editor.problem_label.text()
    assert editor.time_edit.accessibleDescription() == editor.problem_label.text()
    assert aps.list_appointments(ctx.vault, person.id, clock=ctx.clock).upcoming == ()
