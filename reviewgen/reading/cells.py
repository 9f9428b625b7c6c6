"""One source line -> a row of cells, and one cell -> its fragments.

The line is the unit: the export opens ``<ul>`` a hundred times and never
closes it, so HTML nesting is not trusted beyond a single cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from .celltree import Element, Node, parse
from .classify import ITEM_MARKS, OWN_LABEL
from .inline import inline_from_text, join, refused_links, spans_from_nodes, strip_prefix, tidy
from ..document.model import Inline, Span, Table, plain_text
from ..document.sanitise import clean_html, clean_source, has_markup

BULLET = "•"
INLINE_TAGS = {"i", "em", "b", "strong", "a", "span", "cite", "br", "u", "sup", "sub", "small"}
LIST_TAGS = {"ul", "ol"}
ROW_TAGS = frozenset({"tr"})
CELL_TAGS = frozenset({"th", "td"})
TABLE_TAGS = frozenset({"table"})
HEADING_TAGS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 4}
LETTERED_ITEM = re.compile(r"(?:^|(?<=\s))(?=[a-z]\.\s)")
# A line typed as a list item: Markdown's marks, a bullet, or the "o" a Word bullet in Courier New or Wingdings
# leaves in a text export (no English line opens with a lone lower-case "o").
MARKDOWN_ITEM = re.compile(rf"^\s*(?:[-*+{ITEM_MARKS}]|o(?=\s))\s+")
# A paragraph opening with a bullet ("<p>• on every spill;</p>", as Word writes a list in a web page or a cell):
# a list item. Not a dash, which opens an attribution under a quotation as often, nor the "o" of Word's second
# level, which in a paragraph may as well be the rest of a word a page break cut ("... made t" | "o the House").
BULLETED = re.compile(rf"^\s*[{ITEM_MARKS}]\s+")
# A heading the source writes in Markdown ("## Chapter 1", "# 2.1 Scale"), ranked as its HTML tag would be
# (HEADING_TAGS): a capital or a number opens its title ("# of referrals rose ..." is a sentence).
MARKDOWN_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(?=[A-Z0-9\u00c0-\u00de\"“‘(])")


class FragmentKind(str, Enum):
    """What a piece of a cell is."""

    PARAGRAPH = "p"
    ITEM = "item"
    HEADING = "heading"
    TABLE = "table"
    NOTHING = ""  # an empty cell


@dataclass(frozen=True)
class Fragment:
    """A piece of a cell: a paragraph, a list item, a heading or a table."""

    kind: FragmentKind
    text: Inline = ()
    heading_rank: int = 0
    table: Table | None = None
    tagged: bool = False  # came from HTML markup rather than a bare line
    marked: bool = False  # a list item opened by a marker of its own ("•", "- ", a letter, an <li>): a new item
    numbered: bool = False  # an <li> of an <ol>: its number is the markup's, written by none of its words

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


EMPTY_COLUMN_SHARE = 0.8  # of the lines with text: rows with an empty first cell on nearly every one are an empty column
EMPTY_COLUMN_ROWS = 3


def without_empty_first_column(lines: list[str]) -> list[str]:
    """The lines of a source whose table has an empty first column (nearly every row opens with an empty
    cell, as a table with a blank margin column exports), that column left out: the original's text is the
    first column's again. Any other source as it is. Line numbers and words are unchanged."""
    written = [line for line in lines if line.strip()]
    empty = [line for line in written if "\t" in line and not line.split("\t", 1)[0].strip()]
    # Nearly every line of text, not only of the rows: rows of the response alone ("<TAB>It should report every
    # quarter.") under bare lines of the original are the response's column, no empty one.
    if len(empty) < EMPTY_COLUMN_ROWS or len(empty) < EMPTY_COLUMN_SHARE * len(written):
        return lines
    emptied = set(empty)
    return [line.split("\t", 1)[1] if line in emptied else line for line in lines]


TAGS = re.compile(r"<[^>]*>")  # a tag, as a cheap view of a cell's text sees one
PARAGRAPH_TAGS = re.compile(r"<p\b|</p\s*>", re.IGNORECASE)  # a paragraph opening or closing, in one pass


def cells_of(line: str) -> list[str]:
    """A line's cells, split at its TABs; a TAB inside a paragraph's tags ("<p>2. Table 4<TAB>sets out ...</p>",
    the paragraph closing before another opens) before a word in lower case is a space the export typed in a
    sentence, not a column: one cell."""
    cells = line.split("\t")
    if "<" not in line or len(cells) == 1:
        return cells
    joined, pieces = [], []  # the cells so far, and the pieces of the one being joined
    left_open = 0  # paragraphs the cell being joined has opened and not closed, counted piece by piece
    for cell in cells:
        tags = PARAGRAPH_TAGS.findall(cell)
        closes_first = bool(tags) and tags[0].startswith("</")  # it closes a paragraph before it opens one
        inside = pieces and left_open > 0 and closes_first
        # ... and only before a word in lower case, going on with the sentence: a row whose two cells one <p> wraps
        # ("... at £2.<TAB>The cap is ...</p>", "... 2023.14<TAB>The IFS says ...") keeps its two columns.
        if not inside or not cell.lstrip()[:1].islower():
            if pieces:
                joined.append(" ".join(pieces))
            pieces, left_open = [], 0
        pieces.append(cell)
        closing = sum(tag.startswith("</") for tag in tags)
        left_open += len(tags) - 2 * closing
    joined.append(" ".join(pieces))
    return joined


def read_row(line_number: int, line: str) -> Row | None:
    cells = cells_of(line)
    while cells and not cells[-1].strip():
        cells.pop()
    if not cells:
        return None
    return Row(line_number, tuple(cells), "\t" in line)


def removals(line: str) -> tuple[str, ...]:
    """What cleaning a source line takes out (markup the allowlist refuses, unsafe links), one note a piece."""
    found: list[str] = []
    for cell in cells_of(line):
        if has_markup(cell):
            found += clean_source(cell).removed
        found += refused_links(cell)
    return tuple(found)


class CellReader:
    """``fragments`` of cells and ``removals`` of lines, as the functions give them, each cell of a line read
    once however often the rules ask for it (``at_line`` says which line is being read; ``read_ahead`` reads a
    cell of a later line before its turn, and its turn does not read it again). One made to ``remember``
    reads each cell and line once, however many times one source is converted: a configuration's overrides
    are checked by converting it again without each in turn, and reading the cells is most of a conversion."""

    def __init__(self, remember: bool = False) -> None:
        self._fragments: dict[str, tuple[Fragment, ...]] | None = {} if remember else None
        self._removals: dict[str, tuple[str, ...]] | None = {} if remember else None
        self._line: dict[str, tuple[Fragment, ...]] = {}  # the cells of the line being read
        self._ahead: dict[int, dict[str, tuple[Fragment, ...]]] = {}  # by line: cells read before their line's turn

    def at_line(self, line: int) -> None:
        """The parser goes on to ``line``: the cells of the line before are let go."""
        self._line = self._ahead.pop(line, {})

    def read_ahead(self, line: int, cell: str) -> list[Fragment]:
        read = self._ahead.setdefault(line, {})
        if cell not in read:
            read[cell] = self._read(cell)
        return list(read[cell])

    def fragments(self, cell: str) -> list[Fragment]:
        if cell not in self._line:
            self._line[cell] = self._read(cell)
        return list(self._line[cell])  # a list of its own: a caller may change its list, never the fragments

    def _read(self, cell: str) -> tuple[Fragment, ...]:
        if self._fragments is None:
            return tuple(fragments(cell))
        if cell not in self._fragments:
            self._fragments[cell] = tuple(fragments(cell))
        return self._fragments[cell]

    def removals(self, line: str) -> tuple[str, ...]:
        if self._removals is None:
            return removals(line)
        if line not in self._removals:
            self._removals[line] = removals(line)
        return self._removals[line]


def fragments(cell: str) -> list[Fragment]:
    """The fragments of one cell, in order."""
    if not cell.strip():
        return []
    if not has_markup(cell):
        return [_bare_fragment(cell)]
    found = [fragment for fragment in _read_blocks(parse(clean_html(cell))) if fragment.text or fragment.table]
    return _numbers_joined(found)


LONE_NUMBER = re.compile(r"^\d{1,5}\.$")  # "14." in a paragraph of its own, the paragraph it numbers the next


def _numbers_joined(found: list[Fragment]) -> list[Fragment]:
    """A paragraph that is only a paragraph's number ("14.", as Word keeps it when the number was typed and a
    line break made a paragraph of the rest) opens the paragraph after it: one paragraph, "14. We will ..."."""
    if len(found) < 2 or not any(fragment.kind is FragmentKind.PARAGRAPH and LONE_NUMBER.match(fragment.plain) for fragment in found):
        return found
    joined: list[Fragment] = []
    for fragment in found:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.kind is FragmentKind.PARAGRAPH and LONE_NUMBER.match(previous.plain)
                and fragment.kind is FragmentKind.PARAGRAPH):
            joined[-1] = replace(fragment, text=join(previous.text, fragment.text))
        else:
            joined.append(fragment)
    return joined


def _bare_fragment(text: str) -> Fragment:
    marker = MARKDOWN_ITEM.match(text)
    inline = inline_from_text(text)
    if (heading := MARKDOWN_HEADING.match(text)) is not None:
        rank = HEADING_TAGS[f"h{len(heading.group(1))}"]
        return Fragment(FragmentKind.HEADING, strip_prefix(inline, _marked_width(MARKDOWN_HEADING, inline, heading)), rank, tagged=True)
    if marker:
        return Fragment(FragmentKind.ITEM, strip_prefix(inline, _marked_width(MARKDOWN_ITEM, inline, marker)), marked=True)
    return Fragment(FragmentKind.PARAGRAPH, inline)


def _marked_width(mark: re.Pattern, inline: Inline, typed: re.Match) -> int:
    """How much of ``inline`` (its whitespace folded) the mark ``typed`` found in the line takes: "·  Housing"
    is "· Housing" once folded, and its mark two characters wide, not three."""
    folded = mark.match(plain_text(inline))
    return len(folded.group(0)) if folded else len(typed.group(0).lstrip())


def _bare_fragment_from_inline(text: Inline) -> Fragment:
    marker = MARKDOWN_ITEM.match(plain_text(text))
    if marker:
        return Fragment(FragmentKind.ITEM, strip_prefix(text, len(marker.group(0))), tagged=True, marked=True)
    return Fragment(FragmentKind.PARAGRAPH, text, tagged=True)


def _is_inline(node: Node) -> bool:
    return isinstance(node, str) or node.name in INLINE_TAGS


class _Run:
    """The nodes of one block still to read, and the inline run gathered so far.

    Blocks inside blocks are read by pushing a run on a stack rather than by
    recursion, so a source's nesting depth costs memory, never the call stack.
    """

    def __init__(self, nodes: list[Node], ordered: bool = False) -> None:
        self.nodes = iter(nodes)
        self.pending: list[Node] = []
        self.ordered = ordered

    def take(self, node: Node, found: list[Fragment], stack: list[_Run]) -> None:
        raise NotImplementedError

    def finish(self, found: list[Fragment]) -> None:
        raise NotImplementedError


class _CellRun(_Run):
    """Top-level nodes: inline runs become paragraphs (or "- " items), blocks are opened."""

    def take(self, node: Node, found: list[Fragment], stack: list[_Run]) -> None:
        if _is_inline(node):
            self.pending.append(node)
            return
        self.finish(found)
        if not _open_block(node, found, stack):
            self.pending.append(node)

    def finish(self, found: list[Fragment]) -> None:
        if self.pending:
            text = tidy(spans_from_nodes(self.pending))
            if text:
                found.append(_bare_fragment_from_inline(text))
            self.pending = []


class _ParagraphRun(_Run):
    """A <p>, which the export may have stuffed with blocks it never closed."""

    def take(self, node: Node, found: list[Fragment], stack: list[_Run]) -> None:
        if _is_inline(node):
            self.pending.append(node)
            return
        if self.pending:
            found.append(_paragraph(tidy(spans_from_nodes(self.pending))))
            self.pending = []
        stack.append(_CellRun([node]))

    def finish(self, found: list[Fragment]) -> None:
        found.append(_paragraph(tidy(spans_from_nodes(self.pending))))


def _paragraph(text: Inline) -> Fragment:
    """A <p>'s text: a list item when a bullet opens it, a paragraph otherwise."""
    marker = BULLETED.match(plain_text(text))
    if marker:
        return Fragment(FragmentKind.ITEM, strip_prefix(text, len(marker.group(0))), tagged=True, marked=True)
    return Fragment(FragmentKind.PARAGRAPH, text, tagged=True)


class _ListRun(_Run):
    """List items are separated by "•" (or by "a." letters in an <ol>), not by <li>."""

    def take(self, node: Node, found: list[Fragment], stack: list[_Run]) -> None:
        if isinstance(node, Element) and node.name == "li":
            self.finish(found)
            children = list(node.children)
            # A list inside the item ("Reduce waiting lists" <ul> "in hospitals" ...): its items are items of their
            # own after this one, not words run on from it ("listsin hospitals").
            inner = next((at for at, child in enumerate(children) if isinstance(child, Element) and child.name in LIST_TAGS), len(children))
            text = tidy(spans_from_nodes(children[:inner]))
            if plain_text(text).lstrip().startswith(BULLET):  # "<li>• item": the list's own marker, typed again
                text = tidy(list(strip_prefix(text, plain_text(text).index(BULLET) + 1)))
            numbered = self.ordered and not OWN_LABEL.match(plain_text(text))  # an <ol> around it numbers nothing more
            found.append(Fragment(FragmentKind.ITEM, text, tagged=True, marked=True, numbered=numbered))
            if inner < len(children):
                stack.append(_CellRun(children[inner:]))
        elif not _is_inline(node):
            self.finish(found)
            stack.append(_CellRun([node]))
        else:
            self.pending.append(node)

    def finish(self, found: list[Fragment]) -> None:
        if self.pending:
            found.extend(_split_items(tidy(spans_from_nodes(self.pending)), self.ordered))
            self.pending = []


def _open_block(node: Element, found: list[Fragment], stack: list[_Run]) -> bool:
    """Read a block element; False for an element that is read as inline text."""
    name = node.name
    if name in LIST_TAGS:
        stack.append(_ListRun(node.children, ordered=name == "ol"))
    elif name == "table":
        found.append(Fragment(FragmentKind.TABLE, table=_table(node), tagged=True))
    elif name in HEADING_TAGS:
        found.append(Fragment(FragmentKind.HEADING, tidy(spans_from_nodes(node.children)), HEADING_TAGS[name], tagged=True))
    elif name in ("p", "div"):
        stack.append(_ParagraphRun(node.children))
    else:
        return False
    return True


def _read_blocks(nodes: list[Node]) -> list[Fragment]:
    found: list[Fragment] = []
    stack: list[_Run] = [_CellRun(nodes)]
    while stack:
        run = stack[-1]
        node = next(run.nodes, None)
        if node is None:
            stack.pop().finish(found)
        else:
            run.take(node, found, stack)
    return found


def _split_items(text: Inline, ordered: bool) -> list[Fragment]:
    """Cut one run of list text at its bullet markers, keeping every word."""
    plain = plain_text(text)
    if BULLET in plain:
        pieces = _cut(text, [m.start() for m in re.finditer(BULLET, plain)], drop_marker=True)
    elif ordered and LETTERED_ITEM.search(plain):
        pieces = _cut(text, [m.start() for m in LETTERED_ITEM.finditer(plain)], drop_marker=False)
    else:
        pieces = [(text, False)]
    return [Fragment(FragmentKind.ITEM, piece, tagged=True, marked=marked) for piece, marked in pieces if piece]


def _cut(text: Inline, positions: list[int], drop_marker: bool) -> list[tuple[Inline, bool]]:
    """The pieces of ``text`` between ``positions``, each with whether it opens at one (with its marker)."""
    plain = plain_text(text)
    starts = set(positions)
    bounds = [0] + [p for p in positions if p > 0] + [len(plain)]
    pieces = []
    for start, piece in zip(bounds, _slices(text, list(zip(bounds, bounds[1:])))):
        if drop_marker and plain_text(piece).lstrip().startswith(BULLET):
            piece = strip_prefix(piece, plain_text(piece).index(BULLET) + 1)
        pieces.append((tidy(list(piece)), start in starts))
    return pieces


def _slices(text: Inline, ranges: list[tuple[int, int]]) -> list[Inline]:
    """The spans of ``text`` between each (start, end) of ``ranges`` (in order, not
    overlapping), walking the spans once for all of them."""
    pieces: list[list[Span]] = [[] for _ in ranges]
    index, offset = 0, 0
    for span in text:
        span_start, span_end = offset, offset + len(span.text)
        offset = span_end
        while index < len(ranges) and ranges[index][1] <= span_start:
            index += 1
        piece = index
        while piece < len(ranges) and ranges[piece][0] < span_end:
            lo, hi = max(ranges[piece][0], span_start), min(ranges[piece][1], span_end)
            if lo < hi:
                pieces[piece].append(replace(span, text=span.text[lo - span_start : hi - span_start]))
            piece += 1
    return [tuple(piece) for piece in pieces]


def _table(node: Element) -> Table:
    """The table's own rows and cells; a table nested in a cell is read as that cell's text,
    so each word is kept once however deep the nesting."""
    rows = [
        tuple(" ".join(" ".join(cell.strings()).split()) for cell in tr.outermost(CELL_TAGS))
        for tr in node.outermost(ROW_TAGS, through=TABLE_TAGS)
    ]
    header = rows[0] if rows else ()
    return Table(header=header, rows=tuple(rows[1:]), line=0)
