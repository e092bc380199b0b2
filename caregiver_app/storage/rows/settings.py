"""Settings kept inside the vault (key/value)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class VaultSettingRow(Base):
    """Small per-vault preferences that may hold personal words (e.g. the preparer's name), so
    they live inside the encrypted database and never in the settings file."""

    __tablename__ = "vault_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)
