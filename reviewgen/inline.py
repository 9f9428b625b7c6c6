"""Inline text of a source cell -> spans (emphasis, strong, links).

The source mixes HTML (``<i>``) with Markdown someone already typed
(``**bold**``, ``[text](#)``) and bare URLs. All of it becomes spans; the
writer decides how to spell them. Whitespace is folded, words never change.
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag

from .model import Inline, Span
from .sanitise import refused_scheme, safe_href

EMPHASIS_TAGS = {"i", "em", "cite"}
STRONG_TAGS = {"b", "strong"}
MARKDOWN_INLINE = re.compile(
    r"\*\*(?P<strong>[^*]+?)\*\*"
    r"|\[(?P<label>(?:\\.|[^\]\\])+)\]\((?P<target>[^)\s]*)\)"
    r"|(?P<url>https?://[^\s<>\"]+)"
)
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
URL_TRAILING = ".,;:!?)\u201d\u2019'\""
DEAD_TARGETS = {"", "#"}


def _unescape(text: str) -> str:
    return MARKDOWN_ESCAPE.sub(r"\1", text)


def as_read(text: str) -> str:
    """``text`` as the converter reads it: a Markdown link is its label, its address is no word of the text."""
    return MARKDOWN_INLINE.sub(lambda m: m.group("label") if m.group("label") is not None else m.group(0), text)


def refused_links(text: str) -> list[str]:
    """The Markdown links in ``text`` whose address readers may not follow, as "javascript: link"."""
    found = []
    for match in MARKDOWN_INLINE.finditer(text):
        scheme = refused_scheme(match.group("target")) if match.group("label") is not None else None
        if scheme:
            found.append(f"{scheme}: link")
    return found


def spans_from_text(text: str, emphasis: bool = False, strong: bool = False) -> list[Span]:
    """Spans for a string that may carry Markdown or bare URLs."""
    spans: list[Span] = []
    position = 0
    for match in MARKDOWN_INLINE.finditer(text):
        spans.append(Span(_unescape(text[position : match.start()]), emphasis, strong))
        position = match.end()
        if match.group("strong") is not None:
            spans.append(Span(_unescape(match.group("strong")), emphasis, True))
        elif match.group("label") is not None:
            target = match.group("target")
            href = None if target in DEAD_TARGETS else safe_href(target)
            spans.append(Span(_unescape(match.group("label")), emphasis, strong, href))
        else:
            url = match.group("url")
            trimmed = url.rstrip(URL_TRAILING)
            spans.append(Span(trimmed, emphasis, strong, trimmed))
            spans.append(Span(url[len(trimmed) :], emphasis, strong))
    spans.append(Span(_unescape(text[position:]), emphasis, strong))
    return spans


def spans_from_nodes(nodes, emphasis: bool = False, strong: bool = False, href: str | None = None) -> list[Span]:
    """Spans for a run of HTML nodes. Iterative: a source may nest thousands of unclosed tags."""
    spans: list[Span] = []
    stack = [(node, emphasis, strong, href) for node in reversed(list(nodes))]
    while stack:
        node, em, st, link = stack.pop()
        if isinstance(node, NavigableString):
            if link:
                spans.append(Span(str(node), em, st, link))
            else:
                spans.extend(spans_from_text(str(node), em, st))
        elif isinstance(node, Tag):
            name = node.name.lower()
            if name == "br":
                spans.append(Span(" ", em, st))
                continue
            inner = safe_href(node.get("href")) if name == "a" else link
            inner = None if inner in DEAD_TARGETS else inner
            em, st = em or name in EMPHASIS_TAGS, st or name in STRONG_TAGS
            stack.extend((child, em, st, inner) for child in reversed(list(node.children)))
    return spans


def tidy(spans: list[Span]) -> Inline:
    """Fold whitespace, merge neighbours of one style, trim the ends."""
    merged: list[Span] = []
    for span in spans:
        text = re.sub(r"\s+", " ", span.text)
        if not text:
            continue
        if merged and _same_style(merged[-1], span):
            merged[-1] = Span(merged[-1].text + text, span.emphasis, span.strong, span.href)
        else:
            merged.append(Span(text, span.emphasis, span.strong, span.href))
    while merged and not merged[0].text.strip():
        merged.pop(0)
    while merged and not merged[-1].text.strip():
        merged.pop()
    if merged:
        first, last = merged[0], merged[-1]
        merged[0] = Span(first.text.lstrip(), first.emphasis, first.strong, first.href)
        last = merged[-1]
        merged[-1] = Span(last.text.rstrip(), last.emphasis, last.strong, last.href)
    return tuple(merged)


def _same_style(a: Span, b: Span) -> bool:
    return (a.emphasis, a.strong, a.href) == (b.emphasis, b.strong, b.href)


def inline_from_text(text: str) -> Inline:
    return tidy(spans_from_text(text))


def join(first: Inline, second: Inline) -> Inline:
    """Two pieces of one paragraph that a page break separated."""
    return tidy(list(first) + [Span(" ")] + list(second))


def strip_prefix(inline: Inline, prefix_length: int) -> Inline:
    """Drop the first ``prefix_length`` characters (a marker such as "- " or "• ")."""
    spans = list(inline)
    remaining = prefix_length
    while spans and remaining > 0:
        head = spans[0]
        if len(head.text) <= remaining:
            remaining -= len(head.text)
            spans.pop(0)
        else:
            spans[0] = Span(head.text[remaining:], head.emphasis, head.strong, head.href)
            remaining = 0
    return tidy(spans)
