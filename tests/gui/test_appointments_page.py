"""The Appointments page through real widgets: planning a visit in the editor, the lists, the
calendar file, and "Prepare for this visit" opening the visit summary with the right range."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog

from caregiver_app.domain.network import Contact, Question, Role
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.visits.appointment_editor import AppointmentEditor
from caregiver_app.gui.visits.appointments_page import AppointmentsPage
from caregiver_app.gui.visits.summary_page import SummaryPage
from caregiver_app.services import appointments as aps
from caregiver_app.services import network as cs

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@pytest.fixture
def ctx(context, vault):
    context.vault = vault
    context.clock = lambda: NOW
    context.settings.time_zone = "America/New_York"
    return context


@pytest.fixture
def doctor(vault, person):
    return cs.save_contact(vault, Contact(None, person.id, "Dr. Ana Li", Role.PSYCHIATRIST))


@pytest.fixture
def page(qtbot, ctx, person, doctor):
    widget = AppointmentsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.set_person(person)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_plan_a_visit_in_the_editor(page, ctx, person, doctor, modals, qtbot):
    def fill(dialog: AppointmentEditor):
        assert dialog.zone_box.currentText() == "America/New_York"
        dialog.provider_box.setCurrentIndex(dialog.provider_box.findData(doctor.id))
        dialog.purpose_edit.setText("Medication check")
        dialog.date_edit.setDate(QDate(2026, 12, 8))
        dialog.time_edit.setTime(QTime(14, 0))
        dialog.duration.setValue(30)
        for text in ("Is the tiredness a side effect?", "Can the dose move to the morning?"):
            qtbot.keyClicks(dialog.question_edit, text)
            qtbot.keyClick(dialog.question_edit, Qt.Key.Key_Return)
        assert dialog.question_list.count() == 2  # both kept: Enter adds a question, never saves the dialog
        assert not (dialog.save_button.isDefault() or dialog.save_button.autoDefault())
        dialog.question_list.setCurrentRow(1)
        dialog.up_button.click()
        dialog.video_edit.setText("bad link here")
        dialog.accept()
        assert dialog.problem_label.isVisibleTo(dialog) and "video link" in dialog.problem_label.text()
        dialog.video_edit.setText("https://meet.example.org/li")
        dialog.accept()
        return dialog.result()

    modals.expect(handler=fill)
    page.new_button.click()
    (appt,) = page.appointments().upcoming
    assert appt.starts_at == datetime(2026, 12, 8, 19, 0, tzinfo=UTC)
    assert [q.text for q in appt.questions] == ["Can the dose move to the morning?", "Is the tiredness a side effect?"]
    assert page.upcoming.item(0).text().startswith("Tue, 8 Dec 2026, 14:00–14:30\nVisit with Dr. Ana Li · 2 open questions")
    assert page.upcoming.currentItem() is page.upcoming.item(0)
    assert "Video link: https://meet.example.org/li" in page.detail.text()
    assert page.past.item(0).text() == "No past appointments yet."


def test_all_day_appointment_and_its_calendar_file(page, ctx, person, modals, tmp_path):
    def fill(dialog: AppointmentEditor):
        dialog.date_edit.setDate(QDate(2026, 12, 31))
        dialog.all_day_check.setChecked(True)
        assert not dialog.time_edit.isEnabled()
        dialog.zone_box.setCurrentText("Europe/Copenhagen")
        dialog.purpose_edit.setText("Day programme")
        dialog.accept()
        return dialog.result()

    modals.expect(handler=fill)
    page.new_button.click()
    (appt,) = page.appointments().upcoming
    assert appt.all_day and appt.local_date == date(2026, 12, 31)
    assert page.upcoming.item(0).text().startswith("Thu, 31 Dec 2026 (all day)")
    target = tmp_path / "visit.ics"
    modals.expect(result=(str(target), ""))
    page.export_calendar(single=True)
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 12, 31)
    assert "visit.ics" in page.status.text()


def test_open_questions_from_the_last_visit_are_on_the_next(page, ctx, person, doctor, modals):
    aps.save_appointment(ctx.vault, aps.AppointmentDraft(person.id, date(2026, 11, 2), time(9), "America/New_York",
                                                        contact_id=doctor.id, questions=(Question("Blood test?"),)),
                         clock=ctx.clock)

    def fill(dialog: AppointmentEditor):
        dialog.provider_box.setCurrentIndex(dialog.provider_box.findData(doctor.id))
        dialog.date_edit.setDate(QDate(2026, 12, 8))
        dialog.accept()
        return dialog.result()

    modals.expect(handler=fill)
    page.new_button.click()
    assert "1 open question from an earlier visit is on it." in page.status.text()
    assert "Blood test? (open, from an earlier visit)" in page.detail.text()


def test_prepare_for_this_visit_opens_the_summary_with_the_range(qtbot, ctx, person, doctor, modals):
    aps.save_appointment(ctx.vault, aps.AppointmentDraft(person.id, date(2026, 10, 12), time(9), "America/New_York",
                                                        contact_id=doctor.id), clock=ctx.clock)
    visit = aps.save_appointment(ctx.vault, aps.AppointmentDraft(
        person.id, date(2026, 12, 8), time(14), "America/New_York", contact_id=doctor.id,
        questions=(Question("Sleep?"),)), clock=ctx.clock)
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    titles = window.page_titles()
    assert titles.index("Support network") < titles.index("Appointments") < titles.index("Visit summary")
    appointments = window.page_widgets()[titles.index("Appointments")]
    window.show_page(titles.index("Appointments"))
    appointments.select_appointment(visit.id)
    appointments.prepare_button.click()
    summary = window.page_widgets()[titles.index("Visit summary")]
    assert isinstance(summary, SummaryPage)
    assert window.pages.currentWidget() is summary
    assert summary.date_range() == (date(2026, 10, 12), date(2026, 11, 30))
    assert summary.visit_questions == ["Sleep?"]
    ctx.vault = None  # the fixture closes it
    window.close()


def test_delete_asks_first(page, ctx, person, modals):
    aps.save_appointment(ctx.vault, aps.AppointmentDraft(person.id, date(2026, 12, 8), time(14), "America/New_York"),
                         clock=ctx.clock)
    page.reload()
    page.upcoming.setCurrentRow(0)
    defaults = []
    modals.expect(handler=lambda box: defaults.append(box.defaultButton().text()))  # Esc or Enter: the safe answer
    page.delete_button.click()
    assert defaults == ["Keep it"] and len(page.appointments().upcoming) == 1
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete appointment").click())
    page.delete_button.click()
    assert page.appointments().upcoming == ()


def test_cancel_saves_nothing(page, ctx, person, modals):
    modals.expect(result=QDialog.DialogCode.Rejected)
    page.new_button.click()
    assert aps.list_appointments(ctx.vault, person.id, clock=ctx.clock).upcoming == ()


def test_a_contact_saved_elsewhere_shows_here_without_wiring(page, ctx, person, doctor, modals):
    from caregiver_app.gui.network.network_page import NetworkPage

    aps.save_appointment(ctx.vault, aps.AppointmentDraft(person.id, date(2026, 12, 8), time(14), "America/New_York",
                                                        contact_id=doctor.id), clock=ctx.clock)
    page.reload()
    assert "Dr. Ana Li" in page.upcoming.item(0).text()
    network = NetworkPage(ctx)
    network.set_person(person)
    network.select_contact(doctor.id)

    def rename(dialog):
        dialog.name_edit.setText("Dr. Ana Li-Chen")
        dialog.accept()
        return dialog.result()

    modals.expect(handler=rename)
    network.open_selected()
    assert "Dr. Ana Li-Chen" in page.upcoming.item(0).text()  # the visible page reloaded from ops.changed


def test_a_bad_video_link_points_at_its_field(page, modals):
    seen = {}

    def fill(dialog: AppointmentEditor):
        dialog.video_edit.setText("two words")
        dialog.accept()
        seen.update(problem=dialog.problem_label.text(), described=dialog.video_edit.accessibleDescription(),
                    open=dialog.result() != QDialog.DialogCode.Accepted)
        return dialog.result()

    modals.expect(handler=fill)
    page.new_button.click()
    assert "video link" in seen["problem"] and seen["described"] == seen["problem"] and seen["open"]
    assert page.appointments().upcoming == ()
