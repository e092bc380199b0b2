"""Something in the way in the vault's folder (task attack-trust2): a file, a pipe or a link loop
where the ``backups`` folder should be, a folder or a pipe where ``vault.db`` should be. Each is told
in plain words that name the thing in the way, with the vault exit code (5), and nothing is moved,
deleted or half-written."""

from __future__ import annotations

import os

import pytest
from support import PASSPHRASE, cli_process, folder_bytes, run_cli

from caregiver_app.services import backups
from caregiver_app.services.vault import Vault
from caregiver_app.services.vault_open import unlock_with_passphrase
from caregiver_app.storage.backup import BackupError


def _put_in_the_way(path, kind: str) -> None:
    if kind == "file":
        path.write_text("not a folder", encoding="utf-8")
    elif kind == "pipe":
        os.mkfifo(path)
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "folder":
        path.mkdir()


def _clear(path) -> None:
    if path.is_dir() and not path.is_symlink():
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
    elif path.exists() or path.is_symlink():
        path.unlink()


@pytest.mark.parametrize("kind", ["file", "pipe", "loop"])
def test_backup_command_names_what_is_in_place_of_the_backups_folder(data_dir, environment, kind):
    backups_folder = data_dir / "backups"
    _clear(backups_folder)
    _put_in_the_way(backups_folder, kind)
    code, out, err = run_cli(data_dir, "backup", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 5, err
    assert str(backups_folder) in err
    assert "could not be read or written" not in err and "unexpected" not in err
    assert os.path.lexists(backups_folder) and not backups_folder.is_dir()  # left as it was


@pytest.mark.parametrize("kind", ["file", "loop"])
def test_a_backup_into_a_backups_name_that_is_not_a_folder_is_a_backup_error(vault_paths, vault, kind):
    _clear(vault_paths.backups)
    _put_in_the_way(vault_paths.backups, kind)
    with pytest.raises(BackupError) as raised:
        backups.back_up_now(vault)
    assert str(vault_paths.backups) in str(raised.value)


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_something_in_place_of_vault_db_is_named_not_called_a_read_only_or_failing_disk(data_dir, environment,
                                                                                       kind):
    db = data_dir / "vault.db"
    for extra in ("vault.db-wal", "vault.db-shm"):
        (data_dir / extra).unlink(missing_ok=True)
    db.unlink()
    _put_in_the_way(db, kind)
    before = folder_bytes(data_dir)
    code, out, err = run_cli(data_dir, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 5, err
    assert str(db) in err and "in the way" in err
    assert "read-only" not in err and "disk may be failing" not in err
    assert folder_bytes(data_dir) == before
    assert os.path.lexists(db) and not db.is_file() and not (data_dir / "damaged").exists()


def test_service_refuses_a_folder_in_place_of_vault_db_and_moves_nothing(vault_paths):
    from caregiver_app.services.vault_open import create_vault
    from caregiver_app.storage.errors import StorageError

    create_vault(vault_paths, PASSPHRASE).vault.close()
    for name in ("vault.db", "vault.db-wal", "vault.db-shm"):
        (vault_paths.folder / name).unlink(missing_ok=True)
    vault_paths.db.mkdir()
    with pytest.raises(StorageError) as raised:
        opened = unlock_with_passphrase(vault_paths, PASSPHRASE)
        if isinstance(opened, Vault):  # pragma: no cover - the failure this test is for
            opened.close()
    assert str(vault_paths.db) in str(raised.value)
    assert vault_paths.db.is_dir()


def test_a_lock_file_this_account_may_not_write_is_named_not_called_a_read_only_folder(data_dir, environment,
                                                                                      monkeypatch):
    # What a lock file left by `sudo caregiver-app` (or made read-only) does for a normal account;
    # the test runs as root, where the system lets every open through, so the refusal is played.
    import errno

    from caregiver_app.storage import lock

    real_open = os.open
    lock_path = str(data_dir / "vault.lock")

    def refusing(path, flags, *args, **kwargs):
        if str(path) == lock_path and flags & os.O_RDWR:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(lock.os, "open", refusing)
    code, out, err = run_cli(data_dir, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 5, err
    assert lock_path in err and "another account" in err
    assert "folder cannot be written" not in err


@pytest.mark.parametrize("kind", ["file", "pipe", "loop", "broken link"])
def test_init_in_a_data_folder_that_is_not_a_folder_says_so(tmp_path, environment, kind):
    # e.g. a link to a vault folder on a drive that is not plugged in: no new, empty vault anywhere
    folder = tmp_path / "CaregiverCompanion"
    if kind == "broken link":
        folder.symlink_to(tmp_path / "unplugged-drive" / "CaregiverCompanion")
    else:
        _put_in_the_way(folder, kind)
    code, out, err = run_cli(folder, "init", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 5, err
    assert str(folder) in err and "not a folder" in err
    assert "unexpected" not in err and "could not be read or written" not in err
    assert not (tmp_path / "unplugged-drive").exists()


def test_a_data_folder_that_is_a_link_loop_has_a_settings_file_and_a_window_name(tmp_path):
    # Path.resolve() raised RuntimeError on a link loop (before Python 3.13): the window's start
    # crashed with a traceback before its first frame, the command line with "unexpected".
    from caregiver_app import settings
    from caregiver_app.gui.single_instance import server_name

    folder = tmp_path / "loop"
    folder.symlink_to("loop")
    path, legacy = settings.location(folder, tmp_path / "usual")
    assert path == folder / "settings.json" and legacy is None
    assert server_name(folder).startswith("caregiver-companion-")


@pytest.mark.parametrize("side, kind", [("vault.db-wal", "pipe"), ("vault.db-wal", "folder"), ("vault.db-wal", "loop"),
                                        ("vault.db-shm", "pipe"), ("vault.db-shm", "folder")])
def test_something_in_place_of_the_journals_working_files_is_named_and_never_hangs(vault_paths, side, kind):
    # A pipe named vault.db-wal made every command (and the window's unlock) wait for ever: the
    # log is read, frame by frame, before SQLite opens the journal.
    from caregiver_app.services.vault_open import create_vault

    create_vault(vault_paths, PASSPHRASE).vault.close()
    path = vault_paths.folder / side
    _clear(path)
    _put_in_the_way(path, kind)
    before = folder_bytes(vault_paths.folder)
    result = cli_process(vault_paths.folder, "people", "--passphrase-stdin", input=(PASSPHRASE + "\n").encode())
    err = result.stderr.decode()
    assert result.returncode == 5, err
    assert str(path) in err and "in the way" in err and "Traceback" not in err
    assert folder_bytes(vault_paths.folder) == before and os.path.lexists(path)


@pytest.mark.parametrize("kind", ["file", "loop"])
def test_a_damaged_folder_that_is_not_a_folder_is_named_when_a_key_file_must_be_set_aside(data_dir, environment,
                                                                                        kind):
    # Repairing a damaged key file moves it into damaged/: with a file there, the unlock ended with
    # "a file could not be read or written" and exit 1.
    damaged = data_dir / "damaged"
    _put_in_the_way(damaged, kind)
    (data_dir / "vault.keys").write_bytes(b"garbage")
    spare = (data_dir / "vault.keys.prev").read_bytes()
    code, out, err = run_cli(data_dir, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 5, err
    assert str(damaged) in err and "should be a folder" in err
    assert (data_dir / "vault.keys").read_bytes() == b"garbage"  # the key files as they were
    assert (data_dir / "vault.keys.prev").read_bytes() == spare
    assert os.path.lexists(damaged) and not damaged.is_dir()
    damaged.unlink()  # moved out of the way: the repair goes ahead
    code, out, err = run_cli(data_dir, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 0, err
    assert "repaired" in out + err


def test_a_swap_to_finish_with_a_link_loop_for_replaced_is_not_unexpected(data_dir, environment):
    from caregiver_app.services.vault_swap import PLAN

    (data_dir / PLAN).write_text('{"aside": "replaced/x"}', encoding="utf-8")
    (data_dir / "replaced").symlink_to("replaced")
    code, out, err = run_cli(data_dir, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 0, err  # nothing was staged: the plan is dropped and the vault opens as it is
    assert "unexpected" not in err
    assert (data_dir / "vault.db").is_file() and (data_dir / "vault.keys").is_file()
