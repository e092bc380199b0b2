"""GUI timings on the 10-year journal (measure only; never fail on time)."""

from __future__ import annotations

from bench_support import PASS

from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.context import AppContext
from caregiver_app.gui.common.ops import Ops
from caregiver_app.gui.journal.journal_model import FIRST_PAGE
from caregiver_app.services.vault_open import unlock_with_passphrase


def test_main_window_with_journal_page_after_unlock(benchmark, qapp, ten_year_vault, tmp_path, monkeypatch):
    """From an unlocked vault to the main window showing the journal's first page and chart."""
    paths, person_id, _ = ten_year_vault
    monkeypatch.setattr(Ops, "synchronous", True)
    vault = unlock_with_passphrase(paths, PASS)
    windows = []

    def show():
        context = AppContext(paths=paths, ops=Ops(), vault=vault, settings_path=tmp_path / "s.json")
        window = create_main_window(context)
        window.show()
        qapp.processEvents()
        windows.append(window)
        return window

    def fresh():
        # Untimed: the window of the previous round goes first, as it would in the app.
        while windows:
            old = windows.pop()
            old.context.vault = None
            old.close()
            old.deleteLater()
        qapp.processEvents()
        return (), {}

    try:
        benchmark.pedantic(show, setup=fresh, rounds=5, iterations=1)
        window = windows[-1]
        page = window.page_widgets()[window.page_titles().index("Journal")]
        # The first page (FIRST_PAGE entries, with their day headings) is what the window shows
        # at once; older entries are read as the list is scrolled.
        assert page.model.rowCount() > FIRST_PAGE
    finally:
        for w in windows:
            w.context.vault = None
            w.close()
            w.deleteLater()
        vault.close()
