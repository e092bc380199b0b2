"""Settings kept inside the vault (key/value strings)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..rows.settings import VaultSettingRow


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(VaultSettingRow, key)
    return row.value if row else default


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(VaultSettingRow, key)
    if row is None:
        session.add(VaultSettingRow(key=key, value=value))
    else:
        row.value = value
    session.flush()
