"""The country in effect for this window, and what follows from it: the crisis and emergency
words, the phone region and the paper size. One place, so every page agrees."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from ...domain import crisis_lines
from ...domain.crisis_lines import HelpWords
from ...settings import Settings, effective_country, paper_for


def system_locale_name() -> str:
    """The computer's locale name as Qt reads it (``"en_GB"``)."""
    return QLocale.system().name()


def current_country(settings: Settings) -> str:
    """The chosen country, else the computer's (``""`` when neither is known)."""
    return effective_country(settings, system_locale_name())


def help_words(settings: Settings) -> HelpWords:
    """The emergency and crisis words for the country in effect, with the numbers the user added."""
    return crisis_lines.help_words(current_country(settings),
                                   crisis_lines.user_lines_from_dicts(settings.crisis_lines))


def paper(settings: Settings) -> str:
    """``"letter"`` or ``"a4"`` for printing: the chosen paper, else the country's."""
    return paper_for(settings, current_country(settings))
