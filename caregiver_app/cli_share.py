"""Command-line commands of family sync (issue 20), registered by :mod:`caregiver_app.cli`:

* ``caregiver-app share create FOLDER`` starts a family in FOLDER and prints an invitation;
* ``caregiver-app share join FOLDER --invitation-stdin`` joins one (when the passphrase also
  comes from standard input, it is the first line and the invitation the second);
* ``caregiver-app share invite`` prints an invitation for one more computer;
* ``caregiver-app share status`` lists the computers and when each last synced;
* ``caregiver-app share remove DEVICE`` removes a computer (a new family key for what follows);
* ``caregiver-app sync`` exchanges changes now and prints "sent N, received M changes".

Exit codes as the other commands: 0 done, 2 bad input (a mistyped invitation, a missing folder,
not shared yet), 4 cannot unlock, 5 vault, 6 disk full.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .cli import EXIT_BAD_INPUT, EXIT_CODES_HELP, EXIT_OK, CliError, _number, _read_stdin_line, ask_secret, \
    shown, unlock_options, with_vault
from .i18n import _, ngettext


def add_parsers(sub) -> None:
    """Add ``share`` and ``sync`` to the ``caregiver-app`` sub-command parser ``sub``."""
    epilog = {"epilog": _(EXIT_CODES_HELP), "formatter_class": argparse.RawDescriptionHelpFormatter}
    share = sub.add_parser("share", help=_("share the journal with the family through a folder you already sync"),
                           **epilog)
    actions = share.add_subparsers(dest="share_command", metavar="ACTION", required=True,
                                   parser_class=sub._parser_class)
    p = actions.add_parser("create", help=_("start sharing in FOLDER and print an invitation for the next computer"),
                           **epilog)
    p.add_argument("folder", type=Path, metavar="FOLDER", help=_("a folder the family's computers already sync"))
    p.add_argument("--name", default="", metavar="NAME", help=_("this computer's name, as the others will see it"))
    unlock_options(p)
    p = actions.add_parser("join", help=_("join the family sharing FOLDER with an invitation"), **epilog)
    p.add_argument("folder", type=Path, metavar="FOLDER", help=_("the shared folder, as synced to this computer"))
    p.add_argument("--invitation-stdin", action="store_true",
                   help=_("read the invitation as one line from standard input (after the passphrase line)"))
    p.add_argument("--name", default="", metavar="NAME", help=_("this computer's name, as the others will see it"))
    unlock_options(p)
    p = actions.add_parser("invite", help=_("print an invitation for one more computer"), **epilog)
    unlock_options(p)
    p = actions.add_parser("status", help=_("list the family's computers and when each last synced"), **epilog)
    unlock_options(p)
    p = actions.add_parser("remove", help=_("remove a computer from the family (it cannot read what follows)"),
                           **epilog)
    p.add_argument("device", metavar="COMPUTER", help=_("the computer's number from 'caregiver-app share status'"))
    unlock_options(p)
    p = sub.add_parser("sync", help=_("exchange changes with the family now"), **epilog)
    unlock_options(p)


def _bad_input(work):
    """Run ``work``; a mistyped or unknown invitation is bad input (exit 2), not a vault problem."""
    from .security.family_keys import InvitationError

    try:
        return work()
    except InvitationError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None


def cmd_share(paths, args, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from .services import family_sync
    from .services.family_folder import check_folder

    if args.share_command in ("create", "join"):
        check_folder(args.folder)  # a missing folder fails before the passphrase is asked for
    if args.share_command == "join" and not args.invitation_stdin and not stdin.isatty():
        raise CliError(_("Use --invitation-stdin to give the invitation when not at a terminal."), EXIT_BAD_INPUT)

    def run(vault):
        if args.share_command == "create":
            return family_sync.create_family(vault, args.folder, name=args.name)
        if args.share_command == "invite":
            return family_sync.new_invitation(vault)
        if args.share_command == "join":
            code = _read_stdin_line(stdin, "invitation") if args.invitation_stdin else ask_secret(_("Invitation: "))
            return _bad_input(lambda: family_sync.join_family(vault, args.folder, code, name=args.name))
        if args.share_command == "remove":
            return _remove(vault, args.device)
        return family_sync.family_status(vault)

    result = with_vault(paths, args, stdin, err, run)
    if args.share_command in ("create", "invite"):
        print(_("Type this invitation on the computer that joins (it works once):"), file=out)
        print(result, file=out)
    elif args.share_command == "join":
        print(_("This computer joined the family. Run 'caregiver-app sync' to bring in the journal."), file=out)
    elif args.share_command == "remove":
        print(_("{name} was removed from the family. It keeps what it could already read (every change up to its "
                "batch {number}); it cannot read anything shared from now on.").format(
                    name=shown(result.name), number=result.last_number), file=out)
    else:
        _print_status(result, out, paths)
    return EXIT_OK


def _remove(vault, number: str):
    from .services import family_sync

    status = family_sync.family_status(vault)
    if status is None:
        raise family_sync.NotSharedError(_("This journal is not shared with a family yet."))
    members = list(status.members)
    if number.isdigit() and 0 < int(number) <= len(members):
        match = [members[int(number) - 1]]
    else:  # or the start of the computer's id
        match = [m for m in members if m.device_id.startswith(number.lower())]
    if len(match) != 1 or match[0].this_computer or match[0].removed:
        raise CliError(_("No other computer in the family has the number {number}. To see the numbers, run: "
                         "caregiver-app share status").format(number=number), EXIT_BAD_INPUT)
    return family_sync.remove_computer(vault, match[0].device_id)


def _print_status(status, out: TextIO, paths) -> None:
    from .cli_vault import _when  # dates and times as the other commands write them (the locale's way)

    if status is None:
        print(_("This journal is not shared with a family. To start: caregiver-app share create FOLDER"), file=out)
        return
    print(_("Shared through {folder}").format(folder=status.folder), file=out)
    for number, member in enumerate(status.members, start=1):
        when = _when(member.last_synced_at, paths) if member.last_synced_at else _("never")
        if member.this_computer and member.removed:
            line = _("{number}. {name} (this computer) was removed from the family: what it sends is no longer "
                     "used")
        elif member.this_computer:
            line = _("{number}. {name} (this computer), last synced {when}")
        elif member.removed:
            line = _("{number}. {name} (removed)")
        else:
            line = _("{number}. {name}, last change merged here {when}")
        print(line.format(number=number, name=shown(member.name), when=when), file=out)
    print(ngettext("{count} change waits to be sent.", "{count} changes wait to be sent.",
                   status.waiting_to_send).format(count=status.waiting_to_send), file=out)
    if status.conflicts:
        print(ngettext("{count} note was edited on two computers at once: choose which to keep in the app.",
                       "{count} notes were edited on two computers at once: choose which to keep in the app.",
                       status.conflicts).format(count=status.conflicts), file=out)


def cmd_sync(paths, args, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from .services import family_sync

    result = with_vault(paths, args, stdin, err, family_sync.sync_now)
    print(ngettext("Sent {sent}, received {received} change.", "Sent {sent}, received {received} changes.",
                   result.received).format(sent=_number(result.sent), received=_number(result.received)), file=out)
    for refusal in result.refused:
        where = refusal.device_id[:8]
        if refusal.number is None:
            print(_("A file from computer {device} was not used: {reason}.").format(
                device=where, reason=refusal.label), file=err)
        else:
            print(_("Change file {number} from computer {device} was not used: {reason}.").format(
                number=refusal.number, device=where, reason=refusal.label), file=err)
    if result.conflicts:
        print(ngettext("{count} note was edited on two computers at once: both versions are kept.",
                       "{count} notes were edited on two computers at once: both versions are kept.",
                       result.conflicts).format(count=result.conflicts), file=err)
    return EXIT_OK


COMMANDS = {"share": cmd_share, "sync": cmd_sync}
