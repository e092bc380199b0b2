"""Writing an export the user asked for (FHIR bundle, readable journal): checks, then one atomic,
private write.

The write itself goes through :func:`_write_private`, the same steps as the CSV export (a 0600
temporary file beside the target, fsync, rename, fsync of the folder), so a half-written file
never takes the name. When the shared private writer (``caregiver_app/private_files.py``) is on
main, :func:`_write_private` becomes a call to it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from ..domain.errors import ValidationError
from ..security.keyfile import fsync_dir


def export_path(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` added when it has another one; raises :class:`ValidationError`
    when its folder does not exist."""
    path = Path(path)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"The folder {folder} does not exist.")
    return path


def write_export(path: Path, data: bytes, what: str) -> Path:
    """Write ``data`` to ``path`` privately and atomically. Raises :class:`ValidationError` in
    plain words (``what`` names the export, e.g. "the journal") for no permission or a full disk."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        _write_private(path, data)
    except PermissionError:
        raise ValidationError(f"This app is not allowed to save in {folder}. Please choose another folder.") from None
    except OSError as exc:
        if getattr(exc, "errno", None) == 28:
            raise ValidationError(f"The disk is full, so {what} could not be saved.") from None
        raise ValidationError(f"{what[:1].upper()}{what[1:]} could not be saved there. Please choose another place.") from None
    return path


def _write_private(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(folder)
    finally:
        if tmp.exists():
            tmp.unlink()
