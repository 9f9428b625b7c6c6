"""Source lines -> the document model.

Rows come one per line. Tagged and TAB-separated rows say which column each
cell is in; bare lines (no tags, no TAB) do not, so their column is inferred:

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
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from . import classify as rules
from .assembler import Assembler, Slot, rebuttal_blocks
from .cells import Fragment, Row, fragments, read_row, removals
from .column import BareLine, Before, Column, judge
from .config import SourceConfig
from .errors import ReviewgenError
from .furniture import furniture_lines
from .inline import closing_text, join
from .model import Decision, Document, Dropped, Heading
from .plural import count, plural
from .source import read_source, without_controls

ORIGINAL, REVIEWER = "original", "reviewer"


def parse_lines(lines: Sequence[str], config: SourceConfig, source_name: str = "source") -> Document:
    """The document model of a two-column review export."""
    lines = without_controls(list(lines))
    assembler = Assembler(config, source_name)
    furniture = _furniture(lines, config, assembler)
    for number, line in enumerate(lines, 1):
        if number in furniture:
            assembler.dropped.append(Dropped(number, line.strip(), "furniture"))
            continue
        for part in removals(line):
            assembler.dropped.append(Dropped(number, part, "unsafe"))
        row = read_row(number, line)
        if row is not None:
            _read_row(assembler, row)
    return assembler.document()


def parse_file(path: Path, config: SourceConfig, encoding: str | None = None) -> Document:
    document = parse_lines(read_source(path, encoding), config, str(path))
    if not any(section.blocks or section.heading.text for section in document.sections):
        furniture = sum(1 for dropped in document.dropped if dropped.reason == "furniture")
        raise ReviewgenError(
            f"found no text of the original ({count(furniture, 'line')} {plural('was', furniture)} running page furniture); "
            "is this the right file? If a line was taken for furniture wrongly, override it in the configuration",
            path,
        )
    return document


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


def _overridden_column(assembler: Assembler, line: int) -> str | None:
    override = assembler.config.override_for(line)
    if override and override.column:
        assembler.decisions.append(Decision(line, f"column {override.column}"))
        return override.column
    return None


def _answer(assembler: Assembler, found: Sequence[Fragment], line: int) -> None:
    """The reviewer's fragments answer the last item, or the item an override names."""
    blocks = rebuttal_blocks(found, line)
    if not blocks:
        return
    override = assembler.config.override_for(line)
    target = override.answers if override and override.answers else None
    if target:
        assembler.decisions.append(Decision(line, f"answers {target}"))
    assembler.attach(blocks, line, target)


def _read_row(assembler: Assembler, row: Row) -> None:
    if assembler.figure is not None and _read_figure_row(assembler, row):
        return
    if row.bare:
        _read_bare_row(assembler, row)
        return
    assembler.previous_bare = Before.START
    if row.is_grid:  # cells of a grid outside a figure are all the original's
        for cell in row.grid_cells:
            _add_original(assembler, fragments(cell), row.line)
        return
    left = fragments(row.cells[0])
    lead = _add_original(assembler, left, row.line)
    right = _drop_table_copy(assembler, row)
    answered = [fragment for cell in right for fragment in fragments(cell)]
    if lead is not None and _introduces_list(left) and answered and assembler.config.override_for(row.line) is None:
        assembler.last = lead  # the response answers the paragraph that opens the list, as the row reads
    _answer(assembler, answered, row.line)
    assembler.previous_bare = _after_row(assembler, bool(left), bool(answered))


def _after_row(assembler: Assembler, original: bool, answered: bool) -> Before:
    """What a bare line after this tagged row follows: the same evidence as after a bare one."""
    last = assembler.last
    if not original or not isinstance(last, Slot):
        return Before.START
    if isinstance(last.get(), Heading) or assembler.short_title is not None:
        return Before.HEADING
    return Before.ANSWERED if answered else Before.UNANSWERED


def _introduces_list(found: Sequence[Fragment]) -> bool:
    """A cell holding one paragraph and then the list it introduces ("The plan has three aims:" • …)."""
    return len(found) > 1 and found[0].kind == "p" and all(fragment.kind == "item" for fragment in found[1:])


def _drop_table_copy(assembler: Assembler, row: Row) -> list[str]:
    """The right-hand cells, less the copy of the table the left cell just gave."""
    cells = [cell for cell in row.cells[1:] if cell.strip()]
    draft = assembler.figure
    if draft is None or not draft.copies or "<table" not in row.cells[0].lower():
        return cells
    expected = [cell for table_row in draft.copies for cell in table_row]
    copied = 0
    while copied < min(len(cells), len(expected)) and "<" not in cells[copied] and cells[copied].strip() == expected[copied]:
        copied += 1
    if copied:
        assembler.dropped.append(Dropped(row.line, "\t".join(cells[:copied]), "duplicate table"))
    return cells[copied:]


def _bare_column(assembler: Assembler, row: Row, first: Fragment) -> str:
    overridden = _overridden_column(assembler, row.line)
    if overridden:
        return overridden
    if rules.structure_of(first.plain, assembler.last_number):
        return ORIGINAL
    last = assembler.last
    after_item = isinstance(last, Slot) and last.item_index is not None
    line = BareLine(first.plain, assembler.previous_bare, first.kind == "item", after_item, assembler.config.reviewer)
    judgement = judge(line)
    if not judgement.confident:
        other = REVIEWER if judgement.column is Column.ORIGINAL else ORIGINAL
        assembler.dropped.append(Dropped(
            row.line,
            f"a bare line taken as {judgement.explain()}; if it is the {other}'s, "
            f"add the override {{line: {row.line}, column: {other}}}",
            "column",
        ))
    return judgement.column.value


def _read_bare_row(assembler: Assembler, row: Row) -> None:
    found = fragments(row.cells[0])
    if not found:
        return
    if _bare_column(assembler, row, found[0]) == REVIEWER:
        _answer(assembler, found, row.line)
        assembler.previous_bare = Before.REVIEWER
        return
    _add_original(assembler, found, row.line)
    last = assembler.last
    opened = (
        assembler.short_title is not None
        or (assembler.case is not None and not assembler.case.blocks)
        or not isinstance(last, Slot)
        or isinstance(last.get(), Heading)
    )
    assembler.previous_bare = Before.HEADING if opened else Before.BARE_TEXT


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
            and rules.continues(closing_text(previous.text), fragment.plain, same_cell=previous.kind == "p" or not fragment.plain[:1].isupper())
        ):
            merged[-1] = replace(previous, text=join(previous.text, fragment.text))
        else:
            merged.append(fragment)
    return merged


def _add_original(assembler: Assembler, found: Sequence[Fragment], line: int) -> Slot | None:
    """Place a cell's fragments; returns where its first one went (None when it opened nothing)."""
    figure_row = None  # the figure this row's first fragment opened: the rest is its body
    lead = None
    for position, fragment in enumerate(_rejoin_cell(found)):
        if fragment.kind == "table" and fragment.table is not None:
            assembler.add_table(fragment.table, line)
        elif figure_row is not None and assembler.figure is figure_row:
            assembler.add_figure_text(fragment.text, note=False)
        elif fragment.kind == "item":
            assembler.add_item(fragment, line)
        else:
            assembler.add_paragraph(fragment, line, same_cell=position > 0)
            if assembler.figure is not None and assembler.figure.figure.line == line:
                figure_row = assembler.figure
        if position == 0 and isinstance(assembler.last, Slot):
            lead = assembler.last
    return lead


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
    if left[0].kind == "table" and draft.figure.table is None:
        return False  # the figure's own table on the row below its caption: the usual path adds it to the figure
    if rules.structure_of(first, assembler.last_number) or left[0].kind in ("heading", "table"):
        assembler.close_figure()
        return False
    belongs = rules.is_source_note(first) or draft.has_note
    if row.bare:
        column = _overridden_column(assembler, row.line) or (ORIGINAL if belongs else REVIEWER)
        if column == REVIEWER:
            _answer(assembler, left, row.line)
            return True
    elif not belongs:
        assembler.close_figure()
        return False
    for fragment in left:
        assembler.add_figure_text(fragment.text, note=True, line=row.line)
    _answer(assembler, [fragment for cell in row.cells[1:] for fragment in fragments(cell)], row.line)
    return True
