"""The invitation code as the window checks it while it is typed (issue 20): the window goes
through services, never to ``security`` itself."""

from __future__ import annotations

from ..security.family_keys import InvitationError, invitation_secret

__all__ = ["InvitationError", "check_invitation"]


def check_invitation(code: str) -> None:
    """Raise :class:`InvitationError` in plain words when ``code`` cannot be an invitation (wrong
    length or a typo caught by its checksum); nothing is read or derived."""
    invitation_secret(code)
