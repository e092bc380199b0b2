"""The Warning signs page through its real widgets: every page renders with its tiers in words
and icons, every link resolves, Back and Forward work, search filters the topics."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument

from caregiver_app.gui.common.page_view import TIER_SCHEME
from caregiver_app.gui.warning_signs.signs_page import WarningSignsPage
from caregiver_app.services import warning_signs as library
from caregiver_app.services.warning_signs import Tier

PAGE_IDS = [p.id for p in library.load_pages()]


@pytest.fixture
def lib(qtbot):
    widget = WarningSignsPage()
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_text(widget: WarningSignsPage) -> str:
    return widget.view.toPlainText()


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_page_renders_with_every_tier_in_words_and_icons(lib, page_id):
    assert lib.open_page(page_id)
    page = library.page(page_id)
    text = shown_text(lib)
    assert text.startswith(page.title)
    signs_part = text.split("Signs to watch for", 1)[1].split("What to do", 1)[0]
    for tier in Tier:
        expected = sum(1 for s in page.signs if s.tier is tier)
        assert signs_part.count(tier.label) == expected, (tier, expected)
    for sign in page.signs:
        assert sign.text in " ".join(text.split()), sign.text
    html = lib.view.toHtml()
    for tier in {s.tier for s in page.signs}:
        assert f'src="{TIER_SCHEME}:{tier.value}"' in html
        image = lib.view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(f"{TIER_SCHEME}:{tier.value}"))
        assert isinstance(image, QImage) and not image.isNull()
    assert "[EMERGENCY]" not in text and "[CALL-SOON]" not in text and "<!--" not in text
    # Each page ends with its sources (title and address), the review date and its limits.
    for source in page.sources:
        assert source.title in text and source.url in text
    assert f"Last reviewed: {page.last_reviewed.day} " in text
    assert "information, not a diagnosis" in text.split("Sources")[-1]


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_link_resolves_in_the_gui(lib, page_id, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    lib.open_page(page_id)
    links = lib.view.page_links()
    page_links = [h for h in links if h.startswith("page:")]
    unique = list(dict.fromkeys(h.removeprefix("page:") for h in page_links))
    assert unique == library.links(library.page(page_id))
    for href in dict.fromkeys(page_links):
        lib.open_page(page_id)
        lib.view.anchorClicked.emit(QUrl(href))
        assert lib.current_page_id == href.removeprefix("page:")
        assert shown_text(lib).startswith(library.page(lib.current_page_id).title)
        lib.back()
        assert lib.current_page_id == page_id
    web = [h for h in links if not h.startswith("page:")]
    assert web and all(QUrl(h).isValid() and QUrl(h).scheme() in ("http", "https") for h in web)
    lib.view.anchorClicked.emit(QUrl(web[0]))
    assert opened == [QUrl(web[0])]


def test_the_start_view_explains_the_tiers_and_the_limits(lib):
    assert lib.current_page_id == ""
    text = shown_text(lib)
    for tier in Tier:
        assert tier.label in text and tier.action in text
    assert "information, not a diagnosis" in text
    assert "Ctrl+Shift+H" in text
    assert "information, not a diagnosis" in lib.limits_label.text()


def test_back_and_forward_with_alt_arrows(qtbot, lib):
    lib.open_page("stroke")
    lib.view.anchorClicked.emit(QUrl("page:falls"))
    assert lib.current_page_id == "falls"
    lib.view.setFocus()
    qtbot.keyClick(lib.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert lib.current_page_id == "stroke"
    qtbot.keyClick(lib.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert lib.current_page_id == ""
    assert not lib.back_button.isEnabled()
    qtbot.keyClick(lib.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(lib.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert lib.current_page_id == "falls" and not lib.forward_button.isEnabled()
    qtbot.mouseClick(lib.back_button, Qt.MouseButton.LeftButton)
    lib.open_page("sepsis")  # a new page drops the forward history
    assert not lib.forward_button.isEnabled()
    assert not lib.open_page("no-such-page") and lib.current_page_id == "sepsis"


def test_choosing_a_topic_opens_it(qtbot, lib):
    item = lib._items["heart-attack"]
    lib.tree.setCurrentItem(item)
    assert lib.current_page_id == "heart-attack"
    lib.open_page("falls")
    assert lib.tree.currentItem() is lib._items["falls"]


def test_search_filters_the_topics_and_enter_opens_the_first(qtbot, lib):
    qtbot.keyClick(lib, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert lib.search_edit.hasFocus()
    qtbot.keyClicks(lib.search_edit, "chest pain")
    assert set(lib.visible_page_ids()) == {p.id for p in library.search("chest pain")}
    assert "heart-attack" in lib.visible_page_ids() and "stroke" not in lib.visible_page_ids()
    assert "match" in lib.result_label.text()
    qtbot.keyClick(lib.search_edit, Qt.Key.Key_Return)
    assert lib.current_page_id == library.search("chest pain")[0].id
    lib.search("zebra unicorn")
    assert lib.visible_page_ids() == [] and "No page matches" in lib.result_label.text()
    lib.search("")
    assert len(lib.visible_page_ids()) == len(PAGE_IDS) and lib.result_label.isHidden()


def test_large_text_makes_bigger_icons(lib):
    lib.open_page("stroke")
    small = lib.view.icon_size()
    font = lib.view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    lib.view.setFont(font)
    assert lib.view.icon_size() >= small * 1.8
    assert f'width="{lib.view.icon_size()}"' in lib.view.toHtml()
    assert lib.view.document().defaultFont().pointSizeF() == pytest.approx(font.pointSizeF())


def test_clear_forgets_the_search_and_the_history(lib):
    lib.search("stroke")
    lib.open_page("stroke")
    lib.clear()
    assert lib.search_edit.text() == "" and lib.current_page_id == "" and not lib.back_button.isEnabled()


@pytest.mark.parametrize("typed", ["x" * 5000, "https://example.org/" + "a" * 300, "<b>bold</b><img src='x'>" * 3])
def test_hostile_search_words_are_shown_short_and_as_plain_text(lib, typed):
    """A long paste without spaces must not stretch the window past the screen, and words that
    look like HTML are shown as typed, never drawn."""
    lib.search(typed)
    assert lib.result_label.isVisible()
    assert lib.result_label.textFormat() == Qt.TextFormat.PlainText
    assert len(lib.result_label.text()) < 200
    assert lib.minimumSizeHint().width() < 1000
    if "<b>" in typed:
        assert "<b>bold</b>" in lib.result_label.text()


def test_topic_titles_wrap_instead_of_being_cut_off_at_large_text(qtbot):
    """With large text the topic list is narrower than the long titles: each title wraps onto a
    second line (its row grows) rather than ending in "…"."""
    widget = WarningSignsPage()
    qtbot.addWidget(widget)
    font = widget.font()
    font.setPointSize(20)
    widget.setFont(font)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    tree = widget.tree
    from PySide6.QtCore import QRect

    wrapped = 0
    for page_id, item in widget._items.items():
        rect = tree.visualItemRect(item)
        metrics = tree.fontMetrics()  # topic items draw in the list's font
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 10_000), int(Qt.TextFlag.TextWordWrap), item.text(0))
        assert rect.height() >= needed.height(), page_id
        wrapped += rect.height() >= 2 * metrics.height()
    assert wrapped  # the check above really met long titles
    # Narrower still: the rows grow again.
    before = tree.visualItemRect(widget._items["elder-abuse"]).height()
    widget.splitter.setSizes([180, 820])
    qtbot.waitUntil(lambda: tree.visualItemRect(widget._items["elder-abuse"]).height() > before)
