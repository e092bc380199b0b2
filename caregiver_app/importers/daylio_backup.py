"""Daylio ``.daylio`` backups: a ZIP holding ``backup.daylio``, which is base64 of a JSON object.

Pure (standard library plus the domain). Documented by mbafford/daylio-markdown-export
``README.md`` @03815d8c and Guekka/DaylioBackupTools (version 15). Each custom mood carries its
1–5 group, so no mapping is asked for: group 1 (rad) is level 5 … group 5 (awful) is level 1.

The JSON also holds the user's Daylio PIN in plain text. Only ``customMoods``, ``tags`` and
``dayEntries`` are read from it; nothing else is looked at, kept, logged or put in a message.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import Counter
from datetime import UTC, datetime, timedelta

from caregiver_app.domain.model import clean_label

from ..i18n import N_, _
from .common import ImportedRow, ImportFormatError, ParseResult, SkippedRow, fingerprint, read_zip_member, zip_members
from .dates import DATE_UNREADABLE, FIRST_YEAR, YEAR_TOO_EARLY
from .daylio import _rich_text_to_plain

WHAT = N_("Daylio backup")
PREDEFINED = {1: "rad", 2: "good", 3: "meh", 4: "bad", 5: "awful"}


def _load(data: bytes) -> dict:
    archive = zip_members(data, WHAT)
    raw = read_zip_member(archive, "backup.daylio", WHAT)
    try:
        document = json.loads(base64.b64decode(raw.strip(), validate=False).decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError, RecursionError):
        raise ImportFormatError(_("The journal inside this Daylio backup could not be read.")) from None
    if not isinstance(document, dict) or not isinstance(document.get("dayEntries"), list):
        raise ImportFormatError(_("The journal inside this Daylio backup could not be read."))
    # Keep only what an import needs; the rest (the PIN among it) is dropped here.
    return {key: document.get(key) for key in ("customMoods", "tags", "dayEntries")}


def _moods(items: object) -> dict[int, tuple[int, str]]:
    moods: dict[int, tuple[int, str]] = {}
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), int):
            continue
        predefined = item.get("predefined_name_id")
        group = item.get("mood_group_id")
        name = clean_label(str(item.get("custom_name") or ""))
        if isinstance(predefined, int) and predefined in PREDEFINED:
            group = group if isinstance(group, int) and 1 <= group <= 5 else predefined
            name = name or PREDEFINED[predefined]
        if isinstance(group, int) and 1 <= group <= 5 and name:
            moods[item["id"]] = (6 - group, name)
    return moods


def _when(item: dict) -> tuple[datetime, int | None]:
    stamp, offset = item.get("datetime"), item.get("timeZoneOffset")
    if isinstance(stamp, int) and not isinstance(stamp, bool):
        offset_ms = offset if isinstance(offset, int) and abs(offset) <= 18 * 3_600_000 else 0
        instant = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=stamp)
        local = (instant + timedelta(milliseconds=offset_ms)).replace(tzinfo=None)
        return local.replace(second=0, microsecond=0), offset_ms // 60_000
    # No instant: the calendar fields, whose month is 0-based as in Daylio's own example.
    return (
        datetime(int(item["year"]), int(item["month"]) + 1, int(item["day"]), int(item.get("hour", 0)), int(item.get("minute", 0))),
        None,
    )


def parse_daylio_backup(data: bytes) -> ParseResult:
    """Read a ``.daylio`` backup into entries with their mood level, the mood's own name as the
    original (``Daylio “rad”``), tags by name and the note (title and text, rich text made
    plain). Times are the wall clock the phone showed, with the phone's UTC offset kept so the
    instant is exact. Raises :class:`ImportFormatError` for anything else."""
    document = _load(data)
    moods = _moods(document["customMoods"])
    tags = {
        item["id"]: clean_label(str(item.get("name") or ""))
        for item in document["tags"] if isinstance(document["tags"], list)
        if isinstance(item, dict) and isinstance(item.get("id"), int)
    }
    result = ParseResult(kind="daylio-backup")
    seen: Counter[str] = Counter()
    for number, item in enumerate(document["dayEntries"], start=1):
        result.records += 1
        if not isinstance(item, dict):
            result.skipped.append(SkippedRow(number, _("the entry could not be read")))
            continue
        try:
            when, offset = _when(item)
        except (KeyError, TypeError, ValueError, OverflowError):
            result.skipped.append(SkippedRow(number, _(DATE_UNREADABLE)))
            continue
        if when.year < FIRST_YEAR:
            result.skipped.append(SkippedRow(number, _(YEAR_TOO_EARLY)))
            continue
        mood = moods.get(item.get("mood")) if isinstance(item.get("mood"), int) else None
        if mood is None:
            result.skipped.append(SkippedRow(number, _("the mood is not one of the backup's moods")))
            continue
        level, name = mood
        names = tuple(
            dict.fromkeys(tags[t] for t in item.get("tags") or [] if isinstance(t, int) and tags.get(t))
        )
        title = _rich_text_to_plain(str(item.get("note_title") or ""))
        body = _rich_text_to_plain(str(item.get("note") or ""))
        note = "\n\n".join(part for part in (title, body) if part.strip())
        result.rows.append(
            ImportedRow(
                line=number,
                local_datetime=when,
                fingerprint=fingerprint("daylio-backup/1", [when.isoformat(), offset, name, list(names), note], seen),
                mood_level=level,
                mood_label=name,
                original=f"Daylio \u201c{name}\u201d",
                note=note,
                tags=tuple((n, "activity") for n in names),
                utc_offset_minutes=offset,
            )
        )
    result.notes.append(_("Photos in the backup are not imported."))
    return result
