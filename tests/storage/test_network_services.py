"""Contacts, ecomap positions, gaps and vCards through a real encrypted vault."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import vobject

from caregiver_app.domain import phone_numbers
from caregiver_app.domain.errors import NotFoundError
from caregiver_app.domain.network import (
    Contact,
    Phone,
    PhoneKind,
    Role,
    SupportDirection,
    SupportType,
    TieStrength,
)
from caregiver_app.importers import vcard
from caregiver_app.services import network as cs
from caregiver_app.services import people, vcards

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)

CARDS_21_QP = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n"
    "TEL;CELL;PREF:+49 30 1234567\r\n"
    "TEL;HOME:030 7654321\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Caf=E9 on Tuesdays, drives to the=\r\n"
    " clinic=0D=0Aif asked\r\n"
    "ADR;HOME:;;Hauptstr. 1;Berlin;;10115;Germany\r\n"
    "EMAIL;INTERNET:juergen@example.de\r\n"
    "END:VCARD\r\n"
).encode("latin-1")


def save(vault, person_id, name, **kw) -> Contact:
    return cs.save_contact(vault, Contact(None, person_id, name, **kw), clock=lambda: NOW)


def test_contacts_round_trip_and_keep_their_place(vault, person):
    saved = save(vault, person.id, "Dr. Ana Li", role=Role.PSYCHIATRIST, organisation="Riverside Clinic",
                 phones=(phone_numbers.parse_phone("617 555 0142", "US", PhoneKind.WORK), phone_numbers.parse_phone("988", "US")),
                 email="ana@example.org", address="1 Main St\nBoston, MA", availability="Weekdays",
                 notes="Prefers the portal", last_in_touch=date(2026, 11, 20),
                 support=frozenset({SupportType.INFORMATION, SupportType.CRISIS}),
                 strength=TieStrength.STRONG, direction=SupportDirection.TO_PERSON)
    assert cs.list_contacts(vault, person.id) == [saved]
    assert saved.clinical
    cs.save_positions(vault, person.id, {saved.id: (-120.5, -410.0)})
    edited = cs.save_contact(vault, Contact(saved.id, person.id, "Dr. Ana Li", role=Role.PSYCHIATRIST))
    assert edited.position == (-120.5, -410.0)  # editing keeps the map place
    assert edited.phones == () and edited.support == frozenset()
    snapshot = cs.ecomap_snapshot(vault, person.id)
    assert snapshot.person_name == "Sam Rivera"
    (node,) = snapshot.nodes
    assert (node.x, node.y, node.placed) == (-120.5, -410.0, True)
    cs.reset_positions(vault, person.id)
    assert not cs.ecomap_snapshot(vault, person.id).nodes[0].placed


def test_positions_of_another_persons_contacts_are_not_touched(vault, person):
    other = people.add_person(vault, "Alex")
    theirs = save(vault, other.id, "Bo")
    cs.save_positions(vault, person.id, {theirs.id: (1.0, 2.0)})
    assert cs.get_contact(vault, theirs.id).position is None


def test_delete_and_put_back(vault, person):
    saved = save(vault, person.id, "Bo", phones=(Phone("+16175550100"),))
    old = cs.delete_contact(vault, saved.id)
    assert cs.list_contacts(vault, person.id) == []
    with pytest.raises(NotFoundError):
        cs.get_contact(vault, saved.id)
    back = cs.restore_contact(vault, old)
    assert back.name == "Bo" and back.phones == saved.phones


def test_gap_report_in_plain_words(vault, person):
    save(vault, person.id, "Maria", role=Role.FAMILY, support=frozenset({SupportType.EMOTIONAL, SupportType.COMPANIONSHIP}),
         last_in_touch=date(2026, 11, 29))
    save(vault, person.id, "Dr. Li", role=Role.PSYCHIATRIST, support=frozenset({SupportType.INFORMATION}),
         last_in_touch=date(2026, 8, 1))
    save(vault, person.id, "Rob", role=Role.FAMILY, strength=TieStrength.STRESSFUL)
    report = cs.gap_report(vault, person.id, date(2026, 11, 30))
    assert (report.total, report.clinical, report.nonclinical) == (3, 1, 2)
    assert report.missing == (SupportType.PRACTICAL, SupportType.CRISIS)
    assert "No one is listed for rides, meals or errands yet." in report.sentences()
    assert [(t.name, t.words) for t in report.touch] == [
        ("Dr. Li", "About 4 months ago"), ("Maria", "Yesterday"), ("Rob", "Not written down yet")]
    assert report.stressful == ("Rob",)
    empty = cs.gap_report(vault, people.add_person(vault, "New").id, date(2026, 11, 30))
    assert empty.total == 0 and "No one is on the map yet" in empty.sentences()[0]


# --- vCards ---------------------------------------------------------------------------------


def test_vcard_21_quoted_printable_as_phones_write_it(person):
    result = vcard.read_vcards(CARDS_21_QP, person.id, "US")
    assert result.problems == ()
    (card,) = result.cards
    c = card.contact
    assert c.name == "Jürgen Müller"
    # The local number beside a German one is read as German, not refused as a US number.
    assert [p.number for p in c.phones] == ["+49301234567", "+49307654321"]
    assert [p.kind for p in c.phones] == [PhoneKind.MOBILE, PhoneKind.HOME]
    assert c.notes == "Café on Tuesdays, drives to the clinic\nif asked"
    assert c.address == "Hauptstr. 1\nBerlin, 10115\nGermany"
    assert c.email == "juergen@example.de"


def test_vcard_30_and_40_and_bad_cards_with_their_position(person):
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jordan Park\r\nN:Park;Jordan;;;\r\nORG:Harbor Counseling\r\n"
        "ROLE:Therapist\r\nTEL;TYPE=WORK,VOICE:(617) 555-0199\r\nNOTE:Line one\\nline two\\, with comma\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Li\r\nTEL;VALUE=uri;TYPE=cell:tel:+1-617-555-0142\r\n"
        "EMAIL:ana@example.org\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Number\r\nTEL:12\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut off\r\n"
    ).encode("utf-8")
    result = vcard.read_vcards(data, person.id, "US")
    assert [c.position for c in result.cards] == [1, 3, 4]
    jordan, ana, bad = (c.contact for c in result.cards)
    assert (jordan.role, jordan.organisation, jordan.notes) == (Role.THERAPIST, "Harbor Counseling", "Line one\nline two, with comma")
    assert jordan.phones[0] == Phone("+16175550199", PhoneKind.WORK, "US")
    assert ana.phones == (Phone("+16175550142", PhoneKind.MOBILE, "US"),) and ana.email == "ana@example.org"
    assert bad.phones == ()
    messages = {p.position: (p.message, p.skipped) for p in result.problems}
    assert messages[2] == ("Card 2 was skipped: This card has no name.", True)
    assert messages[4][1] is False and "“12”" in messages[4][0]
    assert messages[5][1] is True and "Card 5 was skipped" in messages[5][0]


def test_a_file_with_no_cards_is_refused(person):
    with pytest.raises(vcard.VCardFileError, match="no contacts"):
        vcard.read_vcards(b"hello", person.id)


def test_vcard_round_trip_keeps_every_field(vault, person):
    original = save(vault, person.id, "Dr. Ana Li", role=Role.PSYCHIATRIST, organisation="Riverside Clinic",
                    phones=(Phone("+16175550142", PhoneKind.WORK, "US"), Phone("988", PhoneKind.OTHER, "US")),
                    email="ana@example.org", address="1 Main St\nBoston, MA 02110", availability="Weekdays 9–5",
                    notes="Line one\nLine two; with; semicolons", last_in_touch=date(2026, 11, 20),
                    support=frozenset({SupportType.INFORMATION, SupportType.CRISIS}),
                    strength=TieStrength.TENUOUS, direction=SupportDirection.FROM_PERSON)
    data = vcard.export_vcards([original], include_private=True)
    card = vobject.readOne(data.decode("utf-8"))
    assert card.version.value == "3.0" and card.fn.value == "Dr. Ana Li"
    (back,) = vcard.read_vcards(data, person.id, "US").cards
    from dataclasses import replace

    assert back.contact == replace(original, id=None, position=None)


def test_duplicates_by_name_or_phone_are_offered_not_doubled(vault, person):
    ana = save(vault, person.id, "Ana Li", phones=(Phone("+16175550142"),), role=Role.PSYCHIATRIST)
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Li\\, Ana\r\nEMAIL:ana@example.org\r\nEND:VCARD\r\n"        # same name
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dr A. Li\r\nTEL:617-555-0142\r\nEND:VCARD\r\n"              # same phone
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Smith\r\nTEL:617-555-0100\r\nEND:VCARD\r\n"              # new
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:bo smith\r\nNOTE:from the second card\r\nEND:VCARD\r\n"     # same as card 3
    ).encode()
    result = vcard.read_vcards(data, person.id, "US")
    pairs = vcards.find_duplicates(cs.list_contacts(vault, person.id), result.cards)
    assert [(p.candidate_index, p.existing.id if p.existing else None, p.earlier_index, p.reasons) for p in pairs] == [
        (0, ana.id, None, ("same name",)),
        (1, ana.id, None, ("same phone number",)),
        (3, None, 2, ("same name",)),
    ]
    # No decisions: every duplicate is skipped, only the new card goes in.
    outcome = vcards.import_cards(vault, person.id, result.cards, clock=lambda: NOW)
    assert (outcome.added, outcome.merged, outcome.skipped) == (1, 0, 3)
    names = sorted(c.name for c in cs.list_contacts(vault, person.id))
    assert names == ["Ana Li", "Bo Smith"]


def test_merge_keep_both_and_skip(vault, person):
    ana = save(vault, person.id, "Ana Li", phones=(Phone("+16175550142"),), role=Role.PSYCHIATRIST)
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Li\r\nEMAIL:ana@example.org\r\nTEL:617-555-0177\r\nNOTE:Portal first\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Li\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Smith\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Smith\r\nNOTE:Drives on Fridays\r\nEND:VCARD\r\n"
    ).encode()
    result = vcard.read_vcards(data, person.id, "US")
    decisions = {0: vcards.Decision.MERGE, 1: vcards.Decision.KEEP_BOTH, 3: vcards.Decision.MERGE}
    outcome = vcards.import_cards(vault, person.id, result.cards, decisions, clock=lambda: NOW)
    assert (outcome.added, outcome.merged, outcome.skipped) == (2, 2, 0)
    merged = cs.get_contact(vault, ana.id)
    assert merged.role is Role.PSYCHIATRIST and merged.email == "ana@example.org" and merged.notes == "Portal first"
    assert [p.number for p in merged.phones] == ["+16175550142", "+16175550177"]
    by_name = {}
    for c in cs.list_contacts(vault, person.id):
        by_name.setdefault(c.name, []).append(c)
    assert len(by_name["Ana Li"]) == 2 and len(by_name["Bo Smith"]) == 1
    assert by_name["Bo Smith"][0].notes == "Drives on Fridays"


def test_import_is_all_or_nothing(vault, person, monkeypatch):
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:One\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Two\r\nEND:VCARD\r\n"
    result = vcard.read_vcards(data, person.id)
    calls = []
    real = vcards.repo.insert_contact

    def failing(session, contact, now):
        calls.append(contact.name)
        if len(calls) == 2:
            raise OSError(28, "disk full")
        return real(session, contact, now)

    monkeypatch.setattr(vcards.repo, "insert_contact", failing)
    with pytest.raises(OSError):
        vcards.import_cards(vault, person.id, result.cards)
    assert cs.list_contacts(vault, person.id) == []
