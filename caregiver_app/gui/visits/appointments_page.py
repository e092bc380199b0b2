"""The Appointments page: upcoming and past visits, the chosen one in detail, the editor,
calendar export (.ics) and "Prepare for this visit" (opens the visit summary for the range since
the last visit with that provider, with the open questions)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from ...domain.model import Person
from ...domain.network import Appointment, Contact
from ...i18n import _, N_, ngettext
from ...services import appointments as appointment_service
from ...services import network as contact_service
from ...domain import phone_numbers
from ...services import journal
from ..common import formatting
from ..common.building import column, wrapping_row, menu_action, menu_button, push_button, scroll_area, shortcut
from ..common.ops import APPOINTMENTS, CONTACTS, Op
from ..common.page import Page, confirm, heading
from ..common.trust_widgets import plain_label
from ..context import AppContext
from ..network.contact_editor import phone_region
from .appointment_editor import AppointmentEditor
from ..common.building import documents_folder


def detail_text(appt: Appointment, contacts: dict[int, Contact], zone_name: str, region: str) -> str:
    """The chosen appointment in plain words (shown beside the lists and read by screen readers)."""
    lines = [appointment_service.title_text(appt, contacts), appointment_service.when_text(appt, zone_name, formatting.report_format())]
    contact = contacts.get(appt.contact_id) if appt.contact_id is not None else None
    if contact is not None:
        bits = [contact.role.label]
        if contact.organisation:
            bits.append(contact.organisation)
        if contact.phones:
            bits.append(phone_numbers.format_phone(contact.phones[0], region))
        lines.append(" · ".join(bits))
    if appt.purpose and contact is not None:
        lines.append(_("Purpose: {purpose}").format(purpose=appt.purpose))
    if appt.place:
        lines.append(_("Place: {place}").format(place=appt.place))
    if appt.video_link:
        lines.append(_("Video link: {link}").format(link=appt.video_link))
    if appt.questions:
        lines.append("")
        lines.append(_("Questions to ask:"))
        for i, q in enumerate(appt.questions, 1):
            if q.carried_over:
                state = _("answered, from an earlier visit") if q.answered else _("open, from an earlier visit")
            else:
                state = _("answered") if q.answered else _("open")
            lines.append(_("{number}. {question} ({state})").format(number=i, question=q.text, state=state))
    else:
        lines.append("")
        lines.append(_("No questions written down yet."))
    if appt.notes_after:
        lines.append("")
        lines.append(_("Notes after the visit:"))
        lines.append(appt.notes_after)
    return "\n".join(lines)


class AppointmentsPage(Page):
    """Appointments of the chosen person. ``prepare_visit_requested(start, end, questions)``
    asks the main window to open the visit summary with that range (local dates)."""

    title = N_("Appointments")
    watches = frozenset({APPOINTMENTS, CONTACTS})
    prepare_visit_requested = Signal(object, object, list)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._lists = appointment_service.AppointmentLists((), ())
        self._contacts: dict[int, Contact] = {}
        self._select_id: int | None = None
        self._loading: Op | None = None
        self._build()
        self.set_person(None)

    def _build(self) -> None:
        outer = self.body
        self.new_button = push_button(_("&New appointment…"), self, self.new_appointment,
                                      tip=_("Plan a new appointment (Ctrl+N)"))
        self.open_button = push_button(_("O&pen"), self, self.open_selected, name=_("Open the chosen appointment"))
        self.prepare_button = push_button(
            _("P&repare for this visit"), self, self.prepare_selected,
            tip=_("Open the visit summary for the time since the last visit with this person"))
        self.delete_button = push_button(_("&Delete"), self, self.delete_selected, name=_("Delete the chosen appointment"))
        self.export_one_action = menu_action(_("Save &this appointment as a calendar file (.ics)…"), self,
                                        lambda: self.export_calendar(single=True))
        self.export_all_action = menu_action(_("Save &all appointments as a calendar file (.ics)…"), self,
                                        lambda: self.export_calendar(single=False))
        self.calendar_button = menu_button(_("Add to &calendar"), self, (self.export_one_action, self.export_all_action))
        # Onto two lines at large text rather than a window wider than the screen.
        outer.addLayout(wrapping_row((self.new_button, self.open_button, self.prepare_button, self.delete_button,
                                      self.calendar_button)))

        self.status = plain_label(name=_("Status"), parent=self)
        self.status.hide()
        outer.addWidget(self.status)

        self.upcoming_label = heading(_("Coming &up"), self)
        self.upcoming = self._list(self, _("Coming up"))
        self.upcoming_label.setBuddy(self.upcoming)
        self.past_label = heading(_("P&ast"), self)
        self.past = self._list(self, _("Past appointments"))
        self.past_label.setBuddy(self.past)
        lists = column(self, self.upcoming_label, (self.upcoming, 1), self.past_label, (self.past, 1), margins=False)

        self.detail_title = heading("", self)
        self.detail = plain_label(name=_("The chosen appointment"), parent=self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.detail.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        detail_scroll = scroll_area(column(self, self.detail_title, (self.detail, 1)), self, framed=True,
                                    focusable=False)

        body = QHBoxLayout()
        body.addWidget(lists, 2)
        body.addWidget(detail_scroll, 3)
        outer.addLayout(body, 1)

        shortcut(self, QKeySequence.StandardKey.New, self.new_appointment)
        for widget in (self.upcoming, self.past):
            shortcut(widget, QKeySequence(Qt.Key.Key_Delete), self.delete_selected, widget_only=True)

    def _list(self, parent: QWidget, name: str) -> QListWidget:
        widget = QListWidget(parent)
        widget.setAccessibleName(name)
        widget.setWordWrap(True)
        widget.setSpacing(max(2, widget.fontMetrics().height() // 5))
        widget.itemActivated.connect(lambda item: self.open_appointment(item.data(Qt.ItemDataRole.UserRole)))
        widget.currentItemChanged.connect(lambda current, _prev, w=widget: self._on_current(w, current))
        return widget

    # --- the page ------------------------------------------------------------------------
    def drop(self) -> None:
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None
        self._select_id = None
        self.status.clear()
        self.status.hide()
        self._fill(appointment_service.AppointmentLists((), ()), {})
        if self.person is None:
            self.detail.clear()

    def load(self, person: Person) -> None:
        clock = self.context.clock

        def job(vault):
            lists = appointment_service.list_appointments(vault, person.id, clock=clock)
            return lists, {c.id: c for c in contact_service.list_contacts(vault, person.id)}

        # Listing moves open questions on to the next visit (a write), so it runs on the write
        # lane; a newer load replaces an older one. The page shows the result itself: no change
        # for other pages to follow.
        if self._loading is not None:
            self._loading.cancel()
        self._loading = self.write(job, (), on_done=self._loaded,
                                   error_title=_("The appointments could not be read"))

    def refresh_country(self) -> None:
        """Settings changed (country, language, time format, time zone): write the times and
        phone numbers the new way. The main window calls this; the page under the modal Settings
        dialog gets no new show event."""
        self.reload()

    def today(self) -> date:
        return journal.local_now(self.context.clock, self.context.zone_name).date()

    def appointments(self) -> appointment_service.AppointmentLists:
        return self._lists

    def selected_appointment(self) -> Appointment | None:
        for widget in (self.upcoming, self.past):
            item = widget.currentItem()
            if item is not None and item.isSelected():
                return self._find(item.data(Qt.ItemDataRole.UserRole))
        return None

    def select_appointment(self, appointment_id: int, focus: bool = True) -> None:
        for widget in (self.upcoming, self.past):
            for i in range(widget.count()):
                if widget.item(i).data(Qt.ItemDataRole.UserRole) == appointment_id:
                    widget.setCurrentRow(i)
                    if focus:
                        widget.setFocus()
                    return

    # --- showing --------------------------------------------------------------------------
    def _loaded(self, result) -> None:
        self._loading = None
        chosen = self.selected_appointment()
        wanted, self._select_id = self._select_id, None
        self._fill(*result)
        if wanted is not None:
            self.select_appointment(wanted)
        elif chosen is not None:
            self.select_appointment(chosen.id, focus=False)

    def _find(self, appointment_id: int | None) -> Appointment | None:
        return next((a for a in self._lists.upcoming + self._lists.past if a.id == appointment_id), None)

    def _fill(self, lists: appointment_service.AppointmentLists, contacts: dict[int, Contact]) -> None:
        self._lists, self._contacts = lists, contacts
        zone = self.context.zone_name
        for widget, items, empty in ((self.upcoming, lists.upcoming, _("No appointments planned. Press New appointment to add one.")),
                                     (self.past, lists.past, _("No past appointments yet."))):
            widget.blockSignals(True)
            widget.clear()
            for appt in items:
                open_count = len(appt.open_questions)
                title = appointment_service.title_text(appt, contacts)
                if open_count:
                    title = ngettext("{title} · {count} open question", "{title} · {count} open questions",
                                     open_count).format(title=title, count=open_count)
                item = QListWidgetItem(f"{appointment_service.when_text(appt, zone, formatting.report_format())}\n{title}")
                item.setData(Qt.ItemDataRole.UserRole, appt.id)
                widget.addItem(item)
            if not items:
                placeholder = QListWidgetItem(empty)
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                widget.addItem(placeholder)
            widget.blockSignals(False)
        self.detail_title.clear()
        self.detail.setText(_("Choose an appointment to see it here.") if lists.upcoming or lists.past
                            else _("Plan a visit here: when, with whom, and the questions you want to ask."))
        self._update_buttons()

    def _on_current(self, widget: QListWidget, current: QListWidgetItem | None) -> None:
        if current is None or current.data(Qt.ItemDataRole.UserRole) is None:
            return
        other = self.past if widget is self.upcoming else self.upcoming
        other.blockSignals(True)
        other.setCurrentRow(-1)
        other.clearSelection()
        other.blockSignals(False)
        current.setSelected(True)
        appt = self._find(current.data(Qt.ItemDataRole.UserRole))
        if appt is not None:
            region = phone_region(self.context)
            title, _sep, rest = detail_text(appt, self._contacts, self.context.zone_name, region).partition("\n")
            self.detail_title.setText(title)
            self.detail.setText(rest)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_appointment() is not None
        for button in (self.open_button, self.prepare_button, self.delete_button):
            button.setEnabled(chosen)
        self.export_one_action.setEnabled(chosen)
        self.export_all_action.setEnabled(bool(self._lists.upcoming or self._lists.past))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    # --- actions --------------------------------------------------------------------------
    def _run_editor(self, appt: Appointment | None) -> None:
        dialog = AppointmentEditor(self.context, self.person.id, list(self._contacts.values()),
                                   zone_name=self.context.zone_name, today=self.today(), appointment=appt, parent=self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
                moved = sum(1 for q in dialog.saved.questions if q.carried_over) if appt is None else 0
                self._say(ngettext("Appointment saved. {count} open question from an earlier visit is on it.",
                                   "Appointment saved. {count} open questions from an earlier visit are on it.",
                                   moved).format(count=moved) if moved else _("Appointment saved."))
                self._select_id = dialog.saved.id  # chosen once the page has reloaded from the change
                self.select_appointment(dialog.saved.id)
        finally:
            dialog.deleteLater()

    def new_appointment(self) -> None:
        if self.person is not None and self.isEnabled():
            self._run_editor(None)

    def open_appointment(self, appointment_id: int | None) -> None:
        appt = self._find(appointment_id)
        if appt is not None and self.person is not None:
            self._run_editor(appt)

    def open_selected(self) -> None:
        appt = self.selected_appointment()
        if appt is not None:
            self.open_appointment(appt.id)

    def delete_selected(self) -> None:
        appt = self.selected_appointment()
        if appt is None:
            return
        when = appointment_service.when_text(appt, self.context.zone_name, formatting.report_format())
        if not confirm(self, _("Delete the appointment on {when}, with its questions and notes?").format(when=when),
                       yes=_("Delete appointment"), no=_("Keep it"), destructive=True, title=_("Delete this appointment?")):
            return
        self.write(lambda vault: appointment_service.delete_appointment(vault, appt.id), {APPOINTMENTS},
                   on_done=lambda _old: self._say(_("Appointment deleted.")), error_title=_("The appointment was not deleted"))

    def prepare_selected(self) -> None:
        """Work out the range and open questions, then ask for the visit summary page."""
        appt = self.selected_appointment()
        if appt is None:
            return
        clock, zone = self.context.clock, self.context.zone_name
        # Working it out moves open questions of earlier visits on: a write.
        self.write(lambda vault: appointment_service.visit_preparation(vault, appt.id, clock=clock, zone_name=zone),
                   {APPOINTMENTS}, on_done=lambda r: self.prepare_visit_requested.emit(r[0], r[1], list(r[2])),
                   error_title=_("The visit could not be prepared"))

    def export_calendar(self, single: bool) -> None:
        person = self.person
        appt = self.selected_appointment() if single else None
        if person is None or (single and appt is None):
            return
        name = appointment_service.default_calendar_filename(self.today(), single)
        path, _f = QFileDialog.getSaveFileName(self, _("Save as a calendar file"), str(documents_folder() / name),
                                               _("Calendar files (*.ics)"))
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".ics")
        clock = self.context.clock
        ids = [appt.id] if appt is not None else None
        chosen = [appt] if appt is not None else self._lists.upcoming + self._lists.past
        include = any(a.open_questions for a in chosen) and self._ask_include_questions()

        def write(vault) -> Path:
            return appointment_service.save_calendar(vault, person.id, target, ids, clock=clock,
                                                     include_questions=include)

        self.read(write, lambda p: self._say(_("Saved {file} in {folder}. Open it to add it to your calendar.").format(
            file=p.name, folder=p.parent)),
                  key="calendar", error_title=_("The calendar file was not saved"))

    def _ask_include_questions(self) -> bool:
        """Questions are private; a calendar is often shared or synced, so ask (default: leave out)."""
        return confirm(self, _("Put your questions for the visit in the calendar file too?"),
                       details=_("Calendars are often shared with family or synced to other devices, "
                               "so anyone who sees the calendar could read them."),
                       yes=_("Put the questions in"), no=_("Leave them out"), title=_("Questions in the calendar?"))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Coming back to the page: "now" may have moved a visit from upcoming to past."""
        super().showEvent(event)
        if self.person is not None and not event.spontaneous():
            self.reload()
