"""The one Markdown pipeline for the warning-sign pages: markdown-it-py (CommonMark) with its
front-matter plugin. The content loader (:mod:`caregiver_app.content.warning_signs`) parses pages with
it and the page view renders the same tokens, so what the tests check is what the screen shows.

Raw HTML is parsed (the hidden ``<!-- symptoms: ... -->`` tags are tokens) but never rendered.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

__all__ = ["item_inlines", "markdown_parser", "markdown_tokens", "plain_text", "render_blocks", "render_inline",
           "inline_plain", "sections"]

_ANY_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _no_html(*_args) -> str:
    return ""


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one parser for every page: CommonMark with front matter. Raw HTML is parsed (so the
    hidden ``<!-- symptoms: ... -->`` tags are tokens) but never rendered."""
    md = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin)
    md.add_render_rule("html_block", _no_html)
    md.add_render_rule("html_inline", _no_html)
    return md


def markdown_tokens(markdown: str) -> list[Token]:
    """The block tokens of a page body (or a whole page, front matter included)."""
    return markdown_parser().parse(markdown)


def render_inline(markdown: str) -> str:
    """One line of Markdown as HTML: escaped text, emphasis, code and links; comments dropped."""
    return markdown_parser().renderInline(markdown)


def render_blocks(tokens: list[Token]) -> str:
    """Block tokens (from ``markdown_tokens``) as HTML; raw HTML and comments are dropped."""
    md = markdown_parser()
    return md.renderer.render(tokens, md.options, {})


def inline_plain(token: Token) -> str:
    """The plain words of an inline token: text and code, no markup, links as their words."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def plain_text(markdown: str) -> str:
    """Markdown inline text to plain text: links become their words, emphasis and comments go."""
    tokens = markdown_parser().parseInline(_ANY_COMMENT.sub("", markdown))
    return " ".join(inline_plain(t) for t in tokens).strip()


def item_inlines(tokens: list[Token]) -> list[tuple[int, Token]]:
    """(line number, inline token) of each list item's own paragraph, in order."""
    items: list[tuple[int, Token]] = []
    for index, token in enumerate(tokens):
        if token.type != "list_item_open":
            continue
        for inner in tokens[index + 1:]:
            if inner.type == "inline" and inner.level == token.level + 2:
                items.append(((token.map[0] + 1) if token.map else 0, inner))
                break
            if inner.type == "list_item_close" and inner.level == token.level:
                break
    return items


def sections(tokens: list[Token]) -> dict[str, list[Token]]:
    """Split the tokens on level-2 headings: lower-cased heading -> the tokens under it."""
    found: dict[str, list[Token]] = {}
    current: list[Token] | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.tag == "h2":
            current = found.setdefault(tokens[index + 1].content.strip().lower(), [])
            index += 3  # the heading's open, inline and close tokens
            continue
        if current is not None:
            current.append(token)
        index += 1
    return found
