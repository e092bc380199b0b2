"""Timings for search, the calendar, the charts, jumping the journal list, and the app's memory,
on the generated 10-year journal. They measure; they never fail the suite on time.

Targets (issue 3, on a 2-core machine): search < 50 ms; a calendar month and each chart < 100 ms;
the journal list at any date < 100 ms; the running app with 10 years open < 300 MB.
Run: ``python -m pytest tests/bench/test_bench_patterns_search.py --benchmark-only``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from datetime import date, datetime, timezone

import pytest
from bench_support import END, PASS

from caregiver_app.domain.model import RecorderKind, Tag
from caregiver_app.gui.context import AppContext
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.patterns_page import PatternsPage
from caregiver_app.gui.common.ops import Ops
from caregiver_app.services import patterns, search
from caregiver_app.services.search import SearchQuery
from caregiver_app.services.vault_open import unlock_with_passphrase

NOW = datetime(END.year, END.month, END.day, 17, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def opened(ten_year_vault):
    paths, person_id, _count = ten_year_vault
    vault = unlock_with_passphrase(paths, PASS)
    yield paths, vault, person_id
    vault.close()


SEARCHES = {
    "common word": SearchQuery(text="tired"),
    "chinese two characters": SearchQuery(text="头痛"),  # read from the notes, beside "common word"
    "chinese in a sentence": SearchQuery(text="头痛很厉害"),  # the trigram index
    "thai in a sentence": SearchQuery(text="ปวดหัว"),
    "chinese and english": SearchQuery(text="头痛 tired"),
    "two words": SearchQuery(text="walked garden"),
    "rare prefix": SearchQuery(text="neighb"),
    "words and filters": SearchQuery(text="worried", recorded_by=RecorderKind.FAMILY, tag=Tag("walk"),
                                     start=date(2020, 1, 1), end=END),
    "filters only": SearchQuery(flagged_only=True),
    "best match first": SearchQuery(text="tired calm", best_first=True),
}


@pytest.mark.parametrize("name", list(SEARCHES))
def test_search(benchmark, opened, name):
    _paths, vault, person_id = opened
    query = SEARCHES[name]
    result = benchmark(search.search, vault, SearchQuery(**{**query.__dict__, "person_id": person_id}))
    assert result.total > 0


def test_calendar_month_service(benchmark, opened):
    _paths, vault, person_id = opened
    marks = benchmark(patterns.month_marks, vault, person_id, 2021, 3)
    assert len(marks) == 31


@pytest.mark.parametrize("key", ["2w", "3m", "1y"])
def test_chart_service(benchmark, opened, key):
    _paths, vault, person_id = opened
    trend = benchmark(patterns.trend, vault, person_id, patterns.Measure("mood"), patterns.period(key), END)
    assert trend.own_days > 0


def test_mood_comparisons_one_year(benchmark, opened):
    _paths, vault, person_id = opened
    result = benchmark(patterns.mood_comparisons, vault, person_id, date(END.year - 1, END.month, END.day), END)
    assert result.shown


@pytest.fixture
def page_context(qapp, opened, tmp_path, monkeypatch):
    paths, vault, person_id = opened
    monkeypatch.setattr(Ops, "synchronous", True)
    context = AppContext(paths=paths, ops=Ops(), vault=vault, clock=lambda: NOW,
                         settings_path=tmp_path / "s.json")
    from caregiver_app.services import people

    person = next(p for p in people.list_people(vault) if p.id == person_id)
    return context, person


def test_calendar_month_on_screen(benchmark, qapp, page_context):
    """A month's marks read and painted: Page Up in the calendar, from key to pixels."""
    context, person = page_context
    page = PatternsPage(context)
    page.resize(1100, 800)
    page.set_person(person)
    page.show()
    months = iter(range(10_000))

    def next_month():
        page.calendar.set_selected_date(date(2017 + next(months) % 9, 1 + next(months) % 12, 15))
        page.calendar.grid.viewport().repaint()

    benchmark(next_month)
    assert page.calendar.model.mark(page.calendar.selected_date) is not None
    page.close()


@pytest.mark.parametrize("key", ["2w", "3m", "1y"])
def test_chart_on_screen(benchmark, qapp, page_context, key):
    """Choosing a period: the trend read and the chart rebuilt and painted."""
    context, person = page_context
    page = PatternsPage(context)
    page.resize(1100, 800)
    page.set_person(person)
    page.show()
    page.tabs.setCurrentIndex(1)
    page.period_buttons[key].setChecked(True)

    def draw():
        page._load_trend()
        page.chart.view.viewport().repaint()

    benchmark(draw)
    assert len(page.chart.trend.points) == patterns.period(key).buckets
    page.close()


def test_journal_list_at_any_date(benchmark, qapp, page_context):
    """The journal list jumping to a date years back (from the calendar): rows read, built,
    the day's first entry chosen and scrolled into view."""
    context, person = page_context
    page = JournalPage(context)
    page.resize(1200, 800)
    page.set_person(person)
    page.show()
    qapp.processEvents()
    days = iter(range(10_000))

    def jump():
        n = next(days)
        day = date(2017 + n % 9, 1 + n % 12, 1 + n % 28)
        page.show_day(day)
        page.list_view.viewport().repaint()
        return day

    day = benchmark(jump)
    assert page.current_entry() is not None and page.current_entry().local_date <= day
    page.close()


MEMORY_SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import date, datetime, timezone
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from caregiver_app.gui.app import create_main_window
    from caregiver_app.gui.context import AppContext
    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import unlock_with_passphrase

    def rss_mb():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

    folder, passphrase, settings = sys.argv[1], sys.argv[2], sys.argv[3]
    Ops.synchronous = True
    stages = {"app code loaded, vault locked": rss_mb()}
    vault = unlock_with_passphrase(VaultPaths(Path(folder)), passphrase)
    context = AppContext(paths=VaultPaths(Path(folder)), ops=Ops(), vault=vault,
                         settings_path=Path(settings),
                         clock=lambda: datetime(2026, 11, 30, 17, tzinfo=timezone.utc))
    window = create_main_window(context)
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    stages["unlocked, journal on screen"] = rss_mb()
    titles = window.page_titles()
    for i in range(len(titles)):  # every page once
        window.show_page(i)
        app.processEvents()
    patterns = window.page_widgets()[titles.index("Patterns")]
    for tab in range(patterns.tabs.count()):
        patterns.tabs.setCurrentIndex(tab)
        app.processEvents()
    for key in ("2w", "3m", "1y"):
        patterns.period_buttons[key].setChecked(True)
        app.processEvents()
    window.show_search()
    search_page = window.page_widgets()[titles.index("Search")]
    search_page.query_edit.setText("tired")
    search_page.run_search()
    app.processEvents()
    stages["every page, chart and a search shown"] = rss_mb()
    journal = window.page_widgets()[0]
    window.show_page(0)
    for year in range(2017, 2027):
        journal.show_day(date(year, 6, 15))
        app.processEvents()
    journal.show_newest()
    while journal.model.canFetchMore():  # scroll the whole ten years into the list
        journal.model.fetchMore()
    app.processEvents()
    stages["ten years scrolled into the journal list"] = rss_mb()
    print(json.dumps({"stages_mb": stages, "rss_mb": rss_mb(), "rows": journal.model.rowCount()}))
    window.close()
    """
)


def test_memory_of_the_running_app_with_ten_years_open(benchmark, ten_year_vault, tmp_path):
    """Resident memory of a fresh app process (Qt, every page, ten years scrolled into the
    journal list, every chart and a search) read from /proc/self/status."""
    paths, _person_id, _count = ten_year_vault
    # A copy: the other benchmarks keep the vault open in this process, and a vault opens in one
    # process at a time.
    folder = tmp_path / "vault"
    shutil.copytree(paths.folder, folder, ignore=shutil.ignore_patterns("*.lock", "backups"))

    def run():
        out = subprocess.run(
            [sys.executable, "-c", MEMORY_SCRIPT, str(folder), PASS, str(tmp_path / "settings.json")],
            capture_output=True, text=True, timeout=300,
        )
        assert out.returncode == 0, out.stderr[-3000:]
        return json.loads(out.stdout.strip().splitlines()[-1])

    figures = benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(figures)
    print("\nResident memory (VmRSS): " + "; ".join(f"{k}: {v:.0f} MB" for k, v in figures["stages_mb"].items()))
    assert figures["rows"] > 10_000
