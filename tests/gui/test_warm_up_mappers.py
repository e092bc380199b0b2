"""Issue 16: the modules and row classes an unlock needs are made ready while the passphrase is
typed (``warm_up``), so the unlock's first query does not link every row class itself."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    from caregiver_app.gui.app import warm_up
    from caregiver_app.services import journal, people  # noqa: F401  (row classes, not yet linked)
    from caregiver_app.storage.rows.base import Base
    mappers = list(Base.registry.mappers)
    print(len(mappers), sum(not m.configured for m in mappers))
    warm_up()
    mappers = list(Base.registry.mappers)
    print(len(mappers), sum(not m.configured for m in mappers))
""")


def test_warm_up_links_every_row_class_before_the_unlock():
    # a clean process: another test's query would already have configured the mappers here
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "PYTHONPATH": ":".join(sys.path)})
    assert done.returncode == 0, done.stderr
    before, after = (tuple(map(int, line.split())) for line in done.stdout.split("\n")[:2])
    assert before[1] > 0  # importing the rows leaves them to be linked at the first query
    assert after[0] > 0 and after[1] == 0
