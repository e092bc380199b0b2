"""Every crisis number the app itself tells a country's families to use can be saved on a
contact in that country, and shows the way the app writes it (branch attack-country)."""

from __future__ import annotations

import pytest

from caregiver_app.domain import phone_numbers
from caregiver_app.domain.crisis_lines import BUILT_IN
from caregiver_app.domain.network import PhoneKind, SupportType
from caregiver_app.services import network as cs

BUILT_IN_NUMBERS = sorted({(country, line.number) for country, lines in BUILT_IN.items() for line in lines})


@pytest.mark.parametrize(("country", "number"), BUILT_IN_NUMBERS)
def test_each_built_in_number_can_be_typed_in_its_country(country, number):
    phone = phone_numbers.parse_phone(number, country)
    shown = phone_numbers.format_phone(phone, country)
    assert "".join(shown.split()).replace("-", "").replace("(", "").replace(")", "").lstrip("1") == \
        "".join(number.split()).replace("-", "").lstrip("1")


def test_new_zealand_1737_saved_as_the_crisis_contact(vault, person):
    draft = cs.ContactDraft(person.id, "Need to talk?", phones=(("1737", PhoneKind.MOBILE),),
                            support=frozenset({SupportType.CRISIS}))
    saved = cs.save_contact(vault, cs.contact_from_draft(draft, "NZ"))
    again = cs.get_contact(vault, saved.id)
    assert [phone_numbers.format_phone(p, "NZ") for p in again.phones] == ["1737"]
    assert phone_numbers.tel_uri(again.phones[0]) == "tel:1737"


def test_samaritans_shows_as_people_write_it(vault, person):
    phone = phone_numbers.parse_phone("116123", "GB")
    assert phone_numbers.format_phone(phone, "GB") == "116 123"


def test_a_random_short_code_is_still_refused():
    with pytest.raises(Exception, match="not a complete phone number"):
        phone_numbers.parse_phone("1738", "NZ")


UK_CARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nTEL;TYPE=CELL:07911 123456\r\nTEL;TYPE=HOME:020 7946 0958\r\n"
           "ADR;TYPE=HOME:;;1 High St;London;;SW1A 1AA;United Kingdom\r\nEND:VCARD\r\n")


def test_a_card_with_an_address_abroad_reads_its_local_numbers_there():
    from caregiver_app.importers import vcard

    result = vcard.read_vcards(UK_CARD.encode(), 1, "DE")
    [card] = result.cards
    assert [p.number for p in card.contact.phones] == ["+447911123456", "+442079460958"]
    assert result.problems == ()


def test_a_card_abroad_keeps_a_home_number_written_the_home_way():
    from caregiver_app.importers import vcard

    card = UK_CARD.replace("020 7946 0958", "030 1234567").replace("07911 123456", "+44 7911 123456")
    result = vcard.read_vcards(card.replace("United Kingdom", "Vereinigtes Königreich").encode(), 1, "DE")
    assert [p.number for p in result.cards[0].contact.phones] == ["+447911123456", "+49301234567"]


def test_a_card_without_a_country_reads_numbers_at_home():
    from caregiver_app.importers import vcard

    card = UK_CARD.replace("United Kingdom", "")
    result = vcard.read_vcards(card.encode(), 1, "GB")
    assert [p.number for p in result.cards[0].contact.phones] == ["+447911123456", "+442079460958"]


def test_a_family_name_first_with_a_comma_is_exported_as_such():
    from caregiver_app.domain.network import Role
    from caregiver_app.importers import vcard

    contact = cs.contact_from_draft(cs.ContactDraft(1, "Müller, Jürgen", Role.OTHER), "DE")
    card = vcard.contact_to_vcard(contact).serialize()
    assert "N:Müller;Jürgen;;;" in card
    [back] = vcard.read_vcards(card.encode(), 1, "DE").cards
    assert back.contact.name == "Müller, Jürgen"


def test_with_no_country_known_numbers_are_never_read_as_american(monkeypatch):
    for var in ("LC_ALL", "LC_TELEPHONE", "LANG"):
        monkeypatch.setenv(var, "C")
    monkeypatch.setattr(phone_numbers.locale, "getlocale", lambda: (None, None))
    region = phone_numbers.resolve_region("", "C")
    assert region == ""
    with pytest.raises(Exception, match=r"country code"):
        phone_numbers.parse_phone("(201) 555-0123", region)
    phone = phone_numbers.parse_phone("+81 3-1234-5678", region)
    assert phone.number == "+81312345678" and phone_numbers.format_phone(phone, region) == "+81 3-1234-5678"
    assert not phone_numbers.example_number(region).startswith("+1 ")
