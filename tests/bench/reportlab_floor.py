"""The floor of the command-line visit summary: a bare reportlab script that draws the same rows
(one per journal entry: when, who, the numbers, symptoms and tags, the note) in tables of 40 rows,
with the same font the summary embeds, each cell's text wrapped with reportlab's own
``simpleSplit``, after one Argon2id key derivation with the vault's parameters when they are
given (the command pays it to open the vault, as the import's floor does). Nothing else: no
vault, no summary rules, no page furniture.

Run in a fresh process: ``python reportlab_floor.py ROWS.json OUT.pdf FONT.ttf [ITERATIONS
MEMORY_KIB LANES]`` (with the Argon2id parameters, the passphrase is read from stdin). The rows
file is a JSON list of five-string lists (see ``test_bench_summary_cli.py``, which writes it).
It prints ``{"key_wall": s, "key_cpu": s}``: what the derivation took, so the bench can also
report the ratio to the bare table alone.
"""

from __future__ import annotations

import json
import os
import sys
import time

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


def derive(iterations: int, memory_kib: int, lanes: int, passphrase: str) -> dict[str, float]:
    """One Argon2id derivation of a 32-byte key (the vault's KDF); returns its wall and CPU seconds."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    wall, cpu = time.perf_counter(), time.process_time()
    Argon2id(salt=os.urandom(16), length=32, iterations=iterations, lanes=lanes,
             memory_cost=memory_kib).derive(passphrase.encode())
    return {"key_wall": time.perf_counter() - wall, "key_cpu": time.process_time() - cpu}


if __name__ == "__main__":
    key = {"key_wall": 0.0, "key_cpu": 0.0}
    if len(sys.argv) > 4:
        key = derive(*map(int, sys.argv[4:7]), sys.stdin.readline().strip())
    floor(*sys.argv[1:4])
    print(json.dumps(key))
