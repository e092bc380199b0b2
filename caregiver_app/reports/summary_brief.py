"""Page one of the visit summary: the brief a clinician reads in two minutes.

What changed since the previous period of the same length: mood (with the best and hardest
days), sleep, symptoms that rose or fell, the latest PHQ-9/GAD-7 with the change, medication
changes and missed doses, the person's own warning signs seen, entries flagged to bring up, and
the questions for this visit.

The brief always fits on one page: it is laid out at the most detailed level that fits (fewer
days, symptoms and excerpts at each step down); questions that still do not fit continue at the
end of the document, and as a last resort the page is scaled down to fit.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from ..domain.model import MoodLevel
from ..domain.summary import (
    Brief,
    NotableDay,
    Section,
    SymptomChange,
    VisitSummaryData,
)
from ..domain.summary_rules import make_brief
from .charts import ACCENT, GRID, MUTED, RULE
from .layout import (
    Styles,
    format_count,
    format_date,
    format_decimal,
    format_hours,
    format_range,
    format_time,
    label_markup,
    mood_word,
    plural,
)
from .text import clean_text, markup, shorten

TITLE = "Visit summary"


@dataclass(frozen=True)
class Detail:
    """How much page one shows at one level of detail."""

    days: int
    symptoms: int
    flagged: int
    excerpt: int
    signs: int
    med_lines: int


LEVELS = (
    Detail(days=3, symptoms=5, flagged=5, excerpt=170, signs=5, med_lines=5),
    Detail(days=3, symptoms=4, flagged=4, excerpt=110, signs=4, med_lines=4),
    Detail(days=2, symptoms=3, flagged=3, excerpt=70, signs=3, med_lines=3),
    Detail(days=2, symptoms=3, flagged=2, excerpt=0, signs=3, med_lines=3),
    Detail(days=1, symptoms=2, flagged=0, excerpt=0, signs=2, med_lines=2),
)


def brief_of(data: VisitSummaryData) -> Brief:
    """``data.brief``, or one worked out from the data itself (no previous period known)."""
    if data.brief is not None:
        return data.brief
    return make_brief(list(data.entries), [], data.start, data.end, current_points=data.days,
                      current_stats=data.symptoms)


# --- wording --------------------------------------------------------------------------------------


def _mood_value(value: float | None) -> str:
    return "No mood recorded" if value is None else f"{format_decimal(value)} ({mood_word(value)})"


def _mood_change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "–"
    diff = now - before
    if abs(diff) < 0.25:
        return "About the same"
    return f"▲ {format_decimal(diff)} higher (better)" if diff > 0 else f"▼ {format_decimal(-diff)} lower (worse)"


def _sleep_value(value: float | None) -> str:
    return "No sleep recorded" if value is None else f"{format_decimal(value)} h a night"


def _sleep_change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "–"
    diff = now - before
    if abs(diff) < 0.25:
        return "About the same"
    return f"▲ {format_decimal(diff)} h more" if diff > 0 else f"▼ {format_decimal(-diff)} h less"


def _score_change(now: int, before: int | None) -> str:
    if before is None:
        return "First score"
    diff = now - before
    if diff == 0:
        return "Same"
    return f"▲ {diff} higher (worse)" if diff > 0 else f"▼ {-diff} lower (better)"


def _day_words(day: NotableDay) -> str:
    text = f"<b>{format_date(day.day, weekday=True, year=False)}</b> {mood_word(day.mood)} ({format_decimal(day.mood)})"
    extras = []
    if day.sleep_hours is not None:
        extras.append(f"slept {format_hours(day.sleep_hours)} h")
    if day.top_symptom:
        name, severity = day.top_symptom
        extras.append(f"{label_markup(name)} {severity}/10")
    if day.flagged:
        extras.append("flagged")
    return text + (f": {', '.join(extras)}" if extras else "")


def _avg(value: float | None) -> str:
    return "–" if value is None else f"{format_decimal(value)}"


def _symptom_words(change: SymptomChange, period_days: int) -> str:
    name = f"<b>{label_markup(change.name)}</b>"
    if change.kind == "new":
        worst = f", worst {change.current_worst}/10" if change.current_worst is not None else ""
        return f"{name}: new, on {plural(change.current_days, 'day')}, average {_avg(change.current_average)}{worst}"
    if change.kind == "gone":
        return f"{name}: not rated this period (before: {plural(change.previous_days, 'day')}, average " \
               f"{_avg(change.previous_average)})"
    return (f"{name}: average {_avg(change.previous_average)} → {_avg(change.current_average)}, "
            f"days {change.previous_days} → {change.current_days}")


# --- layout ---------------------------------------------------------------------------------------


def _header(data: VisitSummaryData, brief: Brief, styles: Styles, width: float) -> list[Flowable]:
    days = brief.current.length
    period = f"{format_range(data.start, data.end)} ({plural(days, 'day')})"
    previous = f"{format_range(brief.previous.start, brief.previous.end)} (the {plural(days, 'day')} before)"
    if not brief.previous.entry_count:
        previous += ": nothing was recorded then"
    local = data.prepared_at_local
    prepared = f"{format_date(local.date())}, {format_time(local)}"
    by = " ".join(str(data.prepared_by or "").split())
    if by:
        prepared += f" by {label_markup(by)}"
    if str(data.time_zone or "").strip():
        prepared += f". Times are local ({label_markup(data.time_zone)})"
        others = [label_markup(z) for z in getattr(data, "other_entry_zones", ())]
        if others:
            prepared += f", except entries written in {', '.join(others)}: they show the clock time there"
        prepared += "."
    scale = " · ".join(f"{level.value} {level.label}" for level in MoodLevel)
    rows = [
        ("For", f"<b>{label_markup(data.person_name)}</b>"),
        ("Period", period),
        ("Compared with", previous),
        ("Prepared", prepared),
        ("Scales", f"Mood on a {label_markup(data.mood_scale_name)} ({scale}). Symptom severity and "
                   f"anxiety 0–10 (0 none, 10 worst imaginable); energy 0–10 (10 full of energy). Sleep in hours."),
    ]
    table = Table([[Paragraph(k, styles.meta_label), Paragraph(v, styles.meta_value)] for k, v in rows],
                  colWidths=[78, width - 78], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.body.fontName, styles.body.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return [Paragraph(TITLE, styles.title), table, Spacer(1, 4),
            HRFlowable(width="100%", thickness=1.4, color=ACCENT, spaceBefore=2, spaceAfter=6)]


def _glance(data: VisitSummaryData, brief: Brief, styles: Styles, width: float) -> list[Flowable]:
    cur, prev = brief.current, brief.previous
    has_prev = prev.entry_count > 0
    head = ["", f"This period<br/>{format_range(cur.start, cur.end)}",
            f"Previous period<br/>{format_range(prev.start, prev.end)}", "Change"]
    rows = [
        ["Mood, daily average (1–5)", _mood_value(cur.mood_average),
         _mood_value(prev.mood_average) if has_prev else "Nothing recorded",
         _mood_change(cur.mood_average, prev.mood_average)],
        ["Sleep, average", _sleep_value(cur.sleep_average),
         _sleep_value(prev.sleep_average) if has_prev else "Nothing recorded",
         _sleep_change(cur.sleep_average, prev.sleep_average)],
        ["Entries", f"{format_count(cur.entry_count)} on {format_count(cur.days_with_entries)} of {plural(cur.length, 'day')}",
         (f"{format_count(prev.entry_count)} on {format_count(prev.days_with_entries)} of {plural(prev.length, 'day')}"
          if prev.entry_count else "None recorded"), ""],
    ]
    for result in data.scores:
        now = f"{result.score} of {result.max_score}"
        if result.band:
            now += f" ({label_markup(result.band)})"
        now += f", {format_date(result.taken_on, year=False)}"
        before = (f"{result.previous_score} of {result.max_score}, {format_date(result.previous_on, year=False)}"
                  if result.previous_score is not None and result.previous_on else "None")
        rows.append([f"{label_markup(result.instrument)}, latest", now, before,
                     _score_change(result.score, result.previous_score)])
    body = [[Paragraph(h, styles.cell_head) for h in head]]
    body += [[Paragraph(f"<b>{r[0]}</b>", styles.cell)] + [Paragraph(c, styles.cell) for c in r[1:]] for r in rows]
    widths = [0.27, 0.25, 0.25, 0.23]
    table = Table(body, colWidths=[w * width for w in widths], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.body.fontName, styles.body.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("BACKGROUND", (0, 0), (-1, 0), GRID),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [table]


def _bullets(items: list[str], styles: Styles, bullet: str = "•") -> list[Flowable]:
    return [Paragraph(item, styles.item, bulletText=bullet) for item in items]


def _excerpt(note: str, limit: int) -> str:
    text = " ".join(clean_text(note).split())
    return markup(shorten(text, limit), line_breaks=False) if text else ""


def _body(data: VisitSummaryData, brief: Brief, styles: Styles, level: Detail,
          question_limit: int | None, appendix_titles: list[str]) -> list[Flowable]:
    story: list[Flowable] = []
    sub = styles.subhead

    if data.is_empty:
        story.append(Paragraph("No journal entries in this period.", styles.empty_title))
        story.append(Paragraph(
            f"Nothing was recorded between {format_date(data.start)} and {format_date(data.end)}. If you "
            f"expected entries here, choose a wider date range and print the summary again.", styles.body))

    for result in data.scores:
        if result.self_harm_item_dates:
            days = ", ".join(format_date(d, year=False) for d in result.self_harm_item_dates)
            story.append(Paragraph(
                f"<b>Safety: {label_markup(result.instrument)} question 9 (thoughts of being better off dead or "
                f"of hurting oneself) was answered above 0 on {days}.</b> Please ask about it at this visit.",
                styles.lead))

    best, worst = brief.best_days[: level.days], brief.worst_days[: level.days]
    if best or worst:
        story.append(Paragraph("Best and hardest days (by daily mood)", sub))
        if worst:
            story += _bullets(["Hardest: " + "; ".join(_day_words(d) for d in worst)], styles)
        if best:
            story += _bullets(["Best: " + "; ".join(_day_words(d) for d in best)], styles)

    rose, fell = brief.rose[: level.symptoms], brief.fell[: level.symptoms]
    if brief.rose or brief.fell:
        story.append(Paragraph("Symptoms that changed (severity 0–10)", sub))
        lines = [f"Rose — {_symptom_words(c, brief.current.length)}" for c in rose]
        lines += [f"Fell — {_symptom_words(c, brief.current.length)}" for c in fell]
        more = len(brief.rose) - len(rose) + len(brief.fell) - len(fell)
        story += _bullets(lines, styles)
        tail = []
        if more:
            tail.append(f"{plural(more, 'more change')} in the symptom table")
        if brief.steady_count:
            tail.append(f"{plural(brief.steady_count, 'other symptom')} about the same")
        if tail:
            story.append(Paragraph("; ".join(tail).capitalize() + ".", styles.small))
    elif data.symptoms:
        story.append(Paragraph("Symptoms", sub))
        story.append(Paragraph(f"No symptom rose or fell much; {plural(len(data.symptoms), 'symptom')} "
                               f"rated (see the symptom table).", styles.body))

    if data.medication_changes or data.missed_doses:
        story.append(Paragraph("Medications", sub))
        lines = [f"{format_date(c.day, year=False)}: {label_markup(c.change)} {label_markup(c.medication)}"
                 + (f" — {markup(shorten(clean_text(c.detail), 80), line_breaks=False)}" if c.detail else "")
                 for c in data.medication_changes[: level.med_lines]]
        extra = len(data.medication_changes) - len(lines)
        if extra > 0:
            lines.append(f"{plural(extra, 'more change')} in the medication list")
        for miss in data.missed_doses[: level.med_lines]:
            of = f" of {miss.scheduled}" if miss.scheduled else ""
            lines.append(f"Missed doses: <b>{label_markup(miss.medication)}</b> {miss.missed}{of}")
        story += _bullets(lines, styles)

    if data.warning_signs:
        story.append(Paragraph("Personal warning signs seen", sub))
        lines = []
        for sign in data.warning_signs[: level.signs]:
            text = f"<b>{label_markup(sign.sign)}</b>: {plural(sign.days, 'day')}"
            if sign.last_seen:
                text += f", last {format_date(sign.last_seen, year=False)}"
            if sign.action:
                text += f" — plan says: {label_markup(sign.action)}"
            lines.append(text)
        extra = len(data.warning_signs) - len(lines)
        if extra > 0:
            lines.append(f"and {plural(extra, 'more sign')}")
        story += _bullets(lines, styles)

    if data.flagged:
        story.append(Paragraph(f"Flagged to bring up ({format_count(len(data.flagged))})", sub))
        shown = data.flagged[: level.flagged]
        lines = []
        for entry in shown:
            text = f"<b>{format_date(entry.local_date, weekday=True, year=False)}</b>"
            excerpt = _excerpt(entry.note, level.excerpt) if level.excerpt else ""
            if excerpt:
                text += f": {excerpt}"
            lines.append(text)
        story += _bullets(lines, styles)
        rest = len(data.flagged) - len(shown)
        if data.wants(Section.FLAGGED):
            note = "In full in the appendix" + (f" ({plural(rest, 'more entry', 'more entries')})." if rest else ".")
            story.append(Paragraph(note, styles.small))

    if data.questions:
        story.append(Paragraph("Questions for this visit", sub))
        shown_q = data.questions if question_limit is None else data.questions[:question_limit]
        story += [Paragraph(markup(q, line_breaks=False), styles.item, bulletText=f"{i}.")
                  for i, q in enumerate(shown_q, start=1)]
        if len(shown_q) < len(data.questions):
            story.append(Paragraph(f"{plural(len(data.questions) - len(shown_q), 'more question')} at the end "
                                   f"of this summary.", styles.small))

    if appendix_titles:
        story.append(Spacer(1, 6))
        story.append(Paragraph("In the appendix: " + " · ".join(markup(t) for t in appendix_titles) + ".",
                               styles.small))
    return story


def _height(flowables: list[Flowable], width: float, avail: float) -> float:
    total = 0.0
    for index, f in enumerate(flowables):
        _, h = f.wrap(width, avail)
        total += h + f.getSpaceAfter() + (f.getSpaceBefore() if index else 0)
    return total


@dataclass
class BriefLayout:
    """Page one's flowables and what did not fit on it (questions continued at the end)."""

    flowables: list[Flowable]
    level: int
    overflow_questions: tuple[str, ...]
    scaled: bool


def brief_page(data: VisitSummaryData, styles: Styles, width: float, height: float,
               appendix_titles: list[str] = ()) -> BriefLayout:
    """Lay out page one for a frame ``width`` × ``height`` points; always one page.
    ``appendix_titles`` are the headings of the appendix sections that will print."""
    appendix_titles = list(appendix_titles)
    brief = brief_of(data)
    head = _header(data, brief, styles, width) + _glance(data, brief, styles, width)
    head_h = _height(head, width, height)
    body: list[Flowable] = []
    for index, level in enumerate(LEVELS):
        body = _body(data, brief, styles, level, None, appendix_titles)
        if head_h + _height(body, width, height) <= height:
            return BriefLayout(head + body, index, (), False)
    last = LEVELS[-1]
    for keep in range(len(data.questions) - 1, -1, -1):
        body = _body(data, brief, styles, last, keep, appendix_titles)
        if head_h + _height(body, width, height) <= height:
            return BriefLayout(head + body, len(LEVELS) - 1, tuple(data.questions[keep:]), False)
    # Still too tall (very long labels): shrink the page to fit rather than spill over.
    frame = KeepInFrame(width, height, content=head + body, mode="shrink")
    return BriefLayout([frame], len(LEVELS) - 1, tuple(data.questions), True)


def questions_continued(questions: tuple[str, ...], first_number: int, styles: Styles) -> list[Flowable]:
    """The questions that did not fit on page one, numbered on from ``first_number``."""
    from .layout import section

    if not questions:
        return []
    story = section("Questions for this visit (continued)", styles)
    story += [Paragraph(markup(q, line_breaks=False), styles.item, bulletText=f"{i}.")
              for i, q in enumerate(questions, start=first_number)]
    return story
