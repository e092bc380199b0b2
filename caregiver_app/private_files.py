"""The one private, atomic writer for every file the app writes.

Every file the app writes (exports the user asked for, the key file, settings, vault files) goes
through :func:`private_writer` or :func:`write_private`:

* the bytes go to a temporary file in the destination's own folder (a rename never crosses file
  systems) with mode 0600, so no other account can read it at any instant, not even while it is
  being written. On Linux it is an unnamed file (``O_TMPFILE``) that gets its temporary name only
  once it is complete and fsynced, just before the rename: a write killed midway (``kill -9``, a
  power cut) leaves no partial health data behind. Elsewhere, or on a file system without
  ``O_TMPFILE``, it is a named file created new (``O_EXCL``);
* a writer killed between naming and renaming (or, in the named way, while writing) leaves a
  hidden temporary file: the next write into that folder removes such files of its own naming
  pattern (with its own mark, :data:`MARK`), owned by this user and untouched for a minute
  (:func:`tidy_stale`);
* the file is flushed and fsynced, then ``os.replace`` gives it the final name in one step (a
  half-written file never carries the name, an older file of that name stays whole until then);
* the folder is fsynced, so the rename survives a power cut;
* on any failure the temporary file is removed and the error is raised unchanged.

Qt-free and standard library only, so every layer (storage, security, services, settings, gui)
can use it. The GUI renders pictures to bytes in memory and hands them to a service that calls
this writer.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
STALE_AFTER = 60.0
"""Seconds a temporary file of ours must have stood untouched before a later write removes it
(a live writer keeps touching its file; with ``O_TMPFILE`` it has no name until it is whole)."""

# O_TMPFILE needs Linux, and /proc to give the unnamed file its name (linkat through /proc/self/fd).
_TMPFILE = sys.platform.startswith("linux") and hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")


MARK = "caregiver-"
"""In every temporary name this writer gives (``.NAME.caregiver-1a2b3c4d.tmp``): :func:`tidy_stale`
removes only names with it, so a similar-looking file of another program is never touched."""


def temp_path_for(path: Path, *, temp_prefix: str | None = None, temp_suffix: str = ".tmp") -> Path:
    """The temporary name used while ``path`` is written: hidden, in the same folder, random."""
    path = Path(path)
    prefix = f".{path.name}." if temp_prefix is None else temp_prefix
    return path.with_name(f"{prefix}{MARK}{secrets.token_hex(4)}{temp_suffix}")


def _stale_pattern(path: Path, temp_prefix: str | None, temp_suffix: str) -> re.Pattern:
    """The names :func:`temp_path_for` gives: the default prefix is ``.NAME.``, for any NAME in
    that folder (an export killed yesterday had another day's name), then :data:`MARK`."""
    prefix = r"\..+\." if temp_prefix is None else re.escape(temp_prefix)
    return re.compile(prefix + re.escape(MARK) + r"[0-9a-f]{8}" + re.escape(temp_suffix) + r"\Z", re.S)


def tidy_stale(path: Path, *, temp_prefix: str | None = None, temp_suffix: str = ".tmp",
               now: float | None = None) -> int:
    """Remove the temporary files a killed writer left beside ``path``: only names of this
    writer's own pattern (see :func:`temp_path_for`), ordinary files (not links) owned by this
    user, untouched for :data:`STALE_AFTER` seconds. Never raises; returns how many went."""
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows: no owner to check
        return 0
    folder = Path(path).parent
    pattern = _stale_pattern(Path(path), temp_prefix, temp_suffix)
    limit = (time.time() if now is None else now) - STALE_AFTER
    removed = 0
    try:
        with os.scandir(folder if str(folder) else ".") as entries:
            for entry in entries:
                if not (entry.name.endswith(temp_suffix) and pattern.match(entry.name)):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and info.st_mtime < limit:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:
                    continue
    except OSError:
        pass
    return removed


def _open_unnamed(folder: Path) -> int | None:
    """An unnamed file in ``folder`` (``O_TMPFILE``), or None where that cannot be had (the
    caller then makes a named one, whose error is the one to tell)."""
    if not _TMPFILE:
        return None
    try:
        return os.open(folder if str(folder) else ".", os.O_TMPFILE | os.O_WRONLY, FILE_MODE)
    except OSError:  # EOPNOTSUPP, EISDIR (old kernels), EINVAL...: a file system without it
        return None


def _name_unnamed(fd: int, tmp: Path) -> None:
    """linkat(AT_SYMLINK_FOLLOW) of /proc/self/fd/FD: Python's plain os.link would link the
    /proc entry itself (EXDEV); a folder descriptor makes it take the linkat way."""
    folder = os.open(tmp.parent if str(tmp.parent) else ".", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.link(f"/proc/self/fd/{fd}", tmp.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


@contextmanager
def private_writer(path: Path, *, temp_prefix: str | None = None, temp_suffix: str = ".tmp") -> Iterator[BinaryIO]:
    """Open a binary file handle whose contents become ``path`` (mode 0600) when the ``with``
    block ends without an exception. ``temp_prefix`` and ``temp_suffix`` name the temporary
    file (``.NAME.<random>.tmp`` by default; the vault's clean-up knows its own patterns).
    Raises ``OSError`` (a missing folder, no permission, a full disk); the temporary file is
    removed then and ``path`` is left as it was."""
    path = Path(path)
    tidy_stale(path, temp_prefix=temp_prefix, temp_suffix=temp_suffix)
    tmp = temp_path_for(path, temp_prefix=temp_prefix, temp_suffix=temp_suffix)
    fd = _open_unnamed(path.parent)
    named = fd is None
    if named:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):  # 0600 whatever the umask or an inherited ACL says
                os.fchmod(fh.fileno(), FILE_MODE)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
            if not named:  # whole and on disk: only now does it get a (temporary) name
                _name_unnamed(fh.fileno(), tmp)
                named = True
        os.replace(tmp, path)
    except BaseException:
        if named:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    fsync_dir(path.parent)


def write_private(path: Path, data: bytes, *, temp_prefix: str | None = None, temp_suffix: str = ".tmp") -> Path:
    """Write ``data`` to ``path`` with :func:`private_writer`. Returns ``path``; raises
    ``OSError`` with nothing left behind."""
    with private_writer(path, temp_prefix=temp_prefix, temp_suffix=temp_suffix) as fh:
        fd = fh.fileno()  # straight to the descriptor: no second copy of a secret in a buffer
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    return Path(path)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where the OS cannot open folders)."""
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
