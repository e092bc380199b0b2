"""Ctrl+C once an import or an undo is saved (task trustfix): the command says the change was
saved and exits 0; a Ctrl+C before the commit keeps "stopped. Nothing was half-written." and 1."""

from __future__ import annotations

import signal

import pytest
from support import PASSPHRASE, run_cli

from caregiver_app import cli
from caregiver_app.services import import_any, import_batches, imports
from caregiver_app.services.vault import Vault

DAYLIO = "full_date,date,weekday,time,mood,activities,note_title,note\n" \
         "2026-11-20,Nov 20,Friday,9:15 PM,good,walk,,\n" \
         "2026-11-21,Nov 21,Saturday,9:15 PM,meh,walk,,\n"
SAVED = "the change had already been saved"


@pytest.fixture
def export(tmp_path):
    (tmp_path / "daylio.csv").write_text(DAYLIO, encoding="utf-8")
    return tmp_path / "daylio.csv"


def _imports(data_dir) -> str:
    code, out, err = run_cli(data_dir, "imports", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 0, err
    return out


def _import(data_dir, export, command="import"):
    return run_cli(data_dir, command, str(export), "--person", "Sam", "--passphrase-stdin", stdin=PASSPHRASE + "\n")


def _after(real):
    """``real``, then a Ctrl+C before its result is handed back (the change is committed)."""
    def call(*args, **kwargs):
        real(*args, **kwargs)
        raise KeyboardInterrupt
    return call


def _before(real):
    def call(*args, **kwargs):
        raise KeyboardInterrupt
    return call


def _ctrl_c_while_closing(monkeypatch):
    """A real SIGINT to this process while the vault closes (after the service returned, before
    the result is printed)."""
    real = Vault.close

    def close(self):
        signal.raise_signal(signal.SIGINT)
        real(self)
    monkeypatch.setattr(Vault, "close", close)


@pytest.mark.parametrize("command, owner, name", [("import", import_any, "import_file"),
                                                   ("import-daylio", imports, "import_daylio")])
def test_ctrl_c_right_after_an_import_is_saved_says_so_and_exits_0(data_dir, environment, export, monkeypatch,
                                                                   command, owner, name):
    monkeypatch.setattr(owner, name, _after(getattr(owner, name)))
    code, out, err = _import(data_dir, export, command)
    assert code == 0, err
    assert SAVED in out and "stopped. Nothing was half-written" not in err
    monkeypatch.undo()
    assert "2 new entries" in _imports(data_dir)


@pytest.mark.parametrize("command", ["import", "import-daylio"])
def test_ctrl_c_while_an_imported_vault_closes_still_prints_the_report(data_dir, environment, export, monkeypatch,
                                                                       command):
    _ctrl_c_while_closing(monkeypatch)
    code, out, err = _import(data_dir, export, command)
    assert code == 0, err
    assert "Rows read: 2" in out and "stopped" not in err


@pytest.mark.parametrize("command, owner, name", [("import", import_any, "import_file"),
                                                   ("import-daylio", imports, "import_daylio")])
def test_ctrl_c_before_an_import_is_saved_keeps_its_words(data_dir, environment, export, monkeypatch, command, owner,
                                                          name):
    monkeypatch.setattr(owner, name, _before(getattr(owner, name)))
    code, out, err = _import(data_dir, export, command)
    assert code == cli.EXIT_INTERNAL
    assert "stopped. Nothing was half-written." in err and SAVED not in out
    monkeypatch.undo()
    assert "No imports have been made" in _imports(data_dir)


@pytest.fixture
def imported(data_dir, environment, export):
    code, _out, err = _import(data_dir, export)
    assert code == 0, err
    return data_dir


def _undo(data_dir):
    return run_cli(data_dir, "imports", "--undo", "1", "--yes", "--passphrase-stdin", stdin=PASSPHRASE + "\n")


def test_ctrl_c_right_after_an_undo_is_saved_says_so_and_exits_0(imported, monkeypatch):
    monkeypatch.setattr(import_batches, "undo_import", _after(import_batches.undo_import))
    code, out, err = _undo(imported)
    assert code == 0, err
    assert SAVED in out and "stopped" not in err
    monkeypatch.undo()
    assert "undone" in _imports(imported)


def test_ctrl_c_while_an_undone_vault_closes_still_prints_the_result(imported, monkeypatch):
    _ctrl_c_while_closing(monkeypatch)
    code, out, err = _undo(imported)
    assert code == 0, err
    assert "Removed 2 entries of import 1." in out and "stopped" not in err


def test_ctrl_c_before_an_undo_is_saved_keeps_its_words(imported, monkeypatch):
    monkeypatch.setattr(import_batches, "undo_import", _before(import_batches.undo_import))
    code, out, err = _undo(imported)
    assert code == cli.EXIT_INTERNAL
    assert "stopped. Nothing was half-written." in err
    monkeypatch.undo()
    assert "undone" not in _imports(imported)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # Python's own handler is back
