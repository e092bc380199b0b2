"""Core timings on the 10-year journal. They measure; they never fail the suite on time.

Run: ``python -m pytest tests/bench --benchmark-only``.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from bench_support import END, PASS

from support import sample_path

from caregiver_app.reports.visit_summary import build_visit_summary_pdf
from caregiver_app.services import imports, journal
from caregiver_app.services.summary import SummaryRequest, build_summary
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault, unlock_with_passphrase

SAMPLE_MAP = {"okay": 3, "Solid": 4, "almost Rad": 5}


def test_unlock_with_real_argon2(benchmark, ten_year_vault):
    paths, person_id, count = ten_year_vault
    assert count > 10_000

    def unlock():
        vault = unlock_with_passphrase(paths, PASS)
        vault.close()

    benchmark.pedantic(unlock, rounds=5, iterations=1)


def test_first_journal_page_after_unlock(benchmark, ten_year_vault):
    paths, person_id, _ = ten_year_vault
    vault = unlock_with_passphrase(paths, PASS)
    try:
        page = benchmark(journal.recent_entries, vault, person_id)
        assert len(page) == journal.PAGE_SIZE
    finally:
        vault.close()


def test_summary_90_days_data_and_pdf(benchmark, ten_year_vault):
    paths, person_id, _ = ten_year_vault
    vault = unlock_with_passphrase(paths, PASS)
    try:
        request = SummaryRequest(person_id, END - timedelta(days=89), END)

        def make():
            out = io.BytesIO()
            build_visit_summary_pdf(build_summary(vault, request, zone_name="America/New_York"), out)
            return out.tell()

        size = benchmark.pedantic(make, rounds=3, iterations=1)
        assert size > 10_000
    finally:
        vault.close()


def test_import_1500_rows(benchmark, tmp_path):
    data = sample_path("daylio_a.csv").read_bytes()
    counter = iter(range(1000))

    def setup():
        vault = create_vault(VaultPaths(tmp_path / f"v{next(counter)}"), PASS).vault
        return (vault,), {}

    def run(vault):
        report = imports.import_daylio(vault, data, "Sam", SAMPLE_MAP, "America/New_York")
        vault.close()
        assert report.new == 1500

    benchmark.pedantic(run, setup=setup, rounds=5, iterations=1)
