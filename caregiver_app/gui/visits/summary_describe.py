"""Plain words and places for the Visit summary page: the preview's description of what the PDF
will include, the default paper and the folder a summary is saved in."""

from __future__ import annotations

from ...domain.symptoms import symptom_label
from ...i18n import _, ngettext
from ...domain.summary import LeaveOut, VisitSummaryData
from ...settings import Settings, paper_for
from ..common import formatting
from ..journal.journal_model import day_heading


def default_paper(settings_paper: str = "auto", country: str = "") -> str:
    """``"letter"`` or ``"a4"``: the user's setting, else the country's paper (see
    ``settings.paper_for``)."""
    return paper_for(Settings(paper=settings_paper), country)


def _count(n: int) -> str:
    return formatting.count_text(n)


def describe_summary(data: VisitSummaryData) -> str:
    """A short plain preview of what the PDF will include."""
    span = (data.end - data.start).days + 1
    lines = [ngettext("From {start} to {end} ({count} day).", "From {start} to {end} ({count} days).", span).format(
        start=day_heading(data.start), end=day_heading(data.end), count=_count(span))]
    if data.is_empty:
        lines.append(_("There are no journal entries in these dates. You can still save the summary; "
                       "it will say that nothing was recorded."))
        return "\n".join(lines)
    days_with = sum(1 for d in data.days if d.entry_count)
    entries = ngettext("{count} journal entry", "{count} journal entries", len(data.entries)).format(
        count=_count(len(data.entries)))
    # TRANSLATORS: {entries} is "3 journal entries" (its own message).
    lines.append(ngettext("• {entries} on {count} day", "• {entries} on {count} days", days_with).format(
        entries=entries, count=_count(days_with)))
    if data.flagged:
        lines.append(ngettext("• {count} entry marked to bring up at this visit",
                              "• {count} entries marked to bring up at this visit", len(data.flagged)).format(
            count=_count(len(data.flagged))))
    else:
        lines.append(_("• No entries are marked to bring up at this visit"))
    if data.symptoms:
        top = data.symptoms[0]
        symptoms = ngettext("{count} symptom", "{count} symptoms", len(data.symptoms)).format(
            count=_count(len(data.symptoms)))
        # TRANSLATORS: {symptoms} is "4 symptoms"; {name} a symptom's name; {worst} a 0-10 severity.
        lines.append(ngettext("• {symptoms}; the most frequent is {name} (on {count} day, worst {worst}/10)",
                              "• {symptoms}; the most frequent is {name} (on {count} days, worst {worst}/10)",
                              top.days_present).format(symptoms=symptoms, name=symptom_label(top.name),
                                                       count=_count(top.days_present), worst=top.worst))
    lines.append(_("• A mood and sleep chart, with days left blank when nothing was recorded"))
    return "\n".join(lines)


def pages_text(count: int) -> str:
    """``"3 pages."``"""
    return ngettext("{count} page.", "{count} pages.", count).format(count=_count(count))


def leave_out_text(lo: LeaveOut) -> str:
    """One line saying what is left out, e.g. "Leaving out: 2 entries, 1 tag."."""
    parts = []
    if lo.entry_ids:
        parts.append(ngettext("{count} entry", "{count} entries", len(lo.entry_ids)).format(count=_count(len(lo.entry_ids))))
    if lo.symptoms:
        parts.append(ngettext("{count} symptom", "{count} symptoms", len(lo.symptoms)).format(count=_count(len(lo.symptoms))))
    if lo.tags:
        parts.append(ngettext("{count} tag", "{count} tags", len(lo.tags)).format(count=_count(len(lo.tags))))
    if not parts:
        return _("Nothing is left out.")
    # TRANSLATORS: {items} is a list such as "2 entries, 1 tag".
    return _("Leaving out {items}.").format(items=formatting.list_text(parts))
