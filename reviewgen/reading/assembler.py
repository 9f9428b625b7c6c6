"""Building the document model from the original's pieces, one at a time.

The assembler keeps a little context, all of it in one ``State``
(``drafts.py``): the open case study, figure or quotation, and the last item
of the original, which is what the reviewer's next words answer. Boxes and
figures sit in their section as mutable drafts while open, so the place of
every item (a Slot) stays valid; ``document()`` freezes everything once at
the end.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

from . import classify as rules
from ..document import ids
from .cells import CellReader, Fragment, FragmentKind
from .column import Before
from .drafts import CaseDraft, FigureDraft, SectionDraft, Slot, State, freeze
from ..document.config import SourceConfig
from ..document.errors import ReviewgenError
from .rules import Kind, Look, Quote, Rulebook, Verdict
from .inline import closing_text, inline_from_text, join
from ..document.model import (
    BulletList, Commitment, Decision, Document, DropReason, Dropped, Figure, FigureNote, Heading, Inline, ListItem,
    Paragraph, Points, Prose, Quotation, Rebuttal, RebuttalBlock, Section, Shows, Table, plain_text,
)


def with_rebuttal(item, blocks: Sequence[RebuttalBlock], line: int):
    """``item`` with ``blocks`` added to its rebuttal (one rebuttal per item)."""
    if item.rebuttal is None:
        return replace(item, rebuttal=Rebuttal(tuple(blocks), line))
    before, blocks = item.rebuttal.blocks, tuple(blocks)
    last, first = before[-1] if before else None, blocks[0] if blocks else None
    if isinstance(last, Prose) and isinstance(first, Prose) and _goes_on(closing_text(last.text), plain_text(first.text)):
        before, blocks = before[:-1] + (Prose(join(last.text, first.text), last.line),), blocks[1:]  # a sentence a page break cut
    return replace(item, rebuttal=Rebuttal(before + blocks, item.rebuttal.line))


def as_heading(text: Inline) -> Inline:
    """A heading's words without the bold the export set them in, when all of them are bold (a heading is
    set apart by being one); a heading with some words bold keeps them so."""
    if text and all(span.strong for span in text if span.text.strip()):
        return tuple(replace(span, strong=False) for span in text)
    return text


def _goes_on(previous: str, following: str) -> bool:
    """Whether the reviewer's words ``following`` are the rest of their sentence ``previous``: in lower case, or after
    a word no sentence ends on ("... which the" | "National Audit Office ..."), however short (a response is no title)."""
    return rules.continues(previous, following, same_cell=False) or (
        rules.cut_between(previous, following) and not rules.opens_structure(following) and following[:1].isupper() and rules.is_rest(following)
    )


def rebuttal_blocks(found: Sequence[Fragment], line: int) -> list[RebuttalBlock]:
    """The reviewer's fragments as paragraphs and lists, bulleted or numbered."""
    blocks: list[RebuttalBlock] = []
    for fragment in found:
        if fragment.kind is FragmentKind.ITEM:
            if blocks and isinstance(blocks[-1], Points) and blocks[-1].numbered == fragment.numbered:
                blocks[-1] = replace(blocks[-1], items=blocks[-1].items + (fragment.text,))
            else:
                blocks.append(Points((fragment.text,), line, fragment.numbered))
        elif fragment.kind is FragmentKind.TABLE and fragment.table:
            cells = [cell for row in (fragment.table.header,) + fragment.table.rows for cell in row]
            blocks.append(Prose(inline_from_text(" ".join(cells)), line))
        elif fragment.text:
            blocks.append(Prose(fragment.text, line))
    return blocks


class Assembler:
    def __init__(self, config: SourceConfig, source_name: str, rulebook: Rulebook, heading_ranks: dict[int, int], cells: CellReader | None = None) -> None:
        self.config = config
        self.cells = cells or CellReader()  # how the parser reads the source's cells
        self.source_name = source_name
        self.rulebook = rulebook  # the rule tables this conversion decides by
        self.heading_ranks = heading_ranks  # source line -> rank, by the document's own forms (headings.py)
        self.sections: list[SectionDraft] = []
        self.state = State()  # what is open between one piece and the next
        self.typed_numbers: frozenset[int] = frozenset()  # the paragraph numbers the source writes as "43." somewhere
        self.label_column = False  # the source's rows hold paragraphs' labels ("1.1") in a column of their own
        self.names = ids.Names()
        self.targets: dict[str, Slot | SectionDraft] = {}
        self.dropped: list[Dropped] = []
        self.decisions: list[Decision] = []  # what the configuration changed
        self.rulings: list[Decision] = []  # every rule's decision, for --explain

    def document(self) -> Document:
        self.resolve_short_title(content_follows=False)
        self.close_box()
        sections = tuple(Section(d.heading, freeze(d.blocks), d.heading.item_id) for d in self.sections)
        return Document(sections, tuple(self.dropped), tuple(self.decisions), self.source_name, tuple(self.rulings))

    # --- ids, places and rebuttals -----------------------------------------

    def next_id(self, text: str) -> str:
        """Unnumbered items are named after the paragraph they follow and their own words."""
        return self.names.unnumbered(text, self.state.last_number)

    @property
    def blocks(self) -> list:
        if self.state.case is not None:
            return self.state.case.blocks
        if not self.sections:
            self.open_section(Heading((), 1, 0, self.unique_slug(self.config.title or "introduction")))
        return self.sections[-1].blocks

    def place(self, block, item_index: int | None = None) -> Slot:
        container = self.blocks
        if item_index is None:
            container.append(block)
        slot = Slot(container, len(container) - 1, item_index)
        self.targets[slot.get().item_id] = slot
        self.state.last = slot
        return slot

    def attach(self, blocks: Sequence[RebuttalBlock], line: int, target_id: str | None = None) -> None:
        if not blocks:
            return
        target = self.targets.get(target_id) if target_id else self.state.last
        if target_id and target is None:
            raise ReviewgenError(
                f"the override says line {line} answers '{target_id}', but no item has that id; "
                "use an id such as para-43 from the generated pages",
                self.config.path,
            )
        if target is None:
            self.blocks  # a rebuttal before any original text answers the opening section
            target = self.sections[-1]
        if isinstance(target, SectionDraft):
            target.heading = with_rebuttal(target.heading, blocks, line)
        else:
            target.put(with_rebuttal(target.get(), blocks, line))

    # --- sections and boxes -------------------------------------------------

    def unique_slug(self, text: str) -> str:
        return self.names.section(text)

    def open_section(self, heading: Heading) -> None:
        self.close_box()
        self.sections.append(SectionDraft(heading))
        self.targets[heading.item_id] = self.sections[-1]
        self.state.last = self.sections[-1]

    def close_box(self) -> None:
        self.close_figure()
        self.state.case = None
        self.state.quotation = None

    def close_figure(self) -> None:
        if self.state.figure_at is not None:
            self.state.figure_at = None
            self.state.joinable = None

    def open_figure(self, fragment: Fragment, line: int) -> None:
        self.content_block()
        self.close_box()
        number = rules.figure_number(fragment.plain)  # None for a table's caption: its id comes from its words
        item_id = self.names.figure(number, fragment.plain, self.state.last_number)
        shows = Shows.TABLE if rules.is_table_caption(fragment.plain) else Shows.FIGURE
        draft = FigureDraft(Figure(fragment.text, line, item_id, shows=shows))
        self.state.figure_at = self.place(draft)  # placing may open the first section, which closes boxes: only then is it the open figure

    def add_table(self, table: Table, line: int) -> None:
        if self.state.figure is None or self.state.figure.figure.table is not None:
            self.open_figure(Fragment(FragmentKind.PARAGRAPH, ()), line)  # a table with no caption is a figure of its own
        self.state.figure.figure = replace(self.state.figure.figure, table=replace(table, line=line))
        self.state.figure.copies = [table.header, *table.rows]
        self.state.figure.notes_at_table = len(self.state.figure.figure.notes)

    def add_table_rows(self, rows: tuple[tuple[str, ...], ...]) -> None:
        """The rest of the open figure's table, after a page break that repeated its header; the export's
        copy of it, row by row, is expected next as the first part's was."""
        table = self.state.figure.figure.table
        self.state.figure.figure = replace(self.state.figure.figure, table=replace(table, rows=table.rows + rows))
        self.state.figure.copies = [table.header, *rows]

    def add_figure_text(self, text: Inline, note: bool, line: int = 0) -> None:
        figure = self.state.figure.figure
        if note:
            item = FigureNote(text, line, ids.figure_note_id(figure.item_id, len(figure.notes) + 1))
            self.state.figure.figure = replace(figure, notes=figure.notes + (item,))
            self.state.figure.has_note = self.state.figure.has_note or rules.is_note(plain_text(text))
            slot = Slot(self.state.figure_at.container, self.state.figure_at.index, len(figure.notes))
            self.targets[item.item_id] = slot
            self.state.last = slot  # the reviewer's words beside a note answer that note
        else:
            self.state.figure.figure = replace(figure, body=figure.body + (text,))

    # --- the original's blocks ---------------------------------------------

    def add_heading(self, text: Inline, rank: int, line: int) -> None:
        self.resolve_short_title(content_follows=False)
        text = as_heading(text)
        self.state.heading = plain_text(text)
        opening_children = (
            rank == 2 and self.state.case is None and not self.sections[-1].blocks and self.sections[-1].heading.rank == 1
        ) if self.sections else False
        if not self.sections or rank == 1:
            self.state.split_rank = None
            self.open_section(Heading(text, 1, line, self.unique_slug(plain_text(text))))
        elif rank == self.state.split_rank or opening_children:
            self.state.split_rank = rank  # a part that is only its objectives: a page per objective
            self.open_section(Heading(text, rank, line, self.unique_slug(plain_text(text))))
        else:
            self.close_box()
            self.place(Heading(text, rank, line, self.next_id(plain_text(text))))
        self.state.joinable = None

    def resolve_short_title(self, content_follows: bool) -> None:
        """A short unpunctuated line is a heading when content follows it."""
        slot, self.state.short_title = self.state.short_title, None
        if slot is not None and content_follows:
            paragraph = slot.get()
            slot.put(Heading(as_heading(paragraph.text), 4, paragraph.line, paragraph.item_id, paragraph.rebuttal))

    def content_block(self) -> None:
        self.resolve_short_title(content_follows=True)
        self.state.quotation = None

    def join_rest(self, rest: Inline) -> None:
        """Glue the rest of a paragraph, cut off by a page break, back onto it."""
        item = self.state.joinable.get()
        if isinstance(item, Commitment):  # it only looked set apart because the cut took its full stop
            item = Paragraph(item.text, item.line, item.item_id, rebuttal=item.rebuttal)
        self.state.joinable.put(replace(item, text=join(item.text, rest)))
        self.state.last = self.state.joinable

    # --- what the rules see, and building what they decided ------------------

    def joinable_end(self) -> str | None:
        """The end of the paragraph a page break may have cut, as the rules compare it."""
        joinable = self.state.joinable
        return closing_text(joinable.get().text) if joinable is not None else None

    def number_floor(self) -> int:
        """What a paragraph's number here must be above to open it: the last paragraph's, or this line's own
        number when it is out of sequence (``State.refused_number``)."""
        return max(self.state.last_number, self.state.refused_number)

    def answer_end(self) -> str | None:
        """The end of the reviewer's last words, when nothing of the original has come since: a page break may have cut them."""
        if self.state.before not in (Before.ANSWERED, Before.REVIEWER):
            return None
        last = self.state.last
        item = last.heading if isinstance(last, SectionDraft) else last.get() if isinstance(last, Slot) else None
        blocks = item.rebuttal.blocks if item is not None and item.rebuttal is not None else ()
        return closing_text(blocks[-1].text) if blocks and isinstance(blocks[-1], Prose) else None

    def look(self, fragment: Fragment, line: int, same_cell: bool, figure_row: bool) -> Look:
        """The state a block rule reads, as a frozen, typed view."""
        joinable = self.state.joinable
        return Look(
            text=fragment.plain, fragment=fragment.kind, tagged_rank=fragment.heading_rank,
            has_table=fragment.table is not None, same_cell=same_cell, figure_row=figure_row,
            last_number=self.number_floor(),
            joinable=self.joinable_end(),
            joinable_item=joinable is not None and joinable.item_index is not None, marked_item=fragment.marked,
            quote=self.quote_state(), in_box=self.state.case is not None, has_sections=bool(self.sections),
            heading_rank=None if same_cell else self.heading_ranks.get(line), page_break=self.state.page_break,
        )

    def after_row(self, original: bool, answered: bool) -> Before:
        """What a bare line after a tagged row follows: the same evidence as after a bare one."""
        last = self.state.last
        if not original or not isinstance(last, Slot):
            return Before.START
        if isinstance(last.get(), Heading) or self.state.short_title is not None:
            return Before.HEADING
        return Before.ANSWERED if answered else Before.UNANSWERED

    def after_bare_line(self) -> Before:
        """What a bare line after a bare line of the original follows."""
        last = self.state.last
        opened = (
            self.state.short_title is not None
            or (self.state.case is not None and not self.state.case.blocks)
            or not isinstance(last, Slot)
            or isinstance(last.get(), Heading)
        )
        return Before.HEADING if opened else Before.BARE_TEXT

    def quote_state(self) -> Quote:
        if self.state.quotation is None:
            return Quote.NONE
        if rules.quotation_is_open(self.state.quotation_marks):
            return Quote.OPEN
        return Quote.NONE if self.state.quotation.get().attribution else Quote.CLOSED

    def last_id(self) -> str:
        last = self.state.last
        if isinstance(last, SectionDraft):
            return last.heading.item_id
        return last.get().item_id if last is not None else ""

    def build(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        """Build what a block rule decided ``fragment`` is."""
        kind = verdict.kind
        if fragment.kind in (FragmentKind.PARAGRAPH, FragmentKind.HEADING) and kind is not Kind.CONTINUATION:
            self.state.joinable = None
            if (stray := rules.stray_number(fragment.plain, self.state.last_number)) is not None:
                self.dropped.append(Dropped(line, f"paragraph number {stray} after paragraph {self.state.last_number}: kept as unnumbered text", DropReason.NUMBERING))
        self.BUILDERS[kind](self, verdict, fragment, line)

    def add_continuation(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.join_rest(fragment.text)

    def add_table_fragment(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.add_table(fragment.table, line)

    def add_figure_body(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.add_figure_text(fragment.text, note=False)

    def add_numbered(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        number = verdict.rank
        if number != self.state.last_number + 1 and self.state.last_number:
            self.dropped.append(Dropped(line, f"paragraph {number} follows paragraph {self.state.last_number}: numbers are missing in between", DropReason.NUMBERING))
        self.content_block()
        self.close_box()
        self.state.last_number = number
        self.state.joinable = self.place(Paragraph(fragment.text, line, self.names.paragraph(number), number))

    def add_figure(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.open_figure(fragment, line)

    def add_box(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.resolve_short_title(content_follows=True)
        self.close_box()
        case = CaseDraft(fragment.plain, line)
        self.blocks.append(case)  # no box is open, so this is the section's list
        self.state.case = case

    def add_heading_fragment(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.add_heading(fragment.text, verdict.rank, line)

    def more_quotation(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        quotation = self.state.quotation.get()
        self.state.quotation.put(replace(quotation, paragraphs=quotation.paragraphs + (fragment.text,)))
        self.state.quotation_marks = rules.quote_marks(fragment.plain, self.state.quotation_marks)

    def add_attribution(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.state.quotation.put(replace(self.state.quotation.get(), attribution=fragment.text))
        self.state.quotation = None

    def add_quotation(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.content_block()
        self.state.quotation = self.place(Quotation((fragment.text,), line, self.next_id(fragment.plain)))
        self.state.quotation_marks = rules.quote_marks(fragment.plain)

    def add_commitment(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.content_block()
        self.close_box()
        self.state.joinable = self.place(Commitment(fragment.text, line, self.next_id(fragment.plain)))

    def add_short_title(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        had_short = self.state.short_title is not None
        self.resolve_short_title(content_follows=False)
        if self.state.case is not None and not had_short:
            self.close_box()  # a title after a case study starts something new
        self.state.short_title = self.place(Paragraph(fragment.text, line, self.next_id(fragment.plain)))

    def add_plain(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.content_block()
        self.state.joinable = self.place(Paragraph(fragment.text, line, self.next_id(fragment.plain)))

    def add_item(self, verdict: Verdict, fragment: Fragment, line: int) -> None:
        self.content_block()
        item = ListItem(fragment.text, line, self.next_id(fragment.plain))
        container = self.blocks
        same = container and isinstance(container[-1], BulletList) and container[-1].numbered == fragment.numbered
        if same and self.last_was_item_of(container):
            container[-1] = replace(container[-1], items=container[-1].items + (item,))
        else:
            container.append(BulletList((item,), line, fragment.numbered))
        self.state.joinable = self.place(item, item_index=len(container[-1].items) - 1)

    BUILDERS: dict[Kind, Callable[[Assembler, Verdict, Fragment, int], None]] = {
        Kind.CONTINUATION: add_continuation, Kind.TABLE: add_table_fragment, Kind.FIGURE_BODY: add_figure_body,
        Kind.NUMBERED: add_numbered, Kind.FIGURE: add_figure, Kind.BOX: add_box, Kind.HEADING: add_heading_fragment,
        Kind.QUOTATION_MORE: more_quotation, Kind.ATTRIBUTION: add_attribution,
        Kind.QUOTATION: add_quotation, Kind.COMMITMENT: add_commitment, Kind.SHORT_TITLE: add_short_title,
        Kind.PARAGRAPH: add_plain, Kind.BULLET: add_item,
    }

    def last_was_item_of(self, container: list) -> bool:
        last = self.state.last
        return isinstance(last, Slot) and last.item_index is not None and last.container is container
