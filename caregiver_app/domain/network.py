"""The support network: contacts around a person, what each one gives, and appointments.

Terms follow the social-work **ecomap** (Hartman A., "Diagrammatic assessment of family
relationships", *Social Casework* 59(8), 1978): each tie is *strong*, *moderate*, *tenuous* or
*stressful*, and support can flow to the person, from the person, or both ways. Support types
follow the usual social-support dimensions (emotional, practical or instrumental, informational,
companionship, crisis) as used in House J.S., *Work Stress and Social Support*, 1981.

Dates here are local calendar dates; instants are timezone-aware UTC. Phone numbers are already
parsed (E.164 text such as ``+16175550100``) by :mod:`caregiver_app.domain.phone_numbers`, the
one domain module that uses third-party libraries (phonenumbers, Babel).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..i18n import N_, _, pgettext
from .errors import ValidationError, at_most

NAME_MAX = 120
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 5_000
QUESTION_MAX = 500
MAX_PHONES = 6
MAX_QUESTIONS = 50


class Sector(enum.Enum):
    """The four parts of the ecomap, clockwise from the top."""

    CARE_TEAM = "care_team"
    PEERS_GROUPS = "peers_groups"
    FAMILY_FRIENDS = "family_friends"
    COMMUNITY_ONLINE = "community_online"

    @property
    def label(self) -> str:
        return _(_SECTOR_LABELS[self])


_SECTOR_LABELS = {
    Sector.CARE_TEAM: N_("Care team"),
    Sector.PEERS_GROUPS: N_("Peers and groups"),
    Sector.FAMILY_FRIENDS: N_("Family and friends"),
    Sector.COMMUNITY_ONLINE: N_("Community and online"),
}


class Role(enum.Enum):
    """Who a contact is to the person. Clinical or not follows from the role."""

    THERAPIST = "therapist"
    PSYCHIATRIST = "psychiatrist"
    PRIMARY_CARE = "primary_care"
    NURSE = "nurse"
    CASE_MANAGER = "case_manager"
    PHARMACIST = "pharmacist"
    PEER_SUPPORTER = "peer_supporter"
    SUPPORT_GROUP = "support_group"
    FAMILY = "family"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"
    FAITH_COMMUNITY = "faith_community"
    COMMUNITY_PROGRAM = "community_program"
    ONLINE_GROUP = "online_group"
    CRISIS_LINE = "crisis_line"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The word shown to users, e.g. ``"Primary care doctor"``, in the language in force."""
        return _(_ROLE_INFO[self][0])

    @property
    def english_label(self) -> str:
        """The English word, for files other programs read (a vCard's ROLE)."""
        return _ROLE_INFO[self][0]

    @property
    def clinical(self) -> bool:
        """True for the care team (therapist, psychiatrist, primary care, nurse, case manager,
        pharmacist); peers, family, community and crisis lines are nonclinical."""
        return _ROLE_INFO[self][1] is Sector.CARE_TEAM

    @property
    def sector(self) -> Sector:
        return _ROLE_INFO[self][1]


_ROLE_INFO = {
    Role.THERAPIST: (N_("Therapist"), Sector.CARE_TEAM),
    Role.PSYCHIATRIST: (N_("Psychiatrist"), Sector.CARE_TEAM),
    Role.PRIMARY_CARE: (N_("Primary care doctor"), Sector.CARE_TEAM),
    Role.NURSE: (N_("Nurse"), Sector.CARE_TEAM),
    Role.CASE_MANAGER: (N_("Case manager"), Sector.CARE_TEAM),
    Role.PHARMACIST: (N_("Pharmacist"), Sector.CARE_TEAM),
    Role.PEER_SUPPORTER: (N_("Peer supporter"), Sector.PEERS_GROUPS),
    Role.SUPPORT_GROUP: (N_("Support group"), Sector.PEERS_GROUPS),
    Role.FAMILY: (N_("Family"), Sector.FAMILY_FRIENDS),
    Role.FRIEND: (N_("Friend"), Sector.FAMILY_FRIENDS),
    Role.NEIGHBOUR: (N_("Neighbour"), Sector.FAMILY_FRIENDS),
    Role.FAITH_COMMUNITY: (N_("Faith community"), Sector.COMMUNITY_ONLINE),
    Role.COMMUNITY_PROGRAM: (N_("Community program"), Sector.COMMUNITY_ONLINE),
    Role.ONLINE_GROUP: (N_("Online group"), Sector.COMMUNITY_ONLINE),
    Role.CRISIS_LINE: (N_("Crisis line"), Sector.COMMUNITY_ONLINE),
    Role.OTHER: (N_("Other"), Sector.COMMUNITY_ONLINE),
}


def role_from_text(text: str) -> Role | None:
    """A role from its label or value (ignoring case), or None; used for vCard ROLE/CATEGORIES."""
    key = " ".join(text.replace("_", " ").split()).casefold()
    if not key:
        return None
    aliases = {"neighbor": Role.NEIGHBOUR, "doctor": Role.PRIMARY_CARE, "gp": Role.PRIMARY_CARE,
               "primary care": Role.PRIMARY_CARE, "counselor": Role.THERAPIST, "counsellor": Role.THERAPIST}
    if key in aliases:
        return aliases[key]
    for role in Role:
        if key in (role.label.casefold(), role.english_label.casefold(), role.value.replace("_", " ")):
            return role
    return None


# Words other address books put in ROLE, TITLE, CATEGORIES or ORG, matched inside the text (a
# few languages; the first match in this order wins, so "psychiatric nurse" is a nurse).
_ROLE_WORDS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.CRISIS_LINE, ("crisis", "hotline", "helpline", "lifeline", "samaritans")),
    (Role.SUPPORT_GROUP, ("support group", "selbsthilfe")),
    (Role.PEER_SUPPORTER, ("peer",)),
    (Role.NURSE, ("nurse", "krankenschwester", "pflege", "enfermer", "infirmi")),
    (Role.PHARMACIST, ("pharmac", "apothe", "farmac", "chemist")),
    (Role.PSYCHIATRIST, ("psychiatr", "psiquiatr", "psichiatr")),
    (Role.THERAPIST, ("therap", "psycholog", "psicólog", "psicolog", "counsel")),
    (Role.CASE_MANAGER, ("case manager", "care coordinator", "social worker", "sozialarbeit")),
    (Role.PRIMARY_CARE, ("doctor", "physician", "clinic", "hospital", "medical", "health cent", "surgery",
                         "practice", "praxis", "arzt", "ärzt", "klinik", "médec", "medic", "hôpital", "hospital",
                         "krankenhaus", "dr.", "gp")),
    (Role.FAITH_COMMUNITY, ("church", "mosque", "temple", "synagogue", "parish", "kirche", "iglesia", "église")),
    (Role.ONLINE_GROUP, ("online", "forum")),
    (Role.FAMILY, ("family", "mother", "father", "mum", "mom", "dad", "sister", "brother", "son", "daughter",
                   "aunt", "uncle", "cousin", "grand", "wife", "husband", "partner", "familie", "familia", "famille")),
    (Role.FRIEND, ("friend", "freund", "amig", "ami")),
    (Role.NEIGHBOUR, ("neighbo", "nachbar", "vecin", "voisin")),
)


def role_in_text(text: str) -> Role | None:
    """A role named anywhere in ``text`` ("Psychiatrist, MD", "Doctors", "Riverside Clinic"), by
    whole label first (:func:`role_from_text`), then by the words other address books use; None
    when nothing fits. Words are matched at the start of a word, ignoring case."""
    exact = role_from_text(text)
    if exact is not None:
        return exact
    for part in re.split(r"[,;/|]", text):
        exact = role_from_text(part)
        if exact is not None:
            return exact
    folded = " " + " ".join(text.casefold().split())
    for role, words in _ROLE_WORDS:
        # short words must be whole words ("son" is not "Sony"); longer ones may begin a word
        if any(re.search(r"(?<!\w)" + re.escape(word) + (r"(?!\w)" if len(word) <= 4 else ""), folded)
               for word in words):
            return role
    return None


class SupportType(enum.Enum):
    """What a contact gives."""

    EMOTIONAL = "emotional"
    PRACTICAL = "practical"
    INFORMATION = "information"
    COMPANIONSHIP = "companionship"
    CRISIS = "crisis"

    @property
    def label(self) -> str:
        """Short label, e.g. ``"Practical help"``."""
        return _(_SUPPORT_INFO[self][0])

    @property
    def description(self) -> str:
        """One line saying what it means."""
        return _(_SUPPORT_INFO[self][1])

    @property
    def gap_text(self) -> str:
        """A gentle sentence for when no one gives this, e.g. "No one is listed for rides or
        errands yet"."""
        return _(_SUPPORT_INFO[self][2])


_SUPPORT_INFO = {
    SupportType.EMOTIONAL: (
        N_("Emotional support"), N_("Listens, cares, someone to talk to"),
        N_("No one is listed yet as someone to talk to when things feel heavy."),
    ),
    SupportType.PRACTICAL: (
        N_("Practical help"), N_("Rides, meals, errands"),
        N_("No one is listed for rides, meals or errands yet."),
    ),
    SupportType.INFORMATION: (
        N_("Information and advice"), N_("Knows things, helps make sense of them"),
        N_("No one is listed yet for information and advice."),
    ),
    SupportType.COMPANIONSHIP: (
        N_("Companionship"), N_("Spends time together, does things together"),
        N_("No one is listed yet for company and time together."),
    ),
    SupportType.CRISIS: (
        N_("Crisis support"), N_("Can be reached when things are very hard"),
        N_("No one is listed yet to call in a crisis. A crisis line is there any time: see Get help now."),
    ),
}


class TieStrength(enum.Enum):
    """How the tie feels (ecomap line conventions: thick solid, solid, dashed, zig-zag)."""

    STRONG = "strong"
    MODERATE = "moderate"
    TENUOUS = "tenuous"
    STRESSFUL = "stressful"

    @property
    def label(self) -> str:
        """``"Strong"``, ``"Moderate"``, ``"Tenuous"`` or ``"Stressful"`` in the language in force."""
        # TRANSLATORS: how a tie between the person and someone in their support network feels.
        return {"strong": _("Strong"), "moderate": _("Moderate"), "tenuous": _("Tenuous"),
                "stressful": _("Stressful")}[self.value]

    @property
    def line_description(self) -> str:
        """How the line looks, in words (for the legend and for screen readers)."""
        return _(_LINE_WORDS[self])


_LINE_WORDS = {
    TieStrength.STRONG: N_("thick solid line"),
    TieStrength.MODERATE: N_("solid line"),
    TieStrength.TENUOUS: N_("dashed line"),
    TieStrength.STRESSFUL: N_("zig-zag line"),
}


class SupportDirection(enum.Enum):
    """Which way support flows (ecomap arrows)."""

    TO_PERSON = "to_person"
    FROM_PERSON = "from_person"
    BOTH = "both"

    def label(self, person_name: str = "") -> str:
        """E.g. ``"Mostly to Sam"``."""
        if self is SupportDirection.BOTH:
            return _("Both ways")
        if self is SupportDirection.TO_PERSON:
            return _("Mostly to {name}").format(name=person_name) if person_name else _("Mostly to the person")
        return _("Mostly from {name}").format(name=person_name) if person_name else _("Mostly from the person")


class PhoneKind(enum.Enum):
    MOBILE = "mobile"
    HOME = "home"
    WORK = "work"
    OTHER = "other"

    @property
    def label(self) -> str:
        """``"Mobile"``, ``"Home"``, ``"Work"`` or ``"Other"`` in the language in force."""
        # TRANSLATORS: the kind of a phone number.
        return {"mobile": pgettext("phone", "Mobile"), "home": pgettext("phone", "Home"),
                "work": pgettext("phone", "Work"), "other": pgettext("phone", "Other")}[self.value]


@dataclass(frozen=True)
class Phone:
    """A parsed phone number. ``number`` is E.164 (``+4930123456``) for full numbers; for short
    numbers such as 988 or 911 it is the digits, and ``region`` (ISO 3166 code) says where they
    work. ``extension`` is the digits to dial after the call is answered (``"204"`` from
    "ext. 204", "x204" or a vCard's ``;ext=204``), empty when there is none."""

    number: str
    kind: PhoneKind = PhoneKind.MOBILE
    region: str = ""
    extension: str = ""

    def stored(self) -> str:
        """The number with its extension in RFC 3966 form (``+12015550123;ext=204``), as the
        vault keeps it."""
        return f"{self.number};ext={self.extension}" if self.extension else self.number

    @classmethod
    def from_stored(cls, text: str, kind: "PhoneKind" = PhoneKind.MOBILE, region: str = "") -> "Phone":
        """The :class:`Phone` that :meth:`stored` wrote."""
        number, _sep, extension = text.partition(";ext=")
        return cls(number, kind, region, extension)

    @property
    def is_short(self) -> bool:
        return not self.number.startswith("+")


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _clean_line(value: str, label: str, limit: int = SHORT_TEXT_MAX) -> str:
    return at_most(" ".join(value.split()), limit, _("{label}: at most {limit} characters, please.").format(label=_(label), limit=limit))


def _clean_text(value: str, label: str, limit: int = LONG_TEXT_MAX) -> str:
    return at_most(value.replace("\r\n", "\n").replace("\r", "\n").strip(), limit,
                   _("{label}: at most {limit} characters, please.").format(label=_(label), limit=limit))


def clean_email(value: str) -> str:
    """The address without outer spaces, or :class:`ValidationError` when it cannot be an email
    address ('' is fine: no email)."""
    cleaned = value.strip()
    if cleaned and (len(cleaned) > 254 or not _EMAIL.match(cleaned)):
        raise ValidationError(
            _("“{value}” does not look like an email address. It should look like name@example.org.").format(value=cleaned[:60]),
            field="email",
        )
    return cleaned


@dataclass(frozen=True)
class Contact:
    """Someone in the person's network. ``last_in_touch`` is a local calendar date (optional);
    ``position`` is where the user placed them on the ecomap (scene units, person at 0, 0) or
    None for automatic placement. Raises :class:`ValidationError` (plain words) when built with
    an empty name, an impossible email or over-long text."""

    id: int | None
    person_id: int
    name: str
    role: Role = Role.OTHER
    organisation: str = ""
    phones: tuple[Phone, ...] = ()
    email: str = ""
    address: str = ""
    availability: str = ""
    notes: str = ""
    last_in_touch: date | None = None
    support: frozenset[SupportType] = field(default_factory=frozenset)
    strength: TieStrength = TieStrength.MODERATE
    direction: SupportDirection = SupportDirection.BOTH
    position: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        name = _clean_line(self.name, N_("Name"), NAME_MAX)
        if not name:
            raise ValidationError(_("Please give this contact a name."), field="name")
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "organisation", _clean_line(self.organisation, N_("Organization")))
        object.__setattr__(self, "email", clean_email(self.email))
        object.__setattr__(self, "address", _clean_text(self.address, N_("Address"), 1_000))
        object.__setattr__(self, "availability", _clean_line(self.availability, N_("When to reach them")))
        object.__setattr__(self, "notes", _clean_text(self.notes, N_("Notes")))
        object.__setattr__(self, "support", frozenset(self.support))
        if len(self.phones) > MAX_PHONES:
            raise ValidationError(_("A contact can have at most {count} phone numbers.").format(count=MAX_PHONES))
        seen: list[Phone] = []
        for phone in self.phones:
            if all(p.number != phone.number for p in seen):
                seen.append(phone)
        object.__setattr__(self, "phones", tuple(seen))

    @property
    def clinical(self) -> bool:
        return self.role.clinical

    @property
    def sector(self) -> Sector:
        return self.role.sector

    def ordered_support(self) -> list[SupportType]:
        """The support types in their standard order."""
        return [t for t in SupportType if t in self.support]


# --- appointments ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A question to ask at an appointment. ``carried_over`` marks one that was still open after
    an earlier visit with the same provider and was moved on to the next."""

    text: str
    answered: bool = False
    answer: str = ""
    carried_over: bool = False

    def __post_init__(self) -> None:
        text = _clean_line(self.text, N_("Question"), QUESTION_MAX)
        if not text:
            raise ValidationError(_("A question cannot be empty."))
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "answer", _clean_text(self.answer, N_("Answer"), LONG_TEXT_MAX))


@dataclass(frozen=True)
class Appointment:
    """A visit. Timed appointments: ``starts_at`` is the UTC instant and ``zone_name`` the IANA
    zone it was planned in; ``local_date`` is the calendar date there. All-day appointments:
    ``all_day`` True, ``local_date`` the day, ``starts_at`` the start of that day in
    ``zone_name`` (kept only for ordering). ``duration_minutes`` is ignored for all-day ones."""

    id: int | None
    person_id: int
    starts_at: datetime
    local_date: date
    zone_name: str
    all_day: bool = False
    duration_minutes: int = 60
    contact_id: int | None = None
    place: str = ""
    video_link: str = ""
    purpose: str = ""
    questions: tuple[Question, ...] = ()
    notes_after: str = ""

    def __post_init__(self) -> None:
        if self.starts_at.tzinfo is None:
            raise ValueError("starts_at must be an aware UTC instant")
        if not 5 <= self.duration_minutes <= 24 * 60:
            raise ValidationError(_("An appointment lasts between 5 minutes and 24 hours."))
        object.__setattr__(self, "place", _clean_text(self.place, N_("Place"), 1_000))
        object.__setattr__(self, "video_link", _clean_video_link(self.video_link))
        object.__setattr__(self, "purpose", _clean_line(self.purpose, N_("Purpose"), 300))
        object.__setattr__(self, "notes_after", _clean_text(self.notes_after, N_("Notes after the visit")))
        if len(self.questions) > MAX_QUESTIONS:
            raise ValidationError(_("An appointment can have at most {count} questions.").format(count=MAX_QUESTIONS))

    @property
    def open_questions(self) -> list[Question]:
        return [q for q in self.questions if not q.answered]


def _clean_video_link(value: str) -> str:
    cleaned = value.strip()
    if not cleaned:
        return ""
    if len(cleaned) > 1_000 or any(c.isspace() for c in cleaned):
        raise ValidationError(_("The video link should be one web address with no spaces."), field="video_link")
    if not re.match(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/|$|\?|:)", cleaned, re.IGNORECASE):
        raise ValidationError(_("The video link should be a web address, like https://meet.example.org/room."),
                              field="video_link")
    if not cleaned.lower().startswith(("http://", "https://")):
        cleaned = "https://" + cleaned
    return cleaned
