"""Visit summaries: the data (one plain dataclass) and the PDF file built from it."""

from __future__ import annotations

import os
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..domain import timeutil
from ..domain.errors import ValidationError
from ..domain.model import JournalEntry
from ..domain.summary import SummaryEntry, SymptomStat, VisitSummaryData
from ..security.keyfile import fsync_dir
from ..storage import repositories as repo
from .clock import Clock, local_zone_name, utc_now
from .journal import daily_series
from .people import get_person, preparer_name
from .vault import Vault

MAX_RANGE_DAYS = 366 * 20


@dataclass(frozen=True)
class SummaryRequest:
    """Which person and which local calendar dates (inclusive) to summarise."""

    person_id: int
    start: date
    end: date


def check_range(start: date, end: date) -> None:
    """Raise :class:`ValidationError` (plain words) for a backwards or absurd date range."""
    if end < start:
        raise ValidationError("The end date is before the start date. Please swap them.")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValidationError("Please choose a range of 20 years or less.")


def _summary_entry(entry: JournalEntry, person_name: str, tz) -> SummaryEntry:
    local = timeutil.utc_to_local(entry.occurred_at, tz)
    return SummaryEntry(
        local_date=entry.local_date,
        local_time=local.time().replace(second=0, microsecond=0, tzinfo=None),
        recorded_by=entry.recorded_by.describe(person_name),
        mood=entry.mood,
        anxiety=entry.anxiety,
        energy=entry.energy,
        sleep_hours=entry.sleep_hours,
        sleep_quality=entry.sleep_quality,
        symptoms=entry.symptoms,
        tags=tuple(t.name for t in entry.tags),
        note=entry.note,
        flagged=entry.flag_for_visit,
    )


def symptom_stats(entries: list[JournalEntry]) -> list[SymptomStat]:
    """Per symptom: distinct local days rated, mean and worst severity (0–10); most days first,
    then highest mean, then worst."""
    days: dict[str, set[date]] = defaultdict(set)
    values: dict[str, list[int]] = defaultdict(list)
    names: dict[str, str] = {}
    for entry in entries:
        for rating in entry.symptoms:
            key = rating.symptom.casefold()
            names.setdefault(key, rating.symptom)
            days[key].add(entry.local_date)
            values[key].append(rating.severity)
    stats = [
        SymptomStat(names[k], len(days[k]), sum(values[k]) / len(values[k]), max(values[k])) for k in names
    ]
    return sorted(stats, key=lambda s: (-s.days_present, -s.average, -s.worst, s.name.casefold()))


def build_summary(
    vault: Vault,
    request: SummaryRequest,
    *,
    prepared_by: str | None = None,
    zone_name: str = "",
    clock: Clock = utc_now,
) -> VisitSummaryData:
    """Gather everything the visit summary shows. ``prepared_by`` defaults to the vault's saved
    preparer name. Raises :class:`ValidationError` for a bad range, :class:`NotFoundError` for a
    person no longer in the vault."""
    check_range(request.start, request.end)
    tz_name = zone_name or local_zone_name()
    tz = timeutil.zone(tz_name)
    person = get_person(vault, request.person_id)
    with vault.session() as s:
        entries = repo.entries_between(s, request.person_id, request.start, request.end)
    days = daily_series(vault, request.person_id, request.start, request.end)
    rows = [_summary_entry(e, person.display_name, tz) for e in entries]
    now = clock()
    return VisitSummaryData(
        person_name=person.display_name,
        start=request.start,
        end=request.end,
        prepared_at=now,
        prepared_at_local=now.astimezone(tz),
        prepared_by=prepared_by if prepared_by is not None else preparer_name(vault),
        time_zone=tz_name,
        days=tuple(days),
        flagged=tuple(r for r in rows if r.flagged),
        symptoms=tuple(symptom_stats(entries)),
        entries=tuple(rows),
    )


def default_filename(today: date) -> str:
    """A generic file name with no names or health words, e.g. ``visit-summary-2026-11-30.pdf``."""
    return f"visit-summary-{today.isoformat()}.pdf"


def write_summary_pdf(data: VisitSummaryData, path: Path, *, paper: str = "letter") -> Path:
    """Build the PDF and write it to ``path`` atomically (a half-written file never takes the
    name). ``paper`` is ``"letter"`` or ``"a4"``. Raises :class:`ValidationError` for a folder that
    cannot be written."""
    from ..reports.visit_summary import build_visit_summary_pdf  # reportlab loads only when printing

    from reportlab.lib.pagesizes import A4, LETTER

    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"The folder {folder} does not exist.")
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        with open(tmp, "wb") as fh:
            build_visit_summary_pdf(data, fh, pagesize=A4 if paper == "a4" else LETTER)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(folder)
    except PermissionError:
        raise ValidationError(f"This app is not allowed to save in {folder}. Please choose another folder.") from None
    except OSError as exc:
        if getattr(exc, "errno", None) == 28:
            raise ValidationError("The disk is full, so the visit summary could not be saved.") from None
        raise ValidationError("The visit summary could not be saved there. Please choose another place.") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
