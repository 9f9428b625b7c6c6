"""The same rules for editors' Markdown: no script reaches a reader.

A page's rendered HTML passes nh3's allowlist before reviewgen adds its own
markup, so raw HTML an editor typed (a <script>, an onclick, a javascript:
link) is removed; ``unsafe_lines`` names what was removed and where, for
the plugin's warnings. External links open with rel="noopener".
"""

from __future__ import annotations

import nh3
from bs4 import BeautifulSoup

from ..sanitise import SAFE_SCHEMES, unsafe_parts

PAGE_TAGS = {
    "p", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "em", "strong", "i", "b", "u", "s", "del", "ins", "mark", "small", "sup", "sub", "abbr", "kbd",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "hr", "br", "div", "span",
    "img", "figure", "figcaption", "dl", "dt", "dd", "details", "summary",
}
PAGE_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"align", "colspan", "rowspan", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "ol": {"start"},
}


def clean_page(html: str) -> str:
    return nh3.clean(
        html, tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES, url_schemes=SAFE_SCHEMES,
        link_rel=None, filter_style_properties={"text-align"}, strip_comments=True,
    )


def unsafe_lines(markdown: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, what) for raw HTML or links in a page that will not reach readers."""
    found = []
    for offset, line in enumerate(markdown.split("\n")):
        for part in unsafe_parts(line):
            found.append((first_line + offset, part))
    return found


def mark_external_links(soup: BeautifulSoup) -> None:
    for link in soup.find_all("a", href=True):
        if link["href"].startswith(("http://", "https://", "//")):
            link["rel"] = "noopener"
