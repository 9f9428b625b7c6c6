"""The review's acronyms marked up as Python-Markdown renders a page: its ``abbr`` extension, handed them.

The plugin used to append a definition (``*[NCA]: National Crime Agency``) to each page for every
acronym it holds and let ``abbr`` find them. This is that extension, with the same result, but
the review's acronyms go to it directly, after the page's own definitions as appended ones went
(so an editor's ``*[X]: ...`` still works, and the review's expansion wins where both define one),
and its two costs on every page are gone: the definitions' reader tried on every block of the page
(a definition starts with ``*[``), and a walk that searched every text with a regular expression
tried at every position and found each tail's place by scanning its parent's children.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions.abbr import AbbrBlockprocessor, AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString

from .abbreviations import acronym_pattern


class DefinitionReader(AbbrBlockprocessor):
    """``abbr``'s reader of ``*[X]: ...`` definitions, tried only on a block that can hold one."""

    def test(self, parent, block: str) -> bool:
        return "*[" in block


class AcronymMarker(AbbrTreeprocessor):
    """``abbr``'s marking, element for element: each text and tail that is not atomic (code, what is
    already an ``<abbr>``) has every acronym in it wrapped, the longest name first."""

    def __init__(self, md: Markdown, abbrs: dict, extension: "ReviewAcronyms"):
        super().__init__(md, abbrs)
        self.extension = extension

    def run(self, root) -> None:
        self.abbrs.update(self.extension.page)
        if not self.abbrs:
            return
        self.RE = acronym_pattern(self.abbrs)
        for element in list(root.iter()):  # the elements as parsed: what is wrapped here is not searched again
            for index in range(len(element) - 1, -1, -1):  # from the last, so each place stays true as others are filled
                child = element[index]
                if child.tail and not isinstance(child.tail, AtomicString):
                    child.tail = self.wrapped(element, index + 1, child.tail)
            if element.text and not isinstance(element.text, AtomicString):
                element.text = self.wrapped(element, 0, element.text)

    def wrapped(self, parent, at: int, text: str) -> str:
        """``text``'s acronyms as ``<abbr>`` children of ``parent`` from ``at`` on; what is left before the first."""
        if not self.RE.search(text):
            return text
        for match in reversed(list(self.RE.finditer(text))):
            title = self.abbrs[match.group(0)]
            if title:
                parent.insert(at, self.create_element(title, match.group(0), text[match.end() :]))
                text = text[: match.start()]
        return text


class ReviewAcronyms(AbbrExtension):
    """Python-Markdown's ``abbr`` (its options, such as a ``glossary``, included), and ``page``: the
    acronyms of the page about to render, with their expansions, set before it renders."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.page: dict[str, str] = {}

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(AcronymMarker(md, self.abbrs, self), "abbr", 7)
        md.parser.blockprocessors.register(DefinitionReader(md.parser, self.abbrs), "abbr", 16)
