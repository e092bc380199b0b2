"""The recovery-code sheet as a PDF in memory (see :mod:`caregiver_app.reports.recovery_sheet`)."""

from __future__ import annotations

import io
from datetime import date

from ..domain.errors import ValidationError
from ..i18n import _
from ..reports.formatting import ReportFormat
from ..security.errors import RecoveryCodeTypoError
from ..security.recovery import normalize_recovery_code


def recovery_sheet_pdf(code: str, *, paper: str = "letter", made_on: date | None = None,
                       fmt: ReportFormat | None = None) -> bytes:
    """The one-page sheet for recovery ``code``; ``paper`` is ``"letter"`` or ``"a4"``;
    ``made_on`` a local date, written in ``fmt``'s locale. Raises :class:`ValidationError` for something that is not a
    recovery code (nothing is printed then)."""
    from reportlab.lib.pagesizes import A4, LETTER

    from ..reports.recovery_sheet import build_recovery_sheet_pdf

    try:
        normalize_recovery_code(code)
    except RecoveryCodeTypoError:
        raise ValidationError(_("That is not a recovery code this app made, so no sheet was printed.")) from None
    out = io.BytesIO()
    build_recovery_sheet_pdf(code, out, made_on=made_on, pagesize=A4 if paper == "a4" else LETTER, fmt=fmt)
    return out.getvalue()
