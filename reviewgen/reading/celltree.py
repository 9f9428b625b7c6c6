"""A cell's sanitised HTML -> a light tree of elements and strings.

The sanitiser re-serialises what it keeps, so its output is well formed:
every element is closed and every ``<`` in text is escaped. Nesting it needs
no tree builder's guesswork, only the standard library's tokenizer and a
stack; importing a full tree builder cost more than converting a whole
review. Nothing here recurses, so a cell nested thousands deep reads like
any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Iterator, Union

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# Whitespace-only text between tags counts as one space (or one line end):
# the way the tree builders in common use keep it, and all a reader sees.
ASCII_SPACES = " \n\t\x0c\r"


@dataclass(eq=False)
class Element:
    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    def get(self, attribute: str) -> str | None:
        return self.attrs.get(attribute)

    def strings(self) -> Iterator[str]:
        """Every piece of text inside, in reading order."""
        stack: list[Node] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                yield node
            else:
                stack.extend(reversed(node.children))

    def outermost(self, names: frozenset[str], through: frozenset[str] = frozenset()) -> Iterator[Element]:
        """Descendants named ``names``, not looking inside one found, nor inside ``through``."""
        stack: list[Node] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                continue
            if node.name in names:
                yield node
            elif node.name not in through:
                stack.extend(reversed(node.children))


Node = Union[Element, str]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("")
        self.open: list[Element] = [self.root]
        self.text: list[str] = []

    def _end_text(self) -> None:
        if not self.text:
            return
        text = "".join(self.text)
        self.text = []
        if not text.strip(ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        self.open[-1].children.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._end_text()
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._end_text()
        self.open[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of that name; an end tag that closes nothing is ignored."""
        self._end_text()
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].name == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> list[Node]:
    """The top-level nodes of ``html``, which must be the sanitiser's output."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    builder._end_text()
    return builder.root.children
