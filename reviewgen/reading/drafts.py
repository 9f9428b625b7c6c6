"""The drafts the assembler builds in, and the state it keeps open between pieces.

Boxes, figures and sections stay mutable drafts while they are open, so the
place of every item (a ``Slot``) stays valid while later pieces change it (a
rebuttal, a page break's rest); ``freeze`` makes them the frozen model once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .column import Before
from ..document.model import CaseStudy, Figure, Heading, Shows, Table


@dataclass
class CaseDraft:
    label: str
    line: int
    blocks: list = field(default_factory=list)


@dataclass
class FigureDraft:
    figure: Figure
    copies: list[tuple[str, ...]] = field(default_factory=list)  # table rows still expected as copies
    has_note: bool = False
    grid: list[tuple[str, ...]] = field(default_factory=list)
    notes_at_table: int = 0  # the notes it had when its table came: a table's second part follows it with none between


@dataclass
class SectionDraft:
    heading: Heading
    blocks: list = field(default_factory=list)


@dataclass
class Slot:
    """Where an answerable item lives, so it can be changed later (a rebuttal, a page break)."""

    container: list
    index: int
    item_index: int | None = None  # the position in a bulleted list

    def same_place(self, other: object) -> bool:
        """Whether ``other`` is a slot for this same item (compared by place, not by the contents of its container)."""
        return isinstance(other, Slot) and other.container is self.container and (other.index, other.item_index) == (self.index, self.item_index)

    def get(self):
        block = self.container[self.index]
        if isinstance(block, FigureDraft):
            return block.figure if self.item_index is None else block.figure.notes[self.item_index]
        return block.items[self.item_index] if self.item_index is not None else block

    def put(self, item) -> None:
        block = self.container[self.index]
        if isinstance(block, FigureDraft) and self.item_index is not None:
            notes = list(block.figure.notes)
            notes[self.item_index] = item
            block.figure = replace(block.figure, notes=tuple(notes))
        elif isinstance(block, FigureDraft):
            block.figure = item
        elif self.item_index is None:
            self.container[self.index] = item
        else:
            items = list(block.items)
            items[self.item_index] = item
            self.container[self.index] = replace(block, items=tuple(items))


def freeze(blocks: list) -> tuple:
    frozen = []
    for block in blocks:
        if isinstance(block, CaseDraft):
            frozen.append(CaseStudy(block.label, freeze(block.blocks), block.line))
        elif isinstance(block, FigureDraft):
            frozen.append(freeze_figure(block))
        else:
            frozen.append(block)
    return tuple(frozen)


def freeze_figure(draft: FigureDraft) -> Figure:
    figure = draft.figure
    if draft.grid:  # cells exported as a grid, kept in their positions: under a table's caption, its rows
        width = max(len(row) for row in draft.grid)
        padded = [row + ("",) * (width - len(row)) for row in draft.grid]
        diagram = figure.shows is Shows.FIGURE
        figure = replace(figure, table=Table(padded[0], tuple(padded[1:]), figure.line, diagram=diagram))
    return figure


@dataclass
class State:
    """What the assembler holds open between one piece of the source and the next.

    The one mutable parsing state; rules never see it, only the frozen ``Look``
    made from it (``Assembler.look``)."""

    case: CaseDraft | None = None  # the open box
    figure_at: Slot | None = None  # where the open figure is placed (its notes' slots are beside it)
    last: Slot | SectionDraft | None = None  # what the reviewer's next words answer
    joinable: Slot | None = None  # a paragraph a page break may have cut
    quotation: Slot | None = None  # may take more paragraphs or an attribution
    quotation_marks: tuple[int, int, int] = (0, 0, 0)  # the open quotation's marks so far (rules.quote_marks)
    short_title: Slot | None = None  # a heading if content follows it
    split_rank: int | None = None  # a part whose children each get a page
    last_number: int = 0  # the last numbered paragraph
    refused_number: int = 0  # the number of the line being read when it is mistyped (out of sequence): it opens nothing
    copies_next_row: bool = False  # the bare line being read is the next row's paragraph word for word
    number_column: bool = False  # the last row was a paragraph's in a table with a column of numbers
    before: Before = Before.NOTHING  # what the next bare line follows, for its column
    page_break: bool = False  # a page's footer was left out since the last row was read
    heading: str = ""  # the words of the last heading: "Notes" over the document's notes

    @property
    def figure(self) -> FigureDraft | None:
        """The open figure: the draft where it was placed, changed there as rows add to it."""
        return None if self.figure_at is None else self.figure_at.container[self.figure_at.index]
