"""The migration chain: one head, every revision upgrades and downgrades cleanly."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from caregiver_app.storage import migrate
from caregiver_app.services.vault import engine_of


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
