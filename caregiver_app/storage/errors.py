"""Storage errors, in plain words and free of health data."""

from ..domain.errors import CaregiverError


class StorageError(CaregiverError):
    """The database could not do what was asked."""


class WrongKeyError(StorageError):
    """The key does not open this database (or the file is not a database at all)."""


class NotEncryptedError(StorageError):
    """The SQLite library in use has no encryption: the app refuses to run on it."""


class NewerSchemaError(StorageError):
    """The database was written by a newer version of the app."""


class DamagedDatabaseError(StorageError):
    """The database failed its integrity check."""


class BackupError(StorageError):
    """A backup copy could not be made or did not verify."""


class NotAFolderError(StorageError, OSError):
    """Something other than a folder (a file, a pipe, a broken link, a link loop) has the name of
    a folder the app keeps. An :class:`OSError` too, for the callers that handle a folder that
    cannot be made; its words name the folder."""


class BackupFolderError(BackupError):
    """The backups folder could not be made or written to (something else has its name, or the
    vault's folder is read-only)."""


class VaultInUseError(StorageError):
    """Another program (or another open vault in this one) has the vault open."""


class ReadOnlyError(StorageError):
    """The vault's folder or files cannot be written to."""


class DiskFullError(StorageError):
    """The disk is full: nothing of the last change was written."""


class BackupDiskFullError(BackupError, DiskFullError):
    """The disk filled up while a backup copy was made (a :class:`BackupError` for the callers
    that handle failed backups, and a :class:`DiskFullError` so it is told as a full disk)."""
