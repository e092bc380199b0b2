"""The pages of the main window, in navigation order, and how each is wired to the window once
built. Each page module is imported only when its page is first built (see
:mod:`~caregiver_app.gui.page_stack`): the unlock screen needs none of them."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ..i18n import N_, _
from .common import navigation

if TYPE_CHECKING:
    from .context import AppContext
    from .main_window import MainWindow
    from .page_stack import PageEntry


PAGES: tuple[tuple[str, str, str], ...] = (
    ("journal", N_("Journal"), "journal.journal_page:JournalPage"),
    ("patterns", N_("Patterns"), "journal.patterns_page:PatternsPage"),
    ("medications", N_("Medications"), "journal.medications_page:MedicationsPage"),
    ("scores", N_("Scores and check-in"), "journal.scores_page:ScoresPage"),
    ("warning_signs", N_("Warning signs"), "warning_signs.signs_page:WarningSignsPage"),
    ("plans", N_("My plans"), "warning_signs.plans_page:PlansPage"),
    ("network", N_("Support network"), "network.network_page:NetworkPage"),
    ("appointments", N_("Appointments"), "visits.appointments_page:AppointmentsPage"),
    ("summary", N_("Visit summary"), "visits.summary_page:SummaryPage"),
    ("caregiver_checkin", N_("My check-in"), "journal.caregiver_checkin:CaregiverCheckinPage"),
    ("search", N_("Search"), "journal.search_panel:SearchPanel"),
)
"""``(name, title, "module:Class")`` of every page, in the order of the navigation list; the
module (inside this package) is imported when the page is first built."""


def page_builder(where: str, context: AppContext) -> Callable[[], QWidget]:
    """A function that imports the module of ``where`` (``"module:Class"``, inside this package)
    and builds its page class over ``context``."""
    module, class_name = where.split(":")

    def build() -> QWidget:
        return getattr(import_module(f"{__package__}.{module}"), class_name)(context)

    return build


def register_pages(window: MainWindow) -> None:
    """Register every page of :data:`PAGES` with ``window`` (none is built here) and offer the
    window's named destinations to the widgets inside it."""
    for name, title, where in PAGES:
        window.add_lazy_page(_(title), page_builder(where, window.context), name=name)
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
