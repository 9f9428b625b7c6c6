"""One source line -> a row of cells, and one cell -> its fragments.

The line is the unit: the export opens ``<ul>`` a hundred times and never
closes it, so HTML nesting is not trusted beyond a single cell.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag

from .inline import inline_from_text, refused_links, spans_from_nodes, strip_prefix, tidy
from .model import Inline, Span, Table, plain_text
from .sanitise import clean_html, clean_source, has_markup

warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

BULLET = "•"
INLINE_TAGS = {"i", "em", "b", "strong", "a", "span", "cite", "br", "u", "sup", "sub", "small"}
LIST_TAGS = {"ul", "ol"}
HEADING_TAGS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 4}
LETTERED_ITEM = re.compile(r"(?:^|(?<=\s))(?=[a-z]\.\s)")
MARKDOWN_ITEM = re.compile(r"^\s*[-*+•]\s+")


@dataclass(frozen=True)
class Fragment:
    """A piece of a cell: a paragraph, a list item, a heading or a table."""

    kind: str  # "p", "item", "heading", "table"
    text: Inline = ()
    heading_rank: int = 0
    table: Table | None = None
    tagged: bool = False  # came from HTML markup rather than a bare line

    @property
    def plain(self) -> str:
        return plain_text(self.text)


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[str, ...]  # split at TABs, trailing empty cells removed
    tabbed: bool  # the export put at least one column separator on the line

    @property
    def bare(self) -> bool:
        """A line with neither tags nor TABs: which column it is must be inferred."""
        return not self.tabbed and not has_markup(self.cells[0])

    @property
    def has_html(self) -> bool:
        return any(has_markup(cell) for cell in self.cells)

    @property
    def grid_cells(self) -> tuple[str, ...]:
        return tuple(cell.strip() for cell in self.cells if cell.strip())

    @property
    def is_grid(self) -> bool:
        """Cells beyond the two columns: a diagram or a table copy, not commentary."""
        return not self.has_html and any(cell.strip() for cell in self.cells[2:])


def read_row(line_number: int, line: str) -> Row | None:
    cells = line.split("\t")
    while cells and not cells[-1].strip():
        cells.pop()
    if not cells:
        return None
    return Row(line_number, tuple(cells), "\t" in line)


def removals(line: str) -> tuple[str, ...]:
    """What cleaning a source line takes out (markup the allowlist refuses, unsafe links), one note a piece."""
    found: list[str] = []
    for cell in line.split("\t"):
        if has_markup(cell):
            found += clean_source(cell).removed
        found += refused_links(cell)
    return tuple(found)


def fragments(cell: str) -> list[Fragment]:
    """The fragments of one cell, in order."""
    if not cell.strip():
        return []
    if not has_markup(cell):
        return [_bare_fragment(cell)]
    soup = BeautifulSoup(clean_html(cell), "html.parser")
    found: list[Fragment] = []
    _walk(soup.children, found)
    return [fragment for fragment in found if fragment.text or fragment.table]


def _bare_fragment(text: str) -> Fragment:
    marker = MARKDOWN_ITEM.match(text)
    inline = inline_from_text(text)
    if marker:
        return Fragment("item", strip_prefix(inline, len(marker.group(0).lstrip())))
    return Fragment("p", inline)


def _walk(nodes, found: list[Fragment]) -> None:
    pending: list = []  # inline nodes outside any block

    def flush() -> None:
        if pending:
            text = tidy(spans_from_nodes(pending))
            if text:
                found.append(_bare_fragment_from_inline(text))
            pending.clear()

    for node in list(nodes):
        if isinstance(node, NavigableString) or (isinstance(node, Tag) and node.name.lower() in INLINE_TAGS):
            pending.append(node)
            continue
        flush()
        name = node.name.lower()
        if name in LIST_TAGS:
            _walk_list(node, found)
        elif name == "table":
            found.append(Fragment("table", table=_table(node), tagged=True))
        elif name in HEADING_TAGS:
            found.append(Fragment("heading", tidy(spans_from_nodes(node.children)), HEADING_TAGS[name], tagged=True))
        elif name == "p" or name == "div":
            _walk_paragraph(node, found)
        else:
            pending.append(node)
    flush()


def _bare_fragment_from_inline(text: Inline) -> Fragment:
    marker = MARKDOWN_ITEM.match(plain_text(text))
    if marker:
        return Fragment("item", strip_prefix(text, len(marker.group(0))), tagged=True)
    return Fragment("p", text, tagged=True)


def _walk_paragraph(node: Tag, found: list[Fragment]) -> None:
    """A <p>, which html.parser may have stuffed with blocks it could not close."""
    inline: list = []
    for child in list(node.children):
        if isinstance(child, Tag) and child.name.lower() not in INLINE_TAGS:
            if inline:
                found.append(Fragment("p", tidy(spans_from_nodes(inline)), tagged=True))
                inline = []
            _walk([child], found)
        else:
            inline.append(child)
    found.append(Fragment("p", tidy(spans_from_nodes(inline)), tagged=True))


def _walk_list(node: Tag, found: list[Fragment]) -> None:
    """List items are separated by "•" (or by "a." letters in an <ol>), not by <li>."""
    pending: list = []
    ordered = node.name.lower() == "ol"

    def flush() -> None:
        if pending:
            found.extend(_split_items(tidy(spans_from_nodes(pending)), ordered))
            pending.clear()

    for child in list(node.children):
        if isinstance(child, Tag) and child.name.lower() == "li":
            flush()
            found.append(Fragment("item", tidy(spans_from_nodes(child.children)), tagged=True))
        elif isinstance(child, Tag) and child.name.lower() not in INLINE_TAGS:
            flush()
            _walk([child], found)
        else:
            pending.append(child)
    flush()


def _split_items(text: Inline, ordered: bool) -> list[Fragment]:
    """Cut one run of list text at its bullet markers, keeping every word."""
    plain = plain_text(text)
    if BULLET in plain:
        pieces = _cut(text, [m.start() for m in re.finditer(BULLET, plain)], drop_marker=True)
    elif ordered and LETTERED_ITEM.search(plain):
        pieces = _cut(text, [m.start() for m in LETTERED_ITEM.finditer(plain)], drop_marker=False)
    else:
        pieces = [text]
    return [Fragment("item", piece, tagged=True) for piece in pieces if piece]


def _cut(text: Inline, positions: list[int], drop_marker: bool) -> list[Inline]:
    plain = plain_text(text)
    bounds = [0] + [p for p in positions if p > 0] + [len(plain)]
    pieces = []
    for start, end in zip(bounds, bounds[1:]):
        piece = _slice(text, start, end)
        if drop_marker and plain_text(piece).lstrip().startswith(BULLET):
            piece = strip_prefix(piece, plain_text(piece).index(BULLET) + 1)
        pieces.append(tidy(list(piece)))
    return pieces


def _slice(text: Inline, start: int, end: int) -> Inline:
    result = []
    offset = 0
    for span in text:
        span_start, span_end = offset, offset + len(span.text)
        lo, hi = max(start, span_start), min(end, span_end)
        if lo < hi:
            result.append(Span(span.text[lo - span_start : hi - span_start], span.emphasis, span.strong, span.href))
        offset = span_end
    return tuple(result)


def _table(node: Tag) -> Table:
    rows = []
    for tr in node.find_all("tr"):
        rows.append(tuple(" ".join(cell.get_text(" ").split()) for cell in tr.find_all(["th", "td"])))
    header = rows[0] if rows else ()
    return Table(header=header, rows=tuple(rows[1:]), line=0)
