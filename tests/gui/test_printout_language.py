"""The visit summary and the plans print in a language chosen apart from the window's (issue 17,
item 4): the choice goes into the build and is remembered with the summary's other choices."""

from __future__ import annotations

import io

from pypdf import PdfReader

from caregiver_app import i18n
from caregiver_app.gui.visits.summary_page import SummaryPage
from caregiver_app.gui.warning_signs.plans_page import PlansPage
from caregiver_app.services import summary as summary_service


def test_the_printout_language_starts_as_the_windows_and_offers_both(qtbot, ctx, person, make_page):
    page = make_page(SummaryPage, show_first=True)
    box = page.language_box
    assert [box.itemData(i) for i in range(box.count())] == ["en", "es"]
    assert [box.itemText(i) for i in range(box.count())] == ["English", "Español"]  # each in its own words
    assert page.language() == i18n.process_language() == "en"
    assert page.choices().language == "en"
    assert box.accessibleName() == "Language of the printout"


def test_spanish_printout_goes_into_the_build_and_is_remembered(qtbot, ctx, person, make_page, monkeypatch):
    built: list[str] = []
    real_build = summary_service.build_summary

    def spy(vault, request, **kwargs):
        built.append(request.choices.language)
        return real_build(vault, request, **kwargs)

    monkeypatch.setattr(summary_service, "build_summary", spy)
    page = make_page(SummaryPage, show_first=True)
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=10000)
    assert built[-1] == "en"

    page.language_box.setCurrentIndex(page.language_box.findData("es"))  # choosing it builds again
    qtbot.waitUntil(lambda: built[-1] == "es" and page.pdf_bytes() is not None, timeout=10000)
    qtbot.waitUntil(lambda: getattr(summary_service.saved_choices(ctx.vault, person.id), "language", "") == "es",
                    timeout=10000)
    assert i18n.process_language() == "en"  # the window stays English
    page_one = PdfReader(io.BytesIO(page.pdf_bytes())).pages[0].extract_text()
    assert "Resumen para la consulta" in page_one and "Visit summary" not in page_one
    assert page.preview_label.text().startswith("From ")  # the page itself speaks the window's language

    page.clear()  # a lock
    assert page.language() == "en"
    page.set_person(person)  # unlocking: the person's own choice comes back
    qtbot.waitUntil(lambda: page.language() == "es", timeout=5000)


def test_old_saved_choices_without_a_language_mean_the_windows(qtbot, ctx, person, make_page):
    from caregiver_app.domain.summary import SummaryChoices

    summary_service.save_choices(ctx.vault, person.id, SummaryChoices(questions=("Is the dose right?",)))
    assert summary_service.saved_choices(ctx.vault, person.id).language == ""
    page = make_page(SummaryPage, show_first=True)
    qtbot.waitUntil(lambda: page.questions() == ("Is the dose right?",), timeout=5000)
    assert page.language() == "en"


def test_the_plans_page_offers_the_same_choice(qtbot, ctx, person, make_page):
    page = make_page(PlansPage)
    assert page.language_box.currentData() == "en"
    assert page.language_label.buddy() is page.language_box
