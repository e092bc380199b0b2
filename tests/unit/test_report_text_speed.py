"""Issue 16: the faster ways the summary measures and encodes its text give exactly what
reportlab's own (and the word-by-word wrapping) gave: the same bytes in the PDF, the same codes
given to the same characters in the same order, the same lines."""

from __future__ import annotations

import io
import random
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import black
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable

from caregiver_app.reports import fonts
from caregiver_app.reports.textblock import BlockStyle, TextBlock

DEJAVU = resources.files("caregiver_app.reports") / "fonts" / "DejaVuSans.ttf"
# ASCII, accents, Greek, Cyrillic, the no-break space, a character DejaVu lacks (CJK), NUL
ALPHABET = "abc XYZ 0123 ·—é ñ ü ß ΑΒΓ αβγ абв жщ \xa0 \u4e2d \x00" + "".join(map(chr, range(0x100, 0x17f)))


class _Doc:
    """Stands for a PDF document: fonts keep their codes per document (by weak reference)."""


def _font(cls):
    return cls("Speed", io.BytesIO(DEJAVU.read_bytes()))


def _state(font, doc):
    state = font.state[doc]
    return dict(state.assignments), [list(s) for s in state.subsets], state.nextCode


def test_the_fast_encoding_gives_reportlabs_bytes_and_codes_over_many_subsets(monkeypatch):
    ours, theirs = _font(fonts._TTFont), _font(TTFont)
    slow = []
    reportlabs = TTFont.splitString
    monkeypatch.setattr(TTFont, "splitString", lambda self, *a: slow.append(self) or reportlabs(self, *a))
    doc_ours, doc_theirs = _Doc(), _Doc()
    rng = random.Random(16)
    # Enough distinct characters to fill the first subset and spill into a second and third.
    many = [chr(c) for c in range(0x100, 0x100 + 600) if ord(chr(c)) in theirs.face.charToGlyph]
    texts = ["", "plain ascii text", "no\xa0break", "é" * 3] + [
        "".join(rng.choice(ALPHABET + "".join(many[: 40 * (i // 50 + 1)])) for _ in range(rng.randrange(0, 40)))
        for i in range(2_000)]
    texts += ["plain ascii text again", "ascii with é and ü", "жщ ω"] * 100  # known codes: the fast way
    for text in texts:
        assert ours.splitString(text, doc_ours) == theirs.splitString(text, doc_theirs), text
    assert slow.count(ours) < slow.count(theirs) - 300
    assert _state(ours, doc_ours) == _state(theirs, doc_theirs)
    assert len(ours.state[doc_ours].subsets) >= 3


def test_two_documents_at_once_keep_their_own_codes():
    ours, theirs = _font(fonts._TTFont), _font(TTFont)
    docs = [(_Doc(), _Doc()), (_Doc(), _Doc())]
    for index, text in enumerate(["ωμέγα", "abc", "жщ ω", "ωμέγα abc", "Ελλάδα"] * 3):
        mine, reference = docs[index % 2]
        assert ours.splitString(text, mine) == theirs.splitString(text, reference)


def test_the_report_fonts_use_the_fast_encoding():
    registered = fonts.register_fonts()
    from reportlab.pdfbase.pdfmetrics import getFont

    assert isinstance(getFont(registered.regular), fonts._TTFont)
    assert isinstance(getFont(registered.bold), fonts._TTFont)


def _style(widths: dict | None = None) -> BlockStyle:
    registered = fonts.register_fonts()
    return BlockStyle(regular=registered.regular, bold=registered.bold, size=9.5, leading=12.5, color=black,
                      left_indent=52)


WORDS = ["Slept", "badly,", "mood", "low", "·", "Headache 4/10", "Ängstlich", "día", "—", "walked", "",
         "a-very-long-address@example.org/with/a/path", "x" * 90, "ΑΒΓ", "ok.", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join), st.booleans()),
                min_size=1, max_size=4),
       st.sampled_from([80.0, 200.0, 416.0, 500.0]))
def test_a_line_that_fits_whole_is_the_line_word_by_word_wrapping_makes(spans, width):
    block = TextBlock([spans], _style())
    laid = block._layout(width)
    avail = max(width - block.style.left_indent, 20.0)
    by_words = [(block.style.left_indent, runs) for runs in block._wrap_spans(spans, avail)]
    assert [(x, [(t, f) for t, f, _w in runs]) for x, runs in laid] == \
        [(x, [(t, f) for t, f, _w in runs]) for x, runs in by_words]
    for (_x, runs), (_y, expected) in zip(laid, by_words):
        assert [w for _t, _f, w in runs] == pytest.approx([w for _t, _f, w in expected])


def _drawn(blocks) -> bytes:
    from reportlab.lib.colors import red
    from reportlab.pdfgen.canvas import Canvas

    from caregiver_app.reports.layout import Barred

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, pageCompression=0)
    y = 700
    for index, block in enumerate(blocks):
        block = Barred(block, color=red) if index % 2 else block
        _w, height = block.wrap(500, 700)
        block.drawOn(canvas, 40, y - height)
        canvas.rect(10, y, 5, 5, fill=1)  # drawn in the canvas's own state after each block
        y -= height + 4
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_text_blocks_draw_the_operators_textout_writes(monkeypatch):
    from caregiver_app.reports import textblock

    registered = fonts.register_fonts()
    style = _style()
    # bold and regular spans, a character only the regular face has (its alias), the first
    # use of many characters in the document and their second use, a bullet
    lines = [[("Mon 3 Mar 2025, 09:15", True), (" · recorded by ", False), ("Sam (self)", True)],
             [("Slept badly — ωμέγα жщ, walked ", False), ("to the shop", True)],
             [("".join(map(chr, range(0x100, 0x17f))) + " " + "long words " * 30, False)]]
    plain_only = sorted(registered.regular_only)[:3]
    lines.append([("alias " + "".join(map(chr, plain_only)), False)])
    blocks = lambda: [TextBlock(lines, style, bullet="09:15"), TextBlock(lines[1:], style),  # noqa: E731
                      TextBlock(lines[:2], style, bullet="21:40")]
    ours = _drawn(blocks())
    monkeypatch.setattr(textblock, "_text_out", lambda text, _face, piece, *_rest: text.textOut(piece))
    monkeypatch.setattr(textblock.TextBlock, "drawOn", Flowable.drawOn)  # reportlab's, saving the state
    assert ours == _drawn(blocks())


def test_a_line_is_one_left_to_right_run_only_when_font_runs_and_has_rtl_agree():
    from caregiver_app.reports.text import font_runs, has_rtl, in_family_ltr

    registered = fonts.register_fonts()
    hebrew = "שלום"
    assert all(ord(ch) in registered.codepoints for ch in hebrew)  # DejaVu draws it: still right to left
    for line in ["plain", "Ελλάδα · жщ — é", "mixed שלום text", hebrew, "中文", "alias " + chr(min(registered.regular_only)),
                 "", "newline\nand\xa0no-break space"]:
        one_ltr_run = font_runs(line) in ([], [("", line)]) and not has_rtl(line)
        # the quick test never says yes wrongly, and says yes for the lines most entries are made of
        assert in_family_ltr(line) == one_ltr_run or not in_family_ltr(line), line
    assert in_family_ltr("Ελλάδα · жщ — é") and in_family_ltr("newline\nand\xa0no-break space")
    assert not in_family_ltr(hebrew) and not in_family_ltr("中文")


def test_paragraphs_break_where_word_by_word_wrapping_breaks_them():
    rng = random.Random(7)
    vocabulary = [w for w in WORDS if w.strip() and len(w) < 40] + ["the", "a", "appointment", "Überweisung", "день"]
    block = TextBlock([], _style())
    for _ in range(400):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(1, 120)))
        for avail in (60.0, 150.0, 364.0):
            fast = block._wrap_words(text, rng.random() < 0.3, avail)
            if fast is None:  # a word wider than the line: word by word
                continue
            bold = fast[0][0][1] == block.style.bold
            assert [[r[0] for r in line] for line in fast] == \
                [[r[0] for r in line] for line in block._wrap_spans([(text, bold)], avail)]
