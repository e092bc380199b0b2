"""Page one of the visit summary: the brief a clinician reads in two minutes.

In the order a clinician needs it (issue 13): who (name, date of birth, who prepared it), the
safety box, the family's first three questions, what changed (ranked, self-report and family
observation apart), PHQ-9/GAD-7 latest/peak/previous period, medications with doses taken per
medicine, the person's own warning signs, then other flagged entries. The parts are drawn by
:mod:`.summary_page1`.

The brief always fits on one page: it is laid out at the most detailed level that fits (fewer
symptoms, flagged entries and excerpts at each step down); questions beyond the first three
open page 2, and as a last resort the page is scaled down to fit.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from ..domain.summary import (
    Brief,
    Section,
    VisitSummaryData,
)
from ..domain.summary_rules import make_brief
from ..i18n import N_, _, ngettext
from .charts import ACCENT
from . import summary_page1 as page1
from .layout import Styles, counted, format_count, format_date, format_range, format_time, label_markup
from .text import clean_text, markup, shorten

TITLE = N_("Visit summary")


@dataclass(frozen=True)
class Detail:
    """How much page one shows at one level of detail."""

    days: int
    symptoms: int
    flagged: int
    excerpt: int
    signs: int
    med_lines: int
    safety_notes: int = 5
    notes: bool = True
    """Whether the small print (the scale legend, "After this page") fits."""


LEVELS = (
    Detail(days=3, symptoms=4, flagged=4, excerpt=170, signs=5, med_lines=5, safety_notes=5),
    Detail(days=3, symptoms=3, flagged=3, excerpt=110, signs=4, med_lines=4, safety_notes=4),
    Detail(days=2, symptoms=2, flagged=2, excerpt=70, signs=3, med_lines=3, safety_notes=3),
    Detail(days=2, symptoms=2, flagged=1, excerpt=0, signs=3, med_lines=3, safety_notes=3),
    Detail(days=1, symptoms=1, flagged=0, excerpt=0, signs=2, med_lines=2, safety_notes=2),
    Detail(days=1, symptoms=0, flagged=0, excerpt=0, signs=2, med_lines=1, safety_notes=2, notes=False),
)
"""Less detail at each step down; the safety box, the first three questions, every headline
measure and every personal warning sign print at every level."""


def brief_of(data: VisitSummaryData) -> Brief:
    """``data.brief``, or one worked out from the data itself (no previous period known)."""
    if data.brief is not None:
        return data.brief
    return make_brief(list(data.entries), [], data.start, data.end, current_points=data.days,
                      current_stats=data.symptoms)


# --- layout ---------------------------------------------------------------------------------------


def _header(data: VisitSummaryData, brief: Brief, styles: Styles, width: float) -> list[Flowable]:
    days = brief.current.length
    day_count = counted(ngettext("{count} day", "{count} days", days), days)
    period = _("{dates} ({days})").format(dates=format_range(data.start, data.end), days=day_count)
    previous_dates = format_range(brief.previous.start, brief.previous.end)
    if brief.previous.entry_count:
        previous = _("{dates} (the {days} before): {entries}").format(
            dates=previous_dates, days=day_count,
            entries=counted(ngettext("{count} entry", "{count} entries", brief.previous.entry_count),
                            brief.previous.entry_count))
    else:
        previous = _("{dates} (the {days} before): nothing was recorded then").format(
            dates=previous_dates, days=day_count)
    local = data.prepared_at_local
    prepared = _("{date}, {time}").format(date=format_date(local.date()), time=format_time(local))
    by = " ".join(str(data.prepared_by or "").split())
    if by:
        prepared = _("{when} by {name}").format(when=prepared, name=f"<b>{label_markup(by)}</b>")
        if data.preparer_relationship:
            prepared += f" ({label_markup(data.preparer_relationship)})"
        if data.preparer_phone:
            prepared += _(", phone {phone}").format(phone=label_markup(data.preparer_phone))
    if str(data.time_zone or "").strip():
        others = [label_markup(z) for z in getattr(data, "other_entry_zones", ())]
        if others:
            prepared += _(". Times are local ({zone}), except entries written in {zones}: they show the clock "
                          "time there.").format(zone=label_markup(data.time_zone), zones=", ".join(others))
        else:
            prepared += _(". Times are local ({zone}).").format(zone=label_markup(data.time_zone))
    who = f"<b>{label_markup(data.person_name)}</b>"
    if data.birth_date is not None:
        who = _("{name}, born {date}").format(name=who, date=format_date(data.birth_date))
    entries = brief.current.entry_count
    rows = [
        (_("For"), who),
        (_("Prepared"), prepared),
        (_("Period"), _("{period}: {entries} on {days_with} of {days}").format(
            period=period, entries=counted(ngettext("{count} entry", "{count} entries", entries), entries),
            days_with=format_count(brief.current.days_with_entries), days=day_count)),
        (_("Compared with"), previous),
    ]
    # The label column fits the longest label of the document's language (never narrower than 78).
    label_w = max([78.0] + [stringWidth(k, styles.meta_label.fontName, styles.meta_label.fontSize) + 6 for k, _v in rows])
    table = Table([[Paragraph(k, styles.meta_label), Paragraph(v, styles.meta_value)] for k, v in rows],
                  colWidths=[label_w, width - label_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.body.fontName, styles.body.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return [Paragraph(_(TITLE), styles.title), table,
            HRFlowable(width="100%", thickness=1.4, color=ACCENT, spaceBefore=3, spaceAfter=5)]


def _excerpt(note: str, limit: int) -> str:
    text = " ".join(clean_text(note).split())
    return markup(shorten(text, limit), line_breaks=False) if text else ""


def _body(data: VisitSummaryData, brief: Brief, styles: Styles, width: float, level: Detail,
          question_limit: int, appendix_titles: list[str]) -> list[Flowable]:
    story: list[Flowable] = []
    if data.is_empty:
        story.append(Paragraph(_("No journal entries in this period."), styles.empty_title))
        story.append(Paragraph(
            _("Nothing was recorded between {start} and {end}. If you expected entries here, choose a wider "
              "date range and print the summary again.").format(start=format_date(data.start),
                                                                end=format_date(data.end)), styles.body))
    story += page1.safety_box(data, styles, width, level.safety_notes)
    story += page1.questions(data, styles, question_limit)
    story += page1.what_changed(data, styles, width, level.symptoms, legend=level.notes)
    story += page1.scores(data, styles, width)
    story += page1.medications(data, styles, level.med_lines)
    story += page1.warning_signs(data, styles)

    safety_days = {n.day for n in data.safety.notes}
    flagged = [e for e in data.flagged if e.local_date not in safety_days]
    if flagged and level.flagged:
        story.append(Paragraph(_("Other entries flagged to bring up ({count})").format(count=format_count(len(flagged))),
                               styles.brief_head))
        lines = []
        for entry in flagged[: level.flagged]:
            text = _("{date}, {who}").format(date=f"<b>{format_date(entry.local_date, weekday=True, year=False)}</b>",
                                             who=label_markup(entry.recorded_by))
            excerpt = _excerpt(entry.note, level.excerpt) if level.excerpt else ""
            if excerpt:
                text = _("{entry}: {excerpt}").format(entry=text, excerpt=excerpt)
            lines.append(text)
        story += [Paragraph(t, styles.brief_item, bulletText="•") for t in lines]
        rest = len(flagged) - min(len(flagged), level.flagged)
        if data.wants(Section.FLAGGED):
            note = (counted(ngettext("In full in the appendix ({count} more entry).",
                                     "In full in the appendix ({count} more entries).", rest), rest)
                    if rest else _("In full in the appendix."))
            story.append(Paragraph(note, styles.small))

    if appendix_titles and level.notes:
        story.append(Spacer(1, 4))
        story.append(Paragraph(_("After this page: {sections}.").format(
            sections=" · ".join(markup(t) for t in appendix_titles)), styles.small))
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
    """Lay out page one for a frame ``width`` × ``height`` points; always one page. At most
    :data:`QUESTIONS_ON_PAGE_ONE` questions print here; the rest open page 2.
    ``appendix_titles`` are the headings of the sections that will print after it."""
    appendix_titles = list(appendix_titles)
    brief = brief_of(data)
    head = _header(data, brief, styles, width)
    head_h = _height(head, width, height)
    body: list[Flowable] = []
    limit = page1.QUESTIONS_ON_PAGE_ONE
    for keep in range(min(limit, len(data.questions)), -1, -1):
        for index, level in enumerate(LEVELS):
            body = _body(data, brief, styles, width, level, keep, appendix_titles)
            if head_h + _height(body, width, height) <= height:
                return BriefLayout(head + body, index, tuple(data.questions[keep:]), False)
        if keep <= 1:
            break  # the first question stays on page one; shrink rather than move it
    # Still too tall (very long labels): shrink the page to fit rather than spill over.
    frame = KeepInFrame(width, height, content=head + body, mode="shrink")
    return BriefLayout([frame], len(LEVELS) - 1, tuple(data.questions[1:]), True)


def questions_continued(questions: tuple[str, ...], first_number: int, styles: Styles) -> list[Flowable]:
    """The questions that did not fit on page one, numbered on from ``first_number``."""
    from .layout import section

    if not questions:
        return []
    story = section(_("Questions for this visit (continued)"), styles)
    story += [Paragraph(markup(q, line_breaks=False), styles.item, bulletText=f"{i}.")
              for i, q in enumerate(questions, start=first_number)]
    return story
