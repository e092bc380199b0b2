"""Issue 18, defect 9: the doses recorded in an entry show on its journal card and in the CSV,
worded as the form offers them (an as-needed medicine "taken (as needed)", a scheduled one's
extra dose "an extra dose")."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt

from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.journal_model import ENTRY, KindRole
from caregiver_app.services import export_csv, journal, medications
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.medications import MedicationDraft

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def setup_doses(ctx, person):
    add = lambda name, **kw: medications.add_medication(  # noqa: E731
        ctx.vault, MedicationDraft(person.id, name, 50, "mg", kw.pop("schedule", "once a day"), **kw),
        clock=lambda: NOW)
    ser, prn = add("Sertraline", start_date=date(2026, 9, 1)), add("Ibuprofen", schedule="as needed", as_needed=True)
    return journal.save_entry(ctx.vault, EntryDraft(person.id, datetime(2026, 11, 29, 9), note="Headache"),
                              doses=[DoseRecord(ser.id, DoseStatus.EXTRA), DoseRecord(prn.id, DoseStatus.EXTRA)])


def test_doses_on_the_card_and_in_the_csv(qtbot, context, vault, person, tmp_path):
    context.vault, context.clock = vault, (lambda: NOW)
    setup_doses(context, person)
    page = JournalPage(context)
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    cards = [page.model.index(i).data() for i in range(page.model.rowCount())
             if page.model.index(i).data(KindRole) == ENTRY]
    assert "Medicines: Sertraline an extra dose, Ibuprofen taken (as needed)" in cards[0]
    result = export_csv.write_journal_csv(vault, person.id, tmp_path / "j.csv", zone_name="UTC")
    with open(result.path, encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))
    assert row[header.index("Medicines")] == "Sertraline an extra dose, Ibuprofen taken (as needed)"
