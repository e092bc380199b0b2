"""Issue 10, item 16: secrets on standard input and at the terminal: bytes that are not UTF-8,
a byte-order mark, and a passphrase that happens to look like a recovery code."""

from __future__ import annotations

import getpass
import io
import os
import subprocess
import sys

import pytest
from support import PASSPHRASE

from caregiver_app import cli
from caregiver_app.services.vault_open import create_vault

LOOKS_LIKE_A_CODE = "Tq7Rm2XvK9pLw4Ns8Hd3Jf6Gb5Yc1Zae"  # 32 letters and digits, as a recovery code has


def run_process(data_dir, *args, stdin: bytes, lang="C.UTF-8"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", LC_ALL=lang)
    return subprocess.run([sys.executable, "-m", "caregiver_app", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, env=env, timeout=120)


@pytest.fixture
def data_dir(vault_paths):
    create_vault(vault_paths, PASSPHRASE).vault.close()
    return vault_paths.folder


@pytest.mark.parametrize("lang", ["C.UTF-8", "C"])
def test_bytes_that_are_not_utf8_are_a_plain_message(data_dir, lang):
    result = run_process(data_dir, "people", "--passphrase-stdin", stdin=b"river \xff\xfe stones\n", lang=lang)
    err = result.stderr.decode()
    assert result.returncode == cli.EXIT_BAD_INPUT, err
    assert "UTF-8" in err and "unexpected" not in err


def test_a_new_passphrase_that_is_not_utf8_is_refused_plainly(tmp_path):
    result = run_process(tmp_path / "v", "init", "--no-keyring", "--passphrase-stdin", stdin=b"river \xff stones ok\n")
    assert result.returncode == cli.EXIT_BAD_INPUT and "UTF-8" in result.stderr.decode()
    assert not (tmp_path / "v" / "vault.keys").exists()


def test_a_byte_order_mark_before_the_passphrase_is_ignored(data_dir):
    result = run_process(data_dir, "people", "--passphrase-stdin", stdin=b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\n")
    assert result.returncode == cli.EXIT_OK, result.stderr.decode()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def at_terminal(monkeypatch, data_dir, answers, *args):
    replies = iter(answers)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(replies))
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), *args], stdin=Terminal(""), out=out, err=err)
    return code, err.getvalue()


def test_a_passphrase_that_looks_like_a_recovery_code_works_at_the_terminal(vault_paths, monkeypatch):
    create_vault(vault_paths, LOOKS_LIKE_A_CODE).vault.close()
    code, err = at_terminal(monkeypatch, vault_paths.folder, [LOOKS_LIKE_A_CODE, PASSPHRASE, PASSPHRASE],
                            "change-passphrase")
    assert code == cli.EXIT_OK, err
    code, err = at_terminal(monkeypatch, vault_paths.folder, [PASSPHRASE], "people")
    assert code == cli.EXIT_OK, err


def test_the_recovery_code_typed_at_the_passphrase_prompt_opens(vault_paths, monkeypatch):
    created = create_vault(vault_paths, PASSPHRASE)
    created.vault.close()
    code, err = at_terminal(monkeypatch, vault_paths.folder, [created.recovery_code], "people")
    assert code == cli.EXIT_OK, err
    code, err = at_terminal(monkeypatch, vault_paths.folder, ["not it at all, sorry"], "people")
    assert code == cli.EXIT_CANNOT_UNLOCK


def test_bytes_that_are_not_utf8_at_the_terminal_are_plain(data_dir, monkeypatch):
    def bad(prompt=""):
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    monkeypatch.setattr(getpass, "getpass", bad)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), "people"], stdin=Terminal(""), out=out, err=err)
    assert code == cli.EXIT_BAD_INPUT and "UTF-8" in err.getvalue()
