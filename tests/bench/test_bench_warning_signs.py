"""Warning-sign timings on the 10-year journal: the journal banner's weekly check, the visit
summary's check over a year and over ten, the library pages, entry hints and the safety plan PDF.
They measure; they never fail the suite on time."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from bench_support import END, PASS

from caregiver_app.domain import crisis_lines
from caregiver_app.domain.model import SymptomRating
from caregiver_app.domain.plans import EarlySign, LinkKind, PlanItem, RelapsePlan, SafetyPlan, SafetyPlanPrint
from caregiver_app.reports.safety_plan import build_safety_plan_pdf
from caregiver_app.services import plans
from caregiver_app.services import warning_signs as library
from caregiver_app.services.vault_open import unlock_with_passphrase


@pytest.fixture(scope="module")
def vault_with_plan(ten_year_vault):
    paths, person_id, _count = ten_year_vault
    vault = unlock_with_passphrase(paths, PASS)
    plan = RelapsePlan(person_id, early_signs=(
        EarlySign("Up all night", LinkKind.SYMPTOM, "Trouble falling asleep", 6),
        EarlySign("Pulls away", LinkKind.SYMPTOM, "Withdrawing from others", 4),
        EarlySign("Money stress", LinkKind.STRESSOR, "money"),
        EarlySign("Skips outings", LinkKind.STRESSOR, "loneliness"),
    ))
    plans.save_relapse_plan(vault, plan)
    yield vault, person_id
    vault.close()


@pytest.mark.parametrize("days", [7, 365, 3650])
def test_personal_signs_seen(benchmark, vault_with_plan, days):
    vault, person_id = vault_with_plan
    seen = benchmark(library.personal_signs_seen, vault, person_id, END - timedelta(days=days - 1), END)
    assert seen


def test_entry_hints_for_a_busy_entry(benchmark):
    ratings = [SymptomRating(name, 8) for name in ("Confusion", "Hopelessness", "Hearing or seeing things", "Pain")]
    hints = benchmark(library.entry_hints, ratings)
    assert hints.urgent


def test_parse_every_page_with_the_one_markdown_pipeline(benchmark):
    """Filling and parsing all pages: what choosing another country costs once (then cached)."""
    from caregiver_app.content import placeholders
    from caregiver_app.content import warning_signs as education

    folder = education._folder()
    words = library.help_words("GB")
    files = [(e.name, e.read_text(encoding="utf-8")) for e in folder.iterdir() if e.name.endswith(".md")]
    pages = benchmark(lambda: [education.parse_page(placeholders.fill(text, words, name), name) for name, text in files])
    assert len(pages) == len(files) >= 34


def test_search_what_people_type(benchmark):
    library.search("warm up the cache")
    found = benchmark(lambda: [library.search(q) for q in ("confused", "can't sleep", "chest pain", "fell over")])
    assert found[0][0].id == "delirium"


def test_safety_plan_pdf(benchmark):
    items = tuple(PlanItem(f"Something that helps, number {i}", "555-0100") for i in range(4))
    plan = SafetyPlan(1, warning_signs=items, coping=items, distraction=items, helpers=items,
                      professionals=items, environment=items, reasons=items)
    data = SafetyPlanPrint("Sam", plan, "United States", tuple(crisis_lines.lines_for("US")[:3]))
    benchmark(lambda: build_safety_plan_pdf(data, io.BytesIO()))
