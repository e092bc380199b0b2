"""Printable reports: the visit summary PDF, its trend chart, fonts and safe text."""
