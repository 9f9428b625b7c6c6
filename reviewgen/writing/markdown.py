"""Spelling text as Markdown that stock renderers read back word for word.

Only the characters that would otherwise turn into markup are escaped, with
backslash escapes every CommonMark and Python-Markdown renderer understands.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..document.model import Inline, Span

INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# Shapes that open a block when they start a line: lists, headings, quotes, rules, tables, and the box the
# site's Markdown draws ("!!! warning", an admonition), which a source's text must never open:
# "!!! warning \"Injected\"" typed in a cell is text.
ORDERED_MARKER = re.compile(r"^(\d+)([.)])(?=\s|$)")
BLOCK_MARKER = re.compile(r"^(?:[-+#>](?=\s|$|[-+#>])|!!!)")


def escape(text: str) -> str:
    text = INLINE_SPECIAL.sub(r"\\\1", text)
    text = ENTITY_LIKE.sub("&amp;", text)
    return text.replace("<", "&lt;")


def escape_line_start(text: str) -> str:
    """Keep "43. ..." a paragraph rather than item 43 of an ordered list."""
    ordered = ORDERED_MARKER.match(text)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{text[ordered.end():]}"
    if BLOCK_MARKER.match(text):
        return "\\" + text
    return text


# What a link address keeps as it is; anything else (spaces, quotes, parentheses, angle
# brackets, backslashes) is percent-encoded, so Markdown never reads part of it as a title.
URL_SAFE = "/:?#[]@!$&*+,;=%-._~"


def link_address(href: str) -> str:
    return quote(href, safe=URL_SAFE)


def render_span(span: Span) -> str:
    if span.href and span.href == span.text and re.match(r"^https?://[^\s<>]+$", span.href):
        return f"<{span.href}>"
    core = span.text.strip()
    if not core:
        return span.text
    lead = span.text[: len(span.text) - len(span.text.lstrip())]
    trail = span.text[len(span.text.rstrip()) :]
    body = escape(core)
    if span.href:
        body = f"[{body}]({link_address(span.href)})"
    if span.strong:
        body = f"**{body}**"
    if span.emphasis:
        body = f"*{body}*"
    if span.script:  # no Markdown for it: the HTML element, outermost so that "*a*<sup>*2*</sup>" reads as two
        body = f"<{span.script}>{body}</{span.script}>"
    return f"{lead}{body}{trail}"


def render_inline(inline: Inline, line_start: bool = True) -> str:
    """Inline Markdown; ``line_start`` when the text opens a line of a paragraph."""
    text = "".join(render_span(span) for span in inline)
    return escape_line_start(text) if line_start else text


def render_cell(text: str) -> str:
    return escape(text).replace("|", "\\|") or " "
