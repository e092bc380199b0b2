"""A year before 1000 is a typo in every importer, not only in Daylio CSV exports (which skip it):
Bearable, iMoodJournal, eMoods, Daylio backups and any other CSV skip that row by line too."""

from __future__ import annotations

import base64
import io
import json
import zipfile

import pytest

from caregiver_app.importers.daylio_backup import parse_daylio_backup
from caregiver_app.importers.generic import ColumnMap, parse_generic
from caregiver_app.importers.trackers import parse_bearable, parse_emoods, parse_imoodjournal

TYPO = "the year is before 1000, so it looks like a typo"


def _zip(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


BEARABLE = ('date,weekday,time of day,category,rating/amount,detail,notes\n'
            '"1st Jan 0202","Wed","09:00","Mood","3","",""\n"2nd Jan 2020","Thu","09:00","Mood","7","",""').encode()
IMOOD = ('"Date","Day of week","Hour","Minute","Level","LevelText","Comment"\n'
         '"January 1, 0202","Wed","09","00","3","(3) Bad",""\n'
         '"January 2, 2020","Thu","09","00","7","(7) Pretty Good",""\n').encode()
EMOODS = _zip("entry.csv", b"ID,DATE (YYYY-MM-DD),IRRITABILITY,ANXIETY,DEPRESSED,ELEVATED,SLEEP,PSYCHOTIC SYMPTOMS,NOTE\n"
                           b"1,0202-01-01,2,0,0,0,7,0,\n2,2020-01-02,2,0,0,0,7,0,\n")
BACKUP = _zip("backup.daylio", base64.b64encode(json.dumps({
    "customMoods": [{"id": 1, "custom_name": "", "predefined_name_id": 1, "mood_group_id": 1}],
    "dayEntries": [{"year": 202, "month": 0, "day": 1, "hour": 9, "minute": 0, "mood": 1},
                   {"year": 2020, "month": 0, "day": 2, "hour": 9, "minute": 0, "mood": 1}],
    "tags": []}).encode()))
GENERIC = b"Day,Feeling\n1 January 0202,3\n2 January 2020,7\n"


@pytest.mark.parametrize(("parse", "data"), [
    (parse_bearable, BEARABLE),
    (parse_imoodjournal, IMOOD),
    (parse_emoods, EMOODS),
    (parse_daylio_backup, BACKUP),
    (lambda data: parse_generic(data, ColumnMap(date="Day", mood="Feeling")), GENERIC),
])
def test_a_year_before_1000_is_skipped_as_a_typo(parse, data):
    result = parse(data)
    assert [row.local_datetime.year for row in result.rows] == [2020]
    assert [skip.reason for skip in result.skipped] == [TYPO]
