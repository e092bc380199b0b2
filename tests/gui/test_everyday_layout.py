"""Issue 18, defect 8: the layout at 1024 x 700, at the size the window opens with, and at large
text, through the real main window with a real vault: the visit-summary controls are whole, the
30-day chart keeps a readable plot, the note stays put while stressor chips are clicked, the
contacts list shows whole phone numbers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QApplication, QComboBox, QLabel, QLineEdit,
                               QStyle, QWidget)

from caregiver_app.domain.ecomap import NODE_H, NODE_W, segment_hits_box
from caregiver_app.domain.model import MoodLevel
from caregiver_app.domain.network import Contact, Phone, Role, TieStrength
from caregiver_app.gui.app import create_main_window
from caregiver_app.services import network
from support import add_entry

SMALL = (1024, 700)


@pytest.fixture
def large_text():
    app = QApplication.instance()
    normal = QFont(app.font())
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * 1.6)
    app.setFont(large)
    yield
    app.setFont(normal)


def window_at(qtbot, ctx, size, page_type):
    """The main window at ``size`` (None: the size it opens with) showing the page of ``page_type``."""
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    pages = window.page_widgets()
    page = next(p for p in pages if isinstance(p, page_type))
    window.show_page(pages.index(page))
    qtbot.wait(20)
    return window, page


def clipped_controls(root: QWidget) -> list[str]:
    """Every shown control under ``root`` that is cut off: not inside its parent's rectangle (a
    scroll area's content excepted: it scrolls) or smaller than it needs to show its words."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not isinstance(widget, (QAbstractButton, QLabel, QComboBox, QLineEdit)):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts inside a control
            continue
        if widget.parentWidget() is not None and isinstance(widget.parentWidget().parentWidget(), QAbstractScrollArea):
            continue
        name = widget.objectName() or widget.text() if hasattr(widget, "text") else widget.objectName()
        inside = QRect(QPoint(0, 0), widget.parentWidget().size())
        if not inside.contains(widget.geometry()):
            problems.append(f"{name!r} at {widget.geometry()} outside its parent {inside}")
        need = widget.minimumSizeHint()
        if widget.hasHeightForWidth():  # wrapping words: as tall as its width needs
            if widget.height() < widget.heightForWidth(widget.width()):
                problems.append(f"{name!r} wrapped text cut: {widget.height()} < {widget.heightForWidth(widget.width())}")
        elif widget.width() < need.width() or widget.height() < need.height():
            problems.append(f"{name!r} is {widget.size()} but needs {need}")
    return problems


@pytest.mark.parametrize("size", [None, SMALL])
def test_the_summary_controls_are_whole(qtbot, ctx, person, size):
    from caregiver_app.gui.visits.summary_page import SummaryPage

    _window, page = window_at(qtbot, ctx, size, SummaryPage)
    scroll = page.controls_scroll
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.viewport().width() >= scroll.widget().minimumSizeHint().width()
    problems = clipped_controls(scroll.widget())
    assert problems == [], "\n".join(problems)


def test_the_summary_controls_are_whole_at_large_text(qtbot, ctx, person, large_text):
    from caregiver_app.gui.visits.summary_page import SummaryPage

    _window, page = window_at(qtbot, ctx, SMALL, SummaryPage)
    scroll = page.controls_scroll
    assert not scroll.horizontalScrollBar().isVisible()
    problems = clipped_controls(scroll.widget())
    assert problems == [], "\n".join(problems)


def readable_plot(chart) -> bool:
    """The plot (inside the axes) is at least 12 lines of text tall: room for the five mood words
    and the hours side by side (it was squashed to 40-105 px)."""
    return chart.chart.plotArea().height() >= max(140, 12 * chart.fontMetrics().height())


def thirty_days(ctx, person) -> None:
    for i in range(30):
        add_entry(ctx.vault, person, date(2026, 11, 1) + timedelta(days=i), mood=list(MoodLevel)[i % 5], sleep_hours=6)


@pytest.mark.parametrize("size", [None, SMALL])
def test_the_30_day_chart_keeps_a_readable_plot(qtbot, ctx, person, size):
    from caregiver_app.gui.journal.journal_page import JournalPage

    thirty_days(ctx, person)
    _window, page = window_at(qtbot, ctx, size, JournalPage)
    qtbot.waitUntil(lambda: readable_plot(page.chart), timeout=2000)
    assert not page.right_scroll.verticalScrollBar().isVisible()  # both fit without scrolling at 1024 x 700
    assert page.list_view.height() >= 5 * page.list_view.fontMetrics().height()


def test_at_large_text_the_chart_stays_readable_and_the_column_scrolls(qtbot, ctx, person, large_text):
    from caregiver_app.gui.journal.journal_page import JournalPage

    thirty_days(ctx, person)
    window, page = window_at(qtbot, ctx, SMALL, JournalPage)
    qtbot.waitUntil(lambda: readable_plot(page.chart), timeout=2000)
    # the journal page never makes the window taller than a 700-pixel-high one
    assert page.minimumSizeHint().height() <= 700 - (window.height() - page.height())
    qtbot.waitUntil(lambda: page.right_splitter.height() > page.right_scroll.viewport().height(), timeout=2000)
    chart = page.chart  # the column scrolls instead: nothing in it runs over anything else
    assert chart.view.geometry().bottom() < chart.summary.geometry().top()
    assert chart.summary.height() >= chart.summary.heightForWidth(chart.summary.width())
    assert chart.geometry().bottom() < page.list_label.mapTo(page.right_splitter, QPoint(0, 0)).y()
    assert page.list_label.height() >= page.list_label.heightForWidth(page.list_label.width())
    assert page.right_splitter.width() <= page.right_scroll.viewport().width()  # and no sideways scrolling


@pytest.mark.parametrize("size", [None, SMALL])
def test_the_note_stays_put_while_chips_are_clicked(qtbot, ctx, person, size):
    from caregiver_app.gui.journal.journal_page import JournalPage

    window, page = window_at(qtbot, ctx, size, JournalPage)
    editor = page.editor
    editor.scroll.ensureWidgetVisible(editor.note)
    qtbot.wait(20)

    def note_top() -> int:
        return editor.note.mapTo(window, QPoint(0, 0)).y()

    where = note_top()
    for chips in (editor.activity_chips, editor.stressor_chips):
        for button in list(chips.buttons.values()) * 2:  # every chip on, then every chip off
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            qtbot.wait(5)
            assert note_top() == where, button.text()
    assert editor.stressors.text() == "" and editor.activities.text() == ""


def some_contacts(ctx, person) -> None:
    for i, (name, role) in enumerate((("Dr. Ana Li", Role.PSYCHIATRIST), ("Maria Rivera Gonzalez", Role.FAMILY),
                                      ("Peer group on Tuesdays", Role.SUPPORT_GROUP), ("Uncle Rob", Role.FAMILY),
                                      ("St. Mary's choir", Role.FAITH_COMMUNITY),
                                      ("Maximiliana Alexandrovna Featherstonehaugh-Wolfeschlegelstein of the Riverside "
                                       "Community Mental Health Outreach Team", Role.CASE_MANAGER))):
        network.save_contact(ctx.vault, Contact(None, person.id, name, role, phones=(Phone("+16175550142"),),
                                                strength=list(TieStrength)[i % 4]))


def contacts_list_at(qtbot, ctx, size):
    """The Support network page's contacts list in a window of ``size`` (None: as it opens), its
    phone column checked to be whole in view: ``(tree, phone column index, phone column width)``."""
    from caregiver_app.gui.network.network_page import LIST_COLUMNS, NetworkPage

    _window, page = window_at(qtbot, ctx, size, NetworkPage)
    page.tabs.setCurrentWidget(page.list)
    qtbot.wait(20)
    tree, header = page.list, page.list.header()
    phone = LIST_COLUMNS.index("Phone")
    left, width = header.sectionViewportPosition(phone), header.sectionSize(phone)
    assert 0 <= left and left + width <= tree.viewport().width()
    return tree, phone, width


@pytest.mark.parametrize("size", [None, SMALL, (1920, 1080)])
def test_the_contacts_list_shows_the_whole_phone_column(qtbot, ctx, person, size):
    some_contacts(ctx, person)
    tree, phone, width = contacts_list_at(qtbot, ctx, size)
    header = tree.header()
    metrics = tree.fontMetrics()
    margins = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item.text(phone) == "(617) 555-0142"  # a 110-character name does not push it aside
        assert width >= metrics.horizontalAdvance(item.text(phone))
        # every other column shows its words too: wrapped inside the row when narrow, never cut off
        needs = []
        for column in range(tree.columnCount()):
            cell = tree.visualItemRect(item)
            need = metrics.boundingRect(0, 0, header.sectionSize(column) - margins, 10_000, Qt.TextFlag.TextWordWrap,
                                        item.text(column)).height()
            assert cell.height() >= need, (LIST_COLUMNS[column], item.text(column))
            needs.append(need)
        assert tree.visualItemRect(item).height() < max(needs) + metrics.height()  # and no taller


def test_a_box_dragged_into_a_tie_s_way_is_gone_around_on_the_map(qtbot, ctx, person):
    from caregiver_app.gui.network.network_page import NetworkPage

    some_contacts(ctx, person)
    _window, page = window_at(qtbot, ctx, SMALL, NetworkPage)
    scene = page.scene
    far, moved = (next(i for i in scene.nodes.values() if i.node.name == n) for n in ("Dr. Ana Li", "Uncle Rob"))
    tie = scene.ties[far.contact_id]

    def through(box) -> bool:  # any leg of the drawn line touches the box (nominal units)
        x, y = box.nominal_pos()
        points = tie.geometry.points
        return any(segment_hits_box(a, b, x, y, NODE_W / 2, NODE_H / 2) for a, b in zip(points, points[1:]))

    assert tie.via == () and tie.path().elementCount() == 2  # straight while nothing is in its way
    assert not any(through(other) for other in scene.nodes.values() if other is not far)

    middle = far.pos() / 2  # halfway along the tie: right in its way
    moved.setPos(middle)
    assert tie.via != () and not through(moved)
    assert not any(through(other) for other in scene.nodes.values() if other is not far)
    assert tie.path().elementCount() > 2
    moved.setPos(-far.pos())  # out of the way again: straight again
    assert tie.via == () and tie.path().elementCount() == 2


@pytest.mark.parametrize("size", [SMALL, (1920, 1080)])
def test_the_summary_controls_are_as_tall_as_their_words_need(qtbot, ctx, person, size):
    """In a tall window every control shows without scrolling; in a short one the column scrolls
    just as far as its last control (it kept 170 px of empty room under them)."""
    from caregiver_app.gui.visits.summary_page import SummaryPage

    _window, page = window_at(qtbot, ctx, size, SummaryPage)
    body = page.controls_scroll.widget()
    qtbot.wait(20)
    viewport = page.controls_scroll.viewport()
    assert body.height() <= max(viewport.height(), body.heightForWidth(body.width())) + 1
    if size == (1920, 1080):
        assert not page.controls_scroll.verticalScrollBar().isVisible()
