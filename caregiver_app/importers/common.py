"""What every importer hands to the import service, plus the pieces they share.

Pure: standard library plus :mod:`caregiver_app.domain`; no Qt, no database.

* :class:`ImportedRow` – one journal entry as read from another app's file, already on the
  app's scales except the mood, which stays in the file's own terms (a value on the source scale
  or a label) until the service applies the user's :class:`ScaleRule` or label levels.
* :class:`ScaleRule` – how a 1–10 (or any ``low``–``high``) mood becomes the 5-point scale. The
  user sees the rule in words (:meth:`ScaleRule.describe`) and can change the cut points.
* :func:`read_zip_member` – reads one member of a ZIP backup with bounds on size, member count
  and compression ratio, refusing archives with path tricks in their member names.

Skip reasons and error messages never quote the file's content (it is health data).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from caregiver_app.domain.errors import CaregiverError
from caregiver_app.domain.model import MoodLevel

from ..i18n import N_, _

__all__ = [
    "ImportFormatError",
    "ImportedRow",
    "ParseResult",
    "ScaleRule",
    "RowsPreview",
    "SkippedRow",
    "choose_delimiter",
    "first_csv_record",
    "fingerprint",
    "normalize_line_ends",
    "read_csv_records",
    "read_zip_member",
]

ZIP_MAX_MEMBERS = 20_000
"""A Daylio backup holds one member per photo; more than this is not a journal backup."""
ZIP_MAX_MEMBER_BYTES = 50 * 1024 * 1024
ZIP_MAX_RATIO = 200
"""Text compresses about 5-20 times; a member far beyond this is a ZIP bomb, not a journal."""


class ImportFormatError(CaregiverError):
    """The file cannot be read as the format asked for. The message is plain words and never
    quotes the file's content."""


@dataclass(frozen=True)
class ScaleRule:
    """Maps a whole-number mood from ``low``–``high`` to the app's 5 levels.

    ``cuts`` are the highest source values of levels 1–4 (ascending); values above the last cut
    are level 5. The default for 1–10 is ``(2, 4, 6, 8)``: 1–2 very low, 3–4 low, 5–6 okay,
    7–8 good, 9–10 very good.
    """

    low: int = 1
    high: int = 10
    cuts: tuple[int, int, int, int] = (2, 4, 6, 8)

    def __post_init__(self) -> None:
        cuts = tuple(int(c) for c in self.cuts)
        if len(cuts) != 4 or self.low >= self.high:
            raise ImportFormatError(_("A mood rule needs four cut points."))
        if not all(a < b for a, b in zip((self.low - 1, *cuts), (*cuts, self.high))):
            raise ImportFormatError(
                _("The cut points must rise from {low} to {high}, each bigger than the one before.").format(low=self.low, high=self.high - 1)
            )
        object.__setattr__(self, "cuts", cuts)

    @classmethod
    def parse(cls, text: str, low: int = 1, high: int = 10) -> "ScaleRule":
        """``"2,4,6,8"`` → the rule with those cut points; raises :class:`ImportFormatError`."""
        try:
            cuts = tuple(int(part) for part in text.replace(" ", "").split(","))
        except ValueError:
            raise ImportFormatError(_("The mood rule should be four numbers, like 2,4,6,8.")) from None
        if len(cuts) != 4:
            raise ImportFormatError(_("The mood rule should be four numbers, like 2,4,6,8."))
        return cls(low, high, cuts)  # type: ignore[arg-type]

    def level(self, value: int) -> MoodLevel:
        """The 5-point level of a source value (values outside the range are clamped)."""
        for level, cut in enumerate(self.cuts, start=1):
            if value <= cut:
                return MoodLevel(level)
        return MoodLevel.VERY_GOOD

    def ranges(self) -> list[tuple[int, int, MoodLevel]]:
        """``[(from, to, level), …]`` for levels 1–5, e.g. ``(1, 2, VERY_LOW)``."""
        bounds = (self.low - 1, *self.cuts, self.high)
        return [(bounds[i] + 1, bounds[i + 1], MoodLevel(i + 1)) for i in range(5)]

    def describe(self) -> str:
        """The rule in words: ``"1-2 very low, 3-4 low, 5-6 okay, 7-8 good, 9-10 very good"``."""
        parts = []
        for start, end, level in self.ranges():
            span = f"{start}" if start == end else f"{start}-{end}"
            parts.append(_("{span} {mood}").format(span=span, mood=level.label))
        return ", ".join(parts)

    def text(self) -> str:
        """The cut points as the command line takes them: ``"2,4,6,8"``."""
        return ",".join(str(c) for c in self.cuts)


@dataclass(frozen=True)
class ImportedRow:
    """One entry read from another app's file.

    * ``line`` – 1-based line (CSV) or 1-based entry number (JSON backups) where it starts.
    * ``local_datetime`` – naive local wall-clock time as the other app showed it.
    * ``mood_value`` – the mood on the source scale (e.g. 1–10), or ``None``.
    * ``mood_label`` – a mood word that still needs a level (Daylio CSV, generic label columns),
      or ``""``; ``mood_level`` – a level the file itself gives (a ``.daylio`` custom mood's
      group), or ``None``.
    * ``original`` – how the other app wrote the mood (``"Bearable 2/10"``), kept with the entry.
    * ``energy``/``anxiety`` 0–10, ``sleep_hours`` 0–24, ``sleep_quality`` 1–3,
      ``symptoms`` ``((name, severity 0–10), …)``, ``tags`` ``((name, "activity"|"stressor"), …)``.
    * ``fingerprint`` – hex SHA-256, stable across re-imports of the same file.
    """

    line: int
    local_datetime: datetime
    fingerprint: str
    mood_value: int | None = None
    mood_label: str = ""
    mood_level: int | None = None
    original: str = ""
    note: str = ""
    energy: int | None = None
    anxiety: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    symptoms: tuple[tuple[str, int], ...] = ()
    tags: tuple[tuple[str, str], ...] = ()
    utc_offset_minutes: int | None = None


class RowsPreview:
    """What every import preview says about the rows found (each row has a naive local
    ``local_datetime``): how many local calendar dates they cover and their first and last."""

    rows: list

    @property
    def distinct_days(self) -> int:
        """Number of distinct local calendar dates that have at least one entry."""
        return len({row.local_datetime.date() for row in self.rows})

    @property
    def first_entry(self) -> datetime | None:
        """The earliest entry's naive local date and time, or ``None`` when there are no rows."""
        return min((row.local_datetime for row in self.rows), default=None)

    @property
    def last_entry(self) -> datetime | None:
        """The latest entry's naive local date and time, or ``None`` when there are no rows."""
        return max((row.local_datetime for row in self.rows), default=None)


@dataclass
class ParseResult(RowsPreview):
    """What an importer found: ``kind`` (e.g. ``"bearable"``), the source rows it read (``records``),
    entries in file order and skipped records by line; ``notes`` are plain facts for the preview
    ("Food diary rows are not imported")."""

    kind: str
    records: int = 0
    rows: list[ImportedRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    mood_scale: tuple[int, int] | None = None

    @property
    def value_counts(self) -> Counter[int]:
        """Entries per mood value on the source scale."""
        return Counter(row.mood_value for row in self.rows if row.mood_value is not None)


def fingerprint(kind: str, parts: list, seen: Counter[str]) -> str:
    """A stable hex id for a row: its kind and meaningful fields, plus its occurrence index among
    identical rows earlier in the same file (so exact duplicates stay two entries)."""
    base = json.dumps([kind, *parts], ensure_ascii=False, separators=(",", ":"), default=str)
    occurrence = seen[base]
    seen[base] += 1
    return hashlib.sha256(f"{base}#{occurrence}".encode("utf-8")).hexdigest()


def decode_text(data: bytes, what: str) -> str:
    """UTF-8 or UTF-16 text (a BOM is dropped, line ends become ``\\n``), or :class:`ImportFormatError`."""
    try:
        text = decode_unicode(bytes(data))
    except UnicodeDecodeError:
        raise ImportFormatError(_("This file is not UTF-8 text, so it cannot be read as {what}. {hint}").format(what=_(what), hint=_(SPREADSHEET_HINT))) from None
    return normalize_line_ends(text)


def normalize_line_ends(text: str) -> str:
    """Every line end (``\r\n``, ``\r``, and the ``\r\r\n`` some spreadsheets write) as ``\n``."""
    return text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")


FIELD_LIMIT = 64 * 1024 * 1024
"""The longest field the CSV reader takes: more than any file it is given (50 MB), so a very long
note is read and then skipped with its own reason, instead of the reader's default 131,072
characters stopping the whole file as if a quote never ended."""


def _reader(text: str, delimiter: str):
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)


def read_csv_records(text: str, delimiter: str = ",",
                     error: type[CaregiverError] = ImportFormatError) -> list[tuple[int, list[str]]]:
    """CSV records with the 1-based line each starts on (quoted fields may span lines). Raises
    ``error`` (an :class:`ImportFormatError` unless given) when a quoted field never ends."""
    reader = _reader(text, delimiter)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error:
        raise error(
            f"The file could not be read as CSV from line {start} on (a quoted field may never end)."
        ) from None
    return records


def first_csv_record(text: str, delimiter: str = ",") -> list[str] | None:
    """The first CSV record that is not blank (``None`` when there is none), reading no further:
    recognising a file by its header does not parse all of it. Raises :class:`ImportFormatError`
    when a quoted field in it never ends."""
    reader = _reader(text, delimiter)
    try:
        return next((record for record in reader if any(cell.strip() for cell in record)), None)
    except csv.Error:
        raise ImportFormatError(_("The file could not be read as CSV from line 1 on (a quoted field may never end).")) from None


def choose_delimiter(text: str) -> str:
    """Comma, unless the first line has no comma outside quotes but splits on ``;`` or tab (a
    file re-saved by a spreadsheet in a locale that uses those)."""
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    try:
        if len(next(csv.reader([first_line]), [])) > 1:
            return ","
        for candidate in (";", "\t"):
            if len(next(csv.reader([first_line], delimiter=candidate), [])) >= 3:
                return candidate
    except csv.Error:
        pass
    return ","


def _safe_member_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return not (name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]) or "\x00" in name)


def zip_members(data: bytes, what: str) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after checking every member name and the member count."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ImportFormatError(_("This file is damaged or not a complete {what}.").format(what=_(what))) from None
    if len(infos) > ZIP_MAX_MEMBERS:
        raise ImportFormatError(_("This file holds too many parts to be a {what}.").format(what=_(what)))
    if not all(_safe_member_name(info.filename) for info in infos):
        raise ImportFormatError(_("This file has parts with unsafe names, so it was not opened. It is not a {what}.").format(what=_(what)))
    return archive


def read_zip_member(archive: zipfile.ZipFile, name: str, what: str) -> bytes:
    """The bytes of member ``name``, read with a hard byte limit (the size in the header is not
    trusted) and a compression-ratio limit. Raises :class:`ImportFormatError`."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ImportFormatError(_("This file does not hold the journal part of a {what}.").format(what=_(what))) from None
    if info.file_size > ZIP_MAX_MEMBER_BYTES:
        raise ImportFormatError(_("The journal inside this {what} is too large (over 50 MB).").format(what=_(what)))
    limit = max(ZIP_MAX_RATIO * max(info.compress_size, 1), 64 * 1024)
    try:
        with archive.open(info) as stream:
            content = stream.read(min(ZIP_MAX_MEMBER_BYTES, limit) + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        raise ImportFormatError(_("The journal inside this {what} is damaged or locked.").format(what=_(what))) from None
    if len(content) > min(ZIP_MAX_MEMBER_BYTES, limit):
        raise ImportFormatError(_("The journal inside this {what} unpacks to far more than it should, so it was not opened.").format(what=_(what)))
    return content


@dataclass(frozen=True)
class SkippedRow:
    """A record that could not be imported: its starting line and a plain-words reason (never the
    row's text)."""

    line: int
    reason: str


SPREADSHEET_HINT = N_("If you saved it from a spreadsheet program, save it again as \u201cCSV UTF-8\u201d.")


def decode_unicode(data: bytes) -> str:
    """UTF-8 text, with or without its BOM, or UTF-16 with its BOM (a spreadsheet's "Unicode
    text") or without one (told by the NULs in its first Latin letters); the BOM and any NUL are
    dropped. Raises :class:`UnicodeDecodeError` for anything else."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _without_nul(data.decode("utf-16"))
    head = data[:200]
    if len(head) >= 4 and len(data) % 2 == 0:  # UTF-16 saved without its BOM: a NUL beside every Latin letter
        for order, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[::2])):
            if zeros.count(0) * 4 >= len(zeros) * 3:
                return _without_nul(data.decode(order))
    return _without_nul(data.decode("utf-8-sig"))


def _without_nul(text: str) -> str:
    """A NUL means nothing in a text file (a damaged or hostile one): dropped, so that mood words,
    activities and notes read as the letters around it."""
    return text.replace("\x00", "") if "\x00" in text else text
