"""The safety plan PDF: one page, complete text read back with pypdf, no names in the metadata."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from caregiver_app.domain import crisis_lines
from caregiver_app.domain.crisis_lines import LineKind
from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.plans import ITEM_MAX_CHARS, ITEMS_MAX, PlanItem, SafetyPlan, SafetyPlanPrint, SafetyStep
from caregiver_app.reports.safety_plan import FONT_SIZES, build_safety_plan_pdf
from caregiver_app.services import plans

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
TODAY = date(2026, 11, 30)

PLAN_ITEMS = {
    SafetyStep.WARNING_SIGNS: (PlanItem("I stop answering my phone"), PlanItem("Two nights without sleep")),
    SafetyStep.COPING: (PlanItem("Take a hot shower"), PlanItem("Walk the dog around the block")),
    SafetyStep.DISTRACTION: (PlanItem("The coffee shop on Main Street"), PlanItem("Cousin Lee", "555-0134")),
    SafetyStep.HELPERS: (PlanItem("Ana (Mom)", "555-0101"), PlanItem("Jordan", "555-0199")),
    SafetyStep.PROFESSIONALS: (PlanItem("Dr. Patel, therapist", "555-0150"),),
    SafetyStep.ENVIRONMENT: (PlanItem("Ana keeps the pills & gives me a week at a time <safe>"),),
    SafetyStep.REASONS: (PlanItem("My daughter Mia"), PlanItem("Seeing the ocean again")),
}


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def saved_plan(vault, person):
    plan = SafetyPlan(person.id, **{step.value: items for step, items in PLAN_ITEMS.items()})
    return plans.save_safety_plan(vault, plan, clock=lambda: NOW)


def test_the_pdf_reads_back_complete_on_one_page(vault, person, saved_plan, tmp_path):
    data = plans.safety_plan_print(vault, person.id, country="US", country_name="United States", today=TODAY)
    path = plans.write_safety_plan_pdf(data, tmp_path / plans.safety_plan_filename(TODAY))
    assert path.name == "safety-plan-2026-11-30.pdf"
    reader, text = pdf_text(path.read_bytes())
    assert len(reader.pages) == 1
    assert "My safety plan" in text and "For Sam Rivera" in text
    assert "Printed 30 Nov 2026" in text and "Last changed 28 Nov 2026" in text
    for step in SafetyStep:
        assert words(step.title) in text, step
        for item in PLAN_ITEMS[step]:
            assert words(item.text) in text, item
            assert item.phone in text
    assert "I call 911." in text and "988 Suicide and Crisis Lifeline" in text and "Text HOME to 741741" in text
    assert "Poison Help" not in text  # helplines are not crisis lines; the plan stays short
    assert "Stanley" in text


def test_the_metadata_names_no_one(vault, person, saved_plan, tmp_path):
    data = plans.safety_plan_print(vault, person.id, country="US", country_name="United States", today=TODAY)
    path = plans.write_safety_plan_pdf(data, tmp_path / "plan")
    assert path.suffix == ".pdf"
    meta = PdfReader(path).metadata
    values = " ".join(str(v) for v in meta.values())
    assert meta.title == "Safety plan"
    assert "Sam" not in values and "Rivera" not in values and "Mia" not in values
    assert b"Rivera" not in path.read_bytes()  # names only inside the compressed page content


def test_the_uk_plan_prints_999_and_samaritans(vault, person, saved_plan):
    data = plans.safety_plan_print(vault, person.id, country="GB", country_name="United Kingdom", today=TODAY)
    out = io.BytesIO()
    build_safety_plan_pdf(data, out)
    _reader, text = pdf_text(out.getvalue())
    assert "I call 999." in text and "Samaritans" in text and "116 123" in text
    assert not re.search(r"(?<!\d)(911|988)(?!\d)", text)


def test_a_country_without_a_known_emergency_number(vault, person, saved_plan):
    data = plans.safety_plan_print(vault, person.id, country="JP", country_name="Japan", today=TODAY)
    out = io.BytesIO()
    build_safety_plan_pdf(data, out)
    _reader, text = pdf_text(out.getvalue())
    assert "the local emergency number" in text
    assert not re.search(r"(?<!\d)(911|988|999|112)(?!\d)", text)
    mine = crisis_lines.make_user_line("JP", LineKind.EMERGENCY, "Ambulance", "119")
    data = plans.safety_plan_print(vault, person.id, country="JP", country_name="Japan",
                                   user_lines=[mine], today=TODAY)
    out = io.BytesIO()
    build_safety_plan_pdf(data, out)
    assert "I call 119 (Ambulance)" in pdf_text(out.getvalue())[1]


def test_an_empty_plan_prints_lines_to_write_on(vault, person):
    data = plans.safety_plan_print(vault, person.id, country="US", country_name="United States", today=TODAY)
    out = io.BytesIO()
    assert build_safety_plan_pdf(data, out) == FONT_SIZES[0]
    reader, text = pdf_text(out.getvalue())
    assert len(reader.pages) == 1 and "Making the environment safe" in text


def test_a_very_long_plan_still_fits_one_page():
    long_items = tuple(PlanItem(f"Line {i} " + "words that go on " * 28, "555-0100") for i in range(ITEMS_MAX))
    assert len(long_items[0].text) < ITEM_MAX_CHARS
    medium = SafetyPlan(1, **{step.value: tuple(PlanItem(i.text[:120]) for i in long_items[:3]) for step in SafetyStep})
    huge = SafetyPlan(1, **{step.value: long_items[:12] for step in SafetyStep})
    sizes = []
    for plan in (medium, huge):
        data = SafetyPlanPrint("Sam", plan, "United States", tuple(crisis_lines.lines_for("US")[:2]), True, TODAY)
        out = io.BytesIO()
        sizes.append(build_safety_plan_pdf(data, out))
        reader, text = pdf_text(out.getvalue())
        assert len(reader.pages) == 1
        assert "Line 2 words" in text
    assert FONT_SIZES[-1] <= sizes[0] < FONT_SIZES[0]
    assert sizes[1] < FONT_SIZES[-1]  # scaled down as a whole rather than spill onto a second page


def test_user_text_is_escaped_not_read_as_markup(vault, person, saved_plan):
    data = plans.safety_plan_print(vault, person.id, country="US", country_name="United States", today=TODAY)
    out = io.BytesIO()
    build_safety_plan_pdf(data, out)
    assert "pills & gives me a week at a time <safe>" in pdf_text(out.getvalue())[1]


def test_a_missing_folder_is_a_plain_error_and_leaves_nothing(vault, person, saved_plan, tmp_path):
    data = plans.safety_plan_print(vault, person.id, country="US", country_name="United States", today=TODAY)
    with pytest.raises(ValidationError, match="does not exist"):
        plans.write_safety_plan_pdf(data, tmp_path / "nowhere" / "plan.pdf")
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]
