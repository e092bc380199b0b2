"""Helpers for the family-sync tests: several real vaults (computers) sharing one folder."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from caregiver_app.services import export_csv, family_sync, people
from caregiver_app.services.vault import VaultPaths, engine_of
from caregiver_app.services.vault_open import create_vault

PASSPHRASE = "correct horse battery staple"


def computers(tmp_path: Path, count: int, shared: Path | None = None) -> tuple[list, Path]:
    """``count`` open vaults in one family sharing ``shared`` (made in tmp_path when None)."""
    shared = shared or tmp_path / "shared"
    shared.mkdir(exist_ok=True)
    vaults = [create_vault(VaultPaths(tmp_path / f"computer{i}"), PASSPHRASE).vault for i in range(count)]
    code = family_sync.create_family(vaults[0], shared, name="computer0")
    for i, vault in enumerate(vaults[1:], start=1):
        family_sync.join_family(vault, shared, code, name=f"computer{i}")
        code = family_sync.new_invitation(vaults[0])
    return vaults, shared


@contextmanager
def family(tmp_path: Path, count: int) -> Iterator[tuple[list, Path]]:
    """:func:`computers`, locked again afterwards."""
    vaults, shared = computers(tmp_path, count)
    try:
        yield vaults, shared
    finally:
        for vault in vaults:
            vault.close()


def exports(vault) -> dict[str, list[list[str]]]:
    """Every person's journal as the CSV export writes it, by name (the comparison of vaults)."""
    out = {}
    for person in people.list_people(vault, include_archived=True):
        rows = list(export_csv.journal_rows(vault, person.id, "UTC"))
        out[person.display_name] = sorted(rows[1:])
    return out


def shared_state(vault) -> dict[str, list[tuple]]:
    """Every shared table's rows by gid, foreign keys as the parents' gids: the whole shared
    journal, independent of local ids."""
    from caregiver_app.storage.repos import sync as repo
    from caregiver_app.storage.sync_tables import SHARED

    state = {}
    with engine_of(vault).connect() as conn:
        for spec in SHARED:
            gids = [g for (g,) in conn.exec_driver_sql(f"SELECT gid FROM {spec.table} ORDER BY gid")]
            state[spec.table] = [(g, tuple(sorted(repo.row_values(conn, spec, g).items()))) for g in gids]
    return state


def csv_text(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()
