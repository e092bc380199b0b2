"""The window in five locales (en_US, en_GB, de_DE with its decimal comma, es_ES, en_AU), each
with its country: decimal fields read what they show and what people type, times follow the
locale and the time-format setting, dates and the month calendar follow the locale."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit

from caregiver_app.gui.common import formatting
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.medications_page import MedicationsPage
from caregiver_app.gui.journal.month_calendar import MonthCalendar
from caregiver_app.gui.journal.journal_model import DAY, ENTRY, KindRole
from caregiver_app.services import journal, medications

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # 10:00 on Monday 30 November in New York

# locale, country, 24-hour by default, decimal sign, first day of the week (1 Monday, 7 Sunday)
LOCALES = [
    ("en_US", "US", False, ".", 7),
    ("en_GB", "GB", True, ".", 1),
    ("de_DE", "DE", True, ",", 1),
    ("es_ES", "ES", True, ",", 1),
    ("en_AU", "AU", False, ".", 1),
]
NAMES = [row[0] for row in LOCALES]


@pytest.fixture(params=LOCALES, ids=NAMES)
def where(request, context):
    """The window's locale for one test, with the matching country chosen in the settings."""
    name, country, *_ = request.param
    before = QLocale()
    QLocale.setDefault(QLocale(name))
    context.settings.country = country
    formatting.follow_time_format(lambda: context.settings.time_format)
    yield request.param
    formatting.follow_time_format(lambda: "system")
    QLocale.setDefault(before)


@pytest.fixture
def ctx(context, vault):
    context.vault = vault
    context.clock = lambda: NOW
    return context


def journal_page(qtbot, ctx, person) -> JournalPage:
    page = JournalPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.set_person(person)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    return page


def retype(qtbot, box, text: str, *, enter: bool = False) -> None:
    """Select what the field holds and type ``text`` over it, as a person would."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)
    if enter:
        qtbot.keyClick(box, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed, expected", [("2.5", 2.5), ("2,5", 2.5), ("0.5", 0.5), ("7", 7.0)])
def test_sleep_hours_read_what_was_typed(qtbot, where, ctx, person, typed, expected):
    page = journal_page(qtbot, ctx, person)
    box = page.editor.sleep_hours
    retype(qtbot, box, typed, enter=True)
    assert box.value() == pytest.approx(expected)
    shown = box.lineEdit().text()
    assert shown == f"{expected:g}".replace(".", where[3]) + " hours"
    # Return on the value as shown reads it back unchanged (never 5 from "0,5", never 25)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.value() == pytest.approx(expected)


def test_a_shown_half_and_return_stays_a_half_and_is_saved(qtbot, where, ctx, person):
    page = journal_page(qtbot, ctx, person)
    editor = page.editor
    editor.sleep_hours.setValue(0.5)
    assert editor.sleep_hours.lineEdit().text() == f"0{where[3]}5 hours"
    editor.sleep_hours.setFocus()
    qtbot.keyClick(editor.sleep_hours, Qt.Key.Key_End)
    qtbot.keyClick(editor.sleep_hours, Qt.Key.Key_Return)
    assert editor.sleep_hours.value() == 0.5
    retype(qtbot, editor.sleep_hours, "6,5")
    editor.note.setFocus()
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.problem_label.isVisible(), editor.problem_label.text()
    saved = journal.recent_entries(ctx.vault, person.id)
    assert [e.sleep_hours for e in saved] == [6.5]
    entry_text = next(page.model.index(i).data() for i in range(page.model.rowCount())
                      if page.model.index(i).data(KindRole) == ENTRY)
    assert f"6{where[3]}5 h" in entry_text


@pytest.mark.parametrize("typed, expected", [("2.5", 2.5), ("2,5", 2.5), ("0.5", 0.5), ("0,125", 0.125)])
def test_dose_amount_reads_what_was_typed_and_saves_it(qtbot, where, ctx, person, typed, expected):
    page = MedicationsPage(ctx)
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    qtbot.keyClicks(page.name_edit, "Lithium")
    retype(qtbot, page.amount, typed, enter=True)
    assert page.amount.value() == pytest.approx(expected)
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)  # the shown value, read again
    assert page.amount.value() == pytest.approx(expected)
    page.unit.setEditText("mg")
    page.name_edit.setFocus()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.problem_label.isVisible(), page.problem_label.text()
    saved = medications.list_medications(ctx.vault, person.id)
    assert [m.current.dose.amount for m in saved] == [pytest.approx(expected)]
    assert page.list.item(0).text().startswith(f"Lithium — {expected:g}".replace(".", where[3]) + " mg")


def test_thousands_are_read_as_the_locale_groups_them(qtbot, where):
    loc = QLocale()
    group = loc.groupSeparator()
    assert formatting.parse_decimal(f"1{group}000", loc) == 1000
    assert formatting.parse_decimal("1.5", loc) == formatting.parse_decimal("1,5", loc) == 1.5
    assert formatting.parse_decimal("1,2,3", loc) is None and formatting.parse_decimal("abc", loc) is None


@pytest.mark.parametrize("setting", ["system", "12h", "24h"])
def test_times_follow_the_locale_and_the_setting(qtbot, where, ctx, person, setting):
    ctx.settings.time_format = setting
    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, datetime(2026, 11, 29, 21, 15), note="evening"))
    page = journal_page(qtbot, ctx, person)
    texts = [page.model.index(i).data() for i in range(page.model.rowCount())]
    entry = next(t for t in texts if "evening" in t)
    twenty_four = where[2] if setting == "system" else setting == "24h"
    if twenty_four:
        assert "21:15" in entry and "9:15" not in entry
    else:
        assert "9:15" in entry and "21:15" not in entry
    # the date-and-time field of the editor shows the same cycle
    assert ("21:15" in formatting.time_text(time(21, 15))) is twenty_four
    shown = page.editor.when_edit.displayFormat()
    assert (("AP" in shown.upper()) is not twenty_four)


def test_day_headings_use_the_locale_words_and_order(qtbot, where, ctx, person):
    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, datetime(2026, 11, 29, 9, 0), note="x"))
    page = journal_page(qtbot, ctx, person)
    heading = next(page.model.index(i).data() for i in range(page.model.rowCount())
                   if page.model.index(i).data(KindRole) == DAY)
    expected = {
        "en_US": "Sunday, November 29, 2026",
        "en_GB": "Sunday, 29 November 2026",
        "de_DE": "Sonntag, 29. November 2026",
        "es_ES": "domingo, 29 de noviembre de 2026",
        "en_AU": "Sunday, 29 November 2026",
    }[where[0]]
    assert heading == expected
    assert formatting.medium_date(date(2026, 3, 3)) == {
        "en_US": "Mar 3, 2026", "en_GB": "3 Mar 2026", "de_DE": "3. März 2026",
        "es_ES": "3 de mar de 2026", "en_AU": "3 Mar 2026"}[where[0]]


def test_month_calendar_starts_the_week_where_the_locale_does(qtbot, where):
    calendar = MonthCalendar()
    qtbot.addWidget(calendar)
    calendar.set_today(date(2026, 11, 30))
    calendar.set_selected_date(date(2026, 11, 30))
    model = calendar.model
    first = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert first == QLocale().dayName(where[4])
    assert first == ("Sunday" if where[0] == "en_US" else
                     {"de_DE": "Montag", "es_ES": "lunes"}.get(where[0], "Monday"))
    assert QLocale().standaloneMonthName(11) in calendar.title.text()


DAY_FIRST_EXPORT = (
    "full_date,date,weekday,time,mood,activities,note\n"
    "04/05/2024,,Saturday,20:00,good,,\n"
    "03/05/2024,,Friday,08:15,meh,,\n"
)


def test_import_dialog_says_which_date_reading_was_used(qtbot, ctx, person, modals, tmp_path):
    export = tmp_path / "daylio_export.csv"
    export.write_text(DAY_FIRST_EXPORT, encoding="utf-8")
    page = journal_page(qtbot, ctx, person)
    modals.expect(result=(str(export), "Daylio export (*.csv)"))
    page.start_import()
    dialog = page.import_dialog
    note = "Dates such as 04/05/2024 were read day first (day/month/year)"
    assert note in dialog.preview_label.text()
    assert f"from {formatting.long_date(date(2024, 5, 3))} to {formatting.long_date(date(2024, 5, 4))}" \
        in dialog.preview_label.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert note in dialog.result_label.text()
    assert sorted(e.local_date for e in journal.recent_entries(ctx.vault, person.id)) == [
        date(2024, 5, 3), date(2024, 5, 4)]


def test_phone_numbers_are_read_for_the_chosen_country(qtbot, where, ctx, person):
    import phonenumbers

    from caregiver_app.gui.network.contact_editor import ContactEditor
    from caregiver_app.gui.network.network_page import phone_region

    country = where[1]
    assert phone_region(ctx) == country
    editor = ContactEditor(ctx, person, region=phone_region(ctx))
    qtbot.addWidget(editor)
    row = editor.add_phone_row()
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    assert row.number.placeholderText() == \
        f"For example {phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)}"
    national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    row.number.setText(f"{national} x204")
    assert row.check()
    assert row.feedback.text().startswith(f"Saved as {national}") and "204" in row.feedback.text()


@pytest.mark.parametrize("name", ["ar_EG", "fr_FR", "de_CH", "hi_IN"])
def test_other_decimal_signs_read_back_what_they_show(qtbot, name):
    from caregiver_app.gui.journal.entry_fields import HoursSpinBox

    before = QLocale()
    QLocale.setDefault(QLocale(name))
    try:
        box = HoursSpinBox()
        qtbot.addWidget(box)
        box.setRange(0, 24)
        box.setDecimals(2)
        box.setValue(6.75)
        shown = box.lineEdit().text()
        assert box.valueFromText(shown) == 6.75
        assert formatting.parse_decimal("2.5") == formatting.parse_decimal("2,5") == 2.5
    finally:
        QLocale.setDefault(before)


def test_the_date_and_time_field_shows_the_locale_and_keeps_the_wall_clock(qtbot, where, ctx, person):
    page = journal_page(qtbot, ctx, person)
    field = page.editor.when_edit
    field.set_wall(datetime(2026, 11, 29, 21, 15))
    assert field.wall() == datetime(2026, 11, 29, 21, 15)
    shown = field.lineEdit().text()
    assert formatting.time_text(time(21, 15)) in shown
    assert formatting.medium_date(date(2026, 11, 29), weekday=True) in shown
    # typing over the minutes keeps the rest as it was, in every locale's pattern
    field.setFocus()
    field.setSelectedSection(QDateTimeEdit.Section.MinuteSection)
    qtbot.keyClicks(field, "40")
    assert field.wall() == datetime(2026, 11, 29, 21, 40)
