"""Country placeholders in the warning-sign pages: written once, filled with the chosen country's
numbers.

Country placeholders (never write 911, 988 or any other number that belongs to one country)
----------------------------------------------------------------------------------------------
Pages are written once for every country. Where a number goes, write a placeholder; the app
fills it with the chosen country's numbers (:mod:`caregiver_app.domain.crisis_lines`) in the
page view, the hints, the search and every printout:

* ``{{emergency_number}}`` -> ``911``, ``999``, ``112 or 999``, or ``your local emergency
  number`` when the country has none built in. Write it after a verb: "Call
  {{emergency_number}} now."
* ``{{crisis_line}}`` -> how to reach the country's first crisis line, starting with a lower-case
  verb: ``call or text 988``, ``call Samaritans at 116 123``; with no crisis line known, ``call a
  local crisis line``. Write "For a crisis, {{crisis_line}}."
* ``{{poison_line}}`` -> ``call Poison Help at 1-800-222-1222`` (or the country's poison line);
  otherwise ``call a pharmacist or the care team right away``.
* Capitalise the first letter of the name (``{{Crisis_line}}``, ``{{Poison_line}}``,
  ``{{Emergency_number}}``) to start a sentence with it.
* ``{{crisis_numbers}}`` on a line of its own -> a bullet list of the country's emergency number
  and crisis lines, then "findahelpline.com lists crisis lines by country".
* Country blocks, each marker on a line of its own, for words that fit only some countries
  (``988``'s menu, ``NHS 111``, ``Lifeline``)::

      {{if US}}
      When you call 988, you hear a short message and a menu.
      {{else}}
      A trained person answers, listens and helps you decide what to do.
      {{end}}

  ``{{if US CA}}`` keeps the lines for either country; ``{{if not US}}`` for every other
  country; ``{{else}}`` is optional. Blocks may nest.

An unknown placeholder, or a block with no ``{{end}}``, raises ``ValueError`` naming the file and
the line, so ``tests/unit/test_education_content.py`` catches a typo.

In a translated page the fillings come in its language (Spanish: "llame al 911" reads
"llame al {{emergency_number}}"; ``{{crisis_line}}`` starts with a lower-case verb, "llame o envíe
un mensaje de texto al 988").

Standard library, ``domain`` and ``i18n`` only.
"""

from __future__ import annotations

import re

from ..domain.crisis_lines import FIND_A_HELPLINE_ADDRESS, HelpWords, LineKind, help_words
from ..i18n import _

__all__ = ["NAMES", "fill", "fallback_words"]

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_ ]*?)\s*\}\}")
_CONDITION = re.compile(r"^\s*\{\{\s*(if(?:\s+not)?)\s+([A-Z]{2}(?:\s+[A-Z]{2})*)\s*\}\}\s*$")
_ELSE = re.compile(r"^\s*\{\{\s*else\s*\}\}\s*$")
_END = re.compile(r"^\s*\{\{\s*end\s*\}\}\s*$")

_MARKUP = re.compile(r"[\[\]*_`<>{}]")

NAMES = ("emergency_number", "crisis_line", "poison_line", "crisis_numbers")
"""The placeholders a page may use (see :mod:`caregiver_app.content.warning_signs`)."""


def fallback_words() -> HelpWords:
    """The words for a country the app has no numbers for ("your local emergency number")."""
    return help_words("")


def crisis_numbers_markdown(words: HelpWords) -> str:
    """The Markdown list that ``{{crisis_numbers}}`` becomes: the emergency number, every crisis
    line of the country, then where to find lines elsewhere."""
    items = []
    if words.emergency_known:
        how = _("call {number}.").format(number=words.emergency_number)
    else:
        how = _("call your local emergency number. Add it in Get help now, so it shows on every page.")
    emergency = _("Emergency")
    items.append(f"- **{emergency}:** {how}")
    for line in words.lines:
        if line.kind is LineKind.CRISIS:
            details = f" {line.details}" if line.details else ""
            how = _MARKUP.sub("", line.how)  # a number the user added is text, never a link or markup
            items.append(f"- **{_MARKUP.sub('', line.name)}:** {how[:1].lower() + how[1:]}.{details}")
    others = _("{address} lists crisis lines by country.").format(address=FIND_A_HELPLINE_ADDRESS)
    elsewhere = _("Other countries")
    items.append(f"- **{elsewhere}:** {others}")
    return "\n".join(items)


def fill(text: str, words: HelpWords, filename: str = "page") -> str:
    """``text`` with its country blocks kept or dropped for ``words.country`` and every
    placeholder replaced. Raises ``ValueError`` naming ``filename`` and the line for an unknown
    placeholder or a block that is not closed (never quoting the text)."""
    kept: list[str] = []
    stack: list[bool] = []  # whether each open block's current branch is shown
    for number, line in enumerate(text.split("\n"), start=1):
        condition = _CONDITION.match(line)
        if condition:
            codes = set(condition.group(2).split())
            wanted = words.country in codes
            stack.append(not wanted if condition.group(1) != "if" else wanted)
            continue
        if _ELSE.match(line):
            if not stack:
                raise ValueError(f"Warning-sign page {filename}, line {number}: '{{{{else}}}}' without '{{{{if ...}}}}'")
            stack[-1] = not stack[-1]
            continue
        if _END.match(line):
            if not stack:
                raise ValueError(f"Warning-sign page {filename}, line {number}: '{{{{end}}}}' without '{{{{if ...}}}}'")
            stack.pop()
            continue
        if not all(stack):
            continue
        kept.append(_replace(line, words, filename, number))
    if stack:
        raise ValueError(f"Warning-sign page {filename}: an '{{{{if ...}}}}' block has no '{{{{end}}}}'")
    return "\n".join(kept)


def _replace(line: str, words: HelpWords, filename: str, number: int) -> str:
    def one(match: re.Match) -> str:
        written = match.group(1)
        name = written.lower()
        simple = {"emergency_number": words.emergency_number, "crisis_line": words.crisis_line,
                  "poison_line": words.poison_line}
        if name in simple:
            value = _MARKUP.sub("", simple[name])  # numbers the user added are plain text
            return value[:1].upper() + value[1:] if written[:1].isupper() else value
        if written == "crisis_numbers":
            if line.strip() != match.group(0):
                raise ValueError(f"Warning-sign page {filename}, line {number}: '{{{{crisis_numbers}}}}' must be on a line of its own")
            return crisis_numbers_markdown(words)
        raise ValueError(f"Warning-sign page {filename}, line {number}: unknown placeholder {name!r}")

    return _PLACEHOLDER.sub(one, line)
