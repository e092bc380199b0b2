"""Bring the database schema up to date with Alembic, after a verified backup copy."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from .errors import NewerSchemaError


def _config() -> Config:
    cfg = Config()
    location = resources.files("caregiver_app.storage") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def is_known_revision(revision: str | None) -> bool:
    """True when this version of the app knows ``revision`` (None, an empty schema, counts as
    known): a database at an unknown revision comes from a newer app."""
    if revision is None:
        return True
    script = ScriptDirectory.from_config(_config())
    return revision in {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, or None for a database with no schema yet."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, before_upgrade: Callable[[], None] | None = None) -> bool:
    """Apply every pending migration in one transaction. Returns True when anything ran.

    ``before_upgrade`` runs first when an existing schema is about to change (the caller makes its
    verified backup there; if it raises, nothing is changed). Raises :class:`NewerSchemaError` when
    the database comes from a newer app version.
    """
    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return False
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise NewerSchemaError(
                "This vault was saved by a newer version of Caregiver Companion. Please update the app to open it."
            )
        if before_upgrade is not None:
            before_upgrade()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


def migrations_path() -> Path:
    """Folder of the migration scripts (package data)."""
    return Path(str(resources.files("caregiver_app.storage") / "migrations"))
