"""The NSIS script (installers/windows/caregiver-companion.nsi), read as a Windows family meets it."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from support import REPO_ROOT

NSI = REPO_ROOT / "installers" / "windows" / "caregiver-companion.nsi"


def _section(text: str, name: str) -> str:
    start = text.index(f'Section "{name}"')
    return text[start:text.index("SectionEnd", start)]


def test_an_update_while_the_app_is_open_stops_before_removing_anything():
    """The program file is deleted (which fails while it runs, and asks to close it) before the
    old _internal folder is removed: otherwise an update left half a bundle behind."""
    install = _section(NSI.read_text(encoding="utf-8"), "$(SecApp)")
    assert install.index('Delete "$INSTDIR\\${APP_EXE}"') < install.index('RMDir /r "$INSTDIR\\_internal"')
    assert "$(StillRunning)" in install and "Abort" in install


def test_the_uninstaller_never_removes_the_vault_folder():
    text = NSI.read_text(encoding="utf-8")
    uninstall = _section(text, "Uninstall")
    removals = re.findall(r'^\s*(?:RMDir|Delete)\b.*$', uninstall, flags=re.MULTILINE)
    assert removals and all("VAULT_DIR" not in line and "CaregiverCompanion" not in line for line in removals)
    assert all("$INSTDIR" in line or "$SMPROGRAMS" in line or "$DESKTOP" in line for line in removals)
    assert not any(line.strip().startswith("RMDir /r") and line.strip().endswith('"$INSTDIR"') for line in removals)


def test_the_uninstaller_speaks_the_language_chosen_at_install():
    text = NSI.read_text(encoding="utf-8")
    assert "MUI_LANGDLL_REGISTRY_ROOT" in text and "MUI_UNGETLANGUAGE" in text


def test_every_english_string_has_a_spanish_one():
    text = NSI.read_text(encoding="utf-8")
    english = set(re.findall(r"^LangString (\w+) \$\{LANG_ENGLISH\}", text, flags=re.MULTILINE))
    spanish = set(re.findall(r"^LangString (\w+) \$\{LANG_SPANISH\}", text, flags=re.MULTILINE))
    assert english and english == spanish


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis is not installed (apt-get install nsis)")
def test_the_script_compiles():
    done = subprocess.run(["bash", str(REPO_ROOT / "installers" / "windows" / "check.sh"), "/nonexistent.ico"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
