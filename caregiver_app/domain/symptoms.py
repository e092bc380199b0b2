"""The starter symptom list offered in the entry editor. Users can add their own symptoms too."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StarterSymptom:
    """A symptom the app offers by name, with a plain description for the picker."""

    name: str
    description: str
    asks_where: bool = False
    """True when the symptom needs a place on the body (the editor then asks "Where?")."""


STARTER_SYMPTOMS: tuple[StarterSymptom, ...] = (
    StarterSymptom("Low mood", "Feeling down, sad or empty"),
    StarterSymptom("Hopelessness", "Feeling that things will not get better"),
    StarterSymptom("Anxiety", "Worry or nervousness that is hard to shake"),
    StarterSymptom("Panic", "A sudden wave of fear, often with a racing heart"),
    StarterSymptom("Irritability", "Snapping at people, short temper"),
    StarterSymptom("Racing thoughts", "Thoughts coming too fast to keep up with"),
    StarterSymptom("Hearing or seeing things", "Hearing voices or seeing things others do not"),
    StarterSymptom("Confusion", "Mixed up about time, place or what is happening"),
    StarterSymptom("Memory problems", "Forgetting recent things, repeating questions"),
    StarterSymptom("Agitation", "Restless, pacing, unable to settle"),
    StarterSymptom("Trouble falling asleep", "Lying awake a long time before sleep comes"),
    StarterSymptom("Waking at night", "Waking up during the night and staying awake"),
    StarterSymptom("Waking too early", "Waking hours before planned and not getting back to sleep"),
    StarterSymptom("Nightmares", "Bad dreams that wake the person or upset them"),
    StarterSymptom("Sleeping too much", "Much more sleep than usual, hard to get up"),
    StarterSymptom("Fatigue", "Tired or low on energy most of the day"),
    StarterSymptom("Low appetite", "Eating much less than usual"),
    StarterSymptom("Pain", "Pain anywhere in the body; say where, for example lower back", asks_where=True),
    StarterSymptom("Headache", "Pain in the head"),
    StarterSymptom("Dizziness", "Feeling light-headed, faint or off balance"),
    StarterSymptom("Nausea", "Feeling sick to the stomach"),
    StarterSymptom("Falls", "A fall or a near fall"),
    StarterSymptom("Shortness of breath", "Hard to catch a breath"),
    StarterSymptom("Cravings", "Strong urges to drink or use"),
    StarterSymptom("Withdrawing from others", "Pulling away from family, friends or activities"),
)

STARTER_SYMPTOM_NAMES: tuple[str, ...] = tuple(s.name for s in STARTER_SYMPTOMS)


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
