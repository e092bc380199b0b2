"""Set-up for the accessibility tests: the GUI fixtures of tests/gui (inline jobs, recorded modal
dialogs, a test vault), plus the colour scheme and text size a test runs in.

``look`` is one of ``light``/``dark`` x ``1x``/``2x``: a dark ``QPalette`` set on the app (as a
dark desktop theme does) and the app font's point size doubled (as "large text" does). Both are
put back after the test.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from checks import dark_palette, light_palette
from gui.conftest import context, ctx, make_page, modals, pdf_in_this_process, settings_path, synchronous_tasks  # noqa: F401


SCHEMES = {"light": light_palette, "dark": dark_palette}


def apply_look(app: QApplication, scheme: str, scale: float):
    """Set the scheme and text size on ``app``; returns what to put back."""
    old_palette, old_font = app.palette(), app.font()
    app.setPalette(SCHEMES[scheme]())
    font = app.font()
    font.setPointSizeF(old_font.pointSizeF() * scale)
    app.setFont(font)
    return old_palette, old_font


@pytest.fixture(params=["light-1x", "dark-2x"])
def look(request, qapp):
    """Each test in the two extremes: light at normal size and dark at twice the text size."""
    scheme, scale = request.param.split("-")
    old_palette, old_font = apply_look(qapp, scheme, float(scale.rstrip("x")))
    yield scheme, float(scale.rstrip("x"))
    qapp.setPalette(old_palette)
    qapp.setFont(old_font)


@pytest.fixture
def big_text(qapp):
    """Twice the text size (the light scheme)."""
    old_palette, old_font = apply_look(qapp, "light", 2.0)
    yield
    qapp.setPalette(old_palette)
    qapp.setFont(old_font)


@pytest.fixture(autouse=True)
def as_the_app_runs(qapp):
    """What ``gui.app.run`` installs on the application: names for Qt's own parts."""
    from caregiver_app.gui.common.screen_reader_names import ScreenReaderNames, install_screen_reader_names

    namer = install_screen_reader_names(qapp)
    yield
    qapp.removeEventFilter(namer)
    namer.setParent(None)
    assert qapp.findChild(ScreenReaderNames) is None
