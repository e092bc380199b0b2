"""The Visit summary page: choose what to print (person, dates, appendix sections, what to leave
out, questions), see the real PDF in a preview with zoom and page navigation, print it through the
system print dialog or save it. Building runs in the background with a progress bar and Cancel."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ...domain import crisis_lines
from ...domain.errors import CaregiverError
from ...domain.model import Person
from ...i18n import N_, _
from ...domain.summary import DEFAULT_SECTIONS, LeaveOut, Section, SummaryCancelled, SummaryChoices
from ...services import journal, pdf_child, summary
from ..common import formatting
from ..common.country import current_country, paper
from ..common.errors import log_safely, show_error
from ..common.ops import APPOINTMENTS, CHECKINS, CONTACTS, JOURNAL, MEDICATIONS, PLANS, SCORES, SUMMARY, Op
from ..common.building import bar, column, open_saved_pdf, push_button, scroll_area, shortcut, side_by_side
from ..common.page import Page
from ..common.tag_choices import FlowLayout
from ..common.wrap_check import WrappingCheckBox
from ..context import AppContext
from ..forms.ui_summary_controls import Ui_SummaryControls
from ..journal.journal_model import day_heading
from .leave_out_dialog import LeaveOutDialog
from .preparer_fields import PreparerFields
# default_paper is imported from here by tests
from .summary_describe import default_paper, describe_summary, leave_out_text, pages_text  # noqa: F401
from ..common.building import documents_folder
from ..common.printout_language import chosen_language, choose_language, language_box
from .summary_cache import PRINTED
from .summary_preview import PdfPreview, print_pdf

CUSTOM = 0
SINCE_VISIT = -1
# Past this, the PDF child starts before the vault is read: that gains at most the read's time (~25 ms
# for 30 days, ~0.3 s for 10 years) but competes with showing the page (+20-40 ms on a busy 2-core machine).
AHEAD_AFTER_DAYS = 92
# The process that makes the preview was ended from outside (the out-of-memory killer, kill -9).
CHILD_STOPPED = N_("Making the preview stopped before it was finished. What you saved before is safe. "
                   "Press Update the preview to try again.")


class _Progress(QObject):
    """Carries the builder's plain progress callback from the worker thread to the GUI."""

    moved = Signal(int, int)


class SummaryPage(Page):
    """Choose, preview, print and save the visit summary for the chosen person."""

    title = N_("Visit summary")
    # What the summary prints; its own choices (SUMMARY) are written by this page and never
    # make it build again.
    watches = frozenset({JOURNAL, MEDICATIONS, SCORES, CHECKINS, PLANS, CONTACTS, APPOINTMENTS})

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._building: Op | None = None
        self._after_build = None  # Save or Print asked for while the preview was being made again
        self._pdf: bytes | None = None
        self._pdf_key: tuple | None = None
        self._building_key: tuple | None = None
        self._last_visit = None
        self.leave_out = LeaveOut()
        self._choices_loaded = False
        self._kept_choices: SummaryChoices | None = None
        self.visit_questions: list[str] = []
        self._prepared = False  # "Prepare for this visit" set the questions of the person shown
        self.last_saved_path: Path | None = None
        self._relay = _Progress(self)
        self._relay.moved.connect(self._on_progress)
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        # The controls' static layout is ui/summary_controls.ui; what depends on the data or the
        # locale (sections, paper names, date formats, the preparer rows) is added here.
        body = QWidget(self)
        ui = self.controls = Ui_SummaryControls()
        ui.setupUi(body)
        self.range_group = QButtonGroup(self)
        self.since_button, self.custom_button = ui.since_button, ui.custom_button
        self.range_group.addButton(self.since_button, SINCE_VISIT)
        self.range_buttons: dict[int, QRadioButton] = {14: ui.last_14_button, 30: ui.last_30_button,
                                                       90: ui.last_90_button}
        for days, button in self.range_buttons.items():
            self.range_group.addButton(button, days)
        self.range_group.addButton(self.custom_button, CUSTOM)
        self.start_edit, self.end_edit = ui.start_edit, ui.end_edit
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat(formatting.date_pattern(weekday=True))
        self.range_group.idToggled.connect(self._on_range_toggled)

        self.section_box = ui.section_box
        self.section_checks: dict[Section, QCheckBox] = {}
        for section in summary.offered_sections():
            check = WrappingCheckBox(_(section.title), self.section_box)  # the long ones wrap at large text
            check.setChecked(section in DEFAULT_SECTIONS)
            check.toggled.connect(lambda _on: self.refresh_preview())
            self.section_checks[section] = check
            ui.section_layout.addWidget(check)

        self.leave_out_button, self.leave_out_label = ui.leave_out_button, ui.leave_out_label
        self.leave_out_button.clicked.connect(self.choose_leave_out)
        ui.questions_label.setWordWrap(True)  # at large text it would hold the column wide
        self.questions_edit = ui.questions_edit
        self.questions_edit.setFixedHeight(self.fontMetrics().height() * 5)
        self.paper_box = ui.paper_box
        self.paper_box.addItem(_("Letter (8.5 × 11 inches)"), "letter")
        self.paper_box.addItem(_("A4 (210 × 297 mm)"), "a4")
        self.paper_box.setCurrentIndex(self.paper_box.findData(paper(self.context.settings)))
        self.paper_box.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        # The printout's language, beside the paper: a family may hand an English summary to the
        # clinic from a Spanish window. Remembered with the other choices, per person.
        self.language_box = language_box(body)
        ui.paper_form.insertRow(1, _("Lan&guage of the printout"), self.language_box)
        self.language_box.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.preparer_fields = PreparerFields(self.context, ui.paper_form, body)
        self.preparer_edit = self.preparer_fields.name_edit
        fields = self.preparer_fields  # added after the form: put them back in its tab order
        chain = [self.paper_box, self.language_box, fields.name_edit, fields.relationship_edit, fields.phone_edit, ui.preview_label]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.preview_label = ui.preview_label
        self.update_button, self.print_button, self.save_button = ui.update_button, ui.print_button, ui.save_button
        # The three buttons go onto a second line when the column is narrow (large text).
        actions = FlowLayout()
        for button in (self.update_button, self.print_button, self.save_button):
            ui.actions_row.removeWidget(button)
            actions.addWidget(button)
        controls = body.layout()
        index = controls.indexOf(ui.actions_row)
        controls.takeAt(index)
        ui.actions_row.deleteLater()
        controls.insertLayout(index, actions)
        self.update_button.clicked.connect(self.refresh_preview)
        self.print_button.clicked.connect(self.print_summary)
        self.save_button.clicked.connect(self.save_pdf)
        self.saved_panel, self.saved_label, self.open_button = ui.saved_panel, ui.saved_label, ui.open_button
        self.open_button.clicked.connect(self.open_saved)
        self.saved_panel.hide()

        scroll = scroll_area(body, self, focusable=False, sideways=False)  # never narrower than the controls

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(_("Making the summary"))
        self.progress_bar.setRange(0, 100)
        # TRANSLATORS: keep Qt's percent placeholder (the letter p after a percent sign).
        self.progress_bar.setFormat(_("Making the summary… %p%"))
        self.cancel_button = push_button(_("Cancel"), self, self.cancel_build, name=_("Stop making the summary"))
        self.progress_panel = bar(self, self.progress_bar, self.cancel_button)
        self.preview = PdfPreview(self)
        right = column(self, self.progress_panel, (self.preview, 1), margins=False)

        self.splitter = side_by_side(self, scroll, right, stretch=(2, 3))
        self.controls_scroll = scroll
        self._own_split = False  # once the user drags the divider, their split stays
        self.splitter.splitterMoved.connect(self._on_split_moved)
        self.body.addWidget(self.splitter, 1)

        for keys, slot in (("Ctrl+S", self.save_pdf), ("Ctrl+P", self.print_summary), ("F5", self.refresh_preview)):
            shortcut(self, keys, slot)
        self.start_edit.dateChanged.connect(lambda _d: self._on_dates_changed())
        self.end_edit.dateChanged.connect(lambda _d: self._on_dates_changed())

    # --- the page ------------------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        """Summarise ``person``'s journal; None disables the page."""
        if person is not None and self.person is not None and person.id != self.person.id:
            self._remember_choices(quiet=True)  # questions typed for the one shown now stay theirs
        if person is None or self.person is None or person.id != self.person.id:
            self.leave_out = LeaveOut()
            self._show_leave_out()
            choose_language(self.language_box, "")  # the window's, until the person's own choice is read
            self._choices_loaded = False
            self._kept_choices = None
            # Questions are for one person's doctor: never shown, built or saved for another.
            self.visit_questions = []
            self.questions_edit.clear()
            self._prepared = False
        super().set_person(person)
        if person is None:
            self.preview_label.setText(_("Choose or add a person to make a visit summary."))

    def drop(self) -> None:
        self.cancel_build()
        self.saved_panel.hide()
        self._last_visit = None
        self._drop_pdf()

    def load(self, person: Person) -> None:
        self._load_last_visit(person)
        self._apply_quick_range()
        self.preparer_fields.load()
        if not self._choices_loaded:
            self._load_choices(person)
        self.refresh_preview()

    def keep_unsaved_work(self) -> None:
        """Keep the choices and typed questions in the vault at once (the app is locking)."""
        vault, person = self.context.vault, self.person
        if vault is None or not vault.is_open or person is None or not self._choices_loaded:
            return
        choices = self.choices()
        if choices == self._kept_choices:
            return
        try:
            summary.save_choices(vault, person.id, choices, clock=self.context.clock)
        except Exception as exc:  # noqa: BLE001 - a failed save must not keep the vault open
            log_safely(exc)
        self._kept_choices = choices

    def keep_unsaved_work_in_background(self) -> None:
        """Another person was chosen while this page is hidden: keep the choices and typed
        questions of the one shown here (a write), as a switch on screen does."""
        self._remember_choices(quiet=True)

    def clear(self) -> None:
        """Drop names, previews, choices and paths (the vault locked)."""
        super().clear()
        self.last_saved_path = None
        self.leave_out = LeaveOut()
        self._choices_loaded = False
        self._kept_choices = None
        self.visit_questions = []
        self.questions_edit.clear()
        self._prepared = False
        self.preparer_fields.clear()
        choose_language(self.language_box, "")
        self.preview_label.clear()
        self.saved_label.clear()
        self._show_leave_out()

    def prepare(self, start: date, end: date, questions: list[str]) -> None:
        """Preselect ``start``..``end`` (local dates) as chosen dates and ``questions`` (in order) as
        the questions for this visit, e.g. from "Prepare for this visit" on the Appointments page."""
        self.visit_questions = list(questions)
        self.questions_edit.setPlainText("\n".join(self.visit_questions))
        self._prepared = True  # even no questions: the saved ones, read later, must not fill the box
        for edit, value in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)
        self.custom_button.blockSignals(True)
        self.custom_button.setChecked(True)
        self.custom_button.blockSignals(False)
        self._apply_quick_range()
        self.refresh_preview()

    def refresh_country(self) -> None:
        """Settings changed (country, language, time format): build the preview again, so what is
        shown is what Save and Print would give (the main window calls this after Settings).
        The paper follows the country, or the paper chosen in Settings."""
        index = self.paper_box.findData(paper(self.context.settings))
        if index >= 0:
            self.paper_box.blockSignals(True)
            self.paper_box.setCurrentIndex(index)
            self.paper_box.blockSignals(False)
        self.refresh_preview()

    def date_range(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def paper(self) -> str:
        return self.paper_box.currentData()

    def questions(self) -> tuple[str, ...]:
        return tuple(q for q in (" ".join(line.split()) for line in self.questions_edit.toPlainText().splitlines()) if q)

    def choices(self) -> SummaryChoices:
        sections = frozenset(s for s, check in self.section_checks.items() if check.isChecked())
        return SummaryChoices(sections=sections, leave_out=self.leave_out, questions=self.questions(),
                              language=self.language())

    def language(self) -> str:
        """The language the summary is printed in (``"en"``, ``"es"``), whatever the window's."""
        return chosen_language(self.language_box)

    def pdf_bytes(self) -> bytes | None:
        """The PDF now shown in the preview (None while none is ready)."""
        return self._pdf

    def refresh_preview(self) -> None:
        """Build the summary for the current choices in the background and show it. A hidden page
        builds nothing (its show event asks again), so unlocking never waits for a PDF. A newer
        build replaces one still running. Nothing is built when the preview (or the build under
        way) is already of the same choices and data (see :mod:`.summary_cache`)."""
        person = self.person
        if person is None or person.id is None or not self.isVisible():
            return
        start, end = self.date_range()
        try:
            summary.check_range(start, end)
        except CaregiverError as exc:
            self.cancel_build()
            self.preview_label.setText(str(exc))
            self._set_ready(False)
            return
        key = self._key()
        if key == (self._building_key if self._building is not None else self._pdf_key):
            return
        request = summary.SummaryRequest(person.id, start, end, self.choices())
        preparer = self.preparer_fields.preparer()
        paper, zone, clock = self.paper(), self.context.zone_name, self.context.clock
        country = current_country(self.context.settings)
        user_lines = crisis_lines.user_lines_from_dicts(self.context.settings.crisis_lines)
        # The printout's language travels in the choices (the data) and to the PDF writer, which
        # writes its dates for that language in the window's country.
        language, fmt = self.language(), formatting.report_format()
        progress = self._relay.moved.emit
        ahead = (end - start).days > AHEAD_AFTER_DAYS

        def job(vault, control):
            cancelled = lambda: control.cancelled  # noqa: E731
            # Built in a child process: reportlab and its fonts never load in the window's. For a long
            # range the child starts first and loads them while the vault is read (told no data yet).
            with pdf_child.ready_ahead(paper=paper, fmt=fmt, language=language) if ahead else nullcontext():
                data = summary.build_summary(vault, request, prepared_by=preparer.name,
                                             preparer_relationship=preparer.relationship,
                                             preparer_phone=preparer.phone, zone_name=zone, clock=clock,
                                             progress=progress, cancelled=cancelled, country=country,
                                             user_lines=user_lines)
                return data, pdf_child.summary_pdf_bytes(data, paper=paper, progress=progress,
                                                         cancelled=cancelled, fmt=fmt, language=language)

        def done(result) -> None:
            self._finish_build()
            data, pdf = result
            self._pdf, self._pdf_key = pdf, key
            self.preview.set_pdf(pdf)
            self.preview_label.setText(describe_summary(data) + "\n" + pages_text(self.preview.page_count()))
            self._set_ready(True)
            self._remember_choices()
            then, self._after_build = self._after_build, None
            if then is not None:  # Save or Print was pressed for this new preview: carry it out now
                QTimer.singleShot(0, self, then)

        def failed(exc: BaseException) -> None:
            self._finish_build()
            if not isinstance(exc, SummaryCancelled):
                self._after_build = None  # Save or Print waited for this preview: it is not coming
                self.preview_label.setText(_("The preview could not be made."))
                if isinstance(exc, pdf_child.PdfChildStopped):  # killed: restarting the app would not help
                    log_safely(exc)
                    exc = CaregiverError(CHILD_STOPPED)
                show_error(self, exc, _("The preview could not be made"))

        self._set_ready(False)
        self.progress_bar.setValue(0)
        self.progress_panel.show()
        self._building, self._building_key = self.read(job, done, key="build", on_error=failed), key
        if self._building.ended or self._building.dropped:  # ran inline (tests), or the vault is locked
            self._finish_build()

    def cancel_build(self) -> None:
        """Stop the build that is running (the preview keeps what it had)."""
        self._after_build = None
        if self._building is not None:
            self._building.cancel()
        self._finish_build()
        self._set_ready(self._pdf is not None)

    def print_summary(self) -> None:
        """Print what the preview shows: the system print dialog here, the pages drawn for the
        printer off the GUI thread."""
        if not self._current_pdf_ready(then=self.print_summary):
            return
        printer = self.preview.ask_printer(self.paper())
        if printer is None:
            return
        pdf = self._pdf
        self.print_button.setEnabled(False)
        self.context.ops.background(self, lambda: print_pdf(pdf, printer),
                                    on_done=lambda _sent: self.print_button.setEnabled(True),
                                    on_error=lambda exc: self._failed(exc, self.print_button, _("The summary was not printed")),
                                    label=_("Sending the summary to the printer…"))

    def save_pdf(self) -> None:
        """Ask where to save, then write the PDF that the preview shows (off the GUI thread)."""
        person = self.person
        if person is None or not self._current_pdf_ready(then=self.save_pdf):
            return
        suggested = documents_folder() / summary.default_filename(self._today())
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the visit summary"), str(suggested),
                                                    _("PDF files (*.pdf)"))
        if not path:
            return
        pdf = self._pdf
        self.preparer_fields.remember(self)

        def done(saved: Path) -> None:
            self.save_button.setEnabled(True)
            self.last_saved_path = saved
            self.saved_label.setText(_("Saved the visit summary as {file} in {folder}.").format(
                file=saved.name, folder=saved.parent))
            self.saved_panel.show()
            self.open_button.setFocus()

        self.save_button.setEnabled(False)
        self.context.ops.background(self, lambda: summary.write_pdf_bytes(pdf, Path(path)), on_done=done,
                                    on_error=lambda exc: self._failed(exc, self.save_button, _("The summary was not saved")))

    def open_saved(self) -> None:
        """Open the saved PDF in the computer's PDF viewer."""
        open_saved_pdf(self, self.last_saved_path)

    def choose_leave_out(self) -> None:
        """Read the entries, symptoms and tags in the range (off the GUI thread), then open the
        list to tick what stays out; the choice is kept in the vault as a write."""
        person = self.person
        if person is None or person.id is None:
            return
        start, end = self.date_range()
        zone = self.context.zone_name
        self.read(lambda vault: summary.leave_out_choices(vault, person.id, start, end, zone_name=zone),
                  self._ask_leave_out, key="leave-out", error_title=_("The list could not be shown"))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Coming back to the page: the journal may have changed, and so may today's date."""
        super().showEvent(event)
        if self.person is not None and not event.spontaneous():
            self._load_last_visit(self.person)
            self._apply_quick_range()
            self.refresh_preview()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if not self._own_split:  # once the splitter itself has its new width
            QTimer.singleShot(0, self, self._share_width)

    # --- private ------------------------------------------------------------------------
    def _share_width(self) -> None:
        """Give the controls the width they need to show whole (at most 55% of the page), the
        preview the rest: in a 1024 x 700 window and at large text they are not cut off."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        scroll = self.controls_scroll
        # Their natural width (long choices on one line); narrower, they wrap rather than cut off.
        needed = (scroll.widget().sizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
                  + 2 * scroll.frameWidth())
        left = min(needed, int(total * 0.55))
        self.splitter.setSizes([left, total - left])

    def _on_split_moved(self, *_args) -> None:
        self._own_split = True

    def _ask_leave_out(self, options) -> None:
        person = self.person
        if person is None:
            return
        base = self.choices() if self._choices_loaded else None  # never save defaults over kept choices
        dialog = LeaveOutDialog(self.context, person.id, options, self.leave_out, base, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.leave_out = dialog.result_value
                if base is not None:
                    self._kept_choices = self.choices()
                self._show_leave_out()
                self.refresh_preview()
        finally:
            dialog.deleteLater()

    def _remember_choices(self, quiet: bool = False) -> None:
        """Keep the choices in the vault (a write) once the saved ones are back and when they
        changed since last kept: they survive a lock, an auto-lock and a restart."""
        person = self.person
        if person is None or not self._choices_loaded:
            return
        choices, clock = self.choices(), self.context.clock
        if choices == self._kept_choices:
            return
        self._kept_choices = choices
        self.write(lambda vault: summary.save_choices(vault, person.id, choices, clock=clock), {SUMMARY},
                   error_title=_("Your choices for the summary were not kept"),
                   **({"on_error": log_safely} if quiet else {}))

    def _failed(self, exc: BaseException, button: QPushButton, title: str) -> None:
        button.setEnabled(True)
        show_error(self, exc, title)

    def _key(self) -> tuple:
        """What the PDF depends on: the choices, what it prints beyond them and the data version."""
        return (self.person, self.date_range(), self.choices(), self.paper(), self.preparer_fields.preparer(),
                current_country(self.context.settings), tuple(map(str, self.context.settings.crisis_lines)),
                self._today(), self.context.zone_name, formatting.report_format(self.language()),
                self.context.ops.version(PRINTED))

    def _current_pdf_ready(self, then=None) -> bool:
        """True when the preview shows the current choices. Otherwise a new preview is made (or
        is being made) and ``then`` (Save or Print) runs once it is there."""
        if self._pdf is not None and self._building is None and self._pdf_key != self._key():
            self.refresh_preview()  # typed questions or name since: show them first
        if self._pdf is None or self._building is not None or self._pdf_key != self._key():
            self._after_build = then if self._building is not None else None
            return False
        return True

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _finish_build(self) -> None:
        self._building = None
        self.progress_panel.hide()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(int(100 * done / max(total, 1)))

    def _drop_pdf(self) -> None:
        self._pdf = None
        self._pdf_key = None
        self.preview.clear()
        self._set_ready(False)

    def _show_leave_out(self) -> None:
        self.leave_out_label.setText(leave_out_text(self.leave_out))

    def _today(self) -> date:
        return journal.local_now(self.context.clock, self.context.zone_name).date()

    def _load_last_visit(self, person: Person) -> None:
        today = self._today()
        self.read(lambda vault: summary.last_visit_date(vault, person.id, today), self._got_last_visit,
                  key="last-visit", on_error=lambda _exc: self._got_last_visit(None))

    def _got_last_visit(self, day) -> None:
        was, self._last_visit = self._last_visit, day
        self.since_button.setVisible(day is not None)
        if day is not None:
            self.since_button.setText(_("Since the &last visit ({day})").format(day=day_heading(day)))
        elif self.since_button.isChecked():
            self.range_buttons[30].setChecked(True)  # toggling applies the range and builds
            return
        if was != day and self.since_button.isChecked():
            self._apply_quick_range()
            self.refresh_preview()

    def _apply_quick_range(self) -> None:
        choice = self.range_group.checkedId()
        custom = choice == CUSTOM
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        if custom:
            return
        today = self._today()
        if choice == SINCE_VISIT and self._last_visit is not None:
            start, end = self._last_visit, today
        else:
            start, end = journal.last_days(today, choice if choice > 0 else 30)
        for edit, value in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)

    def _on_range_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        self._apply_quick_range()
        if button_id == CUSTOM:
            self.start_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh_preview()

    def _on_dates_changed(self) -> None:
        if self.range_group.checkedId() == CUSTOM:
            self.refresh_preview()

    def _load_choices(self, person: Person) -> None:
        """Put back the sections, leave-outs and questions last used for this person."""

        def done(saved) -> None:
            self._choices_loaded = True
            if saved is None:
                return
            for section, check in self.section_checks.items():
                check.setChecked(section in saved.sections)
            self.leave_out = saved.leave_out
            choose_language(self.language_box, saved.language)
            self._show_leave_out()
            if not self._prepared and not self.questions_edit.toPlainText().strip():  # "Prepare" wins
                self.questions_edit.setPlainText("\n".join(saved.questions))
            self._kept_choices = self.choices()
            self.refresh_preview()

        self.read(lambda vault: summary.saved_choices(vault, person.id), done, key="choices")
