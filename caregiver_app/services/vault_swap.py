"""Putting a whole new vault (from a vault file) in place of the one in a folder, so that a crash
at any instant leaves something the next open finishes by itself — never a folder that looks
empty.

The steps, each one durable before the next:

1. *Stage*: the new database becomes ``vault.db.incoming`` and its key file
   ``vault.keys.incoming``. A crash here leaves the old vault untouched; the next open removes
   the staged files (roll back).
2. *Plan*: ``vault.replace-in-progress.json`` names the folder the old vault goes to
   (``replaced/<time>/``). From here on the swap only ever goes forward.
3. *Set aside*: while both staged files exist, the old database (with its ``-wal``/``-shm``),
   both key-file generations and the backups folder are moved into that folder (never deleted).
4. *Put in place*: ``vault.keys.incoming`` becomes ``vault.keys``, then ``vault.db.incoming``
   becomes ``vault.db`` (and ``backups.incoming``, when a key rotation staged one, becomes
   ``backups``); the spare key-file copy is written; for a key rotation the old files are
   deleted; the plan is removed.

:func:`finish_interrupted` repeats whatever of 3-4 is left (each step is a rename that is either
done or not), or rolls 1 back. Callers hold the vault lock.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from ..security.keyfile import atomic_write, read_key_bytes
from ..storage.files import fsync_dir, private_folder, sidecars
from ..storage.lock import VaultLock

PLAN = "vault.replace-in-progress.json"  # its temporary file is one clean_temp_files knows
DB, KEYS = "vault.db", "vault.keys"


def _incoming(folder: Path) -> tuple[Path, Path]:
    return folder / f"{DB}.incoming", folder / f"{KEYS}.incoming"


def incoming_backups(folder: Path) -> Path:
    """Where re-encrypted backups are staged (by a key rotation) before they take their place."""
    return Path(folder) / "backups.incoming"


def pending(folder: Path) -> bool:
    """True when a replace was planned and has not finished (the folder holds a vault)."""
    return (Path(folder) / PLAN).exists()


def needs_attention(folder: Path) -> bool:
    """True when a swap is planned or staged files are left (see :func:`finish_interrupted`)."""
    folder = Path(folder)
    return pending(folder) or any(p.exists() for p in (*_incoming(folder), incoming_backups(folder)))


def stage(folder: Path, db_copy: Path, keyfile_bytes: bytes, *, backups: Path | None = None) -> None:
    """Step 1: make ``db_copy`` (in ``folder``) and ``keyfile_bytes`` the staged new vault.
    ``backups``, when given, must be :func:`incoming_backups` and already complete: it becomes
    the new vault's backup folder."""
    folder = Path(folder)
    if backups is not None and Path(backups) != incoming_backups(folder):
        raise ValueError("staged backups belong in backups.incoming")
    db_in, keys_in = _incoming(folder)
    for stale in (*sidecars(db_in), keys_in):  # from an attempt that never reached its plan
        stale.unlink(missing_ok=True)
    os.replace(db_copy, db_in)
    atomic_write(keys_in, keyfile_bytes)  # syncs the folder too


def swap(folder: Path, aside: str, *, discard_old: bool = False) -> None:
    """Steps 2-4: plan to move the old vault into ``folder / aside`` and finish the swap. With
    ``discard_old`` the old vault is deleted once the new one is in place (a key rotation: the
    old files are under the old key, which must stop opening anything here)."""
    base, n = aside, 1
    while (Path(folder) / aside).exists():  # two replaces in one second: never mix their old vaults
        n += 1
        aside = f"{base}.{n}"
    plan = {"aside": aside, "discard": bool(discard_old)}
    atomic_write(Path(folder) / PLAN, json.dumps(plan).encode("utf-8"))
    finish_interrupted(folder)


def finish_interrupted(folder: Path) -> bool:
    """Finish a planned swap, or roll back one that was only staged. Returns True when a planned
    swap was finished. Raises ``OSError`` (then it simply runs again next time)."""
    folder = Path(folder)
    db_in, keys_in = _incoming(folder)
    plan_path = folder / PLAN
    backups_in = incoming_backups(folder)
    discard = False
    try:
        # Read like a key file: bounded, and a pipe in its place is refused instead of waiting forever.
        plan = json.loads(read_key_bytes(plan_path).decode("utf-8"))
        aside = folder / str(plan["aside"])
        discard = plan.get("discard") is True
        if aside.parent.resolve() != (folder / "replaced").resolve():
            raise ValueError("plan")
    except FileNotFoundError:
        for stale in (*sidecars(db_in), keys_in):
            stale.unlink(missing_ok=True)
        shutil.rmtree(backups_in, ignore_errors=True)
        return False
    except (ValueError, KeyError, TypeError, OSError, RecursionError,  # RecursionError: brackets nested deep
            RuntimeError):  # a link loop where replaced/ goes (Path.resolve before Python 3.13)
        aside, discard = folder / "replaced" / "unfinished", False
    old = [p for p in (*sidecars(folder / DB), folder / KEYS, folder / f"{KEYS}.prev", folder / "backups") if p.exists()]
    if db_in.exists() and keys_in.exists() and old:
        private_folder(aside.parent)
        private_folder(aside)
        for item in old:
            os.replace(item, aside / item.name)
        fsync_dir(aside)
        fsync_dir(folder)
    if keys_in.exists():
        os.replace(keys_in, folder / KEYS)
        fsync_dir(folder)
    if db_in.exists():
        os.replace(db_in, folder / DB)
        fsync_dir(folder)
    if backups_in.exists():
        os.replace(backups_in, folder / "backups")
        fsync_dir(folder)
    prev = folder / f"{KEYS}.prev"
    if not prev.exists() and (folder / KEYS).exists():
        atomic_write(prev, (folder / KEYS).read_bytes())
    if discard:
        shutil.rmtree(aside, ignore_errors=True)
    plan_path.unlink(missing_ok=True)
    fsync_dir(folder)
    return True


def finish_under_lock(folder: Path) -> None:
    """Take the vault lock and :func:`finish_interrupted` when anything is left to do, so a
    folder mid-swap never looks empty. Raises :class:`VaultInUseError` when another program
    holds the vault."""
    if not needs_attention(folder):
        return
    lock = VaultLock.acquire(Path(folder))
    try:
        finish_interrupted(folder)
    finally:
        lock.release()
