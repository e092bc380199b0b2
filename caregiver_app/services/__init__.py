"""Use cases: one unit of work per call, plain dataclasses in and out. No Qt here."""
