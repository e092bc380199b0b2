"""Errors the core raises. Every message is plain words for a user and never holds health data."""


class CaregiverError(Exception):
    """Base class: ``str(error)`` is a complete, plain-words message safe to show a user."""


class ValidationError(CaregiverError):
    """Input that cannot be saved as given (out of range, missing, impossible)."""


class NotFoundError(CaregiverError):
    """A record that was asked for does not exist (any more)."""
