"""Damage is caught at open, before anything writes: flipped bytes and truncation in the database
and in the key file. A damaged database is moved aside (never deleted) when the newest good backup
is put back; a damaged key file falls back to the copy beside it and says so."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from support import PASSPHRASE, add_entries, flip_byte, folder_bytes

from caregiver_app.services import backups
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs
from caregiver_app.storage import health
from caregiver_app.services.vault import session_of

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)


@pytest.fixture
def closed_vault(vault_paths):
    """A closed vault with 40 entries and two good backups (3 and 2 days old) of 10 and 20."""
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    vault = created.vault
    from caregiver_app.services import people

    sam = people.add_person(vault, "Sam")
    add_entries(vault, sam.id, 10)
    backups.daily_backup_if_due(vault, clock=lambda: NOW - timedelta(days=3))
    add_entries(vault, sam.id, 10, start_day=20)
    backups.daily_backup_if_due(vault, clock=lambda: NOW - timedelta(days=2))
    add_entries(vault, sam.id, 20, start_day=40)
    vault.close()
    return vault_paths, created.recovery_code


def damage(path, how: str) -> None:
    size = path.stat().st_size
    if how == "flip-first-page":
        flip_byte(path, 100)
    elif how == "flip-middle":
        flip_byte(path, size // 2 + 7)
    elif how == "flip-last-page":
        flip_byte(path, -50)
    elif how == "truncate-half":
        with open(path, "r+b") as fh:
            fh.truncate(size // 2)
    elif how == "truncate-odd":
        with open(path, "r+b") as fh:
            fh.truncate(size - 1234)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "missing":
        path.unlink()


@pytest.mark.parametrize("how", ["flip-first-page", "flip-middle", "flip-last-page", "truncate-half",
                                 "truncate-odd", "empty", "missing"])
def test_damaged_database_is_caught_before_any_write(closed_vault, how):
    paths, code = closed_vault
    damage(paths.db, how)
    before = folder_bytes(paths.folder)
    with pytest.raises(vs.DamagedVaultError) as info:
        vault_open.unlock_with_passphrase(paths, PASSPHRASE, clock=lambda: NOW)
    recovery = info.value.recovery
    assert "damaged" in str(info.value) and "\n" not in str(info.value)
    # Nothing was written: every file is byte for byte as it was (the lock file is empty).
    assert folder_bytes(paths.folder) == before
    # The right backup is offered: the newest one that passes its check.
    offered = recovery.newest_good_backup()
    assert offered.made_at == NOW - timedelta(days=2) and offered.entries == 20
    # While the repair is pending, nobody else can open the vault.
    with pytest.raises(vs.VaultInUseError):
        vault_open.unlock_with_recovery_code(paths, code)
    recovery.close()


def test_restoring_moves_the_damaged_file_aside_and_skips_a_damaged_backup(closed_vault):
    paths, _code = closed_vault
    newest = backups.store.list_backups(paths.backups)[0]
    flip_byte(newest.path, newest.path.stat().st_size // 2)  # the newest backup is damaged too
    damage(paths.db, "flip-middle")
    damaged_bytes = paths.db.read_bytes()
    with pytest.raises(vs.DamagedVaultError) as info:
        vault_open.unlock_with_passphrase(paths, PASSPHRASE, clock=lambda: NOW)
    recovery = info.value.recovery
    offered = recovery.newest_good_backup()
    assert offered.made_at == NOW - timedelta(days=3) and offered.entries == 10
    vault = recovery.restore(offered.path)
    try:
        assert sum(p.entries for p in backups.current_people(vault)) == 10
        (aside,) = list(paths.damaged.glob("vault-*.db"))
        assert aside.read_bytes() == damaged_bytes  # kept, never deleted
    finally:
        vault.close()
    vault_open.unlock_with_passphrase(paths, PASSPHRASE).close()


def test_damage_without_any_backup_changes_nothing(vault_paths):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    created.vault.close()
    damage(vault_paths.db, "flip-middle")
    with pytest.raises(vs.DamagedVaultError) as info:
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    assert info.value.recovery.newest_good_backup() is None
    before = folder_bytes(vault_paths.folder)
    info.value.recovery.close()
    assert folder_bytes(vault_paths.folder) == before  # the damaged file stays, unchanged


@pytest.mark.parametrize("how", ["flip-first-page", "flip-middle", "truncate-half", "empty"])
def test_damaged_key_file_falls_back_to_the_copy_and_says_so(closed_vault, how):
    paths, code = closed_vault
    damage(paths.keyfile, how)
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE, clock=lambda: NOW)
    try:
        assert vault.notices == [vs.KEYFILE_FALLBACK_NOTICE]
        assert "damaged" in vault.notices[0] and "repaired" in vault.notices[0]
    finally:
        vault.close()
    # Repaired: the current key file reads again, and the damaged one is kept (a missing one:
    # tests/storage/test_trust2_keyfile.py).
    assert vault_open.load_keyfile(paths) is not None
    assert len(list(paths.damaged.glob("vault.keys-*"))) == 1
    again = vault_open.unlock_with_recovery_code(paths, code)
    assert again.notices == []
    again.close()


def test_both_key_files_damaged_is_a_plain_message(closed_vault):
    paths, _code = closed_vault
    damage(paths.keyfile, "truncate-half")
    damage(paths.keyfile.with_name("vault.keys.prev"), "flip-middle")
    before = folder_bytes(paths.folder)
    with pytest.raises(vs.KeyFileError, match="damaged"):
        vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    assert folder_bytes(paths.folder) == before


def test_page_hmac_check_runs_weekly_and_is_remembered(vault_paths, monkeypatch):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    created.vault.close()
    calls = []
    real = health.check_file

    def spy(path, key, *, cipher_check=False):
        calls.append(cipher_check)
        return real(path, key, cipher_check=cipher_check)

    monkeypatch.setattr(vault_open, "check_file", spy)
    for days, expect_cipher in ((0, True), (1, False), (6, False), (8, True), (9, False)):
        calls.clear()
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE, clock=lambda d=days: NOW + timedelta(days=d)).close()
        assert calls == ([False, True] if expect_cipher else [False]), days


def test_page_hmac_damage_only_the_full_check_sees_is_caught(vault_paths, monkeypatch):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    created.vault.close()
    real = health.check_file

    def quick_passes(path, key, *, cipher_check=False):
        if not cipher_check:
            return health.HealthReport(True)
        return health.HealthReport(False, ("HMAC verification failed for page 7",), True)

    monkeypatch.setattr(vault_open, "check_file", quick_passes)
    with pytest.raises(vs.DamagedVaultError) as info:
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE, clock=lambda: NOW)
    info.value.recovery.close()
    monkeypatch.setattr(vault_open, "check_file", real)
    vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE, clock=lambda: NOW).close()


def test_messages_tell_the_problems_apart(closed_vault, memory_keyring):
    paths, _code = closed_vault
    messages = {}
    with pytest.raises(vs.WrongSecretError) as info:
        vault_open.unlock_with_passphrase(paths, "not the passphrase at all")
    messages["wrong"] = str(info.value)
    with pytest.raises(vs.KeyringUnavailableError) as info:
        vault_open.unlock_with_keyring(paths)
    messages["keyring"] = str(info.value)
    opened = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    with pytest.raises(vs.VaultInUseError) as info:
        vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    messages["in use"] = str(info.value)
    with session_of(opened) as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    opened.close()
    with pytest.raises(vs.NewerVersionError) as info:
        vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    messages["newer"] = str(info.value)
    damage(paths.db, "flip-middle")
    with pytest.raises(vs.DamagedVaultError) as info:
        vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    info.value.recovery.close()
    messages["damaged"] = str(info.value)
    assert len(set(messages.values())) == len(messages)
    assert "passphrase" in messages["wrong"]
    assert "keyring" in messages["keyring"] or "remembered" in messages["keyring"]
    assert "already open" in messages["in use"]
    assert "newer version" in messages["newer"]
    assert "damaged" in messages["damaged"]


def test_quick_check_reports_damage_without_raising(closed_vault):
    paths, _code = closed_vault
    _generation, key, _ = vault_open._unwrap(paths, lambda kf: vault_open.unwrap_with_passphrase(kf, PASSPHRASE))
    assert health.check_file(paths.db, key, cipher_check=True).ok
    damage(paths.db, "flip-middle")
    report = health.check_file(paths.db, key)
    assert not report.ok and report.problems
