"""Typed, Qt-free settings kept in the platform's config folder.

Never health data: no names, no notes, no file names the user typed. Anything personal lives in
the encrypted database (see ``services.people.preparer_name``). The file is written atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from platformdirs import user_config_path

from .private_files import write_private

SETTINGS_VERSION = 1


@dataclass
class Settings:
    """User preferences. ``idle_lock_minutes`` 0 turns auto-lock off; ``paper`` is ``"auto"``
    (from the locale), ``"letter"`` or ``"a4"``; ``time_zone`` empty means the computer's.
    ``phone_region`` (ISO 3166 code for reading local phone numbers) empty means the locale's.
    ``crisis_country`` is the ISO 3166 code whose crisis numbers "Get help now" shows;
    ``crisis_lines`` are public service numbers the user added there (dicts with ``country``,
    ``kind``, ``name``, ``number``, ``how``; see ``domain.crisis_lines``). They are kept here, not in
    the vault, so they show while it is locked; personal contacts belong in the safety plan.
    ``country`` is the ISO 3166-1 alpha-2 code the family chose (empty: not chosen yet, so the
    system locale's country is used); ``language`` is a language code (``"en"``); ``time_format``
    is ``"system"`` (follow the locale), ``"12h"`` or ``"24h"``."""

    idle_lock_minutes: int = 10
    paper: str = "auto"
    time_zone: str = ""
    window_geometry: str = ""
    phone_region: str = ""
    crisis_country: str = "US"
    crisis_lines: list = field(default_factory=list)
    country: str = ""
    language: str = "en"
    time_format: str = "system"
    version: int = SETTINGS_VERSION

    def __post_init__(self) -> None:
        if not isinstance(self.idle_lock_minutes, int) or not 0 <= self.idle_lock_minutes <= 24 * 60:
            self.idle_lock_minutes = 10
        if self.paper not in ("auto", "letter", "a4"):
            self.paper = "auto"
        if not isinstance(self.time_zone, str):
            self.time_zone = ""
        if not isinstance(self.window_geometry, str):
            self.window_geometry = ""
        if not isinstance(self.phone_region, str) or len(self.phone_region) > 3:
            self.phone_region = ""
        code = self.crisis_country
        if not (isinstance(code, str) and len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()):
            self.crisis_country = "US"
        country = self.country
        if not (isinstance(country, str) and (country == "" or (
                len(country) == 2 and country.isascii() and country.isalpha() and country.isupper()))):
            self.country = ""
        if not isinstance(self.language, str) or not self.language or len(self.language) > 16:
            self.language = "en"
        if self.time_format not in ("system", "12h", "24h"):
            self.time_format = "system"
        if not isinstance(self.crisis_lines, list):
            self.crisis_lines = []
        self.crisis_lines = [
            item for item in self.crisis_lines
            if isinstance(item, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in item.items())
        ]


def default_path() -> Path:
    """``settings.json`` in this user's config folder for the app."""
    return user_config_path("CaregiverCompanion", appauthor=False, roaming=True) / "settings.json"


def load(path: Path | None = None) -> Settings:
    """The saved settings, or defaults when the file is missing or unreadable (never raises)."""
    path = path or default_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known and k != "version"})


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (mode 0600). Raises ``OSError`` when the folder is not
    writable; callers show a plain message and keep running."""
    path = path or default_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(path, (json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n").encode("utf-8"))
