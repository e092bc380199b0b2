"""The GUI holds a vault handle but never reaches inside it (issue 12, item 5): the import-linter
contract keeps the feature pages away from ``services.vault``; this keeps every GUI module off a
vault's private attributes (its key, key file, engine and sessions), which Python cannot hide."""

from __future__ import annotations

import re
from pathlib import Path

import caregiver_app

GUI = Path(caregiver_app.__file__).parent / "gui"
PRIVATE_USE = re.compile(r"vault\w*\)?\s*\.\s*_[a-z]\w*")


def test_no_gui_module_reaches_inside_a_vault():
    offenders = [
        f"{path.relative_to(GUI)}:{number}"
        for path in sorted(GUI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE_USE.search(line)
    ]
    assert offenders == []


def test_the_check_sees_a_reach_inside():
    assert PRIVATE_USE.search("key = self.context.vault._data_key()")
    assert PRIVATE_USE.search("with ctx.vault._session() as s:")
    assert not PRIVATE_USE.search("vault.is_open and vault.paths.folder")
