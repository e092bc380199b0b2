"""The AT-SPI check is wired into CI: its step is in .ci/run, its Debian packages are installed by
the CI package script, and its scripts parse. (The check itself starts the real app on a virtual
screen and runs in CI, not in the quick test run.)"""

from __future__ import annotations

import os
import py_compile
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent / "atspi"


def test_ci_runs_the_atspi_check_with_its_packages():
    assert "tests/a11y/atspi/run.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    packages = (ROOT / "installers" / "ci" / "system-packages.sh").read_text(encoding="utf-8").split()
    for package in ("xvfb", "xauth", "dbus", "at-spi2-core", "python3-pyatspi"):
        assert package in packages


def test_the_atspi_scripts_parse(tmp_path):
    for script in ("run.sh", "inside.sh"):
        path = HERE / script
        assert os.access(path, os.X_OK), script
        subprocess.run(["bash", "-n", str(path)], check=True)
    for script in ("probe.py", "make_vault.py"):
        py_compile.compile(str(HERE / script), cfile=str(tmp_path / f"{script}c"), doraise=True)
