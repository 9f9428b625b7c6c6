"""Untrusted markup in, only what an allowlist names out, and exactly what was taken said.

nh3 (the maintained Rust sanitiser, not hand-written regexes) does the
cleaning; an ``Allowlist`` is the one table that decides, for a source's
cells here and for the site's pages in ``reviewgen.site.safety``. What a
cleaning removed is found by comparing the elements and attributes before
and after it, so a report names exactly what the allowlist took, never a
guess from the shape of the text.

Source text is text: a ``<`` that does not open or close a tag the
allowlist names stays the character it is (``x<y``, ``5 < 6``, even
``<script>``), so no word of a source is lost to a tag that was never one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable
from functools import cached_property, lru_cache
from html.parser import HTMLParser

import nh3

from .declarations import BrowserDeclarations

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*)\s*:")
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
# An allowlist may rewrite titles (see reviewgen.site.final): compared by name, not value.
REWRITTEN_VALUES = {"title"}


@dataclass(frozen=True)
class Allowlist:
    """What may reach a reader: tags, attributes per tag (``*`` for any), link schemes."""

    tags: frozenset[str]
    attributes: dict[str, frozenset[str]]
    attribute_prefixes: frozenset[str] = frozenset()
    style_properties: frozenset[str] = frozenset()
    dropped_content: frozenset[str] = frozenset({"script", "style"})  # unless allowed: removed with all inside
    rewrite: Callable[[str, str, str], str | None] | None = None  # (tag, attribute, value) -> the value kept
    schemes: frozenset[str] = SAFE_SCHEMES  # the schemes a link's or source's address may have

    def clean(self, html: str) -> str:
        return self._cleaner.clean(html)

    @cached_property
    def _cleaner(self) -> nh3.Cleaner:
        """nh3's sanitiser built once for this allowlist: building it is most of the cost of cleaning
        a search entry or a cell, and the site cleans thousands of them."""
        return nh3.Cleaner(
            tags=set(self.tags), attributes={k: set(v) for k, v in self.attributes.items()},
            generic_attribute_prefixes=set(self.attribute_prefixes) or None,
            clean_content_tags=set(self.dropped_content - self.tags), url_schemes=set(self.schemes),
            link_rel=None, filter_style_properties=set(self.style_properties), strip_comments=True,
            attribute_filter=self.rewrite,
        )

    def opens_tag(self, text: str) -> bool:
        """Whether ``text`` holds markup at all: a ``<`` that opens or closes an allowed tag."""
        return "<" in text and self._tag_start.search(text) is not None

    def as_text(self, html: str) -> str:
        """Every ``<`` that opens no allowed tag written as ``&lt;``: what is not markup stays text."""
        return self._not_a_tag.sub("&lt;", html)

    @property
    def _tag_start(self) -> re.Pattern:
        return _tag_patterns(self.tags)[0]

    @property
    def _not_a_tag(self) -> re.Pattern:
        return _tag_patterns(self.tags)[1]


@lru_cache(maxsize=16)
def _tag_patterns(tags: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    names = "|".join(sorted(tags, key=len, reverse=True))
    opening = rf"</?(?:{names})(?=[\s/>])"
    return re.compile(opening, re.I), re.compile(rf"<(?!/?(?:{names})(?=[\s/>]))", re.I)


@dataclass(frozen=True)
class Cleaned:
    html: str
    removed: tuple[str, ...] = field(default=())  # "<script> element", "onclick attribute", "javascript: link"


class _Inventory(BrowserDeclarations, HTMLParser):
    """The elements and attributes of a piece of HTML, counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[("element", tag, "")] += 1
        for name, value in attrs:
            value = "" if name in REWRITTEN_VALUES else (value or "")
            self.found[(tag, name, style_declarations(value) if name == "style" else value)] += 1

    handle_startendtag = handle_starttag


def style_declarations(style: str) -> str:
    """A style attribute as nh3 writes it back (``prop:value;...``), so only a removed property differs."""
    pairs = (part.split(":", 1) for part in style.split(";") if ":" in part)
    return ";".join(f"{name.strip().lower()}:{value.strip()}" for name, value in pairs)


def inventory(html: str) -> Counter:
    parser = _Inventory()
    parser.feed(html)
    parser.close()
    return parser.found


def describe(key: tuple[str, str, str]) -> str:
    kind, name, value = key
    if kind == "element":
        return f"<{name}> element"
    if name == "style" and "expression(" in value.replace(" ", "").lower():
        return "CSS expression"
    scheme = SCHEME.match(value)
    if name in ADDRESS_ATTRIBUTES and scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return f"{scheme.group(1).lower()}: link"
    return f"{name} attribute"


# The quick check reads the page's UTF-8 bytes, where lower case is ASCII's (a third of the time of
# str.lower over text with a few non-ASCII characters) and names hold ASCII letters only.
TAG_NAME = re.compile(rb"<([a-z][\w:-]*)")
# An attribute's name before its "=", matched in the reversed text: a pattern that starts with
# the literal "=" is found by a fast scan, where one starting at every space (``\sname\s*=``)
# tries each word of the text; a page's count takes a sixth of the time. The names come out
# reversed, which is all a comparison of counts needs.
ATTRIBUTE_NAME_REVERSED = re.compile(rb"=\s*([-\w:.]*[a-z_:])\s")
STYLE = re.compile(rb"""style\s*=\s*(?:"([^"]*)"|'([^']*)')""")  # from the literal "style": a fast scan


def _shapes(html: str) -> Counter:
    """Tag and attribute names (and styles, which nh3 rewrites) counted roughly: a cleaning that
    lowers none of them removed nothing. Counted in lower case: nh3 writes SVG's names in their
    own case (``viewBox``) where a page read before wrote them in lower case."""
    lowered = html.encode("utf-8", "surrogatepass").lower()
    styles = Counter(style_declarations((double or single).decode("utf-8", "replace")) for double, single in STYLE.findall(lowered))
    return Counter(TAG_NAME.findall(lowered)) + Counter(ATTRIBUTE_NAME_REVERSED.findall(lowered[::-1])) + styles


def removed(before: str, after: str) -> tuple[str, ...]:
    """What a cleaning took out, once for each piece removed, in the order of the input."""
    if before == after:  # markup the allowlist keeps as it is: most of a source's cells
        return ()
    if not _shapes(before) - _shapes(after):  # the common case otherwise, a tenth of the exact count's time
        return ()
    gone = inventory(before) - inventory(after)
    return tuple(describe(key) for key, count in gone.items() for _ in range(count))


def cleaned(allowlist: Allowlist, html: str) -> Cleaned:
    result = allowlist.clean(html)
    return Cleaned(result, removed(html, result))


SOURCE = Allowlist(
    tags=frozenset({
        "p", "div", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
        "h1", "h2", "h3", "h4", "h5", "h6", "i", "em", "b", "strong", "u", "a", "br",
        "span", "cite", "sup", "sub", "small",
    }),
    # Presentation the export carries (list markers, borders) is harmless and ignored later.
    attributes={
        "a": frozenset({"href"}), "table": frozenset({"border", "style"}),
        **{tag: frozenset({"style"}) for tag in ("p", "div", "ul", "ol", "li", "td", "th")},
    },
    style_properties=frozenset({"list-style-type", "text-align"}),
)


@lru_cache(maxsize=4096)
def clean_source(cell: str) -> Cleaned:
    """A source's cell as the converter reads it: its markup cleaned, everything else text."""
    return cleaned(SOURCE, SOURCE.as_text(cell))


def clean_html(html: str) -> str:
    return clean_source(html).html


def has_markup(text: str) -> bool:
    return SOURCE.opens_tag(text)


def refused_scheme(url: str | None) -> str | None:
    """The scheme that makes ``url`` unsafe for readers (``javascript``), or None."""
    scheme = SCHEME.match(url or "")
    return scheme.group(1).lower() if scheme and scheme.group(1).lower() not in SAFE_SCHEMES else None


def safe_href(url: str | None) -> str | None:
    """A link address readers can follow safely, or None (the text stays, the link goes)."""
    if not url or refused_scheme(url):
        return None
    return url.strip()
