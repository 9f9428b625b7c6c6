"""Source lines -> the document model.

The assembler reads one row at a time and keeps a little context: the open
section, box, figure or quotation, the last item of the original (which is
what the reviewer's next words answer), and what the previous bare line was.
Bare lines carry no column marker, so their column is inferred:

* a line that opens structure (a numbered paragraph, "Figure 5", a heading)
  belongs to the original;
* inside a figure, a citation or a note belongs to the original, other
  sentences are the reviewer's comment on the figure;
* a bare line straight after a bare paragraph of the original is the
  reviewer's (the export put the right column below the left one), and so is
  every bare line in the run that follows;
* anything else is the original.

Each decision can be overridden per source line in the source's configuration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from . import classify as rules
from .cells import Fragment, Row, fragments, read_row
from .config import SourceConfig
from .errors import ReviewgenError
from .furniture import furniture_lines
from .inline import inline_from_text, join
from .model import (
    Block, BulletList, CaseStudy, Commitment, Decision, Document, Dropped, Figure, Heading, Inline,
    ListItem, Paragraph, Points, Prose, Quotation, Rebuttal, RebuttalBlock, Section, Table, plain_text,
)

ORIGINAL, REVIEWER = "original", "reviewer"


def with_rebuttal(item, blocks: Sequence[RebuttalBlock], line: int):
    """``item`` with ``blocks`` added to its rebuttal (one rebuttal per item)."""
    if not blocks:
        return item
    if item.rebuttal is None:
        return replace(item, rebuttal=Rebuttal(tuple(blocks), line))
    return replace(item, rebuttal=Rebuttal(item.rebuttal.blocks + tuple(blocks), item.rebuttal.line))


def rebuttal_blocks(found: Sequence[Fragment], line: int) -> list[RebuttalBlock]:
    blocks: list[RebuttalBlock] = []
    for fragment in found:
        if fragment.kind == "item":
            if blocks and isinstance(blocks[-1], Points):
                blocks[-1] = Points(blocks[-1].items + (fragment.text,), blocks[-1].line)
            else:
                blocks.append(Points((fragment.text,), line))
        elif fragment.kind == "table" and fragment.table:
            cells = [cell for row in (fragment.table.header,) + fragment.table.rows for cell in row]
            blocks.append(Prose(inline_from_text(" ".join(cells)), line))
        elif fragment.text:
            blocks.append(Prose(fragment.text, line))
    return blocks


@dataclass
class Slot:
    """Where an answerable item lives, so a rebuttal can be added to it later."""

    container: list
    index: int
    item_index: int | None = None

    def get(self):
        block = self.container[self.index]
        return block.items[self.item_index] if self.item_index is not None else block

    def put(self, item) -> None:
        if self.item_index is None:
            self.container[self.index] = item
            return
        block = self.container[self.index]
        items = list(block.items)
        items[self.item_index] = item
        self.container[self.index] = replace(block, items=tuple(items))


@dataclass
class SectionDraft:
    heading: Heading
    blocks: list = field(default_factory=list)


@dataclass
class FigureDraft:
    figure: Figure
    copies: list[tuple[str, ...]] = field(default_factory=list)  # table rows still expected as copies
    has_note: bool = False
    notes: list[Inline] = field(default_factory=list)
    body: list[Inline] = field(default_factory=list)
    grid: list[tuple[str, ...]] = field(default_factory=list)


class Assembler:
    def __init__(self, config: SourceConfig, source_name: str) -> None:
        self.config = config
        self.source_name = source_name
        self.sections: list[SectionDraft] = []
        self.case: tuple[str, int, list] | None = None  # label, line, blocks
        self.figure: FigureDraft | None = None
        self.last: Slot | SectionDraft | FigureDraft | None = None
        self.joinable: Slot | None = None
        self.quotation: Slot | None = None  # a quotation that may take an attribution or more paragraphs
        self.short_title: Slot | None = None  # a short line that is a heading if content follows
        self.split_rank: int | None = None
        self.last_number = 0
        self.unnumbered = 0
        self.previous_bare: str | None = None
        self.targets: dict[str, Slot | SectionDraft | FigureDraft] = {}
        self.dropped: list[Dropped] = []
        self.decisions: list[Decision] = []
        self.slugs: set[str] = set()

    # --- ids and targets -------------------------------------------------

    def next_id(self) -> str:
        self.unnumbered += 1
        if self.last_number:
            return f"para-{self.last_number}-{self.unnumbered}"
        prefix = self.sections[0].heading.item_id if self.sections else "intro"
        return f"{prefix}-{self.unnumbered}"

    @property
    def blocks(self) -> list:
        if self.case is not None:
            return self.case[2]
        if not self.sections:
            self.open_section(Heading((), 1, 0, self.unique_slug(self.config.title or "introduction")))
        return self.sections[-1].blocks

    def add(self, block: Block, item_index: int | None = None) -> Slot:
        container = self.blocks
        if item_index is None:
            container.append(block)
        slot = Slot(container, len(container) - 1, item_index)
        item = slot.get()
        self.targets[item.item_id] = slot
        self.last = slot
        return slot

    def attach(self, blocks: Sequence[RebuttalBlock], line: int, target_id: str | None = None) -> None:
        if not blocks:
            return
        target = self.targets.get(target_id) if target_id else self.last
        if target_id and target is None:
            raise ReviewgenError(
                f"the override says line {line} answers '{target_id}', but no item has that id; "
                "use an id such as para-43 from the generated pages",
                self.config.path, None,
            )
        if target is None:
            target = self.sections[-1] if self.sections else None
        if target is None:
            self.open_section(Heading((), 1, line, self.unique_slug(self.config.title or "introduction")))
            target = self.sections[-1]
        if isinstance(target, SectionDraft):
            target.heading = with_rebuttal(target.heading, blocks, line)
        elif isinstance(target, FigureDraft):
            target.figure = with_rebuttal(target.figure, blocks, line)
        else:
            target.put(with_rebuttal(target.get(), blocks, line))

    # --- structure ---------------------------------------------------------

    def unique_slug(self, text: str) -> str:
        label = re.match(r"^([A-Za-z]+\s+\d+)\s*[:.]", text)
        base = label.group(1) if label else " ".join(text.split()[:6])
        slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "section"
        candidate, n = slug, 2
        while candidate in self.slugs:
            candidate, n = f"{slug}-{n}", n + 1
        self.slugs.add(candidate)
        return candidate

    def open_section(self, heading: Heading) -> None:
        self.close_box()
        self.sections.append(SectionDraft(heading))
        self.targets[heading.item_id] = self.sections[-1]
        self.last = self.sections[-1]

    def close_box(self) -> None:
        self.close_figure()
        if self.case is not None:
            label, line, blocks = self.case
            self.case = None
            if blocks:
                self.blocks.append(CaseStudy(label, tuple(blocks), line))
                self.retarget(self.blocks, len(self.blocks) - 1)
        self.quotation = None

    def retarget(self, container: list, index: int) -> None:
        """Items of a closed box now live inside it; point their targets there."""
        box = container[index]
        for position, block in enumerate(box.blocks):
            items = block.items if isinstance(block, BulletList) else (block,)
            for item_index, item in enumerate(items):
                if hasattr(item, "item_id"):
                    slot = Slot(_BoxView(container, index), position, item_index if isinstance(block, BulletList) else None)
                    self.targets[item.item_id] = slot
                    if isinstance(self.last, Slot) and getattr(self.last.get(), "item_id", None) == item.item_id:
                        self.last = slot

    def close_figure(self) -> None:
        draft = self.figure
        if draft is None:
            return
        self.figure = None
        table = draft.figure.table
        if draft.grid:
            width = max(len(row) for row in draft.grid)
            padded = [row + ("",) * (width - len(row)) for row in draft.grid]
            table = Table(padded[0], tuple(padded[1:]), draft.figure.line)
        figure = replace(draft.figure, table=table, body=tuple(draft.body), notes=tuple(draft.notes))
        was_last = self.last is draft
        slot = self.add(figure)
        if not was_last:
            self.last = self.last  # a later item already took over
        self.joinable = None

    # --- the original's blocks -------------------------------------------

    def add_heading(self, text: Inline, rank: int, line: int) -> None:
        self.resolve_short_title(content_follows=False)
        first = not self.sections
        if first or rank == 1:
            self.split_rank = None
            self.open_section(Heading(text, 1, line, self.unique_slug(plain_text(text))))
        elif rank == self.split_rank or (rank == 2 and not self.sections[-1].blocks and self.sections[-1].heading.rank == 1 and self.case is None):
            self.split_rank = rank
            self.open_section(Heading(text, rank, line, self.unique_slug(plain_text(text))))
        else:
            self.close_box()
            self.add(Heading(text, rank, line, self.next_id()))
        self.joinable = None

    def resolve_short_title(self, content_follows: bool) -> None:
        """A short unpunctuated line is a heading when content follows it."""
        slot, self.short_title = self.short_title, None
        if slot is None or not content_follows:
            return
        paragraph = slot.get()
        slot.put(Heading(paragraph.text, 4, paragraph.line, paragraph.item_id, paragraph.rebuttal))

    def add_paragraph(self, fragment: Fragment, line: int, same_cell_previous: bool) -> None:
        text = fragment.plain
        if self.joinable is not None and rules.continues(plain_text(self.joinable.get().text), text, same_cell_previous):
            self.join_rest(fragment.text)
            return
        self.joinable = None
        structure = rules.structure_of(text, self.last_number)
        if structure == "paragraph":
            self.content_block()
            self.close_box()
            self.last_number = rules.is_numbered(text, self.last_number) or self.last_number
            self.unnumbered = 0
            slot = self.add(Paragraph(fragment.text, line, f"para-{self.last_number}", self.last_number))
            self.joinable = slot
            return
        if structure == "figure":
            self.open_figure(fragment, line)
            return
        if structure == "box":
            self.resolve_short_title(content_follows=True)
            self.close_box()
            self.case = (text, line, [])
            return
        if structure == "heading":
            self.add_heading(fragment.text, rules.heading_rank(text) or 4, line)
            return
        if fragment.kind == "heading":
            self.add_heading(fragment.text, fragment.heading_rank, line)
            return
        self.add_unnumbered(fragment, line)

    def join_rest(self, rest: Inline) -> None:
        """Glue the rest of a paragraph, cut off by a page break, back onto it."""
        item = self.joinable.get()
        if isinstance(item, Commitment):  # it only looked set apart because the cut took its full stop
            item = Paragraph(item.text, item.line, item.item_id, rebuttal=item.rebuttal)
        self.joinable.put(replace(item, text=join(item.text, rest)))
        self.last = self.joinable

    def content_block(self) -> None:
        self.resolve_short_title(content_follows=True)
        self.quotation = None

    def add_unnumbered(self, fragment: Fragment, line: int) -> None:
        text = fragment.plain
        if self.quotation is not None:
            quotation = self.quotation.get()
            last_paragraph = plain_text(quotation.paragraphs[-1])
            if rules.quotation_is_open(" ".join(plain_text(p) for p in quotation.paragraphs)):
                self.quotation.put(replace(quotation, paragraphs=quotation.paragraphs + (fragment.text,)))
                return
            if not quotation.attribution and rules.is_attribution(text) and not last_paragraph.endswith(tuple("abcdefghijklmnopqrstuvwxyz")):
                self.quotation.put(replace(quotation, attribution=fragment.text))
                self.quotation = None
                return
        if rules.is_quotation_start(text):
            self.content_block()
            self.quotation = self.add(Quotation((fragment.text,), line, self.next_id()))
            return
        if rules.is_commitment(text) and self.case is None:
            self.content_block()
            self.close_box()
            self.joinable = self.add(Commitment(fragment.text, line, self.next_id()))
            return
        if rules.is_short_title(text) and not self.sections:
            self.add_heading(fragment.text, 1, line)
            return
        if rules.is_short_title(text):
            had_short = self.short_title is not None
            self.resolve_short_title(content_follows=False)
            if self.case is not None and not had_short:
                self.close_box()
            slot = self.add(Paragraph(fragment.text, line, self.next_id()))
            self.short_title = slot
            return
        self.content_block()
        self.joinable = self.add(Paragraph(fragment.text, line, self.next_id()))

    def add_item(self, fragment: Fragment, line: int) -> None:
        if self.joinable is not None and self.joinable.item_index is not None:
            item = self.joinable.get()
            if rules.continues(plain_text(item.text), fragment.plain, True) and not fragment.plain[:1].isupper():
                self.join_rest(fragment.text)
                return
        self.content_block()
        item = ListItem(fragment.text, line, self.next_id())
        container = self.blocks
        if container and isinstance(container[-1], BulletList) and self.last_was_list:
            bullet_list = container[-1]
            container[-1] = replace(bullet_list, items=bullet_list.items + (item,))
        else:
            container.append(BulletList((item,), line))
        slot = Slot(container, len(container) - 1, len(container[-1].items) - 1)
        self.targets[item.item_id] = slot
        self.last = slot
        self.joinable = slot

    @property
    def last_was_list(self) -> bool:
        return isinstance(self.last, Slot) and self.last.item_index is not None and self.last.container is self.blocks

    def open_figure(self, fragment: Fragment, line: int) -> None:
        self.content_block()
        self.close_box()
        number = rules.figure_number(fragment.plain)
        item_id = f"figure-{number}" if f"figure-{number}" not in self.targets else self.next_id()
        self.figure = FigureDraft(Figure(fragment.text, line, item_id))
        self.targets[item_id] = self.figure
        self.last = self.figure

    def add_table(self, table: Table, line: int) -> None:
        table = replace(table, line=line)
        if self.figure is not None and self.figure.figure.table is None:
            self.figure.figure = replace(self.figure.figure, table=table)
            self.figure.copies = [table.header, *table.rows]
            return
        self.content_block()
        self.open_figure(Fragment("p", ()), line)
        self.figure.figure = replace(self.figure.figure, table=table)
        self.figure.copies = [table.header, *table.rows]


class _BoxView(list):
    """The block list of a closed case study, seen through its container."""

    def __init__(self, container: list, index: int) -> None:
        super().__init__()
        self.container, self.index = container, index

    def __getitem__(self, position):
        return self.container[self.index].blocks[position]

    def __setitem__(self, position, block) -> None:
        box = self.container[self.index]
        blocks = list(box.blocks)
        blocks[position] = block
        self.container[self.index] = replace(box, blocks=tuple(blocks))


# --- rows -> assembler -----------------------------------------------------

def parse_lines(lines: Sequence[str], config: SourceConfig, source_name: str = "source") -> Document:
    """The document model of a two-column review export."""
    assembler = Assembler(config, source_name)
    furniture = _furniture(lines, config, assembler)
    for number, line in enumerate(lines, 1):
        if number in furniture:
            assembler.dropped.append(Dropped(number, line.strip(), "furniture"))
            continue
        row = read_row(number, line)
        if row is not None:
            _read_row(assembler, row)
    assembler.resolve_short_title(content_follows=False)
    assembler.close_box()
    return _document(assembler)


def parse_file(path: Path, config: SourceConfig) -> Document:
    from .source import read_source

    return parse_lines(read_source(path), config, str(path))


def _furniture(lines: Sequence[str], config: SourceConfig, assembler: Assembler) -> set[int]:
    patterns = [re.compile(p, re.IGNORECASE) for p in config.furniture_patterns]
    found = furniture_lines(lines, (lambda text: any(p.search(text) for p in patterns)) if patterns else None)
    for override in config.overrides:
        if override.furniture is True and override.line not in found:
            found.add(override.line)
            assembler.decisions.append(Decision(override.line, "furniture"))
        elif override.furniture is False and override.line in found:
            found.discard(override.line)
            assembler.decisions.append(Decision(override.line, "not furniture"))
    return found


def _document(assembler: Assembler) -> Document:
    sections = tuple(
        Section(draft.heading, tuple(draft.blocks), draft.heading.item_id) for draft in assembler.sections
    )
    return Document(sections, tuple(assembler.dropped), tuple(assembler.decisions), assembler.source_name)


def _answers(assembler: Assembler, line: int) -> str | None:
    override = assembler.config.override_for(line)
    if override and override.answers:
        assembler.decisions.append(Decision(line, f"answers {override.answers}"))
        return override.answers
    return None


def _read_row(assembler: Assembler, row: Row) -> None:
    if assembler.figure is not None and _read_figure_row(assembler, row):
        return
    if row.bare:
        _read_bare_row(assembler, row)
        return
    assembler.previous_bare = None
    if row.is_grid:
        for cell in row.grid_cells:
            _add_original(assembler, fragments(cell), row.line)
        return
    _add_original(assembler, fragments(row.cells[0]), row.line)
    right = _drop_table_copy(assembler, row)
    found = [fragment for cell in right for fragment in fragments(cell)]
    assembler.attach(rebuttal_blocks(found, row.line), row.line, _answers(assembler, row.line))


def _drop_table_copy(assembler: Assembler, row: Row) -> list[str]:
    """The right-hand cells, less a copy of the table the left cell just gave."""
    cells = [cell for cell in row.cells[1:] if cell.strip()]
    draft = assembler.figure
    if draft is None or not draft.copies or "<table" not in row.cells[0].lower():
        return cells
    expected = [cell for table_row in draft.copies for cell in table_row]
    copied = 0
    while copied < len(cells) and copied < len(expected) and "<" not in cells[copied] and cells[copied].strip() == expected[copied]:
        copied += 1
    if copied:
        assembler.dropped.append(Dropped(row.line, "\t".join(cells[:copied]), "duplicate table"))
    return cells[copied:]


def _bare_column(assembler: Assembler, row: Row, text: str) -> str:
    override = assembler.config.override_for(row.line)
    if override and override.column:
        assembler.decisions.append(Decision(row.line, f"column {override.column}"))
        return override.column
    if rules.structure_of(text, assembler.last_number):
        return ORIGINAL
    if assembler.previous_bare in ("text", REVIEWER):
        return REVIEWER
    return ORIGINAL


def _read_bare_row(assembler: Assembler, row: Row) -> None:
    found = fragments(row.cells[0])
    if not found:
        return
    column = _bare_column(assembler, row, found[0].plain)
    if column == REVIEWER:
        assembler.attach(rebuttal_blocks(found, row.line), row.line, _answers(assembler, row.line))
        assembler.previous_bare = REVIEWER
        return
    _add_original(assembler, found, row.line)
    last = assembler.last
    opened_heading = assembler.short_title is not None or isinstance(last, SectionDraft) or assembler.case is not None and not assembler.case[2]
    if isinstance(last, Slot) and isinstance(last.get(), Heading):
        opened_heading = True
    assembler.previous_bare = "heading" if opened_heading else "text"


def _rejoin_cell(found: Sequence[Fragment]) -> list[Fragment]:
    """Merge pieces of one cell that a page break split ("... to the UN</p> <p>Sustainable ...")."""
    if found and rules.figure_number(found[0].plain) is not None:
        return list(found)  # a figure's cell holds its body, piece by piece
    merged: list[Fragment] = []
    for fragment in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind in ("p", "item")
            and fragment.kind == "p"
            and rules.continues(previous.plain, fragment.plain, same_cell=previous.kind == "p" or not fragment.plain[:1].isupper())
        ):
            merged[-1] = replace(previous, text=join(previous.text, fragment.text))
        else:
            merged.append(fragment)
    return merged


def _add_original(assembler: Assembler, found: Sequence[Fragment], line: int) -> None:
    figure_row = None
    found = _rejoin_cell(found)
    for position, fragment in enumerate(found):
        if fragment.kind == "table" and fragment.table is not None:
            assembler.add_table(fragment.table, line)
        elif figure_row is not None and assembler.figure is figure_row:
            figure_row.body.append(fragment.text)
        elif fragment.kind == "item":
            assembler.add_item(fragment, line)
        else:
            assembler.add_paragraph(fragment, line, same_cell_previous=position > 0)
            if assembler.figure is not None and assembler.figure.figure.line == line and not assembler.figure.body:
                figure_row = assembler.figure


def _read_figure_row(assembler: Assembler, row: Row) -> bool:
    """Rows inside an open figure; False hands the row back to the usual path."""
    draft = assembler.figure
    if draft.copies and not row.has_html and row.grid_cells == draft.copies[0]:
        draft.copies.pop(0)
        assembler.dropped.append(Dropped(row.line, "\t".join(row.grid_cells), "duplicate table"))
        return True
    if draft.figure.table is None and not row.has_html and row.tabbed:
        draft.grid.append(tuple(cell.strip() for cell in row.cells))
        return True
    left = fragments(row.cells[0])
    if not left:
        return False
    first = left[0].plain
    if rules.structure_of(first, assembler.last_number) or left[0].kind in ("heading", "table"):
        assembler.close_figure()
        return False
    override = assembler.config.override_for(row.line)
    if row.bare:
        if override and override.column:
            assembler.decisions.append(Decision(row.line, f"column {override.column}"))
            column = override.column
        else:
            column = ORIGINAL if rules.is_source_note(first) or draft.has_note else REVIEWER
        if column == REVIEWER:
            assembler.attach(rebuttal_blocks(left, row.line), row.line, _answers(assembler, row.line))
            return True
    elif not (rules.is_source_note(first) or draft.has_note):
        assembler.close_figure()
        return False
    for fragment in left:
        draft.notes.append(fragment.text)
        draft.has_note = draft.has_note or rules.is_note(fragment.plain)
    right = [fragment for cell in row.cells[1:] for fragment in fragments(cell)]
    assembler.attach(rebuttal_blocks(right, row.line), row.line, _answers(assembler, row.line))
    return True
