"""Issue 18, defect 4 (calendar part): a month and year picker reaches years of imported history
in a few keystrokes, and stays in step with Previous / Next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from caregiver_app.gui.journal.month_calendar import MonthCalendar


def test_month_and_year_picker_jumps_and_follows(qtbot):
    cal = MonthCalendar()
    qtbot.addWidget(cal)
    cal.set_selected_date(date(2026, 12, 31))
    cal.show()
    seen = []
    cal.month_changed.connect(lambda y, m: seen.append((y, m)))
    cal.year_box.setFocus()
    cal.year_box.selectAll()
    qtbot.keyClicks(cal.year_box, "2022")
    assert cal.shown_month == (2022, 12) and seen == [(2022, 12)]  # no jumps to years 2, 20, 202
    cal.month_box.setFocus()
    cal.month_box.setCurrentIndex(1)
    cal.month_box.activated.emit(1)
    assert cal.shown_month == (2022, 2) and cal.selected_date == date(2022, 2, 28)  # day kept within the month
    qtbot.mouseClick(cal.next_button, Qt.MouseButton.LeftButton)
    assert cal.month_box.currentData() == 3 and cal.year_box.value() == 2022
    assert cal.month_box.accessibleName() == "Month to show" and cal.year_box.accessibleName() == "Year to show"
