"""The shared layout builders (gui/common/building.py) and the wrapping check box, on real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QListWidget, QVBoxLayout, QWidget

from caregiver_app.gui.common.building import (
    action_row,
    bar,
    column,
    list_hint,
    menu_action,
    menu_button,
    push_button,
    scroll_area,
    shortcut,
    side_by_side,
)
from caregiver_app.gui.common.wrap_check import WrappingCheckBox

LONG = "Life chart (mood, sleep, medicines, scores)"


def test_scroll_area_fits_its_content_to_the_width(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    inner = QLabel("words")
    plain = scroll_area(inner, parent)
    framed = scroll_area(QLabel("more"), parent, framed=True, focusable=False)
    assert plain.widget() is inner and plain.widgetResizable()
    assert plain.frameShape() == QFrame.Shape.NoFrame and plain.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert framed.frameShape() == QFrame.Shape.StyledPanel and framed.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert plain.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    upright = scroll_area(QLabel("fits"), parent, sideways=False)
    assert upright.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_panes_never_collapse_and_share_extra_room(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    splitter = side_by_side(parent, QLabel("a"), QLabel("b"), stretch=(1, 4))
    QVBoxLayout(parent).addWidget(splitter)
    parent.show()
    qtbot.waitExposed(parent)
    parent.resize(parent.width() + 500, 100)  # the extra room is shared 1 : 4
    qtbot.waitUntil(lambda: sum(splitter.sizes()) > 500, timeout=2000)
    small, large = splitter.sizes()
    assert not splitter.childrenCollapsible() and large > small
    assert side_by_side(parent, QLabel("c"), QLabel("d"), vertical=True).orientation() == Qt.Orientation.Vertical


def test_buttons_actions_rows_and_bars(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    clicked, chosen = [], []
    add = push_button("&Add", page, lambda: clicked.append("add"), name="Add someone", tip="Add (Ctrl+N)")
    export = menu_action("&Export…", page, lambda: chosen.append("export"))
    more = menu_button("&More", page, [export])
    row = action_row([add], at_end=[more])
    status = QLabel("Deleted.")
    undo = push_button("&Undo", page, lambda: clicked.append("undo"))
    strip = bar(page, status, undo)
    body = column(page, row, (strip, 1), margins=False)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    more.menu().actions()[0].trigger()
    assert clicked == ["add"] and chosen == ["export"]
    assert add.accessibleName() == "Add someone" and add.toolTip() == "Add (Ctrl+N)"
    assert row.itemAt(0).widget() is add and row.itemAt(row.count() - 1).widget() is more
    assert strip.isHidden() and body.layout().contentsMargins().left() == 0


def test_shortcuts_work_inside_their_owner_or_only_on_it(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    listing, other = QListWidget(page), QListWidget(page)
    holder = column(page, listing, other)
    QVBoxLayout(page).addWidget(holder)
    inside, only_holder, only_list = [], [], []
    shortcut(holder, "Ctrl+D", lambda: inside.append(True))
    shortcut(holder, "Delete", lambda: only_holder.append(True), widget_only=True)
    shortcut(listing, "Delete", lambda: only_list.append(True), widget_only=True)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(other, Qt.Key.Key_Delete)
    assert inside == [True] and only_holder == [] and only_list == []
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    assert only_list == [True] and only_holder == []


def test_list_hint_says_who_to_choose_then_that_nothing_is_saved_then_hides(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    label.show()
    list_hint(label, None, [], no_person="Choose someone.", none_yet="Nothing yet.")
    assert label.text() == "Choose someone." and label.isVisible()
    list_hint(label, object(), [], no_person="Choose someone.", none_yet="Nothing yet.")
    assert label.text() == "Nothing yet." and label.isVisible()
    list_hint(label, object(), [1], no_person="Choose someone.", none_yet="Nothing yet.")
    assert label.text() == "" and not label.isVisible()


def test_a_wrapping_check_box_takes_more_lines_when_narrow_and_stays_a_check_box(qtbot):
    check = WrappingCheckBox(LONG)
    qtbot.addWidget(check)
    one_line = check.sizeHint()
    narrow = check.minimumSizeHint().width()
    assert narrow < one_line.width() // 2
    assert check.heightForWidth(narrow) > check.heightForWidth(one_line.width()) >= one_line.height() // 2
    assert check.text() == LONG
    toggled = []
    check.toggled.connect(toggled.append)
    check.resize(narrow, check.heightForWidth(narrow))
    check.show()
    qtbot.waitExposed(check)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=check.rect().bottomRight() - check.rect().center() / 4)
    assert toggled == [True]


def test_recorder_choice_typing_a_name_chooses_the_family_member(qtbot):
    from caregiver_app.domain.model import Recorder, RecorderKind
    from caregiver_app.gui.common.recorder_choice import RecorderChoice

    choice = RecorderChoice("A famil&y member:", "Their name")
    qtbot.addWidget(choice)
    assert choice.recorder() == Recorder.person()
    qtbot.keyClicks(choice.family_name, "Maria")
    assert choice.family_radio.isChecked() and choice.recorder() == Recorder.family("Maria")
    choice.keep_family_or_self()
    assert choice.recorder().kind is RecorderKind.FAMILY  # the next new record keeps the family member
    choice.show_recorder(Recorder.person())
    assert choice.person_radio.isChecked()
    choice.clear()
    assert choice.family_name.text() == "" and choice.recorder() == Recorder.person()
