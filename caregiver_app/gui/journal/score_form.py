"""Entering a PHQ-9 or GAD-7 result from the official form: item answers 0–3 by number, the total
and its published severity band as they are chosen, and — the moment PHQ-9 item 9 is above 0 —
calm crisis help on screen.

Each item shows the form's own wording (its notice allows it, see ``credit_line()``), so no paper
form is needed; the answers are named in the form's words too. Scoring and bands: PHQ-9 per Kroenke, Spitzer & Williams 2001; GAD-7 per Spitzer,
Kroenke, Williams & Löwe 2006 (see ``caregiver_app.domain.scores``).
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.model import Person
from ...domain.scores import (
    FORMS_SITE,
    FORMS_URL,
    SELF_HARM_ITEM,
    Instrument,
    ScoreResult,
    band_for,
    answer_words,
    credit_line,
    form_stem,
    needs_crisis_help,
    official_form_line,
)
from ...domain.crisis_lines import HelpWords, help_words
from ...i18n import N_, _, ngettext
from ...services.scores import ScoreDraft
from ..common.navigation import GET_HELP_KEYS, OPEN_PLANS, SHOW_GET_HELP, request
from ..common import formatting
from ..common.recorder_choice import RecorderChoice, short_name
from ..common.trust_widgets import heading_label, plain_label
from ..vault.unlock_screen import announce

# Marked for the catalog; translated where shown (the language is chosen after import).
CRISIS_HEADING = N_("Thank you for answering this honestly.")
CRISIS_TEXT = N_(
    "An answer above 0 on item 9 means thoughts of death or of hurting oneself came up in the last "
    "two weeks. That matters, and nobody has to carry it alone. Help is there right now, any time of "
    "day or night:"
)
CARE_TEAM_STEP = N_("Let the care team know today. This score is also marked to bring up at the next visit.")
CRISIS_ELSEWHERE = N_("Get help now ({keys}) has every number for your country, and your safety plan.")


def crisis_elsewhere() -> str:
    """Where every number is, with the keys that open Get help now."""
    return _(CRISIS_ELSEWHERE).format(keys=GET_HELP_KEYS)


def crisis_steps(words: HelpWords) -> tuple[str, str, str]:
    """The three steps for the country of ``words``: the crisis line, the emergency number, the
    care team. With no crisis line known, the first asks for a local one."""
    line = f"{words.crisis_line[:1].upper()}{words.crisis_line[1:]}"
    crisis = (_("{crisis_line} to talk with a trained counselor. It is free and private.").format(crisis_line=line)
              if words.crisis_known else
              _("Call a local crisis line to talk with a trained counselor. Find A Helpline "
                "(findahelpline.com) lists them."))
    emergency = _("If someone is in danger right now, call {number}.").format(number=words.emergency_number)
    if not words.emergency_known:
        emergency += " " + _("Add it in Get help now, so it shows here.")
    return crisis, emergency, _(CARE_TEAM_STEP)


def band_list(instrument: Instrument) -> str:
    """``"0–4 minimal, 5–9 mild, …"`` for the screen."""
    return ", ".join(f"{b.low}–{b.high} {b.label}" for b in instrument.bands)


def about_html(instrument: Instrument) -> str:
    """The form's question and answers (the domain's: the official form's words in the language
    in force), how to answer, where the paper form is, and the developers' notice the domain
    gives, as rich text."""
    answers = "; ".join(f"{i} {w.lower()}" for i, w in enumerate(answer_words(instrument)))
    how = html.escape(_("For each item choose 0 to 3: {answers}.").format(answers=answers))
    official = official_form_line(instrument)  # the items are topic labels: where the real form is
    if official:
        paper = html.escape(official)
    else:
        link = f'<a href="{html.escape(FORMS_URL)}">{html.escape(FORMS_SITE)}</a>'
        # escaped first, then the link put in: the message itself holds no markup
        paper = html.escape(_("The paper form is free from {site}, in many languages.")).format(site=link)
    return (f"<b>{html.escape(form_stem(instrument))}</b> {how} {paper}"
            f"<br><small>{html.escape(credit_line())}</small>")


class CrisisPanel(QFrame):
    """Calm, caring crisis help with the country's crisis line and emergency number (988 and 911
    in the US, Samaritans and 999 in the UK…), shown inside the form (no pop-up to dismiss)."""

    def __init__(self, parent: QWidget | None = None, words: HelpWords | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAccessibleName(_("Help is available now"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(_(CRISIS_HEADING), self))
        layout.addWidget(plain_label(_(CRISIS_TEXT), parent=self))
        self.step_labels = []
        for position in range(3):
            label = plain_label(bold=position < 2, parent=self)  # the two calls stand out
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.step_labels.append(label)
        elsewhere = QLabel(crisis_elsewhere(), self)
        elsewhere.setWordWrap(True)
        layout.addWidget(elsewhere)
        buttons = QHBoxLayout()
        self.get_help_button = QPushButton(_("Get help now"), self)
        self.get_help_button.setToolTip(_("Every crisis number for your country ({keys})").format(keys=GET_HELP_KEYS))
        self.get_help_button.clicked.connect(lambda: request(self, SHOW_GET_HELP))
        self.safety_plan_button = QPushButton(_("Open the safety plan"), self)
        self.safety_plan_button.clicked.connect(lambda: request(self, OPEN_PLANS, "safety"))
        buttons.addWidget(self.get_help_button)
        buttons.addWidget(self.safety_plan_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.set_words(words or help_words(""))

    def set_words(self, words: HelpWords) -> None:
        """Show the numbers of the country of ``words``."""
        steps = crisis_steps(words)
        for label, step in zip(self.step_labels, steps):
            label.setText(f"•  {step}")
        self.setAccessibleDescription(" ".join((_(CRISIS_HEADING), _(CRISIS_TEXT), *steps, crisis_elsewhere())))

    def full_text(self) -> str:
        return self.accessibleDescription()


class _DigitKeys(QObject):
    """Typing 0–3 on an item's buttons picks that answer and moves on to the next item."""

    def __init__(self, form: "ScoreForm"):
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.KeyPress and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                                         Qt.KeyboardModifier.KeypadModifier):
            text = event.text()
            if text in ("0", "1", "2", "3"):
                item = watched.property("item")
                if item is not None:
                    self._form.answer(int(item), int(text), move_on=True)
                    return True
        return False


class ScoreForm(QWidget):
    """The PHQ-9 / GAD-7 entry form. ``crisis_shown`` fires when item 9 first goes above 0."""

    crisis_shown = Signal()
    changed = Signal()
    items_rebuilt = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._person: Person | None = None
        self._editing: ScoreResult | None = None
        self._groups: list[QButtonGroup] = []
        self._item_labels: list[QLabel] = []
        self._radios: list[list[QRadioButton]] = []
        self._digits = _DigitKeys(self)
        self._build()
        self.set_instrument(Instrument.PHQ9)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        choose = QGroupBox(_("Which questionnaire?"), self)
        choose_layout = QHBoxLayout(choose)
        self.instrument_group = QButtonGroup(self)
        self.instrument_buttons: dict[Instrument, QRadioButton] = {}
        for instrument in (Instrument.PHQ9, Instrument.GAD7):
            # The domain's title in the language in force; its first letter (P, G) is the mnemonic.
            button = QRadioButton("&" + instrument.title.replace("&", "&&"), choose)
            button.setAccessibleName(instrument.title)
            self.instrument_group.addButton(button)
            self.instrument_buttons[instrument] = button
            choose_layout.addWidget(button)
            button.toggled.connect(lambda on, i=instrument: on and self.set_instrument(i))
        choose_layout.addStretch(1)
        layout.addWidget(choose)

        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setOpenExternalLinks(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.about)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.taken_on = QDateEdit(self)
        self.taken_on.setCalendarPopup(True)
        self.taken_on.setDisplayFormat(formatting.date_pattern(weekday=True))
        self.taken_on.setAccessibleName(_("Date the form was filled in"))
        form.addRow(_("&Filled in on"), self.taken_on)
        self.recorder_choice = RecorderChoice(_("A famil&y member:"), _("Their name"), self, stacked=True)
        rc = self.recorder_choice
        self.person_radio, self.family_radio, self.family_name = rc.person_radio, rc.family_radio, rc.family_name
        form.addRow(_("Recorded by"), rc)
        layout.addLayout(form)

        self.items_box = QGroupBox(self)
        self.items_grid = QGridLayout(self.items_box)
        self.items_grid.setColumnStretch(0, 1)  # the wrapped item wording takes the width; answers at its right
        self.items_grid.setHorizontalSpacing(self.fontMetrics().averageCharWidth() * 2)
        layout.addWidget(self.items_box)

        self.total_label = QLabel(self)
        self.total_label.setWordWrap(True)
        total_font = self.total_label.font()
        total_font.setBold(True)
        self.total_label.setFont(total_font)
        self.total_label.setAccessibleName(_("Total score"))
        layout.addWidget(self.total_label)
        self.bands_label = QLabel(self)
        self.bands_label.setWordWrap(True)
        layout.addWidget(self.bands_label)

        # The item-9 response sits at the very top of the form, above the questionnaire, so it is
        # seen whole and not below the answers.
        self.crisis = CrisisPanel(self)
        self.crisis.hide()
        layout.insertWidget(0, self.crisis)

        note_label = QLabel(_("&Note (optional)"), self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(_("Note about this score"))
        self.note.setPlaceholderText(_("For example: filled in at the clinic"))
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 4)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        self.flag = QCheckBox(_("&Bring this up at the next visit"), self)
        layout.addWidget(self.flag)

    def set_instrument(self, instrument: Instrument) -> None:
        """Show ``instrument``'s items (answers are cleared)."""
        self._instrument = instrument
        button = self.instrument_buttons[instrument]
        if not button.isChecked():
            button.setChecked(True)
        self.about.setText(about_html(instrument))
        self.items_box.setTitle(_("{name} items, 0 to 3 each").format(name=instrument.value))
        while self.items_grid.count():
            widget = self.items_grid.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        for group in self._groups:
            group.deleteLater()
        self._groups, self._item_labels, self._radios = [], [], []
        words = answer_words(instrument)
        for number, (topic, wording) in enumerate(zip(instrument.topics, instrument.wording), start=1):
            label = QLabel(f"{number}. {wording}", self.items_box)  # the form's own numbering
            label.setWordWrap(True)
            label.setToolTip(topic)
            group = QButtonGroup(self)
            group.setExclusive(True)
            radios = []
            for value in range(4):
                radio = QRadioButton(str(value), self.items_box)
                radio.setAccessibleName(_("Item {number}, {topic}: {value}, {answer}").format(
                    number=number, topic=topic, value=value, answer=words[value].lower()))
                radio.setProperty("item", number)
                radio.installEventFilter(self._digits)
                group.addButton(radio, value)
                self.items_grid.addWidget(radio, number - 1, value + 1)
                radios.append(radio)
            group.idToggled.connect(lambda _id, on: on and self._on_answer_changed())
            label.setBuddy(radios[0])
            self.items_grid.addWidget(label, number - 1, 0)
            self._groups.append(group)
            self._item_labels.append(label)
            self._radios.append(radios)
        self.bands_label.setText(
            _("Severity bands ({source}): {bands}. A band is not a diagnosis; talk the result over with the care team."
              ).format(source=instrument.source, bands=band_list(instrument)))
        self._on_answer_changed()
        self.items_rebuilt.emit()

    # --- public -------------------------------------------------------------------------
    @property
    def instrument(self) -> Instrument:
        return self._instrument

    @property
    def editing(self) -> ScoreResult | None:
        return self._editing

    def set_person(self, person: Person | None) -> None:
        self._person = person
        if person is None:
            self.recorder_choice.set_person_text(_("The person (self)"))
        else:
            self.recorder_choice.set_person_text(_("{name} (self)").format(name=short_name(person.display_name, self)),
                                                 spoken=_("{name} (self)").format(name=person.display_name))

    def answers(self) -> tuple[int | None, ...]:
        return tuple(g.checkedId() if g.checkedId() >= 0 else None for g in self._groups)

    def answer(self, item: int, value: int, *, move_on: bool = False) -> None:
        """Choose ``value`` (0–3) for item number ``item`` (1-based), as a click would."""
        self._radios[item - 1][value].setChecked(True)
        target = self._radios[item - 1][value]
        if move_on and item < len(self._radios):
            nxt = self._radios[item]
            checked = next((r for r in nxt if r.isChecked()), nxt[0])
            target = checked
        elif move_on:
            target = self.note
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def reset(self, today: date) -> None:
        """An empty form for a new result filled in on ``today`` (a local date)."""
        self._editing = None
        self.taken_on.setDate(QDate(today.year, today.month, today.day))
        self._clear_answers()
        self.note.clear()
        self.flag.setChecked(False)
        self.recorder_choice.keep_family_or_self()
        self._on_answer_changed()

    def load(self, score: ScoreResult) -> None:
        """Put a saved result in the form to correct it."""
        self.set_instrument(score.instrument)
        self._editing = score
        self.taken_on.setDate(QDate(score.taken_on.year, score.taken_on.month, score.taken_on.day))
        for item, value in enumerate(score.answers, start=1):
            self._radios[item - 1][value].setChecked(True)
        self.recorder_choice.show_recorder(score.recorded_by)
        self.note.setPlainText(score.note)
        self.flag.setChecked(score.flag_for_visit)
        self._on_answer_changed()

    def draft(self) -> ScoreDraft:
        """What the form holds. Raises :class:`ValidationError` (plain words)."""
        if self._person is None or self._person.id is None:
            raise ValidationError(_("Please choose whose score this is."))
        recorder = self.recorder_choice.recorder()
        d = self.taken_on.date()
        return ScoreDraft(
            person_id=self._person.id,
            instrument=self._instrument,
            taken_on=date(d.year(), d.month(), d.day()),
            answers=self.answers(),
            recorded_by=recorder,
            note=self.note.toPlainText(),
            flag_for_visit=self.flag.isChecked(),
            score_id=self._editing.id if self._editing is not None else None,
        )

    def focus_widgets(self) -> list[QWidget]:
        chain: list[QWidget] = [*self.instrument_buttons.values(), self.taken_on,
                                *self.recorder_choice.focus_widgets()]
        for radios in self._radios:
            chain.extend(radios)
        return chain + [self.note, self.flag]

    def clear(self) -> None:
        """Forget everything (the vault locked)."""
        self._person = None
        self._editing = None
        self._clear_answers()
        self.note.clear()
        self.recorder_choice.clear()
        self.set_person(None)
        self._on_answer_changed()

    # --- private ------------------------------------------------------------------------
    def _clear_answers(self) -> None:
        for group in self._groups:
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)

    def _on_answer_changed(self) -> None:
        answers = self.answers()
        instrument = self._instrument
        answered = [a for a in answers if a is not None]
        if len(answered) == len(answers):
            total = sum(answered)
            band = band_for(instrument, total)
            self.total_label.setText(_("Total: {total} of {max} — {band}").format(
                total=total, max=instrument.max_total, band=band.label))
        else:
            left = len(answers) - len(answered)
            self.total_label.setText(ngettext(
                "Total so far: {total} of {max} ({count} item still to answer)",
                "Total so far: {total} of {max} ({count} items still to answer)", left).format(
                total=sum(answered), max=instrument.max_total, count=left))
        crisis = needs_crisis_help(instrument, answers)
        was_shown = self.crisis.isVisibleTo(self)
        self.crisis.setVisible(crisis)
        if crisis:
            self.flag.setChecked(True)
            self.flag.setEnabled(False)
            self.flag.setToolTip(_("Always marked when item {number} is above 0").format(number=SELF_HARM_ITEM))
        else:
            self.flag.setEnabled(True)
            self.flag.setToolTip("")
        if crisis and not was_shown:
            announce(self.crisis, self.crisis.full_text())
            self.crisis_shown.emit()
        self.changed.emit()

