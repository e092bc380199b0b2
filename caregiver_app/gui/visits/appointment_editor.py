"""The appointment editor: when (date, time or all day, time zone), with whom, where or by video,
what for, the questions to ask (in order, ticked when answered) and notes after the visit."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.network import Appointment, Contact, Question
from ...services import appointments as appointment_service
from ..common import formatting
from ..common.form import EditorDialog
from ..common.ops import APPOINTMENTS
from ..common.wall_clock import TimeField

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
        super().__init__(context, "Edit appointment" if appointment else "New appointment",
                         changes={APPOINTMENTS}, parent=parent)
        self._clock = context.clock
        self._person_id = person_id
        self._appointment = appointment
        self._zone_name = zone_name
        self.problem_label = self.panel.problem_label
        self.save_button = self.panel.save_button
        self._build(contacts)
        self._load(appointment, today)
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
        body = QWidget(self)
        columns = QHBoxLayout(body)
        # Two columns so the questions are in view when the dialog opens, not below the fold.
        layout = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(layout, 1)
        columns.addLayout(right, 1)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.provider_box = QComboBox(body)
        self.provider_box.setAccessibleName("Provider")
        self.provider_box.addItem("No one chosen", None)
        for c in sorted(contacts, key=lambda c: (not c.clinical, c.name.casefold())):
            self.provider_box.addItem(f"{c.name} ({c.role.label})", c.id)
        form.addRow("&With", self.provider_box)
        self._contacts = {c.id: c for c in contacts}
        self._filled_place = ""
        self.provider_box.currentIndexChanged.connect(self._fill_place_from_provider)
        self.purpose_edit = QLineEdit(body)
        self.purpose_edit.setAccessibleName("Purpose")
        self.purpose_edit.setPlaceholderText("For example: medication check, first visit, therapy")
        self.purpose_edit.setMaxLength(300)
        form.addRow("&Purpose", self.purpose_edit)

        self.date_edit = QDateEdit(body)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(formatting.date_pattern(weekday=True))
        self.date_edit.setAccessibleName("Date")
        form.addRow("&Date", self.date_edit)
        time_row = QHBoxLayout()
        self.time_edit = TimeField(body)
        self.time_edit.setDisplayFormat(formatting.time_pattern())
        self.time_edit.setAccessibleName("Start time")
        self.all_day_check = QCheckBox("All d&ay", body)
        self.all_day_check.toggled.connect(self._on_all_day)
        self.duration = QSpinBox(body)
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" minutes")
        self.duration.setAccessibleName("How long, in minutes")
        time_row.addWidget(self.time_edit)
        self.length_label = QLabel("lastin&g", body)
        self.length_label.setBuddy(self.duration)
        time_row.addWidget(self.length_label)
        time_row.addWidget(self.duration)
        time_row.addWidget(self.all_day_check)
        time_row.addStretch(1)
        time_label = QLabel("&Time", body)
        time_label.setBuddy(self.time_edit)
        form.addRow(time_label, time_row)
        self.zone_box = QComboBox(body)
        self.zone_box.setEditable(True)
        self.zone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_box.addItems(_zones())
        self.zone_box.setAccessibleName("Time zone")
        completer = QCompleter(self.zone_box.model(), self.zone_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_box.setCompleter(completer)
        form.addRow("Time &zone", self.zone_box)
        self.place_edit = QPlainTextEdit(body)
        self.place_edit.setAccessibleName("Place")
        self.place_edit.setTabChangesFocus(True)
        self.place_edit.setMaximumHeight(int(self.place_edit.fontMetrics().lineSpacing() * 4 + 12))
        form.addRow("P&lace", self.place_edit)
        self.video_edit = QLineEdit(body)
        self.video_edit.setAccessibleName("Video link")
        self.video_edit.setPlaceholderText("https://… (for a video visit)")
        form.addRow("&Video link", self.video_edit)
        layout.addLayout(form)

        questions = QGroupBox("Questions to ask", body)
        q_layout = QVBoxLayout(questions)
        hint = QLabel("In the order you want to ask them. Tick a question once it is answered; "
                      "open ones move on to the next visit with the same person.", questions)
        hint.setWordWrap(True)
        q_layout.addWidget(hint)
        self.question_list = QListWidget(questions)
        self.question_list.setAccessibleName("Questions to ask")
        self.question_list.setMinimumHeight(self.question_list.fontMetrics().height() * 6)
        q_layout.addWidget(self.question_list)
        add_row = QHBoxLayout()
        self.question_edit = QLineEdit(questions)
        self.question_edit.setAccessibleName("New question")
        self.question_edit.setPlaceholderText("Type a question and press Enter")
        self.question_edit.setMaxLength(500)
        self.question_edit.returnPressed.connect(self.add_question)
        self.add_question_button = QPushButton("Add &question", questions)
        self.add_question_button.clicked.connect(self.add_question)
        add_row.addWidget(self.question_edit, 1)
        add_row.addWidget(self.add_question_button)
        q_layout.addLayout(add_row)
        move_row = QHBoxLayout()
        self.up_button = QPushButton("Move &up", questions)
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button = QPushButton("Move dow&n", questions)
        self.down_button.clicked.connect(lambda: self.move_question(1))
        self.remove_question_button = QPushButton("&Remove", questions)
        self.remove_question_button.setAccessibleName("Remove the chosen question")
        self.remove_question_button.clicked.connect(self.remove_question)
        for button in (self.up_button, self.down_button, self.remove_question_button):
            move_row.addWidget(button)
        move_row.addStretch(1)
        q_layout.addLayout(move_row)
        right.addWidget(questions, 1)

        notes_label = QLabel("N&otes after the visit", body)
        self.notes_edit = QPlainTextEdit(body)
        self.notes_edit.setAccessibleName("Notes after the visit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText("What was said, what changed, what to do next")
        self.notes_edit.setMinimumHeight(int(self.notes_edit.fontMetrics().lineSpacing() * 4 + 12))
        notes_label.setBuddy(self.notes_edit)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit)
        layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.fields.addWidget(scroll, 1)
        for name, widget in (("video_link", self.video_edit), ("zone_name", self.zone_box), ("at", self.time_edit)):
            self.panel.add_field(name, widget)
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
        text = question.text + ("  (from an earlier visit)" if question.carried_over else "")
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
