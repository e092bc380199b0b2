"""Importers that read other apps' exports into plain rows (pure: no Qt, no database)."""
