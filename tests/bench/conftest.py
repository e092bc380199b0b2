"""Benchmarks share one generated 10-year vault (built once per run, real Argon2 parameters)."""

from __future__ import annotations

import pytest
from bench_support import END, PASS
from journal_generator import fill_vault

from caregiver_app.security import kdf
from caregiver_app.services import people
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault



@pytest.fixture(scope="session")
def ten_year_vault(tmp_path_factory):
    """``(paths, person_id, entry_count)`` of a closed vault holding ten years of entries."""
    previous = kdf.default_params()
    kdf.set_default_params(kdf.RFC9106_SECOND)  # measure the real unlock cost
    try:
        paths = VaultPaths(tmp_path_factory.mktemp("bench") / "vault")
        created = create_vault(paths, PASS)
    finally:
        kdf.set_default_params(previous)
    vault = created.vault
    person = people.add_person(vault, "Sam")
    count = fill_vault(vault, person.id, END)
    vault.close()
    return paths, person.id, count
