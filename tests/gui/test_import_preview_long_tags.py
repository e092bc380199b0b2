"""attack-import4: the import preview stays readable for a row with a thousand activities (the
row grew taller than the table, which then showed only blank space)."""

from __future__ import annotations

from datetime import datetime

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.journal.import_preview import StoredRowsTable
from caregiver_app.services.import_any import StoredRow


def test_a_row_with_a_thousand_activities_stays_short(qtbot):
    table = StoredRowsTable()
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    many = StoredRow(1, datetime(2024, 5, 1, 10, 0), MoodLevel.GOOD, "good", "a note",
                     tuple(f"activity{i}" for i in range(1000)), (("Headache", 3),))
    plain = StoredRow(2, datetime(2024, 5, 2, 10, 0), MoodLevel.GOOD, "good", "next", ("walk",), ())
    table.show_rows([many, plain])
    cell = table.item(0, 4).text()
    assert cell.startswith("activity0, activity1") and cell.endswith("…") and len(cell) <= 80
    assert table.rowHeight(0) < table.viewport().height() / 2  # the second row is on screen too
