"""Small fixtures for every importer quirk in OTHER-TRACKERS.md (written by hand, not copied).

Text fixtures live in tests/unit/fixtures/trackers/; the ZIP backups are built from them here so
their bytes are easy to read in review.
"""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

TRACKERS = Path(__file__).parent / "unit" / "fixtures" / "trackers"
DAYLIO_PIN = "PIN-8264-SECRET"


def fixture_bytes(name: str) -> bytes:
    return (TRACKERS / name).read_bytes()


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def daylio_backup(json_text: bytes | None = None) -> bytes:
    """A ``.daylio`` backup: ``backup.daylio`` (base64 of the JSON) and one photo."""
    document = json_text if json_text is not None else fixture_bytes("daylio_backup.json")
    return zip_bytes({
        "backup.daylio": base64.b64encode(document),
        "assets/photos/2023/1/abc123": b"\xff\xd8\xff\xe0 not really a photo",
    })


def emoods_backup() -> bytes:
    """An ``.emoods`` backup: a ZIP holding ``entry.csv``."""
    return zip_bytes({"entry.csv": fixture_bytes("emoods_entry.csv")})


# --- the import dialogs (GUI tests) -----------------------------------------------------------

IMPORT_FILTER = "Journal exports and backups (*.csv *.daylio *.emoods *.zip)"


def open_import_dialog(page, modals, path):
    """File ▸ Import from another app… on the journal ``page`` with ``path`` chosen in the (faked)
    file dialog; returns the import dialog, open."""
    modals.expect(result=(str(path), IMPORT_FILTER))
    page.start_import()
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def choose_level(qtbot, box, level: int) -> None:
    """Pick a level with the keyboard: Home goes to "Choose a level…", Down moves one level."""
    from PySide6.QtCore import Qt

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    for _ in range(level):
        qtbot.keyClick(box, Qt.Key.Key_Down)
