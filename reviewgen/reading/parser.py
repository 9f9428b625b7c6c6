"""Source lines -> the document model.

Rows come one per line. Tagged and TAB-separated rows say which column each
cell is in; bare lines (no tags, no TAB) do not, so their column is decided
by ``rules.LINE_RULES`` (an override, the document's own headings, a line
that opens structure, then the evidence of ``column.py``). Rows under an open
figure go to ``rules.FIGURE_RULES`` and every fragment of the original to
``rules.BLOCK_RULES``; the assembler builds what they decide. Each decision is
kept with the rule that made it (``reviewgen convert --explain LINE``).

Each decision can be overridden per source line in the source's configuration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from . import classify
from .assembler import Assembler, rebuttal_blocks
from .drafts import Slot
from .cells import CellReader, Fragment, FragmentKind, Row, read_row, without_empty_first_column
from .column import NOTES_HEADING, Before, Column
from ..document.config import SourceConfig
from ..document.errors import ReviewgenError
from .furniture import furniture_lines, lone_lines, numbers_left_alone, runs, same_lines
from .headings import heading_text, plan_headings
from .inline import closing_text, join
from ..document.model import Decision, Document, DropReason, Dropped, Span, plain_text
from ..document.sanitise import has_markup
from ..document.plural import count, plural
from .rules import Kind, Look, Rulebook, Verdict
from .source_pages import page_ends, with_pages
from .source import pipe_table_rows, read_source, spreadsheet_rows, without_controls


def parse_lines(lines: Sequence[str], config: SourceConfig, source_name: str = "source", rulebook: Rulebook | None = None, cells: CellReader | None = None) -> Document:
    """The document model of a two-column review export, decided by ``rulebook``'s rules (the defaults when None);
    ``cells``: a reader that remembers the cells, where one source is converted many times."""
    lines = without_empty_first_column(pipe_table_rows(spreadsheet_rows(without_controls(list(lines)))))
    titles = column_titles(lines)
    lines = _reviewer_second(lines, titles)
    furniture, changed, by_pattern = _furniture(lines, config, titles)
    lines = [_kept_titles(line) if number in titles and number not in furniture else line for number, line in enumerate(lines, 1)]
    headings = plan_headings(lines, furniture, config.heading_parts)
    assembler = Assembler(config, source_name, rulebook or Rulebook(), headings.ranks, cells)
    numbers, labelled = _paragraph_numbers(lines, furniture | headings.contents, assembler.cells)
    refused = {**_out_of_sequence(numbers), **_claimed_again(numbers)}
    assembler.typed_numbers = frozenset(found.number for found in numbers)
    assembler.label_column = labelled >= LABELLED_ROWS
    _record_furniture(assembler, furniture, changed)
    notes = _furniture_notes(lines, furniture, changed, by_pattern, titles)
    for number, line in enumerate(lines, 1):
        if number in furniture:
            assembler.dropped.append(Dropped(number, line.strip(), DropReason.FURNITURE))
            if number in notes:
                assembler.dropped.append(Dropped(number, notes[number], DropReason.FURNITURE_NOTE))
            assembler.state.page_break = True
            continue
        if number in headings.contents and not getattr(config.override_for(number), "column", None):
            assembler.dropped.append(Dropped(number, line.strip(), DropReason.CONTENTS))
            _record(assembler, number, "contents", Verdict(Kind.CONTENTS, why="a line of the table of contents: its heading comes again later (headings.py)"))
            continue
        assembler.cells.at_line(number)
        for part in assembler.cells.removals(line):
            assembler.dropped.append(Dropped(number, part, DropReason.UNSAFE))
        row = read_row(number, line)
        if row is not None:
            refusal = refused.get(number)
            if refusal is not None:
                assembler.state.refused_number, assembler.state.copies_next_row = refusal.number, refusal.copy
                assembler.dropped.append(Dropped(
                    number, f"paragraph number {refusal.number} after paragraph {assembler.state.last_number}, {refusal.why}: kept as unnumbered text",
                    DropReason.NUMBERING,
                ))
            _read_row(assembler, row)
            assembler.state.refused_number, assembler.state.copies_next_row, assembler.state.page_break = 0, False, False
    return with_pages(assembler.document(), page_ends(lines, furniture - titles))  # titles head a table, end no page


@dataclass(frozen=True)
class NumberedLine:
    """A line that opens with a paragraph's number, before whether it opens that paragraph is decided."""

    line: int
    number: int
    bare: bool  # a line with neither tags nor TABs, whose column is to be weighed
    text: str  # the paragraph's words as the line gives them, its number first


@dataclass(frozen=True)
class Refusal:
    """A paragraph number a line opens with that opens no paragraph, and why."""

    number: int
    why: str
    copy: bool = False  # the line is the next row's paragraph word for word


LABELLED_ROWS = 3  # rows of a label ("1.1", "4a.", "14", "R1") beside a sentence that make a source's first column one of labels
LABEL_CHARS = 40  # a first cell longer than this is no label: not read beside the next


def _paragraph_numbers(lines: Sequence[str], skipped: set[int], cells: CellReader) -> tuple[list[NumberedLine], int]:
    """Each line that opens with a paragraph's number, as its first cell or the number cell before it
    ("43." | the paragraph), in order (whether each is in sequence is not asked here); and how many rows hold
    only a paragraph's label in their first cell beside a sentence ("1.1" | the paragraph | the response)."""
    found, labelled = [], 0
    for number, line in enumerate(lines, 1):
        row = None if number in skipped else read_row(number, line)
        first = cells.read_ahead(number, row.cells[0]) if row is not None else []  # read once: its line's turn takes it
        if not first:
            continue
        text = first[0].plain.strip()
        if len(first) == 1 and len(row.cells) > 1 and len(text) <= LABEL_CHARS:
            second = cells.read_ahead(number, row.cells[1])
            labelled += bool(second) and classify.labels_row(text, second[0].plain)
        if classify.NUMBER_CELL.match(text) and len(row.cells) > 1:
            text += " " + row.cells[1]
        if (match := classify.NUMBERED.match(text)) is not None:
            found.append(NumberedLine(number, int(match.group(1)), row.bare, " ".join(text.split())))
    return found, labelled


def _out_of_sequence(numbers: Sequence[NumberedLine]) -> dict[int, Refusal]:
    """The lines whose paragraph number is mistyped, with the number and why: it jumps ahead, and the next two
    go back below it, on from the last ("11.", "112.", "13.", "14."). Such a number opens no paragraph."""
    typos: dict[int, Refusal] = {}
    last = 0
    for at, (line, number) in enumerate((found.line, found.number) for found in numbers):
        if number <= last:
            continue  # a number that goes back: the parser's own stray number
        after = [following.number for following in numbers[at + 1:at + 3]]
        # The next two numbers go on from the last, one after the other, as if this one were in its place: one
        # line numbered out of place (a note's "7." after paragraph 8 is not enough, paragraphs quoted with gaps
        # between them neither, nor a list of the reviewer's under the first paragraph: "30." then "1.", "2.").
        if last and number > last + 1 and len(after) == 2 and last < after[0] <= last + 2 and after[1] == after[0] + 1 < number:
            typos[line] = Refusal(number, "the next two going on from there as if it were in its place, taken for a mistyped number")
            continue
        last = number
    return typos


def _claimed_again(numbers: Sequence[NumberedLine]) -> dict[int, Refusal]:
    """Bare lines opening with a number that a row of the table opens with right after ("33. The Standard is out of
    date" above the row of paragraph 33): the row's is the paragraph; the bare line quotes its number."""
    claimed: dict[int, Refusal] = {}
    for at, found in enumerate(numbers):
        row = next((later for later in numbers[at + 1:at + 3] if not later.bare and later.number == found.number), None)
        if found.bare and row is not None:
            copy = row.text == found.text
            said = " word for word, as the export may give a paragraph twice" if copy else ""
            claimed[found.line] = Refusal(found.number, f"the row of paragraph {found.number} coming after it{said}", copy)
    return claimed


def parse_file(path: Path, config: SourceConfig, encoding: str | None = None, cells: CellReader | None = None) -> Document:
    document = parse_lines(read_source(path, encoding), config, str(path), cells=cells)
    if not any(section.blocks or section.heading.text for section in document.sections):
        furniture = sum(1 for dropped in document.dropped if dropped.reason is DropReason.FURNITURE)
        raise ReviewgenError(
            f"found no text of the original ({count(furniture, 'line')} {plural('was', furniture)} running page furniture); "
            "is this the right file? If a line was taken for furniture wrongly, override it in the configuration",
            path,
        )
    return document


def _furniture(lines: Sequence[str], config: SourceConfig, titles: set[int]) -> tuple[set[int], dict[int, bool], set[int]]:
    """The furniture lines, those the configuration changed (line -> whether it is furniture), and
    those a pattern of the configuration names."""
    patterns = [re.compile(p, re.IGNORECASE) for p in config.furniture_patterns]

    def matches(text: str) -> bool:
        return any(p.search(" ".join(text.split())) for p in patterns)

    found = furniture_lines(lines, matches if patterns else None) | titles
    changed: dict[int, bool] = {}
    for override in config.overrides:
        if override.furniture is True and override.line not in found:
            found.add(override.line)
            changed[override.line] = True
        elif override.furniture is False and override.line in found:
            found.discard(override.line)
            changed[override.line] = False
    found -= numbers_left_alone(lines, found) - {line for line, furniture in changed.items() if furniture}
    return found, changed, {number for number in found if patterns and matches(lines[number - 1])}


NAMED_AT_MOST = 20  # lines (or runs) of furniture the summary names one by one before it counts the rest


def _furniture_notes(lines: Sequence[str], furniture: set[int], changed: dict[int, bool], by_pattern: set[int], titles: set[int]) -> dict[int, str]:
    """What the summary says of the furniture an editor may want back, by line: each line that no other
    repeats as it is and, where the furniture falls into several runs alike among themselves (a header
    and a footer, or a label of the original that recurs), each run, named once at its first line.
    Lines an override decided, or a pattern of the configuration named, are the editor's already."""
    in_source = set(range(1, len(lines) + 1))  # an override of a line past the end is reported later
    overridden = set(changed) & in_source
    notes: dict[int, str] = {}
    left_out = sorted(titles & furniture - overridden)
    titled: dict[str, list[int]] = {}  # each row of titles, with the lines that give it again
    for number in left_out:
        titled.setdefault(" | ".join(heading_text(cell) for cell in lines[number - 1].split("\t") if cell.strip()), []).append(number)
    for written, (first, *others) in titled.items():
        again = f" (and the same again on {plural('line', len(others))} {_listed(others)})" if others else ""
        notes[first] = (
            f"“{written}” left out as the table's column titles{again}; if it is the original's, add the override "
            f"{{line: {first}, furniture: false}}"
        )
    decided = (furniture & in_source) - overridden - by_pattern - set(left_out)
    kinds = runs(lines, decided)
    if len(kinds) < 2:  # one running footer: named once as it most often recurs (a short comment repeated can look
        same = same_lines(lines, decided)  # like one), its garbled copies one by one (below)
        if same:
            first, *others = max(same, key=len)
            notes[first] = (
                f"“{lines[first - 1].strip()}” and the {count(len(others), 'other line')} the same ({plural('line', len(others))} "
                f"{_listed(others)}) dropped as a running header or footer; if they are the original's, add the override "
                "{line: N, furniture: false} for each"
            )
        kinds = []
    in_runs = {number for run in kinds for number in run}
    lone = [number for number in lone_lines(lines, (furniture & in_source) | overridden) if number in decided and number not in in_runs]
    for number in lone[:NAMED_AT_MOST]:
        notes[number] = (
            f"“{lines[number - 1].strip()}” dropped as a running header or footer, which it is like, though no other "
            f"line is the same; if it is the original's, add the override {{line: {number}, furniture: false}}"
        )
    if len(lone) > NAMED_AT_MOST:  # a source that is mostly such lines: the rest in one note
        rest = lone[NAMED_AT_MOST:]
        notes[rest[0]] = (
            f"and {count(len(rest), 'more line')} from here to line {rest[-1]} dropped as running headers or footers "
            "though no other line is the same as each; add the override {line: N, furniture: false} for any that is the original's"
        )
    if len(kinds) > NAMED_AT_MOST:
        notes[kinds[NAMED_AT_MOST][0]] = (
            f"and {count(len(kinds) - NAMED_AT_MOST, 'more run')} of lines alike among themselves, from here on, dropped as "
            "running headers or footers; add the override {line: N, furniture: false} for any line that is the original's"
        )
    for first, *others in kinds[:NAMED_AT_MOST]:
        notes[first] = (
            f"“{lines[first - 1].strip()}” and the {count(len(others), 'other line')} like it ({plural('line', len(others))} {_listed(others)}) "
            f"dropped as one of {len(kinds)} kinds of running header or footer; if they are the original's, add the override "
            "{line: N, furniture: false} for each"
        )
    return notes


def column_titles(lines: Sequence[str]) -> set[int]:
    """The lines that are a table's column titles: the source's first line, when its cells between TABs are
    short titles with no number and no sentence ending ("Paragraph | Government text | Our response", as a
    spreadsheet exports them), and each later line the same as it (a page break repeating them); and the
    column titles of a Word document's tables, as its reader writes them (``classify.TITLES_LINE``)."""
    found = {number for number, line in enumerate(lines, 1) if classify.TITLES_LINE.match(line)}
    return found | _first_line_titles(lines)


def _reviewer_second(lines: list[str], titles: set[int]) -> list[str]:
    """A source whose column titles put the reviewer's column first ("Our comment | Government text"), its rows'
    first two cells the other way round: the original's first, as every other source has them. Any other as it is."""
    if not titles:
        return lines
    first = lines[min(titles) - 1]
    if not classify.responds_first([heading_text(cell) for cell in first.split("\t") if cell.strip()]):
        return lines
    return [_swapped(line) if number not in titles and "\t" in line else line for number, line in enumerate(lines, 1)]


def _swapped(line: str) -> str:
    first, second, *rest = line.split("\t")  # a line with a TAB: two cells at least
    return "\t".join([second, first, *rest])


def _kept_titles(line: str) -> str:
    """A line of column titles an override keeps, as the row of text it then is: a Word table's <th> cells
    (``classify.TITLES_LINE``) as plain cells."""
    return "\t".join(heading_text(cell) for cell in line.split("\t")) if classify.TITLES_LINE.match(line) else line


def _first_line_titles(lines: Sequence[str]) -> set[int]:
    first = next((number for number, line in enumerate(lines, 1) if line.strip()), None)
    if first is None or "\t" not in lines[first - 1] or has_markup(lines[first - 1]):
        return set()
    cells = [cell.strip() for cell in lines[first - 1].split("\t") if cell.strip()]
    if not classify.are_column_titles(cells):
        return set()
    same = " ".join(lines[first - 1].split())
    return {number for number, line in enumerate(lines, 1) if number >= first and " ".join(line.split()) == same}


def _listed(numbers: Sequence[int]) -> str:
    """Line numbers for a note, the first few of many and how many more."""
    more = len(numbers) - NAMED_AT_MOST
    return ", ".join(map(str, numbers[:NAMED_AT_MOST])) + (f" and {more:,} more" if more > 0 else "")


def _record_furniture(assembler: Assembler, found: set[int], changed: dict[int, bool]) -> None:
    for line, furniture in changed.items():
        assembler.decisions.append(Decision(line, "furniture" if furniture else "not furniture"))
    for line in sorted(found | set(changed)):
        if line in changed and not changed[line]:
            _record(assembler, line, "furniture override", Verdict(Kind.TEXT, why="the configuration says it is not furniture"))
        elif line not in changed:
            _record(assembler, line, "furniture", Verdict(Kind.FURNITURE, why="a short line that recurs like a running header or footer (furniture.py)"))
        else:
            _record(assembler, line, "furniture override", Verdict(Kind.FURNITURE, why="the configuration says it is furniture"))


def _record(assembler: Assembler, line: int, rule: str, verdict: Verdict, item_id: str = "") -> None:
    """Keep a rule's decision, for ``reviewgen convert --explain``."""
    assembler.rulings.append(Decision(line, verdict.why, rule, verdict.kind.value, verdict.column.value, item_id))


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
    _record(assembler, line, "answers override" if target else "answers the last item",
            Verdict(Kind.REBUTTAL, column=Column.REVIEWER, why=f"the reviewer's words answer {target or 'the item before them'}"),
            target or assembler.last_id())


@dataclass(frozen=True)
class NumberCell:
    """A row of a table whose first column holds the paragraphs' numbers: what that cell holds ("" for
    nothing), the original's fragments with it opening them as the page prints it, and the number when
    the cell writes it otherwise than "43." (the text then does not say it as a paragraph's)."""

    label: str
    fragments: list[Fragment]
    number: int | None = None


def _number_column(assembler: Assembler, row: Row) -> NumberCell | None:
    """A table whose first column holds the paragraphs' numbers ("43." | the paragraph | the response);
    None for other rows."""
    if len(row.cells) < 2 or not row.cells[1].strip():
        return None
    first, second = assembler.cells.fragments(row.cells[0]), assembler.cells.fragments(row.cells[1])
    if not second or second[0].kind is not FragmentKind.PARAGRAPH:
        return None
    if not first and assembler.state.number_column:  # an unnumbered paragraph among numbered ones
        return NumberCell("", second)
    if len(first) != 1 or first[0].kind is not FragmentKind.PARAGRAPH:
        return None
    label, text = first[0].plain.strip(), second[0].plain
    in_column = assembler.state.number_column
    number = classify.column_number(label, text, assembler.number_floor(), in_column, assembler.label_column)  # "43", "Para 43"
    if number in assembler.typed_numbers:  # "1." opens a paragraph elsewhere: this "1" counts something else
        number = None
    labelled = (in_column or assembler.label_column) and classify.labels_paragraph(label, text)  # "4a.", "1.1", "R1"
    if number is None and not labelled and not classify.numbers_paragraph(label, text, assembler.number_floor()):
        return None
    return NumberCell(label, [replace(second[0], text=join((Span(label),), second[0].text)), *second[1:]], number)


def _read_row(assembler: Assembler, row: Row) -> None:
    if assembler.state.figure is not None and _read_figure_row(assembler, row):
        return
    if row.bare:
        _read_bare_row(assembler, row)
        return
    assembler.state.before = Before.START
    column = _number_column(assembler, row)
    numbered = column.fragments if column is not None else None
    assembler.state.number_column = column is not None
    if column is not None:
        why = (
            f"a cell holding only the number {column.label}, before the paragraph it numbers"
            if classify.NUMBER_CELL.match(column.label) or column.number is not None
            else f"a cell holding the label {column.label}, before the paragraph it labels among numbered ones" if column.label
            else "no number in the column of numbers: the paragraph beside it is the original's"
        )
        _record(assembler, row.line, "number column", Verdict(Kind.ORIGINAL, why=why))
    if row.is_grid and numbered is None and not _reads_as_review(assembler, row):  # cells of a grid outside a figure are all the original's
        cells = row.grid_cells
        _add_original(assembler, assembler.cells.fragments(cells[0]), row.line)
        if _heads_grid(assembler, row):
            return
        for cell in cells[1:]:
            _add_original(assembler, assembler.cells.fragments(cell), row.line)
        return
    left = numbered if numbered is not None else assembler.cells.fragments(row.cells[0])
    lead = _add_original(assembler, left, row.line, column.number if column is not None else None)
    right = [cell for cell in row.cells[2:] if cell.strip()] if numbered is not None else _drop_table_copy(assembler, row)
    # A response cell of a dash alone ("—", "-") says there is no response: no rebuttal of a dash, and the row unanswered.
    answered = [fragment for cell in right for fragment in assembler.cells.fragments(cell) if fragment.table is not None or _has_words(fragment)]
    if lead is not None and answered and assembler.config.override_for(row.line) is None and not lead.same_place(assembler.state.last):
        if _introduces_list(left):
            assembler.state.last = lead  # the response answers the paragraph that opens the list, as the row reads
            _record(assembler, row.line, "list lead", Verdict(Kind.REBUTTAL, column=Column.REVIEWER, why="a row's response answers the paragraph that opens its list"), lead.get().item_id)
        elif _numbered_with_notes(lead, left, row.line):
            assembler.state.last = lead  # a cell that opens with paragraph 12 and holds its notes is paragraph 12's row
            _record(assembler, row.line, "numbered lead", Verdict(Kind.REBUTTAL, column=Column.REVIEWER, why="a row's response answers the numbered paragraph its cell opens with"), lead.get().item_id)
    _answer(assembler, answered, row.line)
    assembler.state.before = assembler.after_row(bool(left), bool(answered))


def _has_words(fragment: Fragment) -> bool:
    return any(character.isalnum() for character in fragment.plain)


STATUS_WORDS = 3  # a rating or status the reviewer gives in a column of its own: "Red", "Not met", "Partly met"


def _reads_as_review(assembler: Assembler, row: Row) -> bool:
    """Cells between TABs that are a row of the review, not a grid: a numbered paragraph of the original with the
    reviewer's response in more than one cell after it, sentences every one, or short words rating it ("Red",
    "Not met") after the first ("1. London" | "2,300" is a table's row)."""
    cells = row.grid_cells
    if classify.is_numbered(cells[0], assembler.number_floor()) is None or not all(classify.ends_sentence(cell) for cell in cells[:2]):
        return False
    return all(classify.ends_sentence(cell) or (len(cell.split()) <= STATUS_WORDS and not any(c.isdigit() for c in cell)) for cell in cells[2:])


def _heads_grid(assembler: Assembler, row: Row) -> bool:
    """A caption that opened a figure with more cells beside it on its row ("Table 1: Homes built\t2019\t2020"):
    they are the first row of the figure's grid, in their columns (the caption's own cell left empty), when
    none of them is a sentence or opens an element of its own. Otherwise (False) they stay the original's text."""
    draft = assembler.state.figure
    if draft is None or draft.figure.line != row.line or draft.grid or draft.figure.table is not None:
        return False
    first = next(position for position, cell in enumerate(row.cells) if cell.strip())
    beside = [cell.strip() for cell in row.cells[first + 1:] if cell.strip()]
    if any(classify.ends_sentence(cell) or classify.structure_of(cell, assembler.number_floor()) is not None for cell in beside):
        return False
    draft.grid.append(tuple("" if position == first else cell.strip() for position, cell in enumerate(row.cells)))
    _record(assembler, row.line, "caption's row", Verdict(Kind.DIAGRAM_ROW, why="cells beside a caption: the first row of its grid"), draft.figure.item_id)
    return True


def _numbered_with_notes(lead: Slot, found: Sequence[Fragment], line: int) -> bool:
    """A cell that opens a numbered paragraph (not the rest of one a page break cut) and holds nothing after it but
    the document's notes, lists and tables (a footnote's text a Word cell carries as "[1] ..."): the row is that
    paragraph's. A figure, a commitment or another paragraph after it may be what the response answers."""
    item = lead.get()
    rest = found[1:]
    return (
        getattr(item, "number", None) is not None and item.line == line and bool(rest)
        and any(fragment.table is not None or classify.is_document_note(fragment.plain) for fragment in rest)
        and all(fragment.table is not None or fragment.kind is FragmentKind.ITEM or classify.is_document_note(fragment.plain) for fragment in rest)
    )


def _introduces_list(found: Sequence[Fragment]) -> bool:
    """A cell holding one paragraph and then the list it introduces ("The plan has three aims:" • …), its items
    a list's or paragraphs typed as its sub-points ("(a) to cut waiting lists;")."""
    return len(found) > 1 and found[0].kind is FragmentKind.PARAGRAPH and all(
        fragment.kind is FragmentKind.ITEM or (fragment.kind is FragmentKind.PARAGRAPH and classify.SUB_POINT.match(fragment.plain))
        for fragment in found[1:]
    )


def _drop_table_copy(assembler: Assembler, row: Row) -> list[str]:
    """The right-hand cells, less the copy of the table the left cell just gave."""
    cells = [cell for cell in row.cells[1:] if cell.strip()]
    draft = assembler.state.figure
    if draft is None or not draft.copies or "<table" not in row.cells[0].lower():
        return cells
    expected = [cell for table_row in draft.copies for cell in table_row]
    copied = 0
    while copied < min(len(cells), len(expected)) and "<" not in cells[copied] and cells[copied].strip() == expected[copied]:
        copied += 1
    if copied:
        assembler.dropped.append(Dropped(row.line, "\t".join(cells[:copied]), DropReason.DUPLICATE_TABLE))
    return cells[copied:]


def _bare_look(assembler: Assembler, row: Row, first: Fragment) -> Look:
    override = assembler.config.override_for(row.line)
    last = assembler.state.last
    return Look(
        text=first.plain, fragment=first.kind, last_number=assembler.number_floor(), before=assembler.state.before,
        list_item=first.kind is FragmentKind.ITEM, after_list_item=isinstance(last, Slot) and last.item_index is not None,
        reviewer=assembler.config.reviewer, column_override=override.column if override else None,
        heading_rank=assembler.heading_ranks.get(row.line), joinable=assembler.joinable_end(), answer_end=assembler.answer_end(),
        copies_next_row=assembler.state.copies_next_row, after_question=_asks(last), page_break=assembler.state.page_break,
        under_notes=bool(NOTES_HEADING.match(assembler.state.heading.strip())),
    )


def _asks(last: object) -> bool:
    """Whether the original's last block (a heading, a paragraph) ends on a question."""
    block = last.get() if isinstance(last, Slot) else None
    return plain_text(getattr(block, "text", ()) or ()).rstrip().endswith("?")


def _bare_column(assembler: Assembler, row: Row, first: Fragment) -> Column:
    rule, verdict = assembler.rulebook.lines.decide(_bare_look(assembler, row, first))
    _record(assembler, row.line, rule, verdict)
    if rule == "column override":
        assembler.decisions.append(Decision(row.line, f"column {verdict.column.value}"))
    _report_doubt(assembler, row.line, verdict, f"a bare line {verdict.why}")
    return verdict.column


def _report_doubt(assembler: Assembler, line: int, verdict: Verdict, what: str) -> None:
    """A close call about a line's column, listed in the summary with the override that reverses it."""
    if verdict.doubt:
        other = Column.REVIEWER if verdict.column is Column.ORIGINAL else Column.ORIGINAL
        assembler.dropped.append(Dropped(
            line, f"{what}; if it is the {other.value}'s, add the override {{line: {line}, column: {other.value}}}", DropReason.COLUMN,
        ))


def _read_bare_row(assembler: Assembler, row: Row) -> None:
    found = assembler.cells.fragments(row.cells[0])
    if not found:
        return
    assembler.state.number_column = False  # text outside the table: a later row with no number is no paragraph of it
    if _bare_column(assembler, row, found[0]) is Column.REVIEWER:
        _answer(assembler, found, row.line)
        assembler.state.before = Before.REVIEWER
        return
    _add_original(assembler, found, row.line)
    assembler.state.before = assembler.after_bare_line()


def _rejoin_cell(found: Sequence[Fragment], assembler: Assembler, line: int) -> list[Fragment]:
    """Merge pieces of one cell that a page break split ("... to the UN</p> <p>Sustainable ...")."""
    if found and classify.is_caption(found[0].plain):  # a figure's cell holds its body, piece by piece,
        caption, rest = found[0], list(found[1:])  # after a caption whose rest a page break may have cut
        while rest and rest[0].kind is FragmentKind.PARAGRAPH and classify.continues(closing_text(caption.text), rest[0].plain, same_cell=False):
            caption = replace(caption, text=join(caption.text, rest.pop(0).text))
            _record(assembler, line, "page break in a cell", Verdict(Kind.CONTINUATION, why="the rest of a caption a page break cut"))
        return [caption, *rest]
    merged: list[Fragment] = []
    why = Verdict(Kind.CONTINUATION, why="a piece of the cell that carries on the sentence before it")
    for fragment in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind in (FragmentKind.PARAGRAPH, FragmentKind.ITEM)
            and fragment.kind is FragmentKind.PARAGRAPH
            and classify.continues(closing_text(previous.text), fragment.plain, same_cell=previous.kind is FragmentKind.PARAGRAPH or not fragment.plain[:1].isupper())
        ):
            merged[-1] = replace(previous, text=join(previous.text, fragment.text))
            _record(assembler, line, "page break in a cell", why)
        else:
            merged.append(fragment)
    return merged


def _add_original(assembler: Assembler, found: Sequence[Fragment], line: int, number: int | None = None) -> Slot | None:
    """Place a cell's fragments as the block rules decide (``number``: the paragraph number a column of numbers
    gives the first); returns where its first one went (None when it opened nothing)."""
    figure_row = None  # the figure this row's first fragment opened: the rest is its body
    lead = None
    for position, fragment in enumerate(_rejoin_cell(found, assembler, line)):
        look = assembler.look(fragment, line, position > 0, figure_row is not None and assembler.state.figure is figure_row)
        if position == 0 and number is not None:
            look = replace(look, column_number=number)
        rule, verdict = assembler.rulebook.blocks.decide(look)
        assembler.build(verdict, fragment, line)
        _record(assembler, line, rule, verdict, "" if verdict.kind in (Kind.BOX, Kind.CONTENTS) else assembler.last_id())
        if verdict.kind is Kind.FIGURE and assembler.state.figure is not None and assembler.state.figure.figure.line == line:
            figure_row = assembler.state.figure
        if position == 0 and isinstance(assembler.state.last, Slot):
            lead = assembler.state.last
    return lead


def _figure_look(assembler: Assembler, row: Row, left: Sequence[Fragment]) -> Look:
    draft = assembler.state.figure
    override = assembler.config.override_for(row.line)
    first = left[0] if left else Fragment(FragmentKind.NOTHING)
    return Look(
        text=first.plain, fragment=first.kind, last_number=assembler.number_floor(), bare=row.bare,
        row_has_html=row.has_html, tabbed=row.tabbed, column_override=override.column if override else None,
        copies_table=bool(draft.copies) and not row.has_html and row.grid_cells == draft.copies[0],
        repeats_header=bool(draft.grid) and row.tabbed and not row.has_html and row.grid_cells == tuple(cell for cell in draft.grid[0] if cell)
        and any(character.isalnum() for character in "".join(row.grid_cells)),  # a header names; a diagram's row of arrows may recur
        figure_has_table=draft.figure.table is not None, figure_has_note=draft.has_note,
        continues_table=first.table is not None and draft.figure.table is not None and not draft.figure.table.diagram
        and first.table.header == draft.figure.table.header and len(draft.figure.notes) == draft.notes_at_table,  # nothing between
        heading_rank=assembler.heading_ranks.get(row.line), reviewer=assembler.config.reviewer, before=assembler.state.before,
    )


def _read_figure_row(assembler: Assembler, row: Row) -> bool:
    """Rows inside an open figure, as the figure rules decide; False hands the row back to the usual path."""
    draft = assembler.state.figure
    column = _number_column(assembler, row)  # a numbered paragraph in a column of numbers ends the figure
    left = column.fragments if column is not None else assembler.cells.fragments(row.cells[0])
    look = _figure_look(assembler, row, left)
    rule, verdict = assembler.rulebook.figures.decide(look)
    _record(assembler, row.line, rule, verdict, draft.figure.item_id)
    _report_doubt(assembler, row.line, verdict, f"a line under a figure taken as {verdict.why}")
    at = len(assembler.rulings) - 1
    if rule == "figure column" and look.column_override:
        assembler.decisions.append(Decision(row.line, f"column {look.column_override}"))
    kind = verdict.kind
    if kind is Kind.TABLE_COPY:
        draft.copies.pop(0)
        assembler.dropped.append(Dropped(row.line, "\t".join(row.grid_cells), DropReason.DUPLICATE_TABLE))
    elif kind is Kind.HEADER_AGAIN:
        assembler.dropped.append(Dropped(row.line, "\t".join(row.grid_cells), DropReason.DUPLICATE_TABLE))
    elif kind is Kind.TABLE_MORE:
        rest = left[0].table
        assembler.dropped.append(Dropped(row.line, "\t".join(rest.header), DropReason.DUPLICATE_TABLE))
        assembler.add_table_rows(rest.rows)
        for fragment in left[1:]:  # the rest of the original's cell: the figure's notes
            if fragment.table is None:
                assembler.add_figure_text(fragment.text, note=True, line=row.line)
        _answer(assembler, [fragment for cell in _drop_table_copy(assembler, row) for fragment in assembler.cells.fragments(cell)], row.line)
    elif kind is Kind.DIAGRAM_ROW:
        draft.grid.append(tuple(cell.strip() for cell in row.cells))
    elif kind in (Kind.NOT_FIGURE, Kind.FIGURE_END):
        if kind is Kind.FIGURE_END:
            assembler.close_figure()
        return False
    elif kind is Kind.REBUTTAL:
        _answer(assembler, left, row.line)
        assembler.state.before = Before.REVIEWER
    else:
        assembler.state.before = Before.BARE_TEXT if row.bare else Before.START
        for fragment in left:
            assembler.add_figure_text(fragment.text, note=True, line=row.line)
        assembler.rulings[at] = replace(assembler.rulings[at], item_id=assembler.last_id())  # the note's own id
        _answer(assembler, [fragment for cell in row.cells[1:] for fragment in assembler.cells.fragments(cell)], row.line)
    return True
