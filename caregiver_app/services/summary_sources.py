"""The visit summary's sections that other parts of the app feed: medications and missed doses,
PHQ-9/GAD-7 scores, the person's own warning signs, the care team, the safety plan, the ecomap,
and appointments (for "since the last visit").

Each source is looked up when a summary is made. Until a part of the app exists, its section is
not offered and its fields stay empty. Nothing here reads the caregiver's own check-ins: they
never belong in the person's summary.
"""

from __future__ import annotations

import importlib
import importlib.util
from datetime import date
from typing import Any

from ..domain.summary import Section, SummaryChoices
from .vault import Vault


def _module(name: str):
    """The service module ``caregiver_app.services.<name>``, or None when it is not there."""
    full = f"{__package__}.{name}"
    try:
        if importlib.util.find_spec(full) is None:
            return None
        return importlib.import_module(full)
    except ImportError:
        return None


def available_sections() -> tuple[Section, ...]:
    """The optional sections whose source exists in this installation, in appendix order."""
    return ()


def last_visit_date(vault: Vault, person_id: int, today: date) -> date | None:
    """The most recent appointment's local date on or before ``today``; None without one."""
    return None


def gather(
    vault: Vault, person_id: int, start: date, end: date, choices: SummaryChoices, *, prev_start: date
) -> dict[str, Any]:
    """The optional fields of :class:`VisitSummaryData` for ``start``..``end`` (local dates),
    keyed by field name; only sources that exist contribute."""
    return {}
