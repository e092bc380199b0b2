"""The Daylio parser against the shared, anonymized real exports.

The samples live next to the repository in ``../shared/samples/journals`` and are never copied
into the project; these tests skip when that folder is absent. The expected figures are the table
in that folder's README.md.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from caregiver_app.importers.daylio import parse_daylio

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "journals"
DAYLIO = SAMPLES / "daylio"

EXPECTED = {
    "daylio_a.csv": dict(
        layout="full_date+note_title",
        rows=1500,
        days=1500,
        first=datetime(2020, 7, 24, 22, 54),
        last=datetime(2024, 8, 31, 21, 23),
        activities=110,
        moods={"okay": 669, "Solid": 578, "good": 158, "meh": 62, "almost Rad": 17, "bad": 10,
               "rad": 6},
    ),
    "daylio_b.csv": dict(
        layout="full_date+note_title",
        rows=800,
        days=96,
        first=datetime(2023, 6, 10, 20, 0),
        last=datetime(2023, 9, 13, 15, 26),
        activities=136,
        moods={"Not so good": 185, "Not so good [-]": 178, "Bad": 149, "Medium [-]": 93,
               "Bad [-]": 76, "Awful": 75, "Medium": 21, "Awful [-]": 15, "Good [-]": 6,
               "Good": 2},
    ),
    "daylio_c.csv": dict(
        layout="year",
        rows=733,
        days=184,
        first=datetime(2018, 3, 7, 17, 23),
        last=datetime(2018, 9, 6, 20, 1),
        activities=22,
        moods={"okay": 255, "good": 142, "content": 131, "anxious": 55, "tired": 43, "rad": 28,
               "meh": 25, "frustrated": 24, "exhausted": 7, "awful": 5, "Angry": 5,
               "beyond anxious": 5, "bad": 4, "distracted": 4},
    ),
    "daylio_d.csv": dict(
        layout="headerless",
        rows=285,
        days=194,
        first=datetime(2020, 12, 31, 21, 40),
        last=datetime(2021, 10, 16, 18, 43),
        activities=9,
        moods={"como siempre": 124, "Sin animo": 73, "mal": 32, "ansioso": 30, "Pos bien": 24,
               "Motivado": 1, "una mierda": 1},
    ),
    "daylio_e.csv": dict(
        layout="full_date+note_title",
        rows=800,
        days=598,
        first=datetime(2023, 8, 13, 11, 25),
        last=datetime(2025, 4, 1, 10, 59),
        activities=0,
        moods={"good": 375, "meh": 221, "rad": 117, "bad": 74, "awful": 13},
    ),
}


def _sample(name: str) -> bytes:
    path = DAYLIO / name
    if not path.is_file():
        pytest.skip(f"shared Daylio samples not found at {DAYLIO} (they live outside the repo)")
    return path.read_bytes()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_matches_the_readme_table(name):
    expected = EXPECTED[name]
    result = parse_daylio(_sample(name))

    assert result.layout == expected["layout"]
    assert result.skipped == []
    assert len(result.rows) == expected["rows"]
    assert result.distinct_days == expected["days"]
    assert result.first_entry == expected["first"]
    assert result.last_entry == expected["last"]
    assert result.distinct_activities == expected["activities"]
    assert result.mood_label_counts == Counter(expected["moods"])
    assert all(row.local_datetime.tzinfo is None for row in result.rows)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_fingerprints_are_unique_and_stable(name):
    data = _sample(name)
    first, second = parse_daylio(data), parse_daylio(data)
    fingerprints = [row.fingerprint for row in first.rows]
    assert len(set(fingerprints)) == len(fingerprints)
    assert fingerprints == [row.fingerprint for row in second.rows]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_rows_keep_file_order_newest_first(name):
    result = parse_daylio(_sample(name))
    lines = [row.line for row in result.rows]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert result.rows[0].local_datetime.date() == EXPECTED[name]["last"].date()


def test_samples_time_quirks_are_read():
    """daylio_a writes every time as ``h:mm<U+202F>AM/PM``; all 1,500 must be read."""
    data = _sample("daylio_a.csv")
    assert data.count("\u202f".encode()) == 1500
    result = parse_daylio(data)
    assert any(row.local_datetime.hour < 12 for row in result.rows)
    assert any(row.local_datetime.hour >= 12 for row in result.rows)
