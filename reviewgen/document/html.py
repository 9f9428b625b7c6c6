"""Where text becomes HTML: one escaping helper, one serialiser, and the parser whose trees it writes.

Every string reviewgen writes into a page, an attribute, a template value or
a search entry goes through ``text`` (``escaping.py``, given here); every parsed node written back out
goes through ``serialise``, which escapes its text the way the parser
decoded it. Turning a node into a string any other way (``str()`` of a
decoded text node) would bring ``&lt;script&gt;`` back to life as markup.
``parse`` reads HTML into Beautiful Soup's tree with Python's own parser,
two of its ways changed: ``<![`` read as browsers read it, and end tags
matched in time that does not grow with the page (``PageParser``).
"""

from __future__ import annotations

from html import unescape

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.builder import HTMLParserTreeBuilder, ParserRejectedMarkup
from bs4.builder._htmlparser import BeautifulSoupHTMLParser
from bs4.element import AttributeValueWithCharsetSubstitution, PreformattedString
from markupsafe import Markup

from .declarations import BrowserDeclarations
from .escaping import text


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


class PageParser(BrowserDeclarations, BeautifulSoupHTMLParser):
    """Beautiful Soup's reader over Python's parser. It lists each void element it met without a
    closing tag (``<br>``, as nh3 writes one), to let a stray ``</br>`` pass, and looked through
    that list at every end tag: time in the square of a page's line breaks (a 4.6 MB rebuttal index
    took 3.7 s to read, 0.8 s at 1.8 MB). Only a void element can be on it, so no other looks."""

    def handle_endtag(self, tag: str, check_already_closed: bool = True) -> None:
        super().handle_endtag(tag, check_already_closed and tag in self.soup.builder.empty_element_tags)


class PageBuilder(HTMLParserTreeBuilder):
    """Beautiful Soup's ``html.parser`` tree builder, reading with ``PageParser``."""

    def feed(self, markup: str) -> None:
        args, kwargs = self.parser_args
        parser = PageParser(self.soup, *args, **kwargs)
        try:
            parser.feed(markup)
            parser.close()
        except AssertionError as error:  # as Beautiful Soup's own: Python's parser gave up on the markup
            raise ParserRejectedMarkup(error) from error
        parser.already_closed_empty_element = []


def parse(html: str) -> BeautifulSoup:
    """HTML as Beautiful Soup's tree, read as ``html.parser`` reads it (save for ``PageParser``'s two changes)."""
    return BeautifulSoup(html, builder=PageBuilder())
