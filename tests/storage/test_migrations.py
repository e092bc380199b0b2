"""The migration chain: one head, every revision upgrades and downgrades cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from alembic.script import ScriptDirectory

from caregiver_app.storage import migrate
from caregiver_app.services.vault import engine_of
from support import PASSPHRASE


def test_single_linear_chain():
    script = ScriptDirectory.from_config(migrate._config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for rev in revisions:
        assert rev.module.__doc__, f"{rev.revision} needs a docstring saying what it changes"


def test_downgrade_to_base_and_up_again(vault):
    from alembic import command

    cfg = migrate._config()
    with engine_of(vault).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert migrate.current_revision(engine_of(vault)) is None
    assert migrate.upgrade(engine_of(vault)) is True
    assert migrate.current_revision(engine_of(vault)) == migrate.head_revision()


def test_the_revisions_known_without_alembic_are_alembics_chain_in_order():
    # Unlock compares the database with migrate.REVISIONS (from installation.MIGRATION_FILES), not
    # with Alembic: a new script must be added there, named by its revision id, as the newest.
    script = ScriptDirectory.from_config(migrate._config())
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert list(migrate.REVISIONS) == chain
    assert migrate.head_revision() == script.get_current_head() == chain[-1]
    assert all(migrate.is_known_revision(revision) for revision in chain)
    assert not migrate.is_known_revision("0099_from_a_newer_app")


def test_a_database_at_an_unknown_revision_is_refused_before_anything_runs(vault):
    from sqlalchemy import text

    from caregiver_app.storage.errors import NewerSchemaError

    with engine_of(vault).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_a_newer_app'"))
    backups: list[str] = []
    try:
        migrate.upgrade(engine_of(vault), before_upgrade=lambda: backups.append("made"))
    except NewerSchemaError as exc:
        assert "newer version" in str(exc)
    else:
        raise AssertionError("a newer schema was not refused")
    assert backups == []
    assert migrate.current_revision(engine_of(vault)) == "0099_from_a_newer_app"


def test_opening_an_up_to_date_vault_does_not_load_alembic(data_dir):
    # In a fresh process: this one has loaded Alembic for the tests above. The key file holds the
    # cheap test parameters, so the child derives the key quickly too.
    script = textwrap.dedent("""
        import json, sys
        from pathlib import Path
        from caregiver_app.services.vault import VaultPaths
        from caregiver_app.services.vault_open import unlock_with_passphrase
        vault = unlock_with_passphrase(VaultPaths(Path(sys.argv[1])), sys.argv[2])
        loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("alembic", "mako"))
        vault.close()
        print(json.dumps(loaded))
    """)
    done = subprocess.run([sys.executable, "-c", script, str(data_dir), PASSPHRASE], capture_output=True,
                          text=True, timeout=60, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
