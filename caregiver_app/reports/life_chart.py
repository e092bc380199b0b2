"""The life chart: one time axis for everything that moved in the period, drawn with
``reportlab.graphics`` so it reads in black-and-white print.

Panels, top to bottom, all on the same dates (local calendar dates):

* **Mood** 1–5: the person's own ratings as a solid line with filled dots; a family member's
  observations as a dashed line with open squares. Never averaged together.
* **Elevated / irritable** 0–3 (none, mild, moderate, severe): the highest rating of the day as
  hatched bars, rated apart from mood as the NIMH life chart method and eMoods rate mania apart
  from depression.
* **Sleep** hours: the person's own as grey bars, observed as open squares.
* **Medicines**: one bar per medicine while it is taken, a tick and the new dose where the dose
  changed; × marks missed doses, + extra (as-needed) doses.
* **PHQ-9 / GAD-7**: filled triangles on a solid line and open diamonds on a dashed line.
* **Flagged entries**: a numbered dashed line through every panel; the numbers are listed under
  the chart.

Series differ by shape and dash, never by colour alone. Ranges over :data:`DAILY_MAX_DAYS` are
drawn as 7-day means, over :data:`WEEKLY_MAX_DAYS` as calendar-month means (the caption says so).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from statistics import fmean

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..domain.model import MoodLevel
from ..domain.summary import VisitSummaryData
from ..i18n import N_, _
from .charts import BAR, GRID, INK, MUTED, RULE
from .fonts import register_fonts
from .layout import format_date, format_dose

DAILY_MAX_DAYS = 120
WEEKLY_MAX_DAYS = 730
SMALL = 7.5
ELEVATION_WORDS = (N_("none"), N_("mild"), N_("moderate"), N_("severe"))


def _buckets(start: date, end: date) -> list[tuple[date, date]]:
    days = (end - start).days + 1
    size = 1 if days <= DAILY_MAX_DAYS else 7
    out = []
    first = start
    while first <= end:
        if days > WEEKLY_MAX_DAYS:  # calendar months
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            last = min(following - timedelta(days=1), end)
        else:
            last = min(first + timedelta(days=size - 1), end)
        out.append((first, last))
        first = last + timedelta(days=1)
    return out


def _series(values: dict[date, list[float]], buckets, reduce=fmean) -> list[float | None]:
    out: list[float | None] = []
    for first, last in buckets:
        found = [v for d in (first + timedelta(days=i) for i in range((last - first).days + 1)) for v in values.get(d, ())]
        out.append(reduce(found) if found else None)
    return out


class _Frame:
    """Maps dates to x positions inside the plot."""

    def __init__(self, start: date, end: date, left: float, right: float):
        self.start, self.end, self.left, self.right = start, end, left, right
        self.span = max((end - start).days + 1, 1)

    def x(self, day: date, middle: bool = True) -> float:
        offset = (day - self.start).days + (0.5 if middle else 0.0)
        return self.left + (self.right - self.left) * offset / self.span

    def bucket_x(self, first: date, last: date) -> float:
        return (self.x(first, False) + self.x(last + timedelta(days=1), False)) / 2


def _line(drawing, points, dash=None, width=1.2) -> None:
    run: list[float] = []
    for p in points + [None]:
        if p is None:
            if len(run) >= 4:
                drawing.add(PolyLine(run, strokeColor=INK, strokeWidth=width, strokeDashArray=dash,
                                     strokeLineJoin=1, strokeLineCap=1))
            run = []
        else:
            run.extend(p)


def _square(drawing, x, y, r) -> None:
    drawing.add(Rect(x - r, y - r, 2 * r, 2 * r, fillColor=colors.white, strokeColor=INK, strokeWidth=0.8))


def _triangle(drawing, x, y, r) -> None:
    drawing.add(Polygon([x - r, y - r, x + r, y - r, x, y + r], fillColor=INK, strokeColor=INK, strokeWidth=0.5))


def _diamond(drawing, x, y, r) -> None:
    drawing.add(Polygon([x, y - r, x + r, y, x, y + r, x - r, y], fillColor=colors.white, strokeColor=INK,
                        strokeWidth=0.8))


def _hatched(drawing, x, y, w, h) -> None:
    drawing.add(Rect(x, y, w, h, fillColor=colors.white, strokeColor=INK, strokeWidth=0.6))
    step = 2.5
    k = -h
    while k < w:
        x0, y0 = x + max(k, 0), y + max(-k, 0)
        length = min(w - max(k, 0), h - max(-k, 0))
        if length > 0:
            drawing.add(Line(x0, y0, x0 + length, y0 + length, strokeColor=INK, strokeWidth=0.4))
        k += step


def flagged_events(data: VisitSummaryData) -> list[tuple[int, date, str]]:
    """The numbered flagged entries the chart marks: (number, local date, who wrote it)."""
    return [(i, e.local_date, e.recorded_by) for i, e in enumerate(data.flagged, start=1)]


def build_life_chart(data: VisitSummaryData, width: float) -> Drawing:
    """The life chart of ``data`` as a ``Drawing`` ``width`` points wide (its height follows the
    number of medicines). Never raises for empty or sparse data."""
    fonts = register_fonts()
    font = fonts.regular
    start, end = data.start, data.end
    buckets = _buckets(start, end)
    meds = list(data.medications)
    scores = [s for s in data.scores if s.history]
    # The left gutter holds the axis words of the document's language (mood levels, elevation).
    words = [level.label for level in MoodLevel] + [_(w) for w in ELEVATION_WORDS] + ["PHQ-9 /", _hours(12)]
    gutter = max(stringWidth(w, font, SMALL) for w in words) + 8
    left, right = gutter, width - 4
    legend_h, axis_h, gap = 36.0, 14.0, 10.0
    mood_h, elev_h, sleep_h, score_h = 118.0, 34.0, 56.0, 78.0
    med_h = 17.0 * max(len(meds), 1)
    height = legend_h + mood_h + elev_h + sleep_h + med_h + score_h + axis_h + gap * 5 + 8
    drawing = Drawing(width, height, initialFontName=font, initialFontSize=SMALL)
    frame = _Frame(start, end, left, right)
    mids = [frame.bucket_x(a, b) for a, b in buckets]

    def label(y, text, size=SMALL):
        drawing.add(String(left - 4, y - 2.6, text, fontName=font, fontSize=size, fillColor=MUTED, textAnchor="end"))

    def panel_title(y, text):
        drawing.add(String(left + 2, y - 8, text, fontName=fonts.bold, fontSize=SMALL, fillColor=INK))

    # Layout from the top down.
    top = height - legend_h
    mood_top, mood_bottom = top, top - mood_h
    elev_top = mood_bottom - gap
    elev_bottom = elev_top - elev_h
    sleep_top = elev_bottom - gap
    sleep_bottom = sleep_top - sleep_h
    med_top = sleep_bottom - gap
    med_bottom = med_top - med_h
    score_top = med_bottom - gap
    score_bottom = score_top - score_h
    axis_y = score_bottom

    grid = Group()
    for bottom, top_ in ((mood_bottom, mood_top), (elev_bottom, elev_top), (sleep_bottom, sleep_top),
                         (med_bottom, med_top), (score_bottom, score_top)):
        grid.add(Rect(left, bottom, right - left, top_ - bottom, fillColor=None, strokeColor=RULE, strokeWidth=0.5))
    drawing.add(grid)

    # --- mood -----------------------------------------------------------------------------------
    def mood_y(v):
        return mood_bottom + 6 + (min(max(v, 1), 5) - 1) / 4 * (mood_h - 16)

    for level in MoodLevel:
        y = mood_y(level.value)
        drawing.add(Line(left, y, right, y, strokeColor=GRID, strokeWidth=0.5))
        label(y, level.label)
    own: dict[date, list[float]] = defaultdict(list)
    seen: dict[date, list[float]] = defaultdict(list)
    elev: dict[date, list[float]] = defaultdict(list)
    own_sleep: dict[date, list[float]] = defaultdict(list)
    seen_sleep: dict[date, list[float]] = defaultdict(list)
    for e in data.entries:
        if e.mood is not None:
            (seen if e.observed else own)[e.local_date].append(float(e.mood.value))
        if e.sleep_hours is not None:
            (seen_sleep if e.observed else own_sleep)[e.local_date].append(e.sleep_hours)
        if e.elevation is not None:
            elev[e.local_date].append(float(e.elevation))
    own_s, seen_s = _series(own, buckets), _series(seen, buckets)
    radius = 2.1 if len(buckets) <= 60 else 1.5
    _line(drawing, [(mids[i], mood_y(v)) if v is not None else None for i, v in enumerate(own_s)])
    for i, v in enumerate(own_s):
        if v is not None:
            drawing.add(Circle(mids[i], mood_y(v), radius, fillColor=INK, strokeColor=colors.white, strokeWidth=0.4))
    seen_pts = [(mids[i], mood_y(v)) for i, v in enumerate(seen_s) if v is not None]
    _line(drawing, [p for p in seen_pts] if len(seen_pts) > 1 else [], dash=[3, 2], width=0.9)
    for x, y in seen_pts:
        _square(drawing, x, y, radius)
    panel_title(mood_top, _("Mood"))

    # --- elevated / irritable -------------------------------------------------------------------
    elev_s = _series(elev, buckets, reduce=max)
    for i, word in enumerate(ELEVATION_WORDS):
        y = elev_bottom + 3 + i * (elev_h - 6) / 3
        if i in (0, 3):
            label(y, _(word))
    slot = (right - left) / len(buckets)
    for i, v in enumerate(elev_s):
        if v:
            h = v / 3 * (elev_h - 6)
            _hatched(drawing, mids[i] - slot * 0.35, elev_bottom + 3, max(slot * 0.7, 0.8), h)
    panel_title(elev_top, _("Elevated / irritable") if any(elev_s) else _("Elevated / irritable: not rated in this period"))

    # --- sleep ----------------------------------------------------------------------------------
    top_hours = 12.0 if max([v for vs in (*own_sleep.values(), *seen_sleep.values()) for v in vs] or [0]) <= 12 else 24.0

    def sleep_y(v):
        return sleep_bottom + min(max(v, 0), top_hours) / top_hours * (sleep_h - 10)

    for tick in (0, top_hours / 2, top_hours):
        label(sleep_y(tick), _hours(tick))
    for i, v in enumerate(_series(own_sleep, buckets)):
        if v is not None:
            drawing.add(Rect(mids[i] - slot * 0.3, sleep_bottom, max(slot * 0.6, 0.7), sleep_y(v) - sleep_bottom,
                             fillColor=BAR, strokeColor=None))
    for i, v in enumerate(_series(seen_sleep, buckets)):
        if v is not None:
            _square(drawing, mids[i], sleep_y(v), radius * 0.9)
    panel_title(sleep_top, _("Sleep"))

    # --- medicines ------------------------------------------------------------------------------
    if not meds:
        drawing.add(String(left + 4, med_bottom + 5, _("No medicines on the list in this period"), fontName=font,
                           fontSize=SMALL, fillColor=MUTED))
    adherence = {a.medication: a for a in data.adherence}
    for row, med in enumerate(meds):
        y = med_top - 17.0 * (row + 1) + 4
        first = max(med.since or start, start)
        last = min(med.stopped or end, end)
        x0, x1 = frame.x(first, False), frame.x(last + timedelta(days=1), False)
        drawing.add(Rect(x0, y, max(x1 - x0, 1), 5, fillColor=colors.white, strokeColor=INK, strokeWidth=0.8))
        label(y + 1, med.name[:14])
        steps = [s for s in med.steps if s[0] > first] if med.steps else []
        first_dose = next((text for day, text in reversed(med.steps) if day <= first), med.dose) if med.steps else med.dose
        drawing.add(String(x0 + 2, y + 7, format_dose(first_dose)[:40], fontName=font, fontSize=SMALL, fillColor=INK))
        for day, text in steps:
            x = frame.x(day, False)
            drawing.add(Line(x, y - 2, x, y + 12, strokeColor=INK, strokeWidth=1.4))
            words = "→ " + format_dose(text)[:40]
            if x + 2 + stringWidth(words, font, SMALL) > right:  # near the end: the words end at the edge
                drawing.add(String(x - 2, y + 7, words, fontName=font, fontSize=SMALL, fillColor=INK, textAnchor="end"))
            else:
                drawing.add(String(x + 2, y + 7, words, fontName=font, fontSize=SMALL, fillColor=INK))
        marks = adherence.get(med.name)
        if marks is not None:
            for day in marks.missed_days:
                x = frame.x(day)
                drawing.add(Line(x - 1.8, y + 0.7, x + 1.8, y + 4.3, strokeColor=INK, strokeWidth=0.8))
                drawing.add(Line(x - 1.8, y + 4.3, x + 1.8, y + 0.7, strokeColor=INK, strokeWidth=0.8))
            for day in marks.extra_days:
                x = frame.x(day)
                drawing.add(Line(x - 1.8, y + 2.5, x + 1.8, y + 2.5, strokeColor=INK, strokeWidth=0.8))
                drawing.add(Line(x, y + 0.7, x, y + 4.3, strokeColor=INK, strokeWidth=0.8))

    # --- scores ---------------------------------------------------------------------------------
    def score_y(v):
        return score_bottom + 5 + min(max(v, 0), 27) / 27 * (score_h - 16)

    for tick in (0, 10, 20):
        y = score_y(tick)
        drawing.add(Line(left, y, right, y, strokeColor=GRID, strokeWidth=0.5))
        label(y, str(tick))
    label(score_top - 6, "PHQ-9 /")
    label(score_top - 14, "GAD-7")
    for result in scores:
        phq = result.instrument == "PHQ-9"
        pts = [(frame.x(day), score_y(total)) for day, total in result.history]
        _line(drawing, pts if len(pts) > 1 else [], dash=None if phq else [3, 2], width=0.9)
        for x, y in pts:
            (_triangle if phq else _diamond)(drawing, x, y, 2.6)
    if not scores:
        drawing.add(String(left + 4, score_bottom + 5, _("No PHQ-9 or GAD-7 in this period"), fontName=font,
                           fontSize=SMALL, fillColor=MUTED))
    panel_title(score_top, _("Scores"))

    # --- flagged entries across every panel -----------------------------------------------------
    # Markers closer than a marker's width share one label ("1–4") so numbers never overprint.
    groups: list[list[tuple[int, float]]] = []
    for number, day, _who in flagged_events(data):
        x = frame.x(day)
        drawing.add(Line(x, axis_y, x, mood_top, strokeColor=MUTED, strokeWidth=0.6, strokeDashArray=[1, 2]))
        if groups and x - groups[-1][-1][1] < 10:
            groups[-1].append((number, x))
        else:
            groups.append([(number, x)])
    for group in groups:
        first, last = group[0][0], group[-1][0]
        words = str(first) if first == last else f"{first}–{last}"
        x = sum(px for _n, px in group) / len(group)
        half = max(4.2, stringWidth(words, font, 7) / 2 + 2)
        drawing.add(Rect(x - half, mood_top + 0.8, 2 * half, 8.4, rx=4, ry=4, fillColor=colors.white,
                         strokeColor=INK, strokeWidth=0.7))
        drawing.add(String(x, mood_top + 2.6, words, fontName=font, fontSize=7, fillColor=INK, textAnchor="middle"))

    # --- time axis ------------------------------------------------------------------------------
    # The first and last dates carry the year and sit flush with the plot's edges; the dates
    # between are spread evenly and any that would touch a neighbour are left out.
    span = (end - start).days
    first_text, last_text = format_date(start), format_date(end)
    taken = [(left, left + stringWidth(first_text, font, SMALL)), (right - stringWidth(last_text, font, SMALL), right)]
    ticks = [(start, left, "start", first_text), (end, right, "end", last_text)]
    inner_w = stringWidth(format_date(start, year=False), font, SMALL) + 14
    count = max(int((right - left) // inner_w), 2)
    for i in range(1, count):
        day = start + timedelta(days=round(span * i / count))
        text = format_date(day, year=False)
        half = stringWidth(text, font, SMALL) / 2 + 5
        x = frame.x(day)
        if all(x + half < a or x - half > b for a, b in taken):
            taken.append((x - half, x + half))
            ticks.append((day, x, "middle", text))
    for day, x, anchor, text in ticks:
        tick_x = frame.x(day)
        drawing.add(Line(tick_x, axis_y, tick_x, axis_y - 2.5, strokeColor=MUTED, strokeWidth=0.5))
        drawing.add(String(x, axis_y - 11, text, fontName=font, fontSize=SMALL, fillColor=MUTED, textAnchor=anchor))

    # --- legend ---------------------------------------------------------------------------------
    x, y = left, height - 9
    def item(draw, words):
        nonlocal x, y
        w = stringWidth(words, font, SMALL) + 22
        if x + w > right:
            x, y = left, y - 11
        draw(x, y + 2.5)
        drawing.add(String(x + 14, y, words, fontName=font, fontSize=SMALL, fillColor=INK))
        x += w + 6
    item(lambda a, b: (drawing.add(Line(a, b, a + 11, b, strokeColor=INK, strokeWidth=1.2)),
                       drawing.add(Circle(a + 5.5, b, 2, fillColor=INK, strokeColor=None))), _("Self-report"))
    item(lambda a, b: (drawing.add(Line(a, b, a + 11, b, strokeColor=INK, strokeWidth=0.9, strokeDashArray=[3, 2])),
                       _square(drawing, a + 5.5, b, 2)), _("Family observation"))
    item(lambda a, b: _hatched(drawing, a + 2, b - 3, 7, 7), _("Elevated / irritable"))
    item(lambda a, b: drawing.add(Rect(a + 2, b - 3, 7, 7, fillColor=BAR, strokeColor=None)), _("Sleep (self)"))
    item(lambda a, b: _triangle(drawing, a + 5.5, b, 2.6), "PHQ-9")
    item(lambda a, b: _diamond(drawing, a + 5.5, b, 2.6), "GAD-7")
    item(lambda a, b: (drawing.add(Line(a + 2, b - 2, a + 9, b + 2, strokeColor=INK, strokeWidth=0.8)),
                       drawing.add(Line(a + 2, b + 2, a + 9, b - 2, strokeColor=INK, strokeWidth=0.8))), _("Missed dose"))
    item(lambda a, b: (drawing.add(Line(a + 2, b, a + 9, b, strokeColor=INK, strokeWidth=0.8)),
                       drawing.add(Line(a + 5.5, b - 3.5, a + 5.5, b + 3.5, strokeColor=INK, strokeWidth=0.8))),
         _("Extra dose"))
    item(lambda a, b: (drawing.add(Circle(a + 5.5, b, 3.6, fillColor=colors.white, strokeColor=INK, strokeWidth=0.7))),
         _("Flagged entry (numbered)"))
    return drawing


def caption(data: VisitSummaryData) -> str:
    """The words under the chart: resolution and the numbered flagged entries."""
    days = (data.end - data.start).days + 1
    if days <= DAILY_MAX_DAYS:
        words = _("Each point is one day.")
    elif days <= WEEKLY_MAX_DAYS:
        words = _("Each point is the mean of 7 days (the range is too long to show every day).")
    else:
        words = _("Each point is the mean of a calendar month (the range is too long to show every day).")
    return words + " " + _("Mood 1 very low to 5 very good; sleep in hours; scores out of 27 (PHQ-9) and 21 (GAD-7).")


def events_text(data: VisitSummaryData) -> list[str]:
    """``"1 — Sat 17 Oct 2026: flagged by Ana (family)"`` for each numbered flagged entry."""
    return [_("{number} — {date}: flagged by {who}").format(number=n, date=format_date(day, weekday=True), who=who)
            for n, day, who in flagged_events(data)]


def _hours(value: float) -> str:
    return _("{hours} h").format(hours=f"{value:g}")


def has_anything(data: VisitSummaryData) -> bool:
    return bool(data.entries or data.scores or data.medications)


__all__: Sequence[str] = ("build_life_chart", "caption", "events_text", "has_anything")
