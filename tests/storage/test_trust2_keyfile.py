"""Key-file damage that still parses is found at open, repaired from the good generation and
told; a good generation is never overwritten by a damaged one; a foreign or missing key file and
a full disk each get their own true message (issue 10, items 6 and 7)."""

from __future__ import annotations

import base64
import json
import shutil

import pytest
from support import PASSPHRASE, folder_bytes
from test_trust_disk import fill, small_disk  # noqa: F401  (a real tiny file system)

from caregiver_app.services import keys, people
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs

OTHER = "a different vault's own passphrase"


@pytest.fixture
def made(vault_paths):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    people.add_person(created.vault, "Sam")
    created.vault.close()
    return vault_paths, created.recovery_code


def _flip_b64(text: str) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[len(raw) // 2] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


def _mutations():
    """Every field of the key file, changed to another value that still parses."""
    found = [
        ("vault_id", lambda d: d.update(vault_id=("0" if d["vault_id"][0] != "0" else "1") + d["vault_id"][1:])),
        ("generation", lambda d: d.update(generation=d["generation"] + 1)),
        ("key_check", lambda d: d.update(key_check=_flip_b64(d["key_check"]))),
        ("remember_on_device", lambda d: d.update(remember_on_device=not d["remember_on_device"])),
        ("mac", lambda d: d.update(mac=_flip_b64(d["mac"]))),
    ]
    for index in (0, 1):
        for field in ("salt", "nonce", "wrapped"):
            found.append((f"slot{index}.{field}",
                          lambda d, i=index, f=field: d["slots"][i].update({f: _flip_b64(d["slots"][i][f])})))
        found.append((f"slot{index}.id", lambda d, i=index: d["slots"][i].update(id=d["slots"][i]["id"] + "x")))
    found.append(("kdf.iterations", lambda d: [s["kdf"].update(iterations=s["kdf"]["iterations"] + 1)
                                               for s in d["slots"] if "kdf" in s]))
    found.append(("kdf.memory", lambda d: [s["kdf"].update(memory_kib=s["kdf"]["memory_kib"] + 8)
                                           for s in d["slots"] if "kdf" in s]))
    return found


MUTATIONS = _mutations()


@pytest.mark.parametrize("which", ["current", "previous"])
@pytest.mark.parametrize("name,mutate", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_key_file_damage_walk(made, which, name, mutate):
    paths, code = made
    target = paths.keyfile if which == "current" else paths.keyfile.with_name("vault.keys.prev")
    good = paths.keyfile.read_bytes()
    doc = json.loads(target.read_bytes())
    mutate(doc)
    damaged = json.dumps(doc, indent=2, sort_keys=True).encode()
    assert damaged != good
    target.write_bytes(damaged)
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert len(vault.notices) == 1, name
        assert "repaired" in vault.notices[0] or "replaced" in vault.notices[0]
        # The next passphrase change never carries the damage over the good copy.
        keys.change_passphrase(vault, "a brand new passphrase 2027", "a brand new passphrase 2027",
                               current_passphrase=PASSPHRASE)
    finally:
        vault.close()
    assert damaged in [p.read_bytes() for p in paths.damaged.glob("vault.keys*")]
    for secret in ("current", "prev"):
        by_code = vault_open.unlock_with_recovery_code(paths, code)
        assert by_code.notices == []
        by_code.close()
    vault_open.unlock_with_passphrase(paths, "a brand new passphrase 2027").close()


def test_a_missing_key_file_is_put_back_and_said_to_be_missing(made):
    paths, code = made
    paths.keyfile.unlink()
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert len(vault.notices) == 1 and "missing" in vault.notices[0] and "damaged" not in vault.notices[0]
    finally:
        vault.close()
    assert paths.keyfile.exists()
    paths.keyfile.unlink()
    paths.keyfile.with_name("vault.keys.prev").unlink()
    with pytest.raises(vs.KeyFileError, match="missing") as info:
        vault_open.unlock_with_recovery_code(paths, code)
    assert "damaged" not in str(info.value)


def _other_vault(tmp_path):
    other = vs.VaultPaths(tmp_path / "other")
    vault_open.create_vault(other, OTHER).vault.close()
    return other


def test_a_foreign_key_file_is_not_called_a_damaged_database(made, tmp_path):
    paths, _code = made
    other = _other_vault(tmp_path)
    for name in ("vault.keys", "vault.keys.prev"):
        shutil.copyfile(other.folder / name, paths.folder / name)
    before = folder_bytes(paths.folder)
    with pytest.raises(vs.KeyFileError) as info:
        vault_open.unlock_with_passphrase(paths, OTHER)
    message = str(info.value)
    assert "belong" in message and "damaged" not in message
    assert folder_bytes(paths.folder) == before  # nothing moved, nothing written


def test_a_foreign_current_key_file_beside_our_own_copy_is_set_aside(made, tmp_path):
    paths, code = made
    other = _other_vault(tmp_path)
    foreign = (other.folder / "vault.keys").read_bytes()
    paths.keyfile.write_bytes(foreign)
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert len(vault.notices) == 1 and "another vault" in vault.notices[0]
    finally:
        vault.close()
    assert foreign in [p.read_bytes() for p in paths.damaged.glob("vault.keys*")]
    vault_open.unlock_with_recovery_code(paths, code).close()


@pytest.mark.parametrize("leave", [0, 4096, 8192])
def test_a_full_disk_at_open_is_not_called_damage(small_disk, leave):  # noqa: F811
    paths = vs.VaultPaths(small_disk / "vault")
    created = vault_open.create_vault(paths, PASSPHRASE)
    people.add_person(created.vault, "Sam")
    created.vault.close()
    fill(small_disk, leave)
    before = folder_bytes(paths.folder)
    with pytest.raises(vs.DiskFullError) as info:
        vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    assert "full" in str(info.value) and "damaged" not in str(info.value)
    after = folder_bytes(paths.folder)
    for name in ("vault.db-shm", "vault.db-wal"):  # SQLite's empty companions, holding nothing
        assert not after.pop(name, b"").strip(b"\0")
    assert after == before
    (small_disk / "filler").unlink()
    vault_open.unlock_with_passphrase(paths, PASSPHRASE).close()


def test_a_key_file_from_before_the_mac_is_sealed_at_its_next_open(made):
    paths, code = made
    for path in (paths.keyfile, paths.keyfile.with_name("vault.keys.prev")):
        doc = json.loads(path.read_bytes())
        del doc["mac"]
        path.write_bytes(json.dumps(doc, indent=2, sort_keys=True).encode())
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert vault.notices == []  # an older file is not damage
    finally:
        vault.close()
    for path in (paths.keyfile, paths.keyfile.with_name("vault.keys.prev")):
        assert "mac" in json.loads(path.read_bytes())
    vault_open.unlock_with_recovery_code(paths, code).close()


def test_the_old_passphrase_kept_in_the_spare_copy_after_a_crash_still_changes_it(made):
    """A crash between writing the new key file and settling the spare: the old passphrase opens
    from .prev, and proving it again (for the next change) must work too."""
    paths, code = made
    prev = paths.keyfile.with_name("vault.keys.prev")
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    kept = paths.keyfile.read_bytes()
    keys.change_passphrase(vault, "the passphrase after the crash", "the passphrase after the crash",
                           current_passphrase=PASSPHRASE)
    vault.close()
    prev.write_bytes(kept)  # as if the crash came before .prev was settled
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert vault.notices == []
        keys.change_passphrase(vault, "a third passphrase here", "a third passphrase here",
                               current_passphrase=PASSPHRASE)
    finally:
        vault.close()
    vault_open.unlock_with_passphrase(paths, "a third passphrase here").close()
    vault_open.unlock_with_recovery_code(paths, code).close()
