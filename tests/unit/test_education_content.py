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

from caregiver_app.content import placeholders, warning_sign_search
from caregiver_app.content import warning_signs as education
from caregiver_app.content.warning_signs import CATEGORIES, Page, Tier
from caregiver_app.domain.crisis_lines import help_words
from caregiver_app.domain.symptoms import STARTER_SYMPTOM_NAMES

FOLDER = resources.files("caregiver_app.content") / "warning_signs"
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
# The shared folder sits beside the checkout, or one level up for a worktree under /work/wt.
FACTS = next((folder / "content" / "education-facts.md" for folder in (SHARED, SHARED.parent.parent / "shared")
              if (folder / "content" / "education-facts.md").exists()), SHARED / "content" / "education-facts.md")

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

_TIER_MARKER = re.compile(r"\[(?:EMERGENCY|CRISIS|TREAT-NOW|CALL-SOON|NEXT-VISIT)\]\s*")
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
# Emergency, crisis and help-line numbers from the facts file's country table (and their usual
# spellings). Pages never write one: the chosen country's number fills a placeholder instead.
_NUMBER_LITERALS = re.compile(
    r"(?<![\w.,-])(?:911|988|999|112|000|111|024|1737|116\s?123|13\s?11\s?(?:14|26)|0477\s?13\s?11\s?14|"
    r"1300\s?659\s?467|741741|85258|838255|50808|51444|62640|800\s?911\s?2000|1800\s?247\s?247|106)(?![\w-])"
    r"|\b1?-?8\d\d-\d{3}-\d{4}\b"
)


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
    return problems


def template_problems(template: str, page: Page) -> list[str]:
    """A page file as written (before the country's numbers go in): no emergency, crisis or help
    line number anywhere a reader sees it (front matter and source titles included; web addresses
    and country blocks such as ``{{if US}}`` are not), and a placeholder for each urgent tier."""
    seen = re.sub(r"https?://\S+", "", _outside_country_blocks(template))
    problems = [f"number literal {m.group(0)!r}" for m in _NUMBER_LITERALS.finditer(seen)]
    if any(s.tier is Tier.EMERGENCY for s in page.signs) and "{{emergency_number}}" not in template:
        problems.append("has emergency signs but no {{emergency_number}} placeholder")
    if any(s.tier is Tier.CRISIS for s in page.signs) and not re.search(r"\{\{[Cc]risis_line\}\}", template):
        problems.append("has crisis-line signs but no {{crisis_line}} placeholder")
    return problems


def _outside_country_blocks(template: str) -> str:
    kept, depth = [], 0
    for line in template.split("\n"):
        if re.match(r"^\s*\{\{\s*if\b", line):
            depth += 1
        elif re.match(r"^\s*\{\{\s*end\s*\}\}", line):
            depth -= 1
        elif depth == 0 and not re.match(r"^\s*\{\{\s*else\s*\}\}", line):
            kept.append(line)
    return "\n".join(kept)


TEMPLATES = {name.removesuffix(".md"): (FOLDER / name).read_text(encoding="utf-8") for name in FILE_NAMES}


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


def test_crisis_pages_use_the_country_placeholders():
    body = TEMPLATES["suicide-risk"]
    assert "{{emergency_number}}" in body and "{{crisis_line}}" in body


def test_at_least_14_new_pages_beyond_the_first_20():
    new_topics = {
        "eating-disorders", "serotonin-syndrome", "seizure-first-aid", "choking-and-swallowing",
        "constipation-and-urinary-retention", "heat-illness", "bleeding-on-blood-thinners", "heart-failure",
        "pneumonia", "pressure-sores", "catatonia", "self-harm", "postpartum-psychosis", "aggression",
        "after-hospital-stay", "anosognosia", "elder-abuse", "sharing-with-clinicians", "missed-doses",
    }
    assert len(new_topics & set(BY_ID)) >= 14
    assert len(PAGES) >= 34


# Domains of the primary bodies the facts file names: the check table's "Source domains" column,
# plus the bodies behind its not-yet-stored [N#] pages (MedlinePlus, NHLBI, NIDDK, NIMH, NIA, AHA,
# ADA, AHRQ, NHS). No copies, news sites, clinic blogs or retired sites.
ALLOWED_DOMAINS = {
    "cdc.gov", "stroke.org", "nlm.nih.gov", "pmc.ncbi.nlm.nih.gov", "nhssomerset.nhs.uk", "alz.org",
    "elderjustice.usc.edu", "uat.rightdecisions.scot.nhs.uk", "dshs.state.tx.us", "healthlinkbc.ca",
    "fda.gov", "mha.ohio.gov", "smiadviser.org", "kmptformulary.nhs.uk", "clozapinerems.com",
    "dailymed.nlm.nih.gov", "poisonhelp.hrsa.gov", "poisonsinfo.health.qld.gov.au", "hhs.gov",
    "pittcountync.gov", "teens.drugabuse.gov", "purl.fdlp.gov", "samhsa.gov", "nidirect.gov.uk",
    "nami.org", "988lifeline.org", "nimh.nih.gov", "nap.edu", "ps.psychiatryonline.org",
    "betterhealth.vic.gov.au", "nwbh.nhs.uk", "nationalepinet.org", "stigmafree.nami.org",
    "cumbriapartnership.nhs.uk", "namiswmo.com", "aasm.org", "nrepp.samhsa.gov",
    # bodies named for the [N#] pages
    "medlineplus.gov", "nhlbi.nih.gov", "niddk.nih.gov", "nia.nih.gov", "heart.org", "diabetes.org",
    "ahrq.gov", "nhs.uk",
}


def _host(url: str) -> str:
    host = re.match(r"^https?://([^/?#]+)", url).group(1).lower()
    return host.removeprefix("www.")


def source_problems(page: Page) -> list[str]:
    problems = []
    for source in page.sources:
        host = _host(source.url)
        if not any(host == d or host.endswith("." + d) for d in ALLOWED_DOMAINS):
            problems.append(f"source {host} is not a primary body from the facts file")
    if not page.sources:
        problems.append("no sources")
    return problems


@id_params()
def test_every_source_is_a_primary_body(page_id):
    assert source_problems(BY_ID[page_id]) == []


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
    assert template_problems(template, BY_ID[name.removesuffix(".md")]) == []


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
    # Web addresses are not numbers to call (a stroke.org address holds "911").
    everything = re.sub(r"https?://\S+", "", "\n".join(p.summary + "\n" + p.body_markdown for p in pages))
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
def test_review_date_is_when_the_facts_were_checked():
    checked = re.search(r"checked (\d{4}-\d{2}-\d{2})", FACTS.read_text(encoding="utf-8")).group(1)
    assert {p.id: p.last_reviewed for p in PAGES if p.last_reviewed != date.fromisoformat(checked)} == {}


E, C, T, S, N = Tier.EMERGENCY, Tier.CRISIS, Tier.TREAT_NOW, Tier.CALL_SOON, Tier.NEXT_VISIT

# The facts file's check table ("topic -> tier of each sign"), with the corrections issue 14 lists.
# Per page: for each tier the table gives, words that pick out signs of that tier. Every sign
# containing the words must have that tier, and a page uses no tier its row leaves empty.
TIER_TABLE: dict[str, dict[Tier, tuple[str, ...]]] = {
    "stroke": {E: ("balance", "eyes", "face droops", "weak or numb", "slurred", "headache", "went away")},
    "heart-attack": {E: ("chest pain", "both arms", "trouble breathing", "collapse")},
    "sepsis": {E: ("confused", "breathe fast", "heart races", "shiver", "clammy", "no urine"), S: ("not getting better",)},
    "infection-older-adults": {E: ("together with confusion",), S: ("fever with no other", "not themselves", "nearly fall")},
    "pneumonia": {E: ("struggle to breathe", "blue or gray", "cough up blood"), S: ("cough with fever", "below normal")},
    "delirium": {E: ("stroke or sepsis", "knock to the head"), S: ("any new, sudden confusion", "pay attention")},
    "dementia-signs": {E: ("missing",), S: ("days or weeks", "driving", "money"), N: ("slowly gets worse", "wander")},
    "elder-abuse": {E: ("danger right now",), S: ("injuries", "neglect", "withdrawals")},
    "dehydration": {E: ("hard to wake", "no urine"), S: ("less urine",)},
    "blood-sugar": {T: ("shaky",), E: ("stays low", "can't swallow", "ketones", "very high readings"),
                    S: ("lows happen often", "stay above"), N: ("now and then",)},
    "falls": {E: ("hip or groin", "can't get up", "blood thinner", "days or weeks"), S: ("any fall",), N: ("fall risks",)},
    "seizure-first-aid": {E: ("first seizure", "five minutes", "trouble breathing", "in water"),
                          S: ("change in pattern",), N: ("usual seizure",)},
    "choking-and-swallowing": {E: ("can't speak", "does not clear", "signs of a stroke"), S: ("at meals", "cheeks")},
    "constipation-and-urinary-retention": {E: ("hard, swollen belly", "can't pass any urine", "blood with the stool"),
                                           S: ("fewer bowel movements", "bloating", "three days", "weak stream")},
    "heat-illness": {E: ("heat stroke", "stiff muscles"), S: ("heat exhaustion", "hot weather")},
    "bleeding-on-blood-thinners": {E: ("very bad headache", "knock to the head", "coughing up blood",
                                       "with dizziness or weakness", "ten minutes"),
                                   S: ("nosebleeds", "while they feel well")},
    "heart-failure": {E: ("at rest", "fainting", "uneven heartbeat"), S: ("weight up", "more swelling")},
    "pressure-sores": {E: ("clammy",), S: ("stays red", "blisters", "pus")},
    "medication-red-flags": {E: ("rigid muscles", "slurred speech", "chest pain", "blisters", "a seizure, severe confusion"),
                             C: ("under age 25", "restlessness with thoughts of suicide"),
                             S: ("new or worse shake", "sore throat", "any new rash", "electric shock", "akathisia",
                                 "new sleepiness", "ibuprofen")},
    "serotonin-syndrome": {E: ("fever, confusion", "rigid", "racing heart"), S: ("only one mild sign",)},
    "missed-doses": {E: ("hard to wake",), S: ("high-risk medicine", "clozapine or lamotrigine", "shot is overdue"),
                     N: ("everyday medicine",)},
    "overdose-and-withdrawal": {E: ("won't wake", "blue or gray", "on purpose", "two to four days",
                                    "stopped: a seizure"),
                                S: ("after heavy drinking stops", "anxiety, poor sleep or shaking")},
    "substance-use-relapse": {E: ("overdose",), C: ("suicide",), S: ("skipping treatment", "cravings", "time away")},
    "suicide-risk": {E: ("a plan, a way", "attempt"), C: ("wanting to die", "goodbye"),
                     S: ("take big risks",)},
    "self-harm": {E: ("ten minutes", "burn", "overdose"), C: ("thoughts of suicide",),
                  S: ("new or more frequent", "spreading redness")},
    "after-hospital-stay": {E: ("the means",), C: ("warning sign of suicide",), S: ("follow-up", "relapse")},
    "depression": {E: ("a plan",), C: ("thoughts of death",), S: ("stop eating",), N: ("two weeks or more",)},
    "mania": {E: ("violently",), C: (), S: ("little need for sleep", "switch", "risky spending")},
    "early-psychosis": {E: ("danger to themselves",), C: ("very distressed",), S: ("several of these", "new voices")},
    "postpartum-psychosis": {E: ("strange beliefs", "swings fast", "harming herself"), S: ("more than two weeks",),
                             N: ("baby blues",)},
    "catatonia": {E: ("no fluids", "rigid muscles"), S: ("stop moving or speaking",)},
    "anxiety-and-panic": {E: ("first-ever panic attack",), S: ("come often",), N: ("hard to control", "already checked")},
    "eating-disorders": {E: ("fainting", "vomiting blood"), C: ("suicide",), S: ("laxative",), N: ("weight or shape",)},
    "mental-health-relapse": {E: ("go missing",), C: ("threaten suicide",), S: ("sleep changes", "old signs")},
    "anosognosia": {E: ("danger",), S: ("refuse treatment",)},
    "aggression": {E: ("weapon",), C: ("agitation is rising",)},
    "sleep-changes": {E: ("got hurt",), S: ("sleepwalking", "while driving", "bipolar"), N: ("snoring",)},
    "caregiver-burnout": {E: ("about to be harmed",), C: ("harming the person",), S: (), N: ("worn out",)},
    "sharing-with-clinicians": {N: ("never stops a clinician",)},
}

# The hopelessness rule: the same tiers on every page that has it (ask about suicide directly).
HOPELESSNESS_PAGES = ("suicide-risk", "depression", "mania", "caregiver-burnout")


def tier_problems(page: Page, row: dict[Tier, tuple[str, ...]]) -> list[str]:
    problems = []
    for tier, phrases in row.items():
        for phrase in phrases:
            matching = [s for s in page.signs if phrase.lower() in s.text.lower()]
            if not matching:
                problems.append(f"no sign mentions {phrase!r}")
            problems += [f"{phrase!r} is {s.tier.name}, the table says {tier.name}" for s in matching if s.tier is not tier]
    problems += [f"uses {t.name}, which the table does not give" for t in {s.tier for s in page.signs} - set(row)]
    return problems


def test_the_tier_table_covers_every_page():
    assert set(TIER_TABLE) == set(BY_ID)


@id_params()
def test_each_sign_tier_matches_the_facts_table(page_id):
    assert tier_problems(BY_ID[page_id], TIER_TABLE[page_id]) == []


@pytest.mark.parametrize("page_id", HOPELESSNESS_PAGES)
def test_hopelessness_has_the_same_tiers_everywhere(page_id):
    hopeless = [s for s in BY_ID[page_id].signs if "hopeless" in s.text.lower()]
    yes = [s.tier for s in hopeless if "not sure" in s.text.lower()]
    no = [s.tier for s in hopeless if "clearly" in s.text.lower()]
    assert yes == [Tier.CRISIS] and no == [Tier.CALL_SOON]


def test_issue_corrections():
    serotonin = education.page("serotonin-syndrome")
    assert education.most_urgent_tier(serotonin, "Confusion") is Tier.EMERGENCY
    infection = education.page("infection-older-adults")
    assert [s.tier for s in infection.signs if s.text.startswith("A fever with no other")] == [Tier.CALL_SOON]
    assert education.page("blood-sugar").signs[0].tier is Tier.TREAT_NOW
    bleeding = education.page("bleeding-on-blood-thinners")
    assert [s.tier for s in bleeding.signs if "Black or bloody stools with dizziness" in s.text] == [Tier.EMERGENCY]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("confused", "delirium"), ("can't sleep", "sleep-changes"), ("can’t sleep", "sleep-changes"),
     ("not sleeping", "sleep-changes"), ("forgetful", "dementia-signs"), ("took too many pills", "overdose-and-withdrawal"),
     ("hearing voices", "early-psychosis"), ("fell over", "falls"), ("bedsore", "pressure-sores"),
     ("worn out", "caregiver-burnout")],
)
def test_search_finds_what_people_type(typed, expected):
    assert warning_sign_search.search(typed)[0].id == expected


@id_params()
def test_every_page_has_plain_synonyms(page_id):
    page = BY_ID[page_id]
    assert 3 <= len(page.synonyms) <= 12
    assert all(word == word.lower() or "'" in word for word in page.synonyms)


@id_params()
def test_urgent_signs_have_a_rule_that_a_mild_rating_never_meets(page_id):
    page = BY_ID[page_id]
    if any(s.tier in (Tier.EMERGENCY, Tier.CRISIS) for s in page.signs):
        assert page.urgent_at is not None and 2 <= page.urgent_at <= 10
        assert not education.urgency_met(page, 1)
        assert education.urgency_met(page, page.urgent_at) and not education.urgency_met(page, page.urgent_at - 1)


@needs_facts
def test_stored_sources_are_cited_at_the_facts_files_address():
    """A source on a host the facts file stored is cited at one of the facts file's own addresses."""
    facts = FACTS.read_text(encoding="utf-8")
    stored = set(re.findall(r"^- S\d+ .*?: (https?://\S+)$", facts, re.MULTILINE))
    assert len(stored) > 50
    stored_hosts = {_host(u) for u in stored}
    # Hosts where the [N#] bodies also live (a CDC or NIMH page the corpus did not store is allowed).
    shared_hosts = {"cdc.gov", "nimh.nih.gov", "samhsa.gov", "nia.nih.gov", "fda.gov"}
    unknown = sorted({s.url for p in PAGES for s in p.sources
                      if _host(s.url) in stored_hosts - shared_hosts and s.url not in stored})
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
    assert [t.marker for t in Tier] == ["[EMERGENCY]", "[CRISIS]", "[TREAT-NOW]", "[CALL-SOON]", "[NEXT-VISIT]"]
    assert Tier.EMERGENCY.label_for(US) == "Emergency: call 911 now"
    assert Tier.EMERGENCY.label_for(help_words("GB")) == "Emergency: call 999 now"
    assert Tier.EMERGENCY.label == "Emergency: call your local emergency number now"
    assert Tier.CRISIS.label_for(US) == "Crisis line: call or text 988 now"
    assert Tier.CRISIS.label_for(help_words("GB")) == "Crisis line: call Samaritans at 116 123 now"
    assert Tier.TREAT_NOW.label == "Act now at home, then call"
    assert Tier.CALL_SOON.label == "Call the care team today"
    assert Tier.NEXT_VISIT.label == "Note for the next visit"
    assert "911" in Tier.EMERGENCY.action_for(US) and "988" in Tier.CRISIS.action_for(US)
    assert "911" not in Tier.CRISIS.action and "988" not in Tier.CRISIS.action
    assert [t.rank for t in Tier] == [0, 1, 2, 3, 4]


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
    assert education.most_urgent_tier(education.page("dementia-signs"), "Memory problems") is Tier.NEXT_VISIT
    assert education.most_urgent_tier(education.page("stroke"), "Cravings") is None


def test_search():
    assert warning_sign_search.search("chest pain")[0].id in {"heart-attack", "anxiety-and-panic"}
    assert "heart-attack" in [p.id for p in warning_sign_search.search("chest pain")]
    assert warning_sign_search.search("Stroke")[0].id == "stroke"
    assert "sepsis" in [p.id for p in warning_sign_search.search("breath")]  # word starts count
    assert warning_sign_search.search("") == [] and warning_sign_search.search("  ?! ") == []
    assert warning_sign_search.search("zebra unicorn") == []
    # Source titles are not searched.
    assert warning_sign_search.search("Somerset") == []


def test_links_come_from_page_links_only():
    page = education.page("suicide-risk")
    assert education.links(page)[:2] == ["after-hospital-stay", "depression"]
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
        ("- [CALL-SOON] A sign", "- [EMERGENCY] A sign", "needs urgent_at"),
        ("related: [stroke]", "related: [stroke]\nurgent_at: 1", "urgent_at"),
        ("related: [stroke]", "related: [stroke]\nurgent_at: often", "urgent_at"),
        ("---\n\nPrivate", "\nPrivate", "no closing"),
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


def test_a_broken_file_in_a_folder_is_named_and_left_out(tmp_path, monkeypatch, caplog):
    # the app's own loading (load_pages), which leaves a broken page out with a log line naming
    # the file, rather than a loader that raises and that the app never calls
    (tmp_path / "sample.md").write_text(GOOD, encoding="utf-8")
    broken = GOOD.replace("id: sample", "id: broken").replace("[CALL-SOON] ", "")
    (tmp_path / "broken.md").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(education, "_folder", lambda: tmp_path)
    parsed = (education._templates, education._cached, education._by_id)
    for cached in parsed:
        cached.cache_clear()
    try:
        assert [p.id for p in education.load_pages()] == ["sample"]
    finally:
        for cached in parsed:
            cached.cache_clear()
    assert any("broken.md" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)


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
    call = "Call 911 at once"
    assert safety_problems(_edited("stroke", call, "Give 325 mg of aspirin. " + call))
    assert safety_problems(_edited("medication-red-flags", "Keep every blood", "Stop taking it. Keep every blood"))
    template, suicide = TEMPLATES["stroke"], BY_ID["suicide-risk"]
    assert template_problems(TEMPLATES["suicide-risk"].replace("{{Crisis_line}}", "A friend")
                             .replace("{{crisis_line}}", "a friend"), suicide)
    assert template_problems(template.replace("{{emergency_number}}", "the police"), stroke)
    for literal in ("911", "988", "112", "999", "000", "13 11 14", "116 123", "1-800-273-8255", "741741"):
        assert template_problems(template.replace("call {{emergency_number}} now", f"call {literal} now"), stroke), literal
    assert template_problems(template.replace("title: Stroke", "title: Stroke (call 911)"), stroke)
    assert template_problems(template.replace("- CDC: Stroke signs and symptoms —", "- CDC: Call 911 for stroke —"), stroke)
    assert not template_problems(template.replace("every minute counts", "every 1,000 minutes count"), stroke)
    assert not template_problems(template.replace("## What to do", "{{if US}}\nCall 911.\n{{end}}\n\n## What to do"), stroke)
    assert "time-to-call-911" in template  # a web address is not a number to call
    assert source_problems(replace(stroke, sources=(education.Source("Blog", "https://www.mayoclinic.org/x"),)))
    assert source_problems(replace(stroke, sources=(education.Source("Copy", "https://notcdc.gov.example.com/x"),)))
    assert not source_problems(replace(stroke, sources=(education.Source("CDC", "https://www.cdc.gov/x"),)))
    swapped = replace(stroke, signs=tuple(replace(s, tier=Tier.CALL_SOON) for s in stroke.signs))
    assert tier_problems(swapped, TIER_TABLE["stroke"])
    copied = "An infection that is not improving or is getting worse, without the signs above."
    if FACTS.exists():
        assert copied_runs(_edited("sepsis", "It is an emergency.", copied + " It is an emergency."))
    assert link_problems(_edited("stroke", "(page:falls)", "(page:fall)"), set(BY_ID))
    assert link_problems(replace(stroke, related=(*stroke.related, "nowhere")), set(BY_ID))
    assert symptom_problems(replace(stroke, symptoms=(*stroke.symptoms, "Chest Pain")))
    assert symptom_problems(replace(stroke, symptoms=(*stroke.symptoms, "falls")))
    assert symptom_problems(replace(stroke, symptoms=(*stroke.symptoms, "Cravings")))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("he hit me", "aggression"), ("she hit me", "aggression"), ("cant sleep", "sleep-changes"),
     ("confussed", "delirium"), ("sucide", "suicide-risk"), ("siezure", "seizure-first-aid"),
     ("overdoes", "overdose-and-withdrawal"), ("constipated", "constipation-and-urinary-retention"),
     ("fentanyl", "overdose-and-withdrawal"), ("he is drunk again", "substance-use-relapse"),
     ("burned out", "caregiver-burnout"), ("hurting himself", "self-harm"),
     ("stopped taking his meds", "missed-doses")],
)
def test_search_forgives_small_words_missing_apostrophes_and_typos(typed, expected):
    """What a worried family member types: small words like "he" and "me" that no page holds,
    "cant" for "can't", a slip of the keys, another ending of the same word."""
    assert expected in [p.id for p in warning_sign_search.search(typed)[:3]]


def test_search_without_apostrophes_finds_the_same_pages():
    for with_mark, without in (("can't breathe", "cant breathe"), ("won't eat", "wont eat"),
                               ("can't pee", "cant pee")):
        assert [p.id for p in warning_sign_search.search(without)] == [p.id for p in warning_sign_search.search(with_mark)] != []


def test_search_typo_forgiveness_does_not_invent_matches():
    assert warning_sign_search.search("zebra unicorn") == []
    assert warning_sign_search.search("xqzv") == []


@pytest.mark.parametrize(("typed", "expected"), [("confusión", "delirium"), ("delírium", "delirium"),
                                                 ("ｃｈｅｓｔ ｐａｉｎ", "heart-attack"), ("Sepsis\u0301", "sepsis")])
def test_search_ignores_accents_and_wide_letters(typed, expected):
    """A Spanish keyboard adds accents ("confusión"); an East Asian input method types wide letters.
    Neither must split a word in two and find nothing."""
    assert expected in [p.id for p in warning_sign_search.search(typed)[:3]]


@id_params()
def test_the_steps_say_whom_to_call_for_the_urgent_signs(page_id):
    """A page with emergency signs tells, in its numbered steps, to call the emergency number; one
    with crisis-line signs, to reach the crisis line (the intro alone is easy to scroll past)."""
    steps = TEMPLATES[page_id].split("## What to do", 1)[1].split("\n## ", 1)[0]
    tiers = {s.tier for s in BY_ID[page_id].signs}
    if Tier.EMERGENCY in tiers:
        assert re.search(r"\{\{[Ee]mergency_number\}\}", steps)
    if Tier.CRISIS in tiers:
        assert re.search(r"\{\{[Cc]risis_line\}\}", steps)
