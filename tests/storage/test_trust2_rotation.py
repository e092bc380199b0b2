"""A new data key when someone may know the passphrase or have seen the recovery code: the
database and every backup are re-encrypted, every slot re-wrapped, and the old secrets with an
old copy of the key file open nothing in the vault folder any more (issue 10, item 8)."""

from __future__ import annotations

import io
import os
from datetime import datetime, timedelta, timezone

import pytest
from support import PASSPHRASE, add_entries

from caregiver_app import cli
from caregiver_app.security.keyfile import loads, unwrap_with_passphrase
from caregiver_app.services import backups, journal, people, rotation, vault_swap
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs
from caregiver_app.storage import backup as store
from caregiver_app.storage.health import check_file
from caregiver_app.services.vault import data_key_of

NEW = "someone saw the old one, so here is another"
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)


@pytest.fixture
def made(vault_paths, memory_keyring):
    created = vault_open.create_vault(vault_paths, PASSPHRASE, remember=True)
    vault = created.vault
    sam = people.add_person(vault, "Sam")
    add_entries(vault, sam.id, 4)
    backups.daily_backup_if_due(vault, clock=lambda: NOW - timedelta(days=2))
    add_entries(vault, sam.id, 3, start_day=20)
    backups.back_up_now(vault, clock=lambda: NOW - timedelta(days=1))
    old_keys = vault_paths.keyfile.read_bytes()
    return vault, sam.id, created.recovery_code, old_keys


def _entries(vault, person_id):
    return journal.count_entries(vault, person_id)


def test_rotation_re_encrypts_everything_and_old_secrets_open_nothing(made):
    vault, sam, old_code, old_keys = made
    paths = vault.paths
    old_key = unwrap_with_passphrase(loads(old_keys), PASSPHRASE)
    result = rotation.rotate_data_key(vault, new_passphrase=NEW, confirmation=NEW, current_passphrase=PASSPHRASE)
    try:
        assert _entries(vault, sam) == 7  # the same vault object keeps working, under the new key
        add_entries(vault, sam, 1, start_day=60, note="after")
        assert result.backups_reencrypted == 2
        assert result.recovery_code != old_code
    finally:
        vault.close()
    # The old passphrase with an old copy of the key file opens nothing here any more.
    assert not check_file(paths.db, old_key).ok
    for b in store.list_backups(paths.backups):
        assert not store.opens_with(b.path, old_key)
    assert not any(p.is_file() and old_keys == p.read_bytes() for p in paths.folder.rglob("*"))
    with pytest.raises(vs.WrongSecretError):
        vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    with pytest.raises(vs.WrongSecretError):
        vault_open.unlock_with_recovery_code(paths, old_code)
    # Every new way in works: passphrase, new code, keyring; backups still restore.
    again = vault_open.unlock_with_passphrase(paths, NEW)
    assert _entries(again, sam) == 8 and again.notices == []
    oldest = store.list_backups(paths.backups)[-1]
    backups.restore_backup(again, oldest.path)
    assert _entries(again, sam) == 4
    again.close()
    vault_open.unlock_with_recovery_code(paths, result.recovery_code).close()
    vault_open.unlock_with_keyring(paths).close()
    assert not vault_swap.needs_attention(paths.folder)


def test_rotation_can_keep_the_passphrase_and_says_what_stays_readable(made):
    vault, sam, _code, _old = made
    (vault.paths.folder / "replaced" / "20260101T000000Z").mkdir(parents=True)
    (vault.paths.folder / "replaced" / "20260101T000000Z" / "vault.db").write_bytes(b"x")
    result = rotation.rotate_data_key(vault, current_passphrase=PASSPHRASE)
    vault.close()
    assert result.still_readable == ("replaced",)
    vault_open.unlock_with_passphrase(vault.paths, PASSPHRASE).close()


def test_rotation_needs_the_current_secret(made):
    vault, _sam, _code, old = made
    with pytest.raises(vs.WrongSecretError):
        rotation.rotate_data_key(vault, new_passphrase=NEW, confirmation=NEW, current_passphrase="not it at all!")
    assert vault.paths.keyfile.read_bytes() == old
    vault.close()


@pytest.mark.parametrize("stop_after", range(0, 14, 2))
def test_rotation_stopped_at_any_step_leaves_one_whole_vault(made, monkeypatch, stop_after):
    vault, sam, old_code, _old = made
    paths = vault.paths
    real_replace = os.replace
    calls = {"n": 0}

    def stopping(src, dst):
        if calls["n"] >= stop_after:
            raise KeyboardInterrupt  # the power goes out here
        calls["n"] += 1
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", stopping)
    code = None
    try:
        code = rotation.rotate_data_key(vault, new_passphrase=NEW, confirmation=NEW,
                                        current_passphrase=PASSPHRASE).recovery_code
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    vault.close()
    opened = None
    for phrase in (PASSPHRASE, NEW):
        try:
            opened = vault_open.unlock_with_passphrase(paths, phrase)
            break
        except vs.WrongSecretError:
            continue
    assert opened is not None, "neither passphrase opens"
    try:
        assert _entries(opened, sam) == 7
        key = data_key_of(opened)
        for b in store.list_backups(paths.backups):
            assert store.opens_with(b.path, key), b.path.name
    finally:
        opened.close()
    assert not vault_swap.needs_attention(paths.folder)
    if code is not None:
        vault_open.unlock_with_recovery_code(paths, code).close()


def test_rotate_key_on_the_command_line(made):
    vault, _sam, _code, _old = made
    vault.close()
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(["--data-dir", str(vault.paths.folder), "rotate-key", "--passphrase-stdin"],
                      stdin=io.StringIO(f"{PASSPHRASE}\n{NEW}\n"), out=out, err=err)
    assert status == cli.EXIT_OK, err.getvalue()
    text = out.getvalue()
    code_line = next(line.strip() for line in text.splitlines() if line.strip().count("-") == 7)
    assert "2 backups" in text
    vault_open.unlock_with_recovery_code(vault.paths, code_line).close()
    vault_open.unlock_with_passphrase(vault.paths, NEW).close()


def test_a_damaged_backup_does_not_stop_rotation_and_is_kept_aside(made):
    from support import flip_byte

    vault, _sam, _code, _old = made
    damaged = store.list_backups(vault.paths.backups)[0].path
    flip_byte(damaged, damaged.stat().st_size // 2)
    result = rotation.rotate_data_key(vault, current_passphrase=PASSPHRASE)
    vault.close()
    assert result.backups_reencrypted == 1
    assert (vault.paths.damaged / damaged.name).exists()
    assert "damaged" in result.still_readable
