"""docs/ARCHITECTURE.md walks a newcomer through the folders: every file and folder it names must
exist, so the route from the entry editor to the PDF never points at a module that moved."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ARCHITECTURE.md"


def _named_paths() -> list[str]:
    names = re.findall(r"`([\w./]+(?:\.py|\.ui|/))`", DOC.read_text(encoding="utf-8"))
    return sorted(set(names))


def _exists(name: str) -> bool:
    for base in (ROOT, ROOT / "caregiver_app"):
        if (base / name).exists():
            return True
    return False


def test_the_architecture_note_names_only_paths_that_exist():
    names = _named_paths()
    assert len(names) > 30  # the route names the files it passes
    missing = [name for name in names if not _exists(name)]
    assert missing == []
