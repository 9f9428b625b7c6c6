"""The document model -> Markdown pages.

One pure ``render_<node>`` function per node type, found through RENDERERS.
Each numbered paragraph keeps its number and gets the anchor ``para-N``
(attr_list); each rebuttal becomes a footnote whose definition follows the
block it answers, so an editor sees the two together. The result is plain
Markdown for stock MkDocs: footnotes, attr_list, md_in_html (figures),
admonition and tables.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..document.ids import anchor, footnote_label
from .diagram import Shared, diagram_parts
from .markdown import escape, escape_line_start, render_cell, render_inline
from ..document.model import (
    Block, BulletList, CaseStudy, Commitment, EditorsMarkdown, Figure, Heading, ListItem, Paragraph, Points,
    Quotation, Rebuttal, Shows, Table, plain_text,
)

INDENT = "    "


@dataclass(frozen=True)
class PageContext:
    """What a renderer needs to know about the page: the heading ranks used on it.

    Levels follow the ranks present, so a page with parts' sub-headings but no
    numbered sections goes from # to ## and never skips a level.
    """

    ranks: tuple[int, ...] = ()
    ceiling: int = 2  # one below the heading before, so a page never goes from # to ###

    def level(self, rank: int) -> int:
        below = [r for r in self.ranks if r < rank]
        return min(6, 2 + len(below), self.ceiling)

    @classmethod
    def for_blocks(cls, blocks) -> "PageContext":
        return cls(tuple(sorted({b.rank for b in blocks if isinstance(b, Heading)})))


def footnote_ref(item) -> str:
    return f"[^{footnote_label(item.item_id)}]" if item.rebuttal else ""


def render_rebuttal(label: str, rebuttal: Rebuttal) -> str:
    """``[^label]: first paragraph`` with later blocks indented under it."""
    parts = [_rebuttal_block(block) for block in rebuttal.blocks]
    first, rest = parts[0], parts[1:]
    lines = [f"[^{label}]: {first[0]}"] + [INDENT + line if line else "" for line in first[1:]]
    for part in rest:
        lines.append("")
        lines.extend(INDENT + line if line else "" for line in part)
    return "\n".join(lines)


def _rebuttal_block(block) -> list[str]:
    if isinstance(block, EditorsMarkdown):
        return block.text.split("\n")
    if isinstance(block, Points):
        markers = (f"{number}." for number in range(1, len(block.items) + 1)) if block.numbered else ("-" for _ in block.items)
        return [f"{marker} {render_inline(item)}" for marker, item in zip(markers, block.items)]
    return [render_inline(block.text)]


def definitions(items) -> str:
    return "\n\n".join(render_rebuttal(footnote_label(item.item_id), item.rebuttal) for item in items if item.rebuttal)


def with_definitions(markdown: str, items) -> str:
    notes = definitions(items)
    return f"{markdown}\n\n{notes}" if notes else markdown


def render_heading(heading: Heading, context: PageContext) -> str:
    hashes = "#" * context.level(heading.rank)
    text = f"{hashes} {render_inline(heading.text, line_start=False)}{footnote_ref(heading)}"
    if heading.rebuttal:
        text += f" {anchor(heading.item_id, heading.page)}"
    return with_definitions(text, [heading])


def render_paragraph(paragraph: Paragraph, context: PageContext) -> str:
    text = f"{render_inline(paragraph.text)}{footnote_ref(paragraph)}\n{anchor(paragraph.item_id, paragraph.page)}"
    return with_definitions(text, [paragraph])


def render_commitment(commitment: Commitment, context: PageContext) -> str:
    text = f'!!! commitment ""\n{INDENT}**{render_inline(commitment.text)}**{footnote_ref(commitment)}\n{INDENT}{anchor(commitment.item_id, commitment.page)}'
    return with_definitions(text, [commitment])


def render_list(bullets: BulletList, context: PageContext) -> str:
    lines = []
    for position, item in enumerate(bullets.items, 1):
        marker = f"{position}." if bullets.numbered else "-"
        lines.append(f"{marker} {render_inline(item.text)}{footnote_ref(item)}")
        lines.append(f"{' ' * (len(marker) + 1)}{anchor(item.item_id, item.page)}")
    return with_definitions("\n".join(lines), bullets.items)


def render_quotation(quotation: Quotation, context: PageContext) -> str:
    # The anchor and the reference sit on the first paragraph, where a link to the quotation lands.
    paragraphs = [render_inline(p) for p in quotation.paragraphs]
    paragraphs[0] += f"{footnote_ref(quotation)}\n> {anchor(quotation.item_id, quotation.page)}"
    lines: list[str] = []
    for position, paragraph in enumerate(paragraphs):
        if position:
            lines.append(">")
        lines.append(f"> {paragraph}")
    if quotation.attribution:  # set off by a dash, unless the source typed one ("– Female, age 34")
        dash = "" if plain_text(quotation.attribution).lstrip().startswith(("–", "—", "-")) else "— "
        lines += [">", f"> {dash}{render_inline(quotation.attribution)}"]
    return with_definitions("\n".join(lines), [quotation])


def render_table(table: Table) -> str:
    width = max([len(table.header)] + [len(row) for row in table.rows])

    def row(cells: tuple[str, ...]) -> str:
        padded = list(cells) + [""] * (width - len(cells))
        return "| " + " | ".join(render_cell(cell) for cell in padded) + " |"

    return "\n".join([row(table.header), "|" + "---|" * width] + [row(r) for r in table.rows])


# What a caption with nothing under it says, by what the caption names.
LOST = {
    Shows.FIGURE: "The image of this figure is not in the exported text; only its caption and notes are.",
    Shows.TABLE: "This table is not in the exported text; only its caption and notes are.",
}


def render_diagram(table: Table) -> str:
    """A diagram exported as a grid: a list of its groups, each holding its boxes, a list a phone can show.

    A box shared by several groups stays in the outer list, between the groups, as it stood in the grid.
    """
    lines = ['<div class="diagram" markdown="1">', ""]
    for part in diagram_parts(table):
        if isinstance(part, Shared):
            lines.append(f"- {escape_line_start(escape(part.text))}")
            continue
        lines.append(f"- **{escape(part.title)}**")
        lines += [f"{INDENT}- {escape_line_start(escape(box))}" for box in part.boxes]
    return "\n".join(lines + ["", "</div>"])


def render_figure(figure: Figure, context: PageContext) -> str:
    """``<figure>`` (md_in_html) holding the caption, the table or diagram, the body and the notes.

    The caption keeps the figure's anchor and rebuttal; a note the reviewer
    answered keeps its own, so each rebuttal sits beside what it answers.
    """
    parts = ['<figure markdown="1">']
    if figure.caption:
        caption = f"**{render_inline(figure.caption)}**{footnote_ref(figure)}\n{anchor(figure.item_id, figure.page)}"
        parts.append(f'<figcaption markdown="1">\n\n{caption}\n\n</figcaption>')
    if figure.table:
        parts.append(render_diagram(figure.table) if figure.table.diagram else render_table(figure.table))
    parts += [render_inline(line) for line in figure.body]
    if figure.caption and not figure.table and not figure.body:
        parts.append(f'<p class="figure-lost">{LOST[figure.shows]}</p>')
    parts += [f"{render_inline(note.text)}{footnote_ref(note)}\n{anchor(note.item_id, note.page)}" for note in figure.notes]
    if not figure.caption and figure.rebuttal:
        parts.append(f"{footnote_ref(figure)}\n{anchor(figure.item_id, figure.page)}")
    parts.append("</figure>")
    return with_definitions("\n\n".join(parts), [figure, *figure.notes])


def render_case_study(case: CaseStudy, context: PageContext) -> str:
    inner = "\n\n".join(_without_definitions(block, context) for block in case.blocks)
    body = "\n".join(INDENT + line if line else "" for line in inner.split("\n"))
    items = [item for block in case.blocks for item in _items(block)]
    return with_definitions(f'!!! example "{case.label}"\n\n{body}', items)


def _items(block: Block):
    if isinstance(block, BulletList):
        return block.items
    if isinstance(block, CaseStudy):
        return [item for inner in block.blocks for item in _items(inner)]
    return [block]


def _without_definitions(block: Block, context: PageContext) -> str:
    """A block inside a box; its footnote definitions go after the box."""
    if isinstance(block, BulletList):
        bare = replace(block, items=tuple(replace(i, rebuttal=None) for i in block.items))
        text = render_list(bare, context)
        return _add_refs(text, block.items)
    stripped = replace(block, rebuttal=None)
    text = RENDERERS[type(block)](stripped, context)
    return _add_ref_after_text(text, block)


def _add_refs(text: str, items: tuple[ListItem, ...]) -> str:
    lines = text.split("\n")
    for position, item in enumerate(items):
        if item.rebuttal:
            lines[position * 2] += footnote_ref(item)
    return "\n".join(lines)


def _add_ref_after_text(text: str, block) -> str:
    if not block.rebuttal:
        return text
    marker = f"\n> {anchor(block.item_id, block.page)}" if isinstance(block, Quotation) else f"\n{anchor(block.item_id, block.page)}"
    return text.replace(marker, f"{footnote_ref(block)}{marker}", 1)


RENDERERS: dict[type, Callable[..., str]] = {
    Heading: render_heading,
    Paragraph: render_paragraph,
    Commitment: render_commitment,
    BulletList: render_list,
    Quotation: render_quotation,
    Figure: render_figure,
    CaseStudy: render_case_study,
}


def render_blocks(blocks, context: PageContext) -> str:
    rendered = []
    for block in blocks:
        rendered.append(RENDERERS[type(block)](block, context))
        if isinstance(block, Heading):
            context = replace(context, ceiling=context.level(block.rank) + 1)
    return "\n\n".join(rendered)
