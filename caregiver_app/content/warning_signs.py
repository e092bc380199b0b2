"""Warning-sign pages: plain-language Markdown files shipped as package data.

The pages live in ``caregiver_app/content/warning_signs/*.md`` and are read with ``importlib.resources``
(never from the working directory), so a checkout, a wheel and a bundled app find them the same way.
Pages are parsed with markdown-it-py and its front-matter plugin (``markdown_parser``); the page
view renders the same tokens, so the loader and the screen read a page the same way.

How to write a page (for future writers)
----------------------------------------
One topic per file. The file name is the page id: ``stroke.md`` has ``id: stroke``. A page is
front matter between two ``---`` lines, then the Markdown body::

    ---
    id: stroke
    title: Stroke
    category: Body and medical emergencies
    summary: One plain sentence that says what the page is about.
    symptoms: [Dizziness, Headache, Confusion, stroke]
    synonyms: [face drooping, can't talk, one side numb]
    last_reviewed: 2026-12-06
    related: [heart-attack, falls]
    urgent_at: 7
    urgent_words: [face droop, slurred, one side]
    ---

    A short, calm intro. This page is information, not a diagnosis.

    ## Signs to watch for

    - [EMERGENCY] The face droops on one side. <!-- symptoms: Confusion -->
    - [NEXT-VISIT] A sign that can wait for the next visit.

    ## What to do

    1. First step.
    2. Second step.

    ## Related pages

    - [Heart attack](page:heart-attack)

    ## Sources

    - Title of the source — https://example.org/page

Front matter rules: only ``key: value`` and ``key: [a, b]`` lines (no nesting, no commas inside
list items). Keys: ``id``, ``title``, ``category`` (one of ``CATEGORIES``), ``summary``,
``symptoms`` (starter-symptom names from ``caregiver_app.domain.symptoms``, spelled exactly, plus
optional lowercase keywords), ``last_reviewed`` (ISO date: the day the page's facts were last checked
against its sources, not the day the file was written) and ``related`` (other page ids). Optional:

* ``synonyms``: a short list of the plain words people type ("confused", "can't sleep"); search
  reads them with the summary and the signs.
* ``urgent_at`` (2-10, required when the page has ``[EMERGENCY]`` or ``[CRISIS]`` signs): the symptom
  rating at which a journal hint shows those signs at once. Below it the hint is a calm "learn more"
  link, so a 1 of 10 never raises a banner.
* ``urgent_words``: words or phrases in the entry's note that show those signs at any rating
  ("wants to die", "hard to wake").

Body rules:

* ``## Signs to watch for``: every list item starts with exactly one tier marker: ``[EMERGENCY]``,
  ``[CRISIS]`` (crisis line), ``[TREAT-NOW]`` (act at home at once, then call; early low blood
  sugar only), ``[CALL-SOON]`` (call today) or ``[NEXT-VISIT]`` (see ``Tier``). Tiers follow the
  check table of ``shared/content/education-facts.md``. ``###`` sub-headings and short
  plain paragraphs may sit between the items. An item may end with a hidden tag
  ``<!-- symptoms: Name, Name -->`` naming the symptoms (from the front matter) that this sign is
  about; a sign also counts for a symptom whose name appears in its text. ``most_urgent_tier`` uses
  this, so every starter symptom a page lists should be matched by at least one of its signs.
* ``## What to do``: numbered steps.
* Links to other pages are written ``[text](page:other-id)``.
* ``## Sources``: one ``- Title — https://address`` line per source (an em dash between them).

Country placeholders: never write 911, 988 or any other number that belongs to one country; write
``{{emergency_number}}``, ``{{crisis_line}}``, ``{{poison_line}}``, ``{{crisis_numbers}}`` or a
``{{if US}}`` block (:mod:`caregiver_app.content.placeholders` says how).

Translations: ``warning_signs/<language>/<same id>.md`` (:mod:`caregiver_app.content.page_languages`).

Write in your own words, short sentences, about a 6th to 8th grade reading level. Never give doses,
and never tell anyone to stop a medicine on their own. ``tests/unit/test_education_content.py``
checks all of this, including the reading level.

A malformed page raises ``ValueError`` naming the file and the line, never the page's text.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from markdown_it.token import Token

from ..domain.crisis_lines import HelpWords
from ..i18n import N_, SOURCE_LANGUAGE, _
from .markdown import item_inlines as _item_inlines
from .markdown import markdown_parser, markdown_tokens, plain_text, render_blocks, render_inline
from .markdown import sections as _sections
from .page_languages import HEADINGS, page_language
from .page_languages import folder as _language_folder
from .placeholders import fallback_words, fill

__all__ = [
    "CATEGORIES",
    "Page",
    "Sign",
    "Source",
    "Tier",
    "links",
    "load_pages",
    "markdown_parser",
    "markdown_tokens",
    "most_urgent_tier",
    "page",
    "pages_for_symptom",
    "parse_page",
    "render_blocks",
    "render_inline",
    "urgency_met",
]

log = logging.getLogger("caregiver_app")

CATEGORIES: tuple[str, ...] = (
    N_("Mental health"),
    N_("Substance use"),
    N_("Caregiver health"),
    N_("Memory and thinking"),
    N_("Body and medical emergencies"),
    N_("Medicines"),
)
"""The English keys written in every page's front matter; show one with ``_(category)``."""

_REQUIRED_KEYS = ("id", "title", "category", "summary", "symptoms", "last_reviewed", "related")
_OPTIONAL_KEYS = ("synonyms", "urgent_at", "urgent_words")
_LIST_KEYS = frozenset({"symptoms", "related", "synonyms", "urgent_words"})

MIN_URGENT_AT = 2
"""No page may make a sign urgent at a rating of 1 of 10: a mild rating never raises a banner."""

SIGNS_HEADING = HEADINGS[SOURCE_LANGUAGE].signs
WHAT_TO_DO_HEADING = HEADINGS[SOURCE_LANGUAGE].what_to_do
SOURCES_HEADING = HEADINGS[SOURCE_LANGUAGE].sources


class Tier(Enum):
    """How urgent a sign is, most urgent first. The value is the marker written in the page."""

    EMERGENCY = "EMERGENCY"
    CRISIS = "CRISIS"
    TREAT_NOW = "TREAT-NOW"
    CALL_SOON = "CALL-SOON"
    NEXT_VISIT = "NEXT-VISIT"

    @property
    def marker(self) -> str:
        """The marker as written in a page, with its brackets: ``[CALL-SOON]``."""
        return f"[{self.value}]"

    @property
    def label(self) -> str:
        """The words shown next to the tier's icon when no country is known ("Emergency: call
        your local emergency number now"); use :meth:`label_for` with the country's words."""
        return self.label_for(fallback_words())

    @property
    def action(self) -> str:
        """What to do now, when no country is known; use :meth:`action_for`."""
        return self.action_for(fallback_words())

    def label_for(self, words: HelpWords) -> str:
        """The words next to the tier's icon for a country: "Emergency: call 999 now"."""
        return fill(_(_TIER_TEXT[self][0]), words, "tier words")

    def action_for(self, words: HelpWords) -> str:
        """One or two plain sentences saying what to do now, with the country's numbers."""
        return fill(_(_TIER_TEXT[self][1]), words, "tier words")

    @property
    def rank(self) -> int:
        """0 is the most urgent."""
        return _TIER_ORDER.index(self)


_TIER_ORDER = (Tier.EMERGENCY, Tier.CRISIS, Tier.TREAT_NOW, Tier.CALL_SOON, Tier.NEXT_VISIT)
_TIER_TEXT = {
    Tier.EMERGENCY: (
        N_("Emergency: call {{emergency_number}} now"),
        N_("Call {{emergency_number}} now. Do not drive them to the hospital yourself."),
    ),
    Tier.CRISIS: (
        N_("Crisis line: {{crisis_line}} now"),
        N_("{{Crisis_line}} now to reach a crisis counselor. If someone could die right now, call {{emergency_number}}."),
    ),
    Tier.TREAT_NOW: (
        N_("Act now at home, then call"),
        N_("Do the first step on the page right away. Then call the care team today."),
    ),
    Tier.CALL_SOON: (
        N_("Call the care team today"),
        N_("Call the doctor, the nurse line or the care team today. If no one answers within a few hours, "
           "go to urgent care."),
    ),
    Tier.NEXT_VISIT: (
        N_("Note for the next visit"),
        N_("Write it down and bring it up at the next visit. Call sooner if it gets worse."),
    ),
}
_TIER_BY_MARKER = {t.value: t for t in Tier}
URGENT = (Tier.EMERGENCY, Tier.CRISIS)
"""Tiers a journal hint shows at once only when the rating or the note meets the page's rule."""


@dataclass(frozen=True)
class Sign:
    """One warning sign: plain text (no Markdown) and its tier."""

    text: str
    tier: Tier
    symptoms: tuple[str, ...] = ()
    """Symptom names or keywords this sign is tagged with (``<!-- symptoms: ... -->``)."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    category: str
    summary: str
    symptoms: tuple[str, ...]
    last_reviewed: date
    related: tuple[str, ...]
    body_markdown: str
    """The body as written, without the front matter and without the hidden symptom tags."""
    signs: tuple[Sign, ...]
    sources: tuple[Source, ...]
    synonyms: tuple[str, ...] = ()
    """Plain words people type for this topic ("confused", "can't sleep"); search reads them."""
    urgent_at: int | None = None
    """The symptom rating (2-10) at which this page's emergency and crisis-line signs show at once in
    a journal hint. Below it, the hint is a calm "learn more" link."""
    urgent_words: tuple[str, ...] = ()
    """Words or phrases in a journal note that show those signs at once at any rating above 0."""
    language: str = SOURCE_LANGUAGE
    """The language the page is written in (``page_languages``)."""


# --- parsing (with the one Markdown pipeline of ``content.markdown``) ----------------------------

_MARKER = re.compile(r"^\[([A-Za-z-]+)\]\s*(.*)$", re.DOTALL)
_TAG = re.compile(r"\s*<!--\s*symptoms\s*:(.*?)-->", re.IGNORECASE | re.DOTALL)
_PAGE_LINK = re.compile(r"\[([^\]]*)\]\(page:([^)\s]*)\)")
_SOURCE_URL = re.compile(r"^https?://\S+$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _fail(filename: str, problem: str, line: int | None = None) -> ValueError:
    where = f"{filename}, line {line}" if line is not None else filename
    return ValueError(f"Warning-sign page {where}: {problem}")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _parse_front_matter(content: str, filename: str) -> dict[str, object]:
    """The front matter's ``key: value`` and ``key: [a, b]`` lines (line numbers count from 2)."""
    values: dict[str, object] = {}
    for index, raw in enumerate(content.split("\n")):
        lineno = index + 2
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, sep, value = stripped.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise _fail(filename, "front matter line is not 'key: value'", lineno)
        if key not in _REQUIRED_KEYS and key not in _OPTIONAL_KEYS:
            raise _fail(filename, f"unknown front matter key {key!r}", lineno)
        if key in values:
            raise _fail(filename, f"front matter key {key!r} appears twice", lineno)
        if key in _LIST_KEYS:
            if not (value.startswith("[") and value.endswith("]")):
                raise _fail(filename, f"{key!r} must be a list like [a, b]", lineno)
            items = [_unquote(item.strip()) for item in value[1:-1].split(",")]
            values[key] = tuple(item for item in items if item)
        else:
            if value.startswith("["):
                raise _fail(filename, f"{key!r} must be a single value, not a list", lineno)
            value = _unquote(value)
            if not value:
                raise _fail(filename, f"{key!r} is empty", lineno)
            values[key] = value
    missing = [k for k in _REQUIRED_KEYS if k not in values]
    if missing:
        raise _fail(filename, f"front matter is missing {', '.join(missing)}")
    return values


def _parse_sign(lineno: int, inline: Token, filename: str) -> Sign:
    marker = _MARKER.match(inline.content)
    if not marker:
        raise _fail(filename, "a sign does not start with a tier marker like [CALL-SOON]", lineno)
    tier = _TIER_BY_MARKER.get(marker.group(1))
    if tier is None:
        raise _fail(filename, f"unknown tier marker [{marker.group(1)}]", lineno)
    rest = marker.group(2)
    if _MARKER.match(rest):
        raise _fail(filename, "a sign has more than one tier marker", lineno)
    tags: list[str] = []
    for child in inline.children or ():
        if child.type == "html_inline":
            for tag in _TAG.finditer(child.content):
                tags.extend(t.strip() for t in tag.group(1).split(",") if t.strip())
    text = plain_text(rest)
    if not text:
        raise _fail(filename, "a sign has a tier marker but no words", lineno)
    return Sign(text=text, tier=tier, symptoms=tuple(tags))


def _parse_source(lineno: int, item: str, filename: str) -> Source:
    title, sep, url = item.rpartition(" — ")
    title, url = title.strip(), url.strip()
    if not sep or not title or not _SOURCE_URL.match(url):
        raise _fail(filename, "a source is not written '- Title — https://address'", lineno)
    return Source(title=title, url=url)


def _severity(value: object, filename: str) -> int | None:
    if value is None:
        return None
    try:
        number = int(str(value))
    except ValueError:
        raise _fail(filename, "urgent_at must be a whole number from 2 to 10") from None
    if not MIN_URGENT_AT <= number <= 10:
        raise _fail(filename, "urgent_at must be a whole number from 2 to 10 (a 1 of 10 is never urgent)")
    return number


def parse_page(text: str, filename: str, language: str = SOURCE_LANGUAGE) -> Page:
    """Parse one page written in ``language`` (its headings: ``page_languages.HEADINGS``).
    ``filename`` (e.g. ``stroke.md``) is used for the id check and messages."""
    headings = HEADINGS[language]
    text = text.replace("\r\n", "\n")
    tokens = markdown_tokens(text)
    if not text.startswith("---"):
        raise _fail(filename, "must start with a '---' line (front matter)", 1)
    if not tokens or tokens[0].type != "front_matter" or not tokens[0].map:
        raise _fail(filename, "front matter has no closing '---' line")
    front = tokens[0]
    meta = _parse_front_matter(front.content, filename)
    body_tokens = tokens[1:]

    page_id = str(meta["id"])
    expected_id = filename.rsplit("/", 1)[-1].removesuffix(".md")
    if not _ID.match(page_id):
        raise _fail(filename, "id must be lowercase words joined by '-'")
    if page_id != expected_id:
        raise _fail(filename, f"id {page_id!r} does not match the file name")
    category = str(meta["category"])
    if category not in CATEGORIES:
        raise _fail(filename, f"unknown category {category!r}")
    try:
        reviewed = date.fromisoformat(str(meta["last_reviewed"]))
    except ValueError:
        raise _fail(filename, "last_reviewed is not an ISO date like 2026-11-30") from None
    for related_id in meta["related"]:  # type: ignore[union-attr]
        if not _ID.match(related_id):
            raise _fail(filename, f"related id {related_id!r} is not a page id")

    sections = _sections(body_tokens)
    for needed in (headings.signs, headings.what_to_do, headings.sources):
        if needed not in sections:
            raise _fail(filename, f"the '## {needed.capitalize()}' section is missing")

    signs = tuple(_parse_sign(n, item, filename) for n, item in _item_inlines(sections[headings.signs]))
    if not signs:
        raise _fail(filename, "the signs section has no signs")
    if not _item_inlines(sections[headings.what_to_do]):
        raise _fail(filename, f"the '{headings.what_to_do.capitalize()}' section has no steps")
    sources = tuple(_parse_source(n, item.content, filename) for n, item in _item_inlines(sections[headings.sources]))

    urgent_at = _severity(meta.get("urgent_at"), filename)
    if urgent_at is None and any(s.tier in URGENT for s in signs):
        raise _fail(filename, "a page with emergency or crisis-line signs needs urgent_at (2 to 10)")

    body_lines = text.split("\n")[front.map[1]:]
    body = "\n".join(body_lines).strip("\n") + "\n"
    body = _TAG.sub("", body)
    return Page(
        id=page_id,
        title=str(meta["title"]),
        category=category,
        summary=str(meta["summary"]),
        symptoms=meta["symptoms"],  # type: ignore[arg-type]
        last_reviewed=reviewed,
        related=meta["related"],  # type: ignore[arg-type]
        body_markdown=body,
        signs=signs,
        sources=sources,
        synonyms=tuple(meta.get("synonyms", ())),  # type: ignore[arg-type]
        urgent_at=urgent_at,
        urgent_words=tuple(meta.get("urgent_words", ())),  # type: ignore[arg-type]
        language=language,
    )


# --- loading ---------------------------------------------------------------------------------------


def _folder(language: str = SOURCE_LANGUAGE) -> Traversable:
    return _language_folder(language)


@lru_cache(maxsize=4)
def _templates(language: str = SOURCE_LANGUAGE) -> tuple[tuple[str, str], ...]:
    """The shipped page files of ``language`` by name. A file that cannot be read as UTF-8 (a
    damaged install) is left out with a log line naming it; the other pages still work."""
    templates = []
    place = _folder() if language == SOURCE_LANGUAGE else _folder(language)
    if not place.is_dir():
        return ()
    for entry in place.iterdir():
        if entry.is_file() and entry.name.endswith(".md"):
            try:
                templates.append((entry.name, entry.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                log.error("Warning-sign page %s/%s could not be read (%s); it is left out.", language,
                          entry.name, type(error).__name__)
    return tuple(sorted(templates))


def _parse_folder(words: HelpWords, language: str) -> dict[str, Page]:
    """One damaged page must not take the whole library (and the journal's hints) away, so a page
    that does not parse is left out with a log line naming the file and the problem (page files
    hold no personal data). ``tests/unit/test_education_content`` parses every file strictly, so a
    writer's typo still fails there."""
    pages = {}
    for name, text in _templates(language):
        try:
            pg = parse_page(fill(text, words, name), name, language)
        except ValueError as error:
            log.error("%s (%s) It is left out.", error, language)
        else:
            pages[pg.id] = pg
    return pages


def _with_english_matches(translated: Page, english: Page | None) -> Page:
    """``translated`` with each sign also tagged with the symptoms its English sign names in its
    text ("Confusion that comes on fast" counts for Confusion untagged): the translated words do
    not hold the English symptom names, and a symptom must point to the same tier in every
    language. Signs pair up by order (the parity test keeps counts and tiers equal)."""
    if english is None or len(english.signs) != len(translated.signs):
        if english is not None:
            log.error("Warning-sign page %s/%s.md: its signs do not pair with the English page's.",
                      translated.language, translated.id)
        return translated
    signs = []
    for mine, theirs in zip(translated.signs, english.signs):
        named = tuple(name for name in english.symptoms
                      if name not in mine.symptoms and _sign_matches(theirs, " ".join(name.split()).casefold()))
        signs.append(replace(mine, symptoms=mine.symptoms + named) if named else mine)
    return replace(translated, signs=tuple(signs))


@lru_cache(maxsize=16)
def _cached(words: HelpWords | None = None, language: str = SOURCE_LANGUAGE) -> tuple[Page, ...]:
    """The shipped pages for ``words`` in ``language``. A page not (yet) written in ``language``,
    or one that does not parse, shows in English, so the library never loses a topic."""
    words = words or fallback_words()
    pages = _parse_folder(words, SOURCE_LANGUAGE)
    if language != SOURCE_LANGUAGE:
        for page_id, translated in _parse_folder(words, language).items():
            pages[page_id] = _with_english_matches(translated, pages.get(page_id))
    return tuple(sorted(pages.values(), key=lambda p: (p.title.casefold(), p.id)))


@lru_cache(maxsize=16)
def _by_id(words: HelpWords | None = None, language: str = SOURCE_LANGUAGE) -> dict[str, Page]:
    return {p.id: p for p in _cached(words, language)}


def load_pages(words: HelpWords | None = None) -> list[Page]:
    """All shipped pages with the numbers of ``words`` (see ``crisis_lines.help_words``; None: no
    country known), in the language in force (``page_languages.page_language``), sorted by title.
    Parsed once per language and country, then cached."""
    return list(_cached(words, page_language()))


def page(page_id: str, words: HelpWords | None = None) -> Page:
    """The page with this id, for ``words``, in the language in force. Raises ``KeyError`` for an
    unknown id."""
    try:
        return _by_id(words, page_language())[page_id]
    except KeyError:
        raise KeyError(f"no warning-sign page with id {page_id!r}") from None


def pages_for_symptom(name: str, words: HelpWords | None = None) -> list[Page]:
    """Pages that list ``name`` in their ``symptoms`` (case-insensitive), sorted by title, in the
    language in force."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return []
    return list(_symptom_index(_cached(words, page_language())).get(wanted, ()))


_index: tuple[tuple[Page, ...], dict[str, list[Page]]] | None = None


def _symptom_index(pages: tuple[Page, ...]) -> dict[str, list[Page]]:
    """``pages`` by each symptom they list (casefolded), in their order. A summary asks for the
    pages of each flagged entry's symptoms hundreds of times; the index is rebuilt whenever the
    pages asked about are another parse (another country, language, or a cleared cache)."""
    global _index
    known = _index
    if known is not None and known[0] is pages:
        return known[1]
    index: dict[str, list[Page]] = {}
    for pg in pages:
        for symptom in dict.fromkeys(s.casefold() for s in pg.symptoms):
            index.setdefault(symptom, []).append(pg)
    _index = (pages, index)
    return index


def links(pg: Page) -> list[str]:
    """The page ids this page links to with ``[text](page:id)``, in order, without repeats."""
    seen: dict[str, None] = {}
    for match in _PAGE_LINK.finditer(pg.body_markdown):
        seen.setdefault(match.group(2), None)
    return list(seen)


def _sign_matches(sign: Sign, wanted: str) -> bool:
    if any(tag.casefold() == wanted for tag in sign.symptoms):
        return True
    return _words_pattern(wanted).search(sign.text.casefold()) is not None


@lru_cache(maxsize=512)
def _words_pattern(wanted: str) -> re.Pattern[str]:
    """``wanted`` (casefolded words) as whole words, any spaces between them."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, wanted.split())) + r"(?!\w)")


def signs_naming(pg: Page, symptom: str) -> tuple[Sign, ...]:
    """The page's signs about ``symptom``, in page order: tagged with it, or naming it in their
    text as whole words (both case-insensitive)."""
    wanted = " ".join(symptom.split()).casefold()
    return tuple(s for s in pg.signs if _sign_matches(s, wanted)) if wanted else ()


def most_urgent_tier(pg: Page, symptom: str | None = None) -> Tier | None:
    """The most urgent tier among the page's signs about ``symptom``.

    A sign is about a symptom when it is tagged with it or its text contains the name as whole
    words (both case-insensitive). With no symptom, all signs count. ``None`` when no sign matches.
    """
    candidates = pg.signs if symptom is None else signs_naming(pg, symptom)
    if not candidates:
        return None
    return min((s.tier for s in candidates), key=lambda t: t.rank)


# --- urgency in journal hints -----------------------------------------------------------------


def _normal(text: str) -> str:
    """Casefolded, curly apostrophes straightened and accents dropped: "respiración" and
    "respiracion" are one word (people often type Spanish without its accents)."""
    # ASCII decomposes to itself and holds no combining marks: most notes skip the walk
    folded = text if text.isascii() else "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(folded.replace("’", "'").casefold().split())


def urgency_met(pg: Page, severity: int, note: str = "") -> bool:
    """Whether a symptom rated ``severity`` (0-10) with the entry's ``note`` meets the rule that
    shows this page's emergency and crisis-line signs at once.

    True when the rating is at least the page's ``urgent_at`` (never below 2, so 1 of 10 never
    raises a banner) or the note holds one of the page's ``urgent_words`` as whole words (case and
    curly apostrophes ignored). A rating of 0 means "not present" and never meets it. The rule comes
    from the page's front matter, written from the facts file's tiers.
    """
    if severity < 1:
        return False
    if pg.urgent_at is not None and severity >= pg.urgent_at:
        return True
    pattern = _phrases_pattern(pg.urgent_words)
    return pattern is not None and pattern.search(_normal(note)) is not None


@lru_cache(maxsize=256)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of a page's urgent phrases as whole words of normalised text, one pattern (None: no
    phrase has words). Page phrases are few and fixed: normalised and compiled once each."""
    wanted = [w for w in map(_normal, phrases) if w]
    if not wanted:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, wanted)) + r")(?!\w)")
