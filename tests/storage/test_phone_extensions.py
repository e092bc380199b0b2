"""Phone extensions ("ext. 204", "x204", vCard ``;ext=`` and tel URIs) are kept when typed, in the
vault, on screen, in tel links and in vCard export and import, never silently dropped."""

from __future__ import annotations

import pytest

from caregiver_app.domain import phone_numbers
from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.network import Phone, PhoneKind
from caregiver_app.importers import vcard
from caregiver_app.services import network as cs


@pytest.mark.parametrize("typed, region, number", [
    ("020 7946 0958 ext. 204", "GB", "+442079460958"),
    ("(201) 555-0123 x204", "US", "+12015550123"),
    ("201-555-0123 extension 204", "US", "+12015550123"),
    ("+1 201-555-0123;ext=204", "DE", "+12015550123"),
    ("tel:+61-2-9876-5432;ext=204", "AU", "+61298765432"),
])
def test_every_way_of_writing_an_extension_is_kept(typed, region, number):
    phone = phone_numbers.parse_phone(typed.removeprefix("tel:"), region)
    assert (phone.number, phone.extension) == (number, "204")
    assert "204" in phone_numbers.format_phone(phone, region)
    assert phone_numbers.tel_uri(phone).endswith(";ext=204")


def test_a_number_without_extension_stays_as_it_was():
    phone = phone_numbers.parse_phone("0412 345 678", "AU")
    assert (phone.number, phone.extension, phone.stored()) == ("+61412345678", "", "+61412345678")
    assert phone_numbers.format_phone(phone, "AU") == "0412 345 678"


def test_an_impossible_extension_is_refused_in_plain_words():
    with pytest.raises(ValidationError, match="extension .* too long"):
        phone_numbers.parse_phone("+1 201-555-0123 ext. 12345678901", "US")


def test_the_vault_keeps_the_extension(vault, person):
    draft = cs.ContactDraft(person.id, "Dr. Ana Li", phones=(("020 7946 0958 ext. 204", PhoneKind.WORK),
                                                             ("07400 123456", PhoneKind.MOBILE)))
    saved = cs.save_contact(vault, cs.contact_from_draft(draft, "GB"))
    again = cs.get_contact(vault, saved.id)
    assert again.phones == (Phone("+442079460958", PhoneKind.WORK, "GB", "204"),
                            Phone("+447400123456", PhoneKind.MOBILE, "GB", ""))
    assert phone_numbers.format_phone(again.phones[0], "GB") == "020 7946 0958 x204"
    assert phone_numbers.format_phone(again.phones[0], "US") == "+44 20 7946 0958 x204"


def test_vcard_export_and_import_keep_the_extension(vault, person):
    draft = cs.ContactDraft(person.id, "Clinic front desk", phones=(("(201) 555-0123 x204", PhoneKind.WORK),))
    contact = cs.contact_from_draft(draft, "US")
    data = vcard.export_vcards([contact])
    assert b"TEL;TYPE=WORK:+12015550123 ext. 204" in data
    back = vcard.read_vcards(data, person.id, "US")
    assert [c.contact.phones for c in back.cards] == [(Phone("+12015550123", PhoneKind.WORK, "US", "204"),)]
    assert not back.problems


def test_vcard_from_another_app_with_a_tel_uri_extension(person):
    card = (b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr. Okafor\r\n"
            b"TEL;VALUE=uri;TYPE=work:tel:+44-20-7946-0958;ext=31\r\nEND:VCARD\r\n")
    read = vcard.read_vcards(card, person.id, "GB")
    assert read.cards[0].contact.phones[0].extension == "31"
