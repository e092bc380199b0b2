"""The Spanish catalog is whole: every message the code marks has a Spanish translation (all plural
forms), none is fuzzy, no placeholder is lost or invented, and the shipped .mo matches the .po.
``scripts/catalogs.py`` is the one tool that extracts and compiles; this test reads with it."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from caregiver_app import i18n

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%\([A-Za-z_]+\)[sdifr]|%[sdifr]")


def _catalogs():
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "scripts" / "catalogs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("catalogs", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogs():
    return _catalogs()


def test_every_message_has_spanish_and_the_compiled_file_is_current(catalogs):
    problems = catalogs.problems("es")
    assert not problems, f"{len(problems)} problem(s), run scripts/catalogs.py update/compile:\n" + "\n".join(problems[:40])


def test_the_template_lists_what_the_code_marks(catalogs):
    """The .pot in the repository is the one the code gives today (run ``update`` after changing
    a message)."""
    extracted = {(m.context, m.id) for m in catalogs.extract() if m.id}
    with catalogs.TEMPLATE.open("rb") as stream:
        from babel.messages.pofile import read_po

        stored = {(m.context, m.id) for m in read_po(stream) if m.id}
    assert extracted == stored, f"missing: {sorted(map(str, extracted - stored))[:10]} stale: {sorted(map(str, stored - extracted))[:10]}"


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_no_placeholder_is_lost_or_invented_and_mnemonics_survive(catalogs):
    from babel.messages.pofile import read_po

    with catalogs.po_path("es").open("rb") as stream:
        catalog = read_po(stream, locale="es")
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        want = _placeholders(ids[-1])
        for text in strings:
            if text and _placeholders(text) != want and not (len(ids) > 1 and set(_placeholders(text)) <= set(want)):
                wrong.append(f"{ids[0]!r} -> {text!r}")
            if text and ("&" in ids[0].replace("&&", "")) != ("&" in text.replace("&&", "")) and "<" not in ids[0]:
                wrong.append(f"mnemonic: {ids[0]!r} -> {text!r}")
    assert not wrong, "\n".join(wrong[:40])


def test_spanish_plural_forms_come_from_babel(catalogs):
    from babel.messages.plurals import get_plural

    translations = i18n.translations("es")
    assert translations.info().get("plural-forms", "").replace(" ", "") == str(get_plural("es")).replace(" ", "")


def test_the_seam_speaks_spanish_and_english():
    i18n.set_language("es")
    try:
        translated = i18n._("Journal")
        with i18n.document_language("en"):
            assert i18n._("Journal") == "Journal"
        assert translated != "Journal"
    finally:
        i18n.set_language("en")
    assert i18n._("Journal") == "Journal"
