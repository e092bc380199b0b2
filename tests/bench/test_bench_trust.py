"""Timings of the vault's safety work on the 10-year journal (~10,000 entries): the checks at
unlock, a verified backup, a restore and a vault file. They measure; they never fail on time.

Run: ``python -m pytest tests/bench/test_bench_trust.py --benchmark-only``.
"""

from __future__ import annotations

import shutil

import pytest
from bench_support import PASS

from caregiver_app.services import backups, journal, people, transfer
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import _unwrap, unlock_with_passphrase
from caregiver_app.security.keyfile import unwrap_with_passphrase
from caregiver_app.storage import health


@pytest.fixture
def copy_of_ten_years(ten_year_vault, tmp_path):
    paths, _person_id, _generated = ten_year_vault
    target = VaultPaths(tmp_path / "vault")
    shutil.copytree(paths.folder, target.folder)
    # Count what the copy holds: other benchmarks may have written to the shared vault.
    vault = unlock_with_passphrase(target, PASS)
    try:
        count = sum(journal.count_entries(vault, p.id) for p in people.list_people(vault))
    finally:
        vault.close()
    return target, count


def _key(paths):
    return _unwrap(paths, lambda kf: unwrap_with_passphrase(kf, PASS))[1]


def test_quick_check_at_unlock(benchmark, copy_of_ten_years):
    paths, _ = copy_of_ten_years
    key = _key(paths)
    report = benchmark(health.check_file, paths.db, key)
    assert report.ok


def test_weekly_page_hmac_check(benchmark, copy_of_ten_years):
    paths, _ = copy_of_ten_years
    key = _key(paths)
    report = benchmark.pedantic(health.check_file, args=(paths.db, key), kwargs={"cipher_check": True},
                                rounds=3, iterations=1)
    assert report.ok and report.cipher_checked


def test_verified_backup(benchmark, copy_of_ten_years):
    paths, count = copy_of_ten_years
    vault = unlock_with_passphrase(paths, PASS)
    try:
        summary = benchmark.pedantic(backups.back_up_now, args=(vault,), rounds=3, iterations=1)
        assert summary.entries == count
    finally:
        vault.close()


def test_restore(benchmark, copy_of_ten_years):
    paths, count = copy_of_ten_years
    vault = unlock_with_passphrase(paths, PASS)
    try:
        made = backups.back_up_now(vault)
        result = benchmark.pedantic(backups.restore_backup, args=(vault, made.path), rounds=3, iterations=1)
        assert result.restored.entries == count
    finally:
        vault.close()


def test_vault_file_export(benchmark, copy_of_ten_years, tmp_path):
    paths, count = copy_of_ten_years
    vault = unlock_with_passphrase(paths, PASS)
    try:
        result = benchmark.pedantic(transfer.export_vault, args=(vault, tmp_path / "moving"), rounds=3, iterations=1)
        assert sum(p.entries for p in result.people) == count
    finally:
        vault.close()
