"""Full disks and read-only folders give a plain message, lose nothing that was saved, and the next
save works once space is back; one program at a time holds the vault; settings are written
atomically."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy import event
from support import PASSPHRASE, add_entries, mounted_tmpfs

from caregiver_app import settings as app_settings
from caregiver_app.services import journal, people
from caregiver_app.services import vault as vs
from caregiver_app.services import vault_open
from caregiver_app.storage.lock import is_locked
from caregiver_app.services.vault import engine_of

BIG_NOTE = "Slept badly; long talk about the week. " * 400


def draft(person_id, minute: int, note: str = "short note"):
    return journal.EntryDraft(person_id, datetime(2026, 11, 2, 9, minute), note=note)


def limit_pages(vault, extra: int):
    """Make every new connection refuse to grow the database by more than ``extra`` pages: the
    same SQLITE_FULL a full disk gives, injected at the database library."""
    engine = engine_of(vault)
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def on_connect(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + extra}")

    engine.dispose()
    event.listen(engine, "connect", on_connect)
    return lambda: (event.remove(engine, "connect", on_connect), engine.dispose())


def test_saved_means_on_disk(vault):
    """Every connection writes ahead to a log and syncs it before a save returns."""
    with engine_of(vault).connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_injected_full_disk_gives_a_plain_message_and_the_next_save_works(vault, person):
    journal.save_entry(vault, draft(person.id, 0))
    undo = limit_pages(vault, 1)
    with pytest.raises(vs.DiskFullError) as info:
        journal.save_entry(vault, draft(person.id, 1, BIG_NOTE))
    assert str(info.value).startswith("The disk is full") and BIG_NOTE[:20] not in str(info.value)
    assert info.value.__class__.__name__ == "DiskFullError"
    undo()
    journal.save_entry(vault, draft(person.id, 2, BIG_NOTE))
    assert journal.count_entries(vault, person.id) == 2  # nothing half-written, nothing lost


def test_read_only_at_the_database_gives_a_plain_message(vault, person):
    engine = engine_of(vault)

    def on_connect(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA query_only = ON")

    engine.dispose()
    event.listen(engine, "connect", on_connect)
    with pytest.raises(vs.ReadOnlyError, match="cannot be written"):
        journal.save_entry(vault, draft(person.id, 3))
    event.remove(engine, "connect", on_connect)
    engine.dispose()
    journal.save_entry(vault, draft(person.id, 4))
    assert journal.count_entries(vault, person.id) == 1


@pytest.fixture
def small_disk(tmp_path):
    """A real 3 MiB file system (tmpfs; needs root). Skipped where it cannot be mounted."""
    with mounted_tmpfs(tmp_path / "small", "size=3m,mode=0700") as folder:
        yield folder


def fill(folder, leave: int = 0) -> None:
    """Fill the file system holding ``folder`` until at most ``leave`` bytes are free."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize - leave
    with open(folder / "filler", "wb") as fh:
        try:
            while free > 0:
                chunk = min(free, 1 << 20)
                fh.write(b"\0" * chunk)
                free -= chunk
            fh.flush()
        except OSError:
            pass


def test_a_really_full_disk(small_disk):
    paths = vs.VaultPaths(small_disk / "vault")
    created = vault_open.create_vault(paths, PASSPHRASE)
    vault = created.vault
    sam = people.add_person(vault, "Sam")
    add_entries(vault, sam.id, 3)
    fill(small_disk)
    failures = 0
    for minute in range(20):
        try:
            journal.save_entry(vault, draft(sam.id, minute, BIG_NOTE))
        except vs.DiskFullError as exc:
            failures += 1
            assert "disk is full" in str(exc)
            break
    assert failures == 1
    saved_before = journal.count_entries(vault, sam.id)
    (small_disk / "filler").unlink()
    journal.save_entry(vault, draft(sam.id, 30, BIG_NOTE))
    vault.close()
    again = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert journal.count_entries(again, sam.id) == saved_before + 1
    finally:
        again.close()


def test_a_read_only_data_folder_gives_a_plain_message(tmp_path, small_disk):
    paths = vs.VaultPaths(small_disk / "vault")
    vault_open.create_vault(paths, PASSPHRASE).vault.close()
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if remount.returncode != 0:
        pytest.skip("cannot remount read-only here")
    try:
        with pytest.raises(vs.ReadOnlyError, match="cannot be written"):
            vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], capture_output=True)
    vault_open.unlock_with_passphrase(paths, PASSPHRASE).close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="folder permissions do not bind root")
def test_a_read_only_data_folder_by_permissions(vault_paths):
    vault_open.create_vault(vault_paths, PASSPHRASE).vault.close()
    os.chmod(vault_paths.lock, 0o400)
    os.chmod(vault_paths.folder, 0o500)
    try:
        with pytest.raises(vs.ReadOnlyError, match="cannot be written"):
            vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    finally:
        os.chmod(vault_paths.folder, 0o700)
        os.chmod(vault_paths.lock, 0o600)


def test_one_program_at_a_time(vault_paths, tmp_path):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    assert is_locked(vault_paths.folder)
    with pytest.raises(vs.VaultInUseError, match="already open"):
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    # Even the command line refuses while the vault is open here.
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    result = subprocess.run(
        [sys.executable, "-m", "caregiver_app", "--data-dir", str(vault_paths.folder), "backup", "--passphrase-stdin"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 5 and "already open" in result.stderr and "Traceback" not in result.stderr
    created.vault.close()
    assert not is_locked(vault_paths.folder)
    vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE).close()


def test_settings_are_written_atomically(tmp_path, monkeypatch):
    path = tmp_path / "config" / "settings.json"
    app_settings.save(app_settings.Settings(idle_lock_minutes=5), path)
    assert oct(path.stat().st_mode & 0o777) == "0o600" and oct(path.parent.stat().st_mode & 0o777) == "0o700"
    before = path.read_bytes()

    def no_space(*_args):
        raise OSError(28, "No space left on device")

    from caregiver_app.security import keyfile

    monkeypatch.setattr(keyfile.os, "replace", no_space)
    with pytest.raises(OSError):
        app_settings.save(app_settings.Settings(idle_lock_minutes=7), path)
    monkeypatch.undo()
    assert path.read_bytes() == before and json.loads(before)["idle_lock_minutes"] == 5
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary file left
