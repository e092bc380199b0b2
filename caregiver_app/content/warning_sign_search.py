"""Finding warning-sign pages by the words a family types (typos forgiven, synonyms counted)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from ..domain.crisis_lines import HelpWords
from .markdown import inline_plain as _inline_plain
from .markdown import markdown_tokens, plain_text
from .page_languages import page_language, sources_headings
from .warning_signs import Page, load_pages

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _terms(text: str) -> list[str]:
    """The lowercase words of ``text`` without apostrophes, so "can't", "can’t" and "cant" are one
    word (people often leave the mark out), and without accents or wide letters (compatibility
    decomposition), so "confusión" is "confusion" and not "confusi" and "n"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w.replace("'", "") for w in _WORD.findall(folded.replace("’", "'").casefold())]


def _words(text: str) -> frozenset[str]:
    return frozenset(_terms(plain_text(text)))


def _readable_body(pg: Page) -> str:
    """The words of the body as a reader meets them, without the Sources list."""
    words: list[str] = []
    skipping = False
    tokens = markdown_tokens(pg.body_markdown)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            heading = tokens[index - 1] if index else None
            if heading is not None and heading.type == "heading_open" and heading.tag == "h2":
                skipping = token.content.strip().lower() in sources_headings()
            if not skipping:
                words.append(_inline_plain(token))
    return " ".join(words)


@lru_cache(maxsize=16)
def _index(words: HelpWords | None = None, language: str = "en") -> tuple[tuple[Page, frozenset[str], frozenset[str], frozenset[str]], ...]:
    return tuple(
        (
            p,
            _words(p.title),
            _words(" ".join((p.summary, *p.symptoms, *p.synonyms))),
            _words(" ".join((_readable_body(p), *(s.text for s in p.signs)))),
        )
        for p in load_pages(words)  # read while ``language`` is in force (see search)
    )


SYNONYM_BONUS = 10


@lru_cache(maxsize=None)
def _synonym_phrases(pg: Page) -> frozenset[str]:
    return frozenset(" ".join(_terms(s)) for s in pg.synonyms)


def _hit(term: str, words: frozenset[str]) -> bool:
    """The term is a word, starts a word ("breath" finds "breathing"), or shares all but its last
    two letters with the start of a word ("constipated" finds "constipation")."""
    if term in words or (len(term) >= 3 and any(w.startswith(term) for w in words)):
        return True
    return len(term) >= 7 and any(w.startswith(term[:-2]) for w in words)


SMALL_WORDS = frozenset(
    "a an the i me my mine he him his she her hers it its we us our they them their you your is am "
    "are was were be been has have had do does did and or but so to of in on at for with again "
    "keeps keep kept really very just myself yourself himself herself itself ourselves themselves".split()
    # Spanish, without accents as _terms() reads them ("él me pegó": "el", "me")
    + "el la los las un una unos unas yo tu usted ella ellos ellas nos mi mis su sus le les lo se te "
    "es son esta estan era fue ha han he y e o u de del al en con por para muy ya otra vez sigue".split()
)
"""Words that say who or when, not what ("he hit me", "él me pegó"): a page need not hold them
to match."""


MAX_QUERY_TERMS = 12
"""Only the first words of a long paste are searched, so a search stays quick whatever is typed."""
_TYPO_CUTOFF = 0.84
"""How alike (difflib's ratio) a typed word must be to a word of the pages to stand for it: "sucide"
is 0.92 like "suicide"; "drunk" (0.8 like "drink") is not taken for it."""


@lru_cache(maxsize=16)
def _vocabulary(words: HelpWords | None = None, language: str = "en") -> tuple[frozenset[str], tuple[str, ...]]:
    """Every word the search reads, as a set and in sorted order (for a stable closest match)."""
    every: set[str] = set()
    for _pg, *fields in _index(words, language):
        for field in fields:
            every |= field
    return frozenset(every), tuple(sorted(every))


def _spelled(term: str, vocabulary: tuple[frozenset[str], tuple[str, ...]]) -> str:
    """``term``, or the pages' word it was most likely meant to be when no page word fits it (a
    slip of the keys: "siezure", "confussed"). Short words are never changed."""
    if len(term) < 4 or _hit(term, vocabulary[0]):
        return term
    close = difflib.get_close_matches(term, vocabulary[1], n=1, cutoff=_TYPO_CUTOFF)
    return close[0] if close else term


def search(query: str, words: HelpWords | None = None) -> list[Page]:
    """Pages in the language in force containing every word of ``query`` (word starts count:
    "breath" finds "breathing").

    Looks at the title, the summary, symptoms and plain synonyms ("confused", "can't sleep"), and
    the body with its signs (not the Sources list). Pages with the words in the title come first,
    then the summary and synonyms, then the body; ties keep title order. A query that is one of a
    page's synonyms word for word puts that page first.

    Forgiving, as worried people type: apostrophes do not matter ("cant sleep"), small words such
    as "he" and "me" need not be on the page ("he hit me"), a word that no page holds is read as
    the page word it is most like ("siezure"), and only the first ``MAX_QUERY_TERMS`` words count.
    """
    typed_terms = _terms(query)[:MAX_QUERY_TERMS]
    if not typed_terms:
        return []
    language = page_language()
    vocabulary = _vocabulary(words, language)
    terms = [_spelled(term, vocabulary) for term in typed_terms]
    # Small words ("he", "me") need not match, unless the query holds nothing else.
    needed = [term for term in terms if term not in SMALL_WORDS] or terms
    optional = [term for term in terms if term not in needed]
    phrases = {" ".join(typed_terms), " ".join(terms), " ".join(needed)}
    scored: list[tuple[int, int, Page]] = []
    for order, (pg, title, summary, body) in enumerate(_index(words, language)):
        # What people type, word for word, is the strongest hint: "not sleeping" is a sleep page.
        score = SYNONYM_BONUS if phrases & _synonym_phrases(pg) else 0
        for term in optional:
            score += 1 if _hit(term, title | summary | body) else 0
        for term in needed:
            if _hit(term, title):
                score += 3
            elif _hit(term, summary):
                score += 2
            elif _hit(term, body):
                score += 1
            else:
                break
        else:
            scored.append((-score, order, pg))
    return [pg for _s, _o, pg in sorted(scored, key=lambda item: (item[0], item[1]))]


def words_shared(text: str, note: str) -> int:
    """How many different words of ``note`` (three letters or more, not small words like "she")
    also stand in ``text``: which sign a journal note is most about."""
    said = {w for w in _terms(note) if len(w) >= 3 and w not in SMALL_WORDS}
    return len(said & set(_terms(text)))
