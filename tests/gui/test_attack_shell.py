"""Attack-shell findings (the main window after lazy pages, a11y and layout): each test failed
before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from support import PASSPHRASE, larger_text

from caregiver_app.gui.app import create_main_window


def _unlock(qtbot, window) -> None:
    field = window.unlock_screen.ui.secretEdit
    field.clear()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_restoring_a_draft_after_a_lock_on_another_page_shows_it_in_the_journal(qtbot, ctx, person, modals,
                                                                             make_page):
    """Locked while on Scores with words typed in the journal: after unlock, Restore filled
    nothing and the window stayed on Scores; the words came only once the user went to Journal."""
    window = make_page(create_main_window, person=None, active=True)
    editor = window.go("journal").editor
    qtbot.keyClicks(editor.note, "Typed before going to Scores")
    window.go("scores")
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and window.context.vault is None)
    modals.expect(handler=lambda dialog: dialog.restore_button.click())
    _unlock(qtbot, window)
    assert not window.is_locked
    assert window.page_stack.current().name == "journal"
    assert editor.note.toPlainText() == "Typed before going to Scores"


def test_medicine_form_rows_are_as_tall_as_their_controls_at_large_text(qtbot, ctx, person, make_page, qapp):
    """At twice the text, in the main window's page room (715 x 607 at 1024 x 700), the medicine
    form wraps its long rows, but its box kept the height of unwrapped rows (its vertical size
    policy was Maximum): every field was squeezed to 28 of the 36 px it needs."""
    from PySide6.QtWidgets import QFormLayout

    from caregiver_app.gui.journal.medications_page import MedicationsPage

    with larger_text(qapp):
        page = make_page(MedicationsPage, size=(715, 607))
        qtbot.wait(20)
        form = page.details.layout()
        squeezed = []
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isVisible() and widget.height() < widget.minimumSizeHint().height():
                squeezed.append(f"{widget.objectName()}: {widget.height()} < {widget.minimumSizeHint().height()}")
        assert squeezed == []


def test_my_plans_status_line_has_the_page_width_at_large_text(qtbot, ctx, person, make_page, qapp):
    """At twice the text the save status ("No plans yet. Start with whatever feels easiest…")
    sat beside three wide buttons in a sliver of the page: ten lines of one or two words each,
    which made the button row a third of the page and took the room of the plan above."""
    from caregiver_app.gui.warning_signs.plans_page import PlansPage

    with larger_text(qapp):
        page = make_page(PlansPage, size=(1041, 817))
        qtbot.waitUntil(lambda: page.status_label.text().startswith("No plans yet"))
        qtbot.wait(20)
        label = page.status_label
        assert label.height() <= 3 * label.fontMetrics().lineSpacing() + 2 * label.margin() + 4
        assert label.geometry().bottom() <= page.height()


def test_a_long_name_without_spaces_does_not_push_the_phone_out_of_the_contacts_list(qtbot, ctx, person):
    """Names in Chinese or Japanese have no spaces: a care team's name written that way was
    measured as one unbreakable word, so the Name column took its whole length and the phone
    number went out of sight to the right (the list wraps such words anywhere)."""
    from PySide6.QtWidgets import QStyle
    from test_everyday_layout import SMALL, contacts_list_at

    from caregiver_app.domain.network import Contact, Phone, Role
    from caregiver_app.services import network

    name = "東京都立松沢病院精神科デイケア担当者の皆さま" * 4
    network.save_contact(ctx.vault, Contact(None, person.id, name, Role.CASE_MANAGER,
                                            phones=(Phone("+81312345678"),)))
    tree, _phone, _width = contacts_list_at(qtbot, ctx, SMALL)
    header = tree.header()
    item = tree.topLevelItem(0)
    margins = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    from PySide6.QtCore import Qt
    need = tree.fontMetrics().boundingRect(0, 0, header.sectionSize(0) - margins, 10_000,
                                           Qt.TextFlag.TextWordWrap, name).height()
    assert tree.visualItemRect(item).height() >= need  # the name wraps whole inside its row


LONG_NAME = "Maximiliana Alexandrovna Featherstonehaugh-Wolfeschlegelstein of Riverside-Upon-Thames Esq"


def test_a_long_name_does_not_push_the_journal_form_out_of_its_column(qtbot, ctx, make_page):
    """A name of 90 characters (120 are allowed) made the "Name (self)" choice one unbreakable
    line wider than the form's column at 1024 x 700: the whole form scrolled sideways, with the
    When field, the Now button and the heading cut off at the right."""
    from PySide6.QtWidgets import QScrollArea

    from caregiver_app.services import people

    long_one = people.add_person(ctx.vault, LONG_NAME)
    window = make_page(create_main_window, size=(1024, 700), person=None, active=True)
    window.reload_people(select_id=long_one.id)
    qtbot.wait(50)
    editor = window.go("journal").editor
    assert LONG_NAME in editor.person_radio.accessibleName()
    assert editor.person_radio.text().endswith("(self)")
    sideways = [area.horizontalScrollBar().maximum() for area in editor.findChildren(QScrollArea)]
    assert sideways and max(sideways) == 0


def test_get_help_now_fits_the_screen_at_large_text(qtbot, ctx, person, make_page, qapp):
    """Get help now opened 44 text lines tall whatever the screen: at twice the text that is
    1232 px, so on a laptop screen its Close button and the last lines were below the screen's
    edge (its words scroll inside it, so it can be as short as the screen)."""
    with larger_text(qapp):
        window = make_page(create_main_window, person=None, active=True)
        window.show_get_help()
        shown = window.get_help.window
        qtbot.waitExposed(shown)
        screen = shown.screen().availableGeometry()
        assert shown.frameGeometry().height() <= screen.height()
        assert shown.width() <= screen.width()
        assert shown.close_button.isVisible()


def test_get_help_now_keeps_a_long_name_inside_its_width(qtbot, ctx, make_page):
    """"Write <name>'s safety plan" is a button (its words never wrap): with a 90-character name
    it was wider than the window, and the crisis numbers' words were cut off at the right."""
    from caregiver_app.services import people

    long_one = people.add_person(ctx.vault, LONG_NAME)
    window = make_page(create_main_window, person=None, active=True)
    window.reload_people(select_id=long_one.id)
    window.show_get_help()
    shown = window.get_help.window
    qtbot.waitExposed(shown)
    qtbot.wait(50)
    assert shown.open_plan_button.text().endswith("'s safety plan")
    assert shown.body.width() <= shown.scroll.viewport().width()
