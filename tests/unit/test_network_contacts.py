"""Contacts without a vault: roles, validation, phone numbers of several regions, the ecomap's
layout and line geometry, and the PDF drawing of the map."""

from __future__ import annotations

import io
import math
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Polygon, PolyLine
from reportlab.platypus import SimpleDocTemplate

from caregiver_app.domain import phone_numbers
from caregiver_app.domain.ecomap import NODE_H, NODE_W, layout, tie_geometry, zigzag
from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.network import (
    Contact,
    Phone,
    PhoneKind,
    Role,
    Sector,
    SupportDirection,
    SupportType,
    TieStrength,
    role_from_text,
)
from caregiver_app.reports.ecomap_drawing import build_ecomap_drawing
from caregiver_app.services import network as cs


def test_clinical_follows_from_the_role():
    clinical = {r for r in Role if r.clinical}
    assert clinical == {Role.THERAPIST, Role.PSYCHIATRIST, Role.PRIMARY_CARE, Role.NURSE, Role.CASE_MANAGER, Role.PHARMACIST}
    assert Role.CRISIS_LINE.sector is Sector.COMMUNITY_ONLINE
    assert Role.SUPPORT_GROUP.sector is Sector.PEERS_GROUPS
    assert Role.NEIGHBOUR.sector is Sector.FAMILY_FRIENDS
    assert role_from_text("Primary care doctor") is Role.PRIMARY_CARE
    assert role_from_text("neighbor") is Role.NEIGHBOUR
    assert role_from_text("astronaut") is None


@pytest.mark.parametrize(
    ("text", "region", "e164", "national", "abroad"),
    [
        ("(617) 555-0142", "US", "+16175550142", "(617) 555-0142", "+1 617-555-0142"),
        ("617.555.0142", "US", "+16175550142", "(617) 555-0142", "+1 617-555-0142"),
        ("020 7946 0958", "GB", "+442079460958", "020 7946 0958", "+44 20 7946 0958"),
        ("030 1234567", "DE", "+49301234567", "030 1234567", "+49 30 1234567"),
        ("+45 32 12 34 56", "US", "+4532123456", "32 12 34 56", "+45 32 12 34 56"),
        ("03-1234-5678", "JP", "+81312345678", "03-1234-5678", "+81 3-1234-5678"),
    ],
)
def test_phone_numbers_of_several_regions(text, region, e164, national, abroad):
    phone = phone_numbers.parse_phone(text, region)
    assert phone.number == e164
    home = phone.region
    assert phone_numbers.format_phone(phone, home) == national
    elsewhere = "FR" if home != "FR" else "US"
    assert phone_numbers.format_phone(phone, elsewhere) == abroad
    assert phone_numbers.tel_uri(phone).startswith("tel:+")


@pytest.mark.parametrize(
    ("text", "region", "words"),
    [
        ("555-12", "US", "not a complete phone number in the United States"),
        ("020 7946 0958", "US", "not a complete phone number in the United States"),
        ("call me maybe", "US", "is not a phone number"),
        ("+1 555", "GB", "check the country code"),
        ("12345", "DE", "not a complete phone number in Germany"),
        ("   ", "US", "Please type the phone number"),
    ],
)
def test_bad_phone_numbers_get_a_plain_message(text, region, words):
    with pytest.raises(ValidationError, match=words) as caught:
        phone_numbers.parse_phone(text, region)
    assert "Traceback" not in str(caught.value)


def test_crisis_and_emergency_short_numbers_are_kept_as_digits():
    assert phone_numbers.parse_phone("988", "US") == Phone("988", PhoneKind.MOBILE, "US")
    assert phone_numbers.parse_phone("116 123", "GB").number == "116123"
    assert phone_numbers.parse_phone("112", "DK").number == "112"
    assert phone_numbers.format_phone(phone_numbers.parse_phone("988", "US"), "US") == "988"


def test_region_comes_from_setting_then_locale_else_none(monkeypatch):
    for var in ("LC_ALL", "LC_TELEPHONE", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(phone_numbers.locale, "getlocale", lambda: (None, None))
    assert phone_numbers.resolve_region("dk", "en_US") == "DK"
    assert phone_numbers.resolve_region("", "de_DE") == "DE"
    assert phone_numbers.resolve_region("", "en-GB") == "GB"
    assert phone_numbers.resolve_region("XX", "C") == ""  # no country known: never the United States by default
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert phone_numbers.resolve_region("", "") == "FR"


def test_contact_validation():
    with pytest.raises(ValidationError, match="name"):
        Contact(None, 1, "   ")
    with pytest.raises(ValidationError, match="email address"):
        Contact(None, 1, "Ana", email="ana@")
    with pytest.raises(ValidationError, match="at most 120"):
        Contact(None, 1, "A" * 121)
    c = Contact(None, 1, "  Ana   Li ", email=" ana@example.org ", phones=(Phone("+16175550142"), Phone("+16175550142")))
    assert c.name == "Ana Li" and c.email == "ana@example.org" and len(c.phones) == 1
    draft = cs.ContactDraft(1, "Ana", phones=(("617 555 0142", PhoneKind.WORK), ("", PhoneKind.HOME)), last_in_touch=date(2026, 12, 2))
    with pytest.raises(ValidationError, match="future"):
        cs.contact_from_draft(draft, "US", today=date(2026, 11, 30))
    built = cs.contact_from_draft(draft, "US", today=date(2026, 12, 2))
    assert built.phones == (Phone("+16175550142", PhoneKind.WORK, "US"),)
    with pytest.raises(ValidationError, match="555-12"):
        cs.contact_from_draft(cs.ContactDraft(1, "Bo", phones=(("555-12", PhoneKind.MOBILE),)), "US")


def _contacts(count: int) -> list[Contact]:
    roles = list(Role)
    return [
        Contact(i + 1, 1, f"Person {i}", roles[i % len(roles)], strength=list(TieStrength)[i % 4])
        for i in range(count)
    ]


def _boxes_overlap(a, b) -> bool:
    return abs(a.x - b.x) < NODE_W and abs(a.y - b.y) < NODE_H


@pytest.mark.parametrize("count", [1, 6, 60])
def test_automatic_layout_keeps_sectors_and_never_overlaps(count):
    snap = layout("Sam", _contacts(count))
    assert len(snap.nodes) == count
    for node in snap.nodes:
        assert math.hypot(node.x, node.y) > 200  # clear of the person
        if node.sector is Sector.CARE_TEAM:
            assert node.y < 0 and abs(node.x) < abs(node.y)
        elif node.sector is Sector.FAMILY_FRIENDS:
            assert node.y > 0 and abs(node.x) < abs(node.y)
        elif node.sector is Sector.PEERS_GROUPS:
            assert node.x > 0 and abs(node.y) < abs(node.x)
        else:
            assert node.x < 0 and abs(node.y) < abs(node.x)
    nodes = snap.nodes
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            assert not _boxes_overlap(a, b), (a.name, b.name)


def test_saved_positions_win_over_automatic_places():
    contacts = _contacts(3)
    contacts[1] = Contact(2, 1, "Placed", Role.FRIEND, position=(-500.0, 42.0))
    snap = layout("Sam", contacts)
    placed = next(n for n in snap.nodes if n.contact_id == 2)
    assert (placed.x, placed.y, placed.placed) == (-500.0, 42.0, True)
    assert all(not n.placed for n in snap.nodes if n.contact_id != 2)


def test_line_style_per_strength_and_arrows_per_direction():
    half, person = (NODE_W / 2, NODE_H / 2), (85.0, 40.0)
    geos = {s: tie_geometry(0.0, -300.0, half, person, s, SupportDirection.BOTH) for s in TieStrength}
    assert geos[TieStrength.STRONG].width > geos[TieStrength.MODERATE].width
    assert geos[TieStrength.MODERATE].dash == () and len(geos[TieStrength.MODERATE].points) == 2
    assert geos[TieStrength.TENUOUS].dash and len(geos[TieStrength.TENUOUS].points) == 2
    zig = geos[TieStrength.STRESSFUL]
    assert zig.dash == () and len(zig.points) > 6
    # The zig-zag really leaves the straight line, on both sides.
    assert max(p[0] for p in zig.points) > 3 and min(p[0] for p in zig.points) < -3
    # Ends sit on the edges: the person's ellipse and the node's box.
    assert zig.points[0] == pytest.approx((0.0, -40.0)) and zig.points[-1] == pytest.approx((0.0, -300 + NODE_H / 2))
    heads = {d: tie_geometry(0.0, -300.0, half, person, TieStrength.MODERATE, d).arrowheads for d in SupportDirection}
    assert len(heads[SupportDirection.BOTH]) == 2
    (to_person,) = heads[SupportDirection.TO_PERSON]
    assert to_person[0] == pytest.approx((0.0, -40.0))  # its point touches the person
    (from_person,) = heads[SupportDirection.FROM_PERSON]
    assert from_person[0] == pytest.approx((0.0, -300 + NODE_H / 2))
    assert zigzag((0, 0), (10, 0)) == [(0, 0), (10, 0)]


def test_pdf_drawing_uses_the_same_conventions():
    contacts = [
        Contact(1, 1, "Strong one", Role.FAMILY, strength=TieStrength.STRONG),
        Contact(2, 1, "Tenuous one", Role.FRIEND, strength=TieStrength.TENUOUS),
        Contact(3, 1, "Stressful one", Role.NEIGHBOUR, strength=TieStrength.STRESSFUL,
                direction=SupportDirection.FROM_PERSON, support=frozenset({SupportType.PRACTICAL})),
    ]
    drawing = build_ecomap_drawing(layout("Sam Rivera", contacts), 400, 360)
    shapes = list(drawing.getContents()[0].getContents())
    lines = [s for s in shapes if isinstance(s, PolyLine)]
    assert len(lines) == 3
    widths = sorted(round(line.strokeWidth, 2) for line in lines)
    assert widths[-1] > widths[0]  # the strong tie is thicker
    assert sum(1 for line in lines if line.strokeDashArray) == 1  # the tenuous one is dashed
    assert max(len(line.points) for line in lines) > 12  # the stressful one zig-zags
    assert sum(1 for s in shapes if isinstance(s, Polygon)) == 2 + 2 + 1  # both, both, one way
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([drawing])
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    for words in ("Sam Rivera", "Tenuous one", "Stressful tie (zig-zag line)", "FAMILY AND FRIENDS"):
        assert words in text


def test_pdf_drawing_of_an_empty_network_says_so():
    drawing = build_ecomap_drawing(layout("Sam", []), 300, 200, legend=False)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([drawing])
    assert "No contacts are listed yet." in PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
