"""When the vault's file turns out damaged at unlock: find the newest good backup, say its date and
what it holds, and — only if the user chooses it; "Not now" is the default — move the damaged file
aside (never deleted) and put the backup in its place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...i18n import N_, _
from ...services.vault import DamagedVaultError, MissingJournalError, Vault
from ..context import AppContext
from ..common.errors import show_error
from ..common.page import confirm
from ..common.trust_widgets import people_lines, tell, when_text

TITLE = N_("Your vault needs repair")
NO_BACKUP = N_(
    "There is no backup to put back yet. The damaged file stays where it is, unchanged: please keep "
    "it. If you have a vault file saved for another computer, you can set up the vault from it."
)

MISSING_NO_BACKUP = N_(
    "There is no backup to put back yet. If you have a vault file saved for another computer, you can "
    "set up the vault from it."
)

RECOVERED_NO_BACKUP = N_("There is no backup to put back yet, so your vault opens with what was recovered.")


def offer_repair(parent: QWidget, context: AppContext, exc: DamagedVaultError,
                 on_opened: Callable[[Vault], None], on_declined: Callable[[], None] | None = None) -> None:
    """Look for the newest good backup in the background and offer it (see the module notes)."""
    recovery = exc.recovery
    message = str(exc)

    def declined() -> None:
        if exc.recovered:  # what could be read is in place: open it as it is
            context.ops.background(parent, recovery.open_as_is, on_done=on_opened, on_error=failed_open,
                                   label=_("Opening what was recovered…"))
            return
        recovery.close()
        if on_declined is not None:
            on_declined()

    def failed_open(error: BaseException) -> None:
        recovery.close()
        if on_declined is not None:
            on_declined()
        show_error(parent, error, _(TITLE))

    def failed(error: BaseException) -> None:
        declined()
        show_error(parent, error, _(TITLE))

    def found(summary) -> None:
        if summary is None:
            none = RECOVERED_NO_BACKUP if exc.recovered else (
                MISSING_NO_BACKUP if isinstance(exc, MissingJournalError) else NO_BACKUP)  # no damaged file to keep
            tell(parent, _(TITLE), f"{message}\n\n{_(none)}", warning=True)
            declined()
            return
        when = when_text(summary.made_at, context.zone_name)
        details = (
            _("It holds:\n{people}\n\n"
              "Restoring moves the damaged file into the “damaged” folder beside the vault (it is not "
            "deleted) and puts this backup in its place. Anything saved after the backup was made is "
              "not in it.").format(people=people_lines(summary.people))
        )
        keep = _("Keep what was recovered") if exc.recovered else _("Not now")
        if not confirm(parent, message + "\n\n" + _("Your newest good backup is from {when}.").format(when=when), yes=_("Restore this backup"),
                       no=keep, destructive=True, details=details, title=_(TITLE)):
            declined()
            return
        context.ops.background(parent, lambda: recovery.restore(summary.path), on_done=on_opened, on_error=failed,
                               label=_("Putting your backup in place…"))

    context.ops.background(parent, recovery.newest_good_backup, on_done=found, on_error=failed,
                           label=_("Looking for your newest good backup…"))
