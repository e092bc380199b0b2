"""The wrapping layout (chips under a tag field, the summary page's buttons) remembers the height
it worked out for a width, and works it out again after anything that changes it."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from caregiver_app.gui.common.tag_choices import FlowLayout


def _row(qtbot, words):
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder)
    buttons = [QPushButton(word, holder) for word in words]
    for button in buttons:
        layout.addWidget(button)
    holder.show()
    return holder, layout, buttons


def _counting(monkeypatch, layout):
    calls = []
    real = layout._arrange

    def arrange(rect, *, move):
        if not move:
            calls.append(rect.width())
        return real(rect, move=move)

    monkeypatch.setattr(layout, "_arrange", arrange)
    return calls


def test_the_height_for_a_width_is_worked_out_once(qtbot, monkeypatch):
    _holder, layout, _buttons = _row(qtbot, ["walk", "friends", "music", "rest"] * 3)
    calls = _counting(monkeypatch, layout)
    first = layout.heightForWidth(150)
    assert [layout.heightForWidth(150) for _ in range(20)] == [first] * 20
    assert calls == [150]
    assert layout.heightForWidth(600) < first  # another width: worked out afresh
    assert calls == [150, 600]


def test_a_change_of_the_items_is_seen(qtbot):
    holder, layout, buttons = _row(qtbot, ["walk", "friends", "music", "rest"] * 3)
    from PySide6.QtCore import QRect

    def worked_out_afresh() -> int:
        return layout._arrange(QRect(0, 0, 400, 0), move=False)

    heights = [layout.heightForWidth(400)]
    buttons[0].setText("a much longer name for a walk in the park with friends")
    heights.append(layout.heightForWidth(400))
    for button in buttons[1:]:
        button.hide()
    heights.append(layout.heightForWidth(400))
    added = QPushButton("sleep " * 12, holder)
    layout.addWidget(added)
    added.show()  # made after the row was shown: hidden until shown
    heights.append(layout.heightForWidth(400))
    assert heights[-1] == worked_out_afresh()
    layout.removeWidget(added)
    heights.append(layout.heightForWidth(400))
    assert heights[-1] == worked_out_afresh()
    assert heights[1] != heights[0] and heights[2] != heights[1] and heights[3] != heights[2]
    assert heights[4] == heights[2]
