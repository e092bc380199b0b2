"""Bring the database schema up to date with Alembic, after a verified backup copy.

Every unlock asks whether the schema is current. That question is answered with one plain
``SELECT`` against the revision list this version ships (:data:`REVISIONS`, from
:data:`caregiver_app.installation.MIGRATION_FILES`; a test keeps it equal to Alembic's own chain),
so Alembic and Mako are imported only when an upgrade is really due (issue 16: they were a third
of the time from passphrase to journal).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from ..i18n import _
from ..installation import MIGRATION_FILES
from .errors import NewerSchemaError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

REVISIONS: tuple[str, ...] = tuple(name.removesuffix(".py") for name in MIGRATION_FILES)
"""Every schema revision this version knows, oldest first. Each script's revision id is its file
name without ``.py``; the newest is the head."""
HEAD = REVISIONS[-1]


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    location = resources.files("caregiver_app.storage") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    return HEAD


def is_known_revision(revision: str | None) -> bool:
    """True when this version of the app knows ``revision`` (None, an empty schema, counts as
    known): a database at an unknown revision comes from a newer app."""
    return revision is None or revision in REVISIONS


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, or None for a database with no schema yet."""
    with engine.connect() as conn:
        if conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
                             )).first() is None:
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:  # our chain is linear: two heads would be a database no version of ours wrote
        raise NewerSchemaError(
            _("This vault was saved by a newer version of Caregiver Companion. Please update the app to open it.")
        )
    return rows[0] if rows else None


def upgrade(engine: Engine, before_upgrade: Callable[[], None] | None = None) -> bool:
    """Apply every pending migration in one transaction. Returns True when anything ran.

    ``before_upgrade`` runs first when an existing schema is about to change (the caller makes its
    verified backup there; if it raises, nothing is changed). Raises :class:`NewerSchemaError` when
    the database comes from a newer app version.
    """
    current = current_revision(engine)
    if current == HEAD:
        return False
    if current is not None:
        if not is_known_revision(current):
            raise NewerSchemaError(
                _("This vault was saved by a newer version of Caregiver Companion. Please update the app to open it.")
            )
        if before_upgrade is not None:
            before_upgrade()
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


def migrations_path() -> Path:
    """Folder of the migration scripts (package data)."""
    return Path(str(resources.files("caregiver_app.storage") / "migrations"))
