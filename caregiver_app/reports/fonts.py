"""The report fonts: the DejaVu Sans family shipped inside this package.

The TTF files are read with :mod:`importlib.resources`, so they load the same way from a source
checkout, an installed wheel, a zip or a frozen app (never from a path relative to the working
directory). Registration with reportlab happens once per process and is safe to call again.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "CaregiverDejaVuSans"
BOLD = "CaregiverDejaVuSans-Bold"

_FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_fonts: "ReportFonts | None" = None


@dataclass(frozen=True)
class ReportFonts:
    """The registered font names and the characters both faces can draw.

    ``regular`` and ``bold`` are reportlab font names (``<b>`` in Paragraph markup maps the
    regular name to the bold one). ``codepoints`` holds every Unicode code point that has a glyph
    in *both* faces, so text checked against it prints the same in regular and bold.
    """

    regular: str
    bold: str
    codepoints: frozenset[int]

    def covers(self, char: str) -> bool:
        """True when ``char`` (one character) has a real glyph in the report fonts."""
        return ord(char) in self.codepoints


def _load(name: str, filename: str) -> TTFont:
    data = (resources.files(__package__) / "fonts" / filename).read_bytes()
    stream = io.BytesIO(data)
    stream.name = filename  # reportlab uses it in error messages only
    return TTFont(name, stream)


def register_fonts() -> ReportFonts:
    """Register DejaVu Sans (regular and bold) with reportlab once and return their names.

    Idempotent and thread-safe: later calls return the same :class:`ReportFonts`.
    """
    global _fonts
    if _fonts is not None:
        return _fonts
    with _lock:
        if _fonts is None:
            faces = {}
            for name, filename in _FONT_FILES.items():
                if name in pdfmetrics.getRegisteredFontNames():
                    font = pdfmetrics.getFont(name)
                else:
                    font = _load(name, filename)
                    pdfmetrics.registerFont(font)
                faces[name] = font
            # Map <b>/<i> to our faces; there is no italic, so italic falls back upright.
            # The upright mappings go last so the reverse lookup (font -> style) is upright.
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            regular_map = set(faces[REGULAR].face.charToGlyph)
            bold_map = set(faces[BOLD].face.charToGlyph)
            # Glyph 0 is .notdef (the "missing" box): never count it as coverage.
            covered = {
                cp
                for cp in regular_map & bold_map
                if faces[REGULAR].face.charToGlyph[cp] and faces[BOLD].face.charToGlyph[cp]
            }
            _fonts = ReportFonts(regular=REGULAR, bold=BOLD, codepoints=frozenset(covered))
    return _fonts
