"""A damaged or missing page file: the rest of the library, the journal's hints and the links keep
working (a half-written install or a disk error must not take the warning signs away, nor stop the
window from opening after unlock)."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from caregiver_app.content import warning_sign_search
from caregiver_app.content import warning_signs as education
from caregiver_app.domain.model import SymptomRating
from caregiver_app.gui.warning_signs.signs_page import WarningSignsPage
from caregiver_app.services import warning_signs as library

SHIPPED = Path(str(resources.files("caregiver_app.content") / "warning_signs"))


def _forget_parsed_pages() -> None:
    for cached in (education._templates, education._cached, education._by_id, warning_sign_search._index,
                   warning_sign_search._vocabulary):
        cached.cache_clear()


@pytest.fixture
def damaged_folder(tmp_path, monkeypatch):
    """The shipped pages, with the stroke page cut off half-way and the falls page gone."""
    folder = tmp_path / "education"
    shutil.copytree(SHIPPED, folder)
    stroke = (folder / "stroke.md").read_text(encoding="utf-8")
    (folder / "stroke.md").write_text(stroke[: len(stroke) // 3], encoding="utf-8")
    (folder / "falls.md").unlink()
    (folder / "sepsis.md").write_bytes(b"\xff\xfe\x00garbage")
    monkeypatch.setattr(education, "_folder", lambda: folder)
    _forget_parsed_pages()
    yield folder
    _forget_parsed_pages()


def test_a_damaged_page_is_left_out_and_the_others_load(damaged_folder):
    ids = {p.id for p in library.load_pages(library.help_words("US"))}
    assert "stroke" not in ids and "falls" not in ids and "sepsis" not in ids
    assert {"heart-attack", "suicide-risk", "delirium"} <= ids
    assert library.search("chest pain", library.help_words("US"))
    hints = library.entry_hints([SymptomRating("Hopelessness", 9)], library.help_words("US"))
    assert hints.urgent and hints.urgent[0].page_id == "suicide-risk"


def test_the_library_opens_with_a_damaged_page_and_a_link_to_it_says_so(qtbot, damaged_folder):
    widget = WarningSignsPage()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    assert "stroke" not in widget.visible_page_ids() and "heart-attack" in widget.visible_page_ids()
    assert widget.open_page("heart-attack")
    # The heart-attack page links to the stroke page, which could not be read.
    assert not widget.open_page("stroke")
    assert widget.current_page_id == "heart-attack"
    assert "could not be opened" in widget.result_label.text()
    assert widget.result_label.isVisible()
    # Once another page opens, the message goes (it was about that one click).
    assert widget.open_page("sepsis") is False
    widget.tree.setCurrentItem(widget._items["delirium"])  # a click on another topic
    assert widget.current_page_id == "delirium" and not widget.result_label.isVisible()
    widget.search("chest pain")
    assert widget.open_page("stroke") is False and widget.open_page("heart-attack")
    assert widget.result_label.isVisible() and "match “chest pain”" in widget.result_label.text()


def test_the_library_opens_with_no_pages_at_all(qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "education"
    empty.mkdir()
    monkeypatch.setattr(education, "_folder", lambda: empty)
    _forget_parsed_pages()
    try:
        widget = WarningSignsPage()
        qtbot.addWidget(widget)
        widget.resize(900, 700)
        widget.show()
        qtbot.waitExposed(widget)
        assert widget.visible_page_ids() == []
        assert library.entry_hints([SymptomRating("Hopelessness", 9)]).is_empty
    finally:
        _forget_parsed_pages()
