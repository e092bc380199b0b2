"""Countries and user-added crisis numbers for "Get help now".

The country list comes from Qt's own territory names (no list of ours to keep up to date); the
countries with built-in numbers come first. Numbers the user adds are public service numbers and
are saved in the settings file (see :mod:`caregiver_app.settings`), so they show while the vault is
locked; the dialog says so, and points personal contacts to the safety plan.
"""

from __future__ import annotations

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

from ...domain import crisis_lines
from ...domain.crisis_lines import CrisisLine, LineKind
from ...domain.errors import ValidationError
from ..common.trust_widgets import fit_text, problem_label
from ..vault.unlock_screen import announce


@lru_cache(maxsize=1)
def all_countries() -> tuple[tuple[str, str], ...]:
    """``(code, name)`` for every country Qt knows, the featured ones first (the US, Canada, the
    UK, Ireland, Australia, New Zealand, Spain, Mexico), then the rest by name."""
    names: dict[str, str] = {}
    for territory in QLocale.Country:  # Qt 6 calls it Territory; PySide6 keeps the Country name
        code = QLocale.territoryToCode(territory)
        if crisis_lines.is_country_code(code) and code not in names:
            names[code] = QLocale.territoryToString(territory)
    featured = crisis_lines.FEATURED_COUNTRIES
    first = list(featured.items())
    rest = sorted(((c, crisis_lines.BUILT_IN_COUNTRIES.get(c, n)) for c, n in names.items() if c not in featured),
                  key=lambda pair: pair[1].casefold())
    return tuple(first + rest)


def country_name(code: str) -> str:
    """The English name of ``code`` (the code itself when unknown)."""
    return dict(all_countries()).get(code, code)


NOT_CHOSEN = "Choose your country"


def fill_country_combo(combo: QComboBox, selected: str, *, allow_none: bool = True) -> None:
    """Put every country in ``combo`` (the featured ones first, then a separator, then all the
    others by name) and select ``selected``. With ``allow_none``, a first "Choose your country"
    entry (data ``""``) is selected when ``selected`` is empty or unknown, so no country's
    numbers are shown by mistake."""
    combo.blockSignals(True)
    combo.clear()
    combo.view().setAccessibleName("Countries")
    if allow_none:
        combo.addItem(NOT_CHOSEN, "")
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
    combo.setAccessibleName("Country")
    fill_country_combo(combo, selected)
    form.addRow("&Country", combo)
    return combo


def add_problem_and_buttons(dialog: QDialog, layout: QVBoxLayout, ok_text: str) -> QLabel:
    """The end of a small settings dialog: the hidden "What to fix" line and OK (``ok_text``) /
    Cancel wired to the dialog. Returns the problem line (see :func:`show_problem`)."""
    problem = problem_label("What to fix", dialog)
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
        self.setWindowTitle("Add a number")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Add a public service, such as your local emergency number or a helpline you trust. "
            "It is saved in this app's settings on this computer and shows even while the journal is "
            "locked. Please do not add personal contacts here: they belong in the safety plan, where "
            "they stay encrypted.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.country_combo = add_country_row(form, self, country)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName("What kind of number")
        for kind in LineKind:
            self.kind_combo.addItem(kind.label, kind.value)
        form.addRow("&Kind", self.kind_combo)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("For example: Emergency services")
        self.name_edit.setAccessibleName("Name of the service")
        self.name_edit.setMaxLength(crisis_lines.NAME_MAX_CHARS)
        form.addRow("&Name", self.name_edit)
        self.number_edit = QLineEdit(self)
        self.number_edit.setPlaceholderText("The number to call or text")
        self.number_edit.setAccessibleName("Phone number")
        self.number_edit.setMaxLength(30)
        form.addRow("N&umber", self.number_edit)
        self.how_edit = QLineEdit(self)
        self.how_edit.setPlaceholderText("Optional, for example: Call or text")
        self.how_edit.setAccessibleName("How to reach it (optional)")
        self.how_edit.setMaxLength(crisis_lines.NAME_MAX_CHARS)
        form.addRow("&How to reach it", self.how_edit)
        layout.addLayout(form)

        self.problem_label = add_problem_and_buttons(self, layout, "&Add number")
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
