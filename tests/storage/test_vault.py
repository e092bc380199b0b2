"""The vault: creation, unlocking, encryption at rest and failing closed with the keyring."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime

import keyring
import pytest
from support import PASSPHRASE, BrokenKeyring, LockedKeyring, MemoryKeyring, NoKeyring

from caregiver_app.domain.model import SymptomRating
from caregiver_app.services import journal, people
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.vault import KeyringUnavailableError, RecoveryCodeTypoError, VaultExistsError, WrongSecretError
from caregiver_app.services.vault_open import create_vault, is_remembered, keyring_available, set_remember_on_device, unlock_with_keyring, unlock_with_passphrase, unlock_with_recovery_code
from caregiver_app.storage import migrate
from caregiver_app.storage.backup import make_backup, verify_backup
from caregiver_app.services.vault import data_key_of, engine_of

MARKER = "ZEBRA-CANARY-7731"


def snapshot(folder):
    """Every file under ``folder`` with its bytes."""
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def add_marked_entry(vault):
    sam = people.add_person(vault, "Sam")
    journal.save_entry(
        vault,
        EntryDraft(sam.id, datetime(2026, 11, 2, 9, 30), note=f"{MARKER} slept badly", symptoms=(SymptomRating("Headache", 6),)),
    )
    return sam


def test_marker_is_in_no_file_and_sqlite3_cannot_read(vault_paths):
    created = create_vault(vault_paths, PASSPHRASE)
    add_marked_entry(created.vault)
    make_backup(vault_paths.db, data_key_of(created.vault), vault_paths.backups, "daily")
    # Look at the files while the database is still open (WAL not yet checkpointed) and after.
    files_open = snapshot(vault_paths.folder)
    created.vault.close()
    files_closed = snapshot(vault_paths.folder)
    assert any(name.suffix == ".keys" for name in files_closed)
    assert any(str(name).startswith("backups") for name in files_closed)
    for files in (files_open, files_closed):
        for name, data in files.items():
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert MARKER.encode(encoding) not in data, name
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(vault_paths.db).execute("SELECT * FROM sqlite_master").fetchall()


def test_files_are_private(vault_paths, vault):
    add_marked_entry(vault)
    assert stat.S_IMODE(os.stat(vault_paths.folder).st_mode) == 0o700
    for path in vault_paths.folder.iterdir():
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_reopen_with_passphrase_and_recovery_code(vault_paths):
    created = create_vault(vault_paths, PASSPHRASE)
    sam = add_marked_entry(created.vault)
    created.vault.close()
    again = unlock_with_passphrase(vault_paths, PASSPHRASE)
    assert journal.recent_entries(again, sam.id)[0].note.startswith(MARKER)
    again.close()
    code = created.recovery_code.lower().replace("-", " ")
    by_code = unlock_with_recovery_code(vault_paths, code)
    assert by_code.unlocked_by == "recovery"
    assert journal.count_entries(by_code, sam.id) == 1
    by_code.close()


def test_wrong_secrets_leave_files_untouched(vault_paths):
    created = create_vault(vault_paths, PASSPHRASE)
    add_marked_entry(created.vault)
    code = created.recovery_code
    created.vault.close()
    before = snapshot(vault_paths.folder)
    with pytest.raises(WrongSecretError, match="does not open"):
        unlock_with_passphrase(vault_paths, "not the passphrase at all")
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(RecoveryCodeTypoError):
        unlock_with_recovery_code(vault_paths, typo)
    with pytest.raises(RecoveryCodeTypoError, match="right length"):
        unlock_with_recovery_code(vault_paths, "ABCD")
    assert snapshot(vault_paths.folder) == before


def test_create_refuses_an_existing_vault_and_short_passphrases(vault_paths, vault):
    with pytest.raises(VaultExistsError):
        create_vault(vault_paths, PASSPHRASE)
    with pytest.raises(Exception, match="at least 10"):
        create_vault(type(vault_paths)(vault_paths.folder.parent / "other"), "short")


def test_remembered_vault_opens_from_the_keyring(vault_paths, memory_keyring):
    created = create_vault(vault_paths, PASSPHRASE, remember=True)
    assert created.remembered and is_remembered(vault_paths)
    assert len(memory_keyring.store) == 1
    created.vault.close()
    opened = unlock_with_keyring(vault_paths)
    assert opened.unlocked_by == "keyring"
    set_remember_on_device(opened, False)
    assert memory_keyring.store == {}
    opened.close()
    with pytest.raises(KeyringUnavailableError):
        unlock_with_keyring(vault_paths)


@pytest.mark.parametrize("backend_cls", [NoKeyring, LockedKeyring, BrokenKeyring])
def test_keyring_failures_fail_closed(vault_paths, backend_cls):
    created = create_vault(vault_paths, PASSPHRASE, remember=True)
    add_marked_entry(created.vault)
    created.vault.close()
    before = snapshot(vault_paths.folder)
    keyring.set_keyring(backend_cls())
    with pytest.raises(KeyringUnavailableError) as info:
        unlock_with_keyring(vault_paths)
    assert "\n" not in str(info.value) and str(info.value)
    assert snapshot(vault_paths.folder) == before
    opened = unlock_with_passphrase(vault_paths, PASSPHRASE)
    opened.close()
    assert sorted(before) == sorted(snapshot(vault_paths.folder))


def test_stale_keyring_key_is_refused(vault_paths, memory_keyring):
    created = create_vault(vault_paths, PASSPHRASE, remember=True)
    created.vault.close()
    (account,) = [k for k in memory_keyring.store]
    memory_keyring.store[account] = "00" * 32
    with pytest.raises(KeyringUnavailableError, match="another vault"):
        unlock_with_keyring(vault_paths)


@pytest.mark.parametrize("backend_cls", [NoKeyring, LockedKeyring, BrokenKeyring])
def test_remember_without_a_working_keyring_still_creates_a_passphrase_vault(vault_paths, backend_cls):
    keyring.set_keyring(backend_cls())
    assert keyring_available() is (backend_cls is not NoKeyring)
    created = create_vault(vault_paths, PASSPHRASE, remember=True)
    assert not created.remembered
    assert created.keyring_note and "passphrase" in created.keyring_note
    created.vault.close()
    assert not is_remembered(vault_paths)
    unlock_with_passphrase(vault_paths, PASSPHRASE).close()


def test_keyfile_keeps_previous_generation(vault_paths):
    keyring.set_keyring(MemoryKeyring())
    created = create_vault(vault_paths, PASSPHRASE)
    first = vault_paths.keyfile.read_bytes()
    set_remember_on_device(created.vault, True)
    prev = vault_paths.keyfile.with_name("vault.keys.prev")
    assert prev.read_bytes() == first
    assert vault_paths.keyfile.read_bytes() != first
    created.vault.close()
    # A damaged current key file falls back to the generation before it.
    vault_paths.keyfile.write_bytes(b"{ not json")
    unlock_with_passphrase(vault_paths, PASSPHRASE).close()


def test_schema_matches_models_and_is_at_head(vault):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from caregiver_app.storage.rows.search import include_name  # FTS5 tables are not models
    from caregiver_app.storage.schema import Base

    with engine_of(vault).connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"include_name": include_name}), Base.metadata)
    assert diffs == []
    assert migrate.current_revision(engine_of(vault)) == migrate.head_revision()


def test_database_from_a_newer_app_is_refused_untouched(vault_paths):
    created = create_vault(vault_paths, PASSPHRASE)
    add_marked_entry(created.vault)
    with engine_of(created.vault).begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    created.vault.close()
    before = snapshot(vault_paths.folder)
    with pytest.raises(Exception, match="newer version"):
        unlock_with_passphrase(vault_paths, PASSPHRASE)
    assert not vault_paths.backups.exists()
    assert snapshot(vault_paths.folder).keys() == before.keys()


NEXT_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "0099_test_extra"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("person", sa.Column("pronouns", sa.String(40), nullable=True))


def downgrade():
    op.drop_column("person", "pronouns")
"""


def test_pending_migration_runs_after_a_verified_backup(vault_paths, tmp_path, monkeypatch):
    import shutil

    created = create_vault(vault_paths, PASSPHRASE)
    add_marked_entry(created.vault)
    created.vault.close()
    # A copy of the app's migrations plus one newer revision, as the next app version would ship.
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_path(), scripts)
    head = migrate.head_revision()
    (scripts / "versions" / "0099_test_extra.py").write_text(NEXT_REVISION.replace("{head}", head))
    real_config = migrate._config

    def config():
        cfg = real_config()
        cfg.set_main_option("script_location", str(scripts))
        return cfg

    monkeypatch.setattr(migrate, "_config", config)
    # ... and lists it among the revisions it knows (installation.MIGRATION_FILES)
    monkeypatch.setattr(migrate, "REVISIONS", (*migrate.REVISIONS, "0099_test_extra"))
    monkeypatch.setattr(migrate, "HEAD", "0099_test_extra")
    opened = unlock_with_passphrase(vault_paths, PASSPHRASE)
    try:
        assert migrate.current_revision(engine_of(opened)) == "0099_test_extra"
        (backup,) = list(vault_paths.backups.glob("vault-*-pre-migration.db"))
        counts = verify_backup(backup, data_key_of(opened))
        assert counts["journal_entry"] == 1 and counts["alembic_version"] == 1
        with engine_of(opened).connect() as conn:
            assert conn.exec_driver_sql("SELECT pronouns FROM person").fetchall() == [(None,)]
    finally:
        opened.close()


def test_backup_is_encrypted_and_verified(vault_paths, vault):
    add_marked_entry(vault)
    info = make_backup(vault_paths.db, data_key_of(vault), vault_paths.backups, "daily")
    assert info.row_counts["journal_entry"] == 1
    assert verify_backup(info.path, data_key_of(vault), info.row_counts) == info.row_counts
    assert MARKER.encode() not in info.path.read_bytes()
    with pytest.raises(Exception):
        verify_backup(info.path, bytes(32))


def test_lost_key_file_is_never_mistaken_for_no_vault(vault_paths):
    created = create_vault(vault_paths, PASSPHRASE)
    add_marked_entry(created.vault)
    created.vault.close()
    vault_paths.keyfile.unlink()
    vault_paths.keyfile.with_name("vault.keys.prev").unlink()
    before = snapshot(vault_paths.folder)
    with pytest.raises(Exception, match="key file .vault.keys. is missing"):
        unlock_with_passphrase(vault_paths, PASSPHRASE)
    with pytest.raises(Exception, match="key file .vault.keys. is missing"):
        create_vault(vault_paths, "a brand new passphrase")
    assert snapshot(vault_paths.folder) == before  # nothing renamed, nothing new made


def test_setup_interrupted_after_the_key_file_finishes_at_the_next_open(vault_paths):
    created = create_vault(vault_paths, PASSPHRASE)
    add_marked_entry(created.vault)
    created.vault.close()
    # As if the app stopped between writing the key file and naming the new database.
    vault_paths.db.rename(vault_paths.db.with_name("vault.db.new"))
    opened = unlock_with_passphrase(vault_paths, PASSPHRASE)
    try:
        assert vault_paths.db.exists() and not vault_paths.db.with_name("vault.db.new").exists()
        assert journal.count_entries(opened, people.list_people(opened)[0].id) == 1
    finally:
        opened.close()


def test_setup_interrupted_before_the_key_file_starts_cleanly_again(vault_paths):
    vault_paths.folder.mkdir(parents=True)
    vault_paths.db.with_name("vault.db.new").write_bytes(b"half-made database")
    created = create_vault(vault_paths, PASSPHRASE)
    created.vault.close()
    assert not vault_paths.db.with_name("vault.db.new").exists()
    unlock_with_passphrase(vault_paths, PASSPHRASE).close()


def test_a_vault_handle_keeps_its_key_key_file_and_sessions_to_the_services(vault):
    """The GUI holds a :class:`Vault`; nothing public on it is the data key, the key file, the
    engine or a session (services reach them through ``session_of`` and friends)."""
    from sqlalchemy import Engine, text
    from sqlalchemy.orm import Session, sessionmaker

    from caregiver_app.security.keyfile import KeyFile
    from caregiver_app.services.vault import keyfile_of, session_of

    public = {name for name in dir(vault) if not name.startswith("_")}
    assert not public & {"engine", "session", "data_key", "keyfile", "key", "replace_engine", "replace_key"}
    secret_kinds = (bytes, bytearray, KeyFile, Engine, Session, sessionmaker)
    for name in public:
        assert not isinstance(getattr(vault, name), secret_kinds), name
    # ... while the services still reach them
    assert isinstance(keyfile_of(vault), KeyFile) and len(data_key_of(vault)) == 32
    with session_of(vault) as s:
        assert s.execute(text("SELECT 1")).scalar() == 1
    assert isinstance(engine_of(vault), Engine)
