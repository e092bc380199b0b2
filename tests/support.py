"""Helpers shared by the tests (import with ``from support import ...``; conftest files cannot be
imported reliably once several folders have one)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from caregiver_app.security import kdf

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "journals" / "daylio"
CHEAP_ARGON2 = kdf.Argon2Params(iterations=1, memory_kib=64, lanes=1)
PASSPHRASE = "blue kettle morning walk"
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
"""The tests' "now": 10:00 on Monday 30 November 2026 in New York (the zone the tests run in)."""


class MemoryKeyring(KeyringBackend):
    """A working keyring that lives in memory."""

    priority = 10

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.store:
            raise PasswordDeleteError("not there")
        del self.store[(service, username)]


class LockedKeyring(MemoryKeyring):
    """A keyring whose user refused to unlock it."""

    def get_password(self, service, username):
        raise KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise KeyringLocked("locked")


class BrokenKeyring(MemoryKeyring):
    """A keyring backend that fails in an unexpected way."""

    def get_password(self, service, username):
        raise RuntimeError("dbus went away")

    def set_password(self, service, username, password):
        raise RuntimeError("dbus went away")


class NoKeyring(KeyringBackend):
    """What keyring reports when no backend exists (mirrors keyring.backends.fail)."""

    priority = 0

    def get_password(self, service, username):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")

    def set_password(self, service, username, password):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")

    def delete_password(self, service, username):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")


def sample_path(name: str) -> Path:
    """A shared Daylio sample, or skip the test when the shared folder is not beside the repo."""
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"shared sample {name} is not available (expected at {SAMPLES})")
    return path


# --- journal entries ----------------------------------------------------------------------------


def add_entry(vault, person, when: date | datetime, hour: int = 9, *, now: datetime | None = NOW, **fields):
    """Save one journal entry through the journal service (the editor's path) and return it.

    ``person`` is a person (or a person id); ``when`` is a local wall-clock time, or a local date
    (the entry is then at ``hour`` o'clock); ``fields`` are the other :class:`EntryDraft` fields.
    ``now`` is the save's clock (None: the service's own clock).
    """
    from caregiver_app.services import journal

    if not isinstance(when, datetime):
        when = datetime.combine(when, time(hour))
    draft = journal.EntryDraft(getattr(person, "id", person), when, **fields)
    if now is None:
        return journal.save_entry(vault, draft)
    return journal.save_entry(vault, draft, clock=lambda: now)


def bulk_add_entries(vault, drafts, *, now: datetime = NOW) -> int:
    """Insert many journal entries at once through the storage bulk insert (the importer's path),
    for set-ups of hundreds or thousands of entries. ``drafts`` are :class:`EntryDraft` (validated
    as the editor would) or ready :class:`JournalEntry` values. Returns how many were inserted."""
    from caregiver_app.services import journal
    from caregiver_app.services.vault import session_of
    from caregiver_app.storage.repos import journal as repo

    entries = [journal.entry_from_draft(d) if isinstance(d, journal.EntryDraft) else d for d in drafts]
    with session_of(vault) as s:
        return repo.bulk_insert_entries(s, entries, now)


# --- the command line -----------------------------------------------------------------------------


def run_cli(data_dir, *args: str, stdin: str = "") -> tuple[int, str, str]:
    """Run the command line in this process on the vault folder ``data_dir``, with ``stdin`` as
    its standard input. Returns ``(exit code, standard output, standard error)``."""
    import io

    from caregiver_app import cli

    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), *args], stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()



def cli_process(data_dir, *args: str, **run) -> subprocess.CompletedProcess:
    """Run ``python -m caregiver_app --data-dir DATA_DIR ARGS`` in a fresh process, as a person
    would: no keyring, a plain C.UTF-8 locale, Qt's settings left out, a 60 s time-out. ``run``
    goes to :func:`subprocess.run` (``input=`` bytes or ``stdin=``); output is captured as bytes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", LC_ALL="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "caregiver_app", "--data-dir", str(data_dir), *args],
                          capture_output=True, env=env, timeout=60, **run)

# --- vault safety (issue 7) ---------------------------------------------------------------------


def add_entries(vault, person_id: int, count: int, *, start_day: int = 1, note: str = "entry") -> None:
    """Save ``count`` journal entries for ``person_id``, one a day from 1 October 2026 + ``start_day``."""
    from datetime import datetime, timedelta

    from caregiver_app.services import journal

    first = datetime(2026, 10, 1, 9, 30) + timedelta(days=start_day)
    for i in range(count):
        journal.save_entry(vault, journal.EntryDraft(person_id, first + timedelta(days=i), note=f"{note} {i}", anxiety=i % 11))


def folder_bytes(folder) -> dict[str, bytes]:
    """Every file under ``folder`` by relative name, with its bytes (to prove nothing changed)."""
    from pathlib import Path

    folder = Path(folder)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def flip_byte(path, offset: int) -> None:
    """Invert one byte of the file at ``path`` (``offset`` from the end when negative)."""
    from pathlib import Path

    data = bytearray(Path(path).read_bytes())
    data[offset] ^= 0xFF
    Path(path).write_bytes(bytes(data))


def mnemonic_clashes(root) -> dict[str, list[str]]:
    """Keyboard mnemonics (the letter after ``&``) used more than once among the visible labels,
    buttons and group boxes under the Qt widget ``root``: ``{letter: [texts]}`` (empty is good)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    seen: dict[str, list[str]] = {}
    for kind in (QLabel, QAbstractButton, QGroupBox):
        for widget in root.findChildren(kind):
            if not widget.isVisibleTo(root):
                continue
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            match = re.search(r"&([^&\s])", text.replace("&&", ""))
            if match:
                seen.setdefault(match.group(1).casefold(), []).append(text)
    return {letter: texts for letter, texts in seen.items() if len(texts) > 1}


def hold(monkeypatch, owner, name: str, *, seconds: float = 20.0) -> tuple[threading.Event, threading.Event]:
    """Make ``owner.name`` wait on its worker thread until the test sets the returned ``gate``
    (at most ``seconds``); ``started`` is set once a call is waiting. For "lock / switch / close
    while a job runs" tests: ``gate, started = hold(monkeypatch, journal, "save_entry")``."""
    gate, started = threading.Event(), threading.Event()
    real = getattr(owner, name)

    def held(*args, **kwargs):
        started.set()
        gate.wait(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, held)
    return gate, started


def hold_a_read(ops, parent, *, seconds: float = 20.0) -> tuple[threading.Event, threading.Event]:
    """Start a read on ``ops`` that waits until the test sets ``gate`` (at most ``seconds``);
    returns once it is running (``started`` set), for "lock / close while a job runs" tests."""
    gate, started = threading.Event(), threading.Event()

    def held(vault):
        started.set()
        gate.wait(seconds)

    ops.read(parent, held)
    assert started.wait(10), "the held read never started"
    return gate, started



@contextmanager
def larger_text(app, factor: float = 2.0):
    """The application font ``factor`` times its size for the ``with`` block (as a user's "large
    text" setting does), put back afterwards."""
    old_font = app.font()
    font = app.font()
    font.setPointSizeF(old_font.pointSizeF() * factor)
    app.setFont(font)
    try:
        yield
    finally:
        app.setFont(old_font)


@contextmanager
def mounted_tmpfs(folder: Path, options: str, *, read_only: bool = False):
    """A real small file system (tmpfs with ``options``, e.g. ``"size=16k"``) mounted on the new
    folder ``folder``, optionally remounted read-only; unmounted afterwards. Skips the test where
    it cannot be mounted (mounting needs root; permissions alone do not stop root)."""
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("this system does not allow mounting a tmpfs here")
    try:
        if read_only:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def type_and_unlock(qtbot, window, secret: str) -> None:
    """Type ``secret`` into the main window's unlock screen and press Enter, as a person would."""
    from PySide6.QtCore import Qt

    field = window.unlock_screen.ui.secretEdit
    field.clear()
    qtbot.keyClicks(field, secret)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def start_flow(qtbot, context):
    """The app's start (:class:`~caregiver_app.gui.app.StartFlow`) on ``context``, its window
    owned by ``qtbot``."""
    from caregiver_app.gui.app import StartFlow

    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()
    qtbot.addWidget(flow.window)
    return flow


def shown_window(qtbot, context, vault):
    """The main window on the open ``vault``, shown, once its person is in the switcher."""
    from caregiver_app.gui.app import create_main_window

    context.vault = vault
    window = create_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    return window


def count_key_derivations(monkeypatch, *, really: bool = False) -> list[tuple]:
    """A list that gets the arguments of every passphrase or recovery-code unwrap (a key
    derivation) from now to the end of the test; with ``really`` each still runs, else each
    returns None. Patched in every module holding its own name for them (a module first imported
    while only the key file module's names were patched would keep the fake after the test)."""
    from caregiver_app.security import keyfile
    from caregiver_app.services import keys, transfer, vault_open

    seen: list[tuple] = []
    for name in ("unwrap_with_passphrase", "unwrap_with_recovery_code"):
        real = getattr(keyfile, name)

        def counted(*args, _real=real, **kwargs):
            seen.append(args)
            return _real(*args, **kwargs) if really else None

        for module in (keyfile, keys, transfer, vault_open):
            monkeypatch.setattr(module, name, counted)
    return seen
