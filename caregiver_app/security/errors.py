"""Security errors. Messages are plain words and never include secrets or health data."""

from ..domain.errors import CaregiverError


class UnlockError(CaregiverError):
    """The vault could not be unlocked with what was given."""


class WrongSecretError(UnlockError):
    """The passphrase or recovery code does not open this vault."""


class RecoveryCodeTypoError(UnlockError):
    """The recovery code's checksum does not match: a typo, caught before any key derivation."""


class KeyringUnavailableError(UnlockError):
    """The OS keyring could not give the key (no backend, locked, refused or failed)."""


class KeyFileError(CaregiverError):
    """The key file is missing, damaged or from a newer version of the app."""


class NewerKeyFileError(KeyFileError):
    """The key file was written by a newer version of the app (told apart by its type, not its
    words: the words are in the user's language)."""
