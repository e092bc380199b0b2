"""Passphrase rules and a plain-words strength hint (estimate by zxcvbn)."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _


MIN_LENGTH = 10
MAX_LENGTH = 1024
"""Longest passphrase accepted (characters): far past any typed sentence, short enough that
nothing pasted by mistake (a whole document) becomes the passphrase."""
RATED_LENGTH = 72
"""zxcvbn refuses text over 72 characters; only this prefix is rated (a prefix that long is
already the most a guesser could hope to try)."""


@dataclass(frozen=True)
class StrengthHint:
    """``score`` 0 (very weak) to 4 (strong), ``words`` a short label, ``advice`` one sentence."""

    score: int
    words: str
    advice: str
    acceptable: bool


def passphrase_problem(passphrase: str, confirmation: str | None = None) -> str | None:
    """A plain-words reason the passphrase cannot be used, or None when it is fine."""
    if len(passphrase) < MIN_LENGTH:
        return _("Please use at least {count} characters. A short sentence works well.").format(count=MIN_LENGTH)
    if len(passphrase) > MAX_LENGTH:
        return _("Please use at most {count} characters. A short sentence works well.").format(count=MAX_LENGTH)
    if not passphrase.strip():
        return _("A passphrase cannot be only spaces.")
    if strength_hint(passphrase).score == 0:
        return _("That passphrase would be very easy to guess. Try a few words that do not belong together.")
    if confirmation is not None and confirmation != passphrase:
        return _("The two passphrases are not the same. Please type them again.")
    return None


def strength_hint(passphrase: str) -> StrengthHint:
    """How hard the passphrase would be to guess, in plain words."""
    if not passphrase:
        return StrengthHint(0, "", _("Use at least {count} characters. A few unrelated words work well.").format(
            count=MIN_LENGTH), False)
    from zxcvbn import zxcvbn  # its word lists take a while to load: only when a passphrase is rated

    score = int(zxcvbn(passphrase[:RATED_LENGTH])["score"])
    long_enough = len(passphrase) >= MIN_LENGTH
    if not long_enough:
        return StrengthHint(min(score, 1), _("Too short"), _("Use at least {count} characters.").format(count=MIN_LENGTH),
                            False)
    if len(passphrase) > MAX_LENGTH:
        return StrengthHint(score, _("Too long"), _("Use at most {count} characters.").format(count=MAX_LENGTH), False)
    table = {
        0: (N_("Very easy to guess"), N_("Try a few unrelated words, like a short odd sentence.")),
        1: (N_("Easy to guess"), N_("Add another word or two that do not belong together.")),
        2: (N_("Fair"), N_("Good start. One more unusual word would make it much stronger.")),
        3: (N_("Strong"), N_("This is a strong passphrase.")),
        4: (N_("Very strong"), N_("This is a very strong passphrase.")),
    }
    words, advice = table[score]
    return StrengthHint(score, _(words), _(advice), score > 0)
