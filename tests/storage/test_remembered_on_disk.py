"""``services.vault.remembered_on_disk``: the unlock screen's "is this vault remembered on this
computer?" gives :func:`vault_open.is_remembered`'s answer, from the key file alone when nothing
unusual is there (so the first window loads neither SQLCipher nor cryptography, issue 16)."""

from __future__ import annotations

import pytest
from support import PASSPHRASE

from caregiver_app.services import vault_open
from caregiver_app.services.vault import remembered_on_disk


def _no_full_check(monkeypatch):
    def full(paths):
        raise AssertionError("went through vault_open")

    monkeypatch.setattr(vault_open, "is_remembered", full)


@pytest.mark.parametrize("remember", [False, True])
def test_a_plain_key_file_is_read_directly(vault_paths, memory_keyring, monkeypatch, remember):
    created = vault_open.create_vault(vault_paths, PASSPHRASE, remember=remember)
    created.vault.close()
    expected = vault_open.is_remembered(vault_paths)
    assert expected is remember
    _no_full_check(monkeypatch)
    assert remembered_on_disk(vault_paths) is expected


def test_no_vault_is_not_remembered(vault_paths):
    assert remembered_on_disk(vault_paths) is False


def test_a_damaged_key_file_goes_the_full_way(vault_paths, memory_keyring, monkeypatch):
    created = vault_open.create_vault(vault_paths, PASSPHRASE, remember=True)
    created.vault.close()
    prev = vault_paths.keyfile.with_name(vault_paths.keyfile.name + ".prev")
    prev.write_bytes(vault_paths.keyfile.read_bytes())
    vault_paths.keyfile.write_bytes(b"{not json")
    asked = []
    real = vault_open.is_remembered
    monkeypatch.setattr(vault_open, "is_remembered", lambda paths: asked.append(paths) or real(paths))
    assert remembered_on_disk(vault_paths) is True  # from the previous generation, as vault_open reads it
    assert asked == [vault_paths]
