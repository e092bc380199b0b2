"""Standard questionnaires (PHQ-9, GAD-7): item answers, totals and the published severity bands.

The app records the results of the *official* forms. Each item shows the official form's own
wording in the language in force when the developers publish that form in that language (their
notice allows display, see below), and always a short, neutral topic label written for this app.
Item wording is never translated by us: a language without an official form shows the topic
labels only, with a pointer to the official forms (:func:`official_form_line`).

Sources for scoring:

* PHQ-9: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity
  measure. J Gen Intern Med. 2001;16(9):606-613. Nine items scored 0-3, total 0-27; bands 0-4
  minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe.
* GAD-7: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized
  anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097. Seven items scored 0-3,
  total 0-21; bands 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.

The official forms are free to download from the developers' site, phqscreeners.com ("No
permission required to reproduce, translate, display or distribute"; developed by Drs. Robert L.
Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer
Inc.).

Standard library only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from ..i18n import N_, _, language
from .errors import ValidationError
from .model import NOTE_MAX_CHARS, Recorder

ANSWER_MIN = 0
ANSWER_MAX = 3
FORMS_SITE = "phqscreeners.com"
FORMS_URL = "https://www.phqscreeners.com"
CREDIT_LINE = (  # English; what a person reads comes from credit_line()
    "PHQ-9 and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke "
    "and colleagues, with an educational grant from Pfizer Inc. No permission is required to "
    "reproduce, translate, display or distribute them."
)
SELF_HARM_ITEM = 9
"""The PHQ-9 item (1-based) about thoughts of death or of hurting oneself. Any answer above 0
needs a same-day safety follow-up, whatever the total."""


@dataclass(frozen=True)
class Band:
    """A published severity band: totals ``low``..``high`` inclusive, and its name."""

    low: int
    high: int
    name: str
    """The English name (stored nowhere; marked for the catalog)."""

    @property
    def label(self) -> str:
        """The band's name in the language in force, e.g. ``"moderate"``/``"moderada"``."""
        return _(self.name)

    def contains(self, total: int) -> bool:
        return self.low <= total <= self.high


class Instrument(enum.Enum):
    """A standard questionnaire the app can record. ``value`` is the name users and clinicians
    know it by (stored as is)."""

    PHQ9 = "PHQ-9"
    GAD7 = "GAD-7"

    @property
    def title(self) -> str:
        """The questionnaire's full name, e.g. ``"PHQ-9 (depression)"``, in the language in force."""
        return _(_INFO[self].title)

    @property
    def item_count(self) -> int:
        return len(_INFO[self].topics)

    @property
    def max_total(self) -> int:
        return self.item_count * ANSWER_MAX

    @property
    def topics(self) -> tuple[str, ...]:
        """Short neutral topic labels for the items, in order (our words, not the form's), in the
        language in force."""
        return tuple(_(topic) for topic in _INFO[self].topics)

    @property
    def wording(self) -> tuple[str, ...]:
        """The items as the official form words them in the language in force, in order (the
        form's notice allows showing them: see :data:`CREDIT_LINE`), so no paper form is needed.
        Where the developers' form in that language is not held here (the GAD-7 in Spanish), the
        items are our topic labels instead: never a wording of our own (see
        :attr:`has_official_wording` and :func:`official_form_line`)."""
        official = _OFFICIAL.get(language(), {}).get(self)
        return official.items if official is not None else self.topics

    @property
    def has_official_wording(self) -> bool:
        """True when :attr:`wording` is the official form's own wording in the language in force."""
        return self in _OFFICIAL.get(language(), {})

    @property
    def bands(self) -> tuple[Band, ...]:
        """The published severity bands, lowest first; they cover 0..max_total without gaps."""
        return _INFO[self].bands

    @property
    def source(self) -> str:
        """The citation for the scoring and bands."""
        return _INFO[self].source


@dataclass(frozen=True)
class _Info:
    title: str
    topics: tuple[str, ...]
    bands: tuple[Band, ...]
    source: str


_INFO = {
    Instrument.PHQ9: _Info(
        title=N_("PHQ-9 (depression)"),
        topics=(
            N_("Interest or enjoyment"),
            N_("Feeling down"),
            N_("Sleep"),
            N_("Tiredness or low energy"),
            N_("Appetite"),
            N_("Feeling bad about oneself"),
            N_("Concentration"),
            N_("Moving slowly or restlessness"),
            N_("Thoughts of death or self-harm"),
        ),
        bands=(
            Band(0, 4, N_("minimal")),
            Band(5, 9, N_("mild")),
            Band(10, 14, N_("moderate")),
            Band(15, 19, N_("moderately severe")),
            Band(20, 27, N_("severe")),
        ),
        source="Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16(9):606-613",
    ),
    Instrument.GAD7: _Info(
        title=N_("GAD-7 (anxiety)"),
        topics=(
            N_("Nervousness"),
            N_("Stopping worry"),
            N_("Amount of worry"),
            N_("Relaxing"),
            N_("Restlessness"),
            N_("Irritability"),
            N_("Feeling afraid"),
        ),
        bands=(
            Band(0, 4, N_("minimal")),
            Band(5, 9, N_("mild")),
            Band(10, 14, N_("moderate")),
            Band(15, 21, N_("severe")),
        ),
        source="Spitzer, Kroenke, Williams & Löwe, Arch Intern Med 2006;166(10):1092-1097",
    ),
}


# The stem and the answers of both forms, and their items, as published (see CREDIT_LINE), in
# English. What a person reads comes from form_stem(), answer_words() and Instrument.wording, which
# pick the official table of the language in force (_OFFICIAL, below).
FORM_STEM = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
ANSWER_WORDS = ("Not at all", "Several days", "More than half the days", "Nearly every day")
_WORDING = {
    Instrument.PHQ9: (
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
        "fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    Instrument.GAD7: (
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
}


@dataclass(frozen=True)
class _OfficialForm:
    """One official form in one language, word for word as its developers publish it."""

    stem: str
    answers: tuple[str, ...]
    items: tuple[str, ...]
    notice: str


_PHQ9_ES_STEM = "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?"
_PHQ9_ES_ANSWERS = ("Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días")
_PHQ9_ES_NOTICE = (
    "Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, mediante "
    "una subvención educativa otorgada por Pfizer Inc. No se requiere permiso para reproducir, traducir, "
    "presentar o distribuir."
)

_OFFICIAL: dict[str, dict[Instrument, _OfficialForm]] = {
    "en": {
        instrument: _OfficialForm(FORM_STEM, ANSWER_WORDS, _WORDING[instrument], CREDIT_LINE)
        for instrument in Instrument
    },
    # Spanish: ONLY the developers' official translations, verbatim, never a translator's version
    # (so they are kept here, not in the catalog, where a translator could change them).
    # PHQ-9: "PHQ-9 Spanish for the USA", the official PDF "PatientHealthQuestionnaire9_Spanish"
    # from the developers' site https://www.phqscreeners.com (stem, answers, items 1-9, notice).
    # GAD-7: no stored copy of the official Spanish (USA) form could be read word for word, so it
    # is left out: in Spanish the GAD-7 shows our topic labels and points to the official form
    # (official_form_line()); add it here, verbatim from phqscreeners.com's PDF, once checked.
    "es": {
        Instrument.PHQ9: _OfficialForm(
            _PHQ9_ES_STEM,
            _PHQ9_ES_ANSWERS,
            (
                "Poco interés o placer en hacer cosas",
                "Se ha sentido decaído(a), deprimido(a) o sin esperanzas",
                "Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado",
                "Se ha sentido cansado(a) o con poca energía",
                "Sin apetito o ha comido en exceso",
                "Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted "
                "mismo(a) o con su familia",
                "Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico "
                "o ver la televisión",
                "¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – "
                "muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal",
                "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera",
            ),
            _PHQ9_ES_NOTICE,
        ),
    },
}

# Our own words for the 0-3 answers and the instructions, used only where a language has no
# official form held here (through the catalog, like every other message of ours).
_OWN_ANSWER_WORDS = (N_("Not at all"), N_("Several days"), N_("More than half the days"),
                     N_("Nearly every day"))


def _official(instrument: Instrument | None) -> _OfficialForm | None:
    forms = _OFFICIAL.get(language(), {})
    if instrument is None:  # the stem and answers shared by the forms of this language
        return next(iter(forms.values()), None)
    return forms.get(instrument)


def form_stem(instrument: Instrument | None = None) -> str:
    """The official form's question above the items, in the language in force; where that form
    is not held in this language, our own instruction to copy the answers from the official form."""
    official = _official(instrument)
    if official is not None:
        return official.stem
    return _("Copy here the answer (0 to 3) given to each item on the official form.")


def answer_words(instrument: Instrument | None = None) -> tuple[str, ...]:
    """The words of the answers 0-3, from the official form in the language in force (our own
    words through the catalog where that form is not held in this language)."""
    official = _official(instrument)
    if official is not None:
        return official.answers
    return tuple(_(word) for word in _OWN_ANSWER_WORDS)


def credit_line() -> str:
    """The developers' notice, as their form prints it in the language in force (English's, which
    names both questionnaires, where no official form is held in this language)."""
    official = _official(None)
    return official.notice if official is not None else CREDIT_LINE


def official_form_line(instrument: Instrument) -> str:
    """Where the official form of ``instrument`` in the language in force is, when its wording is
    not shown here (:attr:`Instrument.has_official_wording` is False); otherwise ``""``."""
    if instrument.has_official_wording:
        return ""
    return _("The official {name} form in your language, with the wording of each item, is free at "
             "{site}.").format(name=instrument.value, site=FORMS_SITE)


def instrument_from_name(name: str) -> Instrument:
    """``"PHQ-9"``/``"GAD-7"`` (also without the hyphen, any case) -> :class:`Instrument`.
    Raises :class:`ValidationError` for anything else."""
    key = name.strip().upper().replace(" ", "").replace("-", "")
    for instrument in Instrument:
        if instrument.value.replace("-", "") == key:
            return instrument
    raise ValidationError(_("“{name}” is not a questionnaire this app records. Use PHQ-9 or GAD-7.").format(
        name=name))


def check_answers(instrument: Instrument, answers: tuple[int, ...] | list[int]) -> tuple[int, ...]:
    """The answers as a tuple of whole numbers 0-3, one per item of ``instrument``.
    Raises :class:`ValidationError` naming the first missing or impossible item."""
    values = tuple(answers)
    if len(values) != instrument.item_count:
        raise ValidationError(
            _("The {name} has {count} items; please answer every one.").format(
                name=instrument.value, count=instrument.item_count)
        )
    for number, value in enumerate(values, start=1):
        if value is None:
            raise ValidationError(_("Please choose an answer (0 to 3) for item {number}.").format(number=number))
        if isinstance(value, bool) or not isinstance(value, int) or not ANSWER_MIN <= value <= ANSWER_MAX:
            raise ValidationError(_("Item {number} must be a whole number from 0 to 3.").format(number=number))
    return values


def total_score(instrument: Instrument, answers: tuple[int, ...] | list[int]) -> int:
    """The sum of the item answers (PHQ-9: 0-27, GAD-7: 0-21), per the published scoring."""
    return sum(check_answers(instrument, answers))


def band_for(instrument: Instrument, total: int) -> Band:
    """The published severity band of ``total`` (see the module docstring for the sources).
    Raises :class:`ValidationError` for a total outside 0..max_total."""
    for band in instrument.bands:
        if band.contains(total):
            return band
    raise ValidationError(_("A {name} total must be from 0 to {most}.").format(
        name=instrument.value, most=instrument.max_total))


def needs_crisis_help(instrument: Instrument, answers: tuple[int | None, ...] | list[int | None]) -> bool:
    """True when the PHQ-9 item about thoughts of death or self-harm (item 9) is above 0.
    Works on partly filled answers (``None`` for an unanswered item), so the help can show the
    moment that answer is chosen."""
    if instrument is not Instrument.PHQ9 or len(answers) < SELF_HARM_ITEM:
        return False
    value = answers[SELF_HARM_ITEM - 1]
    return value is not None and value > 0


@dataclass(frozen=True)
class ScoreResult:
    """One completed questionnaire for one person.

    ``taken_on`` is the local calendar date the form was filled in; ``answers`` are the item
    answers 0-3 in order. ``flag_for_visit`` is always True when :attr:`needs_crisis_help` is.
    """

    id: int | None
    person_id: int
    instrument: Instrument
    taken_on: date
    answers: tuple[int, ...]
    recorded_by: Recorder = field(default_factory=Recorder.person)
    note: str = ""
    flag_for_visit: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.instrument, Instrument):
            object.__setattr__(self, "instrument", instrument_from_name(str(self.instrument)))
        object.__setattr__(self, "answers", check_answers(self.instrument, self.answers))
        if len(self.note) > NOTE_MAX_CHARS:
            raise ValidationError(_("A note can be at most {count} characters.").format(count=NOTE_MAX_CHARS))
        if self.needs_crisis_help:
            object.__setattr__(self, "flag_for_visit", True)

    @property
    def total(self) -> int:
        return sum(self.answers)

    @property
    def band(self) -> Band:
        return band_for(self.instrument, self.total)

    @property
    def needs_crisis_help(self) -> bool:
        """PHQ-9 item 9 above 0: show crisis help and bring it up at the next visit."""
        return needs_crisis_help(self.instrument, self.answers)

    def describe(self) -> str:
        """A short line such as ``"PHQ-9 12 of 27, moderate"``."""
        return _("{name} {total} of {most}, {band}").format(
            name=self.instrument.value, total=self.total, most=self.instrument.max_total, band=self.band.label)


@dataclass(frozen=True)
class ScoreTrend:
    """For one questionnaire and a period: the latest result in the period, the one before it
    (possibly from before the period; None when there is none), the change in total (latest minus
    previous; None without a previous), and every result in the period that needs attention at the
    visit (PHQ-9 item 9 above 0, or flagged by the user), oldest first."""

    instrument: Instrument
    latest: ScoreResult
    previous: ScoreResult | None
    results_in_period: int
    flagged: tuple[ScoreResult, ...] = ()

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.latest.total - self.previous.total


def change_text(change: int | None) -> str:
    """``"up 3"``, ``"down 5"``, ``"no change"`` or ``"first score"`` (plain words, no colour)."""
    if change is None:
        return _("first score")
    if change > 0:
        # TRANSLATORS: a questionnaire total went up by {change} points since the last one.
        return _("up {change}").format(change=change)
    if change < 0:
        return _("down {change}").format(change=-change)
    return _("no change")


MAX_GAP_DAYS = 56
"""Two results more than this many days apart are not joined by a line on a chart (the
questionnaires are usually repeated every 2 to 4 weeks; a longer silence is shown as a gap)."""


def score_segments(results: list[ScoreResult] | tuple[ScoreResult, ...],
                   max_gap_days: int = MAX_GAP_DAYS) -> list[list[ScoreResult]]:
    """``results`` (one questionnaire, oldest first) split into runs to draw as joined lines: a
    new run starts after a gap of more than ``max_gap_days`` days."""
    runs: list[list[ScoreResult]] = []
    for result in results:
        if runs and (result.taken_on - runs[-1][-1].taken_on).days <= max_gap_days:
            runs[-1].append(result)
        else:
            runs.append([result])
    return runs
