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
from ..i18n import N_, _, ngettext
from .layout import Styles, counted, format_count, format_date, format_decimal, format_dose, format_hours, label_markup, self_label
from .text import markup

PHQ_ANSWERS = (N_("not at all"), N_("several days"), N_("more than half the days"), N_("nearly every day"))
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
        plan = (_("A safety plan is on file, last saved {date}.").format(date=format_date(box.plan_saved_on))
                if box.plan_saved_on else _("A safety plan is on file."))
    else:
        plan = _("No safety plan is on file.")
    if box.is_empty:
        return [Paragraph(_("<b>Safety:</b> no PHQ-9 question 9 answer above 0 and no flagged entry matching an "
                            "emergency or crisis sign in this period. {plan}").format(plan=plan), styles.small)]
    lines = []
    for day, answer in box.item9:
        words = _(PHQ_ANSWERS[answer]) if 0 <= answer < len(PHQ_ANSWERS) else str(answer)
        lines.append(_("<b>PHQ-9 question 9</b> (thoughts of being better off dead or of hurting oneself) answered "
                       "<b>{answer} of 3, “{words}”</b> on {date}.").format(answer=answer, words=words,
                                                                         date=format_date(day)))
    for note in box.notes[:notes_max]:
        text = _("{date}, written by {who} (matches: {sign})").format(
            date=f"<b>{format_date(note.day, weekday=True)}</b>", who=label_markup(note.who),
            sign=label_markup(note.sign))
        if note.excerpt:
            text = _("{entry}: “{excerpt}”").format(entry=text, excerpt=markup(note.excerpt, line_breaks=False))
        lines.append(text)
    more = len(box.notes) - min(len(box.notes), notes_max)
    if more:
        lines.append(counted(ngettext("{count} more flagged entry like these, in full under “Flagged for this visit”.",
                                      "{count} more flagged entries like these, in full under “Flagged for this "
                                      "visit”.", more), more))
    lines.append(_("{plan} Please ask about safety at this visit.").format(plan=plan))
    inner = [Paragraph(_("Safety first"), styles.brief_head)]
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
    story = [Paragraph(_("The family's questions for this visit"), styles.brief_head)]
    story += [Paragraph(markup(q, line_breaks=False), styles.brief_item, bulletText=f"{i}.")
              for i, q in enumerate(shown, start=1)]
    rest = len(data.questions) - len(shown)
    if rest:
        story.append(Paragraph(counted(ngettext("{count} more question at the top of page 2.",
                                                "{count} more questions at the top of page 2.", rest), rest),
                               styles.small))
    return story


# --- 4 and 5. what changed, self-report and observation apart -------------------------------------


def _value(row: ChangeRow, value: float | None, days: int | None = None, when=None) -> str:
    if value is None:
        return "–"
    shown = _("{hours} h").format(hours=format_hours(round(value, 1))) if row.unit == "h" else format_decimal(value)
    text = f"<b>{shown}</b>"
    if days is not None:
        day_count = counted(ngettext("{count} day", "{count} days", days), days)
        text += f" <font size=7.5>· {day_count}</font>"
    if when is not None:
        text += f" <font size=7.5>· {format_date(when, year=False)}</font>"
    if row.measure.startswith("Mood"):
        text += f"<br/><font size=7.5>{stable_mood_words(value)}</font>"
    return text


def _change(row: ChangeRow) -> str:
    diff = row.change
    if diff is None:
        return _("new this period") if row.previous is None else _("not rated now")
    if abs(diff) < 0.05 * row.scale:
        return _("about the same")
    better = (diff > 0) == row.higher_is_better
    amount = _("{hours} h").format(hours=format_hours(round(abs(diff), 1))) if row.unit == "h" \
        else format_decimal(abs(diff))
    arrow = "▲" if diff > 0 else "▼"
    text = _("{amount} better") if better else _("{amount} worse")
    return f"{arrow} {text.format(amount=amount)}"


def _who(row: ChangeRow) -> str:
    return _("Family") if row.source == OBSERVED else self_label()


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
    head = [_("Measure"), _("Whose"), _("This period"), _("Previous period"), _("Last 14 days"),
            _("Hardest 7 days, from"), _("Change")]
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
    story = [Paragraph(_("What changed, largest change first"), styles.brief_head),
             _table(rows, [s * width for s in shares], styles)]
    if not legend:
        story.append(Paragraph(_("Self: the person's own ratings; Family: a family member's observations."),
                               styles.small))
        return story
    story.append(Paragraph(
        _("Mood 1–5 ({scale}, 5 very good); anxiety and symptoms 0–10 (10 worst); energy 0–10 (10 full of "
          "energy). Self: the person's own ratings; Family: a family member's observations (never averaged "
          "together).").format(scale=label_markup(_(data.mood_scale_name))), styles.small))
    return story


# --- 6. scores ------------------------------------------------------------------------------------


def _score(value: int | None, of: int, band: str, day) -> str:
    if value is None:
        return _("none")
    text = _("{score} of {maximum}").format(score=f"<b>{value}</b>", maximum=of)
    if band:
        text += f", {label_markup(band)}"
    if day is not None:
        text += f" <font size=7.5>· {format_date(day, year=False)}</font>"
    return text


def _score_change(result: ScoreResult) -> str:
    if result.previous_score is None:
        return _("no score in the previous period")
    diff = result.score - result.previous_score
    if diff == 0:
        return _("same")
    return ("▲ " + _("{amount} higher (worse)").format(amount=diff) if diff > 0
            else "▼ " + _("{amount} lower (better)").format(amount=-diff))


def _times(count: int) -> str:
    return counted(ngettext("{count} time", "{count} times", count), count)


def scores(data: VisitSummaryData, styles: Styles, width: float) -> list[Flowable]:
    """Latest, peak and previous-period PHQ-9/GAD-7 scores, each with its band."""
    if not data.scores:
        return []
    head = [_("Questionnaire"), _("Latest"), _("Highest this period"), _("Previous period (latest)"), _("Change")]
    rows = [[Paragraph(h, styles.cell_head) for h in head]]
    for r in data.scores:
        rows.append([
            Paragraph(f"<b>{label_markup(r.instrument)}</b> ({_times(len(r.history) or 1)})", styles.cell_small),
            Paragraph(_score(r.score, r.max_score, r.band, r.taken_on), styles.cell_small),
            Paragraph(_score(r.peak, r.max_score, r.peak_band, r.peak_on), styles.cell_small),
            Paragraph(_score(r.previous_score, r.max_score, r.previous_band, r.previous_on), styles.cell_small),
            Paragraph(_score_change(r), styles.cell_small),
        ])
    shares = [0.17, 0.2, 0.24, 0.23, 0.16]
    return [Paragraph(_("PHQ-9 and GAD-7 scores"), styles.brief_head), _table(rows, [s * width for s in shares], styles)]


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
        lines.append(_("Taking now: {medications}").format(medications="; ".join(taking)))
    for change in data.medication_changes[:lines_max]:
        detail = f": {markup(change.detail, line_breaks=False)}" if change.detail else ""
        lines.append(f"{format_date(change.day, year=False)} — {label_markup(change.change)} "
                     f"<b>{label_markup(change.medication)}</b>{detail}")
    more = len(data.medication_changes) - min(len(data.medication_changes), lines_max)
    if more > 0:
        lines.append(counted(ngettext("{count} more change in the medication list",
                                      "{count} more changes in the medication list", more), more))
    for a in data.adherence:
        if a.percent is None and not a.extra:
            continue
        text = f"<b>{label_markup(a.medication)}</b>: "
        if a.percent is not None:
            text += ngettext("taken on {percent}% of {count} recorded day",
                             "taken on {percent}% of {count} recorded days", a.recorded_days).format(
                percent=a.percent, count=format_count(a.recorded_days))
            if a.missed:
                text += counted(ngettext(", {count} dose missed", ", {count} doses missed", a.missed), a.missed)
                if a.cluster_start is not None:
                    text += _(" ({count} of them in the week from {date})").format(
                        count=a.cluster_missed, date=format_date(a.cluster_start, year=False))
        if a.extra:
            text += ("; " if a.percent is not None else "") + counted(
                ngettext("{count} extra (as-needed) dose", "{count} extra (as-needed) doses", a.extra), a.extra)
        lines.append(text)
    if not lines:
        return []
    return [Paragraph(_("Medications"), styles.brief_head)] + [Paragraph(t, styles.brief_item, bulletText="•") for t in lines]


# --- 8. warning signs -----------------------------------------------------------------------------


def warning_signs(data: VisitSummaryData, styles: Styles) -> list[Flowable]:
    """Every personal warning sign the journal showed, with days and the last date."""
    if not data.warning_signs:
        return []
    lines = []
    for sign in data.warning_signs:
        day_count = counted(ngettext("{count} day", "{count} days", sign.days), sign.days)
        text = f"<b>{label_markup(sign.sign)}</b>: {day_count}"
        if sign.last_seen:
            text += _(", last {date}").format(date=format_date(sign.last_seen, year=False))
        if sign.action:
            text += _(" — plan says: {action}").format(action=label_markup(sign.action))
        lines.append(text)
    return ([Paragraph(_("Personal warning signs seen (from the relapse plan)"), styles.brief_head)]
            + [Paragraph(t, styles.brief_item, bulletText="•") for t in lines])
