"""The shared family folder (issue 20): one subfolder per computer, named by its id; a computer
only ever writes its own. Everything in it is sealed (``security.family_keys``); the names say
only which computer wrote a file and its number.

``<folder>/<device id>/card.ccdev``            the computer's public keys and name (sealed)
``<folder>/<device id>/batch-<number>.ccsync`` its changes, one file per send, never changed
``<folder>/<device id>/invite-<tag>.ccinv``    an invitation waiting to be used (deleted once used)
``<folder>/<device id>/rekey-<generation>.ccrekey`` a new family key for the others, after a removal

Files are written once through the one private atomic writer; a file that is cut short (a sync
tool still copying it) is read again next time.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from ..domain.errors import ValidationError
from ..i18n import _
from ..private_files import write_private
from ..storage.errors import DiskFullError

CARD = "card.ccdev"
BATCH = re.compile(r"^batch-(\d{12})\.ccsync$")
REKEY = re.compile(r"^rekey-(\d{6})\.ccrekey$")
DEVICE = re.compile(r"^[0-9a-f]{32}$")
MAX_FILE = 256 * 1024 * 1024  # a batch larger than this is not one of ours


def batch_name(seq: int) -> str:
    return f"batch-{seq:012d}.ccsync"


def rekey_name(generation: int) -> str:
    return f"rekey-{generation:06d}.ccrekey"


def invite_name(tag: str) -> str:
    return f"invite-{tag}.ccinv"


def check_folder(folder: Path) -> Path:
    """``folder`` as a whole path (kept in the vault: a relative one would mean another folder
    when the app runs from elsewhere) when it is an existing folder; else :class:`ValidationError`
    in plain words."""
    folder = Path(folder).expanduser().absolute()
    if not folder.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=folder), field="folder")
    return folder


def own_folder(folder: Path, device_id: str) -> Path:
    mine = Path(folder) / device_id
    mine.mkdir(mode=0o700, exist_ok=True)
    return mine


def write_once(path: Path, data: bytes) -> None:
    """Write a new file of the shared folder (private, atomic). A full disk raises
    :class:`DiskFullError`; nothing half-written takes the name."""
    try:
        write_private(path, data)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFullError(_("The disk of the shared folder {folder} is full. Nothing was half-written; "
                                  "your changes wait here.").format(folder=Path(path).parent.parent)) from None
        raise


def read_small(path: Path) -> bytes | None:
    """The bytes of an ordinary file of the shared folder, or None when it cannot be read now
    (gone, not an ordinary file, too large)."""
    try:
        if not path.is_file() or path.is_symlink():
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError:
        return None
    return None if len(data) > MAX_FILE else data


def devices(folder: Path) -> list[str]:
    """The computers' subfolders in the shared folder."""
    try:
        return sorted(p.name for p in Path(folder).iterdir() if p.is_dir() and DEVICE.match(p.name))
    except OSError:
        return []


def numbered(folder: Path, pattern: re.Pattern) -> list[tuple[int, Path]]:
    """``(number, path)`` of the files in ``folder`` whose names match ``pattern``, in order."""
    try:
        found = [(int(m.group(1)), p) for p in Path(folder).iterdir() if (m := pattern.match(p.name))]
    except OSError:
        return []
    return sorted(found)
