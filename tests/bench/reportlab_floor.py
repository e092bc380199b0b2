"""The floor of the command-line visit summary: a bare reportlab script that draws the same rows
(one per journal entry: when, who, the numbers, symptoms and tags, the note) in tables of 40 rows,
with the same font the summary embeds, each cell's text wrapped with reportlab's own
``simpleSplit``. Nothing else: no vault, no key, no summary rules, no page furniture.

Run in a fresh process: ``python reportlab_floor.py ROWS.json OUT.pdf FONT.ttf``. The rows file
is a JSON list of five-string lists (see ``test_bench_summary_cli.py``, which writes it).
"""

from __future__ import annotations

import json
import sys

ROWS_PER_TABLE = 40


def floor(rows_file: str, out: str, font_file: str) -> int:
    """Draw the rows of ``rows_file`` into ``out``; returns the number of tables drawn."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.units import inch
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("Body", font_file))
    with open(rows_file, encoding="utf-8") as fh:
        rows = json.load(fh)
    doc = SimpleDocTemplate(out, pagesize=LETTER, leftMargin=0.7 * inch, rightMargin=0.7 * inch,
                            topMargin=0.7 * inch, bottomMargin=0.7 * inch)
    widths = [70, 60, 110, 110, doc.width - 350]
    size = 8
    style = TableStyle([("FONT", (0, 0), (-1, -1), "Body", size), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story = []
    for first in range(0, len(rows), ROWS_PER_TABLE):
        cells = [["\n".join(simpleSplit(text, "Body", size, width - 12)) for text, width in zip(row, widths)]
                 for row in rows[first:first + ROWS_PER_TABLE]]
        table = Table(cells, colWidths=widths)
        table.setStyle(style)
        story.append(table)
    doc.build(story)
    return len(story)


if __name__ == "__main__":
    floor(*sys.argv[1:4])
