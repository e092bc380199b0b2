"""The fallback-font search asks fontconfig once which characters each font covers (``fc-list``
with charsets), so a character no installed font covers is known missing at once (no
``fc-match``, no font parsed), and ``fc-match``'s candidates that cannot print the character are
skipped before the expensive parse, keeping fontconfig's order among those that can.

fontconfig is faked here: the "installed fonts" are the two DejaVu faces shipped with the app,
with charsets the tests choose."""

from __future__ import annotations

import subprocess
from importlib import resources

import pytest

from caregiver_app.reports import fonts

FOLDER = resources.files("caregiver_app.reports") / "fonts"
REGULAR = fonts.FontFile(str(FOLDER / "DejaVuSans.ttf"))
BOLD = fonts.FontFile(str(FOLDER / "DejaVuSans-Bold.ttf"))
ALIAS = chr(min(fonts.register_fonts().regular_only))  # only the regular face has it (no script name)
THAI = "\u0e01"


class FakeFontconfig:
    def __init__(self, charsets: dict[fonts.FontFile, str], order: list[fonts.FontFile]) -> None:
        self.charsets, self.order = charsets, order
        self.matches = 0
        self.parsed: list[str] = []

    def run(self, argv, **_kwargs):
        if argv[0] == "fc-list":
            out = "".join(f"{f.path}\t0\tTrueType\t{c}\n" for f, c in self.charsets.items())
        else:
            assert argv[0] == "fc-match"
            self.matches += 1
            out = "".join(f"{f.path}\t0\n" for f in self.order)
        return subprocess.CompletedProcess(argv, 0, out, "")


@pytest.fixture
def fake(monkeypatch):
    def install(charsets, order):
        fc = FakeFontconfig(charsets, order)
        monkeypatch.setattr(fonts.shutil, "which", lambda name: name)
        monkeypatch.setattr(fonts.subprocess, "run", fc.run)

        class Counting(fonts._TTFont):
            def __init__(self, name, path, **kwargs):
                fc.parsed.append(path)
                super().__init__(name, path, **kwargs)

        monkeypatch.setattr(fonts, "_TTFont", Counting)
        return fc

    return install


def _path(name: str) -> str:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(name).face.filename


def test_a_character_no_font_covers_is_missing_without_fc_match_or_parsing(fake):
    fc = fake({REGULAR: "20-7e a0-17f", BOLD: "20-7e"}, [REGULAR, BOLD])
    search = fonts._Fallbacks(None)
    assert search.font_for(THAI) is None
    assert search.font_for(THAI) is None  # remembered
    assert fc.matches == 0 and fc.parsed == []


def test_candidates_that_cannot_print_it_are_not_parsed(fake):
    alias = f"{ord(ALIAS):x}"
    fc = fake({BOLD: "20-7e", REGULAR: f"20-7e {alias}-{alias}"}, [BOLD, REGULAR])
    search = fonts._Fallbacks(None)
    name = search.font_for(ALIAS)
    assert name and _path(name).endswith("DejaVuSans.ttf")
    assert fc.matches == 1 and fc.parsed == [REGULAR.path]


def test_fontconfigs_order_decides_among_fonts_that_cover_it(fake):
    alias = f"{ord(ALIAS):x}"
    fc = fake({BOLD: f"20-7e {alias}", REGULAR: f"20-7e {alias}"}, [REGULAR, BOLD])
    name = fonts._Fallbacks(None).font_for(ALIAS)
    assert name and _path(name).endswith("DejaVuSans.ttf") and fc.parsed == [REGULAR.path]


def test_without_charsets_every_candidate_is_parsed_as_before(fake):
    fc = fake({BOLD: "", REGULAR: ""}, [BOLD, REGULAR])
    name = fonts._Fallbacks(None).font_for(ALIAS)
    assert name and _path(name).endswith("DejaVuSans.ttf")
    assert fc.parsed == [BOLD.path, REGULAR.path]


def test_a_font_adding_only_dejavus_regular_only_glyphs_is_not_registered():
    search = fonts._Fallbacks([REGULAR])  # the given-fonts path (no fontconfig): parsed to find out
    assert search.font_for(THAI) is None
    assert search.tried == {REGULAR} and search.loaded == []


def test_charset_ranges():
    charset = fonts._Charset("20-7e a0 100-17f")
    assert [c in charset for c in (0x1F, 0x20, 0x7E, 0x7F, 0xA0, 0xA1, 0x17F, 0x180)] == [
        False, True, True, False, True, False, True, False]
    assert 0x20 not in fonts._Charset("")
