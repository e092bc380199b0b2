"""Command-line commands for the vault's safety: ``backup``, ``restore``, ``export-vault``,
``import-vault`` and ``change-passphrase`` (registered by :mod:`caregiver_app.cli`).

Secrets are never arguments: ``--passphrase-stdin`` or ``--recovery-code-stdin`` read one line
from standard input; otherwise the keyring (when the vault is remembered) or a hidden prompt at a
terminal. ``restore`` and ``import-vault`` show a preview first and change nothing without a
"yes" typed at the terminal or ``--yes``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .i18n import _, ngettext
from .cli import (
    EXIT_BAD_INPUT,
    EXIT_CANNOT_UNLOCK,
    EXIT_CODES_HELP,
    EXIT_NEEDS_DECISION,
    EXIT_OK,
    EXIT_VAULT,
    DAMAGED_HINT,
    CliError,
    _new_passphrase,
    _number,
    _read_stdin_line,
    read_bounded_line,
    _secret,
    ask_secret,
    open_vault,
    refuse_weak_passphrase,
    report_format,
    unlock_either,
    unlock_options,
    shown,
    with_vault,
)
from .cli_folder import local_instant, require_vault, settings_zone_name
from .services.vault import data_key_of


def add_parsers(sub) -> None:
    """Add the vault-safety commands to the ``caregiver-app`` sub-command parser ``sub``."""

    def parser(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
                              epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter)

    p = parser("backup", "make an encrypted backup of the vault now")
    unlock_options(p)

    p = parser("restore", "list the backups, or put one back (the vault as it is now is backed up first)")
    p.add_argument("backup", nargs="?", metavar="BACKUP",
                   help=_("the number shown in the list (1 is the newest) or a backup file"))
    p.add_argument("--yes", action="store_true", help=_("restore without asking (after the preview)"))
    unlock_options(p)

    p = parser("export-vault", "save the whole vault as one encrypted file to move to another computer")
    p.add_argument("file", type=Path, metavar="FILE", help=_("where to save it (.ccvault is added)"))
    unlock_options(p)

    p = parser("import-vault", "set up the vault from a vault file saved on another computer")
    p.add_argument("file", type=Path, metavar="FILE", help=_("the .ccvault file"))
    p.add_argument("--replace", action="store_true",
                   help=_("set an existing vault in the folder aside (kept in 'replaced', never deleted)"))
    p.add_argument("--yes", action="store_true", help=_("go ahead without asking (after the preview)"))
    unlock_options(p, _("the vault in the file"))

    p = parser("rotate-key", "if someone may know your passphrase or saw your recovery code: re-encrypt the "
               "vault and its backups under a new key, with a new recovery code")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--passphrase-stdin", action="store_true",
                       help=_("read the current passphrase, then the new one (an empty line keeps the current one), "
                            "as two lines from standard input"))
    group.add_argument("--recovery-code-stdin", action="store_true",
                       help=_("read the recovery code, then the new passphrase, as two lines from standard input"))

    p = parser("change-passphrase", "choose a new passphrase (the journal is not re-encrypted)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--passphrase-stdin", action="store_true",
                       help=_("read the current passphrase, then the new one, as two lines from standard input"))
    group.add_argument("--recovery-code-stdin", action="store_true",
                       help=_("read the recovery code, then the new passphrase, as two lines from standard input"))


# --- secrets and unlocking --------------------------------------------------------------------


def _ask_yes(args, stdin: TextIO, out: TextIO, question: str) -> bool:
    if args.yes:
        return True
    if stdin.isatty() and not (args.passphrase_stdin or args.recovery_code_stdin):
        print(_("{question} Type yes to go ahead: ").format(question=question), end="", file=out, flush=True)
        return stdin.readline().strip().casefold() in _yes_words()
    raise CliError(_("Nothing was changed. {question} Add --yes to go ahead.").format(question=question),
                   EXIT_NEEDS_DECISION)


def _yes_words() -> set[str]:
    """"yes" as typed in English or in the language in force (with or without its accents)."""
    import unicodedata

    word = _("yes").casefold()
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return {"y", "yes", word, plain, word[:1], plain[:1]}


def _when(instant, paths) -> str:
    local = local_instant(instant, settings_zone_name(paths))  # the settings' zone, as the window
    fmt = report_format(paths)
    return f"{fmt.date(local.date(), weekday=True)}, {fmt.time(local)} ({local:%Z})"


def _people(people, out: TextIO, indent: str = "    ") -> None:
    if not people:
        print(indent + _("(no one yet)"), file=out)
    for p in people:
        print(indent + ngettext("{name}: {count} entry", "{name}: {count} entries", p.entries).format(
            name=shown(p.name), count=_number(p.entries)), file=out)


# --- commands ---------------------------------------------------------------------------------


def cmd_init(paths, args, stdin, out, err) -> int:
    from .services import vault as vs
    from .services import vault_open

    if vs.vault_exists(paths):
        raise CliError(_("A vault is already set up in {folder}.").format(folder=paths.folder), EXIT_VAULT)
    phrase = _new_passphrase(args, stdin)
    remember = not args.no_keyring and vault_open.keyring_available()
    created = vault_open.create_vault(paths, phrase, remember=remember)
    created.vault.close()
    print(_("Your vault is ready in {folder}.").format(folder=paths.folder), file=out)
    print("", file=out)
    print(_("Recovery code (write it down and keep it somewhere safe; it is shown only once):"), file=out)
    print(f"    {created.recovery_code}", file=out)
    print("", file=out)
    if created.remembered:
        print(_("This computer's keyring remembers the vault, so it opens without the passphrase here."), file=out)
    elif created.keyring_note:
        print(created.keyring_note, file=out)
    elif not args.no_keyring:  # asked to remember, but nothing here can
        print(_("This computer has no keyring the app can use, so the passphrase is always needed."), file=out)
    return EXIT_OK


def cmd_backup(paths, args, stdin, out, err) -> int:
    from .services import backups

    made = with_vault(paths, args, stdin, err, backups.back_up_now)
    print(_("Made a backup: {path}").format(path=made.path), file=out)
    print(_("Made on {when}; it holds:").format(when=_when(made.made_at, paths)), file=out)
    _people(made.people, out)
    return EXIT_OK


def cmd_restore(paths, args, stdin, out, err) -> int:
    from .services import backups
    from .services.vault_repair import DamageRecovery

    opened = open_vault(paths, args, stdin, err, allow_damaged=True)
    damaged = isinstance(opened, DamageRecovery)
    try:
        if damaged:
            print(_("The vault's file is damaged. Only backups that pass their check are listed."), file=err)
            choices = opened.good_backups()
            now = None
        else:
            key = data_key_of(opened)
            choices = []
            for found in backups.list_backups(opened):
                try:
                    choices.append(backups.summarize(found, key))
                except backups.BackupError:
                    continue
            now = backups.current_people(opened)
        if not args.backup:
            if not choices:
                print(_("There are no backups yet."), file=out)
                return EXIT_OK
            for i, b in enumerate(choices, 1):
                total = b.entries
                entries = ngettext("{count} entry", "{count} entries", total).format(count=_number(total))
                print(f"{i:>3}  {_when(b.made_at, paths)}  {backups.kind_words(b.reason)}, {entries}", file=out)
            print(_("To put one back: caregiver-app restore NUMBER"), file=out)
            return EXIT_OK
        chosen = _choose(args.backup, choices, opened, damaged)
        print(_("Backup from {when} ({kind}) holds:").format(when=_when(chosen.made_at, paths),
                                                              kind=backups.kind_words(chosen.reason)), file=out)
        _people(chosen.people, out)
        if now is not None:
            print(_("Your vault now holds:"), file=out)
            _people(now, out)
            print(_("Anything saved after the backup will no longer show. Your vault as it is now is backed up "
                    "first, so you can come back to it."), file=out)
        else:
            print(_("The damaged file will be moved into the 'damaged' folder (not deleted) and this backup "
                    "put in its place."), file=out)
        if not _ask_yes(args, stdin, out, _("Restore this backup?")):
            print(_("Nothing was changed."), file=out)
            return EXIT_OK
        if damaged:
            vault = opened.restore(chosen.path)
            opened = vault
        else:
            result = backups.restore_backup(opened, chosen.path)
            print(_("Your vault as it was a moment ago is kept as {name}.").format(name=result.before.path.name),
                  file=out)
        print(_("Restored the backup from {when}.").format(when=_when(chosen.made_at, paths)), file=out)
        return EXIT_OK
    finally:
        opened.close()


def _choose(text: str, choices, opened, damaged: bool):
    from .services import backups

    if text.isdigit():
        n = int(text)
        if not 1 <= n <= len(choices):
            raise CliError(_("There is no backup number {number}. Run 'caregiver-app restore' to see the list.")
                           .format(number=n), EXIT_BAD_INPUT)
        return choices[n - 1]
    path = Path(text).expanduser()
    for b in choices:
        if b.path.name == path.name or b.path == path:
            return b
    if damaged or not path.is_file():
        raise CliError(_("There is no backup called {name}. Run 'caregiver-app restore' to see the list.")
                       .format(name=text), EXIT_BAD_INPUT)
    try:
        return backups.backup_summary(opened, path)
    except backups.BackupError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None


def cmd_export_vault(paths, args, stdin, out, err) -> int:
    from .services import transfer

    target: Path = args.file.expanduser()
    if target.parent and not target.parent.exists():
        raise CliError(_("The folder {folder} does not exist.").format(folder=target.parent), EXIT_BAD_INPUT)
    result = with_vault(paths, args, stdin, err, lambda vault: transfer.export_vault(vault, target))
    print(_("Saved the vault file {path}. It holds:").format(path=result.path), file=out)
    _people(result.people, out)
    print(_("On the new computer run: caregiver-app import-vault FILE (or choose “I already have a vault file” "
            "when the app starts). You will need your passphrase or your recovery code."), file=out)
    return EXIT_OK


def cmd_import_vault(paths, args, stdin, out, err) -> int:
    from .services import transfer
    from .services import vault as vs

    if vs.vault_exists(paths) and not args.replace:
        raise CliError(_("A vault is already set up in {folder}. Choose an empty folder with --data-dir, or add "
                         "--replace to set that vault aside (it is kept, never deleted).").format(folder=paths.folder),
                       EXIT_VAULT)
    kind, secret = _secret(args, stdin)
    try:
        try:
            pending = transfer.open_vault_file(paths, args.file.expanduser(),
                                               **({"recovery_code": secret} if kind == "recovery" else {"passphrase": secret}))
        except vs.WrongSecretError as wrong:
            if kind != "either":  # typed at the terminal: it may be the recovery code (tried second)
                raise
            try:
                pending = transfer.open_vault_file(paths, args.file.expanduser(), recovery_code=secret)
            except vs.RecoveryCodeTypoError:
                raise wrong from None
    except (vs.WrongSecretError, vs.RecoveryCodeTypoError, vs.KdfTooCostlyError) as exc:
        raise CliError(str(exc), EXIT_CANNOT_UNLOCK) from None
    try:
        if pending.made_at:
            print(_("This vault file was made on {when}. It holds:").format(when=_when(pending.made_at, paths)),
                  file=out)
        else:
            print(_("This vault file was made on an unknown date. It holds:"), file=out)
        _people(pending.people, out)
        if args.replace and vs.vault_exists(paths):
            print(_("The vault in {folder} will be set aside (into 'replaced', not deleted).").format(
                folder=paths.folder), file=out)
            if not _ask_yes(args, stdin, out, _("Use the vault from this file?")):
                print(_("Nothing was changed."), file=out)
                return EXIT_OK
        vault = pending.install(replace_existing=args.replace)
    finally:
        pending.discard()
    vault.close()
    print(_("The vault is ready in {folder}.").format(folder=paths.folder), file=out)
    if kind == "recovery":
        print(_("You opened it with the recovery code: please choose a new passphrase now with "
                "'caregiver-app change-passphrase' (or in the app: File > Security)."), file=out)
    return EXIT_OK


def _unlock_with_proof(paths, args, proof: str):
    """Open the vault with ``proof``: the recovery code (``--recovery-code-stdin``), the
    passphrase (``--passphrase-stdin``) or, typed at the terminal, either one. Returns
    ``(vault, True when the recovery code opened it)``; raises :class:`CliError` when it does not
    open (wrong secret: cannot unlock; damaged: the vault exit code with what to do)."""
    from .services import vault as vs
    from .services import vault_open

    try:
        if args.recovery_code_stdin:
            vault, kind = vault_open.unlock_with_recovery_code(paths, proof), "recovery"
        elif args.passphrase_stdin:
            vault, kind = vault_open.unlock_with_passphrase(paths, proof), "passphrase"
        else:  # typed at the terminal: either one (the passphrase is tried first)
            vault, kind = unlock_either(vs, paths, proof)
    except (vs.WrongSecretError, vs.RecoveryCodeTypoError, vs.KdfTooCostlyError) as exc:
        raise CliError(str(exc), EXIT_CANNOT_UNLOCK) from None
    except vs.DamagedVaultError as exc:
        exc.recovery.close()
        raise CliError(f"{exc} {_(DAMAGED_HINT)}", EXIT_VAULT) from None
    return vault, kind == "recovery"


def cmd_change_passphrase(paths, args, stdin, out, err) -> int:
    from .domain.errors import ValidationError
    from .services import keys

    require_vault(paths)  # before any passphrase is asked
    if args.passphrase_stdin or args.recovery_code_stdin:
        proof = _read_stdin_line(stdin)
        new = _read_stdin_line(stdin)
        again = new
    elif stdin.isatty():
        proof = ask_secret(_("Current passphrase (or your recovery code): "))
        new = ask_secret(_("New passphrase (at least 10 characters): "))
        again = ask_secret(_("Type the new passphrase again: "))
    else:
        raise CliError(_("Use --passphrase-stdin (or --recovery-code-stdin) when not at a terminal."), EXIT_BAD_INPUT)
    refuse_weak_passphrase(new, again)
    vault, use_code = _unlock_with_proof(paths, args, proof)
    try:
        keys.change_passphrase(vault, new, again, **({} if use_code else {"current_passphrase": proof}))
    except ValidationError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    finally:
        vault.close()
    print(_("Your passphrase is changed. Use the new one from now on; your recovery code keeps working."), file=out)
    return EXIT_OK


def cmd_rotate_key(paths, args, stdin, out, err) -> int:
    from .domain.errors import ValidationError
    from .services import rotation

    require_vault(paths)  # before any passphrase is asked
    if args.passphrase_stdin or args.recovery_code_stdin:
        proof = _read_stdin_line(stdin)
        new = _read_stdin_line(stdin) if not args.passphrase_stdin else _optional_line(stdin)
        again = new
    elif stdin.isatty():
        proof = ask_secret(_("Current passphrase (or your recovery code): "))
        new = ask_secret(_("New passphrase (press Enter to keep the current one): "))
        again = ask_secret(_("Type the new passphrase again: ")) if new else ""
    else:
        raise CliError(_("Use --passphrase-stdin (or --recovery-code-stdin) when not at a terminal."), EXIT_BAD_INPUT)
    if new:  # empty: keep the current passphrase
        refuse_weak_passphrase(new, again)
    vault, use_code = _unlock_with_proof(paths, args, proof)
    if use_code and not new:
        vault.close()
        raise CliError(_("Please choose a new passphrase as well (the recovery code is replaced too)."), EXIT_BAD_INPUT)
    for notice in vault.notices:
        print(notice, file=err)
    print(_("Re-encrypting the vault and its backups under a new key…"), file=err)
    try:
        result = rotation.rotate_data_key(
            vault, new_passphrase=new or None, confirmation=again or None,
            **({"recovery_code": proof} if use_code else {"current_passphrase": proof}))
    except ValidationError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    finally:
        vault.close()
    n = result.backups_reencrypted
    print(ngettext("Done: the vault and {count} backup now use a new key.",
                   "Done: the vault and {count} backups now use a new key.", n).format(count=n), file=out)
    print(_("Your passphrase is changed.") if new else _("Your passphrase is the same as before."), file=out)
    print("", file=out)
    print(_("Your NEW recovery code (write it down now; it is shown only once, and the old one no longer works):"),
          file=out)
    print(f"    {result.recovery_code}", file=out)
    print("", file=out)
    print(rotation.still_readable_words(result), file=out)
    return EXIT_OK


def _optional_line(stdin: TextIO) -> str:
    """The next line of standard input, or "" when there is none."""
    return read_bounded_line(stdin).rstrip("\r\n")



COMMANDS = {
    "init": cmd_init,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "export-vault": cmd_export_vault,
    "import-vault": cmd_import_vault,
    "change-passphrase": cmd_change_passphrase,
    "rotate-key": cmd_rotate_key,
}
