"""The preview holds drawn page images only while it is on screen: hidden, the view gets an empty
document (its cache of drawn pages goes); shown again, the same PDF is back at the same page and
zoom, and a PDF that arrives while hidden is shown at the page the user was on."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from caregiver_app.gui.visits.summary_preview import PdfPreview, return_freed_memory


def pdf_of(pages: int, word: str = "Page") -> bytes:
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=letter)
    for number in range(1, pages + 1):
        drawing.drawString(72, 700, f"{word} {number}")
        drawing.showPage()
    drawing.save()
    return out.getvalue()


@pytest.fixture
def preview(make_page) -> PdfPreview:
    return make_page(lambda _ctx: PdfPreview(), (600, 500), person=None)


def test_hidden_preview_lets_go_of_its_pages_and_comes_back_where_it_was(qtbot, preview):
    preview.set_pdf(pdf_of(6))
    preview.zoom_in()
    zoom = preview.view.zoomFactor()
    preview.go_to(3)
    qtbot.waitUntil(lambda: preview.current_page() == 3)
    assert preview.view.document() is preview.document

    preview.hide()
    assert preview.view.document() is not preview.document
    assert preview.view.document().pageCount() == 0  # nothing left to draw or cache
    assert preview.current_page() == 3 and preview.page_count() == 6  # the PDF itself is kept

    preview.show()
    assert preview.view.document() is preview.document
    qtbot.waitUntil(lambda: preview.view.pageNavigator().currentPage() == 3)
    assert preview.page_label.text() == "Page 4 of 6"
    assert preview.view.zoomFactor() == zoom


def test_a_pdf_that_arrives_while_hidden_shows_at_the_users_page(qtbot, preview):
    preview.set_pdf(pdf_of(6))
    preview.go_to(4)
    preview.hide()
    preview.set_pdf(pdf_of(3, "Again"))  # a rebuild finished on a worker while another page was shown
    preview.next_page()  # keys still move the page it will show
    assert preview.current_page() == 2
    assert preview.view.document().pageCount() == 0

    preview.show()
    qtbot.waitUntil(lambda: preview.view.pageNavigator().currentPage() == 2)
    assert preview.page_count() == 3 and preview.page_label.text() == "Page 3 of 3"
    assert not preview.next_button.isEnabled()


def test_returning_freed_memory_is_safe_to_call_anywhere():
    return_freed_memory()
    return_freed_memory()
