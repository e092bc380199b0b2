"""The one private, atomic writer for every file the app writes.

Every file the app writes (exports the user asked for, the key file, settings, vault files) goes
through :func:`private_writer` or :func:`write_private`:

* the bytes go to a temporary file in the destination's own folder (a rename never crosses file
  systems), created new (``O_EXCL``) with mode 0600, so no other account can read it at any
  instant, not even while it is being written;
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
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600


def temp_path_for(path: Path, *, temp_prefix: str | None = None, temp_suffix: str = ".tmp") -> Path:
    """The temporary name used while ``path`` is written: hidden, in the same folder, random."""
    path = Path(path)
    prefix = f".{path.name}." if temp_prefix is None else temp_prefix
    return path.with_name(f"{prefix}{secrets.token_hex(4)}{temp_suffix}")


@contextmanager
def private_writer(path: Path, *, temp_prefix: str | None = None, temp_suffix: str = ".tmp") -> Iterator[BinaryIO]:
    """Open a binary file handle whose contents become ``path`` (mode 0600) when the ``with``
    block ends without an exception. ``temp_prefix`` and ``temp_suffix`` name the temporary
    file (``.NAME.<random>.tmp`` by default; the vault's clean-up knows its own patterns).
    Raises ``OSError`` (a missing folder, no permission, a full disk); the temporary file is
    removed then and ``path`` is left as it was."""
    path = Path(path)
    tmp = temp_path_for(path, temp_prefix=temp_prefix, temp_suffix=temp_suffix)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):  # 0600 whatever the umask or an inherited ACL says
                os.fchmod(fh.fileno(), FILE_MODE)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
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
