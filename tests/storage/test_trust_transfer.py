"""Moving to a new computer: one encrypted vault file (an encrypted database copy and the key
file, nothing else), opened elsewhere with the passphrase or the recovery code."""

from __future__ import annotations

import base64
import json
import os
import stat
import zipfile
from datetime import date

import pytest
from support import PASSPHRASE, add_entries, flip_byte, folder_bytes

from caregiver_app.services import backups, people, transfer
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs
from caregiver_app.storage.vault_file import VaultFileError
from caregiver_app.services.vault import keyfile_of

MARKER = "QUINCE-LANTERN-5521"


@pytest.fixture
def exported(vault_paths, tmp_path, memory_keyring):
    created = vault_open.create_vault(vault_paths, PASSPHRASE, remember=True)
    vault = created.vault
    sam = people.add_person(vault, f"Sam {MARKER}")
    add_entries(vault, sam.id, 4, note=MARKER)
    result = transfer.export_vault(vault, tmp_path / "out")
    vault.close()
    return vault_paths, created.recovery_code, result


def test_the_vault_file_is_one_private_encrypted_file(exported, tmp_path):
    _paths, _code, result = exported
    assert result.path.name == "out.ccvault"
    assert stat.S_IMODE(os.stat(result.path).st_mode) == 0o600
    assert [(p.name, p.entries) for p in result.people] == [(f"Sam {MARKER}", 4)]
    with zipfile.ZipFile(result.path) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "vault.db", "vault.keys"]
        manifest = json.loads(archive.read("manifest.json"))
        keys = json.loads(archive.read("vault.keys"))
    assert set(manifest) == {"format", "version", "made_at", "app_version", "schema"}
    assert keys["remember_on_device"] is False  # the keyring stays on the old computer
    data = result.path.read_bytes()
    for needle in (MARKER.encode(), MARKER.encode("utf-16-le"), base64.b64encode(MARKER.encode())[:16]):
        assert needle not in data
    # Nothing left behind where it was made.
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith((".tmp", ".part"))]


@pytest.mark.parametrize("secret", ["passphrase", "recovery"])
def test_import_elsewhere_with_the_passphrase_or_the_recovery_code(exported, tmp_path, secret):
    _paths, code, result = exported
    target = vs.VaultPaths(tmp_path / "new-computer" / "vault")
    proof = {"passphrase": PASSPHRASE} if secret == "passphrase" else {"recovery_code": code}
    pending = transfer.open_vault_file(target, result.path, **proof)
    assert pending.entries == 4 and pending.made_at is not None
    assert not vs.vault_exists(target)  # only a preview so far
    vault = pending.install()
    try:
        assert vault.unlocked_by == secret
        assert vault.offer_new_passphrase is (secret == "recovery")
        assert not keyfile_of(vault).remember_on_device
        assert [(p.name, p.entries) for p in backups.current_people(vault)] == [(f"Sam {MARKER}", 4)]
    finally:
        vault.close()
    vault_open.unlock_with_passphrase(target, PASSPHRASE).close()
    for path in [target.folder, *target.folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_wrong_secret_damaged_or_foreign_files_change_nothing(exported, tmp_path):
    _paths, _code, result = exported
    target = vs.VaultPaths(tmp_path / "elsewhere")
    target.folder.mkdir()
    with pytest.raises(vs.WrongSecretError):
        transfer.open_vault_file(target, result.path, passphrase="not the passphrase at all")
    with pytest.raises(vs.RecoveryCodeTypoError):
        transfer.open_vault_file(target, result.path, recovery_code="ABCD-EFGH")
    not_ours = tmp_path / "notes.ccvault"
    not_ours.write_text("hello")
    with pytest.raises(VaultFileError, match="not a Caregiver Companion vault file"):
        transfer.open_vault_file(target, not_ours, passphrase=PASSPHRASE)
    damaged = tmp_path / "damaged.ccvault"
    damaged.write_bytes(result.path.read_bytes())
    flip_byte(damaged, damaged.stat().st_size // 2)  # inside the database member
    with pytest.raises(VaultFileError, match="damaged"):
        transfer.open_vault_file(target, damaged, passphrase=PASSPHRASE)
    truncated = tmp_path / "truncated.ccvault"
    truncated.write_bytes(result.path.read_bytes()[:-3000])
    with pytest.raises(VaultFileError):
        transfer.open_vault_file(target, truncated, passphrase=PASSPHRASE)
    assert folder_bytes(target.folder) == {}


def test_a_newer_vault_file_is_refused_plainly(exported, tmp_path):
    _paths, _code, result = exported
    newer = tmp_path / "newer.ccvault"
    with zipfile.ZipFile(result.path) as src, zipfile.ZipFile(newer, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "manifest.json":
                doc = json.loads(data)
                doc["version"] = 99
                data = json.dumps(doc).encode()
            dst.writestr(name, data)
    with pytest.raises(VaultFileError, match="newer version"):
        transfer.open_vault_file(vs.VaultPaths(tmp_path / "x"), newer, passphrase=PASSPHRASE)


def test_an_existing_vault_is_replaced_only_on_purpose_and_kept(exported, tmp_path):
    paths, _code, result = exported
    other = vault_open.create_vault(vs.VaultPaths(tmp_path / "other"), "a different long passphrase")
    other.vault.close()
    target = vs.VaultPaths(tmp_path / "other")
    old_db = target.db.read_bytes()
    pending = transfer.open_vault_file(target, result.path, passphrase=PASSPHRASE)
    with pytest.raises(vs.VaultExistsError):
        pending.install()
    vault = pending.install(replace_existing=True)
    vault.close()
    (aside,) = list(target.replaced.iterdir())
    assert (aside / "vault.db").read_bytes() == old_db and (aside / "vault.keys").exists()
    vault_open.unlock_with_passphrase(target, PASSPHRASE).close()
    pending.discard()


def test_replacing_an_open_vault_is_refused(exported, tmp_path):
    _paths, _code, result = exported
    created = vault_open.create_vault(vs.VaultPaths(tmp_path / "busy"), "a different long passphrase")
    pending = transfer.open_vault_file(created.vault.paths, result.path, passphrase=PASSPHRASE)
    with pytest.raises(vs.VaultInUseError):
        pending.install(replace_existing=True)
    pending.discard()
    created.vault.close()
    assert not list(created.vault.paths.folder.glob(".vault-*"))


def test_default_name_is_generic():
    assert transfer.default_export_name(date(2026, 11, 30)) == "caregiver-vault-2026-11-30.ccvault"
