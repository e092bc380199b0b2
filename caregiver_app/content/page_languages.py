"""Which language's warning-sign pages are read, and the headings each language writes.

English pages sit in ``caregiver_app/content/warning_signs/*.md``; a translation sits beside them
in ``warning_signs/<language code>/<same id>.md`` (``warning_signs/es/stroke.md``). A translated
page keeps the English page's ``id``, ``symptoms``, ``related``, ``urgent_at`` and ``category``
(an English key of ``CATEGORIES``, translated where it is shown), its tier markers and its hidden
``<!-- symptoms: ... -->`` tags (syntax and English symptom keys); its ``title``, ``summary``,
``synonyms``, ``urgent_words`` and body are in its language, under that language's four headings
(``HEADINGS``). A translated page under English headings does not parse: the reader would see
English headings in a Spanish page.

The language in force is :func:`caregiver_app.i18n.language` (the window's, or a document's being
written); a language without a pages folder reads the English pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from ..i18n import SOURCE_LANGUAGE, language

__all__ = ["HEADINGS", "Headings", "folder", "has_pages", "page_language", "sources_headings"]


@dataclass(frozen=True)
class Headings:
    """A language's level-2 headings of a page, lower-cased (how ``markdown.sections`` keys them)."""

    signs: str
    what_to_do: str
    related: str
    sources: str


HEADINGS = {
    "en": Headings("signs to watch for", "what to do", "related pages", "sources"),
    "es": Headings("señales de alarma", "qué hacer", "páginas relacionadas", "fuentes"),
}


def sources_headings() -> tuple[str, ...]:
    """Every language's "Sources" heading, lower-cased: the page view lists the sources itself."""
    return tuple(h.sources for h in HEADINGS.values())


def folder(code: str = SOURCE_LANGUAGE) -> Traversable:
    """The folder of the pages written in ``code`` (English: the pages' own folder)."""
    root = resources.files("caregiver_app.content").joinpath("warning_signs")
    return root if code == SOURCE_LANGUAGE else root.joinpath(code)


@lru_cache(maxsize=None)
def has_pages(code: str) -> bool:
    """Whether pages are shipped in ``code`` (English always is)."""
    if code == SOURCE_LANGUAGE:
        return True
    if code not in HEADINGS:
        return False
    place = folder(code)
    return place.is_dir() and any(e.name.endswith(".md") for e in place.iterdir())


def page_language() -> str:
    """The language whose pages are read now: the language in force when pages are shipped in
    it, else English."""
    code = language()
    return code if has_pages(code) else SOURCE_LANGUAGE
