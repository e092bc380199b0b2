"""One Markdown pipeline: the page view renders the tokens the content loader parsed, so every
sign the loader counts is drawn with its tier, and nothing the loader skips reaches the screen."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from caregiver_app.content import warning_signs as education
from caregiver_app.gui.common.page_view import page_html
from caregiver_app.services import warning_signs as library

US, GB = library.help_words("US"), library.help_words("GB")
PAGES = library.load_pages(US)
TIER_IMAGE = re.compile(r'<img src="tier:([A-Z-]+)"')


@pytest.mark.parametrize("pg", PAGES, ids=[p.id for p in PAGES])
def test_the_view_draws_exactly_the_signs_the_loader_parsed(pg):
    markup = page_html(pg, 24, words=US)
    drawn = TIER_IMAGE.findall(markup)
    assert drawn == [s.tier.value for s in pg.signs]
    assert "<!--" not in markup and "{{" not in markup
    assert "[EMERGENCY]" not in markup and "[CALL-SOON]" not in markup
    inline_gone = re.sub(r"</?(?:a|b|em|strong|code)\b[^>]*>", "", markup)
    on_screen = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline_gone)).split())
    for sign in pg.signs:  # the loader's plain words of each sign are what the view shows
        assert sign.text in on_screen


def test_the_view_and_the_loader_read_the_same_markdown():
    base = library.page("stroke", US)
    body = base.body_markdown.replace(
        "## What to do",
        "- [NEXT-VISIT] A *soft* sign with `code`, a [link](page:falls) and\n  a second line.\n\n"
        "<script>alert(1)</script>\n\nA <b onclick=\"x()\">bold</b> word.\n\n## What to do",
        1,
    )
    parsed = education.parse_page("---\nid: stroke\ntitle: Stroke\ncategory: Body and medical emergencies\n"
                                  "summary: s\nsymptoms: []\nlast_reviewed: 2026-12-06\nrelated: []\nurgent_at: 7\n---\n"
                                  + body, "stroke.md")
    added = parsed.signs[len(base.signs)]
    assert added.text == "A soft sign with code, a link and a second line." and added.tier is education.Tier.NEXT_VISIT
    markup = page_html(replace(base, body_markdown=parsed.body_markdown, signs=parsed.signs), 24, words=US)
    assert "<em>soft</em>" in markup and "<code>code</code>" in markup and 'href="page:falls"' in markup
    assert "<script>" not in markup and "onclick" not in markup  # raw HTML is parsed but never shown
    assert TIER_IMAGE.findall(markup) == [s.tier.value for s in parsed.signs]


def test_the_same_page_shows_each_countrys_numbers():
    us = page_html(library.page("suicide-risk", US), 24, words=US)
    gb = page_html(library.page("suicide-risk", GB), 24, words=GB)
    assert "988" in us and "911" in us
    assert "116 123" in gb and "999" in gb and "988" not in re.sub(r"https?://[^\s<\"]+", "", gb)
