"""Is this installation complete? The one check for the files the app ships besides its code.

The database migrations (``caregiver_app/storage/migrations``, including their ``.py`` files),
the report fonts (``caregiver_app/reports/fonts``) and the warning-sign pages
(``caregiver_app/content/warning_signs``) are package data: a packaging mistake or a
half-finished copy can leave them out while the code still starts. Without migrations a new vault
would be created empty and the next start would call it damaged; without fonts no visit summary
could print; without the pages the warning signs and their crisis help are gone. So every command,
the window and :func:`caregiver_app.services.vault_open.create_vault` ask :func:`require_complete`
first, and an incomplete installation is refused in plain words before anything is written.

The folders are found with :mod:`importlib.resources`, the same way the migration runner, the
font loader and the page loader find them, so the check sees exactly what those will see (source
checkout, wheel or frozen bundle alike).
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from .domain.errors import CaregiverError

MIGRATIONS = ("caregiver_app.storage", "migrations")
"""Package and folder of the Alembic scripts."""
FONTS = ("caregiver_app.reports", "fonts")
"""Package and folder of the report fonts."""
PAGES = ("caregiver_app.content", "warning_signs")
"""Package and folder of the warning-sign pages (they carry the crisis help)."""
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
MIGRATION_FILES = (
    "0001_journal.py",
    "0002_journal_complete.py",
    "0003_warning_signs.py",
    "0004_support_network.py",
    "0005_search_drafts.py",
    "0006_imported_mood_label.py",
    "0007_summary_second_edition.py",
    "0008_everyday.py",
    "0009_family_sync.py",
)
"""Every revision script this version ships (a test keeps the list equal to the folder). With one
missing, a new vault could not be set up and an existing one would look newer than the app."""

INCOMPLETE = "This installation is incomplete: reinstall Caregiver Companion to fix it"
"""The start of the message every surface shows (nothing about the vault: it was not touched)."""


class IncompleteInstallError(CaregiverError):
    """Files the app ships with are missing; the message names them. Nothing was written."""


def _folder(package: str, name: str) -> Traversable | None:
    try:
        folder = resources.files(package) / name
    except (ModuleNotFoundError, TypeError):
        return None
    return folder if folder.is_dir() else None


def _names(folder: Traversable | None) -> set[str]:
    return {item.name for item in folder.iterdir()} if folder is not None else set()


def migrations_complete() -> bool:
    """True when the migration environment and every revision script this version ships are present."""
    folder = _folder(*MIGRATIONS)
    if not {"env.py", "script.py.mako", "versions"} <= _names(folder):
        return False
    return set(MIGRATION_FILES) <= _names(folder / "versions")


def fonts_complete() -> bool:
    """True when both report font files are present and not empty."""
    folder = _folder(*FONTS)
    if folder is None:
        return False
    for name in FONT_FILES:
        item = folder / name
        if not item.is_file():
            return False
        with item.open("rb") as handle:
            if not handle.read(4):
                return False
    return True


def pages_complete() -> bool:
    """True when the warning-sign pages are there (at least one ``.md`` page)."""
    return any(name.endswith(".md") for name in _names(_folder(*PAGES)))


def missing_pieces() -> list[str]:
    """Plain names of what is missing (empty when the installation is complete)."""
    missing = []
    if not migrations_complete():
        missing.append("the files that set up the vault's database")
    if not fonts_complete():
        missing.append("the fonts for printed summaries")
    if not pages_complete():
        missing.append("the warning-sign pages")
    return missing


def incomplete_message(missing: list[str]) -> str:
    """The one sentence for an incomplete installation, naming what is missing."""
    return f"{INCOMPLETE} (missing: {' and '.join(missing)}). Your vault was not touched."


def require_complete() -> None:
    """Raise :class:`IncompleteInstallError` when :func:`missing_pieces` finds anything."""
    missing = missing_pieces()
    if missing:
        raise IncompleteInstallError(incomplete_message(missing))
