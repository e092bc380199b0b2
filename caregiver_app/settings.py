"""Typed, Qt-free settings, kept in the data folder in use (``settings.json`` beside the vault).

Settings belong to the data folder: ``--data-dir DIR`` keeps its own file in DIR, and the usual
data folder keeps its own (the first time, it takes over the old file from the platform's config
folder, :func:`legacy_path`). Older files are upgraded on load: their ``crisis_country`` and
``phone_region`` become ``country``. A damaged file falls back to the defaults, and
:func:`load_with_notice` says so in plain words (the GUI shows it once, the CLI on stderr).

Never health data: no names, no notes, no file names the user typed. Anything personal lives in
the encrypted database (see ``services.people.preparer_name``). The file is written atomically.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from functools import lru_cache
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from zoneinfo import available_timezones

from platformdirs import user_config_path

from .i18n import LANGUAGES, N_, system_language
from .private_files import write_private

SETTINGS_VERSION = 2
FILE_NAME = "settings.json"
MAX_CRISIS_LINES = 100
"""The most numbers a family can add in Get help now. Thousands (a damaged or duplicated file)
took minutes to draw, in the one window that must open at once."""
MAX_FILE_BYTES = 1024 * 1024
"""A settings file is a few hundred bytes; anything over this is damaged (or not ours), and is
not read whole (a huge file or a link to a device must not fill the memory)."""
MAX_LATER_MINUTES = 240
"""The longest a reminder can be put off with Later (four hours)."""
SYSTEM_LANGUAGE = ""
"""``language`` for "the system's language" (the default): see :func:`effective_language`."""
DAMAGED_NOTICE = N_("The settings file could not be read, so the app is using its usual settings "
                  "for now. Your journal is safe. Choose your country and other settings again in "
                  "Settings, and they will be saved.")


@dataclass
class Settings:
    """User preferences. ``idle_lock_minutes`` 0 turns auto-lock off; ``paper`` is ``"auto"``
    (follow the country: Letter in the US, Canada and Mexico, else A4), ``"letter"`` or ``"a4"``;
    ``time_zone`` empty means the computer's, else an IANA name. The country decides the crisis
    and emergency numbers and the phone region (use :func:`effective_country`);
    ``crisis_lines`` are public service numbers the user added (dicts with ``country``,
    ``kind``, ``name``, ``number``, ``how``; see ``domain.crisis_lines``). They are kept here, not in
    the vault, so they show while it is locked; personal contacts belong in the safety plan.
    ``country`` is the ISO 3166-1 alpha-2 code the family chose (empty: not chosen yet, so the
    system locale's country is used); ``language`` is a code of ``i18n.LANGUAGES`` (``"en"``,
    ``"es"``) or ``""`` for the system's language (use :func:`effective_language`); ``time_format``
    is ``"system"`` (follow the locale), ``"12h"`` or ``"24h"``. Reminders: ``daily_reminder``
    with its wall-clock ``daily_reminder_time`` (``"HH:MM"``, 24-hour; a time of day is not health
    data), ``medicine_reminders`` and ``appointment_reminders`` on or off,
    ``reminder_later_minutes`` (1-240) for Later, and ``keep_in_tray`` (closing the window keeps the
    app running in the system tray). Medicine names and times stay in the vault."""

    idle_lock_minutes: int = 10
    paper: str = "auto"
    time_zone: str = ""
    window_geometry: str = ""
    crisis_lines: list = field(default_factory=list)
    country: str = ""
    language: str = SYSTEM_LANGUAGE
    time_format: str = "system"
    daily_reminder: bool = False
    daily_reminder_time: str = "20:00"
    medicine_reminders: bool = True
    appointment_reminders: bool = True
    reminder_later_minutes: int = 10
    keep_in_tray: bool = False
    version: int = SETTINGS_VERSION

    def __post_init__(self) -> None:
        minutes = self.idle_lock_minutes
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= 24 * 60:
            self.idle_lock_minutes = 10
        if self.paper not in ("auto", "letter", "a4"):
            self.paper = "auto"
        if not isinstance(self.time_zone, str) or (self.time_zone and self.time_zone not in time_zones()):
            self.time_zone = ""
        if not isinstance(self.window_geometry, str):
            self.window_geometry = ""
        if isinstance(self.country, str) and len(self.country) == 2 and self.country.isascii():
            self.country = self.country.upper()  # "gb" typed into the file by hand still means GB
        country = self.country
        if not (isinstance(country, str) and (country == "" or (
                len(country) == 2 and country.isascii() and country.isalpha() and country.isupper()))):
            self.country = ""
        if not isinstance(self.language, str) or self.language not in (SYSTEM_LANGUAGE, *LANGUAGES):
            self.language = SYSTEM_LANGUAGE
        if self.time_format not in ("system", "12h", "24h"):
            self.time_format = "system"
        for name, default in (("daily_reminder", False), ("medicine_reminders", True),
                              ("appointment_reminders", True), ("keep_in_tray", False)):
            if not isinstance(getattr(self, name), bool):
                setattr(self, name, default)
        if not _is_time_of_day(self.daily_reminder_time):
            self.daily_reminder_time = "20:00"
        later = self.reminder_later_minutes
        if isinstance(later, bool) or not isinstance(later, int) or not 1 <= later <= MAX_LATER_MINUTES:
            self.reminder_later_minutes = 10
        if not isinstance(self.crisis_lines, list):
            self.crisis_lines = []
        self.crisis_lines = [
            item for item in self.crisis_lines
            if isinstance(item, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in item.items())
        ][:MAX_CRISIS_LINES]


def _is_time_of_day(text: object) -> bool:
    """True for a 24-hour ``"HH:MM"`` such as ``"08:30"`` or ``"20:00"``."""
    if not (isinstance(text, str) and len(text) == 5 and text[2] == ":" and text.replace(":", "").isdigit()
            and text.isascii()):
        return False
    return int(text[:2]) < 24 and int(text[3:]) < 60


def effective_country(settings: Settings, system_locale_name: str) -> str:
    """The ISO 3166-1 alpha-2 country in effect: ``settings.country`` when the family chose one,
    else the territory of ``system_locale_name`` (``"en_GB"``, ``"de-DE"``, ``"es_MX.UTF-8"``,
    ``"sr_RS@latin"``; in the GUI pass ``QLocale.system().name()``), else ``""`` (no country known:
    callers say "your local emergency number"). Always upper case. Pure: reads no environment."""
    chosen = getattr(settings, "country", "")
    if _is_country_code(chosen):
        return chosen
    territory = locale_territory(system_locale_name)
    return territory if _is_country_code(territory) else ""


def effective_language(settings: Settings, *system_locale_names: str) -> str:
    """The language code in effect: ``settings.language`` when the family chose one, else the
    first language the app speaks among ``system_locale_names`` (the system's, most preferred
    first: ``QLocale.system().uiLanguages()`` in the GUI, ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/
    ``LANG`` in the CLI), else English. Pure: reads no environment. An older file that says
    ``"en"`` keeps English (it is a choice like any other)."""
    chosen = getattr(settings, "language", SYSTEM_LANGUAGE)
    if isinstance(chosen, str) and chosen in LANGUAGES:
        return chosen
    return system_language(*system_locale_names)


def locale_territory(locale_name: str) -> str:
    """The upper-case two-letter territory of a locale name (``"en_GB.UTF-8"`` -> ``"GB"``,
    ``"de-DE"`` -> ``"DE"``), or ``""`` when it names none (``"C"``, ``"en"``, ``"es_419"``)."""
    base = (locale_name or "").split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    code = parts[-1].upper() if len(parts) >= 2 else ""
    return code if _is_country_code(code) else ""


def _is_country_code(code: object) -> bool:
    return isinstance(code, str) and len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()


@lru_cache(maxsize=1)
def time_zones() -> frozenset[str]:
    """Every IANA time zone name this computer (or the tzdata package) knows."""
    return frozenset(available_timezones())


def path_for(folder: Path) -> Path:
    """The settings file of the data folder ``folder`` (``folder/settings.json``)."""
    return Path(folder) / FILE_NAME


def location(folder: Path, usual_folder: Path) -> tuple[Path, Path | None]:
    """``(settings file, older file to take over or None)`` for the data folder ``folder``. Each
    data folder keeps its own settings; only the usual one (``usual_folder``) takes over the file
    that earlier versions kept in the platform's config folder."""
    legacy = legacy_path() if _resolved(folder) == _resolved(usual_folder) else None
    return path_for(folder), legacy


def _resolved(folder: Path) -> Path:
    """``folder`` with its links followed; as given (made absolute) when they cannot be (a link
    loop: an OSError, or a RuntimeError before Python 3.13)."""
    try:
        return Path(folder).resolve()
    except (OSError, RuntimeError):
        return Path(folder).absolute()


def load_for_folder(folder: Path, usual_folder: Path) -> tuple[Settings, str, Path]:
    """``(settings, notice, path)`` for the data folder ``folder`` (see :func:`location` and
    :func:`load_with_notice`). After a damaged file, the defaults are written back at once, so
    the notice is given once."""
    path, legacy = location(folder, usual_folder)
    settings, notice = load_with_notice(path, legacy)
    if notice:
        try:
            save(settings, path)
        except OSError:
            pass  # still damaged next time: the notice comes again, which is right
    return settings, notice, path


def legacy_path() -> Path:
    """Where versions before settings-per-data-folder kept the file: ``settings.json`` in this
    user's config folder for the app. Only the usual data folder takes it over."""
    return user_config_path("CaregiverCompanion", appauthor=False, roaming=True) / FILE_NAME


default_path = legacy_path


def load(path: Path | None = None) -> Settings:
    """The saved settings, or defaults when the file is missing or unreadable (never raises)."""
    return load_with_notice(path or legacy_path())[0]


def load_with_notice(path: Path, legacy: Path | None = None) -> tuple[Settings, str]:
    """``(settings, notice)`` from ``path``. When ``path`` does not exist, ``legacy`` (an older
    file to take over) is read instead, if given. ``notice`` is ``""``, or
    :data:`DAMAGED_NOTICE` when a file exists but is damaged (not JSON, not an object, not
    readable): the defaults are used then. Never raises."""
    try:
        there = path.exists()
    except OSError:  # its folder cannot be opened (another account's): the start says so, not as damage
        return Settings(), ""
    source = path if there or legacy is None else legacy
    try:
        # Opened without waiting, so a pipe in the file's place is refused instead of freezing the start.
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise OSError(errno.EINVAL, "not an ordinary file")
            data = file.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return Settings(), DAMAGED_NOTICE
        raw = json.loads(data.decode("utf-8"))
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
        return Settings(), DAMAGED_NOTICE
    if not isinstance(raw, dict):
        return Settings(), DAMAGED_NOTICE
    return from_dict(raw), ""


def from_dict(raw: dict) -> Settings:
    """Settings from a file's object, upgrading older versions: a file without ``country`` takes
    its ``crisis_country`` when it is not the old default (US), else its ``phone_region``. A bare
    ``crisis_country`` of US is not taken: older versions wrote it into every file, chosen or not,
    so the computer's country is used instead (a family in the UK that never opened Get help now
    must not be pinned to 911). Unknown keys are dropped; bad values become defaults."""
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known and k != "version"}
    if "country" not in raw:
        crisis, phone = raw.get("crisis_country"), raw.get("phone_region")
        crisis = crisis.upper() if isinstance(crisis, str) else ""
        phone = phone.upper() if isinstance(phone, str) else ""
        for candidate in ((crisis if crisis != "US" else ""), phone):
            if _is_country_code(candidate):
                values["country"] = candidate
                break
    return Settings(**values)


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (mode 0600). Raises ``OSError`` when the folder is not
    writable; callers show a plain message and keep running."""
    path = path or legacy_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(path, (json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n").encode("utf-8"))


def save_in_folder(settings: Settings, path: Path, data_folder: Path) -> None:
    """:func:`save`, but never make the data folder ``data_folder`` again once a journal has been
    there: a folder missing now went away (a drive unplugged, a network folder gone), and making
    it would put an empty folder on this computer's own disk, where the drive is mounted (the next
    start would take it for an empty folder, and hide the drive under it). Raises
    ``FileNotFoundError`` then, which callers treat as any failed write."""
    if path.parent == data_folder and not data_folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the data folder is not there", str(data_folder))
    save(settings, path)


def paper_for(settings: Settings, country: str) -> str:
    """``"letter"`` or ``"a4"``: the chosen paper, or for ``"auto"`` the country's (Letter in
    the United States, Canada, Mexico and a few others that use it; A4 elsewhere and when no
    country is known)."""
    if settings.paper in ("letter", "a4"):
        return settings.paper
    return "letter" if country in LETTER_COUNTRIES else "a4"


LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV", "NI"})
"""Countries where Letter is the usual paper size (Unicode CLDR's paper-size data)."""
