"""The caregiver's own check-in: their stress, their sleep and what they need this week.

It belongs to the caregiver, not to any person cared for, so it is never part of a person's
journal or visit summary. ``occurred_at`` is a timezone-aware UTC instant; ``local_date`` the local
calendar date it belongs to; ``stress`` is 0–10 (0 none, 5 moderate, 10 worst imaginable).
Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..i18n import _
from .errors import ValidationError
from .model import NAME_MAX_CHARS, NOTE_MAX_CHARS, SleepQuality, check_scale, check_sleep_hours, clean_label


@dataclass(frozen=True)
class CaregiverCheckin:
    """One check-in by the caregiver about themselves. ``caregiver_name`` is optional (useful when
    two family members share a vault)."""

    id: int | None
    occurred_at: datetime
    local_date: date
    stress: int
    sleep_hours: float | None = None
    sleep_quality: SleepQuality | None = None
    needs: str = ""
    caregiver_name: str = ""

    def __post_init__(self) -> None:
        if self.occurred_at.tzinfo is None or self.occurred_at.utcoffset() is None:
            raise ValidationError(_("The check-in's time must include its time zone."))
        if self.stress is None:
            raise ValidationError(_("Please choose how stressed you felt, from 0 (none) to 10 (worst imaginable)."))
        object.__setattr__(self, "stress", check_scale(self.stress, _("Stress")))
        if self.sleep_hours is not None:
            object.__setattr__(self, "sleep_hours", check_sleep_hours(self.sleep_hours))
        if self.sleep_quality is not None and not isinstance(self.sleep_quality, SleepQuality):
            object.__setattr__(self, "sleep_quality", SleepQuality(int(self.sleep_quality)))
        needs = self.needs.strip("\n\r ")
        if len(needs) > NOTE_MAX_CHARS:
            raise ValidationError(_("This can be at most {count} characters.").format(count=NOTE_MAX_CHARS))
        object.__setattr__(self, "needs", needs)
        name = clean_label(self.caregiver_name)
        if len(name) > NAME_MAX_CHARS:
            raise ValidationError(_("A name can be at most {count} characters.").format(count=NAME_MAX_CHARS))
        object.__setattr__(self, "caregiver_name", name)


STRESS_HIGH = 8
"""A stress rating at or above this gets a gentle word about looking after oneself (our own
threshold for a kind message, not a clinical cut-off)."""
