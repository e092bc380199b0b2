"""Issue 16: with ``--passphrase-stdin``, the key derivation (Argon2id, which releases the GIL)
starts in a background thread before the import command loads its modules and parses its file,
and the vault opens with its result (``cli.unlocking_early``, ``vault_open.EarlyPassphrase``).
Nothing a user sees changes: the same words and exit codes for a wrong passphrase, a missing
passphrase line, a damaged key file, a file that cannot be imported or Ctrl+C, and the thread has
ended when the command has. Nothing here is timed: the tests look at the order of events."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from support import PASSPHRASE, run_cli
from test_cli_import_reads_once import folder  # noqa: F401  (the fixture: a vault in tmp_path)

from caregiver_app.services import import_any, vault_open

DAYLIO = Path(__file__).resolve().parents[1] / "unit" / "fixtures" / "daylio" / "impossible_dates.csv"
THREAD = "caregiver-unlock"


@pytest.fixture
def events(monkeypatch):
    """``(what, thread name)`` in the order they happened: the key derivation starting and ending,
    and the file's Daylio parse."""
    seen: list[tuple[str, str]] = []
    real_unwrap, real_parse = vault_open.unwrap_with_passphrase, import_any.parse_daylio

    def unwrap(keyfile, passphrase):
        seen.append(("derive", threading.current_thread().name))
        try:
            return real_unwrap(keyfile, passphrase)
        finally:
            seen.append(("derived", threading.current_thread().name))

    def parse(*args, **kwargs):
        seen.append(("parse", threading.current_thread().name))
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(vault_open, "unwrap_with_passphrase", unwrap)
    monkeypatch.setattr(import_any, "parse_daylio", parse)
    return seen


def _import(folder, *extra: str, stdin: str = PASSPHRASE + "\n", file: Path = DAYLIO):
    return run_cli(folder, "import", str(file), "--person", "Sam", *extra, "--passphrase-stdin", stdin=stdin)


def _no_unlock_thread() -> bool:
    return not any(t.name == THREAD for t in threading.enumerate())


def test_the_key_derivation_runs_in_the_background_before_the_file_is_parsed(folder, events):
    code, out, err = _import(folder)
    assert code == 0 and "new, 0 already present" in out, err
    assert events[0] == ("derive", THREAD)  # started first, off the command's thread
    assert events.index(("parse", "MainThread")) > 0 and events.count(("derive", THREAD)) == 1
    assert _no_unlock_thread()


def test_import_daylio_also_derives_before_reading_the_file(folder, events, monkeypatch):
    from caregiver_app.services import imports

    real = imports.preview_daylio

    def preview(*args, **kwargs):
        events.append(("preview", threading.current_thread().name))
        return real(*args, **kwargs)

    monkeypatch.setattr(imports, "preview_daylio", preview)
    code, out, err = run_cli(folder, "import-daylio", str(DAYLIO), "--person", "Sam", "--passphrase-stdin",
                             stdin=PASSPHRASE + "\n")
    assert code == 0 and "new, 0 already present" in out, err
    assert events[0] == ("derive", THREAD) and events.index(("preview", "MainThread")) > 0
    assert _no_unlock_thread()


def test_a_fresh_process_starts_the_derivation_before_loading_the_import_modules(folder, tmp_path):
    """The point of the overlap in a fresh process: the modules the import needs (the services,
    SQLAlchemy) load while the key is derived."""
    script = tmp_path / "probe.py"
    script.write_text(textwrap.dedent(f"""
        import sys, threading
        from caregiver_app.security import kdf
        from caregiver_app.services import vault_open
        from caregiver_app import cli
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
        from support import CHEAP_ARGON2
        kdf.set_default_params(CHEAP_ARGON2)
        real = vault_open.unwrap_with_passphrase
        seen = []
        def unwrap(keyfile, passphrase):
            seen.append((threading.current_thread().name,
                         "caregiver_app.services.import_any" in sys.modules, "sqlalchemy.orm" in sys.modules))
            return real(keyfile, passphrase)
        vault_open.unwrap_with_passphrase = unwrap
        code = cli.main(sys.argv[1:])
        print("SEEN", seen, code)
        # the bulk insert gives the gid column itself: the rows of every shared table never load
        print("ROWS.SYNC", "caregiver_app.storage.rows.sync" in sys.modules)
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), "--data-dir", str(folder), "import", str(DAYLIO),
                           "--person", "Sam", "--passphrase-stdin"], input=PASSPHRASE + "\n",
                          capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "PATH": "/usr/bin:/bin",
                               "LANG": "C.UTF-8"})
    assert f"SEEN [('{THREAD}', False, False)] 0" in done.stdout, done.stdout + done.stderr
    assert "ROWS.SYNC False" in done.stdout


@pytest.mark.parametrize("command", ["import", "import-daylio"])
def test_the_garbage_collector_is_paused_while_importing_and_restored_after(folder, monkeypatch, command):
    import gc

    from caregiver_app.services import imports

    seen = []
    real_write = imports.write_import

    def write(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_write(*args, **kwargs)

    monkeypatch.setattr(imports, "write_import", write)
    assert gc.isenabled()
    code, out, err = run_cli(folder, command, str(DAYLIO), "--person", "Sam", "--passphrase-stdin",
                             stdin=PASSPHRASE + "\n")
    assert code == 0, err
    assert seen == [False] and gc.isenabled()
    code, _out, _err = run_cli(folder, command, str(DAYLIO), "--person", "Sam", "--passphrase-stdin", stdin="wrong one\n")
    assert code == 4 and gc.isenabled()  # also after a failure


def test_a_wrong_passphrase_says_the_same_with_the_same_exit_code(folder, events):
    code, out, err = _import(folder, stdin="not the passphrase at all\n")
    plain = run_cli(folder, "people", "--passphrase-stdin", stdin="not the passphrase at all\n")
    assert code == plain[0] == 4
    assert err == plain[2] and err.count("\n") == 1 and "does not open this vault" in err
    assert _no_unlock_thread()


def test_no_passphrase_line_and_a_bad_file_keep_their_order(folder, tmp_path, events):
    code, _out, err = _import(folder, stdin="")
    assert code == 4 and "No passphrase arrived on standard input." in err
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01 not a csv at all")
    code, _out, err_bad = _import(folder, file=bad, stdin="")  # the file is told first, as before
    code_plain, _o, err_plain = _import(folder, file=bad, stdin=PASSPHRASE + "\n")
    assert code == code_plain == 2 and err_bad == err_plain
    assert _no_unlock_thread()


def test_a_damaged_key_file_is_told_as_without_the_early_start(folder, events):
    for name in ("vault.keys", "vault.keys.prev"):
        (folder / name).write_bytes(b"{ not a key file")
    code, _out, err = _import(folder)
    plain = run_cli(folder, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == plain[0] == 5 and err == plain[2]
    assert not any(e == "derive" for e, _thread in events)  # nothing to derive from: nothing started
    assert _no_unlock_thread()


def test_a_damaged_current_key_file_falls_back_to_the_previous_generation(folder, events):
    (folder / "vault.keys").write_bytes(b"{ not a key file")
    code, out, err = _import(folder)
    assert code == 0 and "new, 0 already present" in out, err
    assert _no_unlock_thread()


def test_ctrl_c_while_parsing_waits_for_the_derivation_and_says_it_once(folder, monkeypatch):
    seen: list[str] = []
    release = threading.Event()
    real = vault_open.unwrap_with_passphrase

    def slow_unwrap(keyfile, passphrase):  # still deriving when Ctrl+C comes
        release.wait(10)
        try:
            return real(keyfile, passphrase)
        finally:
            seen.append("derived")

    def interrupted(*args, **kwargs):
        seen.append("parse")
        release.set()
        raise KeyboardInterrupt

    monkeypatch.setattr(vault_open, "unwrap_with_passphrase", slow_unwrap)
    monkeypatch.setattr(import_any, "parse_daylio", interrupted)
    code, out, err = _import(folder)
    assert code == 1 and err.count("stopped. Nothing was half-written.") == 1 and err.count("\n") == 1
    assert seen == ["parse", "derived"]  # the command ended only after the derivation had
    assert _no_unlock_thread()


def test_no_early_start_without_a_piped_passphrase(folder, events, monkeypatch):
    from caregiver_app import cli

    started = []
    monkeypatch.setattr(vault_open, "start_passphrase_unlock", lambda *a: started.append(a))
    code, _out, err = run_cli(folder, "import", str(DAYLIO), "--person", "Sam")
    assert code == cli.EXIT_CANNOT_UNLOCK and started == []


def test_nothing_is_read_early_from_a_terminal_or_for_a_missing_vault(folder, tmp_path, monkeypatch):
    """A line typed at a terminal, and a vault that is not there, are handled as before: the
    file's checks and the missing vault are told before anything is read."""
    import io

    from caregiver_app import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    started = []
    real = vault_open.start_passphrase_unlock
    monkeypatch.setattr(vault_open, "start_passphrase_unlock", lambda *a: started.append(a) or real(*a))
    stdin = Terminal(PASSPHRASE + "\n")
    code = cli.main(["--data-dir", str(folder), "import", str(DAYLIO), "--person", "Sam", "--passphrase-stdin"],
                    stdin=stdin, out=io.StringIO(), err=io.StringIO())
    assert code == 0 and started == []
    missing = io.StringIO(PASSPHRASE + "\n")
    err = io.StringIO()
    code = cli.main(["--data-dir", str(tmp_path / "nothing here"), "import", str(DAYLIO), "--person", "Sam",
                     "--passphrase-stdin"], stdin=missing, out=io.StringIO(), err=err)
    # a folder that is not there: told so, with the drive hint (vaultgone)
    assert code == cli.EXIT_VAULT and "There is no journal in" in err.getvalue()
    assert missing.read() == PASSPHRASE + "\n" and started == []  # the line was never read
