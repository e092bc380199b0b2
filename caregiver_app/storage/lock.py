"""One program at a time per vault: an advisory lock on ``vault.lock`` beside the database.

Why a lock file and not only SQLite's own locking: SQLite keeps two writers from corrupting each
other, but it cannot protect against a program that *replaces* the database file (a restore, an
import) while another program still has it open, and two windows on one vault would each show a
stale picture of the other's edits. So whoever opens the vault (the app window while unlocked, or
a command) holds an exclusive lock on this file; a second opener is told plainly that the vault
is open elsewhere. SQLite's locking still guards the database inside one program.

The lock is ``flock`` on POSIX and ``msvcrt.locking`` on Windows. Both are released by the
operating system when the holder exits or is killed, so a crash never leaves a stale lock. The
file itself stays empty (no names, no process ids) and has mode 0600.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..i18n import N_, _
from .errors import ReadOnlyError, StorageError, VaultInUseError

LOCK_NAME = "vault.lock"

IN_USE = N_(
    "The vault is already open in another Caregiver Companion window or command. "
    "Lock or close it there, then try again."
)
READ_ONLY = N_(
    "The vault's folder cannot be written to (it may be read-only or on a disconnected drive), "
    "so the vault cannot be opened safely. Nothing was changed."
)
IN_THE_WAY = N_(
    "The vault cannot be opened because something is in the way in its folder: {path} should be the "
    "app's small lock file, but it is something else (a folder or a broken link, for example). Move it "
    "out of the vault's folder, then try again. Nothing was changed."
)


class LockInTheWayError(StorageError):
    """Something other than the app's lock file has its name (a folder, a link loop...)."""


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return False
        raise


class VaultLock:
    """An exclusive hold on one vault folder. Use :meth:`acquire`; :meth:`release` when done."""

    def __init__(self, path: Path, fd: int):
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, folder: Path) -> "VaultLock":
        """Take the lock on the vault in ``folder`` without waiting.

        Raises :class:`VaultInUseError` when another program (or another open vault in this
        program) holds it, :class:`ReadOnlyError` when the folder cannot be written to, and
        :class:`LockInTheWayError` when something else has the lock file's name.
        """
        path = Path(folder) / LOCK_NAME
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise ReadOnlyError(_(READ_ONLY)) from None
            if exc.errno == errno.ENOSPC:
                raise  # told as a full disk by the callers
            # EISDIR, ENOTDIR, ELOOP, ENXIO (a socket)...: not ours to move; say what is in the way
            raise LockInTheWayError(_(IN_THE_WAY).format(path=path)) from None
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            raise VaultInUseError(_(IN_USE))
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the lock back (closing the file releases it). Safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def __enter__(self) -> "VaultLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def is_locked(folder: Path) -> bool:
    """True when some program holds the lock on the vault in ``folder`` right now."""
    try:
        lock = VaultLock.acquire(folder)
    except VaultInUseError:
        return True
    except (ReadOnlyError, LockInTheWayError, OSError):
        return False
    lock.release()
    return False
