"""Small file helpers for the vault folder: private folders, durable renames, moving files aside,
and tidying temporary files a crash left behind."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from ..i18n import N_, _
from .errors import NotAFolderError

from ..private_files import fsync_dir  # noqa: F401  (re-exported for the vault code)

# Temporary names the vault code uses: ``.vault-….tmp`` (backups, restores, imports),
# ``.vault.keys.….tmp`` (key file writes) and ``.caregiver-vault-….part`` (vault files).
TEMP_PATTERN = re.compile(r"^\.(vault[-.].*\.tmp|caregiver-vault-.*\.part)(-wal|-shm|-journal)?$")


NOT_A_FOLDER = N_(
    "{folder} should be a folder that the app keeps beside the vault, but something else has its name (a "
    "file or a broken link, for example). Move it out of the way, then try again. Nothing was changed."
)


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and parents) with mode 0700 and tighten it if it already exists.
    Raises :class:`NotAFolderError` (an OSError) when something else has its name."""
    folder = Path(folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno not in (errno.EEXIST, errno.ENOTDIR, errno.ELOOP):
            raise
        raise NotAFolderError(_(NOT_A_FOLDER).format(folder=folder)) from None
    try:
        os.chmod(folder, 0o700)
    except OSError:
        pass
    return folder


def sidecars(db_path: Path) -> list[Path]:
    """The database file and SQLite's companion files that belong with it."""
    db_path = Path(db_path)
    return [db_path] + [Path(str(db_path) + s) for s in ("-wal", "-shm", "-journal")]


def _free_aside_name(aside_dir: Path, stamp: str) -> Path:
    """``aside_dir/vault-<stamp>.db`` (the folder made private), or ``vault-<stamp>.<n>.db`` with
    the first ``n`` whose database and sidecar names are all free."""
    private_folder(aside_dir)
    base = aside_dir / f"vault-{stamp}.db"
    n = 1
    while any(p.exists() for p in sidecars(base)):
        n += 1
        base = aside_dir / f"vault-{stamp}.{n}.db"
    return base


def move_aside(db_path: Path, aside_dir: Path, stamp: str) -> Path | None:
    """Move the database at ``db_path`` (with its ``-wal``/``-shm``/``-journal`` files, which
    belong to it) into ``aside_dir`` as ``vault-<stamp>.db``. Nothing is deleted. Returns the new
    path of the database file, or None when there was nothing to move."""
    db_path = Path(db_path)
    base = _free_aside_name(aside_dir, stamp)
    moved = None
    for old, new in zip(sidecars(db_path), sidecars(base)):
        if old.exists():
            os.replace(old, new)
            if old == db_path:
                moved = new
    fsync_dir(aside_dir)
    fsync_dir(db_path.parent)
    return moved


def copy_aside(db_path: Path, aside_dir: Path, stamp: str) -> Path:
    """Copy the database at ``db_path`` with its ``-wal``/``-shm`` files, byte for byte and
    synced, into ``aside_dir`` as ``vault-<stamp>.db`` (mode 0600), leaving them in place.
    Returns the copy's path. Raises ``OSError`` (a partial copy is removed)."""
    db_path = Path(db_path)
    base = _free_aside_name(aside_dir, stamp)
    made: list[Path] = []
    try:
        for old, new in zip(sidecars(db_path), sidecars(base)):
            if not old.exists():
                continue
            fd = os.open(new, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            made.append(new)
            with os.fdopen(fd, "wb") as out, open(old, "rb") as src:
                while chunk := src.read(1024 * 1024):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        for p in made:
            try:
                p.unlink()
            except OSError:
                pass
        raise
    fsync_dir(aside_dir)
    return base


def clean_temp_files(*folders: Path) -> int:
    """Remove temporary files of ours that a crash left in ``folders`` (never anything else).
    Call only while holding the vault lock. Returns how many were removed."""
    removed = 0
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if TEMP_PATTERN.match(name):
                try:
                    os.unlink(Path(folder) / name)
                    removed += 1
                except OSError:
                    pass
    return removed
