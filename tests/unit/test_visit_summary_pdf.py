"""The visit summary PDF, read back with pypdf: sections, exact text, scripts, long notes, empty
ranges, page footers, metadata, page sizes, and the trend chart's edge cases."""

from __future__ import annotations

import io
import random
import re
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER

from caregiver_app.domain.model import MoodLevel, SleepQuality, SymptomRating, day_range
from caregiver_app.domain.summary import DayPoint, SummaryEntry, SymptomStat, VisitSummaryData
from caregiver_app.reports.formatting import ReportFormat
from caregiver_app.reports.fonts import register_fonts, set_fallback_fonts
from caregiver_app.reports.text import MISSING_GLYPH, clean_text, markup, note_chunks
from caregiver_app.reports.visit_summary import build_visit_summary_pdf

# ---------------------------------------------------------------------------------------------
# Fixtures: VisitSummaryData built the way the summary service builds it.

PERSON = "Samira Okonkwo-Larsen"
TZ = "America/New_York"


def make_entry(day: date, at: time = time(9, 0), *, by: str = f"{PERSON} (self)",
               mood: int | None = 3, anxiety: int | None = None, energy: int | None = None,
               sleep: float | None = None, quality: SleepQuality | None = None,
               symptoms: tuple[tuple[str, int], ...] = (), tags: tuple[str, ...] = (),
               note: str = "", flagged: bool = False) -> SummaryEntry:
    """One printed entry; ``day`` is a local date, severities are 0–10."""
    return SummaryEntry(
        local_date=day,
        local_time=at,
        recorded_by=by,
        mood=MoodLevel(mood) if mood is not None else None,
        anxiety=anxiety,
        energy=energy,
        sleep_hours=sleep,
        sleep_quality=quality,
        symptoms=tuple(SymptomRating(name, sev) for name, sev in symptoms),
        tags=tags,
        note=note,
        flagged=flagged,
    )


def make_summary(entries: list[SummaryEntry], start: date, end: date, *,
                 person: str = PERSON, prepared_by: str = "Ana") -> VisitSummaryData:
    """A VisitSummaryData for ``entries`` over the inclusive local range ``start``–``end``,
    with day points and symptom statistics computed as the summary service does."""
    entries = sorted(entries, key=lambda e: (e.local_date, e.local_time))
    by_day: dict[date, list[SummaryEntry]] = defaultdict(list)
    for e in entries:
        by_day[e.local_date].append(e)
    days = []
    for day in day_range(start, end):
        items = by_day.get(day, [])
        moods = [int(e.mood) for e in items if e.mood is not None]
        sleeps = [e.sleep_hours for e in items if e.sleep_hours is not None]
        days.append(DayPoint(day, sum(moods) / len(moods) if moods else None,
                             sum(sleeps) / len(sleeps) if sleeps else None, len(items)))
    ratings: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for e in entries:
        for r in e.symptoms:
            ratings[r.symptom].append((e.local_date, r.severity))
    stats = tuple(
        SymptomStat(name, len({d for d, _ in rs}), sum(s for _, s in rs) / len(rs),
                    max(s for _, s in rs))
        for name, rs in ratings.items()
    )
    prepared_at = datetime(2026, 11, 30, 19, 5, tzinfo=timezone.utc)
    return VisitSummaryData(
        person_name=person,
        start=start,
        end=end,
        prepared_at=prepared_at,
        prepared_at_local=prepared_at.astimezone(ZoneInfo(TZ)),
        prepared_by=prepared_by,
        time_zone=TZ,
        days=tuple(days),
        flagged=tuple(e for e in entries if e.flagged),
        symptoms=stats,
        entries=tuple(entries),
    )


_SENTENCES = (
    "Slept badly again and paced the hall around 3 am.",
    "Ate most of lunch. Asked twice where the car keys were.",
    "Good walk to the park with the dog, chatted with a neighbour.",
    "Seemed flat in the afternoon; did not want to call her sister.",
    "Took evening meds on time. A little dizzy when standing up.",
    "Headache after the bus ride, better after water and rest.",
    "Laughed at the old photos. Talked about going back to the choir.",
)
_SYMPTOMS = ("Headache", "Fatigue", "Low mood", "Dizziness", "Waking at night", "Anxiety")


def realistic_summary(days: int = 30, per_day: int = 2, note_chars: int = 160,
                      seed: int = 7, start: date = date(2026, 11, 1)) -> VisitSummaryData:
    """A plausible journal: some days empty, family and self entries, symptoms, tags, notes."""
    rng = random.Random(seed)
    end = start + timedelta(days=days - 1)
    entries = []
    for day in day_range(start, end):
        if rng.random() < 0.12:
            continue  # a day with nothing recorded (a gap in the chart)
        for i in range(rng.randint(1, per_day)):
            note = ""
            while len(note) < note_chars:
                note = (note + " " + rng.choice(_SENTENCES)).strip()
            if rng.random() < 0.2:
                note = note.replace(". ", ".\n", 1)
            family = rng.random() < 0.4
            entries.append(make_entry(
                day, time(8 + 5 * i + rng.randint(0, 3), rng.choice((0, 15, 30, 45))),
                by="Ana (family)" if family else f"{PERSON} (self)",
                mood=rng.choice((1, 2, 3, 3, 4, 4, 5)),
                anxiety=rng.choice((None, rng.randint(0, 10))),
                energy=rng.choice((None, rng.randint(0, 10))),
                sleep=rng.choice((None, 5.5, 6, 6.5, 7, 7.25, 8, 9)) if i == 0 else None,
                quality=rng.choice((None, SleepQuality.POOR, SleepQuality.GOOD)) if i == 0
                else None,
                symptoms=tuple((s, rng.randint(1, 9))
                               for s in rng.sample(_SYMPTOMS, rng.randint(0, 2))),
                tags=tuple(rng.sample(("walk", "church", "argument", "doctor call", "visitors"),
                                      rng.randint(0, 2))),
                note=note[:note_chars + 60],
                flagged=rng.random() < 0.06,
            ))
    return make_summary(entries, start, end)


@pytest.fixture(autouse=True)
def no_fallback_fonts():
    """The tests decide which fallback fonts exist (none unless a test says otherwise)."""
    set_fallback_fonts([])
    yield
    set_fallback_fonts(None)


# ---------------------------------------------------------------------------------------------
# Helpers


def build(data: VisitSummaryData, **kwargs) -> PdfReader:
    out = io.BytesIO()
    build_visit_summary_pdf(data, out, **kwargs)
    raw = out.getvalue()
    assert raw.startswith(b"%PDF-") and raw.rstrip().endswith(b"%%EOF")
    return PdfReader(io.BytesIO(raw))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def all_text(reader: PdfReader) -> str:
    return "\n".join(page_texts(reader))


def heading_position(text: str, heading: str) -> int:
    """Where ``heading`` stands alone on a line in ``text`` (-1 when it does not)."""
    match = re.search(rf"^{re.escape(heading)}$", text, re.MULTILINE)
    return match.start() if match else -1


def words(text: str) -> str:
    """``text`` with every run of whitespace (line breaks too) turned into one space."""
    return " ".join(text.split())


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


_SECTION_TITLES = ("Life chart", "Mood and sleep", "Symptoms", "PHQ-9 and GAD-7 scores", "Flagged for this visit",
                   "Notes by day", "Medications", "Care team contacts", "Questions for this visit (continued)")
_PAGE_FURNITURE = re.compile(
    r"Confidential health information|Page \d+ of \d+|^Visit summary( · [^\n]*)?(\n(" + "|".join(map(re.escape, _SECTION_TITLES))
    + r")( · [^\n]* \(continued\))?)?$", re.MULTILINE)


def body_text(reader: PdfReader) -> str:
    """All pages' text without the running header and the footer (so text that flows across a
    page break reads back in one piece)."""
    return "\n".join(_PAGE_FURNITURE.sub("", t) for t in page_texts(reader))


# ---------------------------------------------------------------------------------------------
# Sections and text


def test_realistic_summary_has_every_section_in_order():
    data = realistic_summary()
    text = all_text(build(data))
    positions = [heading_position(text, s) for s in (
        "Visit summary", "Life chart", "Symptoms", "Flagged for this visit", "Notes by day")]
    assert -1 not in positions and positions == sorted(positions)
    text = words(text)
    assert PERSON in text
    assert "1 Nov – 30 Nov 2026 (30 days)" in text
    assert "Prepared 30 Nov 2026, 2:05 pm by Ana" in text
    assert "5-point mood scale" in text and "1 very low" in text and "5 very good" in text
    days_with_entries = len(data.entries_by_day())
    assert f"{len(data.entries)} entries on {days_with_entries} of 30 days" in text
    assert "Their own ratings: mood averaged" in text and "hours" in text
    assert "Average severity (0–10)" in text and "Worst (0–10)" in text
    assert "Ana (family)" in text and f"{PERSON} (self)" in text
    first_day = data.entries[0].local_date
    assert ReportFormat().date(first_day, weekday=True) in text  # "Sun, 1 Nov 2026"


def test_entry_details_print_in_the_notes_by_day():
    day = date(2026, 11, 3)
    data = make_summary([
        make_entry(day, time(20, 15), by="Ana (family)", mood=2, anxiety=6, energy=3,
                   sleep=5.5, quality=SleepQuality.POOR, symptoms=(("Headache", 6),),
                   tags=("argument", "walk"), note="First line\nSecond line", flagged=True),
    ], date(2026, 11, 1), date(2026, 11, 30))
    text = all_text(build(data))
    assert "Tue, 3 Nov 2026" in text
    assert "8:15 pm" in text
    assert "Mood low (2/5)" in text and "Anxiety 6/10" in text and "Energy 3/10" in text
    assert "Sleep 5.5 h, poor" in text
    assert "Headache 6/10" in text and "argument, walk" in text
    # Line breaks are kept: the two lines extract on separate lines.
    assert re.search(r"First line\s*\n\s*Second line", text)
    notes = text[text.index("Notes by day"):]
    assert "First line" in notes


def test_flagged_and_symptom_sections():
    day = date(2026, 11, 5)
    data = make_summary([
        make_entry(day, time(7, 30), symptoms=(("Dizziness", 4), ("Headache", 8)),
                   note="Nearly fell in the kitchen.", flagged=True),
        make_entry(day + timedelta(days=1), symptoms=(("Headache", 5),)),
    ], date(2026, 11, 1), date(2026, 11, 30))
    text = all_text(build(data))
    flagged = text[text.index("Flagged for this visit\n"):text.index("Notes by day\n")]
    assert "Thu, 5 Nov 2026, 7:30 am" in flagged
    assert "Nearly fell in the kitchen." in flagged
    assert "Dizziness 4/10" in flagged and "Headache 8/10" in flagged
    symptoms = text[text.index("Symptoms\n"):text.index("Flagged for this visit\n")]
    # Headache first (2 days), average 6.5, worst 8; then Dizziness.
    assert symptoms.index("Headache") < symptoms.index("Dizziness")
    assert re.search(r"Headache\s+2\s+6\.5\s+8", symptoms)
    assert re.search(r"Dizziness\s+1\s+4\.0\s+4", symptoms)


def test_sections_with_nothing_to_show_are_left_out():
    data = make_summary([make_entry(date(2026, 11, 2), note="Quiet day.")],
                        date(2026, 11, 1), date(2026, 11, 30))
    text = all_text(build(data))
    assert heading_position(text, "Flagged for this visit") == -1
    assert heading_position(text, "Symptoms") == -1
    assert heading_position(text, "Notes by day") != -1 and "Quiet day." in text


def test_prepared_by_omitted_when_empty():
    data = make_summary([make_entry(date(2026, 11, 2))], date(2026, 11, 1),
                        date(2026, 11, 30), prepared_by="  ")
    text = words(all_text(build(data)))
    assert "Prepared 30 Nov 2026, 2:05 pm. Times are local (America/New_York)." in text
    assert "2:05 pm by" not in text


def test_tricky_note_prints_verbatim_and_not_bold():
    tricky = 'Pain <5 & "<3" <b>'
    data = make_summary([make_entry(date(2026, 11, 2), note=tricky, flagged=True)],
                        date(2026, 11, 1), date(2026, 11, 30))
    reader = build(data)
    assert all_text(reader).count(tricky) == 3  # the brief's excerpt, flagged section and notes by day
    fonts_used: list[tuple[str, str]] = []

    def visit(text, cm, tm, font_dict, size):
        if text.strip():
            fonts_used.append((text, str((font_dict or {}).get("/BaseFont", ""))))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    tricky_runs = [font for text, font in fonts_used if "<b>" in text]
    assert tricky_runs and all("Bold" not in font for font in tricky_runs)


def test_scripts_print_with_dejavu():
    words = ["Καλημέρα", "Здравствуйте", "Zoë", "Ångström", "naïve"]
    data = make_summary([make_entry(date(2026, 11, 2), by="Zoë (family)", note=" ".join(words),
                                    symptoms=(("Кашель", 3),), tags=("περίπατος",))],
                        date(2026, 11, 1), date(2026, 11, 30), person="Zoë Ångström")
    reader = build(data)
    text = all_text(reader)
    for word in words + ["Кашель 3/10", "περίπατος", "Zoë Ångström"]:
        assert word in text
    fonts = {str(ref.get_object()["/BaseFont"])
             for page in reader.pages for ref in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in f for f in fonts)  # nothing falls back to Helvetica


def test_unsupported_characters_become_visible_markers():
    note = "Tea 你好 then 😀 and 🀄 and 𝐀 done \ud800 x\u200by e\u0301"
    data = make_summary([make_entry(date(2026, 11, 2), note=note)],
                        date(2026, 11, 1), date(2026, 11, 30))
    text = all_text(build(data))
    # Emoji and other symbols no font draws print as their short name, never as "[?]".
    assert "Tea [?][?] then :grinning face: and :mahjong tile red dragon: and [?] done [?] xy é" in text
    assert clean_text("你") == MISSING_GLYPH
    assert clean_text("Καλημέρα") == "Καλημέρα"


def test_markup_escapes_and_keeps_line_breaks():
    assert markup('a<b>&"c"\nd') == "a&lt;b&gt;&amp;&quot;c&quot;<br/>d"
    assert markup("one\r\ntwo\rthree", line_breaks=False) == "one two three"
    assert markup("x" * 500, max_chars=10) == "x" * 9 + "…"


def test_note_chunks_are_bounded_and_lossless():
    note = ("word " * 9000) + "\n" + "y" * 5000 + "\n\n" + "line\n" * 200
    chunks = note_chunks(note)
    assert all(len(c) <= 2400 and c.count("\n") < 30 for c in chunks)
    assert all(len(c) <= 1200 for c in chunks if " " in c)
    assert squash("".join(chunks)) == squash(note)
    assert note_chunks("https://x.org/" + "a" * 2000) == ["https://x.org/" + "a" * 2000]
    assert note_chunks(" \n\n ") == []


def test_long_note_and_long_url_make_a_multipage_pdf_and_read_back():
    rng = random.Random(3)
    vocabulary = ["appointment", "medication", "breakfast", "restless", "sunny", "garden",
                  "Ångström", "tired", "okay", "call", "daughter", "walk", "nap", "pain"]
    long_note = ""
    while len(long_note) < 30_000:
        long_note += rng.choice(vocabulary) + rng.choice([" ", " ", " ", ". ", ", ", "\n"])
    long_note = long_note[:30_000]
    url = "https://example.org/very/long/path?" + "&".join(f"k{i}=v{i}" for i in range(400))
    url = url[:2000]
    assert len(url) == 2000 and " " not in url
    data = make_summary([
        make_entry(date(2026, 11, 2), note=long_note, flagged=True),
        make_entry(date(2026, 11, 3), note=url),
    ], date(2026, 11, 1), date(2026, 11, 30))
    reader = build(data)
    assert len(reader.pages) > 3
    body = squash(body_text(reader))
    assert body.count(squash(long_note)) == 2  # flagged and notes by day (page one has an excerpt)
    assert body.count(squash(url)) == 1


def test_empty_range_is_one_clear_page():
    data = make_summary([], date(2026, 9, 1), date(2026, 11, 30))
    assert data.is_empty
    reader = build(data)
    assert len(reader.pages) == 1
    text = words(all_text(reader))
    assert "No journal entries in this period." in text
    assert "choose a wider date range" in text
    assert "1 Sept – 30 Nov 2026 (91 days)" in text  # CLDR international English
    for absent in ("Flagged for this visit", "Mood and sleep", "Symptoms", "Notes by day"):
        assert absent not in text
    assert "Page 1 of 1" in text


def test_every_page_has_footer_with_page_x_of_y():
    reader = build(realistic_summary(days=60, per_day=3, note_chars=300))
    total = len(reader.pages)
    assert total >= 3
    for number, text in enumerate(page_texts(reader), start=1):
        assert f"Page {number} of {total}" in text
        assert "Confidential health information" in text
        if number > 1:  # a loose page still names whose it is
            assert f"Visit summary · {PERSON}" in text


def test_metadata_names_the_app_only():
    data = realistic_summary()
    reader = build(data)
    meta = reader.metadata
    assert meta.title == "Visit summary"
    assert meta.author == "Caregiver Companion"
    assert meta.creator == "Caregiver Companion"
    assert meta.producer == "Caregiver Companion"
    assert not meta.subject and not meta.get("/Keywords")
    dumped = " ".join(str(v) for v in meta.values())
    for private in (PERSON, "Samira", "Ana", "Headache", "Nov 2026"):
        assert private not in dumped


@pytest.mark.parametrize("size", [LETTER, A4])
def test_page_size(size):
    reader = build(realistic_summary(days=10), pagesize=size)
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(size[0], abs=0.01)
        assert float(box.height) == pytest.approx(size[1], abs=0.01)


def test_letter_is_the_default():
    box = build(realistic_summary(days=5)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


# ---------------------------------------------------------------------------------------------
# Chart


def test_chart_ten_years_builds_into_a_pdf():
    start = date(2016, 12, 1)
    entries = [make_entry(start + timedelta(days=i), mood=1 + i % 5, sleep=6 + i % 3)
               for i in range(0, 3650, 3)]
    data = make_summary(entries, start, start + timedelta(days=3649))
    text = all_text(build(data))
    assert "mean of a calendar month" in text


# ---------------------------------------------------------------------------------------------
# Property: no text breaks the build


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    note=st.text(alphabet=st.characters(exclude_categories=()), max_size=3000),
    label=st.text(alphabet=st.characters(exclude_categories=()), max_size=300),
)
def test_any_text_builds(note, label):
    register_fonts()
    data = make_summary([
        make_entry(date(2026, 11, 2), by=label, note=note, tags=(label or "t",), flagged=True),
    ], date(2026, 11, 1), date(2026, 11, 3), person=label, prepared_by=label)
    out = io.BytesIO()
    build_visit_summary_pdf(data, out)
    assert out.getvalue().startswith(b"%PDF-")


# ---------------------------------------------------------------------------------------------
# Page one, scripts, fallback fonts, right-to-left, recovery sheet


def test_brief_fits_on_one_page_for_a_busy_90_days():
    from caregiver_app.domain.summary import (MedicationChange, MissedDoses, ScoreResult, WarningSignSeen)
    from dataclasses import replace

    data = realistic_summary(days=90, per_day=3, note_chars=400)
    flagged = tuple(replace(e, flagged=True) for e in data.entries[:40])
    data = replace(
        data, flagged=flagged,
        questions=tuple(f"Question number {i} about the medicine and the sleep, asked in plain words?" for i in range(30)),
        medication_changes=tuple(MedicationChange(date(2026, 11, i), f"Medicine {i}", "Started", "50 mg") for i in range(1, 12)),
        missed_doses=tuple(MissedDoses(f"Medicine {i}", i) for i in range(1, 8)),
        warning_signs=tuple(WarningSignSeen(f"Sign {i} seen again", i, date(2026, 11, 20)) for i in range(1, 9)),
        scores=(ScoreResult("PHQ-9", 17, 27, date(2026, 11, 10), "moderately severe", 9, date(2026, 10, 1)),
                ScoreResult("GAD-7", 12, 21, date(2026, 11, 10), "moderate", 15, date(2026, 10, 1))),
    )
    reader = build(data)
    first = words(reader.pages[0].extract_text())
    assert "Page 1 of" in first and "Visit summary" in first
    second = words(reader.pages[1].extract_text())
    assert "For " + PERSON not in second  # page one did not spill over
    assert "Questions for this visit (continued)" in all_text(reader) or "Question number 29" in first


def test_fallback_font_prints_what_dejavu_lacks():
    mono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
    import os

    if not os.path.exists(mono):
        pytest.skip("DejaVu Sans Mono is not installed")
    set_fallback_fonts([mono])
    char = "\u2312"  # an APL arc: in DejaVu Sans Mono, not in DejaVu Sans
    assert not register_fonts().covers(char)
    reader = build(make_summary([make_entry(date(2026, 11, 2), note=f"Arc {char} here")],
                                date(2026, 11, 1), date(2026, 11, 30)))
    assert f"Arc {char} here" in all_text(reader)
    fonts = {str(ref.get_object()["/BaseFont"]) for page in reader.pages for ref in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSansMono" in f for f in fonts)


def test_no_fallback_means_a_visible_marker():
    set_fallback_fonts([])
    assert clean_text("\u2312") == ":arc:"  # a symbol no font draws prints by its short name


@pytest.mark.parametrize("logical, visual", [
    ("שלום עולם", "םלוע םולש"),  # Hebrew reads right to left: drawn reversed, left to right
])
def test_right_to_left_note_is_drawn_in_display_order(logical, visual):
    """pypdf reads right-to-left glyph runs back in logical order, so a note drawn in display
    order extracts as typed (and one drawn in typing order would extract reversed)."""
    reader = build(make_summary([make_entry(date(2026, 11, 2), note=logical)], date(2026, 11, 1), date(2026, 11, 30)))
    text = all_text(reader)
    assert logical in text and visual not in text


def test_long_right_to_left_note_wraps_line_by_line():
    from bidi import get_display

    from caregiver_app.reports.bidi import BidiParagraph
    from caregiver_app.reports.layout import Styles

    text = " ".join(["שלום", "עולם", "טוב"] * 60)
    para = BidiParagraph(text, Styles(register_fonts()).body)
    para.wrap(300, 1000)
    lines = [line for line, _w, _d in para._lines]
    assert len(lines) > 3
    # Each printed line is its own logical piece, reordered: reading the lines top to bottom,
    # each from the right, gives back the note.
    logical = " ".join(get_display(line, base_dir="R") for line in lines)
    assert logical.split() == text.split()


def test_recovery_sheet_has_the_code_and_no_names():
    from caregiver_app.security.recovery import new_recovery_code
    from caregiver_app.services.recovery_sheet import recovery_sheet_pdf

    code = new_recovery_code()
    pdf = recovery_sheet_pdf(code, paper="a4")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = words(all_text(reader))
    for group in code.split("-"):
        assert group in text
    assert "If you forget your passphrase" in text and "Where to keep this page" in text
    assert round(float(reader.pages[0].mediabox.width)) == 595
    with pytest.raises(Exception):
        recovery_sheet_pdf("not a code")


def test_right_to_left_brackets_mirror_zwnj_survives_shaping_and_emoji_print_by_name():
    from caregiver_app.reports.bidi import reorder, shape

    # Brackets in a right-to-left run are mirrored (UAX #9 rule L4), in an embedded left-to-right run they are not.
    assert reorder(shape("שלום (עולם) [א]")) == "[א] (םלוע) םולש"
    assert reorder(shape("Hebrew: שלום (עולם) · done")) == "Hebrew: (םלוע) םולש · done"
    assert reorder(shape("שלום f(x) ok")) == "f(x) ok םולש"
    assert reorder(shape("ok (שלום) end")) == "ok (םולש) end"
    # The zero-width non-joiner keeps "می" and "خواهم" apart: the letter before it takes its final form.
    persian = "می\u200cخواهم"
    assert "\u200c" in clean_text(persian)
    shaped = shape(clean_text(persian))
    assert "\u200c" in shaped and shaped[1] == "\ufbfd"  # final yeh, not a joining (medial) form
    note = "Hebrew: שלום (עולם) · Persian: " + persian + " · mood 😀 today"
    text = all_text(build(make_summary([make_entry(date(2026, 11, 2), note=note)], date(2026, 11, 1),
                                       date(2026, 11, 30))))
    assert ":grinning face:" in text and "[?]" not in text
