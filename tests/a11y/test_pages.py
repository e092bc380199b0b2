"""Every main page, in light colours at normal size and dark colours at twice the text size:
every control has a name, every field label is tied to its field, no words are cut off, and Tab
goes round every control and back."""

from __future__ import annotations

import pytest
from checks import clipped_text, tab_cycle, unbuddied_labels, unnamed_controls

from caregiver_app.gui.journal.caregiver_checkin import CaregiverCheckinPage
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.medications_page import MedicationsPage
from caregiver_app.gui.journal.patterns_page import PatternsPage
from caregiver_app.gui.journal.scores_page import ScoresPage
from caregiver_app.gui.journal.search_panel import SearchPanel
from caregiver_app.gui.network.network_page import NetworkPage
from caregiver_app.gui.visits.appointments_page import AppointmentsPage
from caregiver_app.gui.visits.summary_page import SummaryPage
from caregiver_app.gui.warning_signs.plans_page import PlansPage
from caregiver_app.gui.warning_signs.signs_page import WarningSignsPage

PAGES = [JournalPage, MedicationsPage, ScoresPage, PatternsPage, CaregiverCheckinPage, SearchPanel,
         WarningSignsPage, PlansPage, NetworkPage, AppointmentsPage, SummaryPage]


def findings(root) -> list[str]:
    """Everything the four checks find in ``root`` (shown and active)."""
    found = [f"unnamed: {x}" for x in unnamed_controls(root)]
    found += [f"label: {x}" for x in unbuddied_labels(root)]
    found += [f"clipped: {x}" for x in clipped_text(root)]
    visited, problems = tab_cycle(root)
    found += [f"tab: {x}" for x in problems]
    assert len(visited) > 1, "Tab reached nothing"
    return found


@pytest.mark.parametrize("page_class", PAGES, ids=lambda c: c.__name__)
def test_every_page_is_named_tied_unclipped_and_tab_goes_round(page_class, make_page, look):
    person = {"person": None} if page_class is WarningSignsPage else {}  # one page for everyone
    page = make_page(page_class, size=(1024, 700), active=True, **person)
    found = findings(page)
    assert not found, "\n".join(found)


def test_my_plans_sign_rows_show_their_journal_link_whole(make_page, look, qtbot):
    """At large text "Not linked to the journal" was cut off beside the sign's words and the
    Remove button; the link now has a line of its own."""
    from PySide6.QtWidgets import QScrollArea

    from caregiver_app.domain.plans import RelapseSection

    page = make_page(PlansPage, size=(1024, 700), active=True)
    signs = page.relapse_editors[RelapseSection.EARLY_SIGNS]
    unlinked, linked = signs.add_row(), signs.add_row()
    signs.set_choices(["Trouble sleeping through the night"], [])
    linked.link_combo.setCurrentIndex(1)
    assert linked.link_combo.currentText().startswith("Symptom: Trouble sleeping")
    scroll = next(s for s in page.findChildren(QScrollArea) if s.isAncestorOf(linked))
    qtbot.wait(20)
    scroll.ensureWidgetVisible(linked.severity_spin)
    assert not [x for x in clipped_text(page) if "link" in x], "\n".join(clipped_text(page))
    assert unlinked.link_combo.currentText() == "Not linked to the journal"
    scheme, scale = look
    page.grab().save(f"/work/notes/shots/a11y-plans-{scheme}-{scale:g}x.png")
