"""The pages of the main window, in navigation order, and how each is wired to the window once
built. Each page module is imported only when its page is first built (see
:mod:`~caregiver_app.gui.page_stack`): the unlock screen needs none of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from .common import navigation

if TYPE_CHECKING:
    from .context import AppContext
    from .main_window import MainWindow
    from .page_stack import PageEntry


def _journal(context: AppContext) -> QWidget:
    from .journal.journal_page import JournalPage

    return JournalPage(context)


def _patterns(context: AppContext) -> QWidget:
    from .journal.patterns_page import PatternsPage

    return PatternsPage(context)


def _medications(context: AppContext) -> QWidget:
    from .journal.medications_page import MedicationsPage

    return MedicationsPage(context)


def _scores(context: AppContext) -> QWidget:
    from .journal.scores_page import ScoresPage

    return ScoresPage(context)


def _warning_signs(context: AppContext) -> QWidget:
    from .warning_signs.signs_page import WarningSignsPage

    return WarningSignsPage(context)


def _plans(context: AppContext) -> QWidget:
    from .warning_signs.plans_page import PlansPage

    return PlansPage(context)


def _network(context: AppContext) -> QWidget:
    from .network.network_page import NetworkPage

    return NetworkPage(context)


def _appointments(context: AppContext) -> QWidget:
    from .visits.appointments_page import AppointmentsPage

    return AppointmentsPage(context)


def _summary(context: AppContext) -> QWidget:
    from .visits.summary_page import SummaryPage

    return SummaryPage(context)


def _caregiver_checkin(context: AppContext) -> QWidget:
    from .journal.caregiver_checkin import CaregiverCheckinPage

    return CaregiverCheckinPage(context)


def _search(context: AppContext) -> QWidget:
    from .journal.search_panel import SearchPanel

    return SearchPanel(context)


PAGES: tuple[tuple[str, str, Callable[[AppContext], QWidget]], ...] = (
    ("journal", "Journal", _journal),
    ("patterns", "Patterns", _patterns),
    ("medications", "Medications", _medications),
    ("scores", "Scores and check-in", _scores),
    ("warning_signs", "Warning signs", _warning_signs),
    ("plans", "My plans", _plans),
    ("network", "Support network", _network),
    ("appointments", "Appointments", _appointments),
    ("summary", "Visit summary", _summary),
    ("caregiver_checkin", "My check-in", _caregiver_checkin),
    ("search", "Search", _search),
)
"""``(name, title, build)`` of every page, in the order of the navigation list."""


def register_pages(window: MainWindow) -> None:
    """Register every page of :data:`PAGES` with ``window`` (none is built here) and offer the
    window's named destinations to the widgets inside it."""
    for name, title, build in PAGES:
        window.add_lazy_page(title, lambda build=build: build(window.context), name=name)
    navigation.offer(window, {
        navigation.OPEN_EDUCATION_PAGE: window.open_education_page,
        navigation.OPEN_PLANS: window.open_plans,
        navigation.SHOW_GET_HELP: window.show_get_help,
    })


def wire(window: MainWindow, entry: PageEntry) -> None:
    """Connect a page just built to the window (its signals, the Edit menu's Undo and Redo)."""
    page = entry.widget
    if entry.name == "journal":
        window.adopt_journal(page)
    elif entry.name == "patterns":
        page.day_chosen.connect(window.show_journal_day)
    elif entry.name == "appointments":
        page.prepare_visit_requested.connect(window.prepare_visit)
    elif entry.name == "search":
        page.entry_chosen.connect(window.show_journal_entry)
