"""The warm-up after the first window (gui/app.py) loads the Python modules an unlock needs on a
worker thread, but Qt's own modules only on the GUI thread: PySide6.QtCharts imported by the
worker while the GUI thread answered a screen reader crashed the app (a segmentation fault in
about one start in four under the AT-SPI check, tests/a11y/atspi). Run in a fresh interpreter, so
nothing an earlier test loaded hides a module."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CHILD = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from caregiver_app.gui import app as gui_app
from caregiver_app.gui.context import AppContext  # noqa: F401 (what the first window has loaded)

def qt_modules():
    return {m for m in sys.modules if m.startswith("PySide6.Qt")}

at_first_window = qt_modules()
for name in gui_app.QT_MODULES_FOR_UNLOCK:
    __import__(name)
on_gui_thread = qt_modules()
gui_app.warm_up()
print(json.dumps({"first": sorted(at_first_window), "gui": sorted(on_gui_thread - at_first_window),
                  "worker": sorted(qt_modules() - on_gui_thread)}))
"""


def test_the_warm_up_worker_loads_no_qt_module_of_its_own():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120,
                          check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["worker"] == [], f"add these to QT_MODULES_FOR_UNLOCK: {seen['worker']}"
    assert seen["gui"] == ["PySide6.QtCharts"]  # the journal's chart, not loaded for the first window


def test_start_warm_up_loads_the_qt_modules_before_the_worker_starts(monkeypatch):
    from caregiver_app.gui import app as gui_app

    started = []

    class Ops:
        def background(self, parent, work, on_done):
            started.append((set(sys.modules), work))
            on_done(None)

    prepared = []
    gui_app.start_warm_up(Ops(), lambda: prepared.append(True))
    [(modules, work)] = started
    assert set(gui_app.QT_MODULES_FOR_UNLOCK) <= modules and work is gui_app.warm_up and prepared == [True]
