"""Timings for the journal's records on the 10-year journal: CSV export of everything, and what
the visit summary asks of medications and scores. They measure; they never fail on time.

Run: ``python -m pytest tests/bench/test_bench_journal_records.py --benchmark-only``.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta

from bench_support import END, PASS

from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.domain.scores import Instrument
from caregiver_app.services import export_csv, journal, medications, scores
from caregiver_app.services.medications import MedicationDraft
from caregiver_app.services.scores import ScoreDraft
from caregiver_app.services.vault_open import unlock_with_passphrase


def test_export_ten_years_as_csv(benchmark, ten_year_vault, tmp_path):
    paths, person_id, count = ten_year_vault
    vault = unlock_with_passphrase(paths, PASS)
    try:
        target = tmp_path / "journal.csv"
        result = benchmark.pedantic(export_csv.write_journal_csv, args=(vault, person_id, target), rounds=3,
                                    iterations=1)
        assert result.entries == count
        with open(target, encoding="utf-8-sig", newline="") as fh:
            assert sum(1 for _ in csv.reader(fh)) == count + 1
    finally:
        vault.close()


def test_summary_queries_for_medications_and_scores(benchmark, ten_year_vault):
    paths, person_id, _ = ten_year_vault
    vault = unlock_with_passphrase(paths, PASS)
    try:
        meds = [medications.add_medication(vault, MedicationDraft(person_id, f"Medicine {i}", 10 + i, "mg", "once a day",
                                                                  start_date=END - timedelta(days=3000)))
                for i in range(5)]
        for n in range(120):  # monthly-ish scores over ten years
            day = END - timedelta(days=30 * n)
            scores.save_score(vault, ScoreDraft(person_id, Instrument.PHQ9, day, (n % 4,) * 8 + (0,)))
        for n in range(0, 365, 2):  # doses recorded on many entries of the last year
            journal.save_entry(
                vault, journal.EntryDraft(person_id, journal.local_now().replace(year=END.year, month=1, day=1)
                                          + timedelta(days=n)),
                doses=[DoseRecord(m.id, DoseStatus.MISSED if n % 10 == 0 else DoseStatus.TAKEN) for m in meds])
        start, end = END - timedelta(days=90), END

        def queries():
            return (medications.changes_in_period(vault, person_id, start, end),
                    medications.missed_doses_in_period(vault, person_id, date(END.year, 1, 1), end),
                    scores.scores_in_period(vault, person_id, start, end))

        changes, missed, trends = benchmark(queries)
        assert trends and missed
    finally:
        vault.close()
