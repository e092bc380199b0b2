"""Warning signs for the GUI: the warning-sign pages, what a journal entry's symptoms point to
("learn at the right moment"), and the journal checked against a person's own early warning signs.

The pages themselves, their urgency tiers and the symptom mapping are maintained with the pages in
:mod:`caregiver_app.content.warning_signs` (each page declares the symptoms it covers); this module
re-exports that API so the GUI reaches content only through services.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ..content.page_languages import sources_headings
from ..content.warning_sign_search import search, words_shared
from ..content.warning_signs import (
    CATEGORIES,
    MIN_URGENT_AT,
    Page,
    Sign,
    Source,
    Tier,
    links,
    load_pages,
    markdown_tokens,
    most_urgent_tier,
    page,
    pages_for_symptom,
    plain_text,
    render_blocks,
    render_inline,
    signs_naming,
    urgency_met,
)
from ..i18n import _
from ..domain.crisis_lines import HelpWords, help_words
from ..domain.errors import ValidationError
from ..domain.model import SymptomRating
from ..domain.plans import EarlySign, LinkKind, PersonalSignsCheck, RelapsePlan, SignSeen
from ..storage.repos import people as people_repo
from ..storage.repos import plans as plans_repo
from .vault import Vault, session_of

__all__ = [
    "CATEGORIES",
    "EntryHints",
    "HelpWords",
    "Page",
    "PageLink",
    "Sign",
    "Source",
    "SymptomPages",
    "Tier",
    "URGENT_TIERS",
    "UrgentSign",
    "entry_hints",
    "help_words",
    "links",
    "load_pages",
    "markdown_tokens",
    "most_urgent_tier",
    "render_blocks",
    "render_inline",
    "urgency_met",
    "page",
    "pages_for_symptom",
    "plain_text",
    "search",
    "sources_headings",
    "signs_about",
]

URGENT_TIERS = (Tier.EMERGENCY, Tier.CRISIS)
"""Tiers whose action an entry shows at once, not only as a link."""

MAX_PAGES_PER_SYMPTOM = 3


@dataclass(frozen=True)
class PageLink:
    page_id: str
    title: str


@dataclass(frozen=True)
class SymptomPages:
    """The pages about one recorded symptom: the most fitting few, and how many more there are."""

    symptom: str
    pages: tuple[PageLink, ...]
    more: int = 0


@dataclass(frozen=True)
class UrgentSign:
    """A sign about a recorded symptom whose tier says "act now" (Emergency or Crisis line)."""

    tier: Tier
    text: str
    symptom: str
    page_id: str
    page_title: str


@dataclass(frozen=True)
class EntryHints:
    """What an entry's symptoms point to. ``urgent`` is ordered most urgent first."""

    symptoms: tuple[SymptomPages, ...] = ()
    urgent: tuple[UrgentSign, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.symptoms

    def urgent_tiers(self) -> list[Tier]:
        """The urgent tiers present, most urgent first."""
        return sorted({u.tier for u in self.urgent}, key=lambda t: t.rank)


def signs_about(pg: Page, symptom: str) -> list[Sign]:
    """The signs of ``pg`` about ``symptom``: tagged with it, or naming it in their words (the
    same rule as :func:`most_urgent_tier`, sign by sign)."""
    return list(signs_naming(pg, symptom))


def entry_hints(ratings: Iterable[SymptomRating], words: HelpWords | None = None, note: str = "") -> EntryHints:
    """The pages and urgent signs for the symptoms of one journal entry.

    Symptoms rated 0 (none) are skipped; "Pain (lower back)" counts as Pain. Per symptom, the pages
    with the most signs about it come first (then those with the most urgent signs, then by title),
    at most three, with the count of the rest. Urgent signs are the Emergency and Crisis-line signs
    about a recorded symptom whose rating (0-10) or the entry's ``note`` meets the page's rule
    (:func:`urgency_met`: the page's ``urgent_at`` rating, never below 2, or one of its
    ``urgent_words``); otherwise the entry gets only the calm links. A symptom felt in a place
    ("Pain (knee)") shows only the urgent signs that name the place ("the back", "belly" for
    stomach), so knee pain never raises "Emergency: chest pain". Each text shows once, from the
    best-fitting page, most urgent tier first; within a tier, signs from the pages most about the
    symptom, then the signs sharing the most words with the note ("hit her head"), then from the
    pages with the most signs of that tier, come first. Sign texts carry the
    numbers of ``words`` (``crisis_lines.help_words``; None: no country known).
    """
    symptom_pages: list[SymptomPages] = []
    candidates: list[tuple[tuple, UrgentSign]] = []
    for rating in ratings:
        if rating.severity < 1:
            continue
        name, place = rating.symptom, ""
        found = pages_for_symptom(name, words)
        if not found and name.endswith(")") and " (" in name:  # "Pain (lower back)" is about Pain
            name, place = name[:-1].split(" (", 1)
            found = pages_for_symptom(name, words)
        if not found:
            continue
        about = {p.id: signs_about(p, name) for p in found}
        ordered = sorted(found, key=lambda p: (-len(about[p.id]), -_urgent_count(p), p.title.casefold()))
        shown = tuple(PageLink(p.id, p.title) for p in ordered[:MAX_PAGES_PER_SYMPTOM])
        symptom_pages.append(SymptomPages(rating.symptom, shown, max(len(ordered) - MAX_PAGES_PER_SYMPTOM, 0)))
        # Where it is felt counts like the note's words ("Pain (chest)" says "chest pain"), but
        # never at a rating of 1: a mild rating never raises a banner by itself.
        said = f"{note}\n{place} {name}" if place and rating.severity >= MIN_URGENT_AT else note
        for pg in ordered:
            if not urgency_met(pg, rating.severity, said):
                continue
            for position, sign in enumerate(about[pg.id]):
                if sign.tier in URGENT_TIERS and _names_place(sign, place):
                    same_tier = sum(1 for other in pg.signs if other.tier is sign.tier)
                    key = (sign.tier.rank, -len(about[pg.id]), -words_shared(sign.text, said), -same_tier,
                           pg.title.casefold(), position)
                    candidates.append((key, UrgentSign(sign.tier, sign.text, name, pg.id, pg.title)))
    # The same words on several pages show once, from the page that fits best.
    seen_texts: set[str] = set()
    urgent: list[UrgentSign] = []
    for _key, sign in sorted(candidates, key=lambda pair: pair[0]):
        if sign.text not in seen_texts:
            seen_texts.add(sign.text)
            urgent.append(sign)
    return EntryHints(tuple(symptom_pages), tuple(urgent))


_SIDES = frozenset({"left", "right", "upper", "lower", "both", "side", "sides", "all", "over", "my", "the"})
_PLACE_WORDS = {"stomach": "belly", "tummy": "belly", "abdomen": "belly", "abdominal": "belly", "gut": "belly",
                "arms": "arm", "shoulders": "shoulder", "legs": "leg", "breast": "chest"}


def _names_place(sign: Sign, place: str) -> bool:
    """True when a symptom felt in ``place`` ("knee", "lower back") fits ``sign``: no place given,
    or the sign names it ("Pain or an odd feeling in ... the back"). Knee pain at 8 of 10 is not
    a reason to show "Emergency: chest pain"."""
    wanted = {_PLACE_WORDS.get(w, w) for w in place.casefold().split() if w not in _SIDES}
    if not place.strip():
        return True
    return bool(wanted) and any(words_shared(sign.text, w) for w in wanted)


def _urgent_count(pg: Page) -> int:
    return sum(1 for sign in pg.signs if sign.tier in URGENT_TIERS)


RECENT_DAYS = 7
""""This week" on the journal page means the last 7 local dates, today included."""


def _seen(session, person_id: int, plan: RelapsePlan, start: date, end: date) -> list[SignSeen]:
    linked = [s for s in plan.early_signs if s.is_linked]
    symptom_keys = {s.link_name.casefold() for s in linked if s.link_kind is LinkKind.SYMPTOM}
    tag_keys = {(s.link_name.casefold(), s.link_kind.value) for s in linked if s.link_kind is not LinkKind.SYMPTOM}
    symptoms = plans_repo.symptom_days(session, person_id, start, end, symptom_keys)
    tags = plans_repo.tag_days(session, person_id, start, end, tag_keys)
    seen: list[SignSeen] = []
    for sign in linked:
        seen_dates = _dates_for(sign, symptoms, tags)
        if seen_dates:
            seen.append(SignSeen(sign, tuple(sorted(seen_dates))))
    return seen


def _dates_for(sign: EarlySign, symptoms: dict[str, dict[date, int]], tags: dict) -> set[date]:
    if sign.link_kind is LinkKind.SYMPTOM:
        days = symptoms.get(sign.link_name.casefold(), {})
        return {day for day, worst in days.items() if worst >= sign.min_severity}
    assert sign.link_kind is not None
    return set(tags.get((sign.link_name.casefold(), sign.link_kind.value), set()))


def _check_range(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(_("The end date is before the start date. Please swap them."))


def personal_signs_seen(vault: Vault, person_id: int, start: date, end: date) -> list[SignSeen]:
    """The person's own early warning signs that the journal recorded on local calendar dates
    ``start``..``end`` (inclusive), in the order of their plan, each with the dates it was seen
    (ascending, each date once). Signs never seen, and signs not linked to the journal, are left
    out. An empty list when the person has no plan.

    Raises :class:`ValidationError` when ``end`` is before ``start`` and :class:`NotFoundError`
    when the person is no longer in the vault.
    """
    _check_range(start, end)
    with session_of(vault) as s:
        people_repo.get_person_row(s, person_id)
        plan = plans_repo.get_relapse_plan(s, person_id)
        return _seen(s, person_id, plan, start, end)


def check_personal_signs(vault: Vault, person_id: int, start: date, end: date) -> PersonalSignsCheck:
    """Like :func:`personal_signs_seen`, with the counts the journal banner needs: how many of the
    plan's signs are linked to the journal and how many there are in all."""
    _check_range(start, end)
    with session_of(vault) as s:
        people_repo.get_person_row(s, person_id)
        plan = plans_repo.get_relapse_plan(s, person_id)
        seen = _seen(s, person_id, plan, start, end)
    return PersonalSignsCheck(
        person_id=person_id,
        start=start,
        end=end,
        seen=tuple(seen),
        linked=sum(1 for sign in plan.early_signs if sign.is_linked),
        total=len(plan.early_signs),
    )


def recent_range(today: date, days: int = RECENT_DAYS) -> tuple[date, date]:
    """``(start, end)``: the ``days`` local dates ending with ``today``."""
    return today - timedelta(days=days - 1), today
