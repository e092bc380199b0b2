"""The appointment editor: when (date, time or all day, time zone), with whom, where or by video,
what for, the questions to ask (in order, ticked when answered) and notes after the visit."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QCompleter, QListWidgetItem, QPushButton, QWidget

from ...domain.network import Appointment, Contact, Question
from ...i18n import _
from ...services import appointments as appointment_service
from ..common import formatting
from ..common.form import EditorDialog
from ..common.ops import APPOINTMENTS
from ..forms.ui_appointment_editor import Ui_AppointmentFields

CARRIED_ROLE = Qt.ItemDataRole.UserRole + 1
ANSWER_ROLE = Qt.ItemDataRole.UserRole + 2


def _zones() -> list[str]:
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))) + ["UTC"]


class AppointmentEditor(EditorDialog):
    """Add or edit an appointment of person ``person_id``; ``contacts`` are the providers to
    choose from, ``zone_name`` the zone a new appointment starts in and ``today`` the local date
    (a new one starts a week later). Save runs as a write off the GUI thread (``result_value``
    is then the saved :class:`Appointment`); a problem shows inside the dialog, at the field it
    is about, and the dialog stays open."""

    def __init__(
        self,
        context,
        person_id: int,
        contacts: list[Contact],
        *,
        zone_name: str,
        today: date,
        appointment: Appointment | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(context, _("Edit appointment") if appointment else _("New appointment"),
                         changes={APPOINTMENTS}, parent=parent)
        self._clock = context.clock
        self._person_id = person_id
        self._appointment = appointment
        self._zone_name = zone_name
        self.problem_label = self.panel.problem_label
        self.save_button = self.panel.save_button
        self._build(contacts)
        self._load(appointment, today)
        self.provider_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_to_screen()

    @property
    def saved(self) -> Appointment | None:
        """The appointment as saved (None until Save succeeded)."""
        return self.result_value

    def _fit_to_screen(self) -> None:
        """Wide enough for both columns (the questions beside the visit), within the screen."""
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 150, metrics.height() * 40
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(max(width, self.minimumSizeHint().width()), height)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter belongs to the field it is typed in; it never saves or closes the dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            event.accept()
            return
        super().keyPressEvent(event)

    def _build(self, contacts: list[Contact]) -> None:
        # The static layout is ui/appointment_editor.ui: two columns, so the questions are in view
        # when the dialog opens. Providers, zones, locale formats and font-sized heights are added here.
        holder = QWidget(self)
        ui = self.form = Ui_AppointmentFields()
        ui.setupUi(holder)
        self.fields.addWidget(holder, 1)
        self.provider_box = ui.provider_box
        self.provider_box.addItem(_("No one chosen"), None)
        for c in sorted(contacts, key=lambda c: (not c.clinical, c.name.casefold())):
            self.provider_box.addItem(f"{c.name} ({c.role.label})", c.id)
        self._contacts = {c.id: c for c in contacts}
        self._filled_place = ""
        self.provider_box.currentIndexChanged.connect(self._fill_place_from_provider)
        self.purpose_edit, self.date_edit, self.time_edit = ui.purpose_edit, ui.date_edit, ui.time_edit
        self.date_edit.setDisplayFormat(formatting.date_pattern(weekday=True))
        self.time_edit.setDisplayFormat(formatting.time_pattern())
        self.all_day_check, self.duration, self.length_label = ui.all_day_check, ui.duration, ui.length_label
        self.all_day_check.toggled.connect(self._on_all_day)
        self.zone_box = ui.zone_box
        self.zone_box.addItems(_zones())
        completer = QCompleter(self.zone_box.model(), self.zone_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_box.setCompleter(completer)
        self.place_edit, self.video_edit, self.notes_edit = ui.place_edit, ui.video_edit, ui.notes_edit
        self.place_edit.setMaximumHeight(int(self.place_edit.fontMetrics().lineSpacing() * 4 + 12))
        self.notes_edit.setMinimumHeight(int(self.notes_edit.fontMetrics().lineSpacing() * 4 + 12))
        self.question_list, self.question_edit = ui.question_list, ui.question_edit
        self.question_list.setMinimumHeight(self.question_list.fontMetrics().height() * 6)
        self.question_edit.returnPressed.connect(self.add_question)
        self.add_question_button = ui.add_question_button
        self.add_question_button.clicked.connect(self.add_question)
        self.up_button, self.down_button = ui.up_button, ui.down_button
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button.clicked.connect(lambda: self.move_question(1))
        self.remove_question_button = ui.remove_question_button
        self.remove_question_button.clicked.connect(self.remove_question)
        for name, widget in (("video_link", self.video_edit), ("zone_name", self.zone_box), ("at", self.time_edit)):
            self.panel.add_field(name, widget)
        QWidget.setTabOrder(self.remove_question_button, self.panel.save_button)  # Save and Cancel last
        QWidget.setTabOrder(self.panel.save_button, self.panel.cancel_button)
        # Enter belongs to the field it is typed in (it adds a question); saving is Alt+S or a click,
        # so a half-finished appointment is never saved and closed by a stray Enter.
        # Every button in a dialog is "auto default" in Qt, and the dialog makes one of them
        # (Move up, Add question, ...) the default when it opens, so Enter in any field used to
        # press it; none may be.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _load(self, appt: Appointment | None, today: date) -> None:
        if appt is None:
            self.date_edit.setDate(QDate(today.year, today.month, today.day).addDays(7))
            self.time_edit.setTime(QTime(10, 0))
            self.duration.setValue(60)
            self._set_zone(self._zone_name)
            return
        self.provider_box.setCurrentIndex(max(0, self.provider_box.findData(appt.contact_id)))
        self.purpose_edit.setText(appt.purpose)
        d = appt.local_date
        self.date_edit.setDate(QDate(d.year, d.month, d.day))
        self._set_zone(appt.zone_name)
        if appt.all_day:
            self.time_edit.setTime(QTime(10, 0))
            self.all_day_check.setChecked(True)
        else:
            local = appt.starts_at.astimezone(ZoneInfo(appt.zone_name))
            self.time_edit.setTime(QTime(local.hour, local.minute))
        self.duration.setValue(appt.duration_minutes)
        self.place_edit.setPlainText(appt.place)
        self.video_edit.setText(appt.video_link)
        for q in appt.questions:
            self._append_question(q)
        self.notes_edit.setPlainText(appt.notes_after)

    def _fill_place_from_provider(self, _index: int) -> None:
        """The place follows the chosen provider's clinic and address while the user has not
        written a place of their own (an empty place or the one filled in before)."""
        contact = self._contacts.get(self.provider_box.currentData())
        current = self.place_edit.toPlainText().strip()
        if current and current != self._filled_place:
            return
        place = "\n".join(p for p in (contact.organisation, contact.address) if p).strip() if contact else ""
        self.place_edit.setPlainText(place)
        self._filled_place = place

    def _set_zone(self, name: str) -> None:
        index = self.zone_box.findText(name)
        if index < 0:
            self.zone_box.addItem(name)
            index = self.zone_box.count() - 1
        self.zone_box.setCurrentIndex(index)

    def _on_all_day(self, checked: bool) -> None:
        self.time_edit.setEnabled(not checked)
        self.duration.setEnabled(not checked)

    # --- questions ------------------------------------------------------------------------
    def _append_question(self, question: Question) -> QListWidgetItem:
        text = _("{question}  (from an earlier visit)").format(question=question.text) if question.carried_over \
            else question.text
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, question.text)
        item.setData(CARRIED_ROLE, question.carried_over)
        item.setData(ANSWER_ROLE, question.answer)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if question.answered else Qt.CheckState.Unchecked)
        self.question_list.addItem(item)
        return item

    def add_question(self) -> None:
        text = " ".join(self.question_edit.text().split())
        if not text:
            return
        item = self._append_question(Question(text))
        self.question_list.setCurrentItem(item)
        self.question_edit.clear()
        self.question_edit.setFocus()

    def remove_question(self) -> None:
        row = self.question_list.currentRow()
        if row >= 0:
            self.question_list.takeItem(row)

    def move_question(self, step: int) -> None:
        row = self.question_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.question_list.count():
            return
        item = self.question_list.takeItem(row)
        self.question_list.insertItem(target, item)
        self.question_list.setCurrentRow(target)

    def questions(self) -> tuple[Question, ...]:
        found = []
        for i in range(self.question_list.count()):
            item = self.question_list.item(i)
            found.append(Question(item.data(Qt.ItemDataRole.UserRole),
                                  item.checkState() == Qt.CheckState.Checked,
                                  item.data(ANSWER_ROLE) or "",
                                  bool(item.data(CARRIED_ROLE))))
        return tuple(found)

    # --- saving ---------------------------------------------------------------------------
    def draft(self) -> appointment_service.AppointmentDraft:
        at: time | None = None if self.all_day_check.isChecked() else self.time_edit.time().toPython()
        return appointment_service.AppointmentDraft(
            person_id=self._person_id,
            day=self.date_edit.date().toPython(),
            at=at,
            zone_name=self.zone_box.currentText().strip(),
            duration_minutes=self.duration.value(),
            contact_id=self.provider_box.currentData(),
            place=self.place_edit.toPlainText(),
            video_link=self.video_edit.text(),
            purpose=self.purpose_edit.text(),
            questions=self.questions(),
            notes_after=self.notes_edit.toPlainText(),
            appointment_id=self._appointment.id if self._appointment else None,
        )

    def make_job(self):
        """A question still in the box is added first; the service checks the rest on the write
        lane and names the field of a problem."""
        if self.question_edit.text().strip():
            self.add_question()
        draft, clock = self.draft(), self._clock
        return lambda vault: appointment_service.save_appointment(vault, draft, clock=clock)
