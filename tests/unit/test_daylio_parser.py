"""Unit tests for the Daylio CSV parser, one small hand-written fixture per quirk.

The fixtures in ``fixtures/daylio`` are written for these tests (no real journal text). Their exact
bytes matter (BOM, CRLF, ``\\r\\r\\n``, U+202F), so ``test_fixture_bytes_are_intact`` fails loudly if
a checkout ever rewrites them.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caregiver_app.domain.errors import CaregiverError, ValidationError
from caregiver_app.domain.model import clean_label
from caregiver_app.importers.common import SkippedRow
from caregiver_app.importers.dates import MONTH_NUMBERS
from caregiver_app.importers.daylio import (
    DEFAULT_MOOD_LEVELS,
    DaylioFormatError,
    DaylioParseResult,
    DaylioRow,
    label_key,
    parse_daylio,
    resolve_mood_levels,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "daylio"

KNOWN_REASONS = {
    "the date is missing",
    "the date could not be read",
    "the date is not a real date",
    "the year is missing",
    "the year could not be read",
    "the time is missing",
    "the time could not be read",
    "the time is not a real time of day",
    "the mood is missing",
}


def parse_fixture(name: str) -> DaylioParseResult:
    return parse_daylio((FIXTURES / name).read_bytes())


def test_fixture_bytes_are_intact():
    assert (FIXTURES / "bom_note_title_nnbsp.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "\u202f".encode() in (FIXTURES / "bom_note_title_nnbsp.csv").read_bytes()
    crlf = (FIXTURES / "crlf_unquoted.csv").read_bytes()
    assert crlf.count(b"\r\n") == 3 and not crlf.endswith(b"\n")
    assert (FIXTURES / "crcrlf_multiline.csv").read_bytes().count(b"\r\r\n") == 4


# --- BOM, U+202F times, note_title, activities, multi-line notes ------------------------------


def test_bom_nnbsp_times_activities_and_notes():
    result = parse_fixture("bom_note_title_nnbsp.csv")
    assert result.layout == "full_date+note_title"
    assert result.skipped == []
    first, second, third = result.rows

    assert first.line == 2
    assert first.local_datetime == datetime(2024, 3, 10, 21, 23)
    assert first.local_datetime.tzinfo is None
    assert first.mood_label == "almost Rad"
    assert first.activities == (
        "walk", "< 15 mins phone", "Tea", "<= 2 coffees", "c++", "#selfcare", "why?",
    )
    # No title -> just the note, kept byte-for-byte (no HTML handling outside the scales layout).
    assert first.note == "Felt <3 and a < b | okay 😀 “quoted”"

    assert second.line == 3
    assert second.local_datetime == datetime(2024, 3, 10, 0, 5)  # 12:05 AM is after midnight
    assert second.activities == ()
    assert second.note == "Night\n\nWoke up.\nCould not sleep.\n\nWrote this."

    # The previous note spans lines 3-6, so this record starts on line 7.
    assert third.line == 7
    assert third.local_datetime == datetime(2024, 3, 9, 12, 40)  # 12:40 PM is after noon
    assert third.mood_label == "Good"  # NBSP and trailing space trimmed, case kept
    assert third.activities == ("walk", "Walk")  # case kept, empties dropped, order kept
    assert third.note == "Lunch"  # title only


def test_crlf_bare_empty_fields_and_no_final_newline():
    result = parse_fixture("crlf_unquoted.csv")
    assert result.layout == "full_date+note_title"
    assert [r.line for r in result.rows] == [2, 3, 4]
    assert [r.local_datetime for r in result.rows] == [
        datetime(2025, 1, 2, 20, 35),
        datetime(2025, 1, 1, 9, 0),
        datetime(2024, 12, 31, 23, 59),
    ]
    assert [r.mood_label for r in result.rows] == ["meh", "rad", "awful"]
    assert result.rows[0].activities == () and result.rows[0].note == ""
    assert result.rows[1].activities == ("family", "cooking")
    assert result.rows[1].note == "quiet day"
    assert result.rows[2].note == ""  # last line without newline still read in full
    assert result.first_entry == datetime(2024, 12, 31, 23, 59)
    assert result.last_entry == datetime(2025, 1, 2, 20, 35)
    assert result.distinct_days == 3


def test_cr_cr_lf_line_ends_count_as_one_line_and_become_newlines_in_notes():
    result = parse_fixture("crcrlf_multiline.csv")
    assert result.layout == "full_date"
    assert result.skipped == []
    assert [r.line for r in result.rows] == [2, 4]
    assert result.rows[0].note == "first line\nsecond line"
    assert result.rows[0].activities == ("read",)
    assert result.rows[1].note == "plain"
    assert result.rows[1].local_datetime == datetime(2022, 5, 1, 22, 0)


@pytest.mark.parametrize(
    "data",
    [
        b"full_date,date,weekday,time,mood,activities,note\n2022-05-01,x,y,22:00,bad,,n\n",
        b"full_date,date,weekday,time,mood,activities,note\r\n2022-05-01,x,y,22:00,bad,,n\r\n",
        b"full_date,date,weekday,time,mood,activities,note\r\r\n2022-05-01,x,y,22:00,bad,,n",
        b"full_date,date,weekday,time,mood,activities,note\r2022-05-01,x,y,22:00,bad,,n\r",
    ],
    ids=["lf", "crlf", "crcrlf-no-final-newline", "cr"],
)
def test_every_line_ending_gives_the_same_row(data):
    (row,) = parse_daylio(data).rows
    assert (row.line, row.local_datetime, row.mood_label, row.note) == (
        2, datetime(2022, 5, 1, 22, 0), "bad", "n",
    )


# --- The old `year` layout and localized month names -------------------------------------------


def test_year_layout_english_month_names_and_12_hour_times():
    result = parse_fixture("year_english.csv")
    assert result.layout == "year"
    assert [r.local_datetime for r in result.rows] == [
        datetime(2019, 1, 1, 0, 10),
        datetime(2018, 12, 31, 14, 14),
        datetime(2018, 9, 6, 12, 30),
        datetime(2018, 9, 5, 9, 0),
    ]
    assert result.rows[1].activities == ("work", "relax")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("year_spanish.csv", [datetime(2019, 10, 16, 18, 43), datetime(2019, 3, 1, 7, 5)]),
        ("year_german.csv", [datetime(2018, 9, 6, 20, 1), datetime(2018, 3, 1, 6, 30)]),
        ("year_polish.csv", [datetime(2018, 9, 6, 21, 15), datetime(2018, 2, 28, 10, 0)]),
    ],
)
def test_year_layout_localized_month_names(name, expected):
    result = parse_fixture(name)
    assert result.layout == "year"
    assert result.skipped == []
    assert [r.local_datetime for r in result.rows] == expected


def test_month_table_has_the_languages_seen_in_exports():
    assert MONTH_NUMBERS["september"] == MONTH_NUMBERS["septiembre"] == 9
    assert MONTH_NUMBERS["października"] == MONTH_NUMBERS["oktober"] == 10
    assert MONTH_NUMBERS["märz"] == MONTH_NUMBERS["marzo"] == MONTH_NUMBERS["marca"] == 3
    assert MONTH_NUMBERS["sept"] == 9 and MONTH_NUMBERS["dic"] == 12


def test_month_table_from_cldr_keeps_every_form_it_read_before():
    # the names come from babel's CLDR data: a babel upgrade must not drop a form exports use
    forms = {
        "jan": 1, "january": 1, "ene": 1, "enero": 1, "januar": 1, "jän": 1, "jänner": 1, "mär": 3,
        "stycznia": 1, "styczeń": 1, "sty": 1, "paź": 10, "janvier": 1, "janv": 1, "févr": 2, "fév": 2,
        "déc": 12, "gennaio": 1, "gen": 1, "janeiro": 1, "fev": 2, "out": 10, "januari": 1, "mrt": 3,
        "mrz": 3, "maerz": 3, "setiembre": 9, "января": 1, "январь": 1, "декабря": 12,
    }
    assert {word: MONTH_NUMBERS.get(word) for word in forms} == forms


def test_year_layout_reports_an_unreadable_month_or_year():
    data = (
        "year,date,weekday,time,mood,activities,note\n"
        "2018,Smarch 6,x,10:00,good,,\n"
        "18,September 6,x,10:00,good,,\n"
        "2018,September 31,x,10:00,good,,\n"
    ).encode()
    result = parse_daylio(data)
    assert result.rows == []
    assert result.skipped == [
        SkippedRow(2, "the date could not be read"),
        SkippedRow(3, "the year could not be read"),
        SkippedRow(4, "the date is not a real date"),
    ]


# --- Headerless files, spreadsheet dates, other separators ------------------------------------


def test_headerless_seven_columns_with_unpadded_24_hour_times():
    result = parse_fixture("headerless_spanish.csv")
    assert result.layout == "headerless"
    assert result.skipped == []
    assert [r.line for r in result.rows] == [1, 2]
    assert [r.local_datetime for r in result.rows] == [
        datetime(2021, 10, 16, 18, 43),
        datetime(2021, 10, 10, 9, 3),
    ]
    assert [r.mood_label for r in result.rows] == ["tranquilo", "cansado"]
    assert result.rows[1].activities == ("Leer", "Caminar")


def test_headerless_eight_columns_reads_note_title():
    data = b"2021-10-16,16 de octubre,s\xc3\xa1bado,18:43,mal,,T\xc3\xadtulo,cuerpo\n"
    (row,) = parse_daylio(data).rows
    assert row.note == "Título\n\ncuerpo"


def test_excel_month_first_dates_all_fields_quoted():
    result = parse_fixture("excel_mdy.csv")
    assert result.layout == "full_date"
    assert [r.local_datetime for r in result.rows] == [
        datetime(2023, 3, 14, 20, 5),
        datetime(2022, 12, 1, 7, 0),
    ]
    assert result.rows[0].activities == ("walk",)


def test_spreadsheet_day_first_dates_are_recognized_from_the_file():
    result = parse_fixture("excel_dmy.csv")
    assert [r.local_datetime for r in result.rows] == [
        datetime(2023, 3, 14, 20, 5),
        datetime(2022, 12, 1, 7, 0),
    ]


def test_semicolon_separated_file_from_a_spreadsheet():
    result = parse_fixture("semicolon.csv")
    assert result.layout == "full_date"
    (row,) = result.rows
    assert row.local_datetime == datetime(2024, 2, 1, 7, 30)
    assert row.mood_label == "gut"
    assert row.activities == ("Spaziergang", "Lesen")
    assert row.note == "a; b"


# --- Renamed and removed columns ---------------------------------------------------------------


def test_renamed_and_removed_columns_are_found_by_name():
    result = parse_fixture("renamed_columns.csv")
    assert result.layout == "full_date"
    (row,) = result.rows
    assert row.local_datetime == datetime(2024, 4, 2, 19, 45)
    assert row.mood_label == "Calm"
    assert row.activities == ("reading", "Reading")
    assert row.note == "kept"


def test_unrecognized_column_names_are_found_by_content():
    result = parse_fixture("unknown_column_names.csv")
    assert [(r.local_datetime, r.mood_label, r.activities, r.note) for r in result.rows] == [
        (datetime(2024, 4, 3, 7, 45), "ruhig", (), ""),
        (datetime(2024, 4, 2, 19, 30), "unruhig", (), ""),
    ]


def test_a_date_column_holding_full_dates_is_the_full_date():
    result = parse_daylio(b"date,time,mood\n2024-04-03,07:45,okay\n")
    assert result.rows[0].local_datetime == datetime(2024, 4, 3, 7, 45)


def test_repeated_header_line_is_ignored():
    data = (
        b"full_date,date,weekday,time,mood,activities,note\n"
        b"2024-04-03,x,y,07:45,okay,,\n"
        b"full_date,date,weekday,time,mood,activities,note\n"
        b"2024-04-02,x,y,07:45,okay,,\n"
    )
    result = parse_daylio(data)
    assert [r.line for r in result.rows] == [2, 4]
    assert result.skipped == []


# --- The newest layout: rich-text notes --------------------------------------------------------


def test_scales_layout_notes_are_html():
    result = parse_fixture("scales_html.csv")
    assert result.layout == "full_date+scales"
    (row,) = result.rows
    assert row.activities == ("walk",)
    assert row.note == "Big day\n\nLine one\nLine two\nTom & Ana <3 really <3"


def test_html_is_kept_verbatim_outside_the_scales_layout():
    (row,) = parse_fixture("html_looking_note.csv").rows
    assert row.note == "<b>Big</b> day\n\nLine one<br>Tom &amp; Ana <3 a < b"


# --- Short rows and rows that cannot be imported -----------------------------------------------


def test_short_rows_import_what_is_there_and_skip_without_date_time_or_mood():
    result = parse_fixture("short_rows.csv")
    assert [(r.line, r.mood_label, r.activities, r.note) for r in result.rows] == [
        (2, "good", ("garden",), "title only"),
        (3, "meh", ("garden",), ""),
        (4, "bad", (), ""),
    ]
    assert result.skipped == [
        SkippedRow(6, "the mood is missing"),
        SkippedRow(7, "the time is missing"),
    ]


def test_impossible_dates_and_times_are_skipped_with_plain_reasons():
    result = parse_fixture("impossible_dates.csv")
    assert result.skipped == [
        SkippedRow(2, "the date is not a real date"),
        SkippedRow(3, "the time is not a real time of day"),
        SkippedRow(4, "the time could not be read"),
        SkippedRow(5, "the date could not be read"),
        SkippedRow(6, "the mood is missing"),
    ]
    (row,) = result.rows
    assert (row.line, row.local_datetime) == (7, datetime(2023, 2, 25, 10, 0))


def test_unquoted_comma_in_the_last_column_stays_in_the_note():
    data = (
        b"full_date,date,weekday,time,mood,activities,note\n"
        b"2024-04-03,x,y,07:45,okay,,one, two\n"
    )
    assert parse_daylio(data).rows[0].note == "one, two"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20:35", (20, 35)),
        ("9:00", (9, 0)),
        ("09:00", (9, 0)),
        ("9:00 PM", (21, 0)),
        ("2:14 pm", (14, 14)),
        ("9:23\u202fPM", (21, 23)),
        ("12:00 AM", (0, 0)),
        ("12:59 AM", (0, 59)),
        ("12:01 PM", (12, 1)),
        ("9:00 p. m.", (21, 0)),
        ("8:05:30 PM", (20, 5)),
    ],
)
def test_time_formats(text, expected):
    data = f"full_date,time,mood\n2024-01-01,{text},okay\n".encode()
    (row,) = parse_daylio(data).rows
    assert (row.local_datetime.hour, row.local_datetime.minute) == expected


@pytest.mark.parametrize("text", ["13:00 PM", "24:00", "9:60", "0:30 XM"])
def test_bad_times_are_skipped(text):
    data = f"full_date,time,mood\n2024-01-01,{text},okay\n".encode()
    result = parse_daylio(data)
    assert result.rows == []
    assert len(result.skipped) == 1 and result.skipped[0].line == 2


# --- Fingerprints -------------------------------------------------------------------------------


def test_duplicate_rows_stay_distinct_and_fingerprints_are_stable():
    data = (FIXTURES / "duplicates.csv").read_bytes()
    first, again = parse_daylio(data), parse_daylio(data)
    assert len(first.rows) == 3
    fingerprints = [r.fingerprint for r in first.rows]
    assert len(set(fingerprints)) == 3
    assert fingerprints == [r.fingerprint for r in again.rows]
    assert all(len(fp) == 64 and int(fp, 16) >= 0 for fp in fingerprints)


def test_fingerprint_ignores_line_and_line_endings_but_not_content():
    lf = b"full_date,time,mood,note\n2024-01-01,10:00,okay,a\n"
    crlf_later = b"full_date,time,mood,note\r\n\r\n2024-01-01,10:00,okay,a\r\n"
    other_note = b"full_date,time,mood,note\n2024-01-01,10:00,okay,b\n"
    (a,), (b,), (c,) = (parse_daylio(d).rows for d in (lf, crlf_later, other_note))
    assert a.line != b.line
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != c.fingerprint


# --- Derived counts -----------------------------------------------------------------------------


def test_derived_counts():
    result = parse_fixture("bom_note_title_nnbsp.csv")
    assert result.mood_label_counts == {"almost Rad": 1, "okay": 1, "Good": 1}
    assert result.distinct_days == 2
    assert result.first_entry == datetime(2024, 3, 9, 12, 40)
    assert result.last_entry == datetime(2024, 3, 10, 21, 23)
    # walk, < 15 mins phone, Tea, <= 2 coffees, c++, #selfcare, why?, Walk
    assert result.distinct_activities == 8


def test_header_only_file_has_no_rows():
    result = parse_daylio(b"full_date,date,weekday,time,mood,activities,note_title,note\n")
    assert result.rows == [] and result.skipped == []
    assert result.first_entry is None and result.last_entry is None
    assert result.distinct_days == 0 and result.distinct_activities == 0


# --- Files that cannot be read at all -----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b" \r\n\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b",,,\n,,,\n", "no entries"),
        ("full_date,time,mood\n2024-01-01,10:00,\xe1nimo\n".encode("cp1252"), "UTF-8"),
        (b"PK\x03\x04\x14\x00\x00\x00", "backup"),
        (b"full_date,date,weekday,time,activities\n2024-01-01,x,y,10:00,z\n", "mood"),
        (b"weekday,time,mood\nMonday,10:00,good\n", "date"),
        (b"full_date,mood\n2024-01-01,good\n", "time"),
    ],
)
def test_unreadable_files_raise_a_plain_format_error(data, words):
    with pytest.raises(DaylioFormatError, match=words) as caught:
        parse_daylio(data)
    assert isinstance(caught.value, CaregiverError)


def test_a_file_that_is_not_a_daylio_export():
    with pytest.raises(DaylioFormatError) as caught:
        parse_fixture("not_daylio.csv")
    assert "ana" not in str(caught.value).casefold()  # never echoes the file's content


def test_skip_reasons_never_contain_row_text():
    secret = "SECRET-NOTE-TEXT"
    data = (
        "full_date,date,weekday,time,mood,activities,note\n"
        f"2023-02-30,x,y,10:00,{secret},{secret},{secret}\n"
        f"{secret},x,y,10:00,good,,{secret}\n"
        f"2023-02-01,x,y,{secret},good,,{secret}\n"
    ).encode()
    result = parse_daylio(data)
    assert len(result.skipped) == 3
    assert all(secret not in s.reason and s.reason in KNOWN_REASONS for s in result.skipped)


# --- Mood labels and levels ---------------------------------------------------------------------


def test_label_key_trims_special_spaces_and_casefolds():
    assert label_key("  Good\u00a0") == label_key("good") == "good"
    assert label_key("almost\u202f Rad") == "almost rad"


def test_default_levels_apply_without_asking():
    assert DEFAULT_MOOD_LEVELS == {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
    levels, unmapped = resolve_mood_levels(["rad", "Good", "okay", "Solid", "meh", "okay"], {})
    assert levels == {"rad": 5, "Good": 4, "meh": 3}
    assert unmapped == ["okay", "Solid"]


def test_user_levels_match_by_key_and_win_over_defaults():
    labels = ["Good", "okay", "Not so good [-]", "almost Rad"]
    levels, unmapped = resolve_mood_levels(labels, {" GOOD ": 3, "Okay": 3, "almost\u00a0rad": 5})
    assert levels == {"Good": 3, "okay": 3, "almost Rad": 5}
    assert unmapped == ["Not so good [-]"]


@pytest.mark.parametrize("bad", [0, 6, -1, 2.5, "4", None, True])
def test_user_levels_must_be_1_to_5(bad):
    with pytest.raises(ValidationError, match="1 to 5"):
        resolve_mood_levels(["okay"], {"okay": bad})


def test_conflicting_user_levels_for_one_label_are_refused():
    with pytest.raises(ValidationError):
        resolve_mood_levels(["okay"], {"okay": 3, " OKAY": 4})


# --- Robustness (property tests) ----------------------------------------------------------------


def _parses_or_format_error(data: bytes) -> DaylioParseResult | None:
    try:
        result = parse_daylio(data)
    except DaylioFormatError as error:
        assert str(error)
        return None
    assert isinstance(result, DaylioParseResult)
    for row in result.rows:
        assert isinstance(row, DaylioRow) and row.local_datetime.tzinfo is None
        assert row.line >= 1 and row.mood_label == row.mood_label.strip()
    for skipped in result.skipped:
        assert skipped.reason in KNOWN_REASONS
    return result


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_parse_or_raise_format_error(data):
    _parses_or_format_error(data)


_HEADERS = [
    None,
    ["year", "date", "weekday", "time", "mood", "activities", "note"],
    ["full_date", "date", "weekday", "time", "mood", "activities", "note"],
    ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"],
    ["full_date", "date", "weekday", "time", "mood", "activities", "scales", "note_title", "note"],
]
_QUIRKY_FIELDS = st.sampled_from([
    "", " ", "2024-02-29", "2023-02-30", "3/14/2023", "14/3/2023", "2018", "September 6",
    "16 de octubre", "6. September", "6 września", "9:23\u202fPM", "12:05 AM", "20:35", "25:99",
    "good", "rad", " Solid\u00a0", "a | b |  | c", "<b>x</b><br>y &amp; <3", "\"", "\r\r\n",
    "line\nbreak", "\u2028", "\x00", "\ufeff",
])
_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.sampled_from(_HEADERS),
    rows=st.lists(st.lists(st.one_of(_QUIRKY_FIELDS, _ANY_TEXT), max_size=11), max_size=12),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    line_end=st.sampled_from(["\n", "\r\n", "\r\r\n"]),
)
def test_any_text_rows_parse_or_raise_format_error(header, rows, quoting, line_end):
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=quoting, lineterminator=line_end)
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    first = _parses_or_format_error(data)
    if first is not None:
        fingerprints = [r.fingerprint for r in first.rows]
        assert len(set(fingerprints)) == len(fingerprints)
        assert fingerprints == [r.fingerprint for r in parse_daylio(data).rows]


@settings(max_examples=200, deadline=None)
@given(
    moods=st.lists(
        st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), min_size=1, max_size=12)
        .filter(lambda s: clean_label(s) and "\x00" not in s),
        min_size=1,
        max_size=8,
    )
)
def test_well_formed_rows_are_all_imported(moods):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
    )
    for i, mood in enumerate(moods):
        writer.writerow([f"2024-01-{i + 1:02d}", "x", "y", "10:00", mood, "a|b", "", mood])
    result = parse_daylio(buffer.getvalue().encode())
    assert result.skipped == []
    assert [r.line for r in result.rows] == list(range(2, len(moods) + 2))
    assert [r.note for r in result.rows] == [m if m.strip() else "" for m in moods]
