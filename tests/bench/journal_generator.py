"""A generated multi-year journal for benchmarks: about three entries a day, with symptoms,
tags, sleep, a family member's observations and flagged entries. Deterministic (seeded)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.domain.model import (
    JournalEntry,
    MoodLevel,
    Recorder,
    SleepQuality,
    SymptomRating,
    Tag,
    TagKind,
)
from caregiver_app.domain.symptoms import STARTER_SYMPTOM_NAMES
from caregiver_app.domain.timeutil import local_to_utc
from caregiver_app.storage.repos import journal as repo
from caregiver_app.services.vault import session_of

WORDS = (
    "slept walked talked called felt tired calm worried better worse kitchen garden doctor sister "
    "morning evening appetite headache quiet restless laughed cried music tea rain sunny bus church "
    "medicine forgot remembered visit friend neighbour dog park shower breakfast dinner"
).split()
# Some notes end with a sentence in Chinese or Thai, written without spaces (issue 18): a second
# random stream picks them, so the English notes and everything else stay as they were.
SENTENCES = ("今天头痛很厉害", "昨天睡得很好", "和姐姐去公园散步", "วันนี้ปวดหัวมาก", "นอนไม่หลับทั้งคืน")
ACTIVITIES = ["walk", "time outside", "talked with someone", "exercise", "reading", "cooking", "music", "church"]
STRESSORS = ["family pressure", "work", "money", "loneliness", "poor sleep", "missed appointment"]


def generate_entries(person_id: int, end: date, years: int = 10, per_day: int = 3, seed: int = 7) -> list[JournalEntry]:
    """Entries for ``years`` years ending on ``end`` (local dates, America/New_York)."""
    rng = random.Random(seed)
    mixed = random.Random(seed + 1)
    tz = ZoneInfo("America/New_York")
    start = end - timedelta(days=365 * years)
    entries: list[JournalEntry] = []
    day = start
    mood = 3.0
    while day <= end:
        mood = min(5.0, max(1.0, mood + rng.uniform(-0.6, 0.6)))
        for slot in range(per_day):
            if rng.random() < 0.08:
                continue  # some gaps, like real life
            wall = datetime(day.year, day.month, day.day, [8, 14, 21][slot % 3], rng.randrange(60))
            instant, local_date = local_to_utc(wall, tz, strict=False)
            family = rng.random() < 0.2
            symptoms = tuple(
                SymptomRating(name, rng.randrange(11))
                for name in rng.sample(STARTER_SYMPTOM_NAMES, rng.choice([0, 0, 1, 2, 3]))
            )
            tags = tuple(Tag(a, TagKind.ACTIVITY) for a in rng.sample(ACTIVITIES, rng.randrange(3))) + tuple(
                Tag(s, TagKind.STRESSOR) for s in rng.sample(STRESSORS, rng.choice([0, 0, 1]))
            )
            entries.append(
                JournalEntry(
                    id=None,
                    person_id=person_id,
                    occurred_at=instant,
                    local_date=local_date,
                    recorded_by=Recorder.family("Ana") if family else Recorder.person(),
                    mood=MoodLevel(round(mood)),
                    anxiety=rng.randrange(11) if rng.random() < 0.5 else None,
                    energy=rng.randrange(11) if rng.random() < 0.5 else None,
                    sleep_hours=round(rng.uniform(3, 10) * 4) / 4 if slot == 0 else None,
                    sleep_quality=SleepQuality(rng.randrange(1, 4)) if slot == 0 else None,
                    note=" ".join(rng.choice(WORDS) for _ in range(rng.randrange(5, 40))).capitalize() + "."
                    + (" " + mixed.choice(SENTENCES) if mixed.random() < 0.1 else ""),
                    flag_for_visit=rng.random() < 0.02,
                    symptoms=symptoms,
                    tags=tags,
                )
            )
        day += timedelta(days=1)
    return entries


def fill_vault(vault, person_id: int, end: date, years: int = 10) -> int:
    """Write a generated journal into ``vault`` in one transaction; returns the entry count."""
    entries = generate_entries(person_id, end, years)
    with session_of(vault) as s:
        return repo.bulk_insert_entries(s, entries, datetime.now(tz=ZoneInfo("UTC")))


def generate_doses(entries: list[JournalEntry], medication_ids: list[int], seed: int = 11) -> list[list[DoseRecord]]:
    """Doses for ``entries`` (one list per entry, in order): about half the entries record one
    or all of ``medication_ids``, mostly taken, now and then missed or extra."""
    rng = random.Random(seed)
    doses: list[list[DoseRecord]] = []
    for _entry in entries:
        chosen = rng.sample(medication_ids, rng.choice([0, 0, 1, len(medication_ids)]))
        doses.append([DoseRecord(mid, rng.choices(list(DoseStatus), weights=(90, 7, 3))[0]) for mid in chosen])
    return doses
