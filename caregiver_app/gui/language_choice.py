"""The language question, the same in Settings and on the setup wizard's first page: "Same as
this computer (English)" first (the setting's ``""``), then each language in its own words."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from .. import i18n
from ..i18n import _
from ..settings import SYSTEM_LANGUAGE
from .common.translations import system_language


def fill_language_combo(combo: QComboBox, chosen: str) -> None:
    """Offer the languages in ``combo`` (item data: the setting's value) with ``chosen`` current.
    The first item names the system's language in the language in force."""
    combo.blockSignals(True)
    combo.clear()
    system = i18n.LANGUAGE_NAMES.get(system_language(), system_language())
    combo.addItem(_("Same as this computer ({language})").format(language=system), SYSTEM_LANGUAGE)
    for code in i18n.LANGUAGES:
        combo.addItem(i18n.LANGUAGE_NAMES.get(code, code), code)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    combo.blockSignals(False)
    combo.setAccessibleName(_("Language"))
    combo.view().setAccessibleName(_("Languages"))
