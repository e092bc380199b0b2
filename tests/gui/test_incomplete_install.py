"""The window shown instead of the app when the installation is incomplete (issue 15)."""

from __future__ import annotations

from caregiver_app.gui.selftest_qt import incomplete_install_box
from caregiver_app.installation import incomplete_message


def test_incomplete_install_window_names_what_is_missing_and_what_to_do(qtbot):
    box = incomplete_install_box(incomplete_message(["the fonts for printed summaries"]))
    qtbot.addWidget(box)
    box.show()
    assert "this installation is incomplete: reinstall" in box.text().lower()
    assert "fonts for printed summaries" in box.text()
    assert "journal stays where it is" in box.informativeText()
    assert box.accessibleName()
