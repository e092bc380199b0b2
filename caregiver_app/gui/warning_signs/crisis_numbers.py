"""Countries and user-added crisis numbers for "Get help now".

The country list comes from Qt's own territory names (no list of ours to keep up to date); the
countries with built-in numbers come first. Numbers the user adds are public service numbers and
are saved in the settings file (see :mod:`caregiver_app.settings`), so they show while the vault is
locked; the dialog says so, and points personal contacts to the safety plan.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...domain import crisis_lines
from ...domain.crisis_lines import CrisisLine, LineKind
from ...domain.errors import ValidationError
from ...i18n import _, N_
from ..common.trust_widgets import fit_text, problem_label
from ..vault.unlock_screen import announce


@lru_cache(maxsize=1)
def _qt_country_codes() -> tuple[str, ...]:
    """Every country code Qt knows (no list of ours to keep up to date)."""
    codes: dict[str, None] = {}
    for territory in QLocale.Country:  # Qt 6 calls it Territory; PySide6 keeps the Country name
        code = QLocale.territoryToCode(territory)
        if crisis_lines.is_country_code(code):
            codes[code] = None
    return tuple(codes)


def _fold(text: str) -> str:
    """Sorting form: "Álbania" sorts with "Albania" (accents and case aside)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def all_countries(language: str = "") -> tuple[tuple[str, str], ...]:
    """``(code, name)`` for every country Qt knows, named in ``language`` (``""``: the language
    in force) by CLDR through Babel, the featured ones first (the US, Canada, the UK, Ireland,
    Australia, New Zealand, Spain, Mexico), then the rest by name."""
    return _countries_in(i18n.normalise(language) or i18n.language())


@lru_cache(maxsize=4)
def _countries_in(language: str) -> tuple[tuple[str, str], ...]:
    from babel import Locale  # lazily: Babel's data is large

    names = Locale.parse(i18n.babel_locale(language)).territories
    featured = list(crisis_lines.FEATURED_COUNTRIES)
    first = [(code, names.get(code, crisis_lines.FEATURED_COUNTRIES[code])) for code in featured]
    rest = sorted(((code, names.get(code, crisis_lines.BUILT_IN_COUNTRIES.get(code, code)))
                   for code in _qt_country_codes() if code not in featured), key=lambda pair: _fold(pair[1]))
    return tuple(first + rest)


def country_name(code: str, language: str = "") -> str:
    """The name of ``code`` in ``language`` (``""``: the language in force; the code itself when
    unknown)."""
    return dict(all_countries(language)).get(code, code)


# A crisis line's words come from the domain (caregiver_app.domain.crisis_lines), which marks
# them for the catalog; they are translated here, where they are shown. Numbers the user added
# are shown as typed.
def line_name(line: CrisisLine) -> str:
    return line.name if line.user_added else _(line.name)


def line_how(line: CrisisLine) -> str:
    return line.how if line.user_added else _(line.how)


def line_details(line: CrisisLine) -> str:
    return line.details if line.user_added else _(line.details) if line.details else ""


def kind_label(kind: LineKind) -> str:
    return kind.label


NOT_CHOSEN = N_("Choose your country")


def fill_country_combo(combo: QComboBox, selected: str, *, allow_none: bool = True) -> None:
    """Put every country in ``combo`` (the featured ones first, then a separator, then all the
    others by name) and select ``selected``. With ``allow_none``, a first "Choose your country"
    entry (data ``""``) is selected when ``selected`` is empty or unknown, so no country's
    numbers are shown by mistake."""
    combo.blockSignals(True)
    combo.clear()
    combo.view().setAccessibleName(_("Countries"))
    if allow_none:
        combo.addItem(_(NOT_CHOSEN), "")
    featured = list(crisis_lines.FEATURED_COUNTRIES)
    for code, name in all_countries():
        combo.addItem(name, code)
        if code == featured[-1]:
            combo.insertSeparator(combo.count())
    index = combo.findData(selected) if selected else -1
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def add_country_row(form: QFormLayout, parent: QWidget, selected: str) -> QComboBox:
    """A "&Country" row in ``form`` with every country (see :func:`fill_country_combo`)."""
    combo = QComboBox(parent)
    combo.setAccessibleName(_("Country"))
    fill_country_combo(combo, selected)
    form.addRow(_("&Country"), combo)
    return combo


def add_problem_and_buttons(dialog: QDialog, layout: QVBoxLayout, ok_text: str) -> QLabel:
    """The end of a small settings dialog: the hidden "What to fix" line and OK (``ok_text``) /
    Cancel wired to the dialog. Returns the problem line (see :func:`show_problem`)."""
    problem = problem_label(_("What to fix"), dialog)
    layout.addWidget(problem)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return problem


def show_problem(label: QLabel, text: str) -> None:
    """Show ``text`` on a problem line and have screen readers say it."""
    label.setText(text)
    label.show()
    announce(label, text)


class AddNumberDialog(QDialog):
    """Asks for one public service number: country, kind, name and number. ``line`` holds the
    checked :class:`CrisisLine` after Add; problems show inside the dialog, which stays open."""

    def __init__(self, country: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.line: CrisisLine | None = None
        self.setWindowTitle(_("Add a number"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout = QVBoxLayout(self)
        intro = QLabel(_(
            "Add a public service, such as your local emergency number or a helpline you trust. "
            "It is saved in this app's settings on this computer and shows even while the journal is "
            "locked. Please do not add personal contacts here: they belong in the safety plan, where "
            "they stay encrypted."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.country_combo = add_country_row(form, self, country)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(_("What kind of number"))
        for kind in LineKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        form.addRow(_("&Kind"), self.kind_combo)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(_("For example: Emergency services"))
        self.name_edit.setAccessibleName(_("Name of the service"))
        self.name_edit.setMaxLength(crisis_lines.NAME_MAX_CHARS)
        form.addRow(_("&Name"), self.name_edit)
        self.number_edit = QLineEdit(self)
        self.number_edit.setPlaceholderText(_("The number to call or text"))
        self.number_edit.setAccessibleName(_("Phone number"))
        self.number_edit.setMaxLength(30)
        form.addRow(_("N&umber"), self.number_edit)
        self.how_edit = QLineEdit(self)
        self.how_edit.setPlaceholderText(_("Optional, for example: Call or text"))
        self.how_edit.setAccessibleName(_("How to reach it (optional)"))
        self.how_edit.setMaxLength(crisis_lines.NAME_MAX_CHARS)
        form.addRow(_("&How to reach it"), self.how_edit)
        layout.addLayout(form)

        self.problem_label = add_problem_and_buttons(self, layout, _("&Add number"))
        self.name_edit.setFocus()
        fit_text(self)  # the wrapped intro must not squeeze the fields at large text

    def accept(self) -> None:
        kind = LineKind(self.kind_combo.currentData())
        how = self.how_edit.text().strip()
        number = self.number_edit.text()
        if how and " ".join(number.split()) not in how:
            how = f"{how} {' '.join(number.split())}"
        try:
            self.line = crisis_lines.make_user_line(
                self.country_combo.currentData() or "", kind, self.name_edit.text(), number, how
            )
        except ValidationError as exc:
            show_problem(self.problem_label, str(exc))
            return
        super().accept()
