"""The words of family sharing: what a shared row is, when a computer last synced, and why change
files were not used. Dates and times come from ``common.formatting``, never from the catalog."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ...domain import timeutil
from ...i18n import N_, _, ngettext
from ..common import formatting

WHAT = {
    "person": N_("A person"),
    "symptom": N_("A symptom"),
    "tag": N_("A tag"),
    "journal_entry": N_("A journal entry"),
    "symptom_rating": N_("A symptom in an entry"),
    "entry_tag": N_("A tag on an entry"),
    "contact": N_("A contact"),
    "contact_phone": N_("A contact's phone number"),
    "contact_support": N_("A kind of support from a contact"),
    "medication": N_("A medicine"),
    "medication_dose_change": N_("A dose change"),
    "entry_dose": N_("A dose in an entry"),
    "score_result": N_("A questionnaire score"),
    "appointment": N_("An appointment"),
    "appointment_question": N_("A question for a visit"),
    "warning_plan": N_("A plan"),
    "warning_plan_item": N_("A step in a plan"),
}


def what(table: str) -> str:
    """A shared table's rows in plain words ("A journal entry")."""
    return _(WHAT[table]) if table in WHAT else _("Something in the journal")


def moment_text(instant: datetime, zone_name: str, today: date | None = None) -> str:
    """A UTC instant in local words: only the time when it is today, else the date and time."""
    local = timeutil.utc_to_local(instant, timeutil.zone(zone_name))
    if today is not None and local.date() == today:
        return _("today at {time}").format(time=formatting.time_text(local))
    return _("{date} at {time}").format(date=formatting.medium_date(local.date()), time=formatting.time_text(local))


def last_synced(instant: datetime | None, zone_name: str, today: date | None = None) -> str:
    """``"Last synced today at 3:15 PM"``, or that it has not synced yet."""
    if instant is None:
        return _("Not synced yet")
    return _("Last synced {when}").format(when=moment_text(instant, zone_name, today))


def refused_text(reasons: Iterable[str]) -> str:
    """Why change files from the shared folder were not used, calmly (nothing here was lost)."""
    labels = list(reasons)
    count = len(labels)
    first = sorted(set(labels))
    return ngettext(
        "{count} change file in the shared folder was not used: {why}. Nothing in this journal was lost.",
        "{count} change files in the shared folder were not used: {why}. Nothing in this journal was lost.",
        count).format(count=formatting.count_text(count), why=formatting.list_text(first))
