"""Colours and sizes: text and controls stand out from what is behind them in light and dark
schemes (WCAG 2.x ratios computed from the palette), the mood chart's words get their room at
large text, and the checks of checks.py do find what they look for."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from checks import (
    SCHEMES_FOR_TESTS,
    clipped_text,
    contrast,
    palette_contrast,
    tab_cycle,
    unbuddied_labels,
    unnamed_controls,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget

from caregiver_app.domain.summary import DayPoint
from caregiver_app.gui.common.visible_style import NON_TEXT_CONTRAST, VisibleStyle, control_edge, focus_colour
from caregiver_app.gui.journal.mood_chart import MoodChart


@pytest.mark.parametrize("scheme", SCHEMES_FOR_TESTS)
def test_text_stands_out_4_5_to_1_and_controls_3_to_1(scheme, qapp):
    palette = SCHEMES_FOR_TESTS[scheme]()
    low = {name: round(ratio, 2) for name, ratio in palette_contrast(palette).items() if ratio < 4.5}
    assert not low, f"text below 4.5:1 in the {scheme} scheme: {low}"
    window, base = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)
    assert contrast(control_edge(palette), window) >= NON_TEXT_CONTRAST
    assert contrast(control_edge(palette), base) >= NON_TEXT_CONTRAST - 0.5 or contrast(window, base) < 1.2
    assert contrast(focus_colour(palette), window) >= NON_TEXT_CONTRAST
    assert contrast(focus_colour(palette), base) >= NON_TEXT_CONTRAST


def _ring_contrast(qtbot, palette: QPalette, style) -> float:
    """The strongest contrast between the window and any pixel of an unchecked radio button's
    indicator, as drawn."""
    radio = QRadioButton("Not chosen")
    qtbot.addWidget(radio)
    radio.setPalette(palette)
    if style is not None:
        radio.setStyle(style)
    radio.resize(radio.sizeHint())
    image = radio.grab().toImage()
    window = palette.color(QPalette.ColorRole.Window)
    side = min(image.height(), image.width())
    return max(contrast(image.pixelColor(QPoint(x, y)), window) for x in range(side) for y in range(image.height()))


@pytest.mark.parametrize("scheme", SCHEMES_FOR_TESTS)
def test_an_unchecked_radio_button_is_easy_to_see(scheme, qtbot, qapp):
    palette = SCHEMES_FOR_TESTS[scheme]()
    style = VisibleStyle("Fusion")
    assert _ring_contrast(qtbot, palette, style) >= NON_TEXT_CONTRAST


def test_the_plain_style_was_hard_to_see_in_the_dark(qtbot, qapp):
    """The defect the style fixes (so the test above can fail): in plain Fusion the ring all but
    vanished."""
    from PySide6.QtWidgets import QStyleFactory

    plain = QStyleFactory.create("Fusion")
    assert _ring_contrast(qtbot, SCHEMES_FOR_TESTS["dark"](), plain) < NON_TEXT_CONTRAST


def test_the_focus_outline_is_drawn_solid_in_the_focus_colour(qtbot, qapp):
    palette = SCHEMES_FOR_TESTS["dark"]()
    radio = QRadioButton("Focused")
    qtbot.addWidget(radio)
    radio.setPalette(palette)
    radio.setStyle(VisibleStyle("Fusion"))
    radio.resize(radio.sizeHint())
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect

    image = radio.grab().toImage()
    painter = QPainter(image)
    option = QStyleOptionFocusRect()
    option.initFrom(radio)
    option.rect = image.rect()
    radio.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, radio)
    painter.end()
    assert image.pixelColor(QPoint(1, image.height() // 2)) == focus_colour(palette)


def test_a_button_reached_by_keyboard_gets_the_strong_outline(qtbot, qapp):
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    palette = SCHEMES_FOR_TESTS["dark"]()
    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.setPalette(palette)
    style = VisibleStyle("Fusion")
    button.setStyle(style)
    button.resize(button.sizeHint())
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.state |= QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
    image = QImage(button.size(), QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    style.drawControl(QStyle.ControlElement.CE_PushButton, option, painter, button)
    painter.end()
    assert image.pixelColor(QPoint(1, image.height() // 2)) == focus_colour(palette)


def test_the_mood_chart_gives_its_level_words_their_room_at_twice_the_text(qtbot, big_text):
    chart = MoodChart()
    qtbot.addWidget(chart)
    start = date(2026, 11, 2)
    chart.set_points([DayPoint(start + timedelta(days=i), i % 5 + 1, 6 + i % 4, 1) for i in range(30)])
    chart.resize(420, 420)
    chart.show()
    qtbot.waitExposed(chart)
    metrics = chart.view.fontMetrics()
    words = max(metrics.horizontalAdvance(label) for label in chart.mood_axis.categoriesLabels())
    plot = chart.chart.plotArea()
    assert plot.left() >= chart.chart.margins().left() + words
    assert plot.right() <= chart.view.width() and plot.width() > 50
    assert not chart.mood_axis.isTitleVisible()  # it was drawn over "4 good"


def test_the_checks_find_what_they_look_for(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    form = QFormLayout()
    form.addRow(QLabel("Name"), QLineEdit())  # a label not tied to its field
    layout.addLayout(form)
    layout.addWidget(QPushButton(""))  # a button with no name
    squeezed = QLabel("Words that need far more room than they get")
    squeezed.setFixedWidth(40)
    layout.addWidget(squeezed)
    trap = QPlainTextEdit()  # Tab types a tab here: the focus never leaves
    layout.addWidget(trap)
    layout.addWidget(QPushButton("After the trap"))
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(lambda: root.isActiveWindow(), timeout=2000)
    assert any("PushButton" in x for x in unnamed_controls(root))
    assert any("'Name'" in x for x in unbuddied_labels(root))
    assert any("Words that need" in x for x in clipped_text(root))
    _visited, problems = tab_cycle(root)
    assert any("stuck" in x for x in problems) and any("After the trap" in x for x in problems)


@pytest.mark.parametrize("scheme", SCHEMES_FOR_TESTS)
def test_the_calendar_s_dimmed_days_stay_readable(scheme, qapp):
    from caregiver_app.gui.common.visible_style import mix
    from caregiver_app.gui.journal.month_calendar import OUT_OF_MONTH_DIM

    palette = SCHEMES_FOR_TESTS[scheme]()
    base = palette.color(QPalette.ColorRole.Base)
    dimmed = mix(palette.color(QPalette.ColorRole.Text), base, 1 - OUT_OF_MONTH_DIM)
    assert 4.5 <= contrast(dimmed, base) < contrast(palette.color(QPalette.ColorRole.Text), base)


@pytest.mark.parametrize("scheme", SCHEMES_FOR_TESTS)
def test_the_ecomap_s_role_words_stay_readable(scheme, qapp):
    """The ecomap wrote roles and sectors in the theme's placeholder colour: 3.95:1 on white."""
    from caregiver_app.gui.network.ecomap import Colours

    palette = SCHEMES_FOR_TESTS[scheme]()
    colours = Colours(palette)
    assert 4.5 <= contrast(colours.muted, colours.base) < contrast(colours.ink, colours.base)


def test_see_through_colours_are_measured_as_drawn():
    half_black = QColor(0, 0, 0, 128)
    assert 3.8 < contrast(half_black, QColor("white")) < 4.1  # #808080 on white, not black on white


def test_the_box_and_ring_grow_with_the_text(qtbot, qapp, big_text):
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleFactory

    box = QCheckBox("Symptom table")
    qtbot.addWidget(box)
    plain = QStyleFactory.create("Fusion")
    style = VisibleStyle("Fusion")
    box.setStyle(style)
    line = box.fontMetrics().height()
    for metric in (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight):
        assert style.pixelMetric(metric, None, box) >= round(line * 0.75)
        assert plain.pixelMetric(metric, None, box) < line * 0.75  # the plain style kept them small
