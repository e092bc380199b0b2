"""The warning-sign library for the GUI: the education pages, and what a journal entry's symptoms
point to ("learn at the right moment").

The pages themselves, their urgency tiers and the symptom mapping are maintained with the pages in
:mod:`caregiver_app.content.education` (each page declares the symptoms it covers); this module
re-exports that API so the GUI reaches content only through services.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..content.education import (
    CATEGORIES,
    PLACEHOLDERS,
    Page,
    Sign,
    Source,
    Tier,
    fill_placeholders,
    links,
    load_pages,
    markdown_tokens,
    most_urgent_tier,
    page,
    pages_for_symptom,
    plain_text,
    render_blocks,
    render_inline,
    search,
    urgency_met,
)
from ..domain import crisis_lines
from ..domain.model import SymptomRating

__all__ = [
    "CATEGORIES",
    "EntryHints",
    "Page",
    "PageLink",
    "Sign",
    "Source",
    "SymptomPages",
    "Tier",
    "URGENT_TIERS",
    "UrgentSign",
    "entry_hints",
    "PLACEHOLDERS",
    "fill_placeholders",
    "links",
    "load_pages",
    "markdown_tokens",
    "most_urgent_tier",
    "placeholder_values",
    "render_blocks",
    "render_inline",
    "urgency_met",
    "page",
    "pages_for_symptom",
    "plain_text",
    "search",
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


def placeholder_values(country: str, user_lines: object = ()) -> dict[str, str]:
    """Words for the pages' ``{{emergency_number}}`` and ``{{crisis_line}}`` in ``country`` (an ISO
    3166 code): the first emergency number ("911") and the first crisis line with its number.
    ``user_lines`` is the settings' list of numbers the user added. A country without one gets the
    general words of ``PLACEHOLDERS``, never another country's number."""
    lines = crisis_lines.lines_for(country, crisis_lines.user_lines_from_dicts(user_lines))
    values: dict[str, str] = {}
    emergency = [line for line in lines if line.kind is crisis_lines.LineKind.EMERGENCY]
    crisis = [line for line in lines if line.kind is crisis_lines.LineKind.CRISIS]
    if emergency:
        values["emergency_number"] = emergency[0].number
    if crisis:
        first = crisis[0]
        values["crisis_line"] = first.number if first.name == first.number else f"{first.name} ({first.number})"
    return values


def signs_about(pg: Page, symptom: str) -> list[Sign]:
    """The signs of ``pg`` about ``symptom``: tagged with it, or naming it in their words (the
    same rule as :func:`most_urgent_tier`, sign by sign)."""
    return [sign for sign in pg.signs if most_urgent_tier(replace(pg, signs=(sign,)), symptom) is not None]


def entry_hints(ratings: Iterable[SymptomRating], note: str = "") -> EntryHints:
    """The pages and urgent signs for the symptoms of one journal entry.

    Symptoms rated 0 (none) are skipped; "Pain (lower back)" counts as Pain. Per symptom, the pages
    with the most signs about it come first (then those with the most urgent signs, then by title), at most three, with the count of the
    rest. Urgent signs are the Emergency and Crisis-line signs about a recorded symptom whose
    rating (0-10) or the entry's ``note`` meets the page's rule (:func:`urgency_met`: the page's
    ``urgent_at`` rating, never below 2, or one of its ``urgent_words``), each text once, most urgent tier first; within a tier, signs from the pages most about the symptom, then
    from the pages with the most signs of that tier, come first.
    """
    symptom_pages: list[SymptomPages] = []
    candidates: list[tuple[tuple, UrgentSign]] = []
    for rating in ratings:
        if rating.severity < 1:
            continue
        name = rating.symptom
        found = pages_for_symptom(name)
        if not found and name.endswith(")") and " (" in name:  # "Pain (lower back)" is about Pain
            name = name.split(" (", 1)[0]
            found = pages_for_symptom(name)
        if not found:
            continue
        about = {p.id: signs_about(p, name) for p in found}
        ordered = sorted(found, key=lambda p: (-len(about[p.id]), -_urgent_count(p), p.title.casefold()))
        shown = tuple(PageLink(p.id, p.title) for p in ordered[:MAX_PAGES_PER_SYMPTOM])
        symptom_pages.append(SymptomPages(rating.symptom, shown, max(len(ordered) - MAX_PAGES_PER_SYMPTOM, 0)))
        for pg in ordered:
            if not urgency_met(pg, rating.severity, note):
                continue
            for position, sign in enumerate(about[pg.id]):
                if sign.tier in URGENT_TIERS:
                    same_tier = sum(1 for other in pg.signs if other.tier is sign.tier)
                    key = (sign.tier.rank, -len(about[pg.id]), -same_tier, pg.title.casefold(), position)
                    candidates.append((key, UrgentSign(sign.tier, sign.text, name, pg.id, pg.title)))
    # The same words on several pages show once, from the page that fits best.
    seen_texts: set[str] = set()
    urgent: list[UrgentSign] = []
    for _key, sign in sorted(candidates, key=lambda pair: pair[0]):
        if sign.text not in seen_texts:
            seen_texts.add(sign.text)
            urgent.append(sign)
    return EntryHints(tuple(symptom_pages), tuple(urgent))


def _urgent_count(pg: Page) -> int:
    return sum(1 for sign in pg.signs if sign.tier in URGENT_TIERS)
