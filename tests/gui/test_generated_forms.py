"""The committed forms in caregiver_app/gui/forms/ are exactly what pyside6-uic makes from ui/*.ui:
a .ui edited without running ``python resources/regenerate.py`` (or a hand-edited form) fails."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.MULTILINE)


def _regenerate_module():
    spec = importlib.util.spec_from_file_location("caregiver_regenerate", ROOT / "resources" / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("caregiver_regenerate", module)
    spec.loader.exec_module(module)
    return module


regenerate = _regenerate_module()
UI_FILES = regenerate.ui_files()


def _without_version(text: str) -> str:
    return VERSION_LINE.sub("## Created by: Qt User Interface Compiler", text)


def test_there_are_forms_to_check():
    names = {p.stem for p in UI_FILES}
    assert {"unlock_screen", "passphrase_page"} <= names


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_committed_form_matches_its_ui_source(ui_file: Path, tmp_path):
    committed = regenerate.form_output(ui_file)
    assert committed.exists(), f"{committed.name} is missing: run python resources/regenerate.py"
    fresh = regenerate.form_output(ui_file, tmp_path)
    regenerate.compile_form(ui_file, fresh)
    assert _without_version(committed.read_text(encoding="utf-8")) == _without_version(
        fresh.read_text(encoding="utf-8")
    ), f"{committed.name} is stale: run python resources/regenerate.py"


def test_generated_forms_start_with_the_uic_header():
    for ui_file in UI_FILES:
        text = regenerate.form_output(ui_file).read_text(encoding="utf-8")
        assert text.startswith("# -*- coding: utf-8 -*-\n\n####")
        assert f"## Form generated from reading UI file '{ui_file.name}'" in text
        assert "## WARNING! All changes made in this file will be lost when recompiling UI file!" in text


def test_no_stray_generated_forms():
    expected = {regenerate.form_output(p).name for p in UI_FILES}
    present = {p.name for p in regenerate.FORMS_DIR.glob("ui_*.py")}
    assert present <= expected, f"forms without a .ui source: {sorted(present - expected)}"
