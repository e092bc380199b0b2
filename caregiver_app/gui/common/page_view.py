"""One warning-sign page on screen: the page's Markdown rendered to Qt rich text.

The Markdown is parsed by the content loader's own parser (markdown-it-py), so what is checked
is what is shown.

Every sign shows its tier in words *and* as an icon of its own shape ("Emergency: call 999 now"
beside an octagon, with the chosen country's number), never by colour alone. ``[text](page:id)`` links ask to open another page;
web links open in the browser. Each page ends with its sources (title and address), its "last
reviewed" date and the plain statement that it is information, not a diagnosis. The text uses the
window's palette and font, so dark themes and large text work; the view re-renders when either
changes.
"""

from __future__ import annotations

import html
import re
from datetime import date

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ...i18n import N_, _, ngettext
from ...services import warning_signs as library
from ...services.warning_signs import HelpWords, Page, Tier, help_words
from . import formatting
from .navigation import GET_HELP_KEYS
from .tier_icons import shape_word, tier_image

PAGE_SCHEME = "page"
TIER_SCHEME = "tier"

LIMITS_TEXT = N_(
    "This is information, not a diagnosis. It cannot tell you what is wrong; a doctor or nurse can. "
    "If you are worried, call the care team. If someone is in danger, use Get help now ({keys})."
)

_TIERS = {t.value: t for t in Tier}
_MARKER = re.compile(r"^\[([A-Z-]+)\]\s*(.*)$", re.DOTALL)


def long_date(day: date) -> str:
    """``"30 Nov 2026"`` / ``"Nov 30, 2026"`` (the window's medium date)."""
    return formatting.medium_date(day)


def inline(text: str) -> str:
    """One line of page Markdown to rich text (the content loader's own parser)."""
    return library.render_inline(text)


def _block_end(tokens: list, start: int) -> int:
    """The index just after the block that opens at ``start``."""
    token = tokens[start]
    if token.nesting != 1:
        return start + 1
    for index in range(start + 1, len(tokens)):
        if tokens[index].level == token.level and tokens[index].nesting == -1:
            return index + 1
    return len(tokens)


def icon_alt(label: str, tier: Tier) -> str:
    """A tier icon's alternative text: "EMERGENCY (octagon icon)"."""
    return _("{label} ({shape} icon)").format(label=label, shape=shape_word(tier))


class _Renderer:
    """Turns a page body into rich text: the loader's tokens, with each list of signs drawn as rows
    of tier icon, tier words and the sign."""

    def __init__(self, icon_px: int, words: HelpWords):
        self.icon_px = icon_px
        self.words = words

    def sign_row(self, tier: Tier, text: str) -> str:
        size = self.icon_px
        label = html.escape(tier.label_for(self.words))
        icon = (f'<img src="{TIER_SCHEME}:{tier.value}" width="{size}" height="{size}" '
                f'alt="{html.escape(icon_alt(label, tier))}">')
        return (f'<tr><td width="{size + 8}" valign="top">{icon}</td>'
                f'<td valign="top"><b>{label}</b><br>{inline(text)}</td></tr>')

    def sign_table(self, block: list) -> str | None:
        """A bullet list whose items start with tier markers as a table, else None."""
        items = [t for t in block if t.type == "inline" and t.level == block[0].level + 3]
        marked = [(_MARKER.match(t.content), t.content) for t in items]
        if not any(m and m.group(1) in _TIERS for m, _text in marked):
            return None
        rows = "".join(
            self.sign_row(_TIERS[m.group(1)], m.group(2)) if m and m.group(1) in _TIERS
            else f"<tr><td></td><td>{inline(text)}</td></tr>"
            for m, text in marked
        )
        return f'<table border="0" cellspacing="0" cellpadding="4" width="100%">{rows}</table>'

    def body(self, markdown: str, skip_sections: tuple[str, ...] = ()) -> str:
        tokens = library.markdown_tokens(markdown)
        out: list[str] = []
        skipping = False
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "heading_open":
                title = tokens[index + 1].content
                if token.tag in ("h1", "h2"):
                    skipping = title.strip().lower() in skip_sections
                if not skipping:
                    tag = "h2" if token.tag in ("h1", "h2") else "h3"
                    out.append(f"<{tag}>{inline(title)}</{tag}>")
                index += 3
                continue
            end = _block_end(tokens, index)
            if not skipping:
                block = tokens[index:end]
                table = self.sign_table(block) if token.type == "bullet_list_open" else None
                out.append(table if table is not None else library.render_blocks(block))
            index = end
        return "".join(out)


def page_html(pg: Page, icon_px: int, keys: str = GET_HELP_KEYS, words: HelpWords | None = None) -> str:
    """The whole page as rich text for a ``QTextDocument``: title, category and review date, the
    body with tiered signs (their words with the numbers of ``words``; None: no country known),
    the sources (title and address), the review date and the limits. ``pg`` should come from
    ``library.page(id, words)`` so its text carries the same numbers."""
    renderer = _Renderer(icon_px, words or help_words(""))
    body = renderer.body(pg.body_markdown, skip_sections=library.sources_headings())
    reviewed = long_date(pg.last_reviewed)
    sources = "".join(
        f'<li><a href="{html.escape(s.url)}">{html.escape(s.title)}</a><br>{html.escape(s.url)}</li>' for s in pg.sources
    )
    limits = html.escape(_(LIMITS_TEXT).format(keys=keys))
    # TRANSLATORS: under a warning-sign page's title: "Heart and circulation · Last reviewed 1 May 2026".
    byline = html.escape(_("{category} · Last reviewed {date}").format(category=_(pg.category), date=reviewed))
    return (
        f"<h1>{html.escape(pg.title)}</h1>"
        f"<p>{byline}</p>"
        f"{body}"
        f"<h2>{html.escape(_('Sources'))}</h2><ul>{sources}</ul>"
        f"<h2>{html.escape(_('About this page'))}</h2><p><b>{html.escape(_('Last reviewed:'))}</b> {reviewed}</p>"
        f"<p><b>{html.escape(_('Please note:'))}</b> {limits}</p>"
    )


def home_html(icon_px: int, page_count: int, keys: str = GET_HELP_KEYS, words: HelpWords | None = None) -> str:
    """The library's start view: what it is, how the tiers look (with the numbers of ``words``),
    and its limits."""
    words = words or help_words("")
    rows = "".join(
        f'<tr><td width="{icon_px + 8}" valign="top"><img src="{TIER_SCHEME}:{t.value}" width="{icon_px}" '
        f'height="{icon_px}" alt="{html.escape(icon_alt(t.label_for(words), t))}"></td>'
        f"<td valign=\"top\"><b>{html.escape(t.label_for(words))}</b><br>{html.escape(t.action_for(words))}</td></tr>"
        for t in Tier
    )
    limits = html.escape(_(LIMITS_TEXT).format(keys=keys))
    intro = ngettext("{count} short page on when to worry and what to do. Choose a topic on the left, or search "
                     "for a sign, such as <i>chest pain</i> or <i>not sleeping</i>.",
                     "{count} short pages on when to worry and what to do. Choose a topic on the left, or search "
                     "for a sign, such as <i>chest pain</i> or <i>not sleeping</i>.", page_count).format(count=page_count)
    return (
        f"<h1>{html.escape(_('Warning signs'))}</h1>"
        f"<p>{intro}</p>"
        f"<h2>{html.escape(_('How urgent is it?'))}</h2>"
        f"<p>{html.escape(_('Every sign on a page carries one of these labels. The label tells you what to do.'))}</p>"
        f'<table border="0" cellspacing="0" cellpadding="4" width="100%">{rows}</table>'
        f"<h2>{html.escape(_('Please note'))}</h2><p>{limits}</p>"
        f"<p>{html.escape(_('Each page lists its sources and the date it was last reviewed.'))}</p>"
    )


class PageView(QTextBrowser):
    """Shows one page (or the library's start view). Emits ``page_requested(id)`` when a
    ``page:`` link is activated; web links open in the system browser."""

    page_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(_("Warning-sign page"))
        self.anchorClicked.connect(self._on_anchor)
        self._page: Page | None = None
        self._home_count = 0
        self._rendering = False
        self.words = help_words("")
        """The numbers the tier words carry (set by the library page from the country)."""

    @property
    def page(self) -> Page | None:
        """The page shown, or None on the start view."""
        return self._page

    def icon_size(self) -> int:
        return max(int(self.fontMetrics().height() * 1.6), 16)

    def show_page(self, pg: Page) -> None:
        self._page = pg
        self._render()
        self.setAccessibleDescription(f"{pg.title}. {pg.summary}")

    def show_home(self, page_count: int) -> None:
        self._page = None
        self._home_count = page_count
        self._render()
        self.setAccessibleDescription(_("How the warning-sign pages show urgency, and what they cannot do"))

    def page_links(self) -> list[str]:
        """Every link target in the shown document, in order (for tests and checks)."""
        targets: list[str] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                href = fragment.charFormat().anchorHref() if fragment.isValid() else ""
                if href and (not targets or targets[-1] != href):
                    targets.append(href)
                it += 1
            block = block.next()
        return targets

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt name)
        if url.scheme() == TIER_SCHEME and kind == QTextDocument.ResourceType.ImageResource.value:
            tier = _TIERS.get(url.path())
            if tier is not None:
                return tier_image(tier, self.icon_size(), self.devicePixelRatioF())
        return super().loadResource(kind, url)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._render()

    def _render(self) -> None:
        if self._rendering:
            return
        self._rendering = True
        try:
            scroll = self.verticalScrollBar().value()
            same = self.document().property("page_id") == (self._page.id if self._page else "")
            text = (page_html(self._page, self.icon_size(), words=self.words) if self._page is not None
                    else home_html(self.icon_size(), self._home_count, words=self.words))
            self.document().setDefaultFont(self.font())
            self.setHtml(text)
            self.document().setDocumentMargin(max(self.fontMetrics().height() * 0.6, 4))
            self.document().setProperty("page_id", self._page.id if self._page else "")
            self.verticalScrollBar().setValue(scroll if same else 0)
        finally:
            self._rendering = False

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == PAGE_SCHEME:
            self.page_requested.emit(url.path())
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
