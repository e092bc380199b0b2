"""When the visit summary page may show the PDF it already has instead of building it again.

A preview is kept with the key it was built for (``SummaryPage._key``): every choice on the
page, what the document prints beyond the choices (the person's name and birth date, today's
date, the country, locale, hour cycle and time zone) and the data version of :data:`PRINTED`
(:meth:`~caregiver_app.gui.common.ops.Ops.version`), which grows with each write that changes
something the summary prints. So the page shown again with nothing changed builds nothing, and
one change builds it once.
"""

from __future__ import annotations

from ..common.ops import APPOINTMENTS, CHECKINS, CONTACTS, JOURNAL, MEDICATIONS, PEOPLE, PLANS, SCORES

PRINTED = frozenset({JOURNAL, MEDICATIONS, SCORES, CHECKINS, PLANS, CONTACTS, APPOINTMENTS, PEOPLE})
"""The concepts whose data the visit summary prints. Not drafts (never printed), not the
summary's own saved choices (the choices are part of the key themselves) and not the vault's
settings (the last person shown); the settings file's country and crisis lines are in the key.
A change for another person costs at most one needless build, never a stale preview."""
