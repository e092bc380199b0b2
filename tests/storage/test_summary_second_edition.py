"""The visit summary's second edition (issue 13), read back with pypdf from a realistic 90-day
story built through the services (see tests/summary_story.py)."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from caregiver_app.domain.summary import OBSERVED, SELF, Section, SummaryChoices
from caregiver_app.domain.summary_changes import miss_cluster, stable_mood_words
from caregiver_app.services import warning_signs
from caregiver_app.services.summary import SummaryRequest, build_summary, summary_pdf_bytes
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import summary_story as story  # noqa: E402

PASS = "correct horse battery staple 42"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One vault with the story, its summary data and the PDF's pages as text (built once)."""
    folder = tmp_path_factory.mktemp("story")
    vault = create_vault(VaultPaths(folder / "vault"), PASS).vault
    made = story.build_story(vault)
    choices = SummaryChoices(sections=frozenset(Section), questions=story.QUESTIONS)
    data = build_summary(vault, SummaryRequest(made.person_id, story.START, story.END, choices),
                         zone_name=story.NY, clock=story.fixed_clock, country="US",
                         preparer_relationship="wife", preparer_phone="+1 212 555 0100")
    reader = PdfReader(io.BytesIO(summary_pdf_bytes(data)))
    pages = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    yield vault, made, data, pages
    vault.close()


def _at(text: str, words: str) -> int:
    index = text.find(words)
    assert index >= 0, words
    return index


def test_page_one_is_in_the_issues_order(built):
    _vault, _made, _data, pages = built
    first = pages[0]
    order = ["For Sam Rivera, born 14 Mar 1971", "Safety first", "The family's questions for this visit",
             "What changed, largest change first", "PHQ-9 and GAD-7 scores", "Medications",
             "Personal warning signs seen"]
    positions = [_at(first, words) for words in order]
    assert positions == sorted(positions)
    assert "by Ana Rivera (wife), phone +1 212 555 0100" in first


def test_every_page_names_the_person_and_birth_date(built):
    pages = built[3]
    assert len(pages) > 3
    for page in pages[1:]:
        assert "Visit summary · Sam Rivera, born 14 Mar 1971" in page


def test_safety_box_has_item_9_the_wifes_flagged_words_and_the_plan(built):
    first = built[3][0]
    box = first[_at(first, "Safety first"): _at(first, "The family's questions")]
    assert "PHQ-9 question 9" in box and "2 of 3, “more than half the days” on 16 Oct 2026" in box
    assert "Sat, 17 Oct 2026, written by Ana (family)" in box
    assert "better off without him" in box
    assert "A safety plan is on file, last saved 19 Oct 2026" in box


def test_quiet_line_when_nothing_to_report(built):
    vault, made, _data, _pages = built
    data = build_summary(vault, SummaryRequest(made.person_id, date(2026, 11, 20), date(2026, 11, 30)),
                         zone_name=story.NY, clock=story.fixed_clock, country="US")
    first = " ".join(PdfReader(io.BytesIO(summary_pdf_bytes(data))).pages[0].extract_text().split())
    assert "Safety first" not in first
    assert "Safety: no PHQ-9 question 9 answer above 0 and no flagged entry" in first


def test_first_three_questions_on_page_one_the_rest_open_page_two(built):
    first, second = built[3][0], built[3][1]
    for number, question in enumerate(story.QUESTIONS[:3], start=1):
        assert f"{number}. {question}" in first
    assert "2 more questions at the top of page 2" in first
    assert story.QUESTIONS[3] not in first
    head = second[: _at(second, "Life chart")]
    assert "Questions for this visit (continued)" in head
    assert f"4. {story.QUESTIONS[3]}" in head and f"5. {story.QUESTIONS[4]}" in head


def test_what_changed_is_ranked_with_previous_last_14_and_hardest_week(built):
    data, first = built[2], built[3][0]
    headline = [r for r in data.changes if not r.is_symptom]
    assert [r.size for r in headline] == sorted((r.size for r in headline), reverse=True)
    mood = next(r for r in data.changes if r.measure.startswith("Mood") and r.source == SELF)
    assert mood.previous == pytest.approx(4.0) and mood.current < mood.previous
    assert mood.last14 == pytest.approx(4.0)  # recovered by the end: "improving now" shows
    assert mood.hardest7 == pytest.approx(1.0) and mood.hardest7_start is not None
    table = first[_at(first, "What changed"): _at(first, "PHQ-9 and GAD-7 scores")]
    for words in ("Previous period", "Last 14 days", "Hardest 7 days", "▼ 1.5 worse", "4.0 · 40 days"):
        assert words in table, words


def test_mood_words_do_not_flip_on_a_tenth():
    for low, high in ((2.45, 2.55), (2.7, 2.8), (3.2, 3.3), (1.25, 1.35)):
        a, b = stable_mood_words(low), stable_mood_words(high)
        assert a == b or " to " in a or " to " in b, (low, high)
    assert stable_mood_words(2.5) == "low to okay" and stable_mood_words(3.1) == "okay"


def test_self_report_and_observation_are_apart(built):
    data, first = built[2], built[3][0]
    moods = {r.source: r for r in data.changes if r.measure.startswith("Mood")}
    assert set(moods) == {SELF, OBSERVED}
    assert moods[SELF].current_days == 90 and moods[OBSERVED].current_days == 30
    assert moods[SELF].current != pytest.approx(moods[OBSERVED].current)
    table = first[_at(first, "What changed"): _at(first, "PHQ-9 and GAD-7 scores")]
    assert "Mood (1–5) Self 2.5 · 90 days" in table and "Mood (1–5) Family 1.7 · 30 days" in table
    hopeless = [r for r in data.changes if r.measure == "Hopelessness"]
    assert {r.source for r in hopeless} == {SELF, OBSERVED}


def test_scores_previous_period_comes_from_the_previous_period(built):
    data, first = built[2], built[3][0]
    phq = next(s for s in data.scores if s.instrument == "PHQ-9")
    assert phq.previous_on < story.START
    assert (phq.peak, phq.peak_band) == (23, "severe")
    row = first[_at(first, "PHQ-9 (7 times)"): _at(first, "GAD-7 (7 times)")]
    assert "8 of 27, mild · 27 Nov" in row and "23 of 27, severe · 16 Oct" in row
    assert "8 of 27, mild · 21 Aug" in row


def test_medications_adherence_clusters_extras_and_whole_reasons(built):
    first = built[3][0]
    meds = first[_at(first, "Medications"): _at(first, "Personal warning signs seen")]
    assert "Taking now: Propranolol 10 mg, as needed; Sertraline 100 mg, once a day" in meds
    assert story.DOSE_REASON in meds  # never cut off
    assert "Sertraline: taken on 96% of 90 recorded days, 4 doses missed (4 of them in the week from 5 Oct)" in meds
    assert "Propranolol: 10 extra (as-needed) doses" in meds


def test_miss_cluster_rule():
    days = [date(2026, 10, d) for d in (5, 6, 8, 10)] + [date(2026, 11, 20)]
    assert miss_cluster(days) == (date(2026, 10, 5), 4)
    assert miss_cluster([date(2026, 10, 1), date(2026, 10, 20), date(2026, 11, 9)]) == (None, 0)


def test_warning_signs_counted_by_the_journals_rule(built):
    vault, made, data, pages = built
    check = warning_signs.check_personal_signs(vault, made.person_id, story.START, story.END)
    expected = {seen.sign.text: len(seen.dates) for seen in check.seen}
    assert expected["Worries about money keep him awake"] > 0  # the stressor-linked sign
    assert {s.sign: s.days for s in data.warning_signs} == expected
    assert f"Worries about money keep him awake: {expected['Worries about money keep him awake']} days" in pages[0]


def test_leave_out_word_reaches_page_one(built):
    vault, made, _data, _pages = built
    from caregiver_app.domain.summary import LeaveOut

    choices = SummaryChoices(leave_out=LeaveOut(symptoms=frozenset({"Hopelessness"}), tags=frozenset({"Hopelessness"})))
    data = build_summary(vault, SummaryRequest(made.person_id, story.START, story.END, choices),
                         zone_name=story.NY, clock=story.fixed_clock, country="US")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(summary_pdf_bytes(data))).pages)
    assert "hopelessness" not in text.casefold()


def _shapes(group):
    for shape in getattr(group, "contents", ()):
        yield shape
        yield from _shapes(shape)


def test_life_chart_page_reads_back_with_every_series(built):
    pages = built[3]
    page = next(p for p in pages if "Life chart" in p and "Self-report" in p)
    for words in ("Their own ratings: mood averaged", "Family observations: mood averaged", "Self-report",
                  "Family observation", "Elevated / irritable", "Sleep (self)", "PHQ-9", "GAD-7", "Missed dose",
                  "Extra dose", "Flagged entry", "50 mg, once a day", "→ 100 mg, once a day", "Propranolol",
                  "1 — Sat, 17 Oct 2026: flagged by Ana (family)", "Each point is one day"):
        assert words in page, words
    assert pages.index(page) == 1  # right after page one


def test_life_chart_keeps_self_and_family_apart_and_prints_in_black_and_white(built):
    from reportlab.graphics.shapes import PolyLine, String

    from caregiver_app.reports.life_chart import build_life_chart

    data = built[2]
    drawing = build_life_chart(data, 510)
    shapes = list(_shapes(drawing))
    solid = [s for s in shapes if isinstance(s, PolyLine) and not s.strokeDashArray]
    dashed = [s for s in shapes if isinstance(s, PolyLine) and s.strokeDashArray]
    assert solid and dashed  # self-report and observation are two marked series
    assert sum(len(s.points) // 2 for s in solid) >= 90 + 7  # every own day, plus the PHQ-9 line
    for shape in shapes:
        for name in ("fillColor", "strokeColor"):
            color = getattr(shape, name, None)
            if color is not None and hasattr(color, "red"):
                spread = max(color.red, color.green, color.blue) - min(color.red, color.green, color.blue)
                assert spread < 0.1, (type(shape).__name__, name, color)  # greys only: no meaning in colour
    assert min(s.fontSize for s in shapes if isinstance(s, String)) >= 7


def test_life_chart_of_ten_years_is_monthly(built):
    from dataclasses import replace

    from caregiver_app.reports.life_chart import build_life_chart, caption

    data = replace(built[2], start=date(2016, 12, 1))
    assert "calendar month" in caption(data)
    assert build_life_chart(data, 510).height > 300


def test_sections_after_page_one_put_medicines_and_care_team_before_the_notes(built):
    text = " ".join(built[3][1:])
    assert _at(text, "Medications") < _at(text, "Care team") < _at(text, "Notes by day")


def test_notes_only_for_days_with_a_note_or_flag_and_numbers_only_days_compact(built):
    data, pages = built[2], built[3]
    text = " ".join(pages[1:])
    notes = text[_at(text, "Notes by day"): _at(text, "Days with numbers only")]
    compact = text[_at(text, "Days with numbers only"):]
    plain_day = next(day for day, entries in data.entries_by_day()
                     if not any(e.note.strip() or e.flagged for e in entries))
    from caregiver_app.reports.layout import format_date

    heading = format_date(plain_day, weekday=True)
    assert heading not in notes and f"{heading} 9:00 am Sam Rivera (self) · Mood" in compact


def test_a_continued_day_repeats_its_date_and_no_heading_sits_alone(built):
    pages = built[3]
    continued = [p for p in pages if "(continued)" in p and "Notes by day ·" in p]
    assert continued
    for page in pages:
        lines = page.split(" Confidential health information")[0]
        # The last words before the footer are never a bare day heading.
        assert not lines.rstrip().endswith(("2026",)), lines[-80:]


def test_email_and_web_addresses_never_break_mid_word(built):
    pages = built[3]
    page = next(p for p in pages if "Care team contacts" in p and "Dr. Ana Li" in p)
    assert "ana.li.outpatient-psychiatry@riverside-community-mental-health.example.org" in page.replace(" ", "")
    assert "https://riverside-community-mental-health.example.org/after-hours-help" in page.replace(" ", "")
    from caregiver_app.reports.fonts import register_fonts
    from caregiver_app.reports.layout import wrapped_markup

    font = register_fonts().regular
    lines = wrapped_markup("x ana.li.outpatient-psychiatry@riverside-community-mental-health.example.org", 120, font, 9.5)
    for line in lines.split("<br/>"):
        assert line.endswith(("@", ".", "-", "x", "org")), line


def test_ecomap_legend_lines_stay_clear_of_their_words_and_nothing_below_7_pt(built):
    from reportlab.graphics.shapes import PolyLine, String

    from caregiver_app.reports.ecomap_drawing import build_ecomap_drawing

    vault, made, _data, _pages = built
    from caregiver_app.services import network as contacts

    drawing = build_ecomap_drawing(contacts.ecomap_snapshot(vault, made.person_id), 500, 400)
    shapes = list(_shapes(drawing))
    words = [s for s in shapes if isinstance(s, String)]
    assert min(s.fontSize for s in words) >= 7
    legend_words = [s for s in words if "tie" in s.text or "Arrow" in s.text]
    start = min(s.x for s in legend_words)
    legend_lines = [s for s in shapes if isinstance(s, PolyLine) and max(s.points[1::2]) < 80]
    assert legend_lines and all(max(s.points[0::2]) < start for s in legend_lines)


def test_symptom_table_has_whose_and_previous_columns(built):
    text = " ".join(built[3][1:])
    table = text[_at(text, "Symptoms Symptom Whose"): _at(text, "They are counted apart")]
    assert "Previous average" in table and "Previous days" in table
    assert "Low mood Self 90 6.0 9 3.0 40" in table
    assert "Hopelessness Family (observed) 1 9.0 9 – 0" in table


def test_page_one_names_the_life_chart_among_what_follows(built):
    first = built[3][0]
    assert "After this page: Life chart · Symptoms" in first


@pytest.mark.parametrize("count", [30, 60])
def test_a_crowded_ecomap_prints_every_full_first_name_and_the_whole_person_name(built, count):
    """Regression: at 30 contacts the spread-out map shrank names to "Sa…"/"Mrs…"."""
    import dataclasses

    from caregiver_app.domain.ecomap import layout
    from caregiver_app.domain.network import Contact, Role, TieStrength
    from caregiver_app.reports.ecomap_drawing import build_ecomap_drawing, numbered

    roles = list(Role)
    firsts = [f"Maximiliana{i:02d}" for i in range(count)]
    people = [Contact(i + 1, 1, f"{first} Featherstonehaugh-Wolfeschlegel", roles[i % len(roles)],
                      strength=list(TieStrength)[i % 4]) for i, first in enumerate(firsts)]
    person = "Samantha Alexandrovna Rivera-Featherstonehaugh"
    snapshot = layout(person, people)
    data = dataclasses.replace(built[2], ecomap=snapshot)
    reader = PdfReader(io.BytesIO(summary_pdf_bytes(data)))
    texts = [p.extract_text() or "" for p in reader.pages]
    start = next(i for i, t in enumerate(texts) if "Ecomap (support network)" in t)
    ecomap_text = " ".join(" ".join(texts[start:]).split())
    for first in firsts:
        assert first in ecomap_text, first
    assert person in ecomap_text
    assert numbered(snapshot, 468, 520)
    words = [s for s in _shapes(build_ecomap_drawing(snapshot, 468, 520)) if hasattr(s, "fontSize")]
    assert min(s.fontSize for s in words) >= 7
    assert not any("…" in s.text for s in words)
