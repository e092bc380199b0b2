"""The recovery-code sheet ("emergency kit"): one page to print and keep with important papers.

It says what the code is, how to open the vault with it when the passphrase is forgotten, and
where to keep it; the code is printed large, in its groups of four. It holds no names and no
health information, and the PDF's metadata names the app only.
"""

from __future__ import annotations

from datetime import date
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..i18n import N_, _, ngettext
from .charts import ACCENT, INK, MUTED, RULE
from . import formatting
from .fonts import register_fonts
from .layout import MARGIN, METADATA_APP, can_print, format_date
from .text import escape

TITLE = N_("Emergency kit: your recovery code")
GROUPS_PER_ROW = 4

STEPS = (
    N_("Start Caregiver Companion on this computer."),
    N_("On the unlock screen, choose “I forgot my passphrase” (use the recovery code)."),
    N_("Type the code exactly as printed below. Dashes, spaces and small letters do not matter."),
    N_("The app then asks you to choose a new passphrase. Your journal is all still there."),
)
KEEP = (
    N_("Keep this page somewhere safe at home, for example with your passport or birth certificate."),
    N_("Do not keep it with the computer, in the same bag, or as a photo on your phone."),
    N_("Anyone who has this code and this computer can open the journal. Treat it like a house key."),
    N_("If you make a new recovery code in the app, the old one stops working: tear this page up then."),
)


def build_recovery_sheet_pdf(code: str, out: BinaryIO, *, made_on: date | None = None,
                             pagesize: tuple[float, float] = LETTER,
                             fmt: formatting.ReportFormat | None = None) -> None:
    """Write the one-page sheet for recovery ``code`` (``XXXX-XXXX-…``) to the binary stream
    ``out``. ``made_on`` (a local date) is printed when given, in ``fmt``'s locale."""
    with formatting.using(formatting.printable(fmt or formatting.ReportFormat(), can_print(register_fonts()))):
        _build(code, out, made_on, pagesize)


def _build(code: str, out: BinaryIO, made_on: date | None, pagesize: tuple[float, float]) -> None:
    fonts = register_fonts()
    width = float(pagesize[0]) - 2 * MARGIN
    height = float(pagesize[1]) - 2 * MARGIN
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=11, leading=15, textColor=INK)
    title = ParagraphStyle("title", parent=body, fontName=fonts.bold, fontSize=20, leading=25, spaceAfter=4)
    head = ParagraphStyle("head", parent=body, fontName=fonts.bold, fontSize=13, leading=17, textColor=ACCENT,
                          spaceBefore=14, spaceAfter=4)
    item = ParagraphStyle("item", parent=body, leftIndent=18, bulletIndent=2, bulletFontName=fonts.regular,
                          spaceBefore=2)
    code_style = ParagraphStyle("code", parent=body, fontName=fonts.bold, fontSize=26, leading=34,
                                alignment=TA_CENTER)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=MUTED)

    groups = [g for g in code.strip().upper().split("-") if g]
    rows = [groups[i:i + GROUPS_PER_ROW] for i in range(0, len(groups), GROUPS_PER_ROW)]
    cells = [[Paragraph(escape(g), code_style) for g in row] + [""] * (GROUPS_PER_ROW - len(row)) for row in rows]
    code_table = Table(cells, colWidths=[width / GROUPS_PER_ROW] * GROUPS_PER_ROW, hAlign="CENTER")
    code_table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.5, ACCENT),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story = [
        Paragraph(_(TITLE), title),
        Paragraph(_("This page opens your Caregiver Companion journal if you ever forget your passphrase. "
                    "It is the only other way in: the app cannot reset a passphrase for you."), body),
        Spacer(1, 14),
        code_table,
        Spacer(1, 4),
        Paragraph(ngettext("{count} group of 4.", "{count} groups of 4.", len(groups)).format(count=len(groups))
                  + " " + _("Only the letters A to Z and the numbers 2 to 7 are used: a round shape is the letter O "
                            "(there is no zero) and a straight line is the letter I (there is no one).")
                  + (" " + _("Made on {date}.").format(date=format_date(made_on)) if made_on else ""), small),
        Paragraph(_("If you forget your passphrase"), head),
        *[Paragraph(escape(_(s)), item, bulletText=f"{n}.") for n, s in enumerate(STEPS, start=1)],
        Paragraph(_("Where to keep this page"), head),
        *[Paragraph(escape(_(s)), item, bulletText="•") for s in KEEP],
        Spacer(1, 18),
        Paragraph(_("Caregiver Companion keeps the journal only on this computer, encrypted. Nobody else, "
                    "not even the app's makers, can open it without your passphrase or this code."), small),
    ]
    doc = SimpleDocTemplate(out, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=_("Recovery code"), author=METADATA_APP, creator=METADATA_APP,
                            producer=METADATA_APP, subject="", keywords="", initialFontName=fonts.regular)
    doc.build([KeepInFrame(width, height, story, mode="shrink")])
