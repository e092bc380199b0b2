"""Caregiver Companion: an encrypted, local-only journal, warning-sign guide and visit-summary
printer for family caregivers and people in recovery."""

__version__ = "0.1.0"
APP_NAME = "Caregiver Companion"
