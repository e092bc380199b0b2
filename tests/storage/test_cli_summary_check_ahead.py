"""Issue 16: ``caregiver-app summary --passphrase-stdin`` runs the open's checks (the key files,
the vault lock, the write-ahead log, ``quick_check``) in the background once the key has
derived, while the command loads its modules and fonts (``EarlyPassphrase.check_ahead``). Nothing
is written to the vault and nothing is printed before the check passed, and everything that goes
wrong (a damaged database or log, a vault in use, a wrong passphrase, Ctrl+C meanwhile) gives
exactly the words, exit code and files of the open without it. The collector rests for the
whole command. Nothing is timed: the tests look at the order of events and compare outcomes."""

from __future__ import annotations

import gc
import shutil
import threading

import pytest
from pypdf import PdfReader
from support import PASSPHRASE, add_entries, flip_byte, folder_bytes, run_cli

from caregiver_app.services import people, summary, vault_checks, vault_open
from caregiver_app.services.vault import VaultPaths
from caregiver_app.storage import migrate
from caregiver_app.storage.lock import VaultLock, is_locked

CHECK_THREAD = "caregiver-unlock-check"
RANGE = ("--from", "2026-10-01", "--to", "2026-11-30")


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    vault = vault_open.create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault
    try:
        add_entries(vault, people.add_person(vault, "Sam").id, 5, note="walked to the shop")
    finally:
        vault.close()
    return data


def _summary(folder, pdf, stdin: str = PASSPHRASE + "\n"):
    return run_cli(folder, "summary", "--person", "Sam", *RANGE, "-o", str(pdf), "--passphrase-stdin", stdin=stdin)


def _without_check_ahead(monkeypatch) -> None:
    """The open as it was: every check on the command's thread, when the vault is opened."""
    monkeypatch.setattr(vault_open.EarlyPassphrase, "check_ahead", lambda self, **kwargs: None)


def _no_unlock_threads() -> bool:
    return not any(t.name.startswith("caregiver-unlock") for t in threading.enumerate())


def _note(monkeypatch, seen: list, module, name: str, start: str, end: str = "") -> None:
    real = getattr(module, name)

    def noted(*args, **kwargs):
        what = "weekly " * bool(kwargs.get("cipher_check"))  # the page-HMAC check, when due
        seen.append((what + start, threading.current_thread().name))
        try:
            return real(*args, **kwargs)
        finally:
            if end:
                seen.append((what + end, threading.current_thread().name))

    monkeypatch.setattr(module, name, noted)


def test_quick_check_runs_in_the_background_and_every_write_waits_for_it(folder, tmp_path, monkeypatch):
    seen: list[tuple[str, str]] = []
    _note(monkeypatch, seen, vault_open, "check_file", "check", "checked")
    _note(monkeypatch, seen, migrate, "upgrade", "migrate")
    _note(monkeypatch, seen, vault_checks, "settle_generations", "settle key files")
    _note(monkeypatch, seen, summary, "prepare_pdf", "prepare")
    _note(monkeypatch, seen, summary, "build_summary", "read")
    pdf = tmp_path / "summary.pdf"
    code, out, err = _summary(folder, pdf)
    assert code == 0 and "Saved the visit summary" in out, err
    assert ("check", CHECK_THREAD) in seen and ("check", "MainThread") not in seen  # once, off the main thread
    checked = seen.index(("checked", CHECK_THREAD))
    for write in ("weekly check", "migrate", "settle key files", "read"):
        assert seen.index((write, "MainThread")) > checked
    assert "walked to the shop 4" in " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert _no_unlock_threads() and not is_locked(folder)


@pytest.mark.parametrize("how", ["flip-middle", "truncate-half", "missing"])
def test_a_damaged_database_is_refused_with_the_same_words_code_and_files(folder, tmp_path, monkeypatch, how):
    db = folder / "vault.db"
    if how == "flip-middle":
        flip_byte(db, db.stat().st_size // 2 + 7)
    elif how == "missing":
        db.unlink()
    else:
        with open(db, "r+b") as fh:
            fh.truncate(db.stat().st_size // 2)
    before = tmp_path / "before"
    shutil.copytree(folder, before)
    ahead = _summary(folder, tmp_path / "a.pdf")
    _without_check_ahead(monkeypatch)
    code, out, err = _summary(before, tmp_path / "b.pdf")
    as_before = (code, out, err.replace(str(before), str(folder)))  # a missing file's message names the folder
    assert ahead == as_before and ahead[0] == 5 and ("missing" if how == "missing" else "damaged") in ahead[2]
    assert folder_bytes(folder) == folder_bytes(before)  # nothing written, the same files
    assert not (tmp_path / "a.pdf").exists() and not is_locked(folder) and _no_unlock_threads()


def test_a_damaged_log_is_recovered_and_told_as_before(folder, tmp_path, monkeypatch):
    # the vault as a crash leaves it: saves still in its write-ahead log
    vault = vault_open.unlock_with_passphrase(VaultPaths(folder), PASSPHRASE)
    add_entries(vault, people.find_person(vault, "Sam").id, 30, start_day=10, note="later")
    crashed = tmp_path / "crashed"
    shutil.copytree(folder, crashed, ignore=shutil.ignore_patterns("vault.lock"))
    vault.close()
    flip_byte(crashed / "vault.db-wal", 32 + 3 * (24 + 4096) + 24 + 777)
    second = tmp_path / "crashed-2"
    shutil.copytree(crashed, second)
    ahead = _summary(crashed, tmp_path / "a.pdf")
    _without_check_ahead(monkeypatch)
    as_before = _summary(second, tmp_path / "b.pdf")
    assert ahead == (as_before[0], as_before[1].replace("b.pdf", "a.pdf"), as_before[2])
    assert ahead[0] == 0 and "recovered" in ahead[2]
    assert sorted(p.suffix for p in (crashed / "damaged").iterdir()) == \
        sorted(p.suffix for p in (second / "damaged").iterdir())  # the same files kept aside
    assert not is_locked(crashed) and _no_unlock_threads()


def test_a_vault_in_use_and_a_wrong_passphrase_say_what_they_said(folder, tmp_path, monkeypatch):
    def both() -> list:
        results = [_summary(folder, tmp_path / "x.pdf", stdin="not the passphrase\n")]
        with VaultLock.acquire(folder):
            results.append(_summary(folder, tmp_path / "x.pdf"))
        return results

    ahead = both()
    assert [code for code, _out, _err in ahead] == [4, 5] and _no_unlock_threads()
    _without_check_ahead(monkeypatch)
    assert both() == ahead
    assert not (tmp_path / "x.pdf").exists() and not is_locked(folder)


def test_ctrl_c_while_the_modules_load_lets_the_checked_vault_go(folder, tmp_path, monkeypatch):
    def interrupted(**_kwargs):
        # the check has ended (its thread holds the lock) before the interruption
        for thread in threading.enumerate():
            if thread.name == CHECK_THREAD:
                thread.join()
        raise KeyboardInterrupt

    monkeypatch.setattr(summary, "prepare_pdf", interrupted)
    before = folder_bytes(folder)
    ahead = _summary(folder, tmp_path / "a.pdf")
    assert ahead[0] == 1 and "stopped" in ahead[2]
    assert not is_locked(folder) and _no_unlock_threads() and folder_bytes(folder) == before
    _without_check_ahead(monkeypatch)
    assert _summary(folder, tmp_path / "a.pdf") == ahead
    vault_open.unlock_with_passphrase(VaultPaths(folder), PASSPHRASE).close()  # opens as ever


def test_a_check_ahead_no_unlock_takes_is_let_go(folder):
    paths = VaultPaths(folder)
    pending = vault_open.start_passphrase_unlock(paths, PASSPHRASE)
    pending.check_ahead()
    pending.wait()
    assert not is_locked(folder) and _no_unlock_threads()
    flip_byte(paths.db, paths.db.stat().st_size // 2 + 7)
    pending = vault_open.start_passphrase_unlock(paths, PASSPHRASE)
    pending.check_ahead()
    pending.wait()  # the damage found: its repair (holding the lock) is given up
    assert not is_locked(folder) and _no_unlock_threads()


def test_the_collector_rests_for_the_whole_command(folder, tmp_path, monkeypatch):
    states = []
    real = summary.prepare_pdf

    def noted(**kwargs):
        states.append(gc.isenabled())  # before the journal is read: the collector was running here
        return real(**kwargs)

    monkeypatch.setattr(summary, "prepare_pdf", noted)
    assert gc.isenabled()
    code, _out, err = _summary(folder, tmp_path / "s.pdf")
    assert code == 0, err
    assert states == [False] and gc.isenabled()


def test_objects_made_while_paused_join_the_oldest_generation_when_asked():
    from caregiver_app.reports.collector import collector_paused

    class Made:
        pass

    with collector_paused(age_on_resume=True):
        aged = Made()
    with collector_paused():
        young = Made()
    assert gc.isenabled()
    assert any(o is aged for o in gc.get_objects(generation=2))  # moved there without a walk
    assert not any(o is young for o in gc.get_objects(generation=2))  # as before: left to the young walks
