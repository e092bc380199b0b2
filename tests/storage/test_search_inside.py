"""Issue 18, defect 5 (rest): words inside sentences written without spaces (Chinese, Japanese,
Thai, Korean) are found, through the trigram index (three characters or more) or by reading the
notes (one or two characters, like 头痛 "headache"), with filters, paging and marked excerpts;
a word the word index does not know is looked for inside longer words."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from caregiver_app.domain.model import Recorder, RecorderKind, SymptomRating, Tag, TagKind
from caregiver_app.services import people, search
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.search import SearchQuery
from support import add_entry, bulk_add_entries

NOTES = {
    1: "今天头痛很厉害，吃了药。Took paracetamol at noon.",  # Chinese: "today my head hurts a lot"
    2: "วันนี้ปวดหัวมาก นอนไม่หลับ",  # Thai: "today a bad headache, could not sleep"
    3: "今日は頭が痛い。Walked to the park anyway.",  # Japanese: "today my head hurts"
    4: "오늘 편두통이 심했다. Stayed home.",  # Korean: "today the migraine was bad"
    5: "Headache after lunch, walked it off.",
    6: "昨天睡得很好，没有头痛。",  # Chinese: "slept well yesterday, no headache"
}


@pytest.fixture
def sentences(vault, person):
    for day, note in NOTES.items():
        add_entry(vault, person, datetime(2026, 5, day, 9), note=note,
                  recorded_by=Recorder.family("Ana") if day == 6 else Recorder.person(),
                  symptoms=(SymptomRating("Headache", 5),) if day in (1, 2) else (),
                  tags=(Tag("money", TagKind.STRESSOR),) if day == 6 else ())
    return person


def days(vault, **query) -> list[int]:
    return [h.local_date.day for h in search.search(vault, SearchQuery(**query)).hits]


def marked(hit) -> list[str]:
    return [text for text, is_match in hit.excerpt if is_match]


@pytest.mark.parametrize(("typed", "found"), [
    ("头痛", [6, 1]),  # two characters: read from the notes, newest first
    ("头痛很厉害", [1]),  # trigram index
    ("厉害", [1]),
    ("ปวดหัว", [2]),  # Thai: vowel and tone marks stay inside the word
    ("หลับ", [2]),
    ("頭が痛い", [3]),
    ("痛", [6, 3, 1]),  # one character
    ("두통", [4]),  # Korean: inside 편두통이
    ("편두통이", [4]),
])
def test_words_inside_sentences_are_found(vault, sentences, typed, found):
    assert days(vault, text=typed, person_id=sentences.id) == found


def test_mixed_with_english_every_word_must_be_there(vault, sentences):
    assert days(vault, text="头痛 paracetamol", person_id=sentences.id) == [1]
    assert days(vault, text="头痛 walk", person_id=sentences.id) == []
    assert days(vault, text="頭が痛い walking", person_id=sentences.id) == [3]  # English still stemmed…
    walked = search.search(vault, SearchQuery("頭が痛い walking", person_id=sentences.id)).hits[0]
    assert marked(walked) == ["頭が痛い", "Walked"]  # …and marked as the word index matched it
    assert days(vault, text="walk", person_id=sentences.id) == [5, 3]  # plain English as before
    hit = search.search(vault, SearchQuery("PARACETAMOL 头痛很", person_id=sentences.id)).hits[0]
    assert marked(hit) == ["头痛很", "paracetamol"]
    assert "".join(t for t, _m in hit.excerpt) == NOTES[1]


def test_excerpts_mark_the_words_and_cut_long_notes(vault, person):
    long_note = "很好。" * 100 + "今天头痛很厉害" + "。很好" * 100
    add_entry(vault, person, datetime(2026, 6, 1, 9), note=long_note)
    hit = search.search(vault, SearchQuery("头痛", person_id=person.id)).hits[0]
    text = "".join(t for t, _m in hit.excerpt)
    assert marked(hit) == ["头痛"]
    assert text.startswith("…") and text.endswith("…") and len(text) <= search.EXCERPT_CHARS + 2
    assert text.index("头痛") <= search.EXCERPT_BEFORE + 1  # the match shows near the start
    assert search.note_excerpt("Café au lait", ["cafe"]) == (("Café", True), (" au lait", False))
    assert search.note_excerpt("a\nb", []) == (("a b", False),)


def test_filters_narrow_words_found_inside_sentences(vault, sentences):
    other = people.add_person(vault, "Ruth")
    add_entry(vault, other, datetime(2026, 5, 2, 10), note="头痛，头痛很厉害")
    sam = sentences.id
    assert search.search(vault, SearchQuery("头痛")).total == 3  # everyone
    assert days(vault, text="头痛", person_id=sam, recorded_by=RecorderKind.FAMILY) == [6]
    assert days(vault, text="头痛", person_id=sam, recorded_by=RecorderKind.PERSON) == [1]
    assert days(vault, text="头痛", person_id=sam, tag=Tag("money", TagKind.STRESSOR)) == [6]
    assert days(vault, text="头痛很", symptom="headache") == [1]
    assert days(vault, text="头痛", person_id=sam, start=date(2026, 5, 2), end=date(2026, 5, 5)) == []
    assert days(vault, text="痛", person_id=sam, start=date(2026, 5, 2), end=date(2026, 5, 5)) == [3]
    assert search.search(vault, SearchQuery("头痛", person_id=sam, flagged_only=True)).total == 0


def test_paging_works_the_same_for_short_and_long_words(vault, person):
    bulk_add_entries(vault, [EntryDraft(person.id, datetime(2025, 1, 1, 9) + timedelta(days=i),
                                        note=f"第{i}天：头痛很厉害 ปวดหัวมาก") for i in range(450)])
    for typed in ("头痛", "头痛很厉害", "ปวดหัว"):
        first = search.search(vault, SearchQuery(typed, person_id=person.id))
        assert first.total == 450 and len(first.hits) == search.MAX_RESULTS and first.truncated
        more = search.search(vault, SearchQuery(typed, person_id=person.id, limit=2 * search.MAX_RESULTS))
        assert [h.entry_id for h in more.hits[:search.MAX_RESULTS]] == [h.entry_id for h in first.hits]
        dates = [h.local_date for h in more.hits]
        assert dates == sorted(dates, reverse=True) and len(set(dates)) == len(dates)
        every = search.search(vault, SearchQuery(typed, person_id=person.id, limit=search.MAX_LIMIT))
        assert len(every.hits) == 450 and not every.truncated


def test_best_match_first_uses_the_trigram_rank(vault, person):
    for day in range(1, 6):
        add_entry(vault, person, datetime(2026, 7, day, 9), note="头痛很厉害" * (6 - day) + "。" + "好" * 40)
    best = search.search(vault, SearchQuery("头痛很厉害", person_id=person.id, best_first=True))
    assert [h.local_date.day for h in best.hits] == [1, 2, 3, 4, 5]
    assert days(vault, text="头痛很厉害", person_id=person.id) == [5, 4, 3, 2, 1]


def test_a_word_not_found_as_a_word_is_looked_for_inside_longer_words(vault, person):
    add_entry(vault, person, datetime(2026, 8, 1, 9), note="Starke Kopfschmerzen am Morgen")
    add_entry(vault, person, datetime(2026, 8, 2, 9), note="Heartache and a long day")
    result = search.search(vault, SearchQuery("schmerz", person_id=person.id))
    assert result.total == 1 and result.inside_words and marked(result.hits[0]) == ["schmerz"]
    direct = search.search(vault, SearchQuery("heart", person_id=person.id))
    assert direct.total == 1 and not direct.inside_words  # the word index found it: no second look
    assert search.search(vault, SearchQuery("ar", person_id=person.id)).total == 0  # too short to look inside
    none = search.search(vault, SearchQuery("zebra", person_id=person.id))
    assert none.total == 0 and not none.inside_words


@pytest.mark.parametrize(("typed", "found"), [
    ("%", []), ("_", []), ("头%", [1]), ("%头痛", [1]), ("头_", [1]), ("'头痛'", [1]), ('"头痛很"', [1]),
    ("头痛 OR 很", []), ("NEAR(头痛)", []),  # "or" and "near" are words to find, not operators
    ("头痛 here", []), ("here 头痛", []),
])
def test_signs_around_words_in_sentences_are_plain_characters(vault, person, typed, found):
    add_entry(vault, person, datetime(2026, 9, 1, 9), note="100% 头痛很厉害_today")
    add_entry(vault, person, datetime(2026, 9, 2, 9), note="Nothing here")
    result = search.search(vault, SearchQuery(typed, person_id=person.id))
    assert [h.local_date.day for h in result.hits] == found
