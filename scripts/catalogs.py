"""The translation catalogs: find every message in the code, keep each language's file in step, and
compile it. Babel does the work (extraction, the .po and .mo formats, plural forms).

    python scripts/catalogs.py update [--pool OTHER.po ...]   # code -> caregiver.pot -> <lang>.po
    python scripts/catalogs.py compile                        # <lang>.po -> <lang>.mo (shipped)
    python scripts/catalogs.py check                          # what is missing, fuzzy or stale

``update`` keeps every translation already made, adds new messages untranslated and drops the
ones the code no longer uses. ``--pool`` also takes translations from other .po files for
messages that have none yet (how branches that translated different parts come together).
The .po files are the translators' source; the .mo files are generated: never edit them.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "caregiver_app"
I18N = PACKAGE / "i18n"
TEMPLATE = I18N / "caregiver.pot"
DOMAIN = "caregiver"
TRANSLATED = ("es",)
# _(), N_(), ngettext(), pgettext() from caregiver_app.i18n; translate() is what pyside6-uic writes
# into the generated forms (QCoreApplication.translate(context, text)).
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "translate": (2,),
}
METHODS = [("**.py", "python")]
SKIP_DIRS = {"__pycache__", "migrations"}
STABLE_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
HEADER = ("# Caregiver Companion's messages. Made by scripts/catalogs.py from the code; translate in\n"
          "# the .po files of locale/, then run scripts/catalogs.py compile.")


def po_path(code: str) -> Path:
    return I18N / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return po_path(code).with_suffix(".mo")


def _header(catalog: Catalog) -> Catalog:
    """The same header on every run (no dates, no placeholders), so the files only change when
    the messages do, and never marked fuzzy (a fuzzy header would leave the charset out of .mo)."""
    catalog.project, catalog.version = "Caregiver Companion", ""
    catalog.copyright_holder, catalog.msgid_bugs_address = "the Caregiver Companion developers", ""
    catalog.creation_date = catalog.revision_date = STABLE_DATE
    catalog.last_translator, catalog.language_team = "", ""
    catalog.header_comment = HEADER
    catalog.fuzzy = False
    return catalog


def extract() -> Catalog:
    """Every message the code marks, with the files it comes from (no line numbers, so the files
    only change when the messages do)."""
    catalog = _header(Catalog(domain=DOMAIN, fuzzy=False))

    def wanted(path: str) -> bool:
        return not any(part in SKIP_DIRS for part in Path(path).parts)

    for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGE, METHODS, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True,
            directory_filter=lambda path: wanted(path)):
        if not message or (isinstance(message, tuple) and not message[0]) or not wanted(filename):
            continue
        catalog.add(message, None, [(f"caregiver_app/{filename}", None)], auto_comments=comments,
                    context=context)
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False, omit_header=False)
    path.write_bytes(buffer.getvalue())


def _read(path: Path, code: str | None = None) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=code, domain=DOMAIN)


def _filled(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return bool(strings) and all(strings)


def update(pools: list[Path]) -> None:
    template = extract()
    _write(template, TEMPLATE)
    others = [_read(path) for path in pools]
    for code in TRANSLATED:
        path = po_path(code)
        catalog = _read(path, code) if path.exists() else Catalog(locale=code, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        _header(catalog)
        for message in catalog:
            if not message.id or _filled(message):
                continue
            for other in others:
                found = other.get(message.id, context=message.context)
                if found is not None and _filled(found) and not found.fuzzy:
                    message.string = found.string
                    break
        _write(catalog, path)


def compile_all() -> None:
    for code in TRANSLATED:
        catalog = _read(po_path(code), code)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        mo_path(code).write_bytes(buffer.getvalue())


def problems(code: str) -> list[str]:
    """What stops ``code``'s catalog being complete: messages in the code but not in the file,
    untranslated or fuzzy messages, and a compiled file that does not match the .po."""
    found: list[str] = []
    catalog = _read(po_path(code), code)
    for message in extract():
        if not message.id:
            continue
        have = catalog.get(message.id, context=message.context)
        if have is None:
            found.append(f"not in {code}.po: {message.id!r}")
        elif not _filled(have):
            found.append(f"untranslated: {message.id!r}")
        elif have.fuzzy:
            found.append(f"fuzzy: {message.id!r}")
    if not mo_path(code).exists():
        found.append(f"{mo_path(code).name} for {code} is missing: run scripts/catalogs.py compile")
    else:
        with mo_path(code).open("rb") as stream:
            compiled = read_mo(stream)
        def key(m):
            return m.context, m.id if isinstance(m.id, str) else m.id[0]

        def strings(m):  # .po gives plural forms as a tuple, .mo as a list
            return tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string

        want = {key(m): strings(m) for m in catalog if m.id and _filled(m) and not m.fuzzy}
        have = {key(m): strings(m) for m in compiled if m.id}
        if want != have:
            found.append(f"{code}.mo is stale: run scripts/catalogs.py compile")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="extract the messages and bring every .po file in step")
    up.add_argument("--pool", nargs="*", type=Path, default=[], help="other .po files to take translations from")
    sub.add_parser("compile", help="compile every .po file to its .mo")
    sub.add_parser("check", help="list missing, untranslated, fuzzy and stale messages")
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.pool)
    elif args.command == "compile":
        compile_all()
    else:
        listed = [line for code in TRANSLATED for line in problems(code)]
        for line in listed:
            print(line)
        print(f"{len(listed)} problem(s)")
        return 1 if listed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
