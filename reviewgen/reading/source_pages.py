"""The original's page numbers, read from where its running footers fall.

The export keeps no page breaks, but every page of the printed original ended
in its running footer, which ``furniture.py`` finds (however garbled). So a
page ends at each *run* of furniture lines: furniture lines with nothing but
blank lines between them. A footer broken over two lines ("Mandated" /
"Now review"), or a footer beside a fragment of itself a blank line away, is
one run and one page end, never two; so is a footer followed by the next
page's running header, where an export has both. Text before the first run
is on page 1; each run after it adds one. A line of text between two
footers, however short, parts them: a page can hold one line. An export with
no running footers showed no pages, so its items get none (page 0, unknown),
never a page 1 it cannot vouch for.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Iterable, Sequence

from ..document.model import BulletList, CaseStudy, Document, Figure, Section

FIRST_PAGE = 1


def page_ends(lines: Sequence[str], furniture: Iterable[int]) -> tuple[int, ...]:
    """The 1-based line of the last furniture line of each run, in order."""
    ends: list[int] = []
    previous = None
    for number in sorted(furniture):
        joined = previous is not None and not any(line.strip() for line in lines[previous : number - 1])
        if joined:
            ends[-1] = number
        else:
            ends.append(number)
        previous = number
    return tuple(ends)


def page_of(line: int, ends: Sequence[int]) -> int:
    """The page a source line is on: one more than the page ends before it."""
    return FIRST_PAGE + bisect_left(ends, line)


def with_pages(document: Document, ends: Sequence[int]) -> Document:
    """``document`` with every item's ``page`` set from the line it starts on; as it was when no page ended."""
    if not ends:
        return document

    def stamp(item):
        return replace(item, page=page_of(item.line, ends))

    def block(node):
        if isinstance(node, CaseStudy):
            return replace(node, blocks=tuple(block(inner) for inner in node.blocks))
        if isinstance(node, BulletList):
            return replace(node, items=tuple(stamp(item) for item in node.items))
        if isinstance(node, Figure):
            return replace(stamp(node), notes=tuple(stamp(note) for note in node.notes))
        return stamp(node)

    sections = tuple(
        Section(stamp(section.heading), tuple(block(b) for b in section.blocks), section.slug) for section in document.sections
    )
    return replace(document, sections=sections)
