"""Issue 18, defect 11 (vCards): an exported vCard carries no private ecomap fields unless asked,
a group's name is not split into first and last names, and imported cards get a role from what
other address books write (ROLE, TITLE, CATEGORIES, ORG), with a clinic in the care team."""

from __future__ import annotations

from datetime import date

import vobject

from caregiver_app.domain.network import Contact, Role, Sector, SupportType, TieStrength
from caregiver_app.importers import vcard


def test_export_leaves_private_ecomap_fields_out(person):
    contact = Contact(None, person.id, "Ana Li", Role.FRIEND, availability="Evenings", last_in_touch=date(2026, 11, 2),
                      support=frozenset({SupportType.CRISIS}), strength=TieStrength.STRESSFUL)
    data = vcard.export_vcards([contact])
    assert b"X-CAREGIVER-STRENGTH" not in data and b"X-CAREGIVER-SUPPORT" not in data
    assert b"X-CAREGIVER-AVAILABILITY" not in data and b"X-CAREGIVER-LAST-IN-TOUCH" not in data
    assert b"STRESSFUL" not in data.upper()
    full = vcard.export_vcards([contact], include_private=True)
    assert b"X-CAREGIVER-STRENGTH" in full


def test_a_group_name_is_not_split_into_first_and_last(person):
    group = Contact(None, person.id, "Family Support Group", Role.SUPPORT_GROUP)
    card = vobject.readOne(vcard.export_vcards([group]).decode("utf-8"))
    assert card.fn.value == "Family Support Group"
    assert card.n.value.family == "" and card.n.value.given == ""
    assert card.org.value == ["Family Support Group"]
    doctor = Contact(None, person.id, "Ana Li", Role.PSYCHIATRIST)
    card = vobject.readOne(vcard.export_vcards([doctor]).decode("utf-8"))
    assert (card.n.value.given, card.n.value.family) == ("Ana", "Li")


def card(**fields) -> bytes:
    lines = ["BEGIN:VCARD", "VERSION:3.0"] + [f"{k}:{v}" for k, v in fields.items()] + ["END:VCARD"]
    return ("\r\n".join(lines) + "\r\n").encode()


def test_roles_from_other_address_books(person):
    cases = [
        (card(FN="Ana Li", TITLE="Psychiatrist\\, MD"), Role.PSYCHIATRIST),
        (card(FN="Bo Smith", CATEGORIES="Doctors"), Role.PRIMARY_CARE),
        (card(FN="Riverside Clinic", ORG="Riverside Clinic"), Role.PRIMARY_CARE),
        (card(FN="Mum", CATEGORIES="Family"), Role.FAMILY),
        (card(FN="Corner Pharmacy", ORG="Corner Pharmacy"), Role.PHARMACIST),
        (card(FN="Jo", TITLE="Sony engineer"), Role.OTHER),
    ]
    for data, expected in cases:
        (read,) = vcard.read_vcards(data, person.id, "US").cards
        assert read.contact.role is expected, (data, read.contact.role)
    (clinic,) = vcard.read_vcards(cases[2][0], person.id, "US").cards
    assert clinic.contact.role.sector is Sector.CARE_TEAM
