"""The "My plans" page: the chosen person's relapse-prevention plan and safety plan.

Two tabs. "Early warning signs" is the relapse-prevention plan in the WRAP tradition (triggers,
early warning signs linked to the journal, what helps, what to avoid, who to tell), saved as a PDF
of as many pages as it needs. "Safety plan" holds the Stanley–Brown six steps and reasons for
living, and saves a one-page PDF. Both PDFs use the paper size of the chosen country.

Changes are saved with Save (Ctrl+S) as a write off the GUI thread; switching to another person
saves them too (a write), and so does locking (``keep_unsaved_work``), so nothing typed is lost.
``clear()`` (on lock) drops every plan from the widgets. The page is a
:class:`~caregiver_app.gui.common.page.Page`: it reads its plans and the journal's symptoms, tags
and contacts again when those change anywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...domain import crisis_lines
from ...domain.errors import CaregiverError, ValidationError
from ...domain.model import Person
from ...i18n import _, N_
from ...domain.plans import PHONE_MAX_CHARS, RelapsePlan, RelapseSection, SafetyPlan, SafetyStep
from ...services import journal, plans
from ...services import network as contacts
from ..common import formatting
from ..context import AppContext
from ..common.country import current_country
from ..common.country import paper as country_paper
from .crisis_numbers import country_name, line_how, line_name
from ..common.errors import log_safely, show_error
from ..common.ops import CONTACTS, JOURNAL, PLANS
from ..common.building import documents_folder, open_saved_pdf, scroll_area, wrapping_row
from ..common.page import Page
from ..common.printout_language import chosen_language, language_box
from .plan_editors import SectionEditor
from ..vault.unlock_screen import announce

RELAPSE = "relapse"
SAFETY = "safety"

RELAPSE_INTRO = N_(
    "This is a plan for staying well, in the spirit of WRAP (the Wellness Recovery Action Plan). Most "
    "people show the same small changes before they get unwell. Family often notices them first. Write "
    "them down here while things are calm. Link a sign to a journal symptom or tag, and the journal "
    "will tell you when it is recorded."
)
SAFETY_INTRO = N_(
    "A safety plan is a short list to use in a crisis. It works best when it is written ahead of time, "
    "together with the person and their care team. It follows the Stanley–Brown Safety Plan: six steps "
    "to go through in order until you feel safer, and reasons for living."
)


SAFETY_WORDS = {
    "title": N_("Save the safety plan"),
    "not_saved": N_("The safety plan was not saved"),
    "saved": N_("Saved the safety plan as {file} in {folder}."),
    "making": N_("Making the safety plan…"),
}
RELAPSE_WORDS = {
    "title": N_("Save the plan for staying well"),
    "not_saved": N_("The plan for staying well was not saved"),
    "saved": N_("Saved the plan for staying well as {file} in {folder}."),
    "making": N_("Making the plan for staying well…"),
}


def _step_heading(step: SafetyStep) -> str:
    """``"Step 4. People I can ask for help"`` in the language in force (reasons: the title alone)."""
    if step.number is None:
        return _(step.title)
    return _("Step {number}. {title}").format(number=step.number, title=_(step.title))


def _plan_phone(contact) -> str:
    """A contact's first phone for a plan line (the number alone when a long extension would not fit)."""
    if not contact.phones:
        return ""
    phone = contact.phones[0]
    return phone.stored() if len(phone.stored()) <= PHONE_MAX_CHARS else phone.number


class PlansPage(Page):
    """Edit the chosen person's relapse-prevention plan and safety plan."""

    title = N_("Plans")
    watches = frozenset({PLANS, CONTACTS, JOURNAL})  # the plans; the names offered to link and call

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._dirty = {RELAPSE: False, SAFETY: False}
        self._edits = 0  # counts typing, so a save that ends does not forget words typed meanwhile
        self._just_saved = False
        self._loading = False
        self.last_saved_path: Path | None = None
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Plans"))

        self.relapse_editors: dict[RelapseSection, SectionEditor] = self._add_tab(
            _("&Early warning signs"), RELAPSE, _(RELAPSE_INTRO),
            _("Source: Mary Ellen Copeland, Wellness Recovery Action Plan (WRAP)."),
            [(section, section.title, section.prompt, section.item_word, section.has_phone,
              section is RelapseSection.EARLY_SIGNS) for section in RelapseSection])
        self.safety_editors: dict[SafetyStep, SectionEditor] = self._add_tab(
            _("Safety &plan"), SAFETY, _(SAFETY_INTRO),
            _("Source: Stanley B, Brown GK. Safety Planning Intervention. Cognitive and Behavioral Practice, 2012."),
            [(step, _step_heading(step), step.prompt, step.item_word, step.has_phone, False) for step in SafetyStep])
        professionals = self.safety_editors[SafetyStep.PROFESSIONALS]
        self.crisis_line_label = QLabel(professionals)
        self.crisis_line_label.setWordWrap(True)
        professionals.layout().addWidget(self.crisis_line_label)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(_("Save status"))
        self.save_button = QPushButton(_("&Save plans"), self)
        self.save_button.setToolTip(_("Save both plans ({keys})").format(keys="Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.relapse_pdf_button = QPushButton(_("Save plan for staying &well as PDF…"), self)
        self.relapse_pdf_button.setToolTip(
            _("Your early warning signs, triggers and what helps, printed as “My plan for staying well” to share"))
        self.relapse_pdf_button.clicked.connect(self.save_relapse_pdf)
        self.pdf_button = QPushButton(_("Save safety plan as P&DF…"), self)
        self.pdf_button.setToolTip(_("A one-page PDF to print and keep close"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.open_button = QPushButton(_("&Open the PDF"), self)
        self.open_button.clicked.connect(self.open_saved)
        self.open_button.hide()
        # Both PDFs print in the language chosen here, the window's unless changed.
        self.language_label = QLabel(_("Lan&guage of the printout"), self)
        self.language_box = language_box(self)
        self.language_label.setBuddy(self.language_box)
        language = QWidget(self)
        language_row = QHBoxLayout(language)
        language_row.setContentsMargins(0, 0, 0, 0)
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language_box)
        buttons = wrapping_row((self.save_button, self.relapse_pdf_button, self.pdf_button, language,
                                self.open_button))

        self.empty_label = QLabel(_("Choose or add a person to keep their plans."), self)
        self.empty_label.setWordWrap(True)
        self.body.addWidget(self.empty_label)
        self.body.addWidget(self.tabs, 1)
        self.body.addLayout(buttons)
        # Its own line under the buttons: beside them, at large text, it had a sliver of the page.
        self.body.addWidget(self.status_label)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)

    def _add_tab(self, title: str, which: str, intro: str, source: str, sections: list[tuple]) -> dict:
        """One plan's tab: the intro, an editor per ``(key, heading, prompt, item word, has phone,
        signs)``, and the plan's source. Returns the editors by key."""
        body = QWidget(self)
        layout = QVBoxLayout(body)
        intro_label = QLabel(intro, body)
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        editors = {}
        for key, heading_text, prompt, item_word, has_phone, signs in sections:
            editor = SectionEditor(heading_text, prompt, item_word, has_phone=has_phone, signs=signs, parent=body)
            editor.changed.connect(lambda: self._mark_dirty(which))
            editors[key] = editor
            layout.addWidget(editor)
        source_label = QLabel(source, body)
        source_label.setWordWrap(True)
        layout.addWidget(source_label)
        layout.addStretch(1)
        self.tabs.addTab(scroll_area(body, self, sideways=False), title)
        return editors

    # --- public -------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        return any(self._dirty.values())

    def set_person(self, person: Person | None) -> None:
        """Show ``person``'s plans (saving unsaved changes of the person shown before)."""
        if self.person is not None and person is not None and person.id == self.person.id:
            self.person = person
            self._show_names()
            return
        if self.is_dirty:
            self._save_in_background()
        super().set_person(person)
        self._show_names()

    def clear(self) -> None:
        """Drop every plan from the widgets (the vault is locking; the window has called
        :meth:`keep_unsaved_work` first)."""
        super().clear()
        self._show_names()

    def load(self, person: Person) -> None:
        person_id = person.id
        self.read(lambda vault: (journal.symptom_choices(vault), journal.tag_choices(vault),
                                 contacts.list_contacts(vault, person_id)),
                  self._show_choices, key="choices", on_error=log_safely)
        if self._just_saved or self.is_dirty:
            # Our own save came back, or words are being typed: keep the editors as they are.
            self._just_saved = False
            return
        self.read(lambda vault: (plans.get_relapse_plan(vault, person_id), plans.get_safety_plan(vault, person_id)),
                  self._show_plans, key="plans", error_title=_("The plans could not be read"))

    def drop(self) -> None:
        self._dirty = {RELAPSE: False, SAFETY: False}
        self._just_saved = False
        self._fill(RelapsePlan(0), SafetyPlan(0))
        self.relapse_editors[RelapseSection.EARLY_SIGNS].set_choices([], [])
        for editor in self.safety_editors.values():
            editor.set_contacts([])
        self.status_label.clear()
        self.last_saved_path = None
        self.open_button.hide()
        has_person = self.person is not None
        self.tabs.setEnabled(has_person)
        self.save_button.setEnabled(has_person)
        self.pdf_button.setEnabled(has_person)
        self.relapse_pdf_button.setEnabled(has_person)
        self.empty_label.setVisible(not has_person)

    def has_unsaved_work(self) -> bool:
        return self.is_dirty

    def keep_unsaved_work(self) -> None:
        """Save what was typed at once (the app is locking and nothing else runs)."""
        vault = self.context.vault
        if vault is None or not vault.is_open or self.person is None or not self.is_dirty:
            return
        try:
            relapse, safety = self._dirty_plans([])  # a line with a problem is left out, the rest kept
            if relapse is not None:
                plans.save_relapse_plan(vault, relapse, clock=self.context.clock)
            if safety is not None:
                plans.save_safety_plan(vault, safety, clock=self.context.clock)
        except Exception as exc:  # noqa: BLE001 - a failed save must not keep the vault open
            log_safely(exc)
        self._dirty = {RELAPSE: False, SAFETY: False}

    def keep_unsaved_work_in_background(self) -> None:
        """Another person was chosen while this page is hidden: save what was typed now (a
        write). The plans count as saved once it lands, so the next showing saves nothing again
        and a lock before then saves them at once (:meth:`keep_unsaved_work`)."""
        if self.person is None or not self.is_dirty:
            return
        which, edits = tuple(plan for plan, dirty in self._dirty.items() if dirty), self._edits
        self._save_in_background(on_done=lambda _result: self._saved(edits, *which))

    def show_plan(self, which: str) -> None:
        """Show the ``"relapse"`` or ``"safety"`` tab."""
        self.tabs.setCurrentIndex(1 if which == SAFETY else 0)

    def relapse_plan(self, problems: list[str] | None = None) -> RelapsePlan:
        """What the early warning signs tab holds. Raises :class:`ValidationError` (with
        ``problems``: lines with a problem are left out and said there)."""
        person_id = self._person_id()
        values = {section.value: self.relapse_editors[section].items(problems) for section in RelapseSection}
        return RelapsePlan(person_id=person_id, **values)

    def safety_plan(self, problems: list[str] | None = None) -> SafetyPlan:
        """What the safety plan tab holds. Raises :class:`ValidationError` (with ``problems``:
        lines with a problem are left out and said there)."""
        person_id = self._person_id()
        values = {step.value: self.safety_editors[step].items(problems) for step in SafetyStep}
        return SafetyPlan(person_id=person_id, **values)

    def save(self) -> None:
        """Save both plans (a write off the GUI thread); problems show in plain words."""
        if self.person is None or not self.save_button.isEnabled():
            return
        try:
            relapse, safety = self.relapse_plan(), self.safety_plan()
        except CaregiverError as exc:
            show_error(self, exc, _("The plans were not saved"))
            return
        clock, edits, person_id = self.context.clock, self._edits, self.person.id

        def job(vault):
            return (plans.save_relapse_plan(vault, relapse, clock=clock),
                    plans.save_safety_plan(vault, safety, clock=clock))

        def done(_saved) -> None:
            self.save_button.setEnabled(True)
            if self.person is None or self.person.id != person_id:
                return  # another person is shown now: this save was theirs to report
            self._saved(edits, RELAPSE, SAFETY)
            self._set_status(_("Saved. The journal now checks the early warning signs that are linked to it."))

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            show_error(self, exc, _("The plans were not saved"))

        self.save_button.setEnabled(False)
        self.write(job, {PLANS}, on_done=done, on_error=failed)

    def save_pdf(self) -> None:
        """Save the safety plan (a write), then print it as a one-page PDF where the user chooses."""
        settings = self.context.settings
        country = current_country(settings)
        user_lines = crisis_lines.user_lines_from_dicts(settings.crisis_lines)

        def write_pdf(vault, person_id, path, today, paper, fmt, language) -> Path:
            with i18n.document_language(language):  # the lines' words and the country's name, as printed
                data = plans.safety_plan_print(vault, person_id, country=country,
                                               country_name=country_name(country, language),
                                               user_lines=user_lines, today=today)
            return plans.write_safety_plan_pdf(data, path, paper=paper, fmt=fmt, language=language)

        self._print_plan(SAFETY, self.pdf_button, SAFETY_WORDS, plans.safety_plan_filename,
                         self.safety_plan, plans.save_safety_plan, write_pdf)

    def save_relapse_pdf(self) -> None:
        """Save the early warning signs plan (a write), then print it as a PDF where the user
        chooses (as many pages as it needs)."""

        def write_pdf(vault, person_id, path, today, paper, fmt, language) -> Path:
            from ...reports.formatting import in_language  # Babel loads with the first document

            with i18n.document_language(language):  # its writer takes no language of its own
                return plans.write_relapse_plan_pdf(vault, person_id, path, today=today, paper=paper,
                                                    fmt=in_language(fmt, language))

        self._print_plan(RELAPSE, self.relapse_pdf_button, RELAPSE_WORDS, plans.relapse_plan_filename,
                         self.relapse_plan, plans.save_relapse_plan, write_pdf)

    def _print_plan(self, which: str, button: QPushButton, words: dict[str, str], filename, read_plan, save_plan,
                    write_pdf) -> None:
        """Print plan ``which`` (as ``read_plan()`` holds it) where the user chooses, suggesting
        ``filename(today)``: a write on the lane that first saves the plan with ``save_plan`` when
        it has changes, so the PDF prints what was just saved, then runs
        ``write_pdf(vault, person_id, path, today, paper, fmt, language) -> Path`` (``language``:
        the printout's, from the page's choice). ``words`` are the plan's messages (marked
        with ``N_``): ``"title"``, ``"not_saved"``, ``"saved"`` and ``"making"``."""
        person = self.person
        if person is None or person.id is None or not button.isEnabled():
            return
        try:
            plan = read_plan()
        except CaregiverError as exc:
            show_error(self, exc, _(words["not_saved"]))
            return
        today = journal.local_now(self.context.clock, self.context.zone_name).date()
        suggested = documents_folder() / filename(today)
        path, _filter = QFileDialog.getSaveFileName(self, _(words["title"]), str(suggested), _("PDF files (*.pdf)"))
        if not path:
            return
        clock = self.context.clock
        language = chosen_language(self.language_box)
        paper, person_id, fmt = country_paper(self.context.settings), person.id, formatting.report_format()
        dirty, edits = self._dirty[which], self._edits  # (the file dialog is modal: no typing meanwhile)

        def job(vault) -> Path:
            if dirty:
                save_plan(vault, plan, clock=clock)
            return write_pdf(vault, person_id, Path(path), today, paper, fmt, language)

        def done(saved: Path) -> None:
            button.setEnabled(True)
            if self.person is None or self.person.id != person_id:
                return
            self._saved(edits, which)
            self.last_saved_path = saved
            self.open_button.show()
            self._set_status(_(words["saved"]).format(file=saved.name, folder=saved.parent))

        def failed(exc: BaseException) -> None:
            button.setEnabled(True)
            show_error(self, exc, _(words["not_saved"]))

        button.setEnabled(False)
        self.write(job, {PLANS} if dirty else set(), on_done=done, on_error=failed, label=_(words["making"]))

    def open_saved(self) -> None:
        """Open the saved PDF in the computer's PDF viewer."""
        open_saved_pdf(self, self.last_saved_path)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Coming back to the page: the country may have changed in Settings."""
        self._update_crisis_line_text()
        super().showEvent(event)

    def refresh_country(self) -> None:
        """Name the numbers of the country in effect now (it may have changed in Settings)."""
        self._update_crisis_line_text()

    # --- private ------------------------------------------------------------------------
    def _person_id(self) -> int:
        if self.person is None or self.person.id is None:
            raise ValidationError(_("Please choose whose plans these are."))
        return self.person.id

    def _show_names(self) -> None:
        if self.person is None:
            self.heading.setText(_("My plans"))  # the page's name in the navigation when no one is chosen
        # The base greys the whole page without a person; drop() turns off only the plans and
        # buttons, so the heading and "Choose or add a person" stay easy to read.
        self.setEnabled(True)
        self._update_crisis_line_text()

    def _update_crisis_line_text(self) -> None:
        settings = self.context.settings
        country = current_country(settings)
        lines = [line for line in crisis_lines.lines_for(country, crisis_lines.user_lines_from_dicts(settings.crisis_lines))
                 if line.kind is not crisis_lines.LineKind.SUPPORT]
        where = country_name(country) if country else _("not chosen yet")
        if lines:
            # TRANSLATORS: one number in a list: "Línea 024 (Call 024)"; the domain gives both parts.
            listed = "; ".join(_("{name} ({how})").format(name=line_name(line), how=line_how(line)) for line in lines)
            text = _("When you print the plan, it also lists the numbers for your country ({country}): {numbers}.").format(
                country=where, numbers=listed)
        else:
            text = _("When you print the plan, it says to call the local emergency number. Add the numbers "
                     "for your country ({country}) in Get help now, and they will be printed too.").format(country=where)
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
        if self._loading or self.person is None:
            return
        self._edits += 1
        if not self._dirty[which]:
            self._dirty[which] = True
            self._set_status(_("Not saved yet."))

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        announce(self.status_label, text)

    def _saved(self, edits: int, *which: str) -> None:
        """A save asked when ``self._edits`` was ``edits`` ended: those plans are saved unless
        more was typed since; the change it makes is ours (no refill of the editors)."""
        self._just_saved = True
        if edits == self._edits:
            for plan in which:
                self._dirty[plan] = False

    def _show_plans(self, result) -> None:
        relapse, safety = result
        self._fill(relapse, safety)
        self._dirty = {RELAPSE: False, SAFETY: False}
        if relapse.updated_at or safety.updated_at:
            self.status_label.clear()
        else:
            self.status_label.setText(_("No plans yet. Start with whatever feels easiest; you can change them at any time."))

    def _show_choices(self, result) -> None:
        symptoms, tags, people = result
        self.relapse_editors[RelapseSection.EARLY_SIGNS].set_choices(symptoms, tags)
        offered = [(_("{name} ({role})").format(name=c.name, role=c.role.label), c.name, _plan_phone(c)) for c in people]
        for editor in self.safety_editors.values():
            editor.set_contacts(offered)

    def _dirty_plans(self, problems: list[str] | None = None) -> tuple[RelapsePlan | None, SafetyPlan | None]:
        """The plans with unsaved changes (None for one without). Raises ValidationError; with
        ``problems``, lines with a problem are left out and said there (the rest is kept)."""
        return (self.relapse_plan(problems) if self._dirty[RELAPSE] else None,
                self.safety_plan(problems) if self._dirty[SAFETY] else None)

    def _save_in_background(self, on_done=None) -> None:
        """Another person is chosen: save what was typed for the one shown now (a write). A line
        with a problem cannot be saved; the rest is, and the left-out line is said in words.
        ``on_done(None)`` runs once it landed."""
        problems: list[str] = []
        try:
            relapse, safety = self._dirty_plans(problems)
        except CaregiverError as exc:
            show_error(self, exc, _("The plans were not saved"))
            return
        if problems:
            show_error(self, CaregiverError(
                _("The plans were saved, except these lines, which had a problem:\n{lines}").format(
                    lines="\n".join(f"• {p}" for p in problems))), _("Part of the plans was not saved"))
        clock = self.context.clock

        def job(vault) -> None:
            if relapse is not None:
                plans.save_relapse_plan(vault, relapse, clock=clock)
            if safety is not None:
                plans.save_safety_plan(vault, safety, clock=clock)

        self.write(job, {PLANS}, on_done=on_done, error_title=_("The plans were not saved"))
