"""The Visit summary page: choose the dates, the paper and who prepared it, see what will be in
it, and save the PDF (built in the task runner) to hand to the doctor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CaregiverError
from ..domain.model import Person
from ..domain.summary import VisitSummaryData
from ..services import journal, people, summary
from .context import AppContext
from .errors import show_error
from .models.journal_model import day_heading

QUICK_RANGES = (("Last &2 weeks", 14), ("Last &30 days", 30), ("Last &90 days", 90))
CUSTOM = 0


def default_paper(settings_paper: str = "auto") -> str:
    """``"letter"`` or ``"a4"``: the user's setting, else Letter where the computer uses US
    measurements and A4 elsewhere."""
    if settings_paper in ("letter", "a4"):
        return settings_paper
    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if us else "a4"


def documents_folder() -> Path:
    """The user's Documents folder (their home folder when the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def describe_summary(data: VisitSummaryData) -> str:
    """A short plain preview of what the PDF will include."""
    span = (data.end - data.start).days + 1
    lines = [f"From {day_heading(data.start)} to {day_heading(data.end)} ({_plural(span, 'day')})."]
    if data.is_empty:
        lines.append("There are no journal entries in these dates. You can still save the summary; "
                     "it will say that nothing was recorded.")
        return "\n".join(lines)
    days_with = sum(1 for d in data.days if d.entry_count)
    lines.append(f"• {_plural(len(data.entries), 'journal entry', 'journal entries')} on {_plural(days_with, 'day')}")
    if data.flagged:
        lines.append(f"• {_plural(len(data.flagged), 'entry', 'entries')} marked to bring up at this visit")
    else:
        lines.append("• No entries are marked to bring up at this visit")
    if data.symptoms:
        top = data.symptoms[0]
        lines.append(f"• {_plural(len(data.symptoms), 'symptom')}; the most frequent is "
                     f"{top.name} (on {_plural(top.days_present, 'day')}, worst {top.worst}/10)")
    lines.append("• A mood and sleep chart, with days left blank when nothing was recorded")
    return "\n".join(lines)


class SummaryPage(QWidget):
    """Make the visit summary PDF for the chosen person."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._person: Person | None = None
        self._generation = 0
        self._preview_running = False
        self._preview_again = False
        self.last_saved_path: Path | None = None
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = QLabel(body)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        intro = QLabel("Make a short PDF to print or bring to the visit. It shows how mood, sleep and "
                       "symptoms changed, the hardest days, and anything marked to bring up.", body)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        range_box = QGroupBox("Which dates", body)
        range_layout = QVBoxLayout(range_box)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[int, QRadioButton] = {}
        for text, days in QUICK_RANGES:
            button = QRadioButton(text, range_box)
            self.range_group.addButton(button, days)
            self.range_buttons[days] = button
            range_layout.addWidget(button)
        self.custom_button = QRadioButton("&Choose dates", range_box)
        self.range_group.addButton(self.custom_button, CUSTOM)
        range_layout.addWidget(self.custom_button)
        self.start_edit = self._date_edit(range_box, "First day of the summary")
        self.end_edit = self._date_edit(range_box, "Last day of the summary")
        dates = QFormLayout()
        dates.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        dates.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        dates.addRow("First &day", self.start_edit)
        dates.addRow("&Last day", self.end_edit)
        range_layout.addLayout(dates)
        self.range_buttons[30].setChecked(True)
        self.range_group.idToggled.connect(self._on_range_toggled)
        layout.addWidget(range_box)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.paper_box = QComboBox(body)
        self.paper_box.addItem("Letter (8.5 × 11 inches)", "letter")
        self.paper_box.addItem("A4 (210 × 297 mm)", "a4")
        self.paper_box.setCurrentIndex(self.paper_box.findData(default_paper(self._context.settings.paper)))
        self.paper_box.setAccessibleName("Paper size")
        form.addRow("&Paper", self.paper_box)
        self.preparer_edit = QLineEdit(body)
        self.preparer_edit.setPlaceholderText("Your name, for example Maria Rivera (mother)")
        self.preparer_edit.setAccessibleName("Prepared by")
        self.preparer_edit.setMaxLength(120)
        self.preparer_edit.setMinimumWidth(self.preparer_edit.fontMetrics().averageCharWidth() * 40)
        form.addRow("Prepared &by", self.preparer_edit)
        layout.addLayout(form)

        preview_title = QLabel("What the summary will include", body)
        bold = preview_title.font()
        bold.setBold(True)
        preview_title.setFont(bold)
        layout.addWidget(preview_title)
        self.preview_label = QLabel(body)
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                   | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.preview_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.preview_label.setAccessibleName("What the summary will include")
        layout.addWidget(self.preview_label)

        self.save_button = QPushButton("&Save PDF…", body)
        self.save_button.setToolTip("Save the visit summary as a PDF (Ctrl+S)")
        self.save_button.clicked.connect(self.save_pdf)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout.addLayout(save_row)

        self.saved_label = QLabel(body)
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton("&Open the PDF", body)
        self.open_button.setAccessibleName("Open the saved PDF")
        self.open_button.clicked.connect(self.open_saved)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.saved_label, 1)
        saved_row.addWidget(self.open_button)
        self.saved_panel = QWidget(body)
        saved_row.setContentsMargins(0, 0, 0, 0)
        self.saved_panel.setLayout(saved_row)
        self.saved_panel.hide()
        layout.addWidget(self.saved_panel)
        layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it follows the focused field by itself
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save_pdf)
        self.start_edit.dateChanged.connect(lambda _d: self._on_dates_changed())
        self.end_edit.dateChanged.connect(lambda _d: self._on_dates_changed())

    def _date_edit(self, parent: QWidget, name: str) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("ddd d MMM yyyy")
        edit.setAccessibleName(name)
        return edit

    # --- public -------------------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        """Summarise ``person``'s journal; None disables the page."""
        self._person = person
        self._generation += 1
        self.saved_panel.hide()
        self.heading.setText(f"Visit summary for {person.display_name}" if person else "Visit summary")
        self.setEnabled(person is not None)
        if person is None:
            self.preview_label.setText("Choose or add a person to make a visit summary.")
            return
        self._apply_quick_range()
        self._load_preparer()
        self.refresh_preview()

    def clear(self) -> None:
        """Drop names, previews and paths (the vault locked)."""
        self._generation += 1
        self._person = None
        self.last_saved_path = None
        self.preparer_edit.clear()
        self.preview_label.clear()
        self.saved_label.clear()
        self.saved_panel.hide()
        self.heading.setText("Visit summary")
        self.setEnabled(False)

    def date_range(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def paper(self) -> str:
        return self.paper_box.currentData()

    def refresh_preview(self) -> None:
        """Read what the summary would hold (in the background) and describe it."""
        person = self._person
        if person is None or person.id is None:
            return
        start, end = self.date_range()
        try:
            summary.check_range(start, end)
            vault = self._context.require_vault()
        except CaregiverError as exc:
            self.preview_label.setText(str(exc))
            self.save_button.setEnabled(False)
            return
        self.save_button.setEnabled(True)
        if self._preview_running:
            self._preview_again = True
            return
        self._preview_running = True
        generation = self._generation
        request = summary.SummaryRequest(person.id, start, end)
        zone, clock = self._context.zone_name, self._context.clock

        def done(data: VisitSummaryData) -> None:
            self._preview_running = False
            if generation == self._generation:
                self.preview_label.setText(describe_summary(data))
            self._again_if_needed()

        def failed(exc: BaseException) -> None:
            self._preview_running = False
            if generation == self._generation:
                self.preview_label.setText("The preview could not be made.")
                show_error(self, exc, "The preview could not be made")
            self._again_if_needed()

        self._context.runner.run(
            lambda: summary.build_summary(vault, request, prepared_by="", zone_name=zone, clock=clock),
            on_done=done, on_error=failed, parent=self,
        )

    def save_pdf(self) -> None:
        """Ask where to save, then build and write the PDF in the background."""
        person = self._person
        if person is None or person.id is None or not self.save_button.isEnabled():
            return
        start, end = self.date_range()
        try:
            summary.check_range(start, end)
            vault = self._context.require_vault()
        except CaregiverError as exc:
            show_error(self, exc, "The summary was not saved")
            return
        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        suggested = documents_folder() / summary.default_filename(today)
        path, _filter = QFileDialog.getSaveFileName(self, "Save the visit summary", str(suggested), "PDF files (*.pdf)")
        if not path:
            return
        request = summary.SummaryRequest(person.id, start, end)
        name = " ".join(self.preparer_edit.text().split())
        paper, zone, clock = self.paper(), self._context.zone_name, self._context.clock
        generation = self._generation

        def job() -> Path:
            people.set_preparer_name(vault, name)
            data = summary.build_summary(vault, request, prepared_by=name, zone_name=zone, clock=clock)
            return summary.write_summary_pdf(data, Path(path), paper=paper)

        def done(saved: Path) -> None:
            self.save_button.setEnabled(True)
            if generation != self._generation:
                return
            self.last_saved_path = saved
            self.saved_label.setText(f"Saved the visit summary as {saved.name} in {saved.parent}.")
            self.saved_panel.show()
            self.open_button.setFocus()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            show_error(self, exc, "The summary was not saved")

        self.save_button.setEnabled(False)
        self._context.runner.run(job, on_done=done, on_error=failed, parent=self, label="Making the visit summary…")

    def open_saved(self) -> None:
        """Open the saved PDF in the computer's PDF viewer."""
        if self.last_saved_path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_saved_path))):
            show_error(self, CaregiverError(
                f"This computer has no program set up to open PDF files. The file is saved at {self.last_saved_path}."
            ), "The PDF could not be opened")

    def showEvent(self, event) -> None:
        """Coming back to the page: the journal may have changed, and so may today's date."""
        super().showEvent(event)
        if self._person is not None and not event.spontaneous():
            self._apply_quick_range()
            self.refresh_preview()

    # --- private ------------------------------------------------------------------------
    def _again_if_needed(self) -> None:
        if self._preview_again:
            self._preview_again = False
            self.refresh_preview()

    def _today(self) -> date:
        return journal.local_now(self._context.clock, self._context.zone_name).date()

    def _apply_quick_range(self) -> None:
        days = self.range_group.checkedId()
        custom = days == CUSTOM
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        if custom:
            return
        start, end = journal.last_days(self._today(), days)
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

    def _load_preparer(self) -> None:
        try:
            vault = self._context.require_vault()
        except CaregiverError:
            return
        generation = self._generation

        def done(name: str) -> None:
            if generation == self._generation and not self.preparer_edit.isModified():
                self.preparer_edit.setText(name)

        self._context.runner.run(lambda: people.preparer_name(vault), on_done=done, parent=self)
