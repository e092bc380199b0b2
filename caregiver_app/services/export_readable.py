"""The whole journal as one readable web page for the family (HTML, one file, no scripts).

Every entry, oldest first, grouped by day: the time, who wrote it, the mood (with the other app's
original words when it was imported), anxiety, energy, sleep, symptoms with their severity,
the doses recorded, activities, stressors and the note with its line breaks. Medications with
their dose history and the questionnaire scores come first. Everything the user wrote is
HTML-escaped, so a note can never change the page. Dates are ISO (``2026-03-08``) and times are
24-hour, readable in every country. Opens in any browser and prints cleanly.
"""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import date
from pathlib import Path

from ..domain import timeutil
from ..domain.model import JournalEntry, TagKind, mood_words
from ..i18n import _, language, ngettext
from ..reports.formatting import ReportFormat
from ..storage.repos import journal as repo
from ..storage.repos import medications as medications_repo
from .clock import Clock, local_zone_name, utc_now
from .export_files import JournalExport, export_path, write_export
from .medications import list_medications
from .people import get_person
from .scores import list_scores
from .vault import Vault, session_of

_STYLE = """
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 1.4em 0 0.3em; }
.entry { margin: 0 0 1em 0; padding: 0.4em 0.8em; border-left: 4px solid #777; }
.note { white-space: pre-wrap; margin: 0.3em 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0.3em 0; }
dt { font-weight: 600; } dd { margin: 0; }
@media print { .entry { break-inside: avoid; } }
"""


def default_filename(today: date) -> str:
    """A generic name with no names or health words: ``journal-2026-12-06.html``."""
    return f"journal-{today.isoformat()}.html"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _fields(entry: JournalEntry, doses: list[str], person_name: str) -> list[tuple[str, str]]:
    rows = [(_("Written by"), entry.recorded_by.describe(person_name))]
    if entry.mood is not None or entry.mood_label:
        rows.append((_("Mood"), mood_words(entry.mood, entry.mood_label)))
    if entry.anxiety is not None:
        rows.append((_("Anxiety"), f"{entry.anxiety}/10"))
    if entry.energy is not None:
        rows.append((_("Energy"), f"{entry.energy}/10"))
    if entry.sleep_hours is not None or entry.sleep_quality is not None:
        parts = [_("{hours} hours").format(hours=f"{entry.sleep_hours:g}") if entry.sleep_hours is not None else "",
                 entry.sleep_quality.label if entry.sleep_quality is not None else ""]
        rows.append((_("Sleep"), ", ".join(p for p in parts if p)))
    if entry.symptoms:
        rows.append((_("Symptoms"), "; ".join(f"{r.symptom} {r.severity}/10" for r in entry.symptoms)))
    if doses:
        rows.append((_("Medicines"), "; ".join(doses)))
    for kind, label in ((TagKind.ACTIVITY, _("Activities")), (TagKind.STRESSOR, _("Stressors"))):
        names = [t.name for t in entry.tags if t.kind is kind]
        if names:
            rows.append((label, ", ".join(names)))
    if entry.flag_for_visit:
        rows.append((_("For the next visit"), _("yes")))
    return rows


def render(vault: Vault, person_id: int, *, zone_name: str = "", clock: Clock = utc_now,
           fmt: ReportFormat | None = None) -> tuple[str, int]:
    """The page's HTML and the number of entries in it; dates and times in ``fmt`` (the locale
    and hour cycle; the default report format when None). Raises :class:`NotFoundError` for a
    person no longer in the vault."""
    fmt = fmt or ReportFormat()
    zone_name = zone_name or local_zone_name()
    tz = timeutil.zone(zone_name)
    person = get_person(vault, person_id)
    meds = list_medications(vault, person_id)
    names = {m.id: m.name for m in meds}
    with session_of(vault) as s:
        entries = repo.entries_between(s, person_id, date.min, date.max)
        doses = {e.id: medications_repo.doses_for_entry(s, e.id) for e in entries}
    today = fmt.date(clock().astimezone(tz).date())
    count = ngettext("{count} entry, oldest first.", "{count} entries, oldest first.", len(entries)).format(
        count=fmt.integer(len(entries)))
    out = ["<!DOCTYPE html>", f'<html lang="{language()}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>" + _e(_("Journal ({date})").format(date=today)) + f"</title><style>{_STYLE}</style></head><body>",
           "<h1>" + _e(_("{name}: the whole journal").format(name=person.display_name)) + "</h1>",
           "<p>" + _e(" ".join((_("Saved on {date}.").format(date=today), count,
                               _("Times are as they were on the clock when each entry was written."),
                               _("Mood is on a 5-point scale (1 very low to 5 very good); other scales are 0 to 10."))))
           + "</p>"]
    if meds:
        out.append("<h2>" + _e(_("Medicines")) + "</h2><ul>")
        for med in meds:
            steps = "; ".join(_e(_("from {date}: {dose}").format(date=fmt.date(c.effective_from), dose=c.text))
                              for c in med.history)
            stopped = " " + _e(_("(stopped {date})").format(date=fmt.date(med.stop_date))) if med.stop_date else ""
            out.append(f"<li><strong>{_e(med.name)}</strong>{stopped}: {steps}</li>")
        out.append("</ul>")
    scores = sorted(list_scores(vault, person_id), key=lambda sc: sc.taken_on)
    if scores:
        out.append("<h2>" + _e(_("Questionnaires")) + "</h2><ul>")
        out.extend(f"<li>{fmt.date(sc.taken_on)}: {_e(sc.describe())}</li>" for sc in scores)
        out.append("</ul>")
    out.append("<h2>" + _e(_("Journal")) + "</h2>")
    by_day: dict[date, list[JournalEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.local_date].append(entry)
    if not entries:
        out.append("<p>" + _e(_("No entries yet.")) + "</p>")
    for day in sorted(by_day):
        out.append(f"<h3>{_e(fmt.date(day, weekday=True))}</h3>")
        for entry in sorted(by_day[day], key=lambda e: e.occurred_at):
            local = entry.wall_clock(tz)
            gone = _("a medicine no longer listed")
            dose_text = [f"{names.get(d.medication_id) or gone} {d.status.label}"
                         for d in doses.get(entry.id, [])]
            out.append(f'<div class="entry"><strong>{_e(fmt.time(local))}</strong><dl>')
            out.extend(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in _fields(entry, dose_text, person.display_name))
            out.append("</dl>")
            if entry.note.strip():
                out.append(f'<p class="note">{_e(entry.note)}</p>')
            out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out), len(entries)


def write_readable(vault: Vault, person_id: int, path: Path, *, zone_name: str = "", clock: Clock = utc_now,
                   fmt: ReportFormat | None = None) -> JournalExport:
    """Write the page (dates and times in ``fmt``) to ``path`` (``.html`` added when missing),
    privately and atomically. Raises :class:`ValidationError` for a missing folder, no
    permission or a full disk."""
    path = export_path(path, ".html")
    page, count = render(vault, person_id, zone_name=zone_name, clock=clock, fmt=fmt)
    write_export(path, page.encode("utf-8"), "the journal")
    return JournalExport(path, count)
