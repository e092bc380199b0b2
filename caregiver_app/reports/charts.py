"""The report palette: greys and one calm accent, all legible in black-and-white print. Every PDF
(visit summary, life chart, safety plan, recovery sheet) takes its colours from here."""

from __future__ import annotations

from reportlab.lib import colors

INK = colors.HexColor("#1f2428")
MUTED = colors.HexColor("#5b6470")
RULE = colors.HexColor("#c9ced4")
GRID = colors.HexColor("#e3e6ea")
ACCENT = colors.HexColor("#2b5f7f")
BAR = colors.HexColor("#b3b9c0")
BAR_ZERO = colors.HexColor("#6b737c")
