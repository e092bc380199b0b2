"""Start, unlock, memory and page switches of the desktop app, each beside its floor in the same
run (issue 16). Measure only: the ratios are printed, never asserted (run with
``pytest tests/bench/test_bench_startup.py --benchmark-enable -s``)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap
import time

import pytest
from bench_support import PASS

PAIRS = 7

BARE = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
""")

APP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from caregiver_app.gui.app import StartFlow
    from caregiver_app.gui.context import AppContext
    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.services.vault import VaultPaths
    folder = Path(sys.argv[1])
    context = AppContext(paths=VaultPaths(folder), ops=Ops(app), settings_path=Path(sys.argv[2]))
    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()
    window = flow.window
""")

PAINTED = textwrap.dedent("""
    class Painted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                app.exit(0)
            return False
    painted = Painted()
    window.installEventFilter(painted)
    window.show()
    app.exec()
""")


def _env() -> dict[str, str]:
    """The child's environment: offscreen unless told, and with byte code cached as an installed
    app has it (a run with PYTHONDONTWRITEBYTECODE would compile every module every start)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f} (min {min(values):.3f}, max {max(values):.3f})"


def _time_to_paint(script: str, args: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script + PAINTED, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=_env())
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    assert line.strip() == "painted"
    return elapsed


def test_first_painted_window_vs_a_bare_window(benchmark, ten_year_vault, tmp_path):
    """Process start to the first painted unlock screen, beside a bare QMainWindow with a label,
    in alternating subprocesses (target <= 2.0x)."""
    paths, _person_id, _count = ten_year_vault
    args = [str(paths.folder), str(tmp_path / "settings.json")]
    bare, app, ratios = [], [], []

    _time_to_paint(BARE, [])  # untimed: byte code and the disk cache, as on any later start
    _time_to_paint(APP, args)

    def pairs():
        for _ in range(PAIRS):
            b = _time_to_paint(BARE, [])
            a = _time_to_paint(APP, args)
            bare.append(b)
            app.append(a)
            ratios.append(a / b)

    benchmark.pedantic(pairs, rounds=1, iterations=1)
    print(f"\nfirst window: bare {_spread(bare)} s; app {_spread(app)} s; ratio {_spread(ratios)}x (target <= 2.0)")


UNLOCK = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from caregiver_app.gui.app import StartFlow, warm_up
    from caregiver_app.gui.context import AppContext
    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.services.vault import VaultPaths
    folder, what = Path(sys.argv[1]), sys.argv[3]
    if what == "floor":
        # The floor: key derivation (unwrapping the data key) and the quick_check alone.
        from caregiver_app.security.keyfile import load_ciphers, read_keyfile, unwrap_with_passphrase
        from caregiver_app.storage.health import check_file
        load_ciphers()  # imported before the clock starts, as the modules above (keyfile imports them lazily)
        paths = VaultPaths(folder)
        start = time.perf_counter()
        key = unwrap_with_passphrase(read_keyfile(paths.keyfile), sys.argv[4])
        assert check_file(paths.db, key).ok
        print(json.dumps({"seconds": time.perf_counter() - start}))
        sys.exit(0)
    context = AppContext(paths=VaultPaths(folder), ops=Ops(app), settings_path=Path(sys.argv[2]))
    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()
    window = flow.window
    window.show()
    app.processEvents()
    warm_up()  # as the app does while the passphrase is typed
    flow.prepare_unlock()
    app.processEvents()
    window.unlock_screen.ui.secretEdit.setText(sys.argv[4])
    start = time.perf_counter()
    window.unlock_screen.unlock()
    def shown():
        page = window.registry["journal"].widget
        return not window.is_locked and page is not None and page.isVisible() and page.model.rowCount() > 0
    while not shown():
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "built": sum(e.built for e in window.registry.values())}))
    context.ops.wait_for_all()
    context.vault.close()
""")


def _unlock_run(paths, settings, what: str) -> dict:
    done = subprocess.run([sys.executable, "-c", UNLOCK, str(paths.folder), str(settings), what, PASS],
                          capture_output=True, text=True, env=_env(), timeout=300, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_unlock_to_the_journal_vs_key_derivation_and_quick_check(benchmark, ten_year_vault, tmp_path):
    """Pressing Enter on the unlock screen to the journal shown with its entries (10-year vault),
    beside unwrapping the key and the quick_check alone, alternating (target <= 1.3x)."""
    paths, _person_id, _count = ten_year_vault
    floor, app, ratios = [], [], []
    _unlock_run(paths, tmp_path / "s.json", "app")  # untimed: byte code and the disk cache

    def pairs():
        for _ in range(PAIRS):
            f = _unlock_run(paths, tmp_path / "s.json", "floor")["seconds"]
            seen = _unlock_run(paths, tmp_path / "s.json", "app")
            assert seen["built"] == 1  # only the journal
            floor.append(f)
            app.append(seen["seconds"])
            ratios.append(seen["seconds"] / f)

    benchmark.pedantic(pairs, rounds=1, iterations=1)
    print(f"\nunlock to journal: floor {_spread(floor)} s; app {_spread(app)} s; ratio {_spread(ratios)}x "
          "(target <= 1.3)")


MEMORY = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication([])
    def rss_mb():
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    if sys.argv[3] == "bare":
        window = QMainWindow(); window.setCentralWidget(QLabel("Hello")); window.show(); app.processEvents()
        print(json.dumps({"rss": rss_mb()})); sys.exit(0)
    from caregiver_app.gui.app import create_main_window
    from caregiver_app.gui.context import AppContext
    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import unlock_with_passphrase
    Ops.synchronous = True
    paths = VaultPaths(Path(sys.argv[1]))
    context = AppContext(paths=paths, ops=Ops(app), settings_path=Path(sys.argv[2]),
                         vault=unlock_with_passphrase(paths, sys.argv[4]))
    window = create_main_window(context)
    window.show(); app.processEvents()
    for index in range(len(window.page_titles())):
        window.show_page(index)
        for _ in range(5):
            app.processEvents()
    print(json.dumps({"rss": rss_mb(), "built": sum(e.built for e in window.registry.values())}))
    context.vault.close()
""")


def test_memory_unlocked_with_every_page_opened(benchmark, ten_year_vault, tmp_path):
    """Resident memory with the 10-year vault unlocked and every page shown once, beside a bare
    window (target <= 200 MB)."""
    paths, _person_id, _count = ten_year_vault
    env = _env()
    seen = {}

    def run():
        for what in ("bare", "app"):
            done = subprocess.run([sys.executable, "-c", MEMORY, str(paths.folder), str(tmp_path / "s.json"), what,
                                   PASS], capture_output=True, text=True, env=env, timeout=300, check=True)
            seen[what] = json.loads(done.stdout.strip().splitlines()[-1])

    benchmark.pedantic(run, rounds=1, iterations=1)
    assert seen["app"]["built"] == 11
    print(f"\nmemory: bare window {seen['bare']['rss']:.0f} MB; app with every page {seen['app']['rss']:.0f} MB "
          "(target <= 200 MB)")


@pytest.mark.parametrize("target", ["patterns", "search", "summary", "network", "journal"])
def test_page_switch(benchmark, qapp, ten_year_vault, tmp_path, monkeypatch, target):
    """Switching to a page already built, on the 10-year journal, after a change elsewhere made it
    stale (it reads again); target <= 100 ms."""
    from caregiver_app.gui.app import create_main_window
    from caregiver_app.gui.common.ops import JOURNAL, Ops
    from caregiver_app.gui.context import AppContext
    from caregiver_app.services.vault_open import unlock_with_passphrase

    paths, person_id, _ = ten_year_vault
    monkeypatch.setattr(Ops, "synchronous", True)
    context = AppContext(paths=paths, ops=Ops(), settings_path=tmp_path / "s.json",
                         vault=unlock_with_passphrase(paths, PASS))
    window = create_main_window(context)
    window.show()
    qapp.processEvents()
    other = "scores" if target != "scores" else "journal"
    window.go(target)
    qapp.processEvents()

    def away():
        window.go(other)
        context.ops.write(window, lambda vault: None, changes={JOURNAL}, person_id=person_id)
        qapp.processEvents()
        return (), {}

    def switch():
        window.go(target)
        qapp.processEvents()

    try:
        benchmark.pedantic(switch, setup=away, rounds=7, iterations=1)
        stats = benchmark.stats.stats
        print(f"\npage switch to {target}: median {stats.median * 1000:.0f} ms "
              f"(min {stats.min * 1000:.0f}, max {stats.max * 1000:.0f}) (target <= 100 ms)")
    finally:
        context.vault.close()
        context.vault = None
        window.close()
        window.deleteLater()


def test_summary_page_switch_with_the_build_on_its_worker_thread(benchmark, qapp, ten_year_vault, tmp_path):
    """The visit summary page after a change elsewhere, as the app runs it (not inline as above):
    the PDF is built on a worker thread (in a child process since issue 16's memory row). Prints
    the time to the page shown with the window free again, and to the new preview shown."""
    from caregiver_app.gui.app import create_main_window
    from caregiver_app.gui.common.ops import JOURNAL, Ops
    from caregiver_app.gui.context import AppContext
    from caregiver_app.services.vault_open import unlock_with_passphrase

    paths, person_id, _ = ten_year_vault
    context = AppContext(paths=paths, ops=Ops(), settings_path=tmp_path / "s.json",
                         vault=unlock_with_passphrase(paths, PASS))
    window = create_main_window(context)
    window.show()
    qapp.processEvents()

    def settle(until) -> None:
        while not until():
            qapp.processEvents()
            time.sleep(0.001)

    page = window.go("summary")
    settle(lambda: page.pdf_bytes() is not None and not context.ops.busy)
    shown, ready = [], []

    def pairs():
        for _ in range(PAIRS):
            window.go("scores")
            context.ops.write(window, lambda vault: None, changes={JOURNAL}, person_id=person_id)
            settle(lambda: not context.ops.busy)
            before = page.pdf_bytes()
            start = time.perf_counter()
            window.go("summary")
            qapp.processEvents()
            shown.append(time.perf_counter() - start)
            settle(lambda: page.pdf_bytes() is not before and not context.ops.busy)
            ready.append(time.perf_counter() - start)

    try:
        benchmark.pedantic(pairs, rounds=1, iterations=1)
        print(f"\nsummary page switch, build on its thread: page shown {_spread(shown)} s; "
              f"new preview shown {_spread(ready)} s (target <= 100 ms for the switch)")
    finally:
        context.ops.wait_for_all()
        context.vault.close()
        context.vault = None
        window.close()
        window.deleteLater()
