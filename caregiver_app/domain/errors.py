"""Errors the core raises. Every message is plain words for a user and never holds health data."""

from ..i18n import _


class CaregiverError(Exception):
    """Base class: ``str(error)`` is a complete, plain-words message safe to show a user.

    ``field`` (optional) names the input the message is about, by the service's own argument
    or attribute name (``"taken_on"``, ``"name"``), so a form can point at that field without
    reading the message text. None when the problem is not about one field."""

    def __init__(self, *args: object, field: str | None = None):
        super().__init__(*args)
        self.field = field

    def __str__(self) -> str:
        # A message raised as a constant marked N_() is translated when it is shown (a message
        # already translated, or formatted, is not in the catalog and reads as it is).
        text = super().__str__()
        return _(text) if text else text


class ValidationError(CaregiverError):
    """Input that cannot be saved as given (out of range, missing, impossible)."""


class NotFoundError(CaregiverError):
    """A record that was asked for does not exist (any more)."""


def at_most(text: str, limit: int, too_long: str) -> str:
    """``text`` (already cleaned) when it has at most ``limit`` characters; else raises
    :class:`ValidationError` with the plain words ``too_long``."""
    if len(text) > limit:
        raise ValidationError(too_long)
    return text
