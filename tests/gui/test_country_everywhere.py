"""Crisis and emergency help follows the chosen country on every surface (issue 11).

With the country set to the United Kingdom, the visible text of every page of the main window, Get
help now, the lock screen, the PHQ-9 item-9 help, the journal's hints, every warning-sign page and
both PDFs (the visit summary with every section, and the safety plan) has no 911 and no 988, and
has 999. Then the same surfaces for the US, Ireland, Australia, New Zealand, Canada, Spain, Mexico,
Germany (112) and a country the app has no numbers for.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from caregiver_app.domain.crisis_lines import help_words
from caregiver_app.domain.model import SymptomRating
from caregiver_app.domain.plans import PlanItem, SafetyPlan
from caregiver_app.domain.summary import Section, SummaryChoices
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.journal.caregiver_checkin import CaregiverCheckinPage
from caregiver_app.gui.journal.score_form import ScoreForm
from caregiver_app.gui.warning_signs.signs_page import WarningSignsPage
from caregiver_app.services import journal, plans, summary
from caregiver_app.services import warning_signs as library
from support import NOW

TODAY = date(2026, 11, 30)
US_NUMBERS = re.compile(r"(?<!\d)(911|988)(?!\d)")


def all_text(root: QWidget) -> str:
    """Every string a widget tree shows or tells a screen reader (hidden parts too: stricter)."""
    parts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        parts += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            parts.append(w.text())
        if isinstance(w, QLineEdit):
            parts.append(w.placeholderText())
        if isinstance(w, (QTextEdit, QPlainTextEdit)):
            parts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            parts.append(w.currentText())
        if isinstance(w, QListWidget):
            parts += [w.item(i).text() for i in range(w.count())]
    return "\n".join(p for p in parts if p)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def filled(ctx, vault, person):
    """A person with a crisis-tier journal entry, a PHQ-9 style worry and a safety plan."""
    journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, 28, 20, 0), note="hard day",
                                                 symptoms=(SymptomRating("Hopelessness", 6),
                                                           SymptomRating("Chest pain", 7)),
                                                 zone_name="America/New_York"))
    plans.save_safety_plan(vault, SafetyPlan(person.id, helpers=(PlanItem("Ana", "07700 900123"),),
                                             professionals=(PlanItem("Dr. Patel", "020 7946 0000"),),
                                             reasons=(PlanItem("My daughter"),)), clock=lambda: NOW)
    return ctx


def open_window(make_page):
    return make_page(create_main_window, (1300, 900), person=None)


def walk_window(window) -> str:
    """Visit every page of the main window and collect its words."""
    texts = []
    for index, _title in enumerate(window.page_titles()):
        window.show_page(index)
        QApplication.processEvents()
        texts.append(all_text(window))
    return "\n".join(texts)


def save_crisis_entry_in_the_editor(qtbot, window) -> str:
    """Save an entry with Hopelessness in the journal editor and return the hints' words."""
    page = window._journal_page
    window.show_page(0)
    editor = page.editor
    row = editor.add_symptom_row(focus=True)
    row.set_value("Hopelessness", 6)  # a rating that meets the suicide page's urgent_at
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.learn_hints.isVisible()
    return editor.learn_hints.text()


def phq9_help(window) -> str:
    window.registry["scores"].page  # pages are built when first needed
    forms = window.findChildren(ScoreForm)
    assert forms, "the PHQ-9 form is part of the window"
    form = forms[0]
    form.answer(9, 2)
    return form.crisis.full_text()


def library_pages_text(context) -> dict[str, str]:
    page = WarningSignsPage(context)
    try:
        page.show()
        out = {}
        for pg in library.load_pages():
            assert page.open_page(pg.id)
            out[pg.id] = page.view.toPlainText()
        out["home"] = (page.go_home(), page.view.toPlainText())[1]
        return out
    finally:
        page.close()
        page.deleteLater()


def pdfs(context, person, tmp_path) -> dict[str, str]:
    country = context.settings.country
    data = summary.build_summary(
        context.vault, summary.SummaryRequest(person.id, date(2026, 11, 1), TODAY, SummaryChoices(sections=frozenset(Section))),
        zone_name="America/New_York", clock=lambda: NOW, country=country,
    )
    visit = pdf_text(summary.summary_pdf_bytes(data))
    assert "safety plan" in visit.lower()
    plan = plans.safety_plan_print(context.vault, person.id, country=country, country_name=country, today=TODAY)
    path = plans.write_safety_plan_pdf(plan, tmp_path / "plan.pdf")
    return {"visit summary": visit, "safety plan": pdf_text(path.read_bytes())}


def test_in_the_uk_no_surface_shows_911_or_988_and_999_is_there(qtbot, filled, person, tmp_path, modals, make_page):
    filled.settings.country = "GB"
    window = open_window(make_page)
    surfaces: dict[str, str] = {}
    surfaces["main window pages"] = walk_window(window)
    surfaces["journal hints"] = save_crisis_entry_in_the_editor(qtbot, window)
    surfaces["PHQ-9 item 9"] = phq9_help(window)
    checkin = window.findChildren(CaregiverCheckinPage)[0]
    surfaces["caregiver check-in"] = checkin.care_label.text()
    window.show_get_help()
    surfaces["Get help now"] = all_text(window.get_help.window)
    surfaces.update({f"page {k}": v for k, v in library_pages_text(filled).items()})
    surfaces.update(pdfs(filled, person, tmp_path))
    window.lock()
    surfaces["lock screen"] = all_text(window)
    surfaces["Get help now (locked)"] = all_text(window.get_help.window)

    assert all(title in surfaces["main window pages"] for title in window.page_titles())
    assert len(surfaces) > 25 and all(len(text) > 20 for text in surfaces.values()), {
        k: len(v) for k, v in surfaces.items()}
    leaks = {name: US_NUMBERS.findall(text) for name, text in surfaces.items() if US_NUMBERS.search(text)}
    assert leaks == {}
    for name in ("journal hints", "PHQ-9 item 9", "Get help now", "Get help now (locked)", "page stroke",
                 "page suicide-risk", "page heart-attack", "page home", "visit summary", "safety plan"):
        assert re.search(r"(?<!\d)999(?!\d)", surfaces[name]), name
    assert "Emergency: call 999 now" in surfaces["page stroke"]
    assert "Samaritans" in surfaces["page suicide-risk"] and "116 123" in surfaces["PHQ-9 item 9"]
    assert "116 123" in surfaces["caregiver check-in"]
    assert "I call 999" in surfaces["safety plan"] and "I call 999" in surfaces["visit summary"]
    window.get_help.close()


COUNTRIES = [
    # code, emergency words, crisis words, never shown
    ("US", "911", "988", ["999", "116 123"]),
    ("GB", "999", "116 123", ["911", "988"]),
    ("IE", "112 or 999", "116 123", ["911", "988"]),
    ("AU", "000", "13 11 14", ["911", "988"]),
    ("NZ", "111", "1737", ["911", "988"]),
    ("CA", "911", "988", ["999", "13 11 14"]),
    ("ES", "112", "024", ["911", "988"]),
    ("MX", "911", "800 911 2000", ["988", "999"]),
    ("DE", "112", "call a local crisis line", ["911", "988", "999"]),
    ("JP", "your local emergency number", "call a local crisis line", ["911", "988", "999", "112"]),
]


def _absent(text: str, numbers: list[str]) -> list[str]:
    return [n for n in numbers if re.search(rf"(?<![\d ]){re.escape(n)}(?![\d])", text)]


@pytest.mark.parametrize(("code", "emergency", "crisis", "never"), COUNTRIES)
def test_each_country_shows_its_own_help(qtbot, filled, person, tmp_path, code, emergency, crisis, never, make_page):
    filled.settings.country = code
    window = open_window(make_page)
    window.show_get_help()
    get_help = all_text(window.get_help.window)
    assert f"If someone could die or be badly hurt right now, call {emergency}." in get_help
    if code == "JP":
        assert "does not know the emergency number for Japan" in get_help and "Add a number" in get_help
    else:
        assert crisis in get_help or "no checked crisis line" in get_help
    phq9 = phq9_help(window)
    assert f"call {emergency}" in phq9
    stroke = library.page("stroke", help_words(code))
    suicide = library.page("suicide-risk", help_words(code))
    assert f"call {emergency}" in stroke.body_markdown.lower() or f"Call {emergency}" in stroke.body_markdown
    if crisis.startswith("call a local"):
        assert crisis in suicide.body_markdown
    else:
        assert crisis in suicide.body_markdown and crisis in phq9
    plan = plans.safety_plan_print(filled.vault, person.id, country=code, country_name=code, today=TODAY)
    printed = pdf_text(plans.write_safety_plan_pdf(plan, tmp_path / "plan.pdf").read_bytes())
    if code == "JP":
        assert "the local emergency number" in printed
    else:
        assert "I call " + emergency.split(" or ")[0] in printed
    for surface in (get_help, phq9, stroke.body_markdown, suicide.body_markdown, printed):
        assert _absent(surface, never) == [], surface[:200]
    window.get_help.close()


def test_an_unchosen_country_follows_the_computer_and_says_so(qtbot, filled, monkeypatch, make_page):
    from caregiver_app.gui.common import country as country_module

    filled.settings.country = ""
    monkeypatch.setattr(country_module, "system_locale_name", lambda: "C")
    window = open_window(make_page)
    window.show_get_help()
    text = all_text(window.get_help.window)
    assert "call your local emergency number" in text and "Choose your country above" in text
    assert not US_NUMBERS.search(text)
    monkeypatch.setattr(country_module, "system_locale_name", lambda: "en_AU")
    window.get_help.refresh()
    assert "call 000" in all_text(window.get_help.window)
    window.get_help.close()
