"""Plain words and places for the Visit summary page: the preview's description of what the PDF
will include, the default paper and the folder a summary is saved in."""

from __future__ import annotations



from ...domain.summary import LeaveOut, VisitSummaryData
from ...settings import Settings, paper_for
from ..common import formatting
from ..journal.journal_model import day_heading


def default_paper(settings_paper: str = "auto", country: str = "") -> str:
    """``"letter"`` or ``"a4"``: the user's setting, else the country's paper (see
    ``settings.paper_for``)."""
    return paper_for(Settings(paper=settings_paper), country)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{formatting.count_text(count)} {one if count == 1 else (many or one + 's')}"


def describe_summary(data: VisitSummaryData) -> str:
    """A short plain preview of what the PDF will include."""
    span = (data.end - data.start).days + 1
    lines = [f"From {day_heading(data.start)} to {day_heading(data.end)} ({_plural(span, 'day')})."]
    if data.is_empty:
        lines.append("There are no journal entries in these dates. You can still save the summary; "
                     "it will say that nothing was recorded.")
        return "\n".join(lines)
    days_with = sum(1 for d in data.days if d.entry_count)
    lines.append(f"• {_plural(len(data.entries), 'journal entry', 'journal entries')} on {_plural(days_with, 'day')}")
    if data.flagged:
        lines.append(f"• {_plural(len(data.flagged), 'entry', 'entries')} marked to bring up at this visit")
    else:
        lines.append("• No entries are marked to bring up at this visit")
    if data.symptoms:
        top = data.symptoms[0]
        lines.append(f"• {_plural(len(data.symptoms), 'symptom')}; the most frequent is "
                     f"{top.name} (on {_plural(top.days_present, 'day')}, worst {top.worst}/10)")
    lines.append("• A mood and sleep chart, with days left blank when nothing was recorded")
    return "\n".join(lines)


def leave_out_text(lo: LeaveOut) -> str:
    """One line saying what is left out, e.g. "Leaving out 2 entries, 1 tag."."""
    parts = []
    if lo.entry_ids:
        parts.append(_plural(len(lo.entry_ids), "entry", "entries"))
    if lo.symptoms:
        parts.append(_plural(len(lo.symptoms), "symptom"))
    if lo.tags:
        parts.append(_plural(len(lo.tags), "tag"))
    return "Leaving out " + ", ".join(parts) + "." if parts else "Nothing is left out."
