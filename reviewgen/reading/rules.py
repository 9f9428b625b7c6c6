"""What a line of the source is: ordered tables of small named rules.

As in markdown-it's rule chains, each table (a ``Ruler``) is a list of named
rules tried in order; the first that answers decides, and the decision keeps
the rule's name, so ``reviewgen convert --explain LINE`` can say why a line
went where it went. A rule is added, disabled or moved in one place
(``before``, ``after``, ``disable``), never by editing the parser.

Three tables, one for each question the parser asks:

* ``LINE_RULES``: a bare line (no tags, no TAB), which column is it?
* ``FIGURE_RULES``: a row while a figure is open, is it the figure's?
* ``BLOCK_RULES``: a fragment of the original, what does it open or continue?

Rules read only a ``Look``: a frozen view of the line and of the parsing
state, typed with enums, that the assembler gives them. They decide; the
assembler builds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Generic, TypeVar

from . import classify
from .cells import FragmentKind
from .column import BareLine, Before, Column, judge, speaks_as_document, speaks_as_reviewer


class Kind(str, Enum):
    """What a rule made of a line or a fragment."""

    FURNITURE = "furniture"
    TEXT = "text"  # kept: not furniture after all
    REBUTTAL = "rebuttal"
    NUMBERED = "numbered paragraph"
    HEADING = "heading"
    FIGURE = "figure"
    TABLE = "table"
    FIGURE_BODY = "figure body"
    FIGURE_NOTE = "figure source or note"
    TABLE_COPY = "copy of the figure's table"
    HEADER_AGAIN = "the figure's table's header again"
    TABLE_MORE = "the rest of the figure's table"
    DIAGRAM_ROW = "row of a diagram"
    FIGURE_END = "end of the figure"
    NOT_FIGURE = "not the figure's"
    BOX = "box"
    QUOTATION = "quotation"
    QUOTATION_MORE = "quotation continued"
    ATTRIBUTION = "attribution"
    COMMITMENT = "commitment"
    SHORT_TITLE = "short title"
    PARAGRAPH = "paragraph"
    CONTINUATION = "rest of a paragraph cut by a page break"
    BULLET = "bullet"
    CONTENTS = "table of contents"
    ORIGINAL = "the original's"


class Quote(str, Enum):
    """Where the open quotation stands, for the next fragment."""

    NONE = "none"
    OPEN = "open"  # its closing mark is still to come
    CLOSED = "closed"  # closed, with no attribution yet


@dataclass(frozen=True)
class Look:
    """What a rule sees: one line or fragment, and the state around it."""

    text: str  # the plain text of the fragment (or of a bare line's first fragment)
    fragment: FragmentKind = FragmentKind.PARAGRAPH  # the fragment's kind in its cell
    tagged_rank: int = 0  # an HTML heading's rank
    has_table: bool = False
    same_cell: bool = False  # a later fragment of the cell that holds the one before
    figure_row: bool = False  # the row opened a figure: the rest of its cell is the figure's body
    last_number: int = 0  # the last numbered paragraph
    column_number: int | None = None  # the number a column of numbers gives the paragraph ("43" | its text)
    joinable: str | None = None  # the end of a paragraph a page break may have cut
    answer_end: str | None = None  # the end of the reviewer's last words, with nothing of the original since
    copies_next_row: bool = False  # a bare line that is the next row's paragraph again, word for word
    after_question: bool = False  # the original's last heading or paragraph asks a question ("Question 3: Do you agree ...?")
    page_break: bool = False  # a page's footer was left out since the last row: a sentence may go on over it
    under_notes: bool = False  # the last heading is the document's notes' ("Notes", "References")
    joinable_item: bool = False  # ... and it is a list item
    marked_item: bool = False  # the fragment is a list item opened by a marker of its own
    quote: Quote = Quote.NONE
    in_box: bool = False
    has_sections: bool = False
    heading_rank: int | None = None  # the rank the document's own headings give this text
    # bare lines and figure rows
    before: Before = Before.NOTHING
    list_item: bool = False
    after_list_item: bool = False
    reviewer: str = ""
    column_override: str | None = None
    bare: bool = True
    row_has_html: bool = False
    tabbed: bool = False
    copies_table: bool = False  # the row repeats the next row of the figure's table
    repeats_header: bool = False  # the row is the first row of the figure's grid again, cell for cell
    continues_table: bool = False  # the row's table has the header of the figure's table
    figure_has_table: bool = False
    figure_has_note: bool = False


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    rank: int = 0  # a heading's rank
    column: Column = Column.ORIGINAL
    why: str = ""
    doubt: bool = False  # a close call the summary lists


L = TypeVar("L")


@dataclass(frozen=True)
class Rule(Generic[L]):
    name: str
    decide: Callable[[L], Verdict | None]


@dataclass
class Ruler(Generic[L]):
    """An ordered chain of rules, owned by one parse (copy the defaults to change them)."""

    rules: list[Rule[L]]
    disabled: set[str] = field(default_factory=set)

    def names(self) -> list[str]:
        return [rule.name for rule in self.rules]

    def _at(self, name: str) -> int:
        if name not in self.names():
            raise KeyError(f"no rule named {name!r}; the rules are {', '.join(self.names())}")
        return self.names().index(name)

    def before(self, name: str, rule: Rule[L]) -> None:
        self.rules.insert(self._at(name), rule)

    def after(self, name: str, rule: Rule[L]) -> None:
        self.rules.insert(self._at(name) + 1, rule)

    def disable(self, name: str) -> None:
        self._at(name)
        self.disabled.add(name)

    def enable(self, name: str) -> None:
        self.disabled.discard(name)

    def decide(self, look: L) -> tuple[str, Verdict]:
        for rule in self.rules:
            if rule.name not in self.disabled and (verdict := rule.decide(look)) is not None:
                return rule.name, verdict
        raise AssertionError("every chain ends with a rule that always answers")


def _verdict(kind: Kind, why: str, **more) -> Callable[[Look], Verdict]:
    return lambda look: Verdict(kind, why=why, **more)


def when(test: Callable[[Look], bool], kind: Kind, why: str, **more) -> Callable[[Look], Verdict | None]:
    """A rule that answers ``kind`` when ``test`` holds."""
    answer = Verdict(kind, why=why, **more)
    return lambda look: answer if test(look) else None


# --- which column a bare line is ---------------------------------------------

def _override_column(look: Look) -> Verdict | None:
    if not look.column_override:
        return None
    column = Column(look.column_override)
    kind = Kind.REBUTTAL if column is Column.REVIEWER else Kind.ORIGINAL
    return Verdict(kind, column=column, why=f"the configuration says column {column.value}")


def _weighed_column(look: Look) -> Verdict:
    judgement = judge(BareLine(
        look.text, look.before, look.list_item, look.after_list_item, look.reviewer, look.answer_end, look.joinable, look.after_question,
        look.under_notes,
    ))
    kind = Kind.REBUTTAL if judgement.column is Column.REVIEWER else Kind.ORIGINAL
    return Verdict(kind, column=judgement.column, why=f"taken as {judgement.explain()}", doubt=not judgement.confident)


LINE_RULES: tuple[Rule[Look], ...] = (
    Rule("column override", _override_column),
    Rule("document heading", when(lambda look: look.heading_rank is not None, Kind.ORIGINAL,
                                  "a heading by the document's own forms or contents (headings.py)")),
    Rule("marked heading", when(lambda look: look.fragment is FragmentKind.HEADING, Kind.ORIGINAL,
                                "a heading the source marks as one in Markdown (\"## Chapter 1\"), as the original's are")),
    Rule("opens structure", when(lambda look: classify.structure_of(look.text, look.last_number) is not None,
                                 Kind.ORIGINAL, "it opens a paragraph, figure, box or heading")),
    Rule("copy of the next row", when(lambda look: look.copies_next_row, Kind.ORIGINAL,
                                      "the paragraph of the row after it, word for word: the original's")),
    # Right after the reviewer's words that a page break cut mid-sentence: the rest of their sentence is theirs.
    Rule("response goes on", when(lambda look: look.answer_end is not None and look.text[:1].islower() and classify.is_rest(look.text)
                                  and classify.continues(look.answer_end, look.text, same_cell=False),
                                  Kind.REBUTTAL, "it carries on the sentence of the reviewer's a page break cut", column=Column.REVIEWER)),
    # Right after the original's paragraph that a page break cut mid-sentence (nothing of the reviewer's
    # between): "the rest of the sentence", in lower case, is that paragraph's, not a response to it.
    Rule("page break", when(lambda look: look.before is not Before.REVIEWER and look.joinable is not None
                            and classify.continues(look.joinable, look.text, same_cell=False, page_break=look.page_break),
                            Kind.ORIGINAL, "it carries on the sentence a page break cut")),
    Rule("column evidence", _weighed_column),
)


# --- rows while a figure is open -----------------------------------------------

def _figure_column(look: Look) -> Verdict | None:
    if not look.bare:
        return None
    if look.column_override:
        column = Column(look.column_override)
        why = f"the configuration says column {column.value}"
    else:
        # A note can run on over several lines; a question or the reviewer's name after it is the reviewer's.
        note_goes_on = look.figure_has_note and not speaks_as_reviewer(look.text, look.reviewer)
        belongs = classify.is_source_note(look.text) or note_goes_on
        column = Column.ORIGINAL if belongs else Column.REVIEWER
        why = "a citation or note under a figure" if belongs else "a sentence under a figure: the reviewer's comment on it"
        # Right after the reviewer's question, a plain line may be the note going on or the reviewer going on: as
        # with any bare line, the original's (whose words are quoted anyway), and a close call the summary lists.
        if belongs and look.before is Before.REVIEWER and not classify.is_source_note(look.text) and not speaks_as_document(look.text):
            return Verdict(Kind.FIGURE_NOTE, column=column, why="the figure's note going on after the reviewer's question", doubt=True)
    return Verdict(Kind.FIGURE_NOTE if column is Column.ORIGINAL else Kind.REBUTTAL, column=column, why=why)


FIGURE_RULES: tuple[Rule[Look], ...] = (
    Rule("table copy", when(lambda look: look.copies_table, Kind.TABLE_COPY, "the export repeats the figure's table row by row")),
    Rule("table goes on", when(lambda look: look.continues_table, Kind.TABLE_MORE,
                               "a table with the figure's table's header: the rest of it after a page break, its header repeated")),
    Rule("header again", when(lambda look: look.repeats_header, Kind.HEADER_AGAIN,
                              "the first row of the figure's table again, as a table cut by a page break repeats its header")),
    Rule("diagram grid", when(lambda look: not look.figure_has_table and not look.row_has_html and look.tabbed
                              and classify.structure_of(look.text, look.last_number) is None
                              and not classify.ends_sentence(look.text),  # a sentence and its answer are a row of the review
                              Kind.DIAGRAM_ROW, "cells between TABs under a caption: a diagram kept as a grid")),
    Rule("empty left cell", when(lambda look: look.fragment is FragmentKind.NOTHING, Kind.NOT_FIGURE, "nothing in the original's column")),
    Rule("figure's table", when(lambda look: look.fragment is FragmentKind.TABLE and not look.figure_has_table,
                                Kind.NOT_FIGURE, "the figure's own table on the row below its caption")),
    Rule("structure ends figure", when(
        lambda look: classify.structure_of(look.text, look.last_number) is not None or look.fragment in (FragmentKind.HEADING, FragmentKind.TABLE)
        or look.heading_rank is not None,
        Kind.FIGURE_END, "a new paragraph, heading, box, figure or table")),
    Rule("figure column", _figure_column),
    Rule("figure note", when(lambda look: classify.is_source_note(look.text) or look.figure_has_note,
                             Kind.FIGURE_NOTE, "a citation or note under a figure")),
    Rule("tagged row ends figure", _verdict(Kind.FIGURE_END, "a row of the original that is no note")),
)


# --- what a fragment of the original is -------------------------------------

def _continues(look: Look) -> bool:
    """The rest of a paragraph a page break cut; never a heading the source marks up as one."""
    return (
        look.joinable is not None and look.fragment is not FragmentKind.HEADING and look.column_number is None
        and classify.continues(look.joinable, look.text, look.same_cell, look.page_break)
    )


def _caption(look: Look) -> bool:
    """A figure's caption, or a table's that the source does not mark up as a heading (<h2>Table 1: Prevention</h2>
    names a division of a document, as "Part 1" does)."""
    if look.fragment is FragmentKind.HEADING and classify.is_table_caption(look.text):
        return False
    return classify.is_caption(look.text)


def _numbered(look: Look) -> Verdict | None:
    number = look.column_number if look.column_number is not None else classify.is_numbered(look.text, look.last_number)
    return None if number is None else Verdict(Kind.NUMBERED, rank=number, why=f"it opens paragraph {number}")


def _document_heading(look: Look) -> Verdict | None:
    rank = look.heading_rank
    return None if rank is None else Verdict(Kind.HEADING, rank=rank, why=f"rank {rank} by the document's own forms or contents (headings.py)")


def _heading_form(look: Look) -> Verdict | None:
    rank = classify.heading_rank(look.text)
    return None if rank is None else Verdict(Kind.HEADING, rank=rank, why=f"a heading form of rank {rank}")


def _tagged_heading(look: Look) -> Verdict | None:
    if look.fragment is not FragmentKind.HEADING:
        return None
    return Verdict(Kind.HEADING, rank=look.tagged_rank, why=f"an HTML heading, rank {look.tagged_rank}")


BLOCK_RULES: tuple[Rule[Look], ...] = (
    Rule("table", when(lambda look: look.fragment is FragmentKind.TABLE and look.has_table, Kind.TABLE, "an HTML table")),
    Rule("figure body", when(lambda look: look.figure_row, Kind.FIGURE_BODY, "the rest of the cell that opened a figure")),
    Rule("bullet continued", when(
        lambda look: look.fragment is FragmentKind.ITEM and look.joinable_item and not look.marked_item
        and not look.text[:1].isupper() and look.joinable is not None and classify.continues(look.joinable, look.text, True),
        Kind.CONTINUATION, "a list item's rest after a page break (no marker opens it)")),
    Rule("bullet", when(lambda look: look.fragment is FragmentKind.ITEM, Kind.BULLET, "a list item")),
    Rule("page break", when(_continues, Kind.CONTINUATION, "it carries on the sentence a page break cut")),
    Rule("numbered", _numbered),
    Rule("figure", when(_caption, Kind.FIGURE, "a figure's or a table's caption")),
    Rule("box", when(lambda look: classify.is_box_label(look.text), Kind.BOX, "a box's label")),
    Rule("document heading", _document_heading),
    Rule("heading form", _heading_form),
    Rule("tagged heading", _tagged_heading),
    Rule("quotation continued", when(lambda look: look.quote is Quote.OPEN, Kind.QUOTATION_MORE, "the quotation's closing mark is still to come")),
    Rule("attribution", when(lambda look: look.quote is Quote.CLOSED and classify.is_attribution(look.text),
                             Kind.ATTRIBUTION, "a few words after a closed quotation")),
    Rule("quotation", when(lambda look: classify.is_quotation_start(look.text), Kind.QUOTATION, "it opens with a quotation mark")),
    Rule("commitment", when(lambda look: not look.in_box and classify.is_commitment(look.text),
                            Kind.COMMITMENT, "a long line set apart, with no sentence ending")),
    Rule("first title", when(lambda look: not look.has_sections and classify.is_short_title(look.text),
                             Kind.HEADING, "the document's first line names its first part", rank=1)),
    Rule("short title", when(lambda look: classify.is_short_title(look.text), Kind.SHORT_TITLE,
                             "a short line with no sentence ending: a heading if content follows")),
    Rule("paragraph", _verdict(Kind.PARAGRAPH, "text of the original")),
)


@dataclass
class Rulebook:
    """The three chains one parse uses; ``Rulebook()`` is a fresh copy of the defaults."""

    lines: Ruler[Look] = field(default_factory=lambda: Ruler(list(LINE_RULES)))
    figures: Ruler[Look] = field(default_factory=lambda: Ruler(list(FIGURE_RULES)))
    blocks: Ruler[Look] = field(default_factory=lambda: Ruler(list(BLOCK_RULES)))
