"""Country placeholders in the warning-sign pages: written once, filled with the chosen country's
numbers (the syntax is described in :mod:`caregiver_app.content.warning_signs`).

Standard library and ``domain`` only.
"""

from __future__ import annotations

import re

from ..domain.crisis_lines import FIND_A_HELPLINE_ADDRESS, HelpWords, LineKind, help_words

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
        items.append(f"- **Emergency:** call {words.emergency_number}.")
    else:
        items.append("- **Emergency:** call your local emergency number. Add it in Get help now, so it "
                     "shows on every page.")
    for line in words.lines:
        if line.kind is LineKind.CRISIS:
            details = f" {line.details}" if line.details else ""
            how = _MARKUP.sub("", line.how)  # a number the user added is text, never a link or markup
            items.append(f"- **{_MARKUP.sub('', line.name)}:** {how[:1].lower() + how[1:]}.{details}")
    items.append(f"- **Other countries:** {FIND_A_HELPLINE_ADDRESS} lists crisis lines by country.")
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
