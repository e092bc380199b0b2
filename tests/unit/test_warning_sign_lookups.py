"""The warning-sign lookups a summary makes hundreds of times (the safety box asks for each flagged
entry) are indexed and compiled once; they answer exactly as the plain rules do."""

from __future__ import annotations

import random
import re
import unicodedata

from caregiver_app.content import warning_signs as education
from caregiver_app.services import warning_signs as library


def _plain_pages_for_symptom(name: str) -> list:
    wanted = " ".join(name.split()).casefold()
    return [p for p in library.load_pages() if wanted and any(s.casefold() == wanted for s in p.symptoms)]


def _plain_normal(text: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(folded.replace("’", "'").casefold().split())


def _plain_urgency_met(pg, severity: int, note: str) -> bool:
    if severity < 1:
        return False
    if pg.urgent_at is not None and severity >= pg.urgent_at:
        return True
    said = _plain_normal(note)
    return any(_plain_normal(p) and re.search(r"(?<!\w)" + re.escape(_plain_normal(p)) + r"(?!\w)", said)
               for p in pg.urgent_words)


def test_pages_for_symptom_is_the_plain_rule():
    names = {s for pg in library.load_pages() for s in pg.symptoms}
    asked = names | {n.upper() for n in names} | {f"  {n}  " for n in names} | {"", "   ", "No such symptom"}
    for name in asked:
        assert library.pages_for_symptom(name) == _plain_pages_for_symptom(name), name


def test_the_symptom_index_follows_a_new_parse(monkeypatch):
    pages = library.load_pages()
    symptom = pages[0].symptoms[0]
    assert pages[0] in library.pages_for_symptom(symptom)
    monkeypatch.setattr(education, "_cached", lambda *_args: tuple(pages[1:]))  # a parse without it
    assert pages[0] not in library.pages_for_symptom(symptom)


def test_urgency_met_is_the_plain_rule_for_every_page_phrase():
    rng = random.Random(16)
    pages = library.load_pages()
    phrases = [p for pg in pages for p in pg.urgent_words]
    assert phrases
    for pg in pages:
        for phrase in phrases:
            for note in (phrase, f"she said {phrase.upper()}.", f"x{phrase}", f"{phrase}s", phrase.replace("'", "’"),
                         unicodedata.normalize("NFD", f"ayer {phrase} — mañana")):
                for severity in (0, 1, 2, 5):
                    assert education.urgency_met(pg, severity, note) == _plain_urgency_met(pg, severity, note)
        words = " ".join(phrases).split()
        for _ in range(50):
            note = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
            assert education.urgency_met(pg, 1, note) == _plain_urgency_met(pg, 1, note), (pg.id, note)
