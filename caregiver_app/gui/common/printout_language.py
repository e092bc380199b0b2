"""The "Language of the printout" choice: a visit summary or a safety plan can be printed in
English or Spanish whatever the window speaks (a Spanish-speaking family may hand an English
summary to the clinic). One helper, so the summary page and the plans page offer the same list."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ... import i18n
from ...i18n import _


def language_box(parent: QWidget) -> QComboBox:
    """A list of the app's languages, each in its own words (``"English"``, ``"Español"``), with
    the window's language chosen. Its data is the language code."""
    box = QComboBox(parent)
    box.setAccessibleName(_("Language of the printout"))
    box.setToolTip(_("The printout can be in another language than the window"))
    for code in i18n.LANGUAGES:
        box.addItem(i18n.LANGUAGE_NAMES[code], code)
    choose_language(box, "")
    return box


def choose_language(box: QComboBox, code: str) -> None:
    """Choose ``code`` in ``box`` without emitting a change (``""`` or an unknown code: the
    window's language)."""
    index = box.findData(i18n.normalise(code) or i18n.process_language())
    box.blockSignals(True)
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)


def chosen_language(box: QComboBox) -> str:
    """The code chosen in ``box`` (``"en"``, ``"es"``)."""
    return box.currentData() or i18n.process_language()
