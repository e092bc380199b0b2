"""The Journal page through its real widgets and a real encrypted vault: writing entries by
keyboard, the day-grouped list, changing and deleting, the flag marker, the chart's gaps,
lazy loading and locking."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from caregiver_app.domain.model import MoodLevel, Recorder, SymptomRating
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.journal_model import DAY, ENTRY, FLAG_TEXT, JournalModel, KindRole
from caregiver_app.services import journal
from support import add_entry, bulk_add_entries

TODAY = date(2026, 11, 30)


@pytest.fixture
def page(make_page):
    return make_page(JournalPage, (1200, 800), active=True)


def rows(page: JournalPage) -> list[tuple[str, str]]:
    model = page.model
    return [(model.index(i).data(KindRole), model.index(i).data()) for i in range(model.rowCount())]


def entry_rows(page: JournalPage) -> list[str]:
    return [text for kind, text in rows(page) if kind == ENTRY]


def type_symptom(qtbot, page: JournalPage, name: str, severity: int) -> None:
    editor = page.editor
    qtbot.keyClick(editor.add_symptom_button, Qt.Key.Key_Space)
    row = editor.symptom_rows[-1]
    assert row.name_box.hasFocus() or row.name_box.lineEdit().hasFocus()
    qtbot.keyClicks(row.name_box.lineEdit(), name)
    popup = row.name_box.completer().popup()
    if popup.isVisible():  # the list of matching symptoms: Enter accepts what was typed
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert row.name_box.currentText() == name
    qtbot.keyClick(row.severity, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(row.severity, str(severity))


def select_entry(qtbot, page: JournalPage, needle: str) -> None:
    model = page.model
    for i in range(model.rowCount()):
        if model.index(i).data(KindRole) == ENTRY and needle in model.index(i).data():
            page.list_view.setFocus()
            page.list_view.setCurrentIndex(model.index(i))
            return
    raise AssertionError(f"no entry with {needle!r}")


def test_add_entry_with_two_symptoms_by_keyboard(qtbot, page, ctx, person):
    editor = page.editor
    assert editor.when_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-30 10:00"
    qtbot.keyClick(editor.mood_buttons[2], Qt.Key.Key_Space)
    type_symptom(qtbot, page, "Headache", 6)
    type_symptom(qtbot, page, "Nausea", 3)
    qtbot.keyClicks(editor.activities, "walk, church")
    qtbot.keyClicks(editor.note, "Dizzy after lunch.")
    qtbot.keyClick(editor.note, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.note, "Better by evening.")
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not editor.problem_label.isVisible(), editor.problem_label.text()
    listing = rows(page)
    assert listing[0] == (DAY, "Monday 30 November 2026")
    kind, text = listing[1]
    assert kind == ENTRY
    assert "Headache 6/10" in text and "Nausea 3/10" in text
    assert "Mood: low" in text and "Sam Rivera (self)" in text
    assert "Note: Dizzy after lunch." in text and "Better by evening" not in text  # first line only
    saved = journal.recent_entries(ctx.vault, person.id)
    assert len(saved) == 1
    assert saved[0].mood is MoodLevel.LOW
    assert [(r.symptom, r.severity) for r in saved[0].symptoms] == [("Headache", 6), ("Nausea", 3)]
    assert {t.name for t in saved[0].tags} == {"walk", "church"}
    # the form is ready for the next entry, and the saved one is chosen in the list
    assert editor.symptom_rows == [] and editor.note.toPlainText() == ""
    assert page.current_entry().id == saved[0].id
    assert "Saved the entry for Monday 30 November 2026" in editor.status_label.text()


def test_ctrl_enter_saves_and_symptom_rows_are_removed_by_keyboard(qtbot, page, ctx, person):
    editor = page.editor
    type_symptom(qtbot, page, "Pain", 4)
    type_symptom(qtbot, page, "Fatigue", 2)
    first = editor.symptom_rows[0].name_box
    first.setFocus(Qt.FocusReason.BacktabFocusReason)  # back to the first row, as Shift+Tab would
    qtbot.keyClick(first.lineEdit(), Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [r.name_box.currentText() for r in editor.symptom_rows] == ["Fatigue"]
    assert editor.symptom_rows[0].name_box.hasFocus()  # focus stays among the symptoms
    qtbot.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert entry_rows(page) and "Fatigue 2/10" in entry_rows(page)[0] and "Pain" not in entry_rows(page)[0]


def test_starter_symptoms_have_descriptions_as_tooltips(qtbot, page):
    page.editor.add_symptom_row()
    box = page.editor.symptom_rows[0].name_box
    index = box.findText("Headache")
    assert box.itemData(index, Qt.ItemDataRole.ToolTipRole) == "Pain in the head"


def test_validation_messages_are_plain_and_inline(qtbot, page, ctx, person):
    editor = page.editor
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.problem_label.isVisible()
    assert "This entry is empty" in editor.problem_label.text()

    type_symptom(qtbot, page, "Headache", 0)
    editor.symptom_rows[0].severity.setValue(-1)  # back to "Choose 0–10"
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Please choose how strong “Headache” was" in editor.problem_label.text()

    qtbot.keyClick(editor.family_radio, Qt.Key.Key_Space)
    editor.symptom_rows[0].severity.setValue(5)
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Please say which family member recorded this entry." in editor.problem_label.text()
    assert journal.count_entries(ctx.vault, person.id) == 0


def test_family_member_is_labelled_and_remembered_for_the_session(qtbot, page, ctx, person):
    editor = page.editor
    qtbot.keyClicks(editor.family_name, "Ana")
    assert editor.family_radio.isChecked()
    qtbot.keyClick(editor.mood_buttons[1], Qt.Key.Key_Space)
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Ana (family)" in entry_rows(page)[0]
    assert editor.family_name.text() == "Ana"  # remembered for the next entry

    qtbot.keyClick(editor.person_radio, Qt.Key.Key_Space)
    editor.family_name.clear()
    qtbot.keyClick(editor.family_radio, Qt.Key.Key_Space)
    assert editor.family_name.text() == "Ana"

    page.clear()  # locking forgets it
    assert editor.family_name.text() == ""


def test_edit_an_entry_from_the_list(qtbot, page, ctx, person):
    add_entry(ctx.vault, person, datetime(2026, 11, 29, 8, 30), mood=MoodLevel.OKAY,
        symptoms=(SymptomRating("Headache", 6),), note="Before the change")
    page.set_person(person)
    select_entry(qtbot, page, "Before the change")
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)

    editor = page.editor
    assert editor.is_editing
    assert "Changing the entry from Sunday 29 November 2026" in editor.heading.text()
    assert editor.mood_buttons[3].isChecked()
    assert [(r.name_box.currentText(), r.severity.value()) for r in editor.symptom_rows] == [("Headache", 6)]
    editor.note.selectAll()
    qtbot.keyClicks(editor.note, "After the change")
    qtbot.keyClick(editor.mood_buttons[4], Qt.Key.Key_Space)
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not editor.is_editing
    texts = entry_rows(page)
    assert len(texts) == 1
    assert "After the change" in texts[0] and "Mood: good" in texts[0]
    assert rows(page)[0] == (DAY, "Sunday 29 November 2026")


def test_escape_cancels_an_edit(qtbot, page, ctx, person):
    add_entry(ctx.vault, person, datetime(2026, 11, 29, 8, 30), note="Leave me as I am")
    page.set_person(person)
    select_entry(qtbot, page, "Leave me as I am")
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    editor = page.editor
    qtbot.keyClicks(editor.note, " (typed by mistake)")
    qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    assert not editor.is_editing
    assert editor.note.toPlainText() == ""
    assert journal.recent_entries(ctx.vault, person.id)[0].note == "Leave me as I am"


def test_delete_asks_first_and_keep_is_the_default(qtbot, page, ctx, person, modals):
    add_entry(ctx.vault, person, datetime(2026, 11, 29, 8, 30), note="Please keep")
    page.set_person(person)
    select_entry(qtbot, page, "Please keep")

    def keep(box: QMessageBox):
        assert box.defaultButton().text() == "Keep it"
        assert box.escapeButton().text() == "Keep it"
        box.defaultButton().click()  # what Enter would do

    modals.expect(handler=keep)
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert journal.count_entries(ctx.vault, person.id) == 1

    def delete(box: QMessageBox):
        next(b for b in box.buttons() if b.text() == "Delete entry").click()

    modals.expect(handler=delete)
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert journal.count_entries(ctx.vault, person.id) == 0
    assert entry_rows(page) == []
    assert page.undo_bar.isVisible()
    assert "Deleted the entry from Sunday 29 November 2026" in page.undo_label.text()

    qtbot.keyClick(page.undo_button, Qt.Key.Key_Space)
    assert journal.count_entries(ctx.vault, person.id) == 1
    assert "Please keep" in entry_rows(page)[0]


def test_flagged_entries_show_a_text_marker(qtbot, page, ctx, person):
    editor = page.editor
    qtbot.keyClicks(editor.note, "Ask about the new dose")
    qtbot.keyClick(editor.flag, Qt.Key.Key_Space)
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.note, "An ordinary day")
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    flagged = next(t for t in entry_rows(page) if "Ask about the new dose" in t)
    plain = next(t for t in entry_rows(page) if "An ordinary day" in t)
    assert FLAG_TEXT in flagged and "Bring up at the next visit" in flagged
    assert "Bring up" not in plain
    index = page.model.index(page.model.row_of_entry(journal.recent_entries(ctx.vault, person.id)[1].id))
    assert "Bring up at the next visit" in index.data(Qt.ItemDataRole.AccessibleTextRole)


def test_list_groups_entries_by_day_newest_first(qtbot, page, ctx, person):
    add_entry(ctx.vault, person, datetime(2026, 11, 28, 9, 0), note="older")
    add_entry(ctx.vault, person, datetime(2026, 11, 30, 7, 0), note="newest early")
    add_entry(ctx.vault, person, datetime(2026, 11, 30, 9, 0), note="newest late",
        recorded_by=Recorder.family("Ana"))
    page.set_person(person)
    listing = rows(page)
    assert [kind for kind, _ in listing] == [DAY, ENTRY, ENTRY, DAY, ENTRY]
    assert listing[0][1] == "Monday 30 November 2026" and listing[3][1] == "Saturday 28 November 2026"
    assert "newest late" in listing[1][1] and "Ana (family)" in listing[1][1]
    assert "newest early" in listing[2][1]


def test_chart_draws_gaps_on_empty_days_never_zero(qtbot, page, ctx, person):
    for days_ago, hours in ((0, 7.0), (1, None), (3, 6.5), (10, 8.0)):
        day = TODAY - timedelta(days=days_ago)
        add_entry(ctx.vault, person, datetime(day.year, day.month, day.day, 9, 0), mood=MoodLevel.GOOD, sleep_hours=hours)
    page.set_person(person)
    chart = page.chart
    assert [s.count() for s in chart.mood_segments] == [1, 1, 2]  # day -10 | day -3 | days -1 and 0
    assert [s.count() for s in chart.sleep_segments] == [1, 1, 1]  # day -1 has mood but no sleep
    points = [p for s in chart.mood_segments for p in s.points()]
    assert all(p.y() == 4 for p in points)
    assert [p.x() for p in points] == [19, 26, 28, 29]
    assert chart.sleep_dots.count() == 3
    assert all(p.y() > 0 for s in chart.sleep_segments for p in s.points())
    assert "Entries on 4 of the last 30 days" in chart.summary.text()
    assert "left blank" in chart.summary.text()
    # mood and sleep differ by line style and dot shape, not only colour
    assert chart.mood_segments[0].pen().style() == Qt.PenStyle.SolidLine and chart.mood_segments[0].pointsVisible()
    assert chart.sleep_segments[0].pen().style() == Qt.PenStyle.DashLine
    QApplication.processEvents()
    # one legend key per measure, in words that wrap (QtCharts' own legend cut them in a narrow column)
    assert not chart.chart.legend().isVisible()
    keys = [key.text() for key in (chart.mood_key, chart.sleep_key) if key.isVisible()]
    assert keys == ["Mood (solid, dots)", "Sleep (dashed, squares)"]


def test_list_loads_lazily(qtbot, ctx, person):
    start = datetime(2026, 11, 30, 9, 0)
    bulk_add_entries(ctx.vault, [journal.EntryDraft(person.id, start - timedelta(hours=9 * i),
                                                    mood=MoodLevel(1 + i % 5)) for i in range(1000)])
    model = JournalModel(ctx)
    model.set_person(person)
    assert model.loaded_entry_count() == journal.PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.loaded_entry_count() == 2 * journal.PAGE_SIZE
    while model.canFetchMore():
        model.fetchMore()
    assert model.loaded_entry_count() == 1000
    entries = [model.index(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(model.rowCount())]
    stamps = [e.occurred_at for e in entries if e is not None]
    assert stamps == sorted(stamps, reverse=True) and len(set(stamps)) == 1000
    headers = [model.index(i).data() for i in range(model.rowCount()) if model.index(i).data(KindRole) == DAY]
    assert len(headers) == len(set(headers))  # a day split over two pages gets one header


def test_clear_drops_every_bit_of_data(qtbot, page, ctx, person):
    editor = page.editor
    qtbot.keyClicks(editor.note, "Private words")
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    type_symptom(qtbot, page, "Custom ache", 2)
    qtbot.keyClicks(editor.note, "Half-typed")
    page.clear()
    assert page.model.rowCount() == 0
    assert editor.note.toPlainText() == "" and editor.symptom_rows == []
    assert editor.status_label.text() == ""
    assert all(s.count() == 0 for s in page.chart.mood_segments)
    assert page.chart.summary.text() == ""
    assert not editor.isEnabled()
    assert page.heading.text() == "Journal"


def test_no_person_shows_a_hint(qtbot, ctx):
    page = JournalPage(ctx)
    qtbot.addWidget(page)
    assert "Choose or add a person" in page.empty_label.text()
    assert not page.editor.isEnabled()


def unnamed_controls(root) -> list[str]:
    """Focusable, visible controls that a screen reader could not name: no accessible name, no
    text of their own and no label pointing at them."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QComboBox, QLabel, QWidget

    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):  # the box's own text field
            continue
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
            continue
        named = widget.accessibleName() or id(widget) in buddies
        if isinstance(widget, QAbstractButton):
            named = named or widget.text().replace("&", "")
        if not named:
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}")
    return missing


def test_every_control_has_a_name_and_tab_order_follows_the_form(qtbot, page):
    editor = page.editor
    editor.add_symptom_row()
    missing = unnamed_controls(page)
    assert not missing, "; ".join(missing)
    editor.sleep_quality.setFocus(Qt.FocusReason.TabFocusReason)
    order = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    row = editor.symptom_rows[0]
    assert order == [row.name_box, row.severity, row.remove_button, editor.add_symptom_button, editor.activities]


def test_tags_complete_from_earlier_entries(qtbot, page, ctx, person):
    from caregiver_app.domain.model import Tag, TagKind

    add_entry(ctx.vault, person, datetime(2026, 11, 29, 8, 30), note="x",
        tags=(Tag("walk in the park"), Tag("money worries", TagKind.STRESSOR)))
    page.set_person(person)
    field = page.editor.activities
    field.setFocus()
    qtbot.keyClicks(field, "church, park")
    popup = field._completer.popup()
    assert popup.isVisible()
    assert [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())] == ["walk in the park"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "church, walk in the park, "
    stressors = page.editor.stressors
    qtbot.keyClicks(stressors, "walk")  # activities are not offered as stressors
    assert not stressors._completer.popup().isVisible()


def test_pages_load_off_the_gui_thread_too(qtbot, ctx, person, monkeypatch):
    from caregiver_app.gui.common.ops import Ops

    bulk_add_entries(ctx.vault, [journal.EntryDraft(person.id, datetime(2026, 11, 30, 9, 0) - timedelta(hours=6 * i),
                                                    mood=MoodLevel.OKAY) for i in range(250)])
    monkeypatch.setattr(Ops, "synchronous", False)
    model = JournalModel(ctx)
    model.set_person(person)
    assert not model.canFetchMore()  # a page is on its way; no second request meanwhile
    qtbot.waitUntil(lambda: model.loaded_entry_count() == journal.PAGE_SIZE, timeout=5000)
    model.fetchMore()
    model.set_person(None)  # the answer to the old request must not land after this
    assert ctx.ops.wait_for_all(5000)
    qtbot.wait(50)
    assert model.rowCount() == 0
