"""The data folder as the command line sees it: whether there is a vault to open in it (the
folder out of reach, no vault set up, its key file lost: each refused before any passphrase is
asked, with the vault exit code) and the time zone its settings name for the times commands tell.
"""

from __future__ import annotations

from .i18n import N_, _

FOLDER_NOT_THERE_INIT = N_("To start a new, empty journal there instead, run 'caregiver-app init'.")


def refuse_folder_not_there(paths) -> None:
    """Raise :class:`CliError` (the vault exit code) naming the folder when the data folder is not
    there (a drive or network folder not connected, a mistyped name), cannot be opened (another
    account's) or is a file: nothing is read from it as if it were empty, and nothing is made there (only
    'init' makes a new journal)."""
    from . import cli as _cli
    from .services import vault as vs

    reason = vs.out_of_reach(paths)
    if reason is not None:
        words, can_start_new = reason
        raise _cli.CliError(f"{words} {_(FOLDER_NOT_THERE_INIT)}" if can_start_new else words, _cli.EXIT_VAULT)


def require_vault(paths) -> None:
    """Raise :class:`CliError` (the vault exit code) before any passphrase is asked when there is
    no vault to open: none set up in the folder (saying so, and, when the folder itself is not
    there, that a drive or network folder may not be connected), or its key file gone (told at
    once: no passphrase or recovery code can help, and no key derivation runs)."""
    from . import cli as _cli
    from .services import vault as vs

    refuse_folder_not_there(paths)
    if not vs.vault_exists(paths):
        raise _cli.CliError(_("No vault is set up in {folder} yet. Run 'caregiver-app init' first.").format(
            folder=paths.folder.absolute()), _cli.EXIT_VAULT)
    lost = vs.keys_lost(paths)
    if lost:
        raise _cli.CliError(lost, _cli.EXIT_VAULT)


def local_instant(instant, zone_name: str):
    """The UTC ``instant`` in the zone ``zone_name`` (the data folder's setting, see
    :func:`settings_zone_name`), or in the computer's when that is "" or unknown here."""
    from .domain import timeutil

    tz = timeutil.zone_or(zone_name, None)
    return timeutil.utc_to_local(instant, tz) if tz is not None else instant.astimezone()


def settings_zone_name(paths) -> str:
    """The data folder's time zone setting ("": the computer's): lists of imports and backups
    tell times in it, as the window does."""
    from .services.vault import VaultPaths
    from .settings import load_for_folder

    return load_for_folder(paths.folder, VaultPaths.default().folder)[0].time_zone
