"""The "My plans" page: the chosen person's relapse-prevention plan and safety plan.

Two tabs. "Early warning signs" is the relapse-prevention plan in the WRAP tradition (triggers,
early warning signs linked to the journal, what helps, what to avoid, who to tell). "Safety plan"
holds the Stanley–Brown six steps and reasons for living, and saves a one-page PDF.

Changes are saved with Save (Ctrl+S); switching to another person or locking saves them too, so
nothing typed is lost. ``clear()`` (on lock) drops every plan from the widgets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import crisis_lines
from ...domain.errors import CaregiverError, ValidationError
from ...domain.model import Person
from ...domain.plans import PHONE_MAX_CHARS, RelapsePlan, RelapseSection, SafetyPlan, SafetyStep
from ...services import journal, plans
from ...services import network as contacts
from ..common import formatting
from ..context import AppContext
from ..common.country import current_country
from ..common.country import paper as country_paper
from .crisis_numbers import country_name
from ..common.errors import log_safely, show_error
from .plan_editors import SectionEditor
from ..vault.unlock_screen import announce

RELAPSE = "relapse"
SAFETY = "safety"

RELAPSE_INTRO = (
    "This is a plan for staying well, in the spirit of WRAP (the Wellness Recovery Action Plan). Most "
    "people show the same small changes before they get unwell. Family often notices them first. Write "
    "them down here while things are calm. Link a sign to a journal symptom or tag, and the journal "
    "will tell you when it is recorded."
)
SAFETY_INTRO = (
    "A safety plan is a short list to use in a crisis. It works best when it is written ahead of time, "
    "together with the person and their care team. It follows the Stanley–Brown Safety Plan: six steps "
    "to go through in order until you feel safer, and reasons for living."
)


def documents_folder() -> Path:
    """The user's Documents folder (their home folder when the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def _heading(text: str, parent: QWidget, factor: float) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * factor)
    label.setFont(font)
    return label


def _scrolling(inner: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(inner)
    return scroll


def _plan_phone(contact) -> str:
    """A contact's first phone for a plan line (the number alone when a long extension would not fit)."""
    if not contact.phones:
        return ""
    phone = contact.phones[0]
    return phone.stored() if len(phone.stored()) <= PHONE_MAX_CHARS else phone.number


class PlansPage(QWidget):
    """Edit the chosen person's relapse-prevention plan and safety plan."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._person: Person | None = None
        self._generation = 0
        self._dirty = {RELAPSE: False, SAFETY: False}
        self._loading = False
        self.last_saved_path: Path | None = None
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = _heading("My plans", self, 1.4)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Plans")

        relapse_body = QWidget(self)
        relapse_layout = QVBoxLayout(relapse_body)
        self.relapse_intro = QLabel(RELAPSE_INTRO, relapse_body)
        self.relapse_intro.setWordWrap(True)
        relapse_layout.addWidget(self.relapse_intro)
        self.relapse_editors: dict[RelapseSection, SectionEditor] = {}
        for section in RelapseSection:
            editor = SectionEditor(section.title, section.prompt, section.item_word, has_phone=section.has_phone,
                                   signs=section is RelapseSection.EARLY_SIGNS, parent=relapse_body)
            editor.changed.connect(lambda: self._mark_dirty(RELAPSE))
            self.relapse_editors[section] = editor
            relapse_layout.addWidget(editor)
        relapse_layout.addWidget(QLabel("Source: Mary Ellen Copeland, Wellness Recovery Action Plan (WRAP).",
                                        relapse_body))
        relapse_layout.addStretch(1)
        self.tabs.addTab(_scrolling(relapse_body, self), "&Early warning signs")

        safety_body = QWidget(self)
        safety_layout = QVBoxLayout(safety_body)
        self.safety_intro = QLabel(SAFETY_INTRO, safety_body)
        self.safety_intro.setWordWrap(True)
        safety_layout.addWidget(self.safety_intro)
        self.safety_editors: dict[SafetyStep, SectionEditor] = {}
        for step in SafetyStep:
            editor = SectionEditor(step.heading, step.prompt, step.item_word, has_phone=step.has_phone,
                                   parent=safety_body)
            editor.changed.connect(lambda: self._mark_dirty(SAFETY))
            self.safety_editors[step] = editor
            safety_layout.addWidget(editor)
            if step is SafetyStep.PROFESSIONALS:
                self.crisis_line_label = QLabel(editor)
                self.crisis_line_label.setWordWrap(True)
                editor.layout().addWidget(self.crisis_line_label)
        safety_layout.addWidget(QLabel(
            "Source: Stanley B, Brown GK. Safety Planning Intervention. Cognitive and Behavioral Practice, 2012.",
            safety_body))
        safety_layout.addStretch(1)
        self.tabs.addTab(_scrolling(safety_body, self), "Safety &plan")

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Save status")
        self.save_button = QPushButton("&Save plans", self)
        self.save_button.setToolTip("Save both plans (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.pdf_button = QPushButton("Save safety plan as P&DF…", self)
        self.pdf_button.setToolTip("A one-page PDF to print and keep close")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.open_button = QPushButton("&Open the PDF", self)
        self.open_button.clicked.connect(self.open_saved)
        self.open_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.status_label, 1)

        self.empty_label = QLabel("Choose or add a person to keep their plans.", self)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)

    # --- public -------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        return any(self._dirty.values())

    def set_person(self, person: Person | None) -> None:
        """Show ``person``'s plans (saving unsaved changes of the person shown before)."""
        if self._person is not None and person is not None and person.id == self._person.id:
            self._person = person
            self._show_names()
            return
        if self.is_dirty:
            self._save_now(report=True)
        self._generation += 1
        self._person = person
        self._dirty = {RELAPSE: False, SAFETY: False}
        self._show_names()
        self._fill(RelapsePlan(0), SafetyPlan(0))
        has_person = person is not None and person.id is not None
        self.tabs.setEnabled(has_person)
        self.save_button.setEnabled(has_person)
        self.pdf_button.setEnabled(has_person)
        self.empty_label.setVisible(not has_person)
        self.status_label.clear()
        self.open_button.hide()
        if has_person:
            self._load()

    def clear(self) -> None:
        """Save what was typed, then drop every plan from the widgets (the vault is locking)."""
        if self.is_dirty:
            self._save_now(report=False)
        self._generation += 1
        self._person = None
        self._dirty = {RELAPSE: False, SAFETY: False}
        self._fill(RelapsePlan(0), SafetyPlan(0))
        self.relapse_editors[RelapseSection.EARLY_SIGNS].set_choices([], [])
        for editor in self.safety_editors.values():
            editor.set_contacts([])
        self._show_names()
        self.status_label.clear()
        self.last_saved_path = None
        self.open_button.hide()
        self.tabs.setEnabled(False)
        self.save_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        self.empty_label.show()

    def show_plan(self, which: str) -> None:
        """Show the ``"relapse"`` or ``"safety"`` tab."""
        self.tabs.setCurrentIndex(1 if which == SAFETY else 0)

    def relapse_plan(self) -> RelapsePlan:
        """What the early warning signs tab holds. Raises :class:`ValidationError`."""
        person_id = self._person_id()
        values = {section.value: self.relapse_editors[section].items() for section in RelapseSection}
        return RelapsePlan(person_id=person_id, **values)

    def safety_plan(self) -> SafetyPlan:
        """What the safety plan tab holds. Raises :class:`ValidationError`."""
        person_id = self._person_id()
        values = {step.value: self.safety_editors[step].items() for step in SafetyStep}
        return SafetyPlan(person_id=person_id, **values)

    def save(self) -> None:
        """Save both plans in the background; problems show in plain words."""
        if self._person is None or not self.save_button.isEnabled():
            return
        try:
            relapse, safety = self.relapse_plan(), self.safety_plan()
            vault = self._context.require_vault()
        except CaregiverError as exc:
            show_error(self, exc, "The plans were not saved")
            return
        clock = self._context.clock
        generation = self._generation

        def job():
            return (plans.save_relapse_plan(vault, relapse, clock=clock),
                    plans.save_safety_plan(vault, safety, clock=clock))

        def done(_saved) -> None:
            self.save_button.setEnabled(True)
            if generation != self._generation:
                return
            self._dirty = {RELAPSE: False, SAFETY: False}
            self._set_status("Saved. The journal now checks the early warning signs that are linked to it.")

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            show_error(self, exc, "The plans were not saved")

        self.save_button.setEnabled(False)
        self._context.runner.run(job, on_done=done, on_error=failed, parent=self)

    def save_pdf(self) -> None:
        """Save the plans, then the safety plan as a one-page PDF where the user chooses."""
        person = self._person
        if person is None or person.id is None or not self.pdf_button.isEnabled():
            return
        try:
            safety = self.safety_plan()
            vault = self._context.require_vault()
        except CaregiverError as exc:
            show_error(self, exc, "The safety plan was not saved")
            return
        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        suggested = documents_folder() / plans.safety_plan_filename(today)
        path, _filter = QFileDialog.getSaveFileName(self, "Save the safety plan", str(suggested), "PDF files (*.pdf)")
        if not path:
            return
        settings = self._context.settings
        country = current_country(settings)
        user_lines = crisis_lines.user_lines_from_dicts(settings.crisis_lines)
        paper, clock, person_id = country_paper(settings), self._context.clock, person.id
        fmt = formatting.report_format()
        dirty = self._dirty[SAFETY]
        generation = self._generation

        def job() -> Path:
            if dirty:
                plans.save_safety_plan(vault, safety, clock=clock)
            data = plans.safety_plan_print(vault, person_id, country=country, country_name=country_name(country),
                                           user_lines=user_lines, today=today)
            return plans.write_safety_plan_pdf(data, Path(path), paper=paper, fmt=fmt)

        def done(saved: Path) -> None:
            self.pdf_button.setEnabled(True)
            if generation != self._generation:
                return
            self._dirty[SAFETY] = False
            self.last_saved_path = saved
            self.open_button.show()
            self._set_status(f"Saved the safety plan as {saved.name} in {saved.parent}.")

        def failed(exc: BaseException) -> None:
            self.pdf_button.setEnabled(True)
            show_error(self, exc, "The safety plan was not saved")

        self.pdf_button.setEnabled(False)
        self._context.runner.run(job, on_done=done, on_error=failed, parent=self, label="Making the safety plan…")

    def open_saved(self) -> None:
        """Open the saved PDF in the computer's PDF viewer."""
        if self.last_saved_path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_saved_path))):
            show_error(self, CaregiverError(
                f"This computer has no program set up to open PDF files. The file is saved at {self.last_saved_path}."
            ), "The PDF could not be opened")

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Coming back to the page: new symptoms or tags may have been used in the journal."""
        super().showEvent(event)
        self._update_crisis_line_text()
        self._load_choices()

    def refresh_country(self) -> None:
        """Name the numbers of the country in effect now (it may have changed in Settings)."""
        self._update_crisis_line_text()

    # --- private ------------------------------------------------------------------------
    def _person_id(self) -> int:
        if self._person is None or self._person.id is None:
            raise ValidationError("Please choose whose plans these are.")
        return self._person.id

    def _show_names(self) -> None:
        person = self._person
        self.heading.setText(f"Plans for {person.display_name}" if person else "My plans")
        self._update_crisis_line_text()

    def _update_crisis_line_text(self) -> None:
        settings = self._context.settings
        country = current_country(settings)
        lines = [line for line in crisis_lines.lines_for(country, crisis_lines.user_lines_from_dicts(settings.crisis_lines))
                 if line.kind is not crisis_lines.LineKind.SUPPORT]
        where = country_name(country) if country else "not chosen yet"
        if lines:
            listed = "; ".join(f"{line.name} ({line.how})" for line in lines)
            text = f"When you print the plan, it also lists the numbers for your country ({where}): {listed}."
        else:
            text = (f"When you print the plan, it says to call the local emergency number. Add the numbers "
                    f"for your country ({where}) in Get help now, and they will be printed too.")
        self.crisis_line_label.setText(text)

    def _fill(self, relapse: RelapsePlan, safety: SafetyPlan) -> None:
        self._loading = True
        try:
            for section, editor in self.relapse_editors.items():
                editor.set_items(relapse.items(section))
            for step, editor in self.safety_editors.items():
                editor.set_items(safety.items(step))
        finally:
            self._loading = False

    def _mark_dirty(self, which: str) -> None:
        if self._loading or self._person is None:
            return
        if not self._dirty[which]:
            self._dirty[which] = True
            self._set_status("Not saved yet.")

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        announce(self.status_label, text)

    def _load(self) -> None:
        person_id = self._person_id()
        try:
            vault = self._context.require_vault()
        except CaregiverError:
            return
        generation = self._generation

        def job():
            return plans.get_relapse_plan(vault, person_id), plans.get_safety_plan(vault, person_id)

        def done(result) -> None:
            if generation != self._generation:
                return
            relapse, safety = result
            self._fill(relapse, safety)
            self._dirty = {RELAPSE: False, SAFETY: False}
            if relapse.updated_at or safety.updated_at:
                self.status_label.clear()
            else:
                self.status_label.setText("No plans yet. Start with whatever feels easiest; you can change them at any time.")

        self._context.runner.run(job, on_done=done, parent=self, error_title="The plans could not be read")
        self._load_choices()

    def _load_choices(self) -> None:
        if self._person is None:
            return
        try:
            vault = self._context.require_vault()
        except CaregiverError:
            return
        generation = self._generation

        person_id = self._person.id

        def done(result) -> None:
            if generation == self._generation:
                symptoms, tags, people = result
                self.relapse_editors[RelapseSection.EARLY_SIGNS].set_choices(symptoms, tags)
                offered = [(f"{c.name} ({c.role.label})", c.name, _plan_phone(c)) for c in people]
                for editor in self.safety_editors.values():
                    editor.set_contacts(offered)

        self._context.runner.run(lambda: (journal.symptom_choices(vault), journal.tag_choices(vault),
                                          contacts.list_contacts(vault, person_id)),
                                 on_done=done, on_error=lambda exc: log_safely(exc))

    def _save_now(self, *, report: bool) -> None:
        """Save unsaved changes at once (before the person changes or the vault locks)."""
        vault = self._context.vault
        if vault is None or not vault.is_open or self._person is None:
            return
        try:
            if self._dirty[RELAPSE]:
                plans.save_relapse_plan(vault, self.relapse_plan(), clock=self._context.clock)
            if self._dirty[SAFETY]:
                plans.save_safety_plan(vault, self.safety_plan(), clock=self._context.clock)
        except Exception as exc:  # noqa: BLE001 - a failed save must not keep the vault open
            if report:
                show_error(self, exc, "The plans were not saved")
            else:
                log_safely(exc)
        self._dirty = {RELAPSE: False, SAFETY: False}
