"""A diagram exported as a grid, read as what it draws: groups, each with its boxes.

A framework diagram exported from a PDF or a Word table arrives as rows of
TAB-separated cells. Its first row names groups; further down, a row whose
every box is a merged cell (each followed by an empty one, so no two boxes sit
side by side) and which stands directly above boxes names the next groups (in a
run of such rows, the one just above the boxes: a group always has boxes). The
boxes below a group row belong to the group whose columns they start in; a box
alone on its row under several groups belongs to them all, and is kept as a box
of its own after them. Nothing is invented and nothing is dropped: every
non-empty cell is a group's title or a box, in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document.model import Table

Row = tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """A group of the diagram: its title and its boxes, top to bottom."""

    title: str
    boxes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shared:
    """A box that reaches under several groups of its band: it belongs to them all."""

    text: str


Part = Group | Shared


@dataclass(frozen=True)
class _Cell:
    text: str
    start: int
    end: int  # the last column the cell covers: up to the next box of its row


def _cells(row: Row) -> list[_Cell]:
    filled = [column for column, text in enumerate(row) if text.strip()]
    ends = [following - 1 for following in filled[1:]] + [len(row) - 1]
    return [_Cell(row[column].strip(), column, end) for column, end in zip(filled, ends)]


def _merged(row: Row) -> bool:
    """Every box of the row is a merged cell: wider than one column, none side by side."""
    cells = _cells(row)
    return bool(cells) and all(cell.end > cell.start for cell in cells)


def _group_rows(rows: list[Row]) -> list[bool]:
    """Which rows name groups, read from the bottom: a group always has boxes below it."""
    naming = [False] * len(rows)
    for position in range(len(rows) - 2, -1, -1):
        naming[position] = _merged(rows[position]) and not naming[position + 1]
    if rows:
        naming[0] = True  # the header names the first groups
    return naming


def _band(titles: list[_Cell], rows: list[Row]) -> list[Part]:
    """One group row and the rows of boxes under it, as groups and shared boxes in reading order."""
    if not titles:  # an empty header: the boxes as they come
        return [Shared(cell.text) for row in rows for cell in _cells(row)]
    boxes: dict[int, list[str]] = {title.start: [] for title in titles}
    shared: list[str] = []
    for row in rows:
        cells = _cells(row)
        if len(cells) == 1 and len(titles) > 1:  # alone on its row, under every group of the band
            shared.append(cells[0].text)
            continue
        for cell in cells:  # under the group whose columns it starts in (left of them all: the first)
            owner = max((title.start for title in titles if title.start <= cell.start), default=titles[0].start)
            boxes[owner].append(cell.text)
    return [Group(title.text, tuple(boxes[title.start])) for title in titles] + [Shared(text) for text in shared]


def diagram_parts(table: Table) -> tuple[Part, ...]:
    """The diagram's groups with their boxes (and any box shared between groups), in reading order."""
    rows = [table.header, *table.rows]
    naming = _group_rows(rows)
    parts: list[Part] = []
    for position, row in enumerate(rows):
        if not naming[position]:
            continue
        below = position + 1
        while below < len(rows) and not naming[below]:
            below += 1
        parts += _band(_cells(row), rows[position + 1:below])
    return tuple(parts)
