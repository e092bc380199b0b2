"""One warning-sign page on screen: our Markdown subset rendered to Qt rich text.

Every sign shows its tier in words *and* as an icon of its own shape ("Emergency — call 911 now"
beside an octagon), never by colour alone. ``[text](page:id)`` links ask to open another page;
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

from ..services.library import Page, Tier
from . import formatting
from .navigation import GET_HELP_KEYS
from .tier_icons import shape_word, tier_image

PAGE_SCHEME = "page"
TIER_SCHEME = "tier"

LIMITS_TEXT = (
    "This is information, not a diagnosis. It cannot tell you what is wrong; a doctor or nurse can. "
    "If you are worried, call the care team. If someone is in danger, use Get help now ({keys})."
)

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_MARKER = re.compile(r"^\[(EMERGENCY|CRISIS|CALL-SOON|NEXT-VISIT)\]\s*(.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_TIERS = {t.value: t for t in Tier}


def long_date(day: date) -> str:
    """``"30 Nov 2026"`` / ``"Nov 30, 2026"`` (the window's medium date)."""
    return formatting.medium_date(day)


def inline(text: str) -> str:
    """One line of our Markdown to rich text: escaped, then bold, italics, code and links."""
    out: list[str] = []
    pos = 0
    for match in _LINK.finditer(text):
        out.append(_emphasis(html.escape(text[pos:match.start()], quote=False)))
        words, target = match.group(1), match.group(2)
        out.append(f'<a href="{html.escape(target)}">{_emphasis(html.escape(words, quote=False))}</a>')
        pos = match.end()
    out.append(_emphasis(html.escape(text[pos:], quote=False)))
    return "".join(out)


def _emphasis(escaped: str) -> str:
    escaped = _BOLD.sub(lambda m: f"<b>{m.group(1) or m.group(2)}</b>", escaped)
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    return _ITALIC.sub(r"<i>\1</i>", escaped)


class _Renderer:
    """Turns a page body (our Markdown subset) into rich text, block by block."""

    def __init__(self, icon_px: int):
        self.icon_px = icon_px
        self.out: list[str] = []
        self.paragraph: list[str] = []
        self.list_kind: str | None = None  # "ul", "ol" or "signs"
        self.items: list[tuple[Tier | None, str]] = []

    # --- blocks ---------------------------------------------------------------------------
    def flush_paragraph(self) -> None:
        if self.paragraph:
            self.out.append(f"<p>{inline(' '.join(self.paragraph))}</p>")
            self.paragraph = []

    def flush_list(self) -> None:
        if self.list_kind is None:
            return
        if self.list_kind == "signs":
            rows = "".join(self.sign_row(tier, text) if tier else f'<tr><td></td><td>{inline(text)}</td></tr>'
                           for tier, text in self.items)
            self.out.append(f'<table border="0" cellspacing="0" cellpadding="4" width="100%">{rows}</table>')
        else:
            body = "".join(f"<li>{inline(text)}</li>" for _tier, text in self.items)
            self.out.append(f"<{self.list_kind}>{body}</{self.list_kind}>")
        self.list_kind, self.items = None, []

    def flush(self) -> None:
        self.flush_paragraph()
        self.flush_list()

    def sign_row(self, tier: Tier, text: str) -> str:
        size = self.icon_px
        icon = (f'<img src="{TIER_SCHEME}:{tier.value}" width="{size}" height="{size}" '
                f'alt="{html.escape(tier.label)} ({shape_word(tier)} icon)">')
        return (f'<tr><td width="{size + 8}" valign="top">{icon}</td>'
                f'<td valign="top"><b>{html.escape(tier.label)}</b><br>{inline(text)}</td></tr>')

    def add_item(self, kind: str, text: str) -> None:
        marker = _MARKER.match(text)
        if marker and kind == "ul":
            kind = "signs"
        if self.list_kind != kind:
            self.flush_list()
            self.list_kind = kind
        if marker and kind == "signs":
            self.items.append((_TIERS[marker.group(1)], marker.group(2)))
        else:
            self.items.append((None, text))

    def continue_item(self, text: str) -> None:
        tier, before = self.items[-1]
        self.items[-1] = (tier, f"{before} {text}")

    # --- the whole body -------------------------------------------------------------------
    def body(self, markdown: str, skip_sections: tuple[str, ...] = ()) -> str:
        skipping = False
        in_item = False
        for raw in _COMMENT.sub("", markdown).split("\n"):
            line = raw.rstrip()
            heading = _HEADING.match(line)
            if heading:
                self.flush()
                in_item = False
                level = len(heading.group(1))
                title = heading.group(2)
                if level <= 2:
                    skipping = title.strip().lower() in skip_sections
                if not skipping:
                    tag = "h2" if level <= 2 else "h3"
                    self.out.append(f"<{tag}>{inline(title)}</{tag}>")
                continue
            if skipping:
                continue
            if not line.strip():
                self.flush_paragraph()
                in_item = False
                continue
            bullet = _BULLET.match(line)
            numbered = _NUMBERED.match(line)
            if bullet or numbered:
                self.flush_paragraph()
                self.add_item("ul" if bullet else "ol", (bullet.group(1) if bullet else numbered.group(2)).strip())
                in_item = True
            elif in_item and raw[:1].isspace():
                self.continue_item(line.strip())
            else:
                self.flush_list()
                in_item = False
                self.paragraph.append(line.strip())
        self.flush()
        return "".join(self.out)


def page_html(pg: Page, icon_px: int, keys: str = GET_HELP_KEYS) -> str:
    """The whole page as rich text for a ``QTextDocument``: title, category and review date, the
    body with tiered signs, the sources (title and address), the review date and the limits."""
    renderer = _Renderer(icon_px)
    body = renderer.body(pg.body_markdown, skip_sections=("sources",))
    reviewed = long_date(pg.last_reviewed)
    sources = "".join(
        f'<li><a href="{html.escape(s.url)}">{html.escape(s.title)}</a><br>{html.escape(s.url)}</li>' for s in pg.sources
    )
    limits = html.escape(LIMITS_TEXT.format(keys=keys))
    return (
        f"<h1>{html.escape(pg.title)}</h1>"
        f"<p>{html.escape(pg.category)} · Last reviewed {reviewed}</p>"
        f"{body}"
        f"<h2>Sources</h2><ul>{sources}</ul>"
        f'<h2>About this page</h2><p><b>Last reviewed:</b> {reviewed}</p>'
        f"<p><b>Please note:</b> {limits}</p>"
    )


def home_html(icon_px: int, page_count: int, keys: str = GET_HELP_KEYS) -> str:
    """The library's start view: what it is, how the tiers look, and its limits."""
    rows = "".join(
        f'<tr><td width="{icon_px + 8}" valign="top"><img src="{TIER_SCHEME}:{t.value}" width="{icon_px}" '
        f'height="{icon_px}" alt="{html.escape(t.label)} ({shape_word(t)} icon)"></td>'
        f"<td valign=\"top\"><b>{html.escape(t.label)}</b><br>{html.escape(t.action)}</td></tr>"
        for t in Tier
    )
    limits = html.escape(LIMITS_TEXT.format(keys=keys))
    return (
        "<h1>Warning signs</h1>"
        f"<p>{page_count} short pages on when to worry and what to do. Choose a topic on the left, "
        "or search for a sign, such as <i>chest pain</i> or <i>not sleeping</i>.</p>"
        "<h2>How urgent is it?</h2>"
        "<p>Every sign on a page carries one of these four labels. The label tells you what to do.</p>"
        f'<table border="0" cellspacing="0" cellpadding="4" width="100%">{rows}</table>'
        f"<h2>Please note</h2><p>{limits}</p>"
        "<p>Each page lists its sources and the date it was last reviewed.</p>"
    )


class PageView(QTextBrowser):
    """Shows one page (or the library's start view). Emits ``page_requested(id)`` when a
    ``page:`` link is activated; web links open in the system browser."""

    page_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Warning-sign page")
        self.anchorClicked.connect(self._on_anchor)
        self._page: Page | None = None
        self._home_count = 0
        self._rendering = False

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
        self.setAccessibleDescription("How the warning-sign pages show urgency, and what they cannot do")

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
            text = (page_html(self._page, self.icon_size()) if self._page is not None
                    else home_html(self.icon_size(), self._home_count))
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
