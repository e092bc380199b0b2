"""An incomplete installation is refused in plain words and nothing is written (issue 15, item 3),
and ``--self-test`` reports on a real installation."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from support import PASSPHRASE, REPO_ROOT

from caregiver_app import installation
from caregiver_app.services import vault as vs
from caregiver_app.services import vault_open

REFUSAL = "this installation is incomplete: reinstall"


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory):
    """A copy of the whole ``caregiver_app`` package, to take pieces out of."""
    root = tmp_path_factory.mktemp("install")
    shutil.copytree(REPO_ROOT / "caregiver_app", root / "caregiver_app",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _run(root, *args, stdin=""):
    """The copied program in its own process (the copy comes first on the import path)."""
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "caregiver_app", *args], input=stdin, capture_output=True,
                          text=True, cwd=root, env=env, timeout=60)


def _without(package_copy, tmp_path, folder):
    root = tmp_path / "copy"
    shutil.copytree(package_copy, root)
    shutil.rmtree(root / "caregiver_app" / folder)
    return root


@pytest.mark.parametrize("folder", ["storage/migrations", "reports/fonts", "content/warning_signs"])
def test_init_refuses_without_migrations_or_fonts_and_writes_nothing(package_copy, tmp_path, folder):
    root = _without(package_copy, tmp_path, folder)
    data = tmp_path / "vault"
    done = _run(root, "--data-dir", str(data), "init", "--no-keyring", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert done.returncode == 7, done.stderr
    assert REFUSAL in done.stderr.lower()
    assert "Traceback" not in done.stderr
    assert not data.exists()


def test_every_command_says_so(package_copy, tmp_path):
    root = _without(package_copy, tmp_path, "storage/migrations")
    data = tmp_path / "vault"
    for args in (["backup"], ["restore"], ["export-csv", "--person", "Sam", "-o", str(tmp_path)]):
        done = _run(root, "--data-dir", str(data), *args)
        assert done.returncode == 7, (args, done.stderr)
        assert REFUSAL in done.stderr.lower()
    assert not data.exists()


def test_self_test_names_the_missing_migrations(package_copy, tmp_path):
    root = _without(package_copy, tmp_path, "storage/migrations")
    done = _run(root, "--self-test")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert not report["ok"]
    assert "migrations_found" in report["missing"] and "vault_created" in report["missing"]
    assert report["qt"]["platform"] == "offscreen" and report["qt"]["missing"] == []  # Qt is still checked
    assert not any(name.startswith("qt") for name in report["missing"])
    assert "migrations_found" in done.stderr


def test_self_test_of_a_complete_installation(package_copy, tmp_path):
    """Every piece reported, a throw-away vault used and removed; the user's folder untouched."""
    home = tmp_path / "home"
    home.mkdir()
    # Fonts caches may be written (XDG_CACHE_HOME, outside home); the vault and settings would land in home.
    env_home = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "caregiver_app", "--self-test"], capture_output=True, text=True,
                          cwd=package_copy, timeout=120,
                          env={**os.environ, **env_home, "PYTHONPATH": str(package_copy), "QT_QPA_PLATFORM": "offscreen",
                               "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["missing"] == []
    assert done.stdout.rstrip().endswith('"ok": true}')  # what the README tells people to look for
    assert report["migration_head"].startswith("0")
    assert "community" in report["sqlcipher_version"] or report["sqlcipher_version"][0].isdigit()
    assert report["keyring_backend"] == "keyring.backends.null.Keyring"
    assert report["keyring_roundtrip"] == "not available"
    assert report["entry_written"] is True and report["pdf_written"] > 1000
    assert report["catalog_es"] == "Resumen para la consulta"  # the Spanish catalog ships and speaks
    assert report["qt"]["platform"] == "offscreen" and report["qt"]["pdf_pages"] >= 1
    assert report["qt"]["printing"] is True
    assert list(home.rglob("*")) == []  # nothing in the user's folders


def test_create_vault_refuses_when_the_migrations_lookup_finds_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(installation, "MIGRATIONS", ("caregiver_app.domain", "migrations"))
    paths = vs.VaultPaths(tmp_path / "vault")
    with pytest.raises(installation.IncompleteInstallError, match="reinstall"):
        vault_open.create_vault(paths, PASSPHRASE)
    assert not paths.folder.exists()
    assert installation.missing_pieces() == ["the files that set up the vault's database"]


def test_a_complete_installation_has_nothing_missing():
    assert installation.missing_pieces() == []
    installation.require_complete()


def test_the_list_of_migration_files_is_the_folder():
    """Adding a migration means adding it to installation.MIGRATION_FILES too."""
    versions = REPO_ROOT / "caregiver_app" / "storage" / "migrations" / "versions"
    shipped = {p.name for p in versions.glob("*.py") if p.name[0].isdigit()}
    assert set(installation.MIGRATION_FILES) == shipped


@pytest.mark.parametrize("revision", ["0003_warning_signs.py", "0005_search_drafts.py"])
def test_one_missing_revision_is_an_incomplete_installation(package_copy, tmp_path, revision):
    """A half-copied migrations folder: a new vault is refused without writing anything (it was a
    KeyError and a stray vault.db.new), and an existing vault is not called newer than the app."""
    root = tmp_path / "copy"
    shutil.copytree(package_copy, root)
    existing = tmp_path / "existing"
    vault_open.create_vault(vs.VaultPaths(existing), PASSPHRASE).vault.close()
    before = {p.name: p.read_bytes() for p in existing.iterdir() if p.is_file()}
    (root / "caregiver_app" / "storage" / "migrations" / "versions" / revision).unlink()

    fresh = tmp_path / "fresh"
    done = _run(root, "--data-dir", str(fresh), "init", "--no-keyring", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert done.returncode == 7, done.stderr
    assert REFUSAL in done.stderr.lower()
    assert not fresh.exists()

    done = _run(root, "--data-dir", str(existing), "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert done.returncode == 7, done.stderr
    assert REFUSAL in done.stderr.lower() and "newer" not in done.stderr.lower()
    assert {p.name: p.read_bytes() for p in existing.iterdir() if p.is_file()} == before


def test_self_test_with_no_display_checks_qt_offscreen(package_copy, tmp_path):
    """Over SSH or in a service there is no screen: that is not a broken installation (it was
    "Qt could not start (exit code -6)" and "ok": false)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update({"PYTHONPATH": str(package_copy), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
                "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1"})
    done = subprocess.run([sys.executable, "-m", "caregiver_app", "--self-test"], capture_output=True, text=True,
                          cwd=package_copy, env=env, timeout=120)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["ok"], done.stdout + done.stderr
    assert report["qt"]["platform"] == "offscreen" and report["qt"]["display"].startswith("none")


def test_self_test_says_when_the_temporary_folder_is_full(monkeypatch):
    """A full temporary disk is not a broken installation: the report says which it is."""
    import sqlcipher3

    from caregiver_app import selftest

    def full(*args, **kwargs):
        raise sqlcipher3.OperationalError("database or disk is full")

    monkeypatch.setattr(vault_open, "create_vault", full)
    report = selftest.collect(qt=False)
    assert "vault" in report["missing"]
    assert report["vault_error"] == "OperationalError: the temporary folder's disk is full"


def test_a_locked_keyring_is_named_and_everything_else_is_still_checked(monkeypatch):
    """A locked or refused keyring used to end the vault half there: no entry, no PDF, and Qt
    never read a summary back, so the report hid whether the rest of the installation works."""
    from caregiver_app import selftest
    from caregiver_app.security import keyring_store

    def locked(paths, **kwargs):
        raise vs.KeyringUnavailableError("locked")

    monkeypatch.setattr(vault_open, "keyring_available", lambda: True)
    monkeypatch.setattr(vault_open, "unlock_with_keyring", locked)
    monkeypatch.setattr(keyring_store, "forget_key", lambda vault_id: None)
    report = selftest.collect(qt=False)
    assert report["keyring_roundtrip"] is False and report["missing"] == ["keyring_roundtrip"]
    assert report["entry_written"] is True and report["pdf_written"] > 1000


def test_self_test_names_missing_warning_sign_pages(package_copy, tmp_path):
    """The pages carry the crisis help: without them the self-test said "ok": true."""
    root = _without(package_copy, tmp_path, "content/warning_signs")
    done = _run(root, "--self-test")
    report = json.loads(done.stdout)
    assert done.returncode == 1 and "pages_found" in report["missing"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_self_test_names_a_missing_spanish_catalog(package_copy, tmp_path):
    """Without the compiled catalogs the app would quietly speak English to a Spanish family."""
    root = tmp_path / "copy"
    shutil.copytree(package_copy, root)
    (root / "caregiver_app" / "i18n" / "locale" / "es" / "LC_MESSAGES" / "caregiver.mo").unlink()
    done = _run(root, "--self-test")
    report = json.loads(done.stdout)
    assert done.returncode == 1 and report["catalog_es"] is False and "catalog_es" in report["missing"]


def test_a_killed_self_test_leaves_no_throw_away_vault(package_copy, tmp_path):
    """SIGTERM (or a closed terminal) used to leave caregiver-self-test-* folders behind."""
    import signal
    import time

    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(package_copy), "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "PYTHONDONTWRITEBYTECODE": "1"}
    landed = 0
    for _attempt in range(3):  # a fast machine may finish before the signal; that proves nothing, so go again
        child = subprocess.Popen([sys.executable, "-m", "caregiver_app", "--self-test"], cwd=package_copy, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not list(temp.glob("caregiver-self-test-*")) and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        child.send_signal(signal.SIGTERM)
        landed += child.wait(timeout=60) != 0
        assert list(temp.glob("caregiver-self-test-*")) == []
        if landed:
            break
    assert landed, "the signal never reached a running self-test"


def test_a_pdf_child_that_cannot_start_is_named_not_the_vault(monkeypatch):
    """Branch attack-child: the vault works; it is the PDF's child process that did not start
    (a low ``ulimit -u``, a broken frozen bundle). The report names that, not "vault"."""
    import multiprocessing.util

    from caregiver_app import selftest

    def refuse(*args, **kwargs):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.util, "spawnv_passfds", refuse)
    report = selftest.collect(qt=False)
    assert report["vault_created"] is True and "vault_error" not in report
    assert report["pdf_written"] is False and "pdf_written" in report["missing"] and "vault" not in report["missing"]
    assert report["pdf_error"] == "PdfChildFailed: not started"
