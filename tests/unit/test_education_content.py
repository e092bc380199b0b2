"""The warning-sign education pages: format, reading level, links, symptom coverage and safety rules.

The content checks are small functions that return a list of problems, so the last tests can show
that each check really fails on a broken page.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from importlib import resources

import pytest
import textstat
from support import SHARED

from caregiver_app.content import education, placeholders
from caregiver_app.content.education import CATEGORIES, Page, Tier
from caregiver_app.domain.crisis_lines import help_words
from caregiver_app.domain.symptoms import STARTER_SYMPTOM_NAMES

FOLDER = resources.files("caregiver_app.content") / "education"
FILE_NAMES = sorted(entry.name for entry in FOLDER.iterdir() if entry.name.endswith(".md"))


US = help_words("US")
"""The content checks read the pages as a family in the US sees them (911 and 988 filled in);
tests below check the placeholders themselves and other countries."""


def _parse_each() -> tuple[dict[str, Page], dict[str, str]]:
    """Parse file by file, so one broken page fails its own test instead of the whole module."""
    parsed, errors = {}, {}
    for name in FILE_NAMES:
        try:
            page = education.parse_page(placeholders.fill((FOLDER / name).read_text(encoding="utf-8"), US, name), name)
        except ValueError as error:
            errors[name] = str(error)
        else:
            parsed[page.id] = page
    return parsed, errors


BY_ID, PARSE_ERRORS = _parse_each()
PAGES = sorted(BY_ID.values(), key=lambda p: p.title.casefold())
IDS = sorted(BY_ID)
MAX_GRADE = 8.0
FACTS = SHARED / "content" / "education-facts.md"

# The topics the product asks for (PRODUCT.md, "Warning signs").
REQUIRED_TOPICS = {
    "suicide-risk",
    "depression",
    "mental-health-relapse",
    "anxiety-and-panic",
    "early-psychosis",
    "mania",
    "substance-use-relapse",
    "overdose-and-withdrawal",
    "caregiver-burnout",
    "dementia-signs",
    "delirium",
    "infection-older-adults",
    "sepsis",
    "stroke",
    "heart-attack",
    "blood-sugar",
    "falls",
    "dehydration",
    "medication-red-flags",
}

_TIER_MARKER = re.compile(r"\[(?:EMERGENCY|CRISIS|CALL-SOON|NEXT-VISIT)\]\s*")
_DOSING = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|ug|g|grams?|milligrams?|ml|mL|cc|iu|units?|tablets?|pills?|"
    r"capsules?|drops?|puffs?|tsp|tbsp|teaspoons?|tablespoons?)\b",
    re.IGNORECASE,
)
_STOP_MEDICINE = re.compile(
    r"\bstop(?:s|ped|ping)?\s+taking\b|\bstop(?:s|ped|ping)?\s+(?:your|the|their|his|her)\s+"
    r"(?:medicine|medication|meds|pills?|dose)",
    re.IGNORECASE,
)
# Numbers the facts file marks "not sourced; verify" (emergency numbers outside the US).
_UNVERIFIED_NUMBERS = re.compile(r"(?<![\d-])(?:112|000|999)(?![\d-])")


needs_facts = pytest.mark.skipif(not FACTS.exists(), reason="shared/content/education-facts.md is missing")


def id_params():
    return pytest.mark.parametrize("page_id", IDS)


# --- the checks ------------------------------------------------------------------------------------


def readable_text(page: Page) -> str:
    """Signs and text as a reader meets them: no Sources section, no markup, one unit per line."""
    units = []
    skipping = False
    for line in page.body_markdown.splitlines():
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading and len(heading.group(1)) == 2:
            skipping = heading.group(2).strip().lower() == "sources"
        if skipping:
            continue
        text = re.sub(r"^#{1,6}\s+", "", line)
        text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", text)
        text = _TIER_MARKER.sub("", text)
        text = re.sub(r"<!--.*?-->", "", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = text.replace("**", "").replace("`", "").strip()
        if not text:
            continue
        # Headings, list items and lead-in lines are read as separate units.
        if text.endswith(":"):
            text = text[:-1] + "."
        elif not text.rstrip("\"'”)").endswith((".", "!", "?")):
            text += "."
        units.append(text)
    return "\n".join(units)


def grade(page: Page) -> float:
    return textstat.flesch_kincaid_grade(readable_text(page))


def _shingles(text: str, n: int = 9) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def copied_runs(page: Page) -> list[str]:
    """Runs of 9 words the page shares with the research notes (write pages in your own words)."""
    facts = _shingles(FACTS.read_text(encoding="utf-8"))
    return sorted(" ".join(run) for run in _shingles(readable_text(page)) & facts)


def structure_problems(page: Page) -> list[str]:
    problems = []
    if not page.signs:
        problems.append("no signs")
    problems += [f"sign {n} has no tier" for n, s in enumerate(page.signs) if not isinstance(s.tier, Tier)]
    if not any(s.url.startswith("https://") for s in page.sources):
        problems.append("no source with an https address")
    if not isinstance(page.last_reviewed, date):
        problems.append("no last-reviewed date")
    if page.category not in CATEGORIES:
        problems.append(f"unknown category {page.category!r}")
    if "not a diagnosis" not in page.body_markdown.lower():
        problems.append("does not say it is information, not a diagnosis")
    section = r"^## What to do[ \t]*\n(.*?)(?=^## |\Z)"
    steps = re.search(section, page.body_markdown, re.MULTILINE | re.DOTALL)
    if not steps or not re.search(r"^1\. \S", steps.group(1), re.MULTILINE):
        problems.append("no numbered steps under 'What to do'")
    return problems


def safety_problems(page: Page) -> list[str]:
    text = page.body_markdown + "\n" + page.summary
    problems = [f"dosing: {m.group(0)!r}" for m in _DOSING.finditer(text)]
    problems += [f"stops a medicine: {m.group(0)!r}" for m in _STOP_MEDICINE.finditer(text)]
    problems += [f"unverified number {m.group(0)}" for m in _UNVERIFIED_NUMBERS.finditer(text)]
    urgent = any(s.tier in (Tier.EMERGENCY, Tier.CRISIS) for s in page.signs)
    readable = readable_text(page)  # the Sources list does not count: "988" is in a source title
    if (urgent or page.id == "suicide-risk") and not ("911" in readable and "988" in readable):
        problems.append("has crisis or emergency signs but does not give both 911 and 988")
    return problems


def link_problems(page: Page, known_ids: set[str]) -> list[str]:
    linked = education.links(page)
    problems = [f"link to unknown page {i!r}" for i in linked if i not in known_ids]
    problems += [f"related id {i!r} is unknown" for i in page.related if i not in known_ids]
    problems += [f"related id {i!r} is not linked in the body" for i in page.related if i not in linked]
    if page.id in linked or page.id in page.related:
        problems.append("links to itself")
    return problems


def symptom_problems(page: Page) -> list[str]:
    starters = set(STARTER_SYMPTOM_NAMES)
    by_fold = {name.casefold(): name for name in STARTER_SYMPTOM_NAMES}
    problems = []
    for entry in page.symptoms:
        if entry in starters:
            if education.most_urgent_tier(page, entry) is None:
                problems.append(f"starter symptom {entry!r} is listed but no sign is about it")
        elif entry.casefold() in by_fold:
            problems.append(f"{entry!r} should be spelled {by_fold[entry.casefold()]!r}")
        elif entry != entry.lower():
            problems.append(f"{entry!r} looks like a starter symptom but is not one")
    listed = {s.casefold() for s in page.symptoms}
    for sign in page.signs:
        unlisted = [tag for tag in sign.symptoms if tag.casefold() not in listed]
        problems += [f"sign tag {tag!r} is not in the page's symptoms" for tag in unlisted]
    return problems


# --- every page ------------------------------------------------------------------------------------


@pytest.mark.parametrize("file_name", FILE_NAMES)
def test_every_page_parses(file_name):
    assert PARSE_ERRORS.get(file_name) is None


def test_the_loader_reads_every_file_from_package_data():
    assert FOLDER.is_dir()
    assert sorted(f"{p.id}.md" for p in education.load_pages()) == FILE_NAMES


def test_at_least_18_pages_cover_every_required_topic():
    assert len(PAGES) >= 18
    assert REQUIRED_TOPICS <= set(BY_ID), REQUIRED_TOPICS - set(BY_ID)


@id_params()
def test_page_structure(page_id):
    assert structure_problems(BY_ID[page_id]) == []


@id_params()
def test_reading_level_is_at_most_grade_8(page_id):
    page = BY_ID[page_id]
    assert grade(page) <= MAX_GRADE, f"{page_id}.md reads at grade {grade(page)}"


@id_params()
def test_links_and_related_ids_resolve(page_id):
    assert link_problems(BY_ID[page_id], set(BY_ID)) == []


@id_params()
def test_safety_rules(page_id):
    assert safety_problems(BY_ID[page_id]) == []


@id_params()
def test_symptom_names_are_real_and_backed_by_signs(page_id):
    assert symptom_problems(BY_ID[page_id]) == []


def test_every_page_is_reachable_from_another_page():
    inbound = {i: set() for i in BY_ID}
    for page in PAGES:
        for target in set(education.links(page)) | set(page.related):
            if target != page.id and target in inbound:
                inbound[target].add(page.id)
    assert [i for i, sources in inbound.items() if not sources] == []


def test_every_starter_symptom_maps_to_a_page():
    missing = [name for name in STARTER_SYMPTOM_NAMES if not education.pages_for_symptom(name)]
    assert missing == []


def test_suicide_page_gives_988_and_911():
    text = readable_text(education.page("suicide-risk", US))
    assert "988" in text and "911" in text


_COUNTRY_NUMBER = re.compile(r"(?<![\d-])(911|988|999|112|000|111|116 123|13 11 14|024|1737)(?![\d-])")


def _outside_blocks(template: str) -> str:
    """The template's lines outside ``{{if ...}}`` blocks and before the Sources heading."""
    kept, depth = [], 0
    for line in template.split("\n"):
        if line.strip().lower() == "## sources":
            break
        if re.match(r"^\s*\{\{\s*if\b", line):
            depth += 1
        elif re.match(r"^\s*\{\{\s*end\s*\}\}", line):
            depth -= 1
        elif depth == 0:
            kept.append(line)
    return "\n".join(kept)


@pytest.mark.parametrize("name", FILE_NAMES)
def test_pages_are_written_once_with_placeholders_for_every_number(name):
    template = (FOLDER / name).read_text(encoding="utf-8")
    assert _COUNTRY_NUMBER.findall(_outside_blocks(template)) == []
    page = BY_ID[name.removesuffix(".md")]
    if any(s.tier in (Tier.EMERGENCY, Tier.CRISIS) for s in page.signs):
        assert "{{emergency_number}}" in template and "{{crisis_line}}" in template


@pytest.mark.parametrize(
    ("country", "present", "absent"),
    [
        ("US", ["911", "988"], ["999", "116 123", "NHS 111"]),
        ("GB", ["999", "116 123", "NHS 111"], ["911", "988", "{{"]),
        ("IE", ["112 or 999", "116 123"], ["911", "988"]),
        ("AU", ["000", "13 11 14"], ["911", "988", "NHS 111"]),
        ("NZ", ["111", "1737"], ["911", "988"]),
        ("CA", ["911", "988"], ["999", "Lifeline at"]),
        ("ES", ["112", "024"], ["911", "988"]),
        ("MX", ["911", "800 911 2000"], ["988", "999"]),
        ("DE", ["112", "call a local crisis line"], ["911", "988"]),
        ("", ["your local emergency number", "call a local crisis line"], ["911", "988", "999"]),
    ],
)
def test_every_page_renders_the_countrys_numbers(country, present, absent):
    words = help_words(country)
    pages = education.load_pages(words)
    assert len(pages) == len(FILE_NAMES)
    everything = "\n".join(p.summary + "\n" + p.body_markdown for p in pages)
    for text in present:
        assert text in everything
    suicide = education.page("suicide-risk", words).body_markdown
    assert words.emergency_number in suicide and words.crisis_line in suicide
    for text in absent:
        assert text not in everything, text
    assert "{{" not in everything and "}}" not in everything


def test_placeholder_mistakes_name_the_file_and_line():
    with pytest.raises(ValueError, match="x.md, line 2.*'emergency'"):
        placeholders.fill("ok\ncall {{emergency}}", US, "x.md")
    with pytest.raises(ValueError, match="no '\\{\\{end"):
        placeholders.fill("{{if US}}\nx", US, "x.md")
    with pytest.raises(ValueError, match="line 1"):
        placeholders.fill("{{end}}", US, "x.md")
    assert placeholders.fill("{{if not US}}\na\n{{else}}\nb\n{{end}}", US) == "b"
    assert placeholders.fill("{{if GB IE}}\na\n{{end}}", help_words("IE")) == "a"
    assert placeholders.fill("{{Crisis_line}}.", help_words("GB")) == "Call Samaritans at 116 123."


@needs_facts
def test_sources_come_from_the_facts_file():
    facts = FACTS.read_text(encoding="utf-8")
    unknown = sorted({s.url for p in PAGES for s in p.sources if s.url not in facts})
    assert unknown == []


@needs_facts
def test_pages_do_not_copy_runs_of_the_facts_file():
    copied = {p.id: copied_runs(p) for p in PAGES}
    assert {k: v for k, v in copied.items() if v} == {}


# --- the loader API --------------------------------------------------------------------------------


def test_pages_are_parsed_once_and_cached():
    assert education.load_pages()[0] is education.load_pages()[0]
    assert education.load_pages() is not education.load_pages()  # callers get their own list


def test_page_lookup():
    assert education.page("stroke").title == "Stroke"
    with pytest.raises(KeyError):
        education.page("no-such-page")


def test_tiers_have_words_and_actions_in_urgency_order():
    assert [t.marker for t in Tier] == ["[EMERGENCY]", "[CRISIS]", "[CALL-SOON]", "[NEXT-VISIT]"]
    assert Tier.EMERGENCY.label_for(US) == "Emergency: call 911 now"
    assert Tier.EMERGENCY.label_for(help_words("GB")) == "Emergency: call 999 now"
    assert Tier.EMERGENCY.label == "Emergency: call your local emergency number now"
    assert Tier.CRISIS.label_for(US) == "Crisis line: call or text 988 now"
    assert Tier.CRISIS.label_for(help_words("GB")) == "Crisis line: call Samaritans at 116 123 now"
    assert Tier.CALL_SOON.label == "Call the care team today"
    assert Tier.NEXT_VISIT.label == "Note for the next visit"
    assert "911" in Tier.EMERGENCY.action_for(US) and "988" in Tier.CRISIS.action_for(US)
    assert "911" not in Tier.CRISIS.action and "988" not in Tier.CRISIS.action
    assert [t.rank for t in Tier] == [0, 1, 2, 3]


def test_pages_for_symptom_is_case_insensitive():
    ids = [p.id for p in education.pages_for_symptom("hopelessness")]
    assert "suicide-risk" in ids and "depression" in ids
    assert ids == [p.id for p in education.pages_for_symptom("  HOPELESSNESS ")]
    assert education.pages_for_symptom("Cravings")[0].id == "substance-use-relapse"
    assert education.pages_for_symptom("no such symptom") == []
    assert education.pages_for_symptom("") == []


def test_most_urgent_tier():
    assert education.most_urgent_tier(education.page("suicide-risk"), "Hopelessness") is Tier.CRISIS
    assert education.most_urgent_tier(education.page("suicide-risk")) is Tier.EMERGENCY
    assert education.most_urgent_tier(education.page("stroke"), "headache") is Tier.EMERGENCY
    assert education.most_urgent_tier(education.page("depression"), "Fatigue") is Tier.NEXT_VISIT
    assert education.most_urgent_tier(education.page("dementia-signs")) is Tier.CALL_SOON
    assert education.most_urgent_tier(education.page("stroke"), "Cravings") is None


def test_search():
    assert education.search("chest pain")[0].id in {"heart-attack", "anxiety-and-panic"}
    assert "heart-attack" in [p.id for p in education.search("chest pain")]
    assert education.search("Stroke")[0].id == "stroke"
    assert "sepsis" in [p.id for p in education.search("breath")]  # word starts count
    assert education.search("") == [] and education.search("  ?! ") == []
    assert education.search("zebra unicorn") == []
    # Source titles are not searched.
    assert education.search("docslib") == []


def test_links_come_from_page_links_only():
    page = education.page("suicide-risk")
    assert education.links(page)[:2] == ["depression", "mental-health-relapse"]
    assert all(not i.startswith("http") for i in education.links(page))


def test_signs_are_plain_text_without_tags():
    for page in PAGES:
        for sign in page.signs:
            assert "<!--" not in sign.text and "](" not in sign.text and "**" not in sign.text
        assert "<!-- symptoms" not in page.body_markdown


# --- malformed pages -------------------------------------------------------------------------------

GOOD = """---
id: sample
title: Sample
category: Medicines
summary: A sample.
symptoms: [Falls, sample]
last_reviewed: 2026-11-30
related: [stroke]
---

Private words about a person.

## Signs to watch for

- [CALL-SOON] A sign with private words. <!-- symptoms: Falls -->
- [NEXT-VISIT] Another sign
  that wraps onto a second line.

## What to do

1. A step.

## Sources

- A title — https://example.org/page
"""


def test_the_sample_page_parses():
    page = education.parse_page(GOOD, "sample.md")
    assert page.signs[0] == education.Sign("A sign with private words.", Tier.CALL_SOON, ("Falls",))
    assert page.signs[1].text == "Another sign that wraps onto a second line."
    assert page.sources == (education.Source("A title", "https://example.org/page"),)
    assert page.last_reviewed == date(2026, 11, 30)
    assert page.symptoms == ("Falls", "sample") and page.related == ("stroke",)


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("---\nid: sample", "id: sample", "front matter"),
        ("category: Medicines", "category: Pills", "category"),
        ("last_reviewed: 2026-11-30", "last_reviewed: 30/11/2026", "ISO date"),
        ("last_reviewed: 2026-11-30\n", "", "missing last_reviewed"),
        ("id: sample", "id: other", "file name"),
        ("related: [stroke]", "related: stroke", "list"),
        ("title: Sample", "title: Sample\ntitle: Again", "twice"),
        ("summary: A sample.", "summary: A sample.\nauthor: me", "unknown front matter key"),
        ("- [CALL-SOON] A sign", "- A sign", "tier marker"),
        ("- [CALL-SOON] A sign", "- [URGENT] A sign", "unknown tier"),
        ("- [CALL-SOON] A sign", "- [CALL-SOON] [CRISIS] A sign", "more than one"),
        ("## What to do", "## Steps", "What to do"),
        ("- A title — https://example.org/page", "- A title https://example.org/page", "source"),
        ("- A title — https://example.org/page", "- A title — example.org", "source"),
    ],
)
def test_malformed_pages_raise_value_error_naming_the_file_only(old, new, complaint):
    broken = GOOD.replace(old, new, 1)
    assert broken != GOOD
    with pytest.raises(ValueError) as caught:
        education.parse_page(broken, "sample.md")
    message = str(caught.value)
    assert "sample.md" in message and complaint.lower() in message.lower()
    assert "private" not in message.lower()


def test_a_broken_file_in_a_folder_is_named(tmp_path):
    (tmp_path / "sample.md").write_text(GOOD, encoding="utf-8")
    broken = GOOD.replace("id: sample", "id: broken").replace("[CALL-SOON] ", "")
    (tmp_path / "broken.md").write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match="broken.md"):
        education.load_pages_from(tmp_path)


# --- the checks can fail ---------------------------------------------------------------------------


def _edited(page_id: str, old: str, new: str) -> Page:
    """The page with every ``old`` in its body replaced by ``new``."""
    page = BY_ID[page_id]
    assert old in page.body_markdown
    return replace(page, body_markdown=page.body_markdown.replace(old, new))


def test_the_checks_catch_broken_pages():
    stroke = BY_ID["stroke"]
    hard = (
        "Cerebrovascular accidents necessitate immediate neurological evaluation, "
        "particularly considering thrombolytic administration contraindications, "
        "institutional protocols, and comprehensive multidisciplinary rehabilitation considerations. "
    )
    intro = "A stroke is an emergency"
    assert grade(_edited("stroke", intro, hard * 6 + intro)) > MAX_GRADE
    assert structure_problems(replace(stroke, sources=(education.Source("x", "http://example.org"),)))
    assert structure_problems(replace(stroke, signs=()))
    assert structure_problems(replace(stroke, category="Other"))
    assert structure_problems(_edited("stroke", "not a diagnosis", "a guide"))
    assert structure_problems(_edited("stroke", "1. Call 911", "- Call 911"))
    call = "Call 911 right away."
    assert safety_problems(_edited("stroke", call, "Give 325 mg of aspirin. " + call))
    assert safety_problems(_edited("medication-red-flags", "Keep a list", "Stop taking it. Keep a list"))
    assert safety_problems(_edited("stroke", "or text 988", "or text a friend"))
    assert safety_problems(_edited("suicide-risk", "911", "the police"))
    assert safety_problems(_edited("stroke", "call 911", "call 112"))
    copied = "Sepsis is the body's extreme reaction to an infection, often starting in the lungs."
    if FACTS.exists():
        assert copied_runs(_edited("sepsis", "One way to remember", copied + " One way to remember"))
    assert link_problems(_edited("stroke", "(page:falls)", "(page:fall)"), set(BY_ID))
    assert link_problems(replace(stroke, related=(*stroke.related, "nowhere")), set(BY_ID))
    assert symptom_problems(replace(stroke, symptoms=(*stroke.symptoms, "Chest Pain")))
    assert symptom_problems(replace(stroke, symptoms=(*stroke.symptoms, "falls")))
    assert symptom_problems(replace(stroke, symptoms=(*stroke.symptoms, "Cravings")))
