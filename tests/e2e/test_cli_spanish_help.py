"""``caregiver-app --help`` in a real process under LANGUAGE=es: Spanish words, argparse's own
included, and the same exit code as in English."""

from __future__ import annotations

import os
import subprocess
import sys


def _help(tmp_path, **env):
    base = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "caregiver_app", "--data-dir", str(tmp_path / "data"), "--help"],
                          capture_output=True, text=True, timeout=60, env={**base, "LANG": "C.UTF-8", **env})


def test_help_in_spanish_and_english(tmp_path):
    spanish = _help(tmp_path, LANGUAGE="es")
    assert spanish.returncode == 0, spanish.stderr
    assert spanish.stdout.startswith("uso: caregiver-app") and "mostrar esta ayuda y salir" in spanish.stdout
    assert "códigos de salida:" in spanish.stdout
    english = _help(tmp_path)
    assert english.returncode == 0 and english.stdout.startswith("usage: caregiver-app")
    assert "show this help message and exit" in english.stdout
