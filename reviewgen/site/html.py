"""Where text becomes HTML: one escaping helper and one serialiser.

Every string reviewgen writes into a page, an attribute, a template value or
a search entry goes through ``text``; every parsed node written back out
goes through ``serialise``, which escapes its text the way the parser
decoded it. Turning a node into a string any other way (``str()`` of a
decoded text node) would bring ``&lt;script&gt;`` back to life as markup.
"""

from __future__ import annotations

from html import escape, unescape

from bs4 import NavigableString, Tag
from markupsafe import Markup


def text(value: object) -> str:
    """Plain text as HTML: ``<``, ``>``, ``&`` and both quotes escaped, safe in content and attributes."""
    return escape(str(value), quote=True)


def template_text(value: object) -> Markup:
    """Plain text for a Jinja template that prints values raw: escaped once, and marked so
    that a template's own ``| e`` does not escape it a second time."""
    return Markup(text(value))


def plain(html_text: str) -> str:
    """The text a reader sees in HTML that holds no tags (a title MkDocs took from a heading)."""
    return unescape(html_text)


def serialise(nodes) -> str:
    """Parsed nodes back to HTML, text escaped: the only way a node becomes a string again."""
    parts = []
    for node in nodes:
        if isinstance(node, Tag):
            parts.append(node.decode(formatter="minimal"))
        elif isinstance(node, NavigableString):
            parts.append(node.output_ready(formatter="minimal"))
    return "".join(parts)
