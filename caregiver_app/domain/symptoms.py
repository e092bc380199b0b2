"""The starter symptom list offered in the entry editor. Users can add their own symptoms too.

A starter symptom's ``name`` is English and is what the vault stores and what the warning-sign
pages match by: it never changes with the language. People read it through :func:`symptom_label`
(or :attr:`StarterSymptom.label`), which translates a starter name and leaves a symptom the user
typed as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _


@dataclass(frozen=True)
class StarterSymptom:
    """A symptom the app offers by name, with a plain description for the picker."""

    name: str
    description: str
    asks_where: bool = False
    """True when the symptom needs a place on the body (the editor then asks "Where?")."""

    @property
    def label(self) -> str:
        """The name in the language in force (the stored name stays :attr:`name`)."""
        return _(self.name)

    @property
    def about(self) -> str:
        """The description in the language in force."""
        return _(self.description)


STARTER_SYMPTOMS: tuple[StarterSymptom, ...] = (
    StarterSymptom(N_("Low mood"), N_("Feeling down, sad or empty")),
    StarterSymptom(N_("Hopelessness"), N_("Feeling that things will not get better")),
    StarterSymptom(N_("Anxiety"), N_("Worry or nervousness that is hard to shake")),
    StarterSymptom(N_("Panic"), N_("A sudden wave of fear, often with a racing heart")),
    StarterSymptom(N_("Irritability"), N_("Snapping at people, short temper")),
    StarterSymptom(N_("Racing thoughts"), N_("Thoughts coming too fast to keep up with")),
    StarterSymptom(N_("Hearing or seeing things"), N_("Hearing voices or seeing things others do not")),
    StarterSymptom(N_("Confusion"), N_("Mixed up about time, place or what is happening")),
    StarterSymptom(N_("Memory problems"), N_("Forgetting recent things, repeating questions")),
    StarterSymptom(N_("Agitation"), N_("Restless, pacing, unable to settle")),
    StarterSymptom(N_("Trouble falling asleep"), N_("Lying awake a long time before sleep comes")),
    StarterSymptom(N_("Waking at night"), N_("Waking up during the night and staying awake")),
    StarterSymptom(N_("Waking too early"), N_("Waking hours before planned and not getting back to sleep")),
    StarterSymptom(N_("Nightmares"), N_("Bad dreams that wake the person or upset them")),
    StarterSymptom(N_("Sleeping too much"), N_("Much more sleep than usual, hard to get up")),
    StarterSymptom(N_("Fatigue"), N_("Tired or low on energy most of the day")),
    StarterSymptom(N_("Low appetite"), N_("Eating much less than usual")),
    StarterSymptom(N_("Pain"), N_("Pain anywhere in the body; say where, for example lower back"), asks_where=True),
    StarterSymptom(N_("Headache"), N_("Pain in the head")),
    StarterSymptom(N_("Dizziness"), N_("Feeling light-headed, faint or off balance")),
    StarterSymptom(N_("Nausea"), N_("Feeling sick to the stomach")),
    StarterSymptom(N_("Falls"), N_("A fall or a near fall")),
    StarterSymptom(N_("Shortness of breath"), N_("Hard to catch a breath")),
    StarterSymptom(N_("Cravings"), N_("Strong urges to drink or use")),
    StarterSymptom(N_("Withdrawing from others"), N_("Pulling away from family, friends or activities")),
)

STARTER_SYMPTOM_NAMES: tuple[str, ...] = tuple(s.name for s in STARTER_SYMPTOMS)


def symptom_label(name: str) -> str:
    """How a stored symptom name reads in the language in force: a starter symptom translated
    (``"Falls"`` -> ``"Caídas"``), with its place kept (``"Pain (lower back)"`` -> ``"Dolor
    (lower back)"``); a symptom the user typed, as typed."""
    base, where = split_location(name)
    key = base.strip().casefold()
    for symptom in STARTER_SYMPTOMS:
        if symptom.name.casefold() == key:
            label = symptom.label
            return name if label == symptom.name else with_location(label, where)  # English: as stored
    return name


def symptom_key(text: str) -> str:
    """The reverse of :func:`symptom_label` for what a person picked or typed: a starter symptom's
    name in the language in force (any case) back to its stored English name; the place kept for
    one that asks where (``"Dolor (lower back)"`` -> ``"Pain (lower back)"``); anything else as it is."""
    folded = text.strip().casefold()
    for symptom in STARTER_SYMPTOMS:
        for word in (symptom.name, symptom.label):
            if folded == word.casefold():
                return symptom.name
            prefix = word.casefold() + " ("
            if symptom.asks_where and folded.startswith(prefix) and folded.endswith(")"):
                return with_location(symptom.name, text.strip()[len(prefix) : -1])
    return text


def with_location(name: str, where: str) -> str:
    """A symptom name with the place it is felt, e.g. ``with_location("Pain", "lower back")`` ->
    ``"Pain (lower back)"``; just ``name`` when ``where`` is empty."""
    where = " ".join(where.replace("(", " ").replace(")", " ").split())
    return f"{name} ({where})" if where else name


def split_location(name: str) -> tuple[str, str]:
    """The reverse of :func:`with_location` for symptoms that ask where:
    ``"Pain (lower back)"`` -> ``("Pain", "lower back")``; other names -> ``(name, "")``."""
    for symptom in STARTER_SYMPTOMS:
        if not symptom.asks_where:
            continue
        prefix = symptom.name.casefold() + " ("
        if name.casefold().startswith(prefix) and name.endswith(")"):
            return symptom.name, name[len(prefix) : -1].strip()
    return name, ""


def asks_where(name: str) -> bool:
    """True when ``name`` is a starter symptom that needs a place on the body (e.g. Pain)."""
    key = name.strip().casefold()
    return any(s.asks_where and s.name.casefold() == key for s in STARTER_SYMPTOMS)


COMMON_STRESSORS: tuple[str, ...] = (
    "family pressure",
    "work",
    "money",
    "loneliness",
    "poor sleep",
    "missed appointment",
)
"""Stressors offered with one click in the entry editor (users can type their own)."""

COMMON_ACTIVITIES: tuple[str, ...] = (
    "exercise",
    "time outside",
    "talked with someone",
)
"""Activities offered with one click in the entry editor (users can type their own)."""
