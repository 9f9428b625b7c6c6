"""Inline text of a source cell -> spans (emphasis, strong, links).

The source mixes HTML (``<i>``) with Markdown someone already typed
(``**bold**``, ``[text](#)``) and bare URLs. All of it becomes spans; the
writer decides how to spell them. Whitespace is folded, words never change.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from .celltree import Node
from ..document.model import Inline, Span
from ..document.sanitise import refused_scheme, safe_href

EMPHASIS_TAGS = {"i", "em", "cite"}
STRONG_TAGS = {"b", "strong"}
SCRIPT_TAGS = {"sup", "sub"}  # kept as they are: "£1,000<sup>1</sup>" is not "£1,0001"
MARKDOWN_INLINE = re.compile(
    r"\*\*(?P<strong>[^*]+?)\*\*"
    r"|\[(?P<label>(?:\\.|[^\]\\])+)\]\((?P<target>[^)\s]*)\)"  # one after "!" is an image's, read as text (``_image``)
    r"|(?P<url>https?://[^\s<>\"]+)"
)
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
# Whitespace to fold into one space: a run of two or more, or one that is not a space. A lone space
# between words (most of them) is no match, so folding a cell's text rebuilds it only where it changes.
WHITESPACE = re.compile(r"\s{2,}|[^\S ]")
URL_TRAILING = ".,;:!?)\u201d\u2019'\""  # punctuation after an address, not of it (but see url_part)
DEAD_TARGETS = {"", "#"}
LEADS_OUT = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)  # an address with a scheme: it leads out of the export


def link_target(url: str | None) -> str | None:
    """Where a link of the source leads on the site: its address when it leads out of the export to a page
    readers may follow ("https://...", "mailto:..."); None for a dead one ("#"), one into the export's own
    files or anchors ("sensitive", "#part-2"), which lead nowhere on the site, and one readers may not follow."""
    if not url or url in DEAD_TARGETS or not LEADS_OUT.match(url):
        return None
    return safe_href(url)


def _image(text: str, match: re.Match) -> bool:
    """A Markdown image ("![chart](address)"): text as typed, never an image nor a link on the site."""
    return match.group("label") is not None and match.start() > 0 and text[match.start() - 1] == "!"


def url_part(url: str) -> str:
    """Of a bare address as matched, the address: the sentence's punctuation after it left off, except
    a closing bracket the address opened ("…/Foo_(bar)"), as GitHub's extended autolinks read it."""
    while url and url[-1] in URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _unescape(text: str) -> str:
    return MARKDOWN_ESCAPE.sub(r"\1", text) if "\\" in text else text


def _markdown_in(text: str) -> Iterable[re.Match]:
    """MARKDOWN_INLINE's matches in ``text``. Each of its forms holds "**", "](" or "http": text with none
    of them (most cells) is told by substring searches, several times quicker than the pattern tried at
    every character."""
    if "**" in text or "](" in text or "http" in text:
        return MARKDOWN_INLINE.finditer(text)
    return ()


def as_read(text: str) -> str:
    """``text`` as the converter reads it: a Markdown link is its label, its address is no word of the text."""
    return MARKDOWN_INLINE.sub(lambda m: m.group("label") if m.group("label") is not None and not _image(text, m) else m.group(0), text)


def refused_links(text: str) -> list[str]:
    """The Markdown links in ``text`` whose address readers may not follow, as "javascript: link"."""
    found = []
    for match in _markdown_in(text):
        scheme = refused_scheme(match.group("target")) if match.group("label") is not None and not _image(text, match) else None
        if scheme:
            found.append(f"{scheme}: link")
    return found


def spans_from_text(text: str, emphasis: bool = False, strong: bool = False) -> list[Span]:
    """Spans for a string that may carry Markdown or bare URLs."""
    spans: list[Span] = []
    position = 0
    for match in _markdown_in(text):
        if _image(text, match):
            continue  # its characters go with the text around it
        spans.append(Span(_unescape(text[position : match.start()]), emphasis, strong))
        position = match.end()
        if match.group("strong") is not None:
            spans.append(Span(_unescape(match.group("strong")), emphasis, True))
        elif match.group("label") is not None:
            spans.append(Span(_unescape(match.group("label")), emphasis, strong, link_target(match.group("target"))))
        else:
            url = match.group("url")
            trimmed = url_part(url)
            spans.append(Span(trimmed, emphasis, strong, trimmed))
            spans.append(Span(url[len(trimmed) :], emphasis, strong))
    spans.append(Span(_unescape(text[position:]), emphasis, strong))
    return spans


def spans_from_nodes(nodes: Iterable[Node], emphasis: bool = False, strong: bool = False, href: str | None = None) -> list[Span]:
    """Spans for a run of HTML nodes. Iterative: a source may nest thousands of unclosed tags."""
    spans: list[Span] = []
    stack = [(node, emphasis, strong, href, "") for node in reversed(list(nodes))]
    while stack:
        node, em, st, link, script = stack.pop()
        if isinstance(node, str):
            found = [Span(node, em, st, link)] if link else spans_from_text(node, em, st)
            spans.extend([replace(span, script=script) for span in found] if script else found)
        else:
            name = node.name
            if name == "br":
                spans.append(Span(" ", em, st))
                continue
            inner = link_target(node.get("href")) if name == "a" else link
            em, st = em or name in EMPHASIS_TAGS, st or name in STRONG_TAGS
            script = name if name in SCRIPT_TAGS else script
            stack.extend((child, em, st, inner, script) for child in reversed(node.children))
    return spans


def tidy(spans: Iterable[Span]) -> Inline:
    """Fold whitespace, merge neighbours of one style, trim the ends."""
    merged = _merged(spans)
    start, end = 0, len(merged)
    while start < end and not merged[start].text.strip():
        start += 1
    while end > start and not merged[end - 1].text.strip():
        end -= 1
    merged = merged[start:end]
    if merged:  # a new span only where its text changes (``replace`` is most of this function's time)
        first = merged[0]
        if first.text[:1].isspace():
            merged[0] = replace(first, text=first.text.lstrip())
        last = merged[-1]
        if last.text[-1:].isspace():
            merged[-1] = replace(last, text=last.text.rstrip())
    return tuple(merged)


def _merged(spans: Iterable[Span]) -> list[Span]:
    """Neighbours of one style joined, then whitespace folded: each text is joined
    once, so a run of thousands of spans costs its length, not its square."""
    runs: list[tuple[tuple[bool, bool, str | None], list[str]]] = []
    for span in spans:
        if not span.text:
            continue
        style = _style(span)
        if runs and runs[-1][0] == style:
            runs[-1][1].append(span.text)
        else:
            runs.append((style, [span.text]))
    return [Span(WHITESPACE.sub(" ", "".join(texts)), *style) for style, texts in runs]


def inline_from_text(text: str) -> Inline:
    return tidy(spans_from_text(text))


def join(first: Inline, second: Inline) -> Inline:
    """Two pieces of one paragraph that a page break separated.

    Both are tidy already (folded, trimmed, no two neighbours of one style), so
    only the spans at the seam are joined: a paragraph glued from thousands of
    pieces is never folded again as a whole.
    """
    if not first or not second:
        return tidy(list(first) + list(second))
    seam = [first[-1], Span(" "), second[0]]
    runs: list[Span] = []
    for span in seam:
        if runs and _style(runs[-1]) == _style(span):
            runs[-1] = Span(runs[-1].text + span.text, *_style(span))
        else:
            runs.append(span)
    return first[:-1] + tuple(runs) + second[1:]


def _style(span: Span) -> tuple[bool, bool, str | None, str]:
    return (span.emphasis, span.strong, span.href, span.script)


def closing_text(inline: Inline, enough: int = 2000) -> str:
    """The last ``enough`` characters of the plain text (or all of it): what the end
    of a long paragraph is judged by (its last sentence, a dozen words), without
    copying the whole."""
    tail: list[str] = []
    wanted = enough
    for span in reversed(inline):
        tail.append(span.text[-wanted:])
        wanted -= len(tail[-1])
        if wanted <= 0:
            break
    return "".join(reversed(tail))


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
            spans[0] = replace(head, text=head.text[remaining:])
            remaining = 0
    return tidy(spans)
