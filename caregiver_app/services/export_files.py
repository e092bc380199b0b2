"""Writing an export the user asked for (FHIR bundle, readable journal): checks, then one atomic,
private write.

The write itself is the app's one private atomic writer (:mod:`caregiver_app.private_files`):
a 0600 temporary file beside the target, fsync, rename, fsync of the folder, so a half-written
file never takes the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_, _
from ..domain.errors import ValidationError
from ..private_files import write_private
from .user_files import ExportDiskFullError


@dataclass(frozen=True)
class JournalExport:
    """Where a journal export went (CSV or readable page) and how many entries it holds."""

    path: Path
    entries: int


def export_path(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` added when it has another one; raises :class:`ValidationError`
    when its folder does not exist."""
    path = Path(path)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=folder))
    return path


def write_export(path: Path, data: bytes, what: str) -> Path:
    """Write ``data`` to ``path`` privately and atomically. Raises :class:`ValidationError` in
    plain words (``what`` names the export, e.g. "the journal") for no permission or a full disk."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        write_private(path, data)
    except PermissionError:
        raise ValidationError(_("This app is not allowed to save in {folder}. Please choose another folder.").format(folder=folder)) from None
    except OSError as exc:
        if getattr(exc, "errno", None) == 28:
            raise ExportDiskFullError(_("The disk is full, so {what} could not be saved.").format(what=_(what))) from None
        raise ValidationError(_("{what} could not be saved there. Please choose another place.").format(
            what=_(what)[:1].upper() + _(what)[1:])) from None
    return path
