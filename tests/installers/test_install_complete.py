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


@pytest.mark.parametrize("folder", ["storage/migrations", "reports/fonts"])
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
    assert report["migration_head"].startswith("0")
    assert "community" in report["sqlcipher_version"] or report["sqlcipher_version"][0].isdigit()
    assert report["keyring_backend"] == "keyring.backends.null.Keyring"
    assert report["keyring_roundtrip"] == "not available"
    assert report["entry_written"] is True and report["pdf_written"] > 1000
    assert report["qt"]["platform"] == "offscreen" and report["qt"]["pdf_pages"] >= 1
    assert report["qt"]["printing"] is True
    assert list(home.rglob("*")) == []  # nothing in the user's folders


def test_create_vault_refuses_when_the_migrations_lookup_finds_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(installation, "MIGRATIONS", ("caregiver_app.domain", "migrations"))
    paths = vs.VaultPaths(tmp_path / "vault")
    with pytest.raises(installation.IncompleteInstallError, match="reinstall"):
        vs.create_vault(paths, PASSPHRASE)
    assert not paths.folder.exists()
    assert installation.missing_pieces() == ["the files that set up the vault's database"]


def test_a_complete_installation_has_nothing_missing():
    assert installation.missing_pieces() == []
    installation.require_complete()
