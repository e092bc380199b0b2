"""``caregiver-app imports --undo N --yes`` on a real vault folder: it prints the name of the backup
made just before the undo (in the same form as the import's line), the backup is listed by
``caregiver-app restore`` in plain words and can be restored; when the backup cannot be made
nothing is removed, the words say why, and a full disk exits with 6."""

from __future__ import annotations

import errno
import re

from support import run_cli
from test_cli_imports import CSV, SECRET

from caregiver_app.cli import EXIT_DISK, EXIT_OK, EXIT_VAULT
from caregiver_app.storage import backup as store


def _imported(data_dir, tmp_path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    code, out, _err = run_cli(data_dir, "import", str(path), "--person", "Sam", "--timezone", "UTC",
                              "--mood-map", "Solid=4", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK and "This is import 1" in out


def _undo(data_dir):
    return run_cli(data_dir, "imports", "--undo", "1", "--yes", "--passphrase-stdin", stdin=SECRET)


def _entries(data_dir, tmp_path) -> int:
    target = tmp_path / "journal.csv"
    target.unlink(missing_ok=True)
    code, _out, _err = run_cli(data_dir, "export-csv", "--person", "Sam", "-o", str(target),
                               "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK
    return target.read_text(encoding="utf-8-sig").count("\n") - 1  # the header aside


def test_the_undo_names_its_backup_which_is_listed_and_can_be_restored(data_dir, tmp_path):
    _imported(data_dir, tmp_path)
    code, out, _err = _undo(data_dir)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[-2] == "Removed 3 entries of import 1."
    found = re.fullmatch(r"Backup made before the undo: (vault-\d{8}T\d{6}Z-pre-undo\.db)", lines[-1])
    assert found is not None and (data_dir / "backups" / found.group(1)).is_file()
    assert _entries(data_dir, tmp_path) == 0

    code, out, _err = run_cli(data_dir, "restore", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK
    listed = [line for line in out.splitlines() if "Before undoing an import" in line]
    assert len(listed) == 1 and listed[0].endswith("Before undoing an import, 3 entries")
    number = listed[0].split()[0]
    code, out, _err = run_cli(data_dir, "restore", number, "--yes", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK
    assert _entries(data_dir, tmp_path) == 3


def test_a_full_disk_during_the_backup_removes_nothing_and_exits_6(data_dir, tmp_path, monkeypatch):
    _imported(data_dir, tmp_path)
    before = sorted(p.name for p in (data_dir / "backups").iterdir())

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "export_copy", full)  # the writer at the storage edge: the disk is full
    code, out, err = _undo(data_dir)
    monkeypatch.undo()
    assert code == EXIT_DISK
    assert err.strip() == ("caregiver-app: The disk is full, so a backup copy of the vault could not be made. "
                           "Nothing was changed.")
    assert "Removed" not in out and "Backup made" not in out
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == before
    assert _entries(data_dir, tmp_path) == 3


def test_an_unwritable_backups_folder_removes_nothing_and_says_so(data_dir, tmp_path):
    _imported(data_dir, tmp_path)
    folder = data_dir / "backups"
    for old in folder.iterdir():
        old.unlink()
    folder.rmdir()
    folder.write_bytes(b"in the way")  # the backups folder cannot be made or written
    code, out, err = _undo(data_dir)
    assert code == EXIT_VAULT
    assert "A backup copy of the vault could not be made, because its backups folder" in err
    assert err.count("Nothing was changed.") == 1
    assert "Removed" not in out
    folder.unlink()
    assert _entries(data_dir, tmp_path) == 3
