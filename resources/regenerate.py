"""Regenerate the committed Qt files: every ``ui/*.ui`` -> ``caregiver_app/gui/forms/ui_<name>.py``
(pyside6-uic) and ``resources/caregiver.qrc`` -> ``caregiver_app/gui/resources_rc.py`` (pyside6-rcc)
when that file exists.

Run from anywhere with the project's venv active: ``python resources/regenerate.py``. The output is
committed, so a fresh clone runs without a build step; ``tests/gui/test_generated_forms.py`` fails
when a committed form no longer matches its ``.ui`` source.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "caregiver_app" / "gui" / "forms"
QRC = ROOT / "resources" / "caregiver.qrc"
RESOURCES_PY = ROOT / "caregiver_app" / "gui" / "resources_rc.py"


def tool(name: str) -> str:
    """The PySide6 tool ``name`` from this interpreter's environment, else from ``PATH``."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found. Activate the project's virtual environment first.")
    return found


def form_output(ui_file: Path, out_dir: Path = FORMS_DIR) -> Path:
    """Where the generated module for ``ui_file`` goes: ``ui_<stem>.py``."""
    return out_dir / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, out_file: Path) -> None:
    """Run pyside6-uic on one ``.ui`` file. Raises ``CalledProcessError`` when uic fails."""
    out_file.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-uic"), str(ui_file), "-o", str(out_file)], check=True, cwd=ROOT)


def compile_resources(qrc: Path, out_file: Path) -> None:
    """Run pyside6-rcc on the resource collection."""
    subprocess.run([tool("pyside6-rcc"), str(qrc), "-o", str(out_file)], check=True, cwd=ROOT)


def ui_files() -> list[Path]:
    """Every Designer source, in a stable order."""
    return sorted(UI_DIR.glob("*.ui"))


def main() -> int:
    for ui_file in ui_files():
        out = form_output(ui_file)
        compile_form(ui_file, out)
        print(f"{ui_file.relative_to(ROOT)} -> {out.relative_to(ROOT)}")
    if QRC.exists():
        compile_resources(QRC, RESOURCES_PY)
        print(f"{QRC.relative_to(ROOT)} -> {RESOURCES_PY.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
