"""The document model: the only thing passed between reviewgen's stages.

Frozen dataclasses and tuples throughout, so a stage can never change what an
earlier stage decided. Every node keeps the source line it came from, so a
message can always say ``source.txt:352: ...``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Union


@dataclass(frozen=True)
class Span:
    """A run of text with one style; ``href`` makes it a link."""

    text: str
    emphasis: bool = False
    strong: bool = False
    href: str | None = None
    script: str = ""  # "sup" or "sub": set above or below the line, as a footnote's mark or a formula's figure


Inline = tuple[Span, ...]


def plain_text(inline: Inline) -> str:
    return "".join(span.text for span in inline)


# --- the reviewer's side -------------------------------------------------

@dataclass(frozen=True)
class Prose:
    """One paragraph of the reviewer's text."""

    text: Inline
    line: int


@dataclass(frozen=True)
class Points:
    """A list inside the reviewer's text: bulleted, or numbered 1, 2, 3 as an <ol> numbers its items."""

    items: tuple[Inline, ...]
    line: int
    numbered: bool = False


@dataclass(frozen=True)
class EditorsMarkdown:
    """A rebuttal as an editor wrote it in the pages, carried over verbatim on re-import."""

    text: str
    line: int


RebuttalBlock = Union[Prose, Points, EditorsMarkdown]


@dataclass(frozen=True)
class Rebuttal:
    """Everything the reviewer wrote about one item, in source order."""

    blocks: tuple[RebuttalBlock, ...]
    line: int


# --- the original's side -------------------------------------------------

@dataclass(frozen=True)
class Heading:
    text: Inline
    rank: int  # 1 part, 2 objective/principle, 3 numbered section, 4 other
    line: int
    item_id: str
    rebuttal: Rebuttal | None = None
    page: int = 0  # the original's page, counted by its running footers (source_pages.py); 0 unknown


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the original; ``number`` is set for numbered ones."""

    text: Inline
    line: int
    item_id: str
    number: int | None = None
    rebuttal: Rebuttal | None = None
    page: int = 0  # the original's page, counted by its running footers (source_pages.py); 0 unknown


@dataclass(frozen=True)
class Commitment:
    """A bold one-sentence commitment set apart from the flow."""

    text: Inline
    line: int
    item_id: str
    rebuttal: Rebuttal | None = None
    page: int = 0  # the original's page, counted by its running footers (source_pages.py); 0 unknown


@dataclass(frozen=True)
class ListItem:
    text: Inline
    line: int
    item_id: str
    rebuttal: Rebuttal | None = None
    page: int = 0  # the original's page, counted by its running footers (source_pages.py); 0 unknown


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    line: int
    numbered: bool = False  # an <ol> of the original's: numbered 1, 2, 3 as its markup numbers it (no item types its number)


@dataclass(frozen=True)
class Quotation:
    """Words of a victim or survivor, with an attribution when one is given."""

    paragraphs: tuple[Inline, ...]
    line: int
    item_id: str
    attribution: Inline = ()
    rebuttal: Rebuttal | None = None
    page: int = 0  # the original's page, counted by its running footers (source_pages.py); 0 unknown


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    diagram: bool = False  # a diagram exported as a grid of boxes, not a table of data


@dataclass(frozen=True)
class FigureNote:
    """A line under a figure: its source, or a "Note:"; the reviewer may answer one on its own."""

    text: Inline
    line: int
    item_id: str
    rebuttal: Rebuttal | None = None
    page: int = 0  # the original's page, counted by its running footers (source_pages.py); 0 unknown


class Shows(str, Enum):
    """What a figure's caption names: a figure ("Figure 4") or a table ("Table 3: ...")."""

    FIGURE = "figure"
    TABLE = "table"


@dataclass(frozen=True)
class Figure:
    """A figure: caption, whatever survived of its body, and source notes."""

    caption: Inline
    line: int
    item_id: str
    table: Table | None = None
    body: tuple[Inline, ...] = ()
    notes: tuple[FigureNote, ...] = ()
    rebuttal: Rebuttal | None = None
    page: int = 0  # the original's page, counted by its running footers (source_pages.py); 0 unknown
    shows: Shows = Shows.FIGURE  # what its caption names, and so what a lost body was


@dataclass(frozen=True)
class CaseStudy:
    label: str
    blocks: tuple["Block", ...]
    line: int


Block = Union[Heading, Paragraph, Commitment, BulletList, Quotation, Figure, CaseStudy]
Answerable = Union[Heading, Paragraph, Commitment, ListItem, Quotation, Figure, FigureNote]


@dataclass(frozen=True)
class Section:
    """One page of the review: a part, or an objective of a long part."""

    heading: Heading
    blocks: tuple[Block, ...]
    slug: str


class DropReason(str, Enum):
    """Why a line of the source is not in the pages as it stands, or what a note about it says."""

    FURNITURE = "furniture"  # a running header or footer
    CONTENTS = "contents"  # the original's table of contents
    DUPLICATE_TABLE = "duplicate table"  # the second and third copies the export gives of a table
    UNSAFE = "unsafe"  # markup the allowlist took out; the entry's text describes it
    NUMBERING = "numbering"  # a note: a paragraph number out of order
    COLUMN = "column"  # a note: a close call on a bare line's column
    FURNITURE_NOTE = "furniture note"  # a note: lines dropped as furniture that an editor may want back


# Dropped entries whose text is source text left out of the pages: the audit does not look for their words.
TEXT_LEFT_OUT = frozenset({DropReason.FURNITURE, DropReason.DUPLICATE_TABLE, DropReason.CONTENTS})
# Dropped entries that only say something about a decision: reported, but no text was left out and nothing decided.
NOTE_REASONS = frozenset({DropReason.NUMBERING, DropReason.COLUMN, DropReason.FURNITURE_NOTE})


@dataclass(frozen=True)
class Dropped:
    """Source text deliberately left out, and why (for the audit and summary)."""

    line: int
    text: str
    reason: DropReason


@dataclass(frozen=True)
class Decision:
    """A converter decision about a source line: the rule that made it (``reviewgen.reading.rules``),
    what it made of the line, and the item that got it; or what the configuration changed."""

    line: int
    what: str
    rule: str = ""
    kind: str = ""
    column: str = ""
    item_id: str = ""


@dataclass(frozen=True)
class Document:
    sections: tuple[Section, ...]
    dropped: tuple[Dropped, ...] = ()
    overrides_applied: tuple[Decision, ...] = ()
    source_name: str = ""
    decisions: tuple[Decision, ...] = ()  # every rule's decision, in source order (--explain)


def walk_items(blocks: tuple[Block, ...]):
    """Every answerable item in document order, descending into boxes and lists."""
    for block in blocks:
        if isinstance(block, CaseStudy):
            yield from walk_items(block.blocks)
        elif isinstance(block, BulletList):
            yield from block.items
        elif isinstance(block, Figure):
            yield block
            yield from block.notes
        else:
            yield block


def document_items(document: Document):
    for section in document.sections:
        yield section.heading
        yield from walk_items(section.blocks)
