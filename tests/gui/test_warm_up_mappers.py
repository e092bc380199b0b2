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


UNLOCK = textwrap.dedent("""
    import sys
    from pathlib import Path
    from caregiver_app.gui.app import warm_up
    from caregiver_app.gui.shell.people_read import people_and_remembered
    from caregiver_app.services import journal
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import unlock_with_passphrase
    warm_up()
    before = set(sys.modules)
    vault = unlock_with_passphrase(VaultPaths(Path(sys.argv[1])), sys.argv[2])
    people, _remembered = people_and_remembered(vault)
    journal.page_older(vault, people[0].id, limit=60)
    vault.close()
    print(" ".join(sorted(set(sys.modules) - before)) or "-")
""")


def test_after_the_warm_up_an_unlock_and_its_first_read_import_nothing(vault, person):
    """The first engine's SQLite dialect and the installation check's readers are imported while
    the passphrase is typed, not between Enter and the journal (each import costs more once
    PySide is loaded)."""
    from support import PASSPHRASE

    vault.close()
    done = subprocess.run([sys.executable, "-c", UNLOCK, str(vault.paths.folder), PASSPHRASE], capture_output=True,
                          text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                                       "PYTHONPATH": ":".join(sys.path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["-"]
