"""The support network's contacts: saving (phones read by
:mod:`caregiver_app.domain.phone_numbers` for the user's region), the ecomap's data and
positions, and the gaps panel. Appointments are :mod:`caregiver_app.services.appointments`;
vCard files :mod:`caregiver_app.services.vcards`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..i18n import _, ngettext
from ..domain.copying import same_fields
from ..domain.ecomap import EcomapSnapshot, layout
from ..domain.errors import ValidationError
from ..domain.network import (
    Contact,
    PhoneKind,
    Role,
    SupportDirection,
    SupportType,
    TieStrength,
)
from ..domain.phone_numbers import DEFAULT_REGION, parse_phone
from ..storage.repos import network as repo
from ..storage.repos import people as people_repo
from .clock import Clock, utc_now
from .records import delete_record, restore_record, save_row
from .vault import Vault, session_of

# --- contacts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactDraft:
    """What the contact editor collects. ``phones`` are ``(typed text, kind)`` pairs, read in the
    user's region when saved; ``last_in_touch`` is a local calendar date or None."""

    person_id: int
    name: str
    role: Role = Role.OTHER
    organisation: str = ""
    phones: tuple[tuple[str, PhoneKind], ...] = ()
    email: str = ""
    address: str = ""
    availability: str = ""
    notes: str = ""
    last_in_touch: date | None = None
    support: frozenset[SupportType] = field(default_factory=frozenset)
    strength: TieStrength = TieStrength.MODERATE
    direction: SupportDirection = SupportDirection.BOTH
    contact_id: int | None = None


def contact_from_draft(draft: ContactDraft, region: str = DEFAULT_REGION, *, today: date | None = None) -> Contact:
    """Validate a draft. Raises :class:`ValidationError` naming the first problem (a bad phone
    number says which one), or a "last in touch" date after ``today``."""
    phones = tuple(parse_phone(text, region, kind) for text, kind in draft.phones if text.strip())
    if draft.last_in_touch is not None and today is not None and draft.last_in_touch > today:
        raise ValidationError(_("“Last in touch” is a date in the future. Please pick today or an earlier day."),
                              field="last_in_touch")
    return same_fields(Contact, draft, id=draft.contact_id, phones=phones, support=frozenset(draft.support))


def save_contact(vault: Vault, contact: Contact, *, clock: Clock = utc_now) -> Contact:
    """Add (``contact.id`` None) or update a contact; an update keeps its place on the ecomap.
    Returns the contact as stored. Raises :class:`NotFoundError` when the person or contact is gone."""
    now = clock()
    with session_of(vault) as s:
        people_repo.get_person_row(s, contact.person_id)
        if contact.id is not None:  # an update keeps the contact's place on the ecomap
            contact = replace(contact, position=repo.get_contact(s, contact.id).position)
        return repo.get_contact(s, save_row(s, contact, now, repo.insert_contact, repo.update_contact))


def get_contact(vault: Vault, contact_id: int) -> Contact:
    with session_of(vault) as s:
        return repo.get_contact(s, contact_id)


def list_contacts(vault: Vault, person_id: int) -> list[Contact]:
    """A person's contacts by name."""
    with session_of(vault) as s:
        return repo.list_contacts(s, person_id)


def delete_contact(vault: Vault, contact_id: int) -> Contact:
    """Delete a contact; returns it as it was (appointments with them keep their details but no
    longer name a provider)."""
    return delete_record(vault, contact_id, repo.get_contact, repo.delete_contact)


def restore_contact(vault: Vault, contact: Contact, *, clock: Clock = utc_now) -> Contact:
    """Put a deleted contact back (as a new record with the same details and map position)."""
    return restore_record(vault, contact, clock(), repo.insert_contact, repo.get_contact)


def mark_in_touch(vault: Vault, contact_id: int, day: date, *, clock: Clock = utc_now) -> Contact:
    """Record ``day`` (a local calendar date) as the last time the person was in touch."""
    with session_of(vault) as s:
        contact = repo.get_contact(s, contact_id)
        repo.update_contact(s, replace(contact, last_in_touch=day), clock())
        return repo.get_contact(s, contact_id)


def save_positions(vault: Vault, person_id: int, positions: dict[int, tuple[float, float] | None]) -> None:
    """Remember where the user put contacts on the ecomap (scene units; None = automatic)."""
    with session_of(vault) as s:
        repo.set_positions(s, person_id, positions)


def reset_positions(vault: Vault, person_id: int) -> None:
    """Put every contact back in its automatic place on the ecomap."""
    with session_of(vault) as s:
        ids = [c.id for c in repo.list_contacts(s, person_id)]
        repo.set_positions(s, person_id, dict.fromkeys(ids))


def ecomap_snapshot(vault: Vault, person_id: int) -> EcomapSnapshot:
    """Everything needed to draw ``person_id``'s ecomap as plain data: the person's name and one
    node per contact with its position (scene units, person at 0, 0; saved or automatic), role,
    sector, tie strength, direction of support and support types. Raises :class:`NotFoundError`
    when the person is gone. The GUI map and ``reports.ecomap_drawing`` both draw from it."""
    with session_of(vault) as s:
        person = people_repo.person_from_row(people_repo.get_person_row(s, person_id))
        contacts = repo.list_contacts(s, person_id)
    return layout(person.display_name, contacts)


# --- gaps -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TouchLine:
    """When the person was last in touch with one contact (``days_ago`` None: not recorded)."""

    contact_id: int
    name: str
    last_in_touch: date | None
    days_ago: int | None
    words: str


@dataclass(frozen=True)
class GapReport:
    """What the gaps panel shows: support types nobody gives, who gives the others, how many
    clinical and nonclinical contacts there are, and when each was last in touch (longest ago
    first, unrecorded last)."""

    total: int
    clinical: int
    nonclinical: int
    missing: tuple[SupportType, ...]
    givers: dict[SupportType, tuple[str, ...]]
    touch: tuple[TouchLine, ...]
    stressful: tuple[str, ...]

    def sentences(self, crisis_line: str = "") -> list[str]:
        """The gaps in gentle plain words, one sentence per missing support type. ``crisis_line``
        is how to reach the country's crisis line (``"call Samaritans at 116 123"``, from
        ``crisis_lines.help_words``); without one, the crisis gap points to Get help now."""
        if self.total == 0:
            return [_("No one is on the map yet. Start with one person you could call, even just to chat.")]
        return [_("No one is listed yet to call in a crisis. You can {crisis_line} any time.").format(
                    crisis_line=crisis_line)
                if t is SupportType.CRISIS and crisis_line else t.gap_text for t in self.missing]


def since_words(day: date | None, today: date) -> tuple[int | None, str]:
    """``(days ago, words)`` for a last-in-touch date, e.g. ``(3, "3 days ago")``."""
    if day is None:
        return None, _("Not written down yet")
    days = (today - day).days
    if days <= 0:
        return max(days, 0), _("Today")
    if days == 1:
        return 1, _("Yesterday")
    if days < 14:
        return days, ngettext("{count} day ago", "{count} days ago", days).format(count=days)
    if days < 60:
        return days, ngettext("{count} week ago", "{count} weeks ago", days // 7).format(count=days // 7)
    if days < 730:
        return days, ngettext("About {count} month ago", "About {count} months ago", days // 30).format(count=days // 30)
    return days, ngettext("About {count} year ago", "About {count} years ago", days // 365).format(count=days // 365)


def gap_report(vault: Vault, person_id: int, today: date) -> GapReport:
    """The gaps panel's content for ``person_id`` (``today`` is the local calendar date)."""
    contacts = list_contacts(vault, person_id)
    return gap_report_for(contacts, today)


def gap_report_for(contacts: list[Contact], today: date) -> GapReport:
    """:func:`gap_report` over contacts already read."""
    givers = {t: tuple(c.name for c in contacts if t in c.support) for t in SupportType}
    lines = []
    for c in contacts:
        days, words = since_words(c.last_in_touch, today)
        lines.append(TouchLine(c.id, c.name, c.last_in_touch, days, words))
    lines.sort(key=lambda t: (t.days_ago is None, -(t.days_ago or 0), t.name.casefold()))
    clinical = sum(1 for c in contacts if c.clinical)
    return GapReport(
        total=len(contacts),
        clinical=clinical,
        nonclinical=len(contacts) - clinical,
        missing=tuple(t for t in SupportType if not givers[t]),
        givers=givers,
        touch=tuple(lines),
        stressful=tuple(c.name for c in contacts if c.strength is TieStrength.STRESSFUL),
    )
