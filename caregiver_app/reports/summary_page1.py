"""The parts of page one, in the order a clinician with two minutes needs them (issue 13):
who, the safety box, the family's questions, what changed, scores, medications, and the
person's own warning signs. :mod:`.summary_brief` fits them on the page.

Every number comes from :class:`~caregiver_app.domain.summary.VisitSummaryData`; nothing here
computes anything clinical. Self-report and observation stay in separate, labelled rows.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..domain.summary import OBSERVED, ChangeRow, ScoreResult, VisitSummaryData
from ..domain.summary_changes import change_rows, stable_mood_words
from .charts import GRID, MUTED, RULE
from .layout import Styles, format_date, format_decimal, format_dose, format_hours, label_markup, plural
from .text import markup

PHQ_ANSWERS = ("not at all", "several days", "more than half the days", "nearly every day")
"""The PHQ-9 answer words for 0–3 (Kroenke et al. 2001)."""

QUESTIONS_ON_PAGE_ONE = 3


def _table(rows: list[list[Flowable]], widths: list[float], styles: Styles, header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), styles.body.fontName, 8.6),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), GRID), ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
                  ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]
    table.setStyle(TableStyle(style))
    return table


# --- 2. safety ------------------------------------------------------------------------------------


def safety_box(data: VisitSummaryData, styles: Styles, width: float, notes_max: int = 5) -> list[Flowable]:
    """A boxed "Safety first" block when there is anything; one quiet line when there is not.
    At most ``notes_max`` flagged entries are quoted; the rest are counted."""
    box = data.safety
    if data.safety_plan is not None or box.plan_saved_on:
        plan = f"A safety plan is on file{', last saved ' + format_date(box.plan_saved_on) if box.plan_saved_on else ''}."
    else:
        plan = "No safety plan is on file."
    if box.is_empty:
        return [Paragraph(f"<b>Safety:</b> no PHQ-9 question 9 answer above 0 and no flagged entry matching an "
                          f"emergency or crisis sign in this period. {plan}", styles.small)]
    lines = []
    for day, answer in box.item9:
        words = PHQ_ANSWERS[answer] if 0 <= answer < len(PHQ_ANSWERS) else str(answer)
        lines.append(f"<b>PHQ-9 question 9</b> (thoughts of being better off dead or of hurting oneself) answered "
                     f"<b>{answer} of 3, “{words}”</b> on {format_date(day)}.")
    for note in box.notes[:notes_max]:
        article = "an" if note.sign[:1].lower() in "aeiou" else "a"  # "an emergency sign", "a crisis sign"
        text = f"<b>{format_date(note.day, weekday=True)}</b>, written by {label_markup(note.who)} " \
               f"(matches {article} {label_markup(note.sign)})"
        if note.excerpt:
            text += f": “{markup(note.excerpt, line_breaks=False)}”"
        lines.append(text)
    more = len(box.notes) - min(len(box.notes), notes_max)
    if more:
        lines.append(f"{plural(more, 'more flagged entry', 'more flagged entries')} like these, in full under "
                     f"“Flagged for this visit”.")
    lines.append(plan + " Please ask about safety at this visit.")
    inner = [Paragraph("Safety first", styles.brief_head)]
    inner += [Paragraph(line, styles.brief_item, bulletText="•") for line in lines]
    table = Table([[inner]], colWidths=[width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.body.fontName, styles.body.fontSize),
        ("BOX", (0, 0), (-1, -1), 1.6, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return [table]


# --- 3. questions ---------------------------------------------------------------------------------


def questions(data: VisitSummaryData, styles: Styles, limit: int) -> list[Flowable]:
    """The first ``limit`` questions, numbered, and where the rest are (page 2)."""
    if not data.questions:
        return []
    shown = data.questions[:limit]
    story = [Paragraph("The family's questions for this visit", styles.brief_head)]
    story += [Paragraph(markup(q, line_breaks=False), styles.brief_item, bulletText=f"{i}.")
              for i, q in enumerate(shown, start=1)]
    rest = len(data.questions) - len(shown)
    if rest:
        story.append(Paragraph(f"{plural(rest, 'more question')} at the top of page 2.", styles.small))
    return story


# --- 4 and 5. what changed, self-report and observation apart -------------------------------------


def _value(row: ChangeRow, value: float | None, days: int | None = None, when=None) -> str:
    if value is None:
        return "–"
    text = f"<b>{format_hours(round(value, 1))} h</b>" if row.unit == "h" else f"<b>{format_decimal(value)}</b>"
    if days is not None:
        text += f" <font size=7.5>· {plural(days, 'day')}</font>"
    if when is not None:
        text += f" <font size=7.5>· {format_date(when, year=False)}</font>"
    if row.measure.startswith("Mood"):
        text += f"<br/><font size=7.5>{stable_mood_words(value)}</font>"
    return text


def _change(row: ChangeRow) -> str:
    diff = row.change
    if diff is None:
        return "new this period" if row.previous is None else "not rated now"
    if abs(diff) < 0.05 * row.scale:
        return "about the same"
    better = (diff > 0) == row.higher_is_better
    amount = f"{format_hours(round(abs(diff), 1))} h" if row.unit == "h" else format_decimal(abs(diff))
    return f"{'▲' if diff > 0 else '▼'} {amount} {'better' if better else 'worse'}"


def _who(row: ChangeRow) -> str:
    return "Family" if row.source == OBSERVED else "Self"


def what_changed(data: VisitSummaryData, styles: Styles, width: float, symptoms: int,
                 legend: bool = True) -> list[Flowable]:
    """Mood, anxiety, energy and sleep, then the symptoms that moved most, largest change first;
    every row says whose numbers it holds."""
    changes = data.changes
    if not changes and data.brief is None:  # hand-made data: work it out from the entries
        changes = change_rows(list(data.entries), [], data.start, data.end)
    headline = [r for r in changes if not r.is_symptom]
    moved = [r for r in changes if r.is_symptom][:symptoms]
    if not headline and not moved:
        return []
    head = ["Measure", "Whose", "This period", "Previous period", "Last 14 days", "Hardest 7 days, from", "Change"]
    rows = [[Paragraph(h, styles.cell_head) for h in head]]
    for row in headline + moved:
        name = label_markup(row.measure)
        hardest = _value(row, row.hardest7, when=row.hardest7_start)
        rows.append([Paragraph(f"<b>{name}</b>", styles.cell_small), Paragraph(_who(row), styles.cell_small),
                     Paragraph(_value(row, row.current, row.current_days), styles.cell_small),
                     Paragraph(_value(row, row.previous, row.previous_days), styles.cell_small),
                     Paragraph(_value(row, row.last14), styles.cell_small),
                     Paragraph(hardest, styles.cell_small),
                     Paragraph(_change(row), styles.cell_small)])
    shares = [0.15, 0.08, 0.2, 0.17, 0.11, 0.15, 0.14]
    story = [Paragraph("What changed, largest change first", styles.brief_head),
             _table(rows, [s * width for s in shares], styles)]
    if not legend:
        story.append(Paragraph("Self: the person's own ratings; Family: a family member's observations.", styles.small))
        return story
    story.append(Paragraph(
        f"Mood 1–5 ({label_markup(data.mood_scale_name)}, 5 very good); anxiety and symptoms 0–10 (10 worst); "
        "energy 0–10 (10 full of energy). Self: the person's own ratings; Family: a family member's observations "
        "(never averaged together).", styles.small))
    return story


# --- 6. scores ------------------------------------------------------------------------------------


def _score(value: int | None, of: int, band: str, day) -> str:
    if value is None:
        return "none"
    text = f"<b>{value}</b> of {of}"
    if band:
        text += f", {label_markup(band)}"
    if day is not None:
        text += f" <font size=7.5>· {format_date(day, year=False)}</font>"
    return text


def _score_change(result: ScoreResult) -> str:
    if result.previous_score is None:
        return "no score in the previous period"
    diff = result.score - result.previous_score
    if diff == 0:
        return "same"
    return f"▲ {diff} higher (worse)" if diff > 0 else f"▼ {-diff} lower (better)"


def scores(data: VisitSummaryData, styles: Styles, width: float) -> list[Flowable]:
    """Latest, peak and previous-period PHQ-9/GAD-7 scores, each with its band."""
    if not data.scores:
        return []
    head = ["Questionnaire", "Latest", "Highest this period", "Previous period (latest)", "Change"]
    rows = [[Paragraph(h, styles.cell_head) for h in head]]
    for r in data.scores:
        rows.append([
            Paragraph(f"<b>{label_markup(r.instrument)}</b> ({plural(len(r.history) or 1, 'time')})", styles.cell_small),
            Paragraph(_score(r.score, r.max_score, r.band, r.taken_on), styles.cell_small),
            Paragraph(_score(r.peak, r.max_score, r.peak_band, r.peak_on), styles.cell_small),
            Paragraph(_score(r.previous_score, r.max_score, r.previous_band, r.previous_on), styles.cell_small),
            Paragraph(_score_change(r), styles.cell_small),
        ])
    shares = [0.17, 0.2, 0.24, 0.23, 0.16]
    return [Paragraph("PHQ-9 and GAD-7 scores", styles.brief_head), _table(rows, [s * width for s in shares], styles)]


# --- 7. medications -------------------------------------------------------------------------------


def medications(data: VisitSummaryData, styles: Styles, lines_max: int) -> list[Flowable]:
    """The regimen, changes with their reasons, doses taken per medicine, clustered misses and
    extra doses."""
    lines = []
    taking = []
    for med in data.medications:
        if med.stopped is not None:
            continue
        how = f", {label_markup(med.how)}" if med.how else ""
        taking.append(f"<b>{label_markup(med.name)}</b> {label_markup(format_dose(med.dose))}{how}")
    if taking:
        lines.append("Taking now: " + "; ".join(taking))
    for change in data.medication_changes[:lines_max]:
        detail = f": {markup(change.detail, line_breaks=False)}" if change.detail else ""
        lines.append(f"{format_date(change.day, year=False)} — {label_markup(change.change)} "
                     f"<b>{label_markup(change.medication)}</b>{detail}")
    more = len(data.medication_changes) - min(len(data.medication_changes), lines_max)
    if more > 0:
        lines.append(f"{plural(more, 'more change')} in the medication list")
    for a in data.adherence:
        if a.percent is None and not a.extra:
            continue
        text = f"<b>{label_markup(a.medication)}</b>: "
        if a.percent is not None:
            text += f"taken on {a.percent}% of {plural(a.recorded_days, 'recorded day')}"
            if a.missed:
                text += f", {plural(a.missed, 'dose')} missed"
                if a.cluster_start is not None:
                    text += (f" ({a.cluster_missed} of them in the week from "
                             f"{format_date(a.cluster_start, year=False)})")
        if a.extra:
            text += ("; " if a.percent is not None else "") + f"{plural(a.extra, 'extra (as-needed) dose')}"
        lines.append(text)
    if not lines:
        return []
    return [Paragraph("Medications", styles.brief_head)] + [Paragraph(t, styles.brief_item, bulletText="•") for t in lines]


# --- 8. warning signs -----------------------------------------------------------------------------


def warning_signs(data: VisitSummaryData, styles: Styles) -> list[Flowable]:
    """Every personal warning sign the journal showed, with days and the last date."""
    if not data.warning_signs:
        return []
    lines = []
    for sign in data.warning_signs:
        text = f"<b>{label_markup(sign.sign)}</b>: {plural(sign.days, 'day')}"
        if sign.last_seen:
            text += f", last {format_date(sign.last_seen, year=False)}"
        if sign.action:
            text += f" — plan says: {label_markup(sign.action)}"
        lines.append(text)
    return ([Paragraph("Personal warning signs seen (from the relapse plan)", styles.brief_head)]
            + [Paragraph(t, styles.brief_item, bulletText="•") for t in lines])
