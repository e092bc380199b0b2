"""The Support network page through real widgets and a real vault: the ecomap scene, dragging
and saving places, the keyboard alternative, the contact editor, gaps, PNG/SVG export and the
vCard import with its duplicates dialog."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog

from caregiver_app.domain.network import Contact, Phone, PhoneKind, Role, SupportDirection, SupportType, TieStrength
from caregiver_app.gui.network.contact_editor import ContactEditor
from caregiver_app.gui.network.ecomap import TieItem
from caregiver_app.gui.network.network_page import NetworkPage
from caregiver_app.gui.network.vcard_dialog import DuplicatesDialog
from caregiver_app.services import network as cs
from caregiver_app.services.vcards import Decision


@pytest.fixture
def ctx(ctx):
    ctx.settings.country = "US"
    return ctx


@pytest.fixture
def network(vault, person):
    made = {}
    for name, role, strength, direction, support in (
        ("Dr. Ana Li", Role.PSYCHIATRIST, TieStrength.STRONG, SupportDirection.TO_PERSON, {SupportType.INFORMATION}),
        ("Maria Rivera", Role.FAMILY, TieStrength.MODERATE, SupportDirection.BOTH, {SupportType.EMOTIONAL}),
        ("Peer group", Role.SUPPORT_GROUP, TieStrength.TENUOUS, SupportDirection.BOTH, set()),
        ("Uncle Rob", Role.FAMILY, TieStrength.STRESSFUL, SupportDirection.FROM_PERSON, set()),
    ):
        made[name] = cs.save_contact(vault, Contact(None, person.id, name, role, phones=(Phone("+16175550142"),) if name == "Dr. Ana Li" else (),
                                                    strength=strength, direction=direction, support=frozenset(support)))
    return made


@pytest.fixture
def page(make_page, network):
    return make_page(NetworkPage, (1100, 760))


def test_scene_has_the_person_every_contact_and_the_ecomap_line_styles(page, network):
    scene = page.scene
    assert scene.person_item.name == "Sam Rivera"
    assert set(scene.nodes) == {c.id for c in network.values()}
    assert all(isinstance(t, TieItem) for t in scene.ties.values())
    ties = {name: scene.ties[c.id] for name, c in network.items()}
    strong, moderate, tenuous, stressful = (ties[n] for n in ("Dr. Ana Li", "Maria Rivera", "Peer group", "Uncle Rob"))
    assert strong.pen().widthF() > moderate.pen().widthF()
    assert moderate.pen().style() == Qt.PenStyle.SolidLine and moderate.path().elementCount() == 2
    assert tenuous.pen().style() == Qt.PenStyle.CustomDashLine
    assert stressful.pen().style() == Qt.PenStyle.SolidLine and stressful.path().elementCount() > 6
    assert len(strong.geometry.arrowheads) == 1 and len(moderate.geometry.arrowheads) == 2
    assert set(scene.sector_labels) >= {s for s in (network["Dr. Ana Li"].sector, network["Maria Rivera"].sector)}
    assert scene.legend is not None
    # The legend sits below everything else, so it never covers a contact.
    assert all(scene.legend.sceneBoundingRect().top() > n.sceneBoundingRect().bottom() for n in scene.nodes.values())


def _drag(view, item, by: QPointF, moves: bool = True) -> None:
    viewport = view.viewport()
    start = view.mapFromScene(item.pos())
    end = view.mapFromScene(item.pos() + by)
    steps = [(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)]
    if moves:
        steps += [(QEvent.Type.MouseMove, start + QPoint(3, 3), Qt.MouseButton.LeftButton),
                  (QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton)]
    steps.append((QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton))
    for kind, where, buttons in steps:
        event = QMouseEvent(kind, QPointF(where), viewport.mapToGlobal(QPointF(where)), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


def test_drag_to_arrange_saves_the_place(page, ctx, person, network):
    contact = network["Maria Rivera"]
    item = page.scene.nodes[contact.id]
    before = item.pos()
    tie_before = page.scene.ties[contact.id].geometry.points[-1]
    _drag(page.view, item, QPointF(120, 40))
    moved = page.scene.nodes[contact.id].pos()
    assert moved != before
    assert page.scene.ties[contact.id].geometry.points[-1] != tie_before  # the line follows
    saved = cs.get_contact(ctx.vault, contact.id).position
    assert saved == pytest.approx((moved.x() / page.scene.unit, moved.y() / page.scene.unit), abs=0.1)
    page.set_person(person)  # read again from the vault
    again = page.scene.nodes[contact.id].pos()
    assert (again.x(), again.y()) == pytest.approx((moved.x(), moved.y()), abs=0.2)
    # "Put back in place" forgets it.
    page.tidy_button.click()
    assert cs.get_contact(ctx.vault, contact.id).position is None


def test_a_click_opens_the_contact(page, modals, network):
    item = page.scene.nodes[network["Peer group"].id]
    opened = []
    modals.expect(handler=lambda d: opened.append(d.name_edit.text()) or QDialog.DialogCode.Rejected)
    _drag(page.view, item, QPointF(0, 0), moves=False)
    assert opened == ["Peer group"]
    assert page.scene.selected_contact_id() == network["Peer group"].id


def test_keyboard_chooses_moves_and_opens_contacts_on_the_map(page, ctx, qtbot, modals, network):
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    first = page.scene.selected_contact_id()
    assert first is not None
    assert page.open_button.isEnabled()
    assert page.view.accessibleDescription().startswith(page.scene.nodes[first].node.name)
    before = page.scene.nodes[first].pos()
    qtbot.keyClick(page.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert page.scene.nodes[first].pos().x() > before.x()
    assert cs.get_contact(ctx.vault, first).position is not None
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    second = page.scene.selected_contact_id()
    assert second != first and page.scene.nodes[second].pos().y() > page.scene.nodes[first].pos().y()
    opened = []
    modals.expect(handler=lambda d: opened.append((type(d), d.name_edit.text())) or QDialog.DialogCode.Rejected)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [(ContactEditor, page.scene.nodes[second].node.name)]


def test_zoom_keys_and_fit(page, qtbot):
    page.view.fit()
    fitted = page.view.zoom()
    qtbot.keyClick(page.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.view.zoom() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(page.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert page.view.zoom() < fitted
    qtbot.keyClick(page.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.view.zoom() == pytest.approx(fitted)


def test_list_has_the_same_content_and_opens_with_enter(page, qtbot, modals, network):
    page.tabs.setCurrentWidget(page.list)
    rows = {}
    for i in range(page.list.topLevelItemCount()):
        item = page.list.topLevelItem(i)
        rows[item.text(0)] = [item.text(c) for c in range(page.list.columnCount())]
    assert set(rows) == set(network)
    assert rows["Dr. Ana Li"][1:4] == ["(617) 555-0142", "Psychiatrist (care team)",
                                       "Strong (thick solid line), mostly to Sam Rivera"]
    assert rows["Uncle Rob"][3] == "Stressful (zig-zag line), mostly from Sam Rivera"
    assert rows["Maria Rivera"][1:4] == ["—", "Family (family and friends)", "Moderate (solid line), both ways"]
    assert page.list.accessibleName() == "Contacts"
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    chosen = page.list.currentItem().text(0)
    opened = []
    modals.expect(handler=lambda d: opened.append(d.name_edit.text()) or QDialog.DialogCode.Rejected)
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert opened == [chosen]


def test_editor_refuses_a_bad_phone_and_saves_a_good_one(page, ctx, person, modals, qtbot):
    seen = []

    def fill(dialog: ContactEditor):
        dialog.name_edit.setText("Bo Smith")
        dialog.role_box.setCurrentIndex(dialog.role_box.findData(Role.NEIGHBOUR))
        dialog.phone_rows[0].number.setText("555-12")
        dialog.support_checks[SupportType.PRACTICAL].setChecked(True)
        dialog.strength_buttons[TieStrength.STRONG].setChecked(True)
        dialog.accept()
        seen.append((dialog.problem_label.isVisibleTo(dialog), dialog.problem_label.text(), dialog.result()))
        assert cs.list_contacts(ctx.vault, person.id).__len__() == 4  # nothing saved yet
        dialog.phone_rows[0].number.setText("617 555 0100")
        dialog.touch_today.click()
        dialog.accept()
        return dialog.result()

    modals.expect(handler=fill)
    page.add_contact()
    assert seen[0][0] is True and "not a complete phone number in the United States" in seen[0][1]
    assert seen[0][2] == QDialog.DialogCode.Rejected
    bo = next(c for c in cs.list_contacts(ctx.vault, person.id) if c.name == "Bo Smith")
    assert bo.phones == (Phone("+16175550100", PhoneKind.MOBILE, "US"),)
    assert bo.last_in_touch == date(2026, 11, 30) and bo.role is Role.NEIGHBOUR
    assert bo.id in page.scene.nodes and page.scene.selected_contact_id() == bo.id
    assert "Saved Bo Smith." in page.status.text()
    # Practical help is no longer a gap.
    assert "rides, meals or errands" not in page.gaps.gaps.text()


def test_gaps_panel_words(page):
    text = page.gaps.gaps.text()
    assert "No one is listed for rides, meals or errands yet." in text
    assert "No one is listed yet to call in a crisis." in text
    assert page.gaps.counts.text() == "4 people and groups: 1 in the care team (clinical) and 3 others (nonclinical)."
    assert "Uncle Rob" in page.gaps.stress.text()
    assert "Not written down yet".lower() in page.gaps.touch.text().lower()


def test_delete_and_undo(page, ctx, person, modals, network):
    page.select_contact(network["Uncle Rob"].id)
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Keep them").click())
    page.delete_button.click()
    assert "Uncle Rob" in {c.name for c in cs.list_contacts(ctx.vault, person.id)}  # the safe answer keeps them
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete contact").click())
    page.delete_button.click()
    assert "Uncle Rob" not in {c.name for c in cs.list_contacts(ctx.vault, person.id)}
    assert page.undo_button.isVisible()
    page.undo_button.click()
    assert "Uncle Rob" in {c.name for c in cs.list_contacts(ctx.vault, person.id)}


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_the_map(page, modals, tmp_path, suffix):
    target = tmp_path / f"ecomap{suffix}"
    modals.expect(result=(str(target), ""))
    page.export_map()
    assert target.exists() and target.stat().st_size > 1000
    if suffix == ".png":
        image = QImage(str(target))
        assert not image.isNull()
        rect = page.scene.export_rect()
        assert image.width() == pytest.approx(rect.width() * 2, abs=2)
        assert image.pixelColor(2, 2).name() == "#ffffff"  # black on white, whatever the theme
    else:
        root = ET.parse(target).getroot()
        ns = {"svg": "http://www.w3.org/2000/svg"}
        assert root.find("svg:title", ns).text == "Ecomap"
        text = target.read_text(encoding="utf-8")
        assert "Sam Rivera" not in root.find("svg:desc", ns).text
        assert "stroke-dasharray" in text  # the tenuous tie
        assert "Uncle Rob" in text


def test_vcard_import_asks_about_duplicates(page, ctx, person, modals, tmp_path, network):
    path = tmp_path / "phone.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Li;Ana;;;\r\n"
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ana Li\r\nTEL;CELL:617-555-0142\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 Ortiz\r\n"
        b"TEL;HOME:617-555-0111\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Rob Uncle\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nEND:VCARD\r\n"
    )
    modals.expect(result=(str(path), ""))
    pairs_seen = []

    def choose(dialog: DuplicatesDialog):
        pairs_seen.append(sorted(dialog.decisions()))
        dialog.set_choice(2, Decision.SKIP)
        dialog.accept()
        return dialog.result()

    modals.expect(handler=choose)
    modals.expect()  # the summary
    page.import_vcards()
    assert pairs_seen == [[0, 2]]  # Ana by phone, Rob by name
    summary = modals.seen[-1]
    assert "Added 1 contact." in summary.text and "Merged 1" in summary.text and "Left out 1" in summary.text
    assert "Card 4 was skipped" in summary.text
    names = sorted(c.name for c in cs.list_contacts(ctx.vault, person.id))
    assert names == ["Dr. Ana Li", "José Ortiz", "Maria Rivera", "Peer group", "Uncle Rob"]
    assert "José Ortiz" in {n.node.name for n in page.scene.nodes.values()}


def test_lock_drops_everything(page):
    page.clear()
    assert page.scene.nodes == {} and page.list.topLevelItemCount() == 0
    assert page.gaps.counts.text() == "" and not page.isEnabled()


def test_a_bad_email_points_at_the_email_field_and_saves_nothing(page, ctx, person, modals):
    seen = {}

    def fill(dialog: ContactEditor):
        dialog.name_edit.setText("Bo Smith")
        dialog.email_edit.setText("bo at home")
        dialog.accept()
        seen["problem"] = dialog.problem_label.text()
        seen["described"] = dialog.email_edit.accessibleDescription()
        seen["focus"] = dialog.focusWidget() is dialog.email_edit
        return dialog.result()

    modals.expect(handler=fill)
    page.add_contact()
    assert "does not look like an email address" in seen["problem"]
    assert seen["described"] == seen["problem"] and seen["focus"]
    assert "Bo Smith" not in {c.name for c in cs.list_contacts(ctx.vault, person.id)}


def test_delete_asks_with_keep_as_the_default(page, modals, network):
    page.select_contact(network["Uncle Rob"].id)
    defaults = []
    modals.expect(handler=lambda box: defaults.append((box.defaultButton().text(), box.escapeButton().text())))
    page.delete_button.click()
    assert defaults == [("Keep them", "Keep them")]
    assert network["Uncle Rob"].id in page.scene.nodes


def _next_stop(widget):
    """The next widget Tab stops at after ``widget`` (its own inner parts skipped)."""
    current = widget.nextInFocusChain()
    while not (current.focusPolicy() & Qt.FocusPolicy.TabFocus) or widget.isAncestorOf(current):
        current = current.nextInFocusChain()
    return current


def test_editor_tab_order_follows_the_form_and_ends_with_save(page, modals):
    order = []

    def walk(dialog: ContactEditor):
        order.extend(_next_stop(w) for w in (dialog.notes_edit, dialog.save_button,
                                             dialog.direction_buttons[SupportDirection.BOTH]))
        return QDialog.DialogCode.Rejected

    modals.expect(handler=walk)
    page.add_contact()
    notes_next, save_next, last_choice_next = order
    assert notes_next.text() == "&Save" and save_next.text() == "Cancel"
    assert last_choice_next.accessibleName() == "Notes"


def test_the_contact_is_saved_on_a_worker_thread_and_the_dialog_closes_after(qtbot, ctx, person, monkeypatch):
    import threading

    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.services import network as network_service

    threads = []
    real_save = network_service.save_contact

    def save_contact(vault, contact, **kwargs):
        threads.append(threading.current_thread())
        return real_save(vault, contact, **kwargs)

    monkeypatch.setattr(network_service, "save_contact", save_contact)
    monkeypatch.setattr(Ops, "synchronous", False)
    dialog = ContactEditor(ctx, person, region="US", today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("Bo Smith")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.saved.name == "Bo Smith" and dialog.saved.id is not None
    assert "Bo Smith" in {c.name for c in cs.list_contacts(ctx.vault, person.id)}


def test_while_a_contact_save_runs_cancel_and_esc_wait_for_it(qtbot, ctx, person, monkeypatch):
    """Cancel could not stop a save already running, so it must not look as if it did: the
    contact would land with the dialog gone and no word said."""
    from PySide6.QtGui import QKeyEvent

    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.services import network as network_service
    from support import hold

    gate, started = hold(monkeypatch, network_service, "save_contact")
    monkeypatch.setattr(Ops, "synchronous", False)
    dialog = ContactEditor(ctx, person, region="US", today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("Bo Smith")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=10000)
    try:
        assert not dialog.panel.cancel_button.isEnabled()
        QApplication.sendEvent(dialog, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))
        dialog.close()
        assert dialog.isVisible()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert dialog.panel.cancel_button.isEnabled()
    assert "Bo Smith" in {c.name for c in cs.list_contacts(ctx.vault, person.id)}
