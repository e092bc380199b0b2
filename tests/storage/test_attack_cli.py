"""Attack on the command line (branch attack-cli): a full disk while saving an export gives the
documented exit code 6, the import's "This is …" line and the locked-vault message speak the
command line's language, and Ctrl+C before the command runs ends without a traceback.
Real encrypted vaults in tmp_path, run in-process."""

from __future__ import annotations

import os
from datetime import datetime

import pytest
from support import PASSPHRASE, mounted_tmpfs, run_cli

from caregiver_app import cli
from caregiver_app.services import journal
from caregiver_app.services.people import add_person
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault

DAYLIO = "full_date,date,weekday,time,mood,activities,note_title,note\n" \
         "2026-11-20,Nov 20,Friday,9:15 PM,good,walk,,\n"


@pytest.fixture
def folder(tmp_path, environment):
    data = tmp_path / "data"
    vault = create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault
    person = add_person(vault, "Sam")
    for day in range(1, 29):
        journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, day, 21, 15), note="x" * 1000,
                                                     anxiety=day % 11, zone_name="UTC"))
    vault.close()
    return data


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 16 KiB file system (tmpfs; needs root). Skipped where it cannot be mounted."""
    with mounted_tmpfs(tmp_path / "tiny", "size=16k") as folder:
        yield folder


@pytest.mark.parametrize("command", [
    ["summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "--sections", "all", "-o", "s.pdf"],
    ["export-csv", "--person", "Sam", "-o", "j.csv"],
    ["export-journal", "--person", "Sam", "-o", "j.html"],
])
def test_a_full_disk_while_saving_an_export_ends_with_exit_code_6(folder, tiny_disk, command):
    command = [*command[:-1], str(tiny_disk / command[-1]), "--passphrase-stdin"]
    code, _out, err = run_cli(folder, *command, stdin=PASSPHRASE + "\n")
    assert "disk is full" in err
    assert code == cli.EXIT_DISK
    assert sorted(p.name for p in tiny_disk.iterdir()) == []  # nothing half-written left


def test_the_import_says_what_the_file_is_in_spanish(folder, environment, tmp_path):
    environment.setenv("LANG", "es_ES.UTF-8")
    export = tmp_path / "daylio.csv"
    export.write_text(DAYLIO, encoding="utf-8")
    code, out, err = run_cli(folder, "import", str(export), "--person", "Sam", "--passphrase-stdin",
                             stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_OK, err
    assert "Esto es una exportación de Daylio (CSV)." in out


def test_the_locked_vault_message_is_spanish(folder, environment):
    environment.setenv("LANG", "es_ES.UTF-8")
    code, _out, err = run_cli(folder, "people")
    assert code == cli.EXIT_CANNOT_UNLOCK
    assert "The vault is locked" not in err and "--passphrase-stdin" in err


def test_the_imports_command_help_is_spanish(folder, environment, capsys):
    environment.setenv("LANG", "es_ES.UTF-8")
    assert cli.main(["imports", "--help"]) == cli.EXIT_OK
    assert "List the imports made" not in capsys.readouterr().out


def test_ctrl_c_before_the_command_runs_ends_without_a_traceback(folder, monkeypatch, capsys):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", interrupted)
    try:
        code = cli.main(["--data-dir", str(folder), "people"])
    except KeyboardInterrupt:
        pytest.fail("Ctrl+C escaped with a traceback")
    assert code == cli.EXIT_INTERNAL
    assert "stopped" in capsys.readouterr().err


def test_ctrl_c_while_the_command_line_loads_ends_without_a_traceback(monkeypatch, capsys):
    from caregiver_app import __main__ as entry

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "main", interrupted)
    try:
        code = entry.main(["people"])
    except KeyboardInterrupt:
        pytest.fail("Ctrl+C escaped with a traceback")
    assert code == cli.EXIT_INTERNAL
    assert "stopped" in capsys.readouterr().err


def test_init_says_when_no_keyring_can_remember_the_vault(tmp_path, environment, monkeypatch):
    from caregiver_app.services import vault_open

    monkeypatch.setattr(vault_open, "keyring_available", lambda: False)
    code, out, err = run_cli(tmp_path / "new", "init", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_OK, err
    assert "no keyring the app can use" in out + err


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal needs POSIX")
def test_a_passphrase_typed_at_a_terminal_after_passphrase_stdin_is_not_shown():
    import pty
    import termios
    import threading
    import time

    leader, follower = pty.openpty()
    terminal = open(follower, "r", encoding="utf-8", closefd=True)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(cli._read_stdin_line(terminal)))
    reader.start()
    deadline = time.monotonic() + 10
    while termios.tcgetattr(follower)[3] & termios.ECHO and time.monotonic() < deadline:
        time.sleep(0.01)  # the reader turns echo off before the person types
    os.write(leader, b"tulip-secret-42\n")
    reader.join(10)
    shown = b""
    os.set_blocking(leader, False)
    try:
        shown = os.read(leader, 4096)
    except BlockingIOError:
        pass
    terminal.close()
    os.close(leader)
    assert got == ["tulip-secret-42"]
    assert b"tulip-secret" not in shown


def test_sync_counts_are_grouped_like_every_other_count(folder, environment, monkeypatch):
    from types import SimpleNamespace

    from caregiver_app.services import family_sync

    monkeypatch.setattr(family_sync, "sync_now", lambda vault: SimpleNamespace(
        sent=83100, received=19626, refused=(), conflicts=0))
    code, out, err = run_cli(folder, "sync", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_OK, err
    assert "Sent 83,100, received 19,626 changes." in out
    environment.setenv("LANG", "de_DE.UTF-8")
    assert "83.100" in run_cli(folder, "sync", "--passphrase-stdin", stdin=PASSPHRASE + "\n")[1]


@pytest.mark.parametrize("args, words", [
    (["people", "--passphrase-stdin"], "No passphrase arrived"),
    (["people"], "--passphrase-stdin"),
])
def test_a_closed_standard_input_is_no_passphrase_not_an_unexpected_error(folder, monkeypatch, capsys, args, words):
    monkeypatch.setattr("sys.stdin", None)  # started with standard input closed (<&-)
    code = cli.main(["--data-dir", str(folder), *args])
    err = capsys.readouterr().err
    assert code == cli.EXIT_CANNOT_UNLOCK, err
    assert words in err and "unexpected" not in err


def test_names_with_terminal_escape_codes_are_not_sent_to_the_terminal(folder, tmp_path, environment):
    hostile = "Bad\x1b]0;owned\x07\x1b[2JName"
    export = tmp_path / "daylio.csv"
    export.write_text(DAYLIO, encoding="utf-8")
    code, out, err = run_cli(folder, "import", str(export), "--person", hostile, "--passphrase-stdin",
                             stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_OK, err
    for command in (["people"], ["imports"], ["backup"]):
        code, out, err = run_cli(folder, *command, "--passphrase-stdin", stdin=PASSPHRASE + "\n")
        assert code == cli.EXIT_OK, err
        assert "\x1b" not in out + err and "\x07" not in out + err, command
        assert "Bad?]0;owned??[2JName" in out, command
    code, out, err = run_cli(folder, "export-csv", "--person", "X\x1b[2J", "-o", str(tmp_path / "x.csv"),
                             "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_BAD_INPUT and "\x1b" not in err


def test_imports_that_fail_on_a_full_disk_do_not_leave_their_backups_behind(tmp_path, environment, monkeypatch):
    from caregiver_app.services import journal as journal_service
    from caregiver_app.storage.errors import DiskFullError

    data = tmp_path / "data"
    create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault.close()
    export = tmp_path / "daylio.csv"
    export.write_text(DAYLIO, encoding="utf-8")

    def full(*_args, **_kwargs):
        raise DiskFullError("The disk is full, so the last change was not saved.")

    monkeypatch.setattr(journal_service, "write_imported_entries", full)
    for _attempt in range(3):
        code, _out, err = run_cli(data, "import", str(export), "--person", "Sam", "--passphrase-stdin",
                                  stdin=PASSPHRASE + "\n")
        assert code == cli.EXIT_DISK, err
    assert [p.name for p in (data / "backups").glob("*pre-import*")] == []


def test_an_import_that_fails_on_a_full_disk_pushes_out_no_older_backup(tmp_path, environment, monkeypatch):
    from datetime import timedelta, timezone

    from caregiver_app.services import backups
    from caregiver_app.services import journal as journal_service
    from caregiver_app.storage.errors import DiskFullError

    data = tmp_path / "data"
    vault = create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault
    start = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)
    for day in range(5):  # the five pre-import backups that are kept
        backups.back_up_before_import(vault, clock=lambda day=day: start + timedelta(days=day))
    vault.close()
    before = sorted(p.name for p in (data / "backups").glob("*pre-import*"))
    assert len(before) == 5
    export = tmp_path / "daylio.csv"
    export.write_text(DAYLIO, encoding="utf-8")

    def full(*_args, **_kwargs):
        raise DiskFullError("The disk is full, so the last change was not saved.")

    monkeypatch.setattr(journal_service, "write_imported_entries", full)
    code, _out, err = run_cli(data, "import", str(export), "--person", "Sam", "--passphrase-stdin",
                              stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_DISK, err
    assert sorted(p.name for p in (data / "backups").glob("*pre-import*")) == before


def test_the_mood_map_hint_sends_no_escape_codes_to_the_terminal(folder, tmp_path):
    export = tmp_path / "daylio.csv"
    export.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n"
                      "2026-11-20,Nov 20,Friday,9:15 PM,Odd\x1b[2Jmood,walk,,\n", encoding="utf-8")
    code, out, err = run_cli(folder, "import", str(export), "--person", "Sam", "--passphrase-stdin",
                             stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_NEEDS_DECISION, err
    assert "--mood-map" in err and "\x1b" not in out + err
