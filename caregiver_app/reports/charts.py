"""The mood and sleep trend chart of the visit summary, drawn with ``reportlab.graphics``.

Two panels share one time axis:

* **Mood** (top): the daily average on the named 5-point scale (1 very low … 5 very good), a
  line with round markers; the axis is labelled with the level words.
* **Sleep** (bottom): hours of sleep as grey bars on their own axis (0–12 h, or 0–24 h when a
  value is above 12).

A day with nothing recorded is a *gap*: the line breaks and no bar is drawn; nothing is drawn as
zero unless zero was recorded. The two series differ by shape (line and dots vs bars) and the
legend names them in words, so the chart reads the same printed in black and white.

Up to :data:`DAILY_MAX_DAYS` days every day is a point. Longer ranges are averaged into 7-day
blocks (up to :data:`WEEKLY_MAX_DAYS` days) or calendar months beyond that, and the caption says
so. Dates are local calendar dates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..domain.model import MoodLevel
from ..domain.summary import DayPoint
from . import formatting
from .fonts import register_fonts

# The report palette: greys and one calm accent, all legible in black-and-white print.
INK = colors.HexColor("#1f2428")
MUTED = colors.HexColor("#5b6470")
RULE = colors.HexColor("#c9ced4")
GRID = colors.HexColor("#e3e6ea")
ACCENT = colors.HexColor("#2b5f7f")
BAR = colors.HexColor("#b3b9c0")
BAR_ZERO = colors.HexColor("#6b737c")

DAILY_MAX_DAYS = 120
"""Ranges up to this many days are drawn day by day."""
WEEKLY_MAX_DAYS = 730
"""Longer ranges up to this many days are drawn as 7-day averages; longer still, as months."""

@dataclass(frozen=True)
class ChartPoint:
    """One plotted point: the local dates it covers (inclusive) and the mean mood (1–5) and mean
    sleep hours of the days in it that have a value; ``None`` is a gap."""

    first: date
    last: date
    mood: float | None
    sleep_hours: float | None


@dataclass(frozen=True)
class TrendChart:
    """The chart as a ``Drawing`` (a platypus flowable) and the words that go under it.

    ``resolution`` is ``"day"``, ``"week"`` or ``"month"``; ``points`` the plotted points.
    ``has_data`` is False when no day in the range has a mood or sleep value.
    """

    drawing: Drawing
    caption: str
    resolution: str
    points: tuple[ChartPoint, ...]
    has_data: bool


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _finite(value: float | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _bucket(first: date, last: date, days: Sequence[DayPoint]) -> ChartPoint:
    moods = [m for m in (_finite(d.mood) for d in days) if m is not None]
    sleeps = [s for s in (_finite(d.sleep_hours) for d in days) if s is not None]
    return ChartPoint(first, last, _mean(moods), _mean(sleeps))


def aggregate(days: Sequence[DayPoint]) -> tuple[str, tuple[ChartPoint, ...]]:
    """Group ``days`` (one per local date, oldest first) into plotted points.

    Returns ``("day", ...)`` with one point per day for short ranges, ``("week", ...)`` with one
    point per 7-day block counted from the first day, or ``("month", ...)`` with one point per
    calendar month. Means ignore days without a value; a block with none is a gap.
    """
    days = sorted(days, key=lambda d: d.day)
    if len(days) <= DAILY_MAX_DAYS:
        return "day", tuple(_bucket(d.day, d.day, [d]) for d in days)
    if len(days) <= WEEKLY_MAX_DAYS:
        origin = days[0].day
        groups: dict[int, list[DayPoint]] = {}
        for d in days:
            groups.setdefault((d.day - origin).days // 7, []).append(d)
        points = []
        for index in sorted(groups):
            first = origin + timedelta(days=7 * index)
            points.append(_bucket(first, first + timedelta(days=6), groups[index]))
        return "week", tuple(points)
    months: dict[tuple[int, int], list[DayPoint]] = {}
    for d in days:
        months.setdefault((d.day.year, d.day.month), []).append(d)
    points = []
    for (year, month), items in sorted(months.items()):
        first = date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        points.append(_bucket(first, following - timedelta(days=1), items))
    return "month", tuple(points)


def _short_date(day: date, with_year: bool) -> str:
    return formatting.current().date(day, year=with_year)


def _label(point: ChartPoint, resolution: str, with_year: bool) -> str:
    if resolution == "month":
        return formatting.current().month_year(point.first)
    return _short_date(point.first, with_year)


_LABEL_STEPS = {
    "day": (1, 2, 3, 7, 14, 28, 56),
    "week": (1, 2, 4, 8, 13, 26, 52),
    "month": (1, 2, 3, 6, 12, 24, 36, 60),
}


def _label_step(count: int, resolution: str, room: int) -> int:
    for step in _LABEL_STEPS[resolution]:
        if math.ceil(count / step) <= room:
            return step
    return max(1, math.ceil(count / room))


def _caption(resolution: str, points: Sequence[ChartPoint], has_data: bool) -> str:
    if not has_data:
        return "No mood or sleep was recorded in this period, so there is nothing to chart."
    unit = {"day": "day", "week": "week", "month": "month"}[resolution]
    lead = ""
    if resolution == "week":
        lead = (f"This period is long, so each dot and bar is a 7-day average "
                f"(weeks counted from {_short_date(points[0].first, True)}). ")
    elif resolution == "month":
        lead = "This period is long, so each dot and bar is a monthly average. "
    what = "daily average" if resolution == "day" else f"average of the {unit}"
    return (f"{lead}Mood is the line with dots ({what}; 1 very low to 5 very good). "
            f"Sleep is the grey bars (hours). A break in the line or a missing bar means "
            f"nothing was recorded that {unit}.")


def build_trend_chart(days: Sequence[DayPoint], width: float = 500.0,
                      height: float = 180.0) -> TrendChart:
    """Draw the mood and sleep chart for ``days`` (one :class:`DayPoint` per local date).

    ``width`` and ``height`` are in points (1/72 in). Copes with no days, a single day, flat data
    and ten years of days; never raises for finite or missing values.
    """
    fonts = register_fonts()
    regular = fonts.regular
    resolution, points = aggregate(days)
    has_data = any(p.mood is not None or p.sleep_hours is not None for p in points)
    width = max(float(width), 200.0)
    height = max(float(height), 120.0)
    drawing = Drawing(width, height, initialFontName=regular, initialFontSize=7.5)

    small = 7.5
    axis_w = max(stringWidth(MoodLevel(v).label, regular, small) for v in range(1, 6)) + 6
    left, right = axis_w, width - 6
    legend_h, xlabel_h, gap = 16.0, 13.0, 16.0
    plot_top = height - legend_h
    plot_bottom = xlabel_h
    usable = plot_top - plot_bottom - gap
    mood_h = usable * 0.62
    sleep_h = usable - mood_h
    sleep_y0 = plot_bottom
    mood_y0 = sleep_y0 + sleep_h + gap
    plot_w = right - left

    def mood_y(value: float) -> float:
        value = min(max(value, 1.0), 5.0)
        return mood_y0 + 4 + (value - 1.0) / 4.0 * (mood_h - 8)

    sleep_values = [p.sleep_hours for p in points if p.sleep_hours is not None]
    sleep_max = 24.0 if sleep_values and max(sleep_values) > 12 else 12.0
    sleep_ticks = (0, 6, 12, 18, 24) if sleep_max > 12 else (0, 4, 8, 12)

    def sleep_y(value: float) -> float:
        value = min(max(value, 0.0), sleep_max)
        return sleep_y0 + value / sleep_max * sleep_h

    # Axes and grid.
    grid = Group()
    for level in MoodLevel:
        y = mood_y(level.value)
        grid.add(Line(left, y, right, y, strokeColor=GRID, strokeWidth=0.6))
        grid.add(String(left - 4, y - 2.6, level.label, fontName=regular, fontSize=small,
                        fillColor=MUTED, textAnchor="end"))
    for tick in sleep_ticks:
        y = sleep_y(tick)
        grid.add(Line(left, y, right, y, strokeColor=GRID if tick else RULE, strokeWidth=0.6))
        grid.add(String(left - 4, y - 2.6, f"{tick} h", fontName=regular, fontSize=small,
                        fillColor=MUTED, textAnchor="end"))
    grid.add(Line(left, mood_y0, left, mood_y0 + mood_h, strokeColor=RULE, strokeWidth=0.6))
    grid.add(Line(left, sleep_y0, left, sleep_y0 + sleep_h, strokeColor=RULE, strokeWidth=0.6))
    drawing.add(grid)

    if not has_data:
        drawing.add(String(left + plot_w / 2, mood_y0 - gap / 2 - 3,
                           "Nothing recorded for mood or sleep in this period",
                           fontName=regular, fontSize=9, fillColor=MUTED, textAnchor="middle"))
        return TrendChart(drawing, _caption(resolution, points, False), resolution, points, False)

    # Legend (words plus the same marks as the chart).
    x = left
    ly = height - 10
    drawing.add(Line(x, ly + 2.5, x + 16, ly + 2.5, strokeColor=ACCENT, strokeWidth=1.4))
    drawing.add(Circle(x + 8, ly + 2.5, 2.4, fillColor=ACCENT, strokeColor=colors.white,
                       strokeWidth=0.5))
    x += 20
    mood_text = "Mood (line with dots)"
    drawing.add(String(x, ly, mood_text, fontName=regular, fontSize=small, fillColor=INK))
    x += stringWidth(mood_text, regular, small) + 14
    drawing.add(Rect(x, ly - 1, 6, 8, fillColor=BAR, strokeColor=None))
    x += 10
    sleep_text = "Sleep, hours (bars)"
    drawing.add(String(x, ly, sleep_text, fontName=regular, fontSize=small, fillColor=INK))
    x += stringWidth(sleep_text, regular, small) + 14
    gap_text = "Gap = nothing recorded"
    if x + stringWidth(gap_text, regular, small) <= right:
        drawing.add(String(x, ly, gap_text, fontName=regular, fontSize=small, fillColor=MUTED))


    count = len(points)
    step = plot_w / count

    def cx(index: int) -> float:
        return left + (index + 0.5) * step

    # Sleep bars (a recorded 0 h is a short dark stub, so it differs from a gap).
    bar_w = max(min(step * 0.62, 14.0), 0.6)
    for i, p in enumerate(points):
        if p.sleep_hours is None:
            continue
        top = sleep_y(p.sleep_hours)
        if p.sleep_hours <= 0:
            drawing.add(Rect(cx(i) - bar_w / 2, sleep_y0, bar_w, 1.2, fillColor=BAR_ZERO,
                             strokeColor=None))
        else:
            drawing.add(Rect(cx(i) - bar_w / 2, sleep_y0, bar_w, top - sleep_y0, fillColor=BAR,
                             strokeColor=None))
    if not sleep_values:
        drawing.add(String(left + plot_w / 2, sleep_y0 + sleep_h / 2 - 3, "No sleep recorded",
                           fontName=regular, fontSize=small, fillColor=MUTED, textAnchor="middle"))

    # Mood line, broken at gaps, with a marker on every point.
    run: list[float] = []
    runs: list[list[float]] = []
    for i, p in enumerate(points):
        if p.mood is None:
            if run:
                runs.append(run)
            run = []
            continue
        run.extend((cx(i), mood_y(p.mood)))
    if run:
        runs.append(run)
    for coords in runs:
        if len(coords) >= 4:
            drawing.add(PolyLine(coords, strokeColor=ACCENT, strokeWidth=1.4,
                                 strokeLineJoin=1, strokeLineCap=1))
    radius = min(max(step * 0.28, 1.3), 2.6)
    for i, p in enumerate(points):
        if p.mood is not None:
            drawing.add(Circle(cx(i), mood_y(p.mood), radius, fillColor=ACCENT,
                               strokeColor=colors.white, strokeWidth=0.5))
    if not any(p.mood is not None for p in points):
        drawing.add(String(left + plot_w / 2, mood_y(3) - 3, "No mood recorded",
                           fontName=regular, fontSize=small, fillColor=MUTED, textAnchor="middle"))

    # Time axis: thinned labels with small ticks; the year shows on the first label and when
    # it changes.
    label_w = stringWidth("30 Sep 2026", regular, small) + 8
    room = max(1, int(plot_w // label_w))
    every = _label_step(count, resolution, room)
    last_year = None
    for i in range(0, count, every):
        p = points[i]
        with_year = last_year is None or p.first.year != last_year
        last_year = p.first.year
        x = cx(i)
        drawing.add(Line(x, sleep_y0, x, sleep_y0 - 2.5, strokeColor=MUTED, strokeWidth=0.5))
        anchor = "middle"
        text = _label(p, resolution, with_year)
        half = stringWidth(text, regular, small) / 2
        if x - half < 0:
            anchor, x = "start", max(x - 2, 0)
        elif x + half > width:
            anchor, x = "end", min(x + 2, width)
        drawing.add(String(x, 2, text, fontName=regular, fontSize=small, fillColor=MUTED,
                           textAnchor=anchor))
    return TrendChart(drawing, _caption(resolution, points, True), resolution, points, True)
