"""Keys under the user's control: change the passphrase (rewrap only), make a new recovery code
(the old one stops working once the new one is written down), "remember on this computer", and a
way in after a crash between any two steps."""

from __future__ import annotations

import hashlib

import pytest
from support import PASSPHRASE, add_entries

from caregiver_app.domain.errors import ValidationError
from caregiver_app.security import keyfile as kf
from caregiver_app.services import keys
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs

NEW = "violet tractor sings quietly"


def db_digest(paths) -> str:
    return hashlib.sha256(paths.db.read_bytes()).hexdigest()


@pytest.fixture
def made(vault_paths):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    from caregiver_app.services import people

    add_entries(created.vault, people.add_person(created.vault, "Sam").id, 3)
    created.vault.close()
    return vault_paths, created.recovery_code


def test_change_passphrase_rewraps_only(made):
    paths, code = made
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    vault.close()
    before = db_digest(paths)  # the database as it is at rest
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    keys.change_passphrase(vault, NEW, NEW, current_passphrase=PASSPHRASE)
    vault.close()
    assert db_digest(paths) == before  # not re-encrypted: not a byte of the database changed
    with pytest.raises(vs.WrongSecretError):
        vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    vault_open.unlock_with_passphrase(paths, NEW).close()
    vault_open.unlock_with_recovery_code(paths, code).close()
    # Both generations on disk carry the new passphrase: the old one is gone for good.
    for path in (paths.keyfile, paths.keyfile.with_name("vault.keys.prev")):
        with pytest.raises(vs.WrongSecretError):
            kf.unwrap_with_passphrase(kf.read_keyfile(path), PASSPHRASE)


def test_change_needs_the_current_secret_and_a_good_new_one(made):
    paths, code = made
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert keys.needs_proof(vault)
        with pytest.raises(vs.UnlockError, match="current passphrase"):
            keys.change_passphrase(vault, NEW, NEW)
        with pytest.raises(vs.WrongSecretError):
            keys.change_passphrase(vault, NEW, NEW, current_passphrase="not the passphrase at all")
        with pytest.raises(ValidationError, match="at least 10"):
            keys.change_passphrase(vault, "short", "short", current_passphrase=PASSPHRASE)
        with pytest.raises(ValidationError, match="not the same"):
            keys.change_passphrase(vault, NEW, NEW + "!", current_passphrase=PASSPHRASE)
        keys.change_passphrase(vault, NEW, NEW, recovery_code=code)  # the code is proof too
    finally:
        vault.close()
    vault_open.unlock_with_passphrase(paths, NEW).close()


def test_after_a_recovery_code_unlock_a_new_passphrase_needs_no_old_one(made):
    paths, code = made
    vault = vault_open.unlock_with_recovery_code(paths, code)
    try:
        assert vault.offer_new_passphrase and not keys.needs_proof(vault)
        keys.change_passphrase(vault, NEW, NEW)
        assert not vault.offer_new_passphrase and keys.needs_proof(vault)
    finally:
        vault.close()
    vault_open.unlock_with_passphrase(paths, NEW).close()


def test_new_recovery_code_keeps_the_old_one_until_written_down(made):
    paths, old_code = made
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    new_code = keys.make_new_recovery_code(vault, current_passphrase=PASSPHRASE)
    assert vault.pending_recovery_code and new_code != old_code
    vault.close()
    # A crash now (before the user saw or wrote it down): both codes open, nobody is locked out.
    vault_open.unlock_with_recovery_code(paths, old_code).close()
    vault_open.unlock_with_recovery_code(paths, new_code).close()
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    keys.confirm_recovery_code(vault)
    vault.close()
    with pytest.raises(vs.WrongSecretError, match="older code"):
        vault_open.unlock_with_recovery_code(paths, old_code)
    vault_open.unlock_with_recovery_code(paths, new_code).close()
    vault_open.unlock_with_passphrase(paths, PASSPHRASE).close()


def test_a_crash_between_the_two_writes_still_opens_with_either(made, monkeypatch):
    paths, code = made
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    monkeypatch.setattr(keys, "settle_keyfile", lambda path, **kw: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        keys.change_passphrase(vault, NEW, NEW, current_passphrase=PASSPHRASE)
    vault.close()
    vault_open.unlock_with_passphrase(paths, NEW).close()
    vault_open.unlock_with_passphrase(paths, PASSPHRASE).close()  # from the generation kept beside it
    vault_open.unlock_with_recovery_code(paths, code).close()


def test_a_full_disk_during_a_change_leaves_the_old_passphrase(made, monkeypatch):
    paths, code = made
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    before = (paths.keyfile.read_bytes(), paths.keyfile.with_name("vault.keys.prev").read_bytes())
    real_write = kf.os.write
    calls = {"n": 0}

    def full(fd, data):
        calls["n"] += 1
        if calls["n"] >= 2:  # the second write: the new key file itself
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(kf.os, "write", full)
    with pytest.raises(vs.DiskFullError, match="still works"):
        keys.change_passphrase(vault, NEW, NEW, current_passphrase=PASSPHRASE)
    monkeypatch.setattr(kf.os, "write", real_write)
    assert paths.keyfile.read_bytes() == before[0]
    assert not [p for p in paths.folder.iterdir() if p.name.endswith(".tmp")]
    vault.close()
    vault_open.unlock_with_passphrase(paths, PASSPHRASE).close()
    vault_open.unlock_with_recovery_code(paths, code).close()


def test_remember_on_this_computer_on_and_off(made, memory_keyring):
    paths, _code = made
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    assert vault_open.set_remember_on_device(vault, True) is None
    vault.close()
    opened = vault_open.unlock_with_keyring(paths)
    assert opened.unlocked_by == "keyring"
    assert vault_open.set_remember_on_device(opened, False) is None
    opened.close()
    assert memory_keyring.store == {}
    with pytest.raises(vs.KeyringUnavailableError):
        vault_open.unlock_with_keyring(paths)
