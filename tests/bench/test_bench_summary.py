"""Visit summary timings on the 10-year journal: data and PDF, 90 days, one year, ten years.
They measure; they never fail the suite on time. Peak memory: see the issue note (measured with
``/usr/bin/time -v`` on a separate process)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bench_support import END, PASS

from caregiver_app.services.summary import SummaryRequest, build_summary, summary_pdf_bytes
from caregiver_app.services.vault_open import unlock_with_passphrase


@pytest.mark.parametrize("days", [90, 365, 3650])
def test_summary_data_and_pdf(benchmark, ten_year_vault, days):
    paths, person_id, _ = ten_year_vault
    vault = unlock_with_passphrase(paths, PASS)
    try:
        request = SummaryRequest(person_id, END - timedelta(days=days - 1), END)

        def make():
            return len(summary_pdf_bytes(build_summary(vault, request, zone_name="America/New_York")))

        size = benchmark.pedantic(make, rounds=2 if days > 1000 else 3, iterations=1, warmup_rounds=1)
        assert size > 10_000
    finally:
        vault.close()
