"""File > Export journal as CSV… in the real main window: the save dialog (a fake at the edge)
suggests a generic name, the file is written and reads back exactly with ``csv``."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from caregiver_app.gui.app import create_main_window
from support import add_entry

NOTE = 'Said: "tired, sore, fed up".\nΚαλύτερα το βράδυ 🙂, slept at 10'


@pytest.fixture
def window(make_page, vault, person):
    add_entry(vault, person, datetime(2026, 11, 29, 20, 15), note=NOTE)
    return make_page(create_main_window, person=None)


def test_export_from_the_file_menu(qtbot, window, modals, tmp_path):
    action = window.journal_export.action
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions() and action.isEnabled()
    target = tmp_path / "chosen.csv"

    def save_dialog(_dialog):
        return str(target), "CSV files (*.csv)"

    modals.expect(handler=save_dialog)
    modals.expect()  # "Journal exported"
    action.trigger()
    assert modals.seen[0].kind == "QFileDialog.getSaveFileName"
    assert modals.seen[1].title == "Journal exported" and "Saved 1 entry" in modals.seen[1].text
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][:4] == ["2026-11-29", "20:15", "America/New_York (UTC-05:00)", "Sam Rivera (self)"]
    assert rows[1][-1] == NOTE


def test_suggests_a_generic_file_name(qtbot, window, modals, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    seen = {}

    def fake(parent, caption, directory, filters):
        seen.update(caption=caption, directory=directory, filters=filters)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    window.journal_export.action.trigger()
    assert Path(seen["directory"]).name == "journal-export-2026-11-30.csv"
    assert "Sam" not in seen["directory"] and "CSV" in seen["filters"]


def test_off_while_locked(qtbot, window):
    window.lock()
    assert not window.journal_export.action.isEnabled()


@pytest.mark.parametrize("which, name, words", [
    ("readable_export", "family.html", "Saved 1 entry"),
    ("fhir_export", "record.json", "1 Patient"),
])
def test_the_web_page_and_fhir_exports_from_the_file_menu(qtbot, window, modals, tmp_path, which, name, words):
    action = getattr(window, which).action
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions() and action.isEnabled()
    target = tmp_path / name
    modals.expect(handler=lambda _dialog: (str(target), ""))
    modals.expect()  # "Saved"
    action.trigger()
    assert modals.seen[1].title == "Saved" and words in modals.seen[1].text
    content = target.read_text(encoding="utf-8")
    if name.endswith(".html"):
        assert "tired, sore, fed up" in content.replace("&quot;", '"')
    else:
        from fhir.resources.R4B.bundle import Bundle

        assert Bundle.model_validate_json(content).type == "collection"
