"""The Get help now window itself (see :mod:`.get_help`): built, and its modules (the crisis
lines, the country names, the safety plan) imported, the first time it opens, not with the
unlock screen that offers it (issue 16)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import crisis_lines
from ...domain.crisis_lines import CrisisLine, LineKind
from ...domain.errors import CaregiverError
from ...domain.model import Person
from ...domain.plans import SafetyPlan, SafetyStep
from ...i18n import _, N_
from ...settings import MAX_CRISIS_LINES
from ...settings import save_in_folder
from ..context import AppContext
from ..common.country import current_country
from .crisis_numbers import AddNumberDialog, country_name, fill_country_combo, kind_label, line_details, line_how, line_name
from ..common import formatting
from ..common.errors import show_error
from ..common.navigation import OPEN_PLANS, request
from ..common.recorder_choice import short_name
from ..vault.unlock_screen import announce, scale_font
from .get_help import DESCRIPTION, TITLE

LOCKED_PLAN_TEXT = N_(
    "The people in your safety plan show here after you unlock the journal. While it is locked, "
    "nothing personal shows on this screen."
)
ABOUT_YOU = N_(
    "If this is about you: you are not alone, and you do not have to wait until it gets worse. "
    "Call or text a crisis line above, or call someone from your safety plan."
)


def first_steps(numbers: str) -> list[str]:
    """The first steps, in plain words (after SAMHSA's and NAMI's advice on helping someone in a
    crisis; see ``crisis_lines.FIRST_STEP_SOURCES``). ``numbers`` is :func:`emergency_numbers`'s
    answer (``""``: no number is known)."""
    if numbers:
        call = _("If anyone could die or be badly hurt right now, call {numbers}. Wait for the ambulance "
                 "rather than driving to the hospital yourself.").format(numbers=numbers)
    else:
        call = _("If anyone could die or be badly hurt right now, call your local emergency number. Wait for "
                 "the ambulance rather than driving to the hospital yourself.")
    return [
        call,
        _("Stay with the person, or ask someone you trust to be with them. Do not leave them alone."),
        _("Ask them straight out: “Are you thinking about killing yourself?” Asking will not put the "
          "idea in their head. It shows that you care."),
        _("Put guns, pills, knives and alcohol out of reach, or ask someone to take them away for now."),
        _("Call or text a crisis line. A trained counselor will listen and help you decide what to do next."),
        _("Use the safety plan: go through its steps, and call the people in it."),
    ]


def emergency_numbers(lines: list[CrisisLine]) -> str:
    """``"911"``, ``"112 or 999"`` (``"112 o 999"``: the list as the language writes it),
    ``"123 (Ambulance)"`` for a number the user added; ``""`` when no emergency number is known."""
    emergency = [line for line in lines if line.kind is LineKind.EMERGENCY]
    # TRANSLATORS: a number the user added, with the name they gave it: "119 (Ambulance)".
    return formatting.list_text([_("{number} ({name})").format(number=line.number, name=line.name)
                                 if line.user_added else line.number for line in emergency], style="or")


def emergency_sentence(lines: list[CrisisLine]) -> str:
    """The sentence at the top of the window."""
    numbers = emergency_numbers(lines)
    if numbers:
        return _("If someone could die or be badly hurt right now, call {numbers}.").format(numbers=numbers)
    return _("If someone could die or be badly hurt right now, call your local emergency number.")


def _label(text: str, parent: QWidget, *, bold: bool = False, scale: float = 1.0, rich: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold or scale != 1.0:
        scale_font(label, scale, bold)
    return label


def _clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            _clear_layout(item.layout())


class GetHelpWindow(QWidget):
    """The crisis-help window. Call :meth:`show_state` with what may be shown."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Dialog)
        self._context = context
        self._locked = True
        self._person: Person | None = None
        self._plan: SafetyPlan | None = None
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self.setAccessibleDescription(_(DESCRIPTION))
        self._build()
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 78, metrics.height() * 44
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:  # large text: the words scroll inside, Close stays on the screen
            width, height = min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
        self.resize(width, height)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.body = QWidget(self)
        outer = QVBoxLayout(self.body)
        gap = self.fontMetrics().height() // 2

        self.title_label = _label(_(TITLE), self.body, bold=True, scale=1.6)
        outer.addWidget(self.title_label)

        # The tier icons come with the warning-sign content (and its Markdown parser): loaded
        # when this window first opens, not with the unlock screen that offers it.
        from ...content.warning_signs import Tier
        from ..common.tier_icons import tier_pixmap

        emergency_row = QHBoxLayout()
        self.emergency_icon = QLabel(self.body)
        size = int(self.fontMetrics().height() * 2.2)
        self.emergency_icon.setPixmap(tier_pixmap(Tier.EMERGENCY, size, self.devicePixelRatioF()))
        self.emergency_icon.setAccessibleName(_("Emergency"))
        self.emergency_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.emergency_label = _label("", self.body, bold=True, scale=1.3)
        self.emergency_label.setAccessibleName(_("In an emergency"))
        emergency_row.addWidget(self.emergency_icon)
        emergency_row.addWidget(self.emergency_label, 1)
        outer.addLayout(emergency_row)
        outer.addSpacing(gap)

        country_row = QHBoxLayout()
        country_label = QLabel(_("Numbers for &country:"), self.body)
        self.country_combo = QComboBox(self.body)
        self.country_combo.setAccessibleName(_("Country of the numbers"))
        country_label.setBuddy(self.country_combo)
        fill_country_combo(self.country_combo, current_country(self._context.settings))
        self.country_combo.currentIndexChanged.connect(self._on_country_changed)
        country_row.addWidget(country_label)
        country_row.addWidget(self.country_combo, 1)
        outer.addLayout(country_row)

        self.lines_layout = QVBoxLayout()
        outer.addLayout(self.lines_layout)
        self.add_button = QPushButton(_("&Add a number…"), self.body)
        self.add_button.setAccessibleName(_("Add a number for this country"))
        self.add_button.setToolTip(_("Add an emergency number or helpline you trust"))
        self.add_button.clicked.connect(self.add_number)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        outer.addLayout(add_row)
        self.helpline_label = _label(
            _("Find A Helpline lists crisis lines in many countries: {address}").format(
                address=crisis_lines.FIND_A_HELPLINE_ADDRESS),
            self.body)
        outer.addWidget(self.helpline_label)
        outer.addSpacing(gap)

        self.plan_heading = _label(_("Safety plan"), self.body, bold=True, scale=1.25)
        outer.addWidget(self.plan_heading)
        self.plan_layout = QVBoxLayout()
        outer.addLayout(self.plan_layout)
        self.open_plan_button = QPushButton(_("Open the safety plan"), self.body)
        self.open_plan_button.clicked.connect(self.open_safety_plan)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.open_plan_button)
        plan_row.addStretch(1)
        outer.addLayout(plan_row)
        outer.addSpacing(gap)

        outer.addWidget(_label(_("First steps"), self.body, bold=True, scale=1.25))
        self.steps_label = _label("", self.body, rich=True)
        self.steps_label.setAccessibleName(_("First steps"))
        outer.addWidget(self.steps_label)
        outer.addWidget(_label(_(ABOUT_YOU), self.body, bold=True))
        outer.addSpacing(gap)
        self.other_heading = _label(_("Other helplines"), self.body, bold=True, scale=1.25)
        outer.addWidget(self.other_heading)
        self.other_layout = QVBoxLayout()
        outer.addLayout(self.other_layout)
        outer.addSpacing(gap)
        self.sources_label = _label("", self.body, rich=True)
        self.sources_label.setOpenExternalLinks(False)
        self.sources_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.sources_label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.sources_label.setAccessibleName(_("Where these numbers and steps come from"))
        outer.addWidget(self.sources_label)
        outer.addStretch(1)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.setToolTip(_("Close ({keys})").format(keys="Esc"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Esc closes the window, as it would a dialog."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()
            return
        super().keyPressEvent(event)

    # --- public -------------------------------------------------------------------------
    @property
    def country(self) -> str:
        """The country whose numbers show (``""``: none chosen or known yet)."""
        return self.country_combo.currentData() or ""

    def user_lines(self) -> list[CrisisLine]:
        return crisis_lines.user_lines_from_dicts(self._context.settings.crisis_lines)

    def lines(self) -> list[CrisisLine]:
        """The lines shown for the chosen country."""
        return crisis_lines.lines_for(self.country, self.user_lines())

    def show_state(self, *, locked: bool, person: Person | None = None, plan: SafetyPlan | None = None,
                   problem: str = "") -> None:
        """Show the numbers, and the safety plan part for this state. ``locked`` drops every
        personal detail; ``problem`` is a plain sentence when the plan could not be read."""
        self._sync_country()
        self._locked = locked
        self._person = None if locked else person
        self._plan = None if locked else plan
        self._render_lines()
        self._render_plan(problem)

    def add_number(self) -> None:
        """Ask for a public service number and save it in the settings."""
        if len(self._context.settings.crisis_lines) >= MAX_CRISIS_LINES:
            show_error(self, CaregiverError(
                _("You have added {count} numbers, the most this app keeps. Please remove one "
                  "you no longer need, then add the new one.").format(count=MAX_CRISIS_LINES)), _("Too many numbers"))
            return
        dialog = AddNumberDialog(self.country, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.line is None:
                return
            line = dialog.line
        finally:
            dialog.setParent(None)  # out of the window at once; what was typed goes with it
            dialog.deleteLater()
        settings = self._context.settings
        settings.crisis_lines = [*settings.crisis_lines, crisis_lines.user_line_to_dict(line)]
        if line.country != self.country:
            self.country_combo.setCurrentIndex(self.country_combo.findData(line.country))
        else:
            self._save_settings()
            self._render_lines()
        announce(self, _("Added {name}, {number}.").format(name=line.name, number=line.number))

    def remove_number(self, line: CrisisLine) -> None:
        """Forget a number the user added."""
        settings = self._context.settings
        kept = [d for d in settings.crisis_lines if crisis_lines.user_lines_from_dicts([d]) != [line]]
        settings.crisis_lines = kept
        self._save_settings()
        self._render_lines()
        self.add_button.setFocus()

    def open_safety_plan(self) -> None:
        if request(self.parentWidget() or self, OPEN_PLANS, "safety"):
            self.close()

    # --- private ------------------------------------------------------------------------
    def _save_settings(self) -> None:
        try:
            save_in_folder(self._context.settings, self._context.settings_path, self._context.paths.folder)
        except OSError:
            show_error(self, CaregiverError(
                _("The change could not be saved in the settings file, so it will be gone after you quit. "
                  "The numbers below still work.")), _("Not saved"))

    def _sync_country(self) -> None:
        """Follow the country in effect (it may have changed in Settings meanwhile)."""
        wanted = current_country(self._context.settings)
        if wanted != self.country:
            fill_country_combo(self.country_combo, wanted)

    def _on_country_changed(self) -> None:
        """Choosing a country here chooses it for the whole app (Settings shows the same)."""
        if self.country:
            self._context.settings.country = self.country
            self._save_settings()
        self._render_lines()

    def _render_lines(self) -> None:
        lines = self.lines()
        self.emergency_label.setText(emergency_sentence(lines))
        _clear_layout(self.lines_layout)
        _clear_layout(self.other_layout)
        shown = [line for line in lines if line.kind is LineKind.CRISIS or (line.kind is LineKind.EMERGENCY
                                                                            and line.user_added)]
        others = [line for line in lines if line.kind is LineKind.SUPPORT]
        if not self.country:
            note = _label(_(
                "Choose your country above to see its emergency number and crisis lines. Until then: "
                "call your local emergency number if someone could die or be badly hurt."), self.body)
            self.lines_layout.addWidget(note)
        elif not any(line.kind is LineKind.CRISIS for line in lines):
            note = _label(_(
                "This app has no checked crisis line for {country} yet. Find A Helpline, "
                "below, lists them. You can add numbers you trust with “Add a number”.").format(
                    country=country_name(self.country)), self.body)
            self.lines_layout.addWidget(note)
        for line in shown:
            self.lines_layout.addWidget(self._line_widget(line))
        for line in others:
            self.other_layout.addWidget(self._line_widget(line))
        self.other_heading.setVisible(bool(others))
        if self.country and not any(line.kind is LineKind.EMERGENCY for line in lines):
            hint = _label(_("This app does not know the emergency number for {country}. "
                            "Please add your local emergency number with “Add a number”, so it shows at "
                            "the top and on every page.").format(country=country_name(self.country)), self.body)
            self.lines_layout.addWidget(hint)
        steps = "".join(f"<li>{_escape(step)}</li>" for step in first_steps(emergency_numbers(lines)))
        self.steps_label.setText(f"<ol>{steps}</ol>")
        self._render_sources(lines)

    def _line_widget(self, line: CrisisLine) -> QWidget:
        box = QFrame(self.body)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(box)
        from ...content.warning_signs import Tier
        from ..common.tier_icons import tier_pixmap

        icon_tier = {LineKind.EMERGENCY: Tier.EMERGENCY, LineKind.CRISIS: Tier.CRISIS}.get(line.kind)
        if icon_tier is not None:
            icon = QLabel(box)
            icon.setPixmap(tier_pixmap(icon_tier, int(self.fontMetrics().height() * 1.6), self.devicePixelRatioF()))
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            row.addWidget(icon)
        text = QVBoxLayout()
        # TRANSLATORS: a line's name and kind: "Línea 024 · Crisis line".
        name = _label(_("{name} · {kind}").format(name=line_name(line), kind=kind_label(line.kind)), box, bold=True)
        number = _label(line.number, box, bold=True, scale=1.6)
        number.setAccessibleName(_("{name}: {how}").format(name=line_name(line), how=line_how(line)))
        text.addWidget(name)
        text.addWidget(number)
        # "Call 988" under a big "988" says nothing new; "Call or text 988, or chat…" does.
        how = line_how(line)
        how = "" if how == _("Call {number}").format(number=line.number) else _("{how}.").format(how=how)
        words = " ".join(part for part in (how, line_details(line)) if part)
        if words:
            text.addWidget(_label(words, box))
        if line.user_added:
            text.addWidget(_label(_("You added this number."), box))
        row.addLayout(text, 1)
        if line.user_added:
            remove = QPushButton(_("Remove"), box)
            remove.setAccessibleName(_("Remove {name}").format(name=line.name))
            remove.clicked.connect(lambda _checked=False, gone=line: self.remove_number(gone))
            row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def _render_sources(self, lines: list[CrisisLine]) -> None:
        sources = []
        for source in [line.source for line in lines if line.source] + list(crisis_lines.FIRST_STEP_SOURCES):
            if source not in sources:
                sources.append(source)
        unchecked = _escape(_("Not yet checked on the live page: please check it."))
        items = "".join(f'<li><a href="{_escape(s.url)}">{_escape(s.title)}</a><br>{_escape(s.url)}'
                        f'{"" if s.confirmed else "<br>" + unchecked}</li>'
                        for s in sources)
        mine = (f"<p>{_escape(_('Numbers you added come from you.'))}</p>"
                if any(line.user_added for line in lines) else "")
        checked = formatting.long_date(date.fromisoformat(crisis_lines.CHECKED_ON))
        heading = _escape(_("Where these numbers and steps come from"))
        when = _escape(_("(checked {date})").format(date=checked))
        self.sources_label.setText(f"<p><b>{heading}</b> {when}</p><ul>{items}</ul>{mine}")

    def _render_plan(self, problem: str) -> None:
        _clear_layout(self.plan_layout)
        person = self._person
        self.open_plan_button.setText(_("Open the safety plan"))  # no name left behind, even hidden
        if self._locked:
            self.plan_heading.setText(_("Safety plan"))
            self.plan_layout.addWidget(_label(_(LOCKED_PLAN_TEXT), self.body))
            self.open_plan_button.hide()
            return
        if person is None:
            self.plan_heading.setText(_("Safety plan"))
            self.plan_layout.addWidget(_label(_("Add a person to keep a safety plan for them."), self.body))
            self.open_plan_button.hide()
            return
        self.plan_heading.setText(_("{name}'s safety plan").format(name=person.display_name))
        short = short_name(person.display_name, self.open_plan_button)  # a button's words never wrap
        self.open_plan_button.setText(_("Open {name}'s safety plan").format(name=short))
        self.open_plan_button.setAccessibleName(_("Open the safety plan"))
        self.open_plan_button.show()
        if problem:
            self.plan_layout.addWidget(_label(problem, self.body))
            return
        plan = self._plan
        if plan is None or plan.is_empty:
            self.plan_layout.addWidget(_label(_(
                "There is no safety plan for {name} yet. A safety plan lists warning signs, "
                "ways to cope, people to call and how to stay safe. It helps most when it is written "
                "before a crisis.").format(name=person.display_name), self.body))
            self.open_plan_button.setText(_("Write {name}'s safety plan").format(name=short))
            return
        if not plan.contacts:
            self.plan_layout.addWidget(_label(_("The safety plan has no people to call yet."), self.body))
        for step in (SafetyStep.HELPERS, SafetyStep.PROFESSIONALS):
            items = plan.items(step)
            if not items:
                continue
            title = _(step.title)
            self.plan_layout.addWidget(_label(title, self.body))
            for item in items:
                words = f"{item.text} — {item.phone}" if item.phone else item.text
                label = _label(words, self.body, bold=True, scale=1.1)
                label.setAccessibleName(_("{step}: {words}").format(step=title, words=words))
                self.plan_layout.addWidget(label)
        if plan.coping:
            first = "; ".join(item.text for item in plan.coping[:3])
            self.plan_layout.addWidget(_label(_("Things to try first, from the plan: {things}").format(things=first), self.body))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
