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
from bs4.element import AttributeValueWithCharsetSubstitution, PreformattedString
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


ESCAPED = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
RAW_TEXT = frozenset({"script", "style"})  # whose text Beautiful Soup writes as it is


def serialise(nodes) -> str:
    """Parsed nodes back to HTML, text escaped: the only way a node becomes a string again.

    Writes what Beautiful Soup's ``decode(formatter="minimal")`` writes (``&``, ``<`` and ``>``
    escaped in text and attribute values, attributes sorted, ``<br/>``), character for character,
    a few times faster, and without recursion, so no depth of nesting can stop it."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, (Tag, NavigableString)):
            write(node, out)
    return "".join(out)


def write(root: Tag | NavigableString, out: list[str]) -> None:
    stack: list = [root]
    while stack:
        node = stack.pop()
        if type(node) is str:  # an end tag put on the stack when its element was opened
            out.append(node)
        elif isinstance(node, Tag):
            if any(isinstance(value, AttributeValueWithCharsetSubstitution) for value in node.attrs.values()):
                out.append(node.decode(formatter="minimal"))  # a <meta charset>: Beautiful Soup's own rules
                continue
            name = f"{node.prefix}:{node.name}" if node.prefix else node.name
            if not node.hidden:
                attributes = "".join(" " + attribute(key, value) for key, value in sorted(node.attrs.items()))
                if node.is_empty_element:
                    out.append(f"<{name}{attributes}/>")
                    continue
                out.append(f"<{name}{attributes}>")
                stack.append(f"</{name}>")
            stack.extend(reversed(node.contents))
        elif isinstance(node, PreformattedString):  # comments, declarations: as they were
            out.append(node.output_ready(formatter="minimal"))
        elif node.parent is not None and node.parent.name in RAW_TEXT:
            out.append(str(node))
        else:
            out.append(str(node).translate(ESCAPED))


def attribute(key: str, value) -> str:
    if value is None:
        return key
    if isinstance(value, (list, tuple)):
        value = " ".join(value)
    value = str(value).translate(ESCAPED)
    if '"' not in value:
        return f'{key}="{value}"'
    if "'" not in value:
        return f"{key}='{value}'"
    return key + '="' + value.replace('"', "&quot;") + '"'
