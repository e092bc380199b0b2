"""``caregiver-app --self-test``: prove that this installation has every piece it needs.

Prints one JSON object on standard output and returns 0 when everything works, 1 otherwise (the
object's ``"missing"`` list and one line on standard error name what failed). What it checks, in
this order: the shipped files (migrations, fonts, warning-sign pages), the newest migration revision, SQLCipher's
version, the keyring backend (and that this system's keyring modules are shipped), a throw-away
vault created in a temporary folder, an entry written and read back, a visit-summary PDF built in a
child process (as the window builds it) and written,
and — in a child process, because a Qt platform plugin that cannot load ends the process — Qt's
platform plugin (offscreen, and said so, on a Linux with no screen), QtPdf reading that PDF back, printing to a PDF, image-format plugins and Qt's
translations.

It never touches the user's vault: everything happens in a temporary folder that is deleted at
the end. When the keyring is available the throw-away vault is remembered there for a moment to
prove the keyring works, and its key is removed again before returning. Nothing personal is
involved, so the JSON may be pasted into a support request as it is.
"""

from __future__ import annotations

import errno
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import TextIO
from .i18n import _
from .services.vault import keyfile_of

QT_FLAG = "--self-test-qt"
"""The hidden option that runs the Qt half (see :mod:`caregiver_app.gui.selftest_qt`)."""
QT_TIMEOUT_SECONDS = 90


def _qt_command(folder: Path, pdf: Path) -> list[str]:
    """How to start this same program for the Qt half (a frozen bundle is its own executable)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, QT_FLAG, str(folder), str(pdf)]
    return [sys.executable, "-m", "caregiver_app", QT_FLAG, str(folder), str(pdf)]


def _no_display() -> bool:
    """True on Linux and the BSDs with no screen to use (an SSH session, a service): Qt's usual
    platform plugin would end the child process there, which says nothing about the installation."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_qt_half(folder: Path, pdf: Path) -> dict:
    env = None
    if no_display := _no_display():
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run(_qt_command(folder, pdf), capture_output=True, text=True, timeout=QT_TIMEOUT_SECONDS,
                              env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"Qt did not answer within {QT_TIMEOUT_SECONDS} seconds"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        detail = (done.stderr.strip().splitlines() or [""])[-1][:300]
        return {"error": f"Qt could not start (exit code {done.returncode})", "detail": detail}
    result = json.loads(lines[-1])
    if no_display:
        result["display"] = "none: no DISPLAY or WAYLAND_DISPLAY, so Qt was checked offscreen"
    return result


def _vault_checks(folder: Path, report: dict, missing: list[str]) -> Path | None:
    """Create a throw-away vault in ``folder``, write an entry and a PDF; returns the PDF's path."""
    from .security import keyring_store
    from .services import journal, pdf_child, people, summary
    from .services import vault as vs
    from .services import vault_open
    from .domain.model import MoodLevel

    paths = vs.VaultPaths(folder / "vault")
    remember = vault_open.keyring_available()
    passphrase = secrets.token_urlsafe(24)
    created = vault_open.create_vault(paths, passphrase, remember=remember)
    vault = created.vault
    report["vault_created"] = True
    vault_id = keyfile_of(vault).vault_id
    try:
        if remember:
            vault.close()
            try:
                vault = vault_open.unlock_with_keyring(paths)
                report["keyring_roundtrip"] = True
            except vs.KeyringUnavailableError:  # locked, refused or broken: the rest is still checked
                report["keyring_roundtrip"] = False
                missing.append("keyring_roundtrip")
                vault = vault_open.unlock_with_passphrase(paths, passphrase)
        else:
            report["keyring_roundtrip"] = "not available" if not created.keyring_note else False
        person = people.add_person(vault, "Self-test")
        journal.save_entry(vault, journal.EntryDraft(person.id, datetime.now().replace(microsecond=0),
                                                      mood=MoodLevel.OKAY, note="self-test"))
        report["entry_written"] = journal.count_entries(vault, person.id) == 1
        if not report["entry_written"]:
            missing.append("entry_written")
        today = date.today()
        data = summary.build_summary(vault, summary.SummaryRequest(person.id, today, today))
    finally:
        vault.close()
        if remember:
            keyring_store.forget_key(vault_id)
    # Built in a child process, as the window builds it: proves this installation (a frozen one
    # too) can start one (the window would fall back to building it in its own process).
    try:
        built = pdf_child.summary_pdf_bytes(data, here_if_no_child=False)
    except pdf_child.PdfChildFailed as exc:  # the vault works: it is the child that did not start or died
        report["pdf_written"], report["pdf_error"] = False, f"PdfChildFailed: {exc}"  # "stopped", a type name
        missing.append("pdf_written")
        return None
    pdf = summary.write_pdf_bytes(built, folder / "self-test.pdf")
    head = pdf.read_bytes()[:5]
    report["pdf_written"] = pdf.stat().st_size if head == b"%PDF-" else False
    if not report["pdf_written"]:
        missing.append("pdf_written")
        return None
    return pdf


def collect(qt: bool = True) -> dict:
    """Run every check and return the report (``report["missing"]`` empty means all is well)."""
    from . import __version__, installation

    started = time.perf_counter()
    missing: list[str] = []
    report: dict = {
        "app_version": __version__,
        "python": platform.python_version(),
        "system": sys.platform,
        "frozen": bool(getattr(sys, "frozen", False)),
    }
    report["migrations_found"] = installation.migrations_complete()
    report["fonts_found"] = installation.fonts_complete()
    report["pages_found"] = installation.pages_complete()
    report["catalog_es"] = _catalog_check("es")
    missing += [name for name in ("migrations_found", "fonts_found", "pages_found", "catalog_es") if not report[name]]
    checks = (("migration_head", _migration_head), ("sqlcipher_version", _sqlcipher_version),
              ("keyring_backend", _keyring_backend))
    for name, check in checks:
        try:
            report[name] = check()
        except Exception as exc:  # a missing piece shows as its error's class, never a traceback
            report[name] = None
            module = getattr(exc, "name", None) if isinstance(exc, ImportError) else None
            report[f"{name}_error"] = type(exc).__name__ + (f": {module}" if module else "")
        if not report[name]:
            missing.append(name)
    from .security.keyring_store import missing_system_backends

    report["keyring_modules_missing"] = missing_system_backends(sys.platform)
    if report["keyring_modules_missing"]:
        missing.append("keyring_modules")
    with tempfile.TemporaryDirectory(prefix="caregiver-self-test-") as tmp:
        pdf = None
        if not report["migrations_found"] or not report["fonts_found"]:
            report["vault_created"] = False
            missing.append("vault_created")
        else:
            try:
                pdf = _vault_checks(Path(tmp), report, missing)
            except Exception as exc:
                report.setdefault("vault_created", False)
                # A module's name says which piece is missing; other messages could hold anything.
                name = getattr(exc, "name", None) if isinstance(exc, ImportError) else None
                report["vault_error"] = type(exc).__name__ + (f": {name}" if name else "")
                if _disk_full(exc):  # the temporary folder's disk, not the installation
                    report["vault_error"] += ": the temporary folder's disk is full"
                missing.append("vault")
        if qt:
            report["qt"] = _run_qt_half(Path(tmp), pdf or Path(tmp) / "no-summary.pdf")
            if "error" in report["qt"]:
                missing.append("qt")
            missing += [f"qt.{name}" for name in report["qt"].get("missing", [])]
    report["seconds"] = round(time.perf_counter() - started, 2)
    report["missing"] = missing
    report["ok"] = not missing  # last, so the line ends in "ok": true as the README says
    return report


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    try:
        from .storage.health import classify
    except ImportError:
        return False
    return classify(exc) == "full"


CATALOG_PROBE = "Visit summary"
"""A message every catalog translates (the visit summary's title), to prove one loads and speaks."""


def _catalog_check(code: str) -> str | bool:
    """The translation of :data:`CATALOG_PROBE` from the shipped catalog of ``code``, or False
    when the catalog is missing, damaged or does not translate it."""
    import gettext

    from . import i18n

    catalog = i18n.translations(code)
    words = catalog.gettext(CATALOG_PROBE)
    return words if isinstance(catalog, gettext.GNUTranslations) and words != CATALOG_PROBE else False


def _migration_head() -> str:
    from .storage.migrate import head_revision

    return head_revision()


def _sqlcipher_version() -> str:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        return conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        conn.close()


def _keyring_backend() -> str:
    from .security.keyring_store import backend_name

    return backend_name()


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _unwind_on_signals() -> None:
    """A closed terminal (SIGHUP) or a kill (SIGTERM) unwinds like Ctrl+C, so the temporary
    folder with its throw-away vault is removed instead of left behind in the temporary folder."""
    for name in ("SIGTERM", "SIGHUP"):
        if (number := getattr(signal, name, None)) is not None:
            signal.signal(number, _stop)


def main(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print the report as one JSON line; 0 when complete, 1 naming what is missing on stderr."""
    out, err = out or sys.stdout, err or sys.stderr
    _unwind_on_signals()
    report = collect()
    print(json.dumps(report, sort_keys=False), file=out)
    if report["missing"]:
        print("caregiver-app: " + _("self-test failed; missing or not working: {parts}").format(
            parts=", ".join(report["missing"])), file=err)
        return 1
    return 0
