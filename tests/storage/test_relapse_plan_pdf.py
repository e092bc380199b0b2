"""Issue 18, defect 11: the relapse-prevention plan ("My plan for staying well") prints. Read back
with pypdf: every section and line in order, a long plan flowing onto more pages, right-to-left
and Chinese text through the project fonts, the paper size, and no names in the metadata."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from caregiver_app.domain.errors import NotFoundError, ValidationError
from caregiver_app.domain.plans import ITEMS_MAX, EarlySign, LinkKind, PlanItem, RelapsePlan, RelapseSection
from caregiver_app.reports.fonts import register_fonts, set_fallback_fonts
from caregiver_app.reports.relapse_plan import build_relapse_plan_pdf
from caregiver_app.reports.safety_plan import build_safety_plan_pdf
from caregiver_app.services import plans

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
TODAY = date(2026, 11, 30)
ITEMS = {
    RelapseSection.TRIGGERS: (PlanItem("Money worries at the end of the month"), PlanItem("The anniversary in March")),
    RelapseSection.EARLY_SIGNS: (EarlySign("Sleeping less than five hours", LinkKind.SYMPTOM, "Trouble sleeping", 5),
                                 EarlySign("I stop calling friends")),
    RelapseSection.HELPS: (PlanItem("Walk the dog"), PlanItem("Tea with Ana & <b>music</b>")),
    RelapseSection.AVOID: (PlanItem("Arguing about medicine"),),
    RelapseSection.TELL: (PlanItem("Ana (Mom)", "555-0101"), PlanItem("Dr. Patel", "555-0150")),
}


def flat(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def saved(vault, person):
    plan = RelapsePlan(person.id, **{section.value: items for section, items in ITEMS.items()})
    return plans.save_relapse_plan(vault, plan, clock=lambda: NOW)


def test_every_section_and_line_prints_in_order(vault, person, saved, tmp_path):
    path = plans.write_relapse_plan_pdf(vault, person.id, tmp_path / plans.relapse_plan_filename(TODAY), today=TODAY)
    assert path.name == "staying-well-plan-2026-11-30.pdf" and path.stat().st_mode & 0o077 == 0
    reader, text = flat(path.read_bytes())
    assert len(reader.pages) == 1
    assert "My plan for staying well" in text and "For Sam Rivera" in text
    assert "Printed 30 Nov 2026" in text and "Last changed 28 Nov 2026" in text
    expected = []
    for section in RelapseSection:
        expected.append(section.title)
        expected += [item.text for item in ITEMS[section]]
    positions = [text.index(words) for words in expected]
    assert positions == sorted(positions)  # every section and line, in the page's order
    assert "Ana (Mom) — 555-0101" in text and "Tea with Ana & <b>music</b>" in text  # escaped, not markup
    assert "Symptom: Trouble sleeping, 5/10 or more" in text
    assert "WRAP" in text and "Page 1 of 1" in text


def test_the_metadata_names_no_one(vault, person, saved, tmp_path):
    path = plans.write_relapse_plan_pdf(vault, person.id, tmp_path / "plan", today=TODAY)
    assert path.suffix == ".pdf"
    meta = PdfReader(path).metadata
    values = " ".join(str(v) for v in meta.values())
    # The title a file manager or PDF viewer shows is the gentle one printed on the page and in the
    # file name, not the clinical "relapse prevention" (it would tell anyone glancing at the list).
    assert meta.title == "My plan for staying well" and meta.author == "Caregiver Companion"
    assert "relapse" not in values.lower()
    for private in ("Sam", "Rivera", "Ana", "Money", "sleep"):
        assert private not in values
    assert b"Rivera" not in path.read_bytes()


def test_an_empty_plan_prints_lines_to_write_on(vault, person, tmp_path):
    path = plans.write_relapse_plan_pdf(vault, person.id, tmp_path / "plan.pdf", today=TODAY)
    reader, text = flat(path.read_bytes())
    assert len(reader.pages) == 1 and all(section.title in text for section in RelapseSection)
    assert "Last changed" not in text


def test_a_long_plan_flows_onto_more_pages_in_order():
    def lines(section):
        return tuple(f"{section.name.lower()} line {i:02d} " + "words that go on " * 12 for i in range(ITEMS_MAX))

    plan = RelapsePlan(1, **{s.value: tuple(map(PlanItem, lines(s))) for s in RelapseSection
                             if s is not RelapseSection.EARLY_SIGNS},
                       early_signs=tuple(map(EarlySign, lines(RelapseSection.EARLY_SIGNS))))
    out = io.BytesIO()
    pages = build_relapse_plan_pdf(plan, "Sam", out, printed_on=TODAY)
    reader, text = flat(out.getvalue())
    assert pages == len(reader.pages) > 1
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    second = " ".join(reader.pages[1].extract_text().split())
    assert "My plan for staying well" in second  # the running header names the plan, never the person
    assert "Sam" not in second
    # A line may break across pages: take out the page furniture, then every line of every
    # section must be there whole, in order.
    body = re.sub(r" ?Confidential health information Page \d+ of \d+( My plan for staying well)?", "", text)
    at = 0
    for section in RelapseSection:
        at = body.index(section.title, at)
        for line in lines(section):
            at = body.index(" ".join(line.split()), at)


def test_paper_follows_the_choice(vault, person, saved, tmp_path):
    a4 = plans.write_relapse_plan_pdf(vault, person.id, tmp_path / "a4.pdf", today=TODAY, paper="a4")
    letter = plans.write_relapse_plan_pdf(vault, person.id, tmp_path / "letter.pdf", today=TODAY)
    assert round(float(PdfReader(a4).pages[0].mediabox.width)) == 595
    assert round(float(PdfReader(letter).pages[0].mediabox.width)) == 612


def test_right_to_left_text_prints_in_reading_order_as_on_the_safety_plan():
    hebrew = "לטייל עם הכלב"  # "walk the dog"
    plan = RelapsePlan(1, helps=(PlanItem(hebrew),), tell=(PlanItem("أمي", "555-0101"),))
    out = io.BytesIO()
    build_relapse_plan_pdf(plan, "שרה", out, printed_on=TODAY)
    _reader, text = flat(out.getvalue())
    assert hebrew in text and "For שרה" in text
    assert "בלכה" not in text  # not drawn in typing order


def test_chinese_text_prints_with_a_fallback_font_like_the_safety_plan():
    set_fallback_fonts(None)  # the fonts this computer has
    try:
        if not register_fonts().covers("头") and not _fallback_covers("头"):
            pytest.skip("no font on this computer draws Chinese")
        words = "今天头痛很厉害"
        plan = RelapsePlan(1, early_signs=(EarlySign(words),))
        out = io.BytesIO()
        build_relapse_plan_pdf(plan, "Sam", out, printed_on=TODAY)
        reader, text = flat(out.getvalue())
        assert words in text
        fonts = {str(ref.get_object()["/BaseFont"]) for page in reader.pages for ref in page["/Resources"]["/Font"].values()}
        assert any("DejaVu" not in f for f in fonts)  # the run of Chinese went to the fallback font
    finally:
        set_fallback_fonts(None)


def _fallback_covers(char: str) -> bool:
    from caregiver_app.reports.fonts import fallback_font_for

    return fallback_font_for(char) is not None


def test_the_shared_pieces_leave_the_safety_plan_as_it_was(vault, person):
    """The safety plan now takes its styles and document from reports/plan_parts.py."""
    from caregiver_app.domain.plans import SafetyPlan, SafetyPlanPrint

    out = io.BytesIO()
    build_safety_plan_pdf(SafetyPlanPrint("Sam", SafetyPlan(1, coping=(PlanItem("Walk"),)), "United States"), out)
    reader, text = flat(out.getvalue())
    assert len(reader.pages) == 1 and "My safety plan" in text and reader.metadata.title == "Safety plan"


def test_a_missing_folder_or_person_is_a_plain_error(vault, person, saved, tmp_path):
    with pytest.raises(ValidationError, match="does not exist"):
        plans.write_relapse_plan_pdf(vault, person.id, tmp_path / "nowhere" / "plan.pdf", today=TODAY)
    with pytest.raises(NotFoundError):
        plans.write_relapse_plan_pdf(vault, 999, tmp_path / "plan.pdf", today=TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]
