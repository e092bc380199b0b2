"""The report fonts: the DejaVu Sans family shipped inside this package, plus fallback fonts
found on this computer for scripts DejaVu does not cover.

The shipped TTF files are read with :mod:`importlib.resources`, so they load the same way from a
source checkout, an installed wheel, a zip or a frozen app. Registration with reportlab happens
once per process and is safe to call again (and from worker threads).

Fallbacks: when a character has no glyph in DejaVu Sans, :func:`fallback_font_for` looks for an
installed TrueType font that has one — asking fontconfig (``fc-match``) where it exists, else
looking through the usual font folders of Windows, macOS and Linux for fonts named after the
character's script (Noto Sans Devanagari for Devanagari, and so on). A font found is registered
with reportlab under a generic name and used for that run of characters. Fonts with PostScript
(CFF) outlines are skipped: reportlab embeds TrueType outlines only. Characters no font covers
print as a visible marker (see :mod:`.text`).
"""

from __future__ import annotations

import bisect
import codecs
import io
import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "CaregiverDejaVuSans"
BOLD = "CaregiverDejaVuSans-Bold"
PLAIN = "CaregiverDejaVuSans-Plain"
"""DejaVu Sans regular under a second name that ``<b>`` does not turn bold: used for the few
characters the bold face lacks, so they still print inside bold text."""

_FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.RLock()
_fonts: "ReportFonts | None" = None


@dataclass(frozen=True)
class ReportFonts:
    """The registered font names and the characters they can draw.

    ``regular`` and ``bold`` are reportlab font names (``<b>`` in Paragraph markup maps the
    regular name to the bold one). ``codepoints`` holds every code point with a glyph in *both*
    faces; ``regular_only`` those only the regular face has (printed with :data:`PLAIN`).
    """

    regular: str
    bold: str
    codepoints: frozenset[int]
    regular_only: frozenset[int] = frozenset()
    plain: str = PLAIN

    def covers(self, char: str) -> bool:
        """True when ``char`` (one character) has a real glyph in both report faces."""
        return ord(char) in self.codepoints


class _TTFont(TTFont):
    """reportlab's TrueType font, encoding text faster for the PDF.

    reportlab encodes every string drawn one character at a time in Python (``splitString``):
    ten years of notes are millions of characters, the largest single cost of a long summary.
    Once a document has given a character its code in the font's first subset, the same
    mapping is an ``EncodingMap`` that encodes a whole string in C. A string holding any
    character that map does not know yet (a first use, a later subset, a missing glyph) goes
    through reportlab's own method, which assigns the codes exactly as before; the map is
    rebuilt when it learnt more. The output is the same bytes either way."""

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - reportlab's name
        state = self.state.get(doc)
        if state is None or not isinstance(text, str):
            return super().splitString(text, doc, encoding)
        assignments = state.assignments
        known = getattr(state, "caregiver_subset0", None)
        if known is None or known[0] != len(assignments):
            known = state.caregiver_subset0 = (len(assignments), _subset0_map(assignments))
        try:
            # reportlab prints a no-break space as a space (code 32)
            encoded = codecs.charmap_encode(text.replace("\xa0", " "), "strict", known[1])[0]
        except UnicodeEncodeError:
            return super().splitString(text, doc, encoding)
        return [(0, encoded)] if encoded else []


def _subset0_map(assignments: dict[int, int]):
    """The characters ``assignments`` put in subset 0 (codes below 256) as an encoding map."""
    table = ["\ufffe"] * 256  # U+FFFE: no character (encoding one raises)
    for code, n in assignments.items():
        if 0 < n < 256 and 0 < code <= 0xFFFF and not 0xD800 <= code <= 0xDFFF:
            table[n] = chr(code)
    return codecs.charmap_build("".join(table))


def _load(name: str, filename: str) -> TTFont:
    data = (resources.files(__package__) / "fonts" / filename).read_bytes()
    stream = io.BytesIO(data)
    stream.name = filename  # reportlab uses it in error messages only
    return _TTFont(name, stream)


def _map_family(name: str, bold: str | None = None) -> None:
    bold = bold or name
    # The upright mappings go last so the reverse lookup (font -> style) is upright.
    addMapping(name, 0, 1, name)
    addMapping(name, 1, 1, bold)
    addMapping(name, 0, 0, name)
    addMapping(name, 1, 0, bold)


def _glyphs(font: TTFont) -> set[int]:
    # Glyph 0 is .notdef (the "missing" box): never count it as coverage.
    return {cp for cp, glyph in font.face.charToGlyph.items() if glyph}


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
            if PLAIN not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(_load(PLAIN, _FONT_FILES[REGULAR]))
            _map_family(REGULAR, BOLD)
            _map_family(PLAIN)
            regular, bold = _glyphs(faces[REGULAR]), _glyphs(faces[BOLD])
            _fonts = ReportFonts(regular=REGULAR, bold=BOLD, codepoints=frozenset(regular & bold),
                                 regular_only=frozenset(regular - bold))
    return _fonts


# --- fallback fonts -------------------------------------------------------------------------------

MAX_FALLBACK_FONTS = 12
"""At most this many fallback fonts are registered in one run of the app."""
MAX_LOOKUPS = 64
"""At most this many searches for a missing character (each may start ``fc-match``)."""

_SCRIPT_HINTS = {
    "CJK": ("cjk", "droidsansfallback", "wqy", "wenquanyi", "yahei", "simsun", "simhei", "msgothic",
            "unifont", "arialuni", "hanazono", "ukai", "uming"),
    "HIRAGANA": ("jp", "cjk", "gothic", "mincho", "droidsansfallback", "takao", "ipa", "unifont"),
    "KATAKANA": ("jp", "cjk", "gothic", "mincho", "droidsansfallback", "takao", "ipa", "unifont"),
    "HANGUL": ("kr", "cjk", "nanum", "malgun", "gulim", "unbatang", "droidsansfallback", "unifont"),
    "BOPOMOFO": ("cjk", "droidsansfallback", "unifont"),
    "YI": ("yi", "unifont"),
}
_COMMON_FOLDERS = {
    "win32": (Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts",),
    "darwin": (Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts"),
               Path.home() / "Library" / "Fonts"),
}
_LINUX_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts",
                  Path.home() / ".fonts")


@dataclass(frozen=True)
class FontFile:
    """A font file on disk and the index of the face inside it (for ``.ttc`` collections)."""

    path: str
    index: int = 0


class _Charset:
    """The characters fontconfig says one font covers: sorted, disjoint ``(first, last)`` ranges."""

    __slots__ = ("firsts", "lasts")

    def __init__(self, text: str) -> None:
        self.firsts: list[int] = []
        self.lasts: list[int] = []
        for part in text.split():
            first, _, last = part.partition("-")
            self.firsts.append(int(first, 16))
            self.lasts.append(int(last or first, 16))

    def __contains__(self, code: int) -> bool:
        at = bisect.bisect_right(self.firsts, code) - 1
        return at >= 0 and code <= self.lasts[at]


class _Fallbacks:
    def __init__(self, candidates: Sequence[FontFile] | None) -> None:
        self.fixed = list(candidates) if candidates is not None else None
        self.loaded: list[tuple[str, frozenset[int]]] = []
        self.tried: set[FontFile] = set()
        self.missing: set[int] = set()
        self.lookups = 0
        self._listing: list[FontFile] | None = None
        # What each installed outline font covers, from fontconfig (None: not known, so every
        # candidate is parsed to find out, as on Windows and macOS). None marks a font fontconfig
        # lists that reportlab cannot read (CFF or Type 1 outlines): it never prints anything.
        self._charsets: dict[FontFile, _Charset | None] | None = None

    # Where to look --------------------------------------------------------------------------
    def listing(self) -> list[FontFile]:
        if self.fixed is not None:
            return self.fixed
        if self._listing is None:
            found = _fontconfig_fonts()
            if found:
                self._listing = _ranked(font for font, charset in found.items() if charset is not None)
                self._charsets = found
            else:
                self._listing = _folder_listing()
        return self._listing

    def _may_cover(self, font: FontFile, code: int) -> bool:
        """False when fontconfig says ``font`` cannot print ``code``: parsing it (the expensive
        part of a search) would find nothing. Fonts fontconfig did not list are tried."""
        if self._charsets is None or font not in self._charsets:
            return True
        charset = self._charsets[font]
        return charset is not None and code in charset

    def _nothing_covers(self, code: int) -> bool:
        """True when fontconfig knows every installed font and none that reportlab can read has
        ``code``: the search would start ``fc-match`` and parse fonts for nothing."""
        self.listing()
        return self._charsets is not None and not any(
            charset is not None and code in charset for charset in self._charsets.values())

    def _fc_match(self, char: str) -> list[FontFile]:
        if self.fixed is not None:
            return []
        fc = shutil.which("fc-match")
        if not fc:
            return []
        try:
            result = subprocess.run(
                [fc, "-s", "--format", "%{file}\t%{index}\n", f"sans-serif:charset={ord(char):x}"],
                capture_output=True, text=True, timeout=5, check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return []
        found = []
        for line in result.stdout.splitlines()[:6]:
            path, _, index = line.partition("\t")
            if path:
                found.append(FontFile(path, int(index) if index.isdigit() else 0))
        return found

    def _hinted(self, char: str) -> list[FontFile]:
        try:
            script = unicodedata.name(char).split(" ")[0]
        except ValueError:
            return []
        hints = _SCRIPT_HINTS.get(script, (script.lower(),))
        picks = [f for f in self.listing() if any(h in _squash(f.path) for h in hints)]
        general = [f for f in self.listing() if f not in picks]
        return picks[:6] + general[:4] if self.fixed is None else picks + general

    # Loading --------------------------------------------------------------------------------
    def _try(self, font: FontFile, char: str) -> str | None:
        if font in self.tried or len(self.loaded) >= MAX_FALLBACK_FONTS:
            return None
        self.tried.add(font)
        global _serial
        _serial += 1
        name = f"CaregiverFallback{_serial}"
        try:
            ttf = _TTFont(name, font.path, subfontIndex=font.index)
        except Exception:  # CFF outlines, a broken file, no permission: not usable here
            return None
        glyphs = frozenset(_glyphs(ttf))
        if ord(char) not in glyphs:
            # Remember it anyway when it adds coverage: later characters may need it.
            # (DejaVu's regular-only glyphs print in PLAIN before any fallback is asked: no gain.)
            ours = register_fonts()
            if not glyphs - ours.codepoints - ours.regular_only:
                return None
        pdfmetrics.registerFont(ttf)
        _map_family(name)
        self.loaded.append((name, glyphs))
        return name if ord(char) in glyphs else None

    def font_for(self, char: str) -> str | None:
        code = ord(char)
        for name, glyphs in self.loaded:
            if code in glyphs:
                return name
        if code in self.missing or code > 0xFFFF or self.lookups >= MAX_LOOKUPS:
            return None
        self.lookups += 1
        if self._nothing_covers(code):
            self.missing.add(code)
            return None
        for font in self._fc_match(char) + self._hinted(char):
            if not self._may_cover(font, code):
                continue  # skipped before parsing; the order of those that cover is fontconfig's
            found = self._try(font, char)
            if found:
                return found
        self.missing.add(code)
        return None


def _squash(path: str) -> str:
    return Path(path).name.lower().replace(" ", "").replace("-", "").replace("_", "")


def _is_truetype_name(path: str) -> bool:
    return path.lower().endswith((".ttf", ".ttc"))


def _fontconfig_fonts() -> dict[FontFile, _Charset | None]:
    """Every installed outline font fontconfig knows, with the characters it covers (None for
    the formats reportlab cannot embed), from one ``fc-list``; empty without fontconfig."""
    fc = shutil.which("fc-list")
    if not fc:
        return {}
    try:
        result = subprocess.run([fc, "--format", "%{file}\t%{index}\t%{fontformat}\t%{charset}\n", ":outline=true"],
                                capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[FontFile, _Charset | None] = {}
    lines = [(line.split("\t") + ["", "", ""])[:4] for line in result.stdout.splitlines()]
    if not any(charset.strip() for _path, _index, _fmt, charset in lines):
        return {}  # a fontconfig that prints no charsets: coverage unknown, search as before
    for path, index, fmt, charset in lines:
        if not path:
            continue
        truetype = fmt == "TrueType" or (not fmt and _is_truetype_name(path))
        found[FontFile(path, int(index) if index.isdigit() else 0)] = _Charset(charset) if truetype else None
    return found


def _folder_listing() -> list[FontFile]:
    folders = _COMMON_FOLDERS.get(sys.platform, _LINUX_FOLDERS)
    found = []
    for folder in folders:
        try:
            for root, _dirs, files in os.walk(folder):
                found += [FontFile(os.path.join(root, f)) for f in files if _is_truetype_name(f)]
        except OSError:
            continue
    return _ranked(found)


def _ranked(fonts: Iterable[FontFile]) -> list[FontFile]:
    def rank(font: FontFile) -> tuple[int, str]:
        name = _squash(font.path)
        upright = not any(w in name for w in ("bold", "italic", "oblique", "light", "thin", "black", "mono",
                                              "serif", "condensed"))
        sans = "sans" in name or "gothic" in name or "fallback" in name
        return (0 if upright and sans else 1 if upright else 2, name)

    unique = dict.fromkeys(fonts)
    return sorted(unique, key=rank)


_fallbacks = _Fallbacks(None)
_serial = 0


def fallback_font_for(char: str) -> str | None:
    """The registered name of an installed font that can draw ``char`` (one character outside
    DejaVu Sans), found and registered on first need; None when this computer has none."""
    with _lock:
        return _fallbacks.font_for(char)


def set_fallback_fonts(candidates: Sequence[FontFile | str] | None) -> None:
    """Use exactly ``candidates`` as the fallback fonts (an empty list: none at all), or go back
    to looking on this computer (``None``). Forgets fonts found so far."""
    global _fallbacks
    with _lock:
        fixed = None if candidates is None else [c if isinstance(c, FontFile) else FontFile(str(c)) for c in candidates]
        _fallbacks = _Fallbacks(fixed)
    from . import text  # the per-character cache depends on the fallbacks

    text.forget_cached_characters()


