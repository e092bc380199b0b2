"""Issue 16: ``caregiver-app summary --passphrase-stdin`` does what needs no vault (loading the
modules that read the journal and draw the PDF, the report fonts, the dates' words) while the key
derivation runs in its background thread (``cli.unlocking_early``), and nothing a user sees
changes: a bad option still fails before the passphrase is read, a wrong passphrase gives the
same words and exit code, and the thread has ended when the command has. Nothing is timed: the
tests look at the order of events."""

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader
from support import PASSPHRASE, add_entries, run_cli

from caregiver_app.services import people, summary, vault_open
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault

THREAD = "caregiver-unlock"
RANGE = ("--from", "2026-10-01", "--to", "2026-11-30")


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    vault = create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault
    try:
        add_entries(vault, people.add_person(vault, "Sam").id, 5, note="walked to the shop")
    finally:
        vault.close()
    return data


def _record(monkeypatch, seen: list, module, name: str, start: str, end: str = "") -> None:
    """Replace ``module.name`` by itself noting ``(start, thread)`` as it is called (and
    ``(end, thread)`` as it returns) in ``seen``."""
    real = getattr(module, name)

    def noted(*args, **kwargs):
        seen.append((start, threading.current_thread().name))
        try:
            return real(*args, **kwargs)
        finally:
            if end:
                seen.append((end, threading.current_thread().name))

    monkeypatch.setattr(module, name, noted)


@pytest.fixture
def events(monkeypatch):
    """``(what, thread name)`` in the order they happened: the key derivation starting and
    ending, the preparation of the PDF starting and ending, and the first journal read."""
    seen: list[tuple[str, str]] = []
    _record(monkeypatch, seen, vault_open, "unwrap_with_passphrase", "derive", "derived")
    _record(monkeypatch, seen, summary, "prepare_pdf", "prepare", "prepared")
    _record(monkeypatch, seen, summary, "build_summary", "read")
    return seen


def _no_unlock_thread() -> bool:
    return not any(t.name == THREAD for t in threading.enumerate())


def test_the_pdf_is_prepared_while_the_key_derives_in_the_background(folder, events, tmp_path):
    pdf = tmp_path / "summary.pdf"
    code, out, err = run_cli(folder, "summary", "--person", "Sam", *RANGE, "-o", str(pdf), "--passphrase-stdin",
                             stdin=PASSPHRASE + "\n")
    assert code == 0 and "Saved the visit summary" in out, err
    assert events[0] == ("derive", THREAD)  # started first, off the command's thread
    assert events.index(("prepare", "MainThread")) < events.index(("prepared", "MainThread"))
    assert events.index(("prepare", "MainThread")) < events.index(("read", "MainThread"))
    assert events.count(("derive", THREAD)) == 1 and ("derive", "MainThread") not in events  # derived once
    assert "walked to the shop 4" in " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert _no_unlock_thread()


def test_a_bad_option_fails_before_the_passphrase_is_read(folder, events, tmp_path):
    code, _out, err = run_cli(folder, "summary", "--person", "Sam", "--from", "2026-11-30", "--to", "2026-11-01",
                              "-o", str(tmp_path / "x.pdf"), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 2 and "before the start" in err
    assert events == []  # no key derived, nothing prepared
    code, _out, err = run_cli(folder, "summary", "--person", "Sam", *RANGE, "-o", str(tmp_path / "no" / "x.pdf"),
                              "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 2 and "does not exist" in err and events == []


def test_a_wrong_passphrase_still_says_so_and_writes_nothing(folder, events, tmp_path):
    pdf = tmp_path / "summary.pdf"
    code, out, err = run_cli(folder, "summary", "--person", "Sam", *RANGE, "-o", str(pdf), "--passphrase-stdin",
                             stdin="not the passphrase\n")
    assert code == 4 and "does not open" in err and out == ""
    assert not pdf.exists() and ("read", "MainThread") not in events
    assert _no_unlock_thread()
