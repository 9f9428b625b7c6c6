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
never a page 1 it cannot vouch for. Where the footers print the pages' numbers
("Page 12 of 40", "Housing Action review 24"), going up from page to page, a
page is the number its footer prints (a front matter of its own counts no
page 1); a footer that prints none ends the page after the one before it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..document.model import BulletList, CaseStudy, Document, Figure, Section
from .furniture import printed_page

FIRST_PAGE = 1


@dataclass(frozen=True)
class PageEnds:
    """Where the original's pages end (the last line of each run of furniture), and each one's number."""

    lines: tuple[int, ...] = ()
    numbers: tuple[int, ...] = ()

    def page_of(self, line: int) -> int:
        """The page a source line is on: the number of the first page that ends at or after it, or one more
        than the last."""
        index = bisect_left(self.lines, line)
        return self.numbers[index] if index < len(self.numbers) else self.numbers[-1] + 1


def page_ends(lines: Sequence[str], furniture: Iterable[int]) -> PageEnds:
    """The end of each run of furniture lines, in order, numbered by the footers where they print the pages'
    numbers in order, else counted from page 1."""
    runs: list[list[int]] = []
    previous = None
    for number in sorted(furniture):
        joined = previous is not None and not any(line.strip() for line in lines[previous : number - 1])
        if joined:
            runs[-1].append(number)
        else:
            runs.append([number])
        previous = number
    ends = tuple(run[-1] for run in runs)
    printed = [
        next((page for line in run if line <= len(lines) and (page := printed_page(lines[line - 1])) is not None), None) for run in runs
    ]
    return PageEnds(ends, _numbered(printed) or tuple(range(FIRST_PAGE, FIRST_PAGE + len(ends))))


def _numbered(printed: Sequence[int | None]) -> tuple[int, ...] | None:
    """Each page end's number from the numbers its footers print, a gap filled on from the page before (or back
    from the page after); None where fewer than two print one, or where they do not go up page by page."""
    known = [(at, page) for at, page in enumerate(printed) if page is not None]
    if len(known) < 2 or any(later - page < later_at - at for (at, page), (later_at, later) in zip(known, known[1:])):
        return None
    first_at, first = known[0]
    numbers = [first - (first_at - at) for at in range(first_at)]
    for page in printed[first_at:]:
        numbers.append(page if page is not None else numbers[-1] + 1)
    return tuple(numbers)


def with_pages(document: Document, ends: PageEnds) -> Document:
    """``document`` with every item's ``page`` set from the line it starts on; as it was when no page ended."""
    if not ends.lines:
        return document

    def stamp(item):
        return replace(item, page=max(ends.page_of(item.line), 0))

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
