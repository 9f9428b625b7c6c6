"""Untrusted markup in, only what the document model needs out.

Everything taken from a source passes nh3's allowlist (the maintained
Rust sanitiser, not hand-written regexes): structural and inline tags
survive, every attribute but a link's ``href`` goes, and a link survives
only with a web, mail or in-page address. What is removed is also
described, so the converter can report it with its source line.
"""

from __future__ import annotations

import re

import nh3

SOURCE_TAGS = {
    "p", "div", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "h1", "h2", "h3", "h4", "h5", "h6", "i", "em", "b", "strong", "u", "a", "br",
    "span", "cite", "sup", "sub", "small",
}
SAFE_SCHEMES = {"http", "https", "mailto"}
# Shapes worth naming when they are removed; nh3 does the removing.
UNSAFE_TAG = re.compile(r"<\s*(script|style|iframe|object|embed|form|input|button|svg|math|link|meta|base|img|video|audio|frame|frameset|template|textarea)\b", re.I)
EVENT_HANDLER = re.compile(r"\s(on[a-z]+)\s*=", re.I)
UNSAFE_URL = re.compile(r"""(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|data|vbscript)\s*:""", re.I)
UNSAFE_MARKDOWN_LINK = re.compile(r"\]\(\s*(javascript|data|vbscript)\s*:", re.I)
CSS_EXPRESSION = re.compile(r"expression\s*\(", re.I)


def clean_html(html: str) -> str:
    return nh3.clean(html, tags=SOURCE_TAGS, attributes={"a": {"href"}}, url_schemes=SAFE_SCHEMES, link_rel=None)


def safe_href(url: str | None) -> str | None:
    """A link address readers can follow safely, or None (the text stays, the link goes)."""
    if not url:
        return None
    scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*)\s*:", url)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return None
    return url.strip()


def unsafe_parts(text: str) -> list[str]:
    """What clean_html or safe_href will take out of ``text``, in words a user understands."""
    found = [f"<{m.group(1).lower()}> element" for m in UNSAFE_TAG.finditer(text)]
    found += [f"{m.group(1).lower()} attribute" for m in EVENT_HANDLER.finditer(text) if "<" in text[: m.start()]]
    found += [f"{m.group(1).lower()}: link" for m in UNSAFE_URL.finditer(text)]
    found += [f"{m.group(1).lower()}: link (Markdown)" for m in UNSAFE_MARKDOWN_LINK.finditer(text)]
    found += ["CSS expression" for _ in CSS_EXPRESSION.finditer(text)]
    return list(dict.fromkeys(found))
