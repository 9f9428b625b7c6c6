"""The site's allowlists: what an editor's page may hold, and what a finished page may hold.

A page's rendered HTML passes ``PAGE`` before reviewgen adds its own markup,
so raw HTML an editor typed (a <script>, an onclick, a javascript: link) is
removed, and what was removed is named from the cleaning itself. The
finished page (theme and all) passes ``FINISHED`` as the very last step:
``reviewgen.site.final``. External links open with rel="noopener".
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup

from ..document.ids import PAGE_ATTRIBUTE
from ..document.sanitise import Allowlist, Cleaned, cleaned
from .items import named

TEXT_TAGS = frozenset({
    "p", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "em", "strong", "i", "b", "u", "s", "del", "ins", "mark", "small", "sup", "sub", "abbr", "kbd",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "hr", "br", "div", "span",
    "img", "figure", "figcaption", "dl", "dt", "dd", "details", "summary",
})
TEXT_ATTRIBUTES = {
    "*": frozenset({"id", "class", "title", "lang", "dir", PAGE_ATTRIBUTE}),  # the original's page: a number, shown by CSS
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"align", "colspan", "rowspan", "style"}),
    "td": frozenset({"align", "colspan", "rowspan", "style"}),
    "ol": frozenset({"start"}),
}
PAGE = Allowlist(tags=TEXT_TAGS, attributes=TEXT_ATTRIBUTES, style_properties=frozenset({"text-align"}))
# The rebuttal index also holds reviewgen's bar chart, drawn at build time as SVG.
CHART_TAGS = frozenset({"svg", "rect", "text", "title"})
CHART_ATTRIBUTES = {
    "svg": frozenset({"xmlns", "viewBox", "width", "height", "role"}),
    "rect": frozenset({"x", "y", "width", "height", "fill"}),
    "text": frozenset({"x", "y", "text-anchor"}),
}
INDEX_PAGE = Allowlist(
    tags=TEXT_TAGS | CHART_TAGS, attributes={**TEXT_ATTRIBUTES, **CHART_ATTRIBUTES},
    attribute_prefixes=frozenset({"aria-"}), style_properties=frozenset({"text-align"}),
)

# The finished page: the text's tags, reviewgen's own markup (asides, copy buttons, the
# index's chart) and Material's (its layout, toggles, search form, icons, scripts).
REVIEWGEN_TAGS = frozenset({"aside", "button"}) | CHART_TAGS
THEME_TAGS = frozenset({
    "meta", "link", "title", "script", "header", "footer", "main", "nav", "article", "section",
    "form", "input", "label", "button", "svg", "path", "g", "circle",
})
# Zensical's icons (Lucide) are drawn with strokes their <svg> names: presentation, never script.
ICON_STROKES = frozenset({"fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin"})
FINISHED = Allowlist(
    tags=TEXT_TAGS | REVIEWGEN_TAGS | THEME_TAGS,
    attributes={
        **TEXT_ATTRIBUTES,
        "*": TEXT_ATTRIBUTES["*"] | {"hidden", "tabindex", "role"},
        "a": frozenset({"href", "title", "rel", "target"}),
        "meta": frozenset({"charset", "name", "content", "property"}),
        "link": frozenset({"rel", "href", "type", "sizes", "media"}),
        "script": frozenset({"src", "type", "defer", "async"}),
        "input": frozenset({"type", "name", "checked", "placeholder", "autocapitalize", "autocomplete", "autocorrect", "spellcheck", "required", "inputmode"}),
        "label": frozenset({"for"}),
        "button": frozenset({"type"}),
        "form": frozenset({"name"}),
        **CHART_ATTRIBUTES,
        "svg": CHART_ATTRIBUTES["svg"] | ICON_STROKES,
        "path": frozenset({"d"}),
        "circle": frozenset({"cx", "cy", "r"}),
    },
    attribute_prefixes=frozenset({"data-", "aria-"}),
    style_properties=frozenset({"text-align"}),
)


def clean_page(html: str, allowlist: Allowlist = PAGE) -> Cleaned:
    """An editor's page as rendered: only what ``allowlist`` names stays, and what went is said."""
    return cleaned(allowlist, html)


# Where a removal the cleaning named was typed: inside a tag, or as a link's address.
def _clue(what: str) -> re.Pattern:
    if what.endswith(" element"):
        return re.compile("<" + re.escape(what.removesuffix(" element").strip("<>")) + r"\b", re.I)
    if what.endswith(": link"):
        return re.compile(r"""(?:\bhref\s*=\s*["']?|\]\()\s*""" + re.escape(what.removesuffix(" link")), re.I)
    if what == "CSS expression":
        return re.compile(r"<[a-zA-Z][^<>]*expression\s*\(", re.I)
    return re.compile(r"<[a-zA-Z][^<>]*\s" + re.escape(what.removesuffix(" attribute")) + r"\s*=", re.I)


def _typed_at(markdown: str, what: str, first_line: int = 1) -> list[int]:
    """The line of each place in ``markdown`` where ``what`` was typed, in order (a line twice if it holds two)."""
    clue = _clue(what)
    return [first_line + offset for offset, line in enumerate(markdown.split("\n")) for _ in clue.findall(line)]


def removal_notes(name: str, removed, markdown: str = "", first_line: int = 1, finished: bool = False) -> list[str]:
    """A warning per removal: ``FILE:LINE: removed …`` (the finished page's have no line to name). Each
    kind of removal is looked for through the page once, not once for each removed: a page an editor
    filled with thousands of them took time in their number times the page's length."""
    notes, seen, typed = [], Counter(), {}
    for what in removed:
        seen[what] += 1
        if not finished and what not in typed:
            typed[what] = _typed_at(markdown, what, first_line)
        lines = typed.get(what, [])
        line = lines[seen[what] - 1] if len(lines) >= seen[what] else first_line
        where = name if finished else f"{name}:{line}"
        notes.append(f"{where}: removed {what}{' from the finished page' if finished else ''}; pages may not carry script or unsafe links")
    return notes


def mark_external_links(soup: BeautifulSoup) -> None:
    for link in named(soup, "a"):
        if link.get("href", "").startswith(("http://", "https://", "//")):
            link["rel"] = "noopener"
