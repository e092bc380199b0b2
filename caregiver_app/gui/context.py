"""What every page needs to reach: the operations runner (which holds the open vault), settings
and the clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _
from ..services.clock import Clock, local_zone_name, utc_now
from ..services.vault import Vault, VaultPaths
from ..settings import Settings
from .common.ops import Ops


@dataclass
class AppContext:
    """Shared state of a running app. ``vault`` is None while locked. ``settings_path`` None means
    the platform's default settings file. ``ops`` runs every piece of vault work (see
    :mod:`caregiver_app.gui.common.ops`); it is given the vault from here."""

    paths: VaultPaths
    ops: Ops = field(default_factory=Ops)
    settings: Settings = field(default_factory=Settings)
    settings_path: Path | None = None
    clock: Clock = utc_now
    vault: Vault | None = None

    def __post_init__(self) -> None:
        self.ops.vault_source = lambda: self.vault

    @property
    def zone_name(self) -> str:
        """The IANA zone entries are written in: the user's choice, else the computer's."""
        return self.settings.time_zone or local_zone_name()

    def require_vault(self) -> Vault:
        from ..domain.errors import CaregiverError

        if self.vault is None or not self.vault.is_open:
            raise CaregiverError(_("The vault is locked. Please unlock it first."))
        return self.vault
