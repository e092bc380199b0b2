"""A pseudo-locale for the GUI tests: every catalog message comes back longer (about 40%) and with
accented letters, inside ⟦ ⟧, so a test can see at once words cut off by too little room and words
shown without going through the catalog. Placeholders, mnemonics, tags and entities are kept, so
the code behaves as with a real language.

Use the ``pseudo_locale`` fixture (tests/a11y/test_pseudo_locale.py) or :func:`speaking_pseudo`.
"""

from __future__ import annotations

import contextlib
import gettext
import re
from collections.abc import Iterator

from caregiver_app import i18n

OPEN, CLOSE = "⟦", "⟧"
_KEEP = re.compile(r"\{[^{}]*\}|%\([^)]*\)[sdifr]|%[sdifr%]|<[^>]+>|&[A-Za-z#0-9]+;|&&|https?://\S+")
_ACCENTS = str.maketrans("aeiouncAEIOUNC", "áéíóúñçÁÉÍÓÚÑÇ")


def pseudo(text: str) -> str:
    """``text`` as the pseudo-locale writes it: ``"Save {count} entries"`` ->
    ``"⟦Śávé {count} éñtríés·····⟧"`` (placeholders and markup unchanged)."""
    if not text or text.strip() == "":
        return text
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append(text[last:match.start()].translate(_ACCENTS))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(_ACCENTS))
    body = "".join(out)
    lead = len(body) - len(body.lstrip())
    trail = len(body) - len(body.rstrip())
    core = body.strip()
    padding = "·" * max(1, (len(core) * 2) // 5)
    return body[:lead] + OPEN + core + padding + CLOSE + body[len(body) - trail:] if trail else body[:lead] + OPEN + core + padding + CLOSE


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message):
        return pseudo(message)

    def ngettext(self, singular, plural, n):
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, context, message):
        return pseudo(message)

    def npgettext(self, context, singular, plural, n):
        return pseudo(singular if n == 1 else plural)


_PSEUDO = PseudoTranslations()


@contextlib.contextmanager
def speaking_pseudo(monkeypatch) -> Iterator[None]:
    """Within the block the process and the window speak the pseudo-locale (as the "es" language
    code, so every language-aware part takes its non-English path; dates and numbers are Mexican
    Spanish); English and the previous locale come back after it."""
    from PySide6.QtCore import QLocale

    from caregiver_app.gui.common.translations import use_language

    english = i18n.translations
    monkeypatch.setattr(i18n, "translations", lambda code: english(code) if i18n.normalise(code) in ("", "en") else _PSEUDO)
    previous = QLocale()
    use_language("es", "MX")  # our catalog behind Qt's translate() (the forms) and Qt's own words
    try:
        yield
    finally:
        use_language("en")
        QLocale.setDefault(previous)
