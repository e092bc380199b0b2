"""Files the user chose.

* :func:`save_export` saves an export the user asked for (PDF, CSV, vCard, calendar, map picture)
  in a place they chose: the suffix added when missing, the folder checked, the bytes written by
  the one private writer (:mod:`caregiver_app.private_files`: temporary file, fsync, rename, mode
  0600), and every failure turned into one plain sentence.
* :func:`read_chosen_file` reads a file chosen for import: ordinary files only (a device such as
  ``/dev/zero`` or a named pipe would never end, or block), with the size limit counted on the
  bytes actually read.
"""

from __future__ import annotations

import os
import stat

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..i18n import N_, _
from ..domain.errors import ValidationError
from ..private_files import private_writer
from ..storage.errors import DiskFullError

DISK_FULL = 28  # errno ENOSPC on every system the app runs on


class ExportDiskFullError(ValidationError, DiskFullError):
    """The disk filled up while an export was saved: a :class:`ValidationError` for the window
    (which shows its words), and a :class:`DiskFullError` so the command line ends with exit code 6."""


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (e.g. ``".pdf"``): added when missing, never replacing a
    dot inside the name (``visit.2026`` becomes ``visit.2026.pdf``)."""
    path = Path(path)
    return path if path.suffix.lower() == suffix.lower() else path.with_name(path.name + suffix)


def save_export(path: Path, content: bytes | Callable[[BinaryIO], None], *, what: str, suffix: str | None = None) -> Path:
    """Write ``content`` (bytes, or a function that writes to a binary file handle) to ``path``
    privately and atomically; ``suffix`` is added when missing. ``what`` names the thing in a
    sentence (``"the visit summary"``). Returns the path written. Raises
    :class:`ValidationError` in plain words for a missing folder, no permission or a full disk;
    the place is then left as it was, with no temporary file."""
    path = with_suffix(path, suffix) if suffix else Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=folder))
    try:
        with private_writer(path, temp_suffix=".part") as fh:
            if callable(content):
                content(fh)
            else:
                fh.write(content)
    except PermissionError:
        raise ValidationError(_("This app is not allowed to save in {folder}. Please choose another folder.").format(folder=folder)) from None
    except OSError as exc:
        if getattr(exc, "errno", None) == DISK_FULL:
            raise ExportDiskFullError(_("The disk is full, so {what} could not be saved.").format(what=_(what))) from None
        raise ValidationError(_("{what} could not be saved there. Please choose another place.").format(
            what=_(what)[:1].upper() + _(what)[1:])) from None
    return path


_CHUNK = 1024 * 1024


def read_chosen_file(path: Path, *, max_bytes: int, too_large: str) -> bytes:
    """The bytes of the ordinary file at ``path``, at most ``max_bytes`` of them. Raises
    :class:`ValidationError` in plain words: ``too_large`` when more than ``max_bytes`` bytes
    can be read (whatever size the file reports), and for a missing file, a folder, a device or
    pipe, or a file this app may not read. Never blocks on a pipe with no writer."""
    path = Path(path)
    try:
        # O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer forever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ValidationError(_("There is no file at {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise ValidationError(_("{path} is a folder, not a file.").format(path=path)) from None
    except PermissionError:
        raise ValidationError(_("This app is not allowed to read {path}.").format(path=path)) from None
    except OSError:
        raise ValidationError(_("{path} could not be read.").format(path=path)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ValidationError(_("{path} is a folder, not a file.").format(path=path))
        if not stat.S_ISREG(mode):
            raise ValidationError(_("{path} is not an ordinary file (it is a device or a pipe), so it cannot be imported.").format(path=path))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise ValidationError(_(too_large))
        return b"".join(chunks)
    except PermissionError:
        raise ValidationError(_("This app is not allowed to read {path}.").format(path=path)) from None
    except OSError:
        raise ValidationError(_("{path} could not be read.").format(path=path)) from None
    finally:
        os.close(fd)
