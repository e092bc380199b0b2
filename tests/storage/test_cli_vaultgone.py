"""The command line on a data folder that is not there and on a vault whose key files are both
gone: plain words naming the folder, the vault exit code, and nothing asked or derived first
(vaultgone). Real vault folders, the CLI in process."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from support import PASSPHRASE, count_key_derivations

from caregiver_app import cli
from caregiver_app.services import vault as vault_service
from caregiver_app.services.vault import KEYFILE_MISSING, VaultPaths


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def nothing_asked(monkeypatch):
    """Fails a test that prompts for a secret or derives a key."""
    asked = count_key_derivations(monkeypatch)
    monkeypatch.setattr(cli, "ask_secret", lambda prompt: asked.append(prompt) or PASSPHRASE)
    return asked


def _run(argv, stdin) -> tuple[int, str]:
    err = io.StringIO()
    code = cli.main(argv, stdin=stdin, out=io.StringIO(), err=err)
    return code, err.getvalue()


@pytest.mark.parametrize("command", [["people"], ["backup"], ["change-passphrase"], ["rotate-key"]])
def test_lost_keys_fail_at_once_with_the_vault_code_before_any_prompt(data_dir, nothing_asked, command):
    paths = VaultPaths(data_dir)
    paths.keyfile.unlink()
    paths.keyfile.with_name("vault.keys.prev").unlink(missing_ok=True)
    stdin = Terminal(PASSPHRASE + "\n")
    code, err = _run(["--data-dir", str(data_dir), *command], stdin)
    assert code == cli.EXIT_VAULT
    assert KEYFILE_MISSING.format(folder=data_dir) in err
    assert nothing_asked == [] and stdin.read() == PASSPHRASE + "\n"


def test_lost_keys_with_a_piped_passphrase_read_nothing(data_dir, nothing_asked):
    (data_dir / "vault.keys").unlink()
    (data_dir / "vault.keys.prev").unlink(missing_ok=True)
    piped = io.StringIO(PASSPHRASE + "\n")
    code, err = _run(["--data-dir", str(data_dir), "people", "--passphrase-stdin"], piped)
    assert code == cli.EXIT_VAULT and "vault.keys" in err
    assert nothing_asked == [] and piped.read() == PASSPHRASE + "\n"


def test_a_folder_not_there_names_it_and_gives_the_drive_hint(tmp_path, nothing_asked):
    folder = tmp_path / "media" / "usb" / "journal"
    code, err = _run(["--data-dir", str(folder), "people"], Terminal(PASSPHRASE + "\n"))
    assert code == cli.EXIT_VAULT
    assert str(folder) in err and "drive or a network folder" in err and "caregiver-app init" in err
    assert nothing_asked == [] and not folder.exists()


def test_a_folder_that_is_there_but_empty_keeps_its_words(tmp_path):
    code, err = _run(["--data-dir", str(tmp_path), "people"], Terminal(""))
    assert code == cli.EXIT_VAULT
    assert f"No vault is set up in {tmp_path} yet." in err and "drive" not in err


def test_the_usual_folder_missing_keeps_its_words(tmp_path, monkeypatch):
    folder = tmp_path / "usual"
    monkeypatch.setattr(vault_service, "usual_folder", lambda: folder)
    code, err = _run(["--data-dir", str(folder), "people"], Terminal(""))
    assert code == cli.EXIT_VAULT and "No vault is set up" in err and "drive" not in err


def test_a_real_process_says_it_too(tmp_path):
    folder = tmp_path / "not plugged in"
    env = {**os.environ, "LANGUAGE": "en", "LC_ALL": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "caregiver_app", "--data-dir", str(folder), "people"],
                          capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == cli.EXIT_VAULT
    assert str(folder) in done.stderr and "not connected" in done.stderr


@pytest.mark.parametrize("command", [["settings"], ["settings", "set", "country", "GB"],
                                     ["settings", "set", "language", "es"]])
def test_settings_of_a_folder_not_there_are_not_made_up_or_written(tmp_path, command):
    """Listing showed the defaults as if they were the folder's; setting one made the folder (and
    its parents) on the computer's own disk, where the drive would later be mounted over it."""
    folder = tmp_path / "media" / "usb" / "journal"
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(folder), *command], stdin=io.StringIO(), out=out, err=err)
    assert code == cli.EXIT_VAULT
    assert str(folder) in err.getvalue() and "not connected" in err.getvalue()
    assert out.getvalue() == "" and not (tmp_path / "media").exists()


def test_settings_of_an_empty_folder_or_the_usual_one_still_work(tmp_path, monkeypatch):
    """Choosing settings before 'init' stays possible where a journal is to be made."""
    usual = tmp_path / "usual"
    monkeypatch.setattr(vault_service, "usual_folder", lambda: usual)
    for folder in (tmp_path / "empty", usual):
        folder.mkdir(exist_ok=True) if folder.name == "empty" else None
        code = cli.main(["--data-dir", str(folder), "settings", "set", "country", "GB"],
                        stdin=io.StringIO(), out=io.StringIO(), err=io.StringIO())
        assert code == cli.EXIT_OK


def test_a_folder_that_may_not_be_opened_is_named_with_the_vault_code(tmp_path, nothing_asked, monkeypatch):
    locked = tmp_path / "other-account"
    folder = locked / "journal"
    folder.mkdir(parents=True)
    locked.chmod(0)
    if os.geteuid() == 0:  # root opens anything: the same error, raised for that folder's insides
        from pathlib import Path

        real_stat = Path.stat
        monkeypatch.setattr(Path, "stat", lambda self, *a, **k: (_ for _ in ()).throw(
            PermissionError(13, "Permission denied")) if locked in self.parents else real_stat(self, *a, **k))
    try:
        code, err = _run(["--data-dir", str(folder), "people"], Terminal(PASSPHRASE + "\n"))
    finally:
        locked.chmod(0o700)
    assert code == cli.EXIT_VAULT and str(folder) in err and "cannot open that folder" in err
    assert nothing_asked == []


@pytest.mark.parametrize("command", [["people"], ["settings"], ["settings", "set", "country", "GB"]])
def test_a_file_given_as_the_folder_is_told_as_such(data_dir, nothing_asked, command):
    given = data_dir / "vault.db"
    before = given.read_bytes()
    code, err = _run(["--data-dir", str(given), *command], Terminal(PASSPHRASE + "\n"))
    assert code == cli.EXIT_VAULT
    assert "is a file, not a folder" in err and str(data_dir) in err and "settings file" not in err
    assert nothing_asked == [] and given.read_bytes() == before


def test_a_relative_folder_is_named_in_full(tmp_path, data_dir, monkeypatch, nothing_asked):
    """'--data-dir jornal' said "There is no journal in jornal": which one, seen from where?"""
    monkeypatch.chdir(tmp_path)
    code, err = _run(["--data-dir", "jornal", "people"], Terminal(""))
    assert code == cli.EXIT_VAULT and f"in {tmp_path / 'jornal'}:" in err
    (data_dir / "vault.keys").unlink()
    (data_dir / "vault.keys.prev").unlink(missing_ok=True)
    monkeypatch.chdir(data_dir.parent)
    code, err = _run(["--data-dir", data_dir.name, "people"], Terminal(""))
    assert code == cli.EXIT_VAULT and f"The vault in {data_dir} cannot" in err
