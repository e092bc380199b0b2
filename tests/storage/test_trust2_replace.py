"""Interrupting "replace with a vault file" at any instant leaves a vault that the next open
finishes or rolls back by itself: never "No vault is set up", never a stray file (issue 10,
item 3)."""

from __future__ import annotations

import os

import pytest
from support import PASSPHRASE, add_entries

from caregiver_app.services import journal, people, transfer, vault_swap
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs

OTHER = "the passphrase of the vault being moved in"


@pytest.fixture
def two_vaults(vault_paths, tmp_path):
    """The vault in the folder (3 entries, PASSPHRASE) and a vault file of another (5, OTHER)."""
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    sam = people.add_person(created.vault, "Sam")
    add_entries(created.vault, sam.id, 3)
    created.vault.close()
    source = vs.VaultPaths(tmp_path / "laptop")
    moving = vault_open.create_vault(source, OTHER)
    ana = people.add_person(moving.vault, "Ana")
    add_entries(moving.vault, ana.id, 5)
    result = transfer.export_vault(moving.vault, tmp_path / "moving")
    moving.vault.close()
    return vault_paths, result.path


def _which_vault_opens(paths) -> int:
    for phrase in (PASSPHRASE, OTHER):
        try:
            vault = vault_open.unlock_with_passphrase(paths, phrase)
        except vs.WrongSecretError:
            continue
        try:
            return sum(journal.count_entries(vault, p.id) for p in people.list_people(vault))
        finally:
            vault.close()
    raise AssertionError("neither vault opens")


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith((".incoming", ".tmp")) or p.name == vault_swap.PLAN]


@pytest.mark.parametrize("stop_after", range(12))
def test_a_replace_stopped_at_any_step_is_finished_or_rolled_back(two_vaults, monkeypatch, stop_after):
    paths, vault_file = two_vaults
    pending = transfer.open_vault_file(paths, vault_file, passphrase=OTHER)
    real_replace = os.replace
    calls = {"n": 0}

    def stopping(src, dst):
        if calls["n"] >= stop_after:
            raise KeyboardInterrupt  # the power goes out here
        calls["n"] += 1
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", stopping)  # every rename: the swap's and the key file's
    finished = False
    try:
        pending.install(replace_existing=True).close()
        finished = True
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert vs.vault_exists(paths)  # never "No vault is set up"
    entries = _which_vault_opens(paths)
    assert entries in (3, 5)
    if finished:
        assert entries == 5
    assert _leftovers(paths.folder) == []
    if entries == 5:  # the old vault is kept whole in replaced/
        (aside,) = list((paths.folder / "replaced").iterdir())
        assert (aside / "vault.db").exists() and (aside / "vault.keys").exists()
        old = vs.VaultPaths(aside)
        vault = vault_open.unlock_with_passphrase(old, PASSPHRASE)
        vault.close()
    pending.discard()
