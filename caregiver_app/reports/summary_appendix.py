"""The visit summary's appendix: the detail behind page one, in the sections the user chose.

Each function returns flowables for one section, or ``[]`` when the section has nothing to show
(a section is never printed empty). Numbers come from the summary service; mood is the named
5-point scale, severities 0–10, sleep in hours, dates local calendar dates.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from datetime import time

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepInFrame, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from ..domain.model import MoodLevel, SleepQuality, mood_words
from ..domain.summary import Section, SummaryEntry, SymptomStat, VisitSummaryData
from ..i18n import N_, _, ngettext
from . import safety_plan as safety_plan_report
from .charts import GRID, MUTED, RULE
from .ecomap_drawing import build_ecomap_drawing, key_rows, numbered
from .layout import (
    LABEL_MAX_CHARS,
    Barred,
    Styles,
    finite,
    format_date,
    format_decimal,
    format_count,
    format_dose,
    format_hours,
    format_time,
    label_markup,
    mood_word,
    section,
    self_label,
    wrapped_markup,
)
from .text import clean_text, markup, shorten
from .streaming import Stream
from .textblock import BlockStyle, DayBand, Span, TextBlock

# --- entry lines ----------------------------------------------------------------------------------


def _mood_text(entry: SummaryEntry) -> str | None:
    try:
        level = MoodLevel(int(entry.mood)) if entry.mood is not None else None
    except (TypeError, ValueError):
        return None
    if level is None:
        return _("Mood as imported: {words}").format(words=entry.mood_label) if entry.mood_label else None
    return _("Mood {words}").format(words=mood_words(level, entry.mood_label))


ELEVATION_WORDS = (N_("none"), N_("mild"), N_("moderate"), N_("severe"))


def _elevation_text(entry: SummaryEntry) -> str | None:
    level = getattr(entry, "elevation", None)
    if not (isinstance(level, int) and 0 <= level <= 3):
        return None
    return _("Elevated / irritable {level}").format(level=_(ELEVATION_WORDS[level]))


def _sleep_text(entry: SummaryEntry) -> str | None:
    hours = finite(entry.sleep_hours)
    quality_word = None
    if entry.sleep_quality is not None:
        try:
            quality_word = SleepQuality(int(entry.sleep_quality)).label
        except (TypeError, ValueError):
            quality_word = None
    if hours is None and quality_word is None:
        return None
    if hours is None:
        return _("Sleep {quality}").format(quality=quality_word)
    if quality_word:
        return _("Sleep {hours} h, {quality}").format(hours=format_hours(hours), quality=quality_word)
    return _("Sleep {hours} h").format(hours=format_hours(hours))


def _scale_text(message: str, value: object) -> str | None:
    number = finite(value)
    return None if number is None else message.format(value=f"{number:g}")


def measures(entry: SummaryEntry) -> list[str]:
    """The entry's numbers in words: mood, anxiety, energy, sleep."""
    parts = [_mood_text(entry), _elevation_text(entry), _scale_text(_("Anxiety {value}/10"), entry.anxiety),
             _scale_text(_("Energy {value}/10"), entry.energy), _sleep_text(entry)]
    return [p for p in parts if p]


# --- journal sections -----------------------------------------------------------------------------


def _label(text: object) -> str:
    """One-line user text, clean and shortened, for a text block (not markup)."""
    if isinstance(text, str):
        return _clean_label(text)
    return shorten(" ".join(clean_text(text).split()), LABEL_MAX_CHARS)


@functools.lru_cache(maxsize=4096)
def _clean_label(text: str) -> str:
    # The same few names, symptoms and tags come back on every entry of ten years: each is
    # cleaned once per document (forget_labels() empties this after every build).
    return shorten(" ".join(clean_text(text).split()), LABEL_MAX_CHARS)


def forget_labels() -> None:
    """Forget the labels cleaned for the last document, so none of its words stay in memory."""
    _clean_label.cache_clear()


def entry_spans(entry: SummaryEntry, *, with_when: bool) -> list[list[Span]]:
    """An entry as lines of spans: the heading line (when, who, flag, numbers), symptoms, tags,
    then each line of the note."""
    head: list[Span] = []
    if with_when:
        head += [(f"{format_date(entry.local_date, weekday=True)}, {format_time(entry.local_time)}", True),
                 (" · " + _("recorded by") + " ", False)]
    head.append((_label(entry.recorded_by), True))
    if entry.flagged and not with_when:
        head += [(" · ", False), (_("⚑ flagged for visit"), True)]
    numbers = measures(entry)
    if numbers:
        head.append((" · " + " · ".join(numbers), False))
    lines = [head]
    ratings = []
    for rating in entry.symptoms or ():
        severity = finite(getattr(rating, "severity", None))
        name = _label(getattr(rating, "symptom", ""))
        ratings.append(f"{name} {severity:g}/10" if severity is not None else name)
    if ratings:
        lines.append([(_("Symptoms:") + " ", True), (", ".join(ratings), False)])
    for title, names in ((_("Activities:") + " ", entry.tags), (_("Stressors:") + " ", entry.stressors)):
        shown = [t for t in (_label(t) for t in names or ()) if t]
        if shown:
            lines.append([(title, True), (", ".join(shown), False)])
    note = clean_text(entry.note).strip("\n ")
    if note.strip():
        lines += [[(line.rstrip(" "), False)] for line in note.split("\n")]
    return lines


def _block_style(styles: Styles, indent: float, space_before: float) -> BlockStyle:
    body = styles.body
    return BlockStyle(regular=styles.fonts.regular, bold=styles.fonts.bold, size=body.fontSize,
                      leading=body.leading, color=body.textColor, left_indent=indent,
                      space_before=space_before)


def flagged(data: VisitSummaryData, styles: Styles) -> list[Flowable]:
    """Every entry marked "bring this up at the next visit", in full."""
    if not data.flagged:
        return []
    story = section(_("Flagged for this visit"), styles)
    style = _block_style(styles, 8, 0)
    for index, entry in enumerate(data.flagged):
        if index:
            story.append(Spacer(1, 7))
        story.append(Barred(TextBlock(entry_spans(entry, with_when=True), style)))
    return story


def _average(values) -> float | None:
    numbers = [n for n in (finite(v) for v in values) if n is not None]
    return sum(numbers) / len(numbers) if numbers else None


def trend_sentence(data: VisitSummaryData) -> str:
    """One sentence: mean mood and sleep of the period and how many days have entries."""
    mood = _average(d.mood for d in data.days)
    if mood is None:
        mood = _average(e.mood for e in data.entries)
    sleep = _average(d.sleep_hours for d in data.days)
    if sleep is None:
        sleep = _average(e.sleep_hours for e in data.entries)
    mood_part = (_("Mood averaged <b>{word}</b> ({value} of 5)").format(word=mood_word(mood), value=format_decimal(mood))
                 if mood is not None else _("No mood was recorded"))
    sleep_part = (_("sleep averaged <b>{hours} hours</b>").format(hours=format_decimal(sleep)) if sleep is not None
                  else _("no sleep was recorded"))
    days = len(data.entries_by_day())
    span = max((data.end - data.start).days + 1, 0)
    return ngettext("{mood}, {sleep}, and there were entries on {days} of {count} day.",
                    "{mood}, {sleep}, and there were entries on {days} of {count} days.", span).format(
        mood=mood_part, sleep=sleep_part, days=format_count(days), count=format_count(span))


def _averages(data: VisitSummaryData) -> str:
    """The period's mood and sleep averages, the person's own and the family's apart."""
    from ..domain.summary import OBSERVED
    from ..domain.summary_changes import change_rows, stable_mood_words

    rows = [r for r in (data.changes or change_rows(list(data.entries), [], data.start, data.end))
            if not r.is_symptom and r.current is not None]
    parts = []
    for source, who in (("self", _("Their own ratings")), (OBSERVED, _("Family observations"))):
        mood = next((r for r in rows if r.source == source and r.measure.startswith("Mood")), None)
        sleep = next((r for r in rows if r.source == source and r.unit == "h"), None)
        bits = []
        if mood is not None:
            bits.append(ngettext("mood averaged <b>{words}</b> ({value} of 5) on {count} day",
                                 "mood averaged <b>{words}</b> ({value} of 5) on {count} days",
                                 mood.current_days).format(words=stable_mood_words(mood.current),
                                                           value=format_decimal(mood.current),
                                                           count=format_count(mood.current_days)))
        if sleep is not None:
            bits.append(_("sleep averaged <b>{hours} hours</b>").format(hours=format_decimal(sleep.current)))
        if bits:
            parts.append(_("{who}: {averages}.").format(who=who, averages=", ".join(bits)))
    return " ".join(parts) or _("No mood or sleep was recorded in this period.")


def _symptoms_by_source(data: VisitSummaryData, rated, styles: Styles, width: float) -> list[Flowable]:
    story = section(_("Symptoms"), styles)
    days = max((data.end - data.start).days + 1, 0)
    head = [_("Symptom"), _("Whose"), _("Days<br/>(of {count})").format(count=format_count(days)),
            _("Average<br/>(0–10)"), _("Worst<br/>(0–10)"), _("Previous<br/>average"), _("Previous<br/>days")]
    rows = [[Paragraph(h, styles.cell_head if i < 2 else styles.cell_head_num) for i, h in enumerate(head)]]
    for r in rated:
        rows.append([
            Paragraph(label_markup(r.measure), styles.cell),
            Paragraph(_("Family (observed)") if r.source != "self" else self_label(), styles.cell),
            Paragraph(f"{format_count(r.current_days)}", styles.cell_num),
            Paragraph(format_decimal(r.current), styles.cell_num),
            Paragraph(f"{r.worst:g}" if r.worst is not None else "–", styles.cell_num),
            Paragraph(format_decimal(r.previous) if r.previous is not None else "–", styles.cell_num),
            Paragraph(f"{format_count(r.previous_days)}", styles.cell_num),
        ])
    number_ws = _heading_widths(head[2:], [50, 58, 46, 60, 60], styles)  # no heading word is split
    who_w = 84
    table = Table(rows, colWidths=[width - sum(number_ws) - who_w, who_w] + number_ws, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(styles))
    story.append(table)
    story.append(Paragraph(_("Self: the person's own ratings. Family (observed): a family member's observations. "
                             "They are counted apart and never averaged together."), styles.small))
    return story


def _heading_widths(heads: list[str], widths: list[float], styles: Styles) -> list[float]:
    """``widths`` widened where a heading's longest word (in the document's language) would not
    fit on one line of its column (the cell's padding is 9 points)."""
    font, size = styles.cell_head.fontName, styles.cell_head.fontSize
    out = []
    for head, width in zip(heads, widths):
        words = head.replace("<br/>", " ").split()
        out.append(max(width, max((stringWidth(w, font, size) for w in words), default=0) + 10))
    return out


def life_chart(data: VisitSummaryData, styles: Styles, width: float) -> list[Flowable]:
    """The life chart page: one time axis for mood (self and observed apart), elevated /
    irritable, sleep, medicines with dose changes, PHQ-9/GAD-7 and flagged entries."""
    from . import life_chart as chart

    if not chart.has_anything(data):
        return []
    story = section(_("Life chart"), styles, room=None)
    story.append(Paragraph(_averages(data), styles.lead))
    story.append(Paragraph(
        _("Everything on one time line. Shapes and dashes tell the lines apart, so it reads in black and white."),
        styles.small))
    story.append(Spacer(1, 4))
    story.append(chart.build_life_chart(data, width))
    story.append(Spacer(1, 3))
    story.append(Paragraph(markup(chart.caption(data)), styles.small))
    story += [Paragraph(markup(line), styles.small) for line in chart.events_text(data)]
    page = KeepTogether(story)
    page.section_title = _("Life chart")  # named in page one's "After this page" line
    return [page]


def _table_style(styles: Styles, *, header: bool = True) -> TableStyle:
    commands = [
        ("FONT", (0, 0), (-1, -1), styles.body.fontName, styles.body.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1 if header else 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if header:
        commands += [("VALIGN", (0, 0), (-1, 0), "BOTTOM"), ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED)]
    return TableStyle(commands)


def symptoms(data: VisitSummaryData, styles: Styles, width: float) -> list[Flowable]:
    """Each symptom rated in the period: days present, mean and worst severity, and the previous
    period's mean and days; the person's own ratings and family observations in separate rows."""
    if not data.symptoms:
        return []
    rated = sorted((r for r in data.changes if r.is_symptom and r.current is not None),
                   key=lambda r: (-r.current_days, r.measure.casefold(), r.source != "self"))
    if rated:
        return _symptoms_by_source(data, rated, styles, width)
    story = section(_("Symptoms"), styles)
    stats: Sequence[SymptomStat] = sorted(
        data.symptoms, key=lambda s: (-(s.days_present or 0), -(finite(s.worst) or 0), str(s.name).casefold()))
    days = max((data.end - data.start).days + 1, 0)
    rows = [[
        Paragraph(_("Symptom"), styles.cell_head),
        Paragraph(_("Days present<br/>(of {count})").format(count=format_count(days)), styles.cell_head_num),
        Paragraph(_("Average severity<br/>(0–10)"), styles.cell_head_num),
        Paragraph(_("Worst<br/>(0–10)"), styles.cell_head_num),
    ]]
    for stat in stats:
        average, worst = finite(stat.average), finite(stat.worst)
        rows.append([
            Paragraph(label_markup(stat.name), styles.cell),
            Paragraph(f"{format_count(stat.days_present)}", styles.cell_num),
            Paragraph(f"{format_decimal(average)}" if average is not None else "–", styles.cell_num),
            Paragraph(f"{worst:g}" if worst is not None else "–", styles.cell_num),
        ])
    number_ws = _heading_widths([p.text for p in rows[0][1:]], [78, 96, 62], styles)
    table = Table(rows, colWidths=[width - sum(number_ws)] + number_ws, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(styles))
    story.append(table)
    return story


def notes_by_day(data: VisitSummaryData, styles: Styles) -> list[Flowable]:
    """Every entry of the period under its day, with its numbers, symptoms, tags and note.

    Laid out with :class:`~.textblock.TextBlock` (one flowable per entry), so ten years of
    entries take seconds, not minutes; the days are a :class:`~.streaming.Stream`, made as the
    pages are laid out, so ten years never sit in memory as flowables at once."""
    if data.is_empty:
        return []
    # The time sits in the margin: wide enough for the longest time in this document's format
    # ("12:55 p. m." in Spanish 12-hour is twice "08:15").
    widest = max(stringWidth(format_time(time(hour, 55)), styles.fonts.bold, styles.body.fontSize)
                 for hour in (10, 12, 22, 23))
    style = _block_style(styles, max(52.0, widest + 8), 5)
    days = data.entries_by_day()
    worded = [(day, entries) for day, entries in days if any(e.flagged or e.note.strip() for e in entries)]
    plain = [(day, entries) for day, entries in days if not any(e.flagged or e.note.strip() for e in entries)]
    story: list[Flowable] = []
    if worded:
        story += section(_("Notes by day"), styles)
        story.append(Paragraph(_("Days with a note or a flag, in full. Days with numbers only follow in a compact "
                                 "list."), styles.small) if plain else Spacer(1, 0))
        story.append(Stream(lambda: _worded_days(worded, style, styles), sum(2 + len(e) for _day, e in worded)))
    if plain:
        story += numbers_only(plain, styles)
    return story


def _worded_days(days, style: BlockStyle, styles: Styles) -> Iterator[Flowable]:
    for day, entries in days:
        blocks = [TextBlock(entry_spans(entry, with_when=False), style, bullet=format_time(entry.local_time))
                  for entry in entries]
        # A day's heading never sits alone at the foot of a page: it needs room for itself and
        # the first entry's opening lines (up to four); a day that still runs on to the next page
        # has its date repeated in that page's header.
        first_lines = min(len(blocks[0].source), 4)
        yield CondPageBreak(30 + first_lines * style.leading + style.space_before)
        yield DayBand(format_date(day, weekday=True), styles.fonts.bold, 10.5, styles.body.textColor, GRID)
        yield from blocks


def numbers_only(days, styles: Styles) -> list[Flowable]:
    """Days without a note or flag: one compact line per entry (date and time, who, numbers,
    symptoms and tags), so a year of numbers does not bury the notes. The lines are a
    :class:`~.streaming.Stream`, made as the pages are laid out."""
    story = section(_("Days with numbers only"), styles)
    size = 8.2
    widest = max(stringWidth(f"{format_date(day, weekday=True)} {format_time(time(hour, 55))}", styles.fonts.bold, size)
                 for day in (days[0][0], days[-1][0]) for hour in (10, 22))
    style = BlockStyle(regular=styles.fonts.regular, bold=styles.fonts.bold, size=size, leading=10.2,
                       color=styles.body.textColor, left_indent=widest + 8, space_before=1.2)
    story.append(Stream(lambda: _number_lines(days, style), sum(len(entries) for _day, entries in days)))
    return story


def _number_lines(days, style: BlockStyle) -> Iterator[Flowable]:
    for day, entries in days:
        for entry in entries:
            parts = [_label(entry.recorded_by)] + measures(entry)
            ratings = [f"{_label(r.symptom)} {r.severity}/10" for r in entry.symptoms]
            if ratings:
                parts.append(", ".join(ratings))
            tags = [_label(t) for t in (*entry.tags, *entry.stressors)]
            if tags:
                parts.append(", ".join(t for t in tags if t))
            yield TextBlock([[(" · ".join(parts), False)]], style,
                            bullet=f"{format_date(day, weekday=True)} {format_time(entry.local_time)}")


# --- sections fed by other parts of the app -------------------------------------------------------


def _simple_table(styles: Styles, width: float, head: list[str], rows: list[list[str]],
                  widths: list[float]) -> Table:
    scale = width / sum(widths)
    body = [[Paragraph(h, styles.cell_head) for h in head]]
    body += [[Paragraph(cell, styles.cell) for cell in row] for row in rows]
    table = Table(body, colWidths=[w * scale for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(styles))
    return table


def scores(data: VisitSummaryData, styles: Styles, width: float) -> list[Flowable]:
    """Every PHQ-9 / GAD-7 result in the period, newest first."""
    if not data.scores:
        return []
    story = section(_("PHQ-9 and GAD-7 scores"), styles)
    rows = []
    for result in data.scores:
        history = result.history or ((result.taken_on, result.score),)
        for day, score in sorted(history, reverse=True):
            rows.append([label_markup(result.instrument), format_date(day),
                         _("{score} of {maximum}").format(score=score, maximum=result.max_score)])
    story.append(_simple_table(styles, width, [_("Questionnaire"), _("Date"), _("Score")], rows, [3, 3, 3]))
    story.append(Spacer(1, 3))
    story.append(Paragraph(_("PHQ-9 bands: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, "
                             "20–27 severe (Kroenke et al., 2001). GAD-7 bands: 0–4 minimal, 5–9 mild, "
                             "10–14 moderate, 15–21 severe (Spitzer et al., 2006)."), styles.small))
    return story


def medications(data: VisitSummaryData, styles: Styles, width: float) -> list[Flowable]:
    """The current medication list and the changes in the period."""
    if not (data.medications or data.medication_changes):
        return []
    story = section(_("Medications"), styles)
    if data.medications:
        def taken(m) -> str:
            since = _("Since {date}").format(date=format_date(m.since)) if m.since else ""
            if m.stopped is None:
                return since
            stopped = "<b>" + _("Stopped {date}").format(date=format_date(m.stopped)) + "</b>"
            return stopped + ("<br/>" + _("(since {date})").format(date=format_date(m.since)) if since else "")

        rows = [[label_markup(m.name), label_markup(format_dose(m.dose)), label_markup(m.how), label_markup(m.purpose), taken(m)]
                for m in data.medications]
        story.append(_simple_table(styles, width, [_("Medication"), _("Dose"), _("How taken"), _("For"), _("Taken")], rows,
                                   [3.0, 1.8, 2.6, 2.0, 2.0]))
    if data.medication_changes:
        story.append(Paragraph(_("Changes in this period"), styles.subhead))
        for change in data.medication_changes:
            text = f"<b>{format_date(change.day)}</b> · {label_markup(change.change)}: {label_markup(change.medication)}"
            if change.detail:
                text += f" — {markup(change.detail, line_breaks=False)}"
            story.append(Paragraph(text, styles.item, bulletText="•"))
    return story


def care_team(data: VisitSummaryData, styles: Styles, width: float) -> list[Flowable]:
    """The care team and support contacts."""
    if not data.contacts:
        return []
    story = section(_("Care team contacts"), styles)
    rows = []
    column = width * 3 / 11 - 9  # the cell's width less its padding
    font, size = styles.cell.fontName, styles.cell.fontSize

    def wrapped(text: str) -> str:
        return wrapped_markup(text, column, font, size)

    for c in data.contacts:
        who = f"<b>{label_markup(c.name)}</b>"
        if c.organization:
            who += f"<br/>{label_markup(c.organization)}"
        reach = "<br/>".join(wrapped(v) for v in (c.phone, c.email) if v)
        rows.append([who, label_markup(c.role), reach, wrapped(c.note) if c.note else ""])
    story.append(_simple_table(styles, width, [_("Name"), _("Role"), _("Phone and email"), _("Notes")], rows,
                               [3, 2, 3, 3]))
    return story


def safety_plan(data: VisitSummaryData, styles: Styles, width: float, height: float) -> list[Flowable]:
    """The person's safety plan on a page of its own, laid out by the safety-plan report and
    scaled to fit the page."""
    if data.safety_plan is None:
        return []
    _size, content = safety_plan_report.fitted_story(data.safety_plan, styles.fonts, width, height)
    return [PageBreak(), _Marker(_("Safety plan")), KeepInFrame(width, height, content, mode="shrink")]


class _Marker(Flowable):
    """Zero-size: tells the running header which section a page belongs to."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.section_title = title

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def ecomap(data: VisitSummaryData, styles: Styles, width: float, height: float) -> list[Flowable]:
    """The ecomap drawing on a page of its own (drawn by the ecomap report)."""
    if data.ecomap is None:
        return []
    story = [PageBreak(), *section(_("Ecomap (support network)"), styles, room=None)]
    story.append(Paragraph(_("The person is in the middle. Line styles show how strong or stressful each tie "
                             "is (see the key under the map)."), styles.small))
    story.append(Spacer(1, 6))
    map_h = min(height * 0.8, width * 1.05)
    story.append(build_ecomap_drawing(data.ecomap, width=width, height=map_h))
    if numbered(data.ecomap, width, map_h):
        # Too many contacts for names in the boxes at a readable size: numbered boxes and
        # every full name in a key, so no name is cut short.
        story.append(Spacer(1, 6))
        story.append(Paragraph(_("Who is who: each box on the map has the number shown here."), styles.small))
        rows = [[number, f"<b>{label_markup(name)}</b>", label_markup(role)]
                for number, name, role in key_rows(data.ecomap)]
        story.append(_simple_table(styles, width, [_("No."), _("Name"), _("Role and group")], rows, [1, 6, 5]))
    return story


def appendix(data: VisitSummaryData, styles: Styles, width: float, height: float = 650.0) -> list[Flowable]:
    """Every chosen section with something to show, in the appendix order."""
    builders = {
        Section.CHARTS: lambda: life_chart(data, styles, width),
        Section.SYMPTOMS: lambda: symptoms(data, styles, width),
        Section.SCORES: lambda: scores(data, styles, width),
        Section.FLAGGED: lambda: flagged(data, styles),
        Section.NOTES: lambda: notes_by_day(data, styles),
        Section.MEDICATIONS: lambda: medications(data, styles, width),
        Section.CARE_TEAM: lambda: care_team(data, styles, width),
        Section.SAFETY_PLAN: lambda: safety_plan(data, styles, width, height),
        Section.ECOMAP: lambda: ecomap(data, styles, width, height),
    }
    from ..domain.summary import SECTION_ORDER

    story: list[Flowable] = []
    for key in SECTION_ORDER:
        if data.wants(key):
            story += builders[key]()
    return story + imported_moods(data, styles, width)


def imported_moods(data: VisitSummaryData, styles: Styles, width: float) -> list[Flowable]:
    """How the mood words of imported entries were read on this app's 5-point scale, once."""
    seen: dict[tuple[str, int], int] = {}
    for e in data.entries:
        if e.mood_label and e.mood is not None:
            key = (_label(e.mood_label), int(e.mood))
            seen[key] = seen.get(key, 0) + 1
    if not seen:
        return []
    story = section(_("How imported moods were read"), styles)
    story.append(Paragraph(_("Entries imported from another app keep their own mood words. This is the level each "
                             "word was given on this app's 5-point scale."), styles.small))
    rows = [[label_markup(words), f"{MoodLevel(level).label} ({level}/5)", str(count)]
            for (words, level), count in sorted(seen.items(), key=lambda kv: (-kv[0][1], kv[0][0].casefold()))]
    story.append(_simple_table(styles, width, [_("As the other app wrote it"), _("Read as"), _("Entries")], rows,
                               [5, 3, 1.5]))
    return story
