"""Issue 16, the visit summary preview's latency: for a long range the page starts its PDF child
before it reads the vault (the child loads reportlab and the fonts meanwhile), and a child that was
killed asks for Update the preview, not a restart of the app."""

from __future__ import annotations

from contextlib import contextmanager

from caregiver_app.gui.visits import summary_page
from caregiver_app.services import pdf_child, summary
from support import add_entries, shown_window


def record_the_build(monkeypatch) -> list[str]:
    order: list[str] = []
    real_ahead, real_read, real_pdf = pdf_child.ready_ahead, summary.build_summary, pdf_child.summary_pdf_bytes

    @contextmanager
    def ready_ahead(**options):
        order.append("child started")
        with real_ahead(**options):
            yield
        order.append("child block left")

    def build_summary(*args, **kwargs):
        order.append("vault read")
        return real_read(*args, **kwargs)

    def summary_pdf_bytes(data, **options):
        order.append("pdf built")
        return real_pdf(data, **options)

    monkeypatch.setattr(pdf_child, "ready_ahead", ready_ahead)
    monkeypatch.setattr(summary, "build_summary", build_summary)
    monkeypatch.setattr(pdf_child, "summary_pdf_bytes", summary_pdf_bytes)
    return order


def test_for_a_long_range_the_page_starts_its_pdf_child_before_it_reads_the_vault(qtbot, context, vault, person,
                                                                                 monkeypatch):
    add_entries(vault, person.id, 5)
    window = shown_window(qtbot, context, vault)
    page = window.go("summary")
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=10000)
    order = record_the_build(monkeypatch)
    page.custom_button.setChecked(True)
    page.start_edit.setDate(page.end_edit.date().addDays(-(summary_page.AHEAD_AFTER_DAYS + 1)))
    qtbot.waitUntil(lambda: "child block left" in order, timeout=10000)
    assert order == ["child started", "vault read", "pdf built", "child block left"]


def test_for_the_quick_ranges_the_child_starts_after_the_read(qtbot, context, vault, person, monkeypatch):
    """A 30-day read takes ~25 ms: starting the child first would only compete with showing the page."""
    add_entries(vault, person.id, 5)
    order = record_the_build(monkeypatch)
    window = shown_window(qtbot, context, vault)
    page = window.go("summary")
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=10000)
    assert order and "child started" not in order and order[:2] == ["vault read", "pdf built"]


def test_a_killed_child_asks_for_update_the_preview_not_a_restart(qtbot, context, vault, person, monkeypatch, modals):
    add_entries(vault, person.id, 3)

    def killed(data, **options):
        raise pdf_child.PdfChildStopped("stopped")  # as a child ended by kill -9 or the out-of-memory killer

    monkeypatch.setattr(pdf_child, "summary_pdf_bytes", killed)
    modals.expect()
    window = shown_window(qtbot, context, vault)
    page = window.go("summary")
    qtbot.waitUntil(lambda: bool(modals.seen), timeout=10000)
    shown = modals.seen[-1]
    assert shown.title == "The preview could not be made"
    assert "Update the preview" in shown.text and "restart" not in shown.text
    assert page.preview_label.text() == "The preview could not be made."


def test_an_error_inside_the_child_keeps_the_general_message(qtbot, context, vault, person, monkeypatch, modals):
    """Not a kill but a fault in the build: making the preview again would fail again."""
    add_entries(vault, person.id, 3)

    def broken(data, **options):
        raise pdf_child.PdfChildFailed("KeyError")

    monkeypatch.setattr(pdf_child, "summary_pdf_bytes", broken)
    modals.expect()
    window = shown_window(qtbot, context, vault)
    window.go("summary")
    qtbot.waitUntil(lambda: bool(modals.seen), timeout=10000)
    assert "restart the app" in modals.seen[-1].text
