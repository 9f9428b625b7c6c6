"""Re-importing a corrected source without losing the editors' work.

The rebuttals an editor added or changed (those whose fingerprint is not
among the ones the page's front matter records for the source) are each
anchored to the text they answered (see :mod:`reviewgen.commands.anchoring`), not
to a position, and put verbatim on the item of the new document that holds
that text. Where the text changed beyond recognition, is gone, or matches
several items equally, the rebuttal is never attached to a guess: it is
kept, word for word, in a section at the end of its page ("Rebuttals
awaiting a paragraph") and listed for the editor with its candidates. A
rebuttal the source gave that the editors deleted or moved to another item
is left off its item in the new conversion (``withdrawn_rebuttals``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..document import ids
from .anchoring import THRESHOLD, Anchoring, Quote, Target, anchor, comparable, quotes_in_order, similarities
from ..writing.markdown import escape
from ..document.model import (
    BulletList, CaseStudy, Document, EditorsMarkdown, Figure, Heading, Quotation, Rebuttal, Section, plain_text, walk_items,
)
from ..writing.page_reader import PageText, fingerprint, footnote_definitions, footnote_references, read_page, without_references
from ..writing.writer import INDENT, render_rebuttal

HOLDING_TITLE = "Rebuttals awaiting a paragraph"
HOLDING_HEADING = f"## {HOLDING_TITLE}"
HOLDING_INTRO = (
    "The source changed under these rebuttals, so they were not attached to any item. Move each one to the "
    "item it answers (see EDITING.md, “Add a rebuttal to a paragraph”), then delete it here; delete this "
    "section when it is empty."
)


@dataclass(frozen=True)
class Carried:
    """A rebuttal read back from an edited page, with the text it answered."""

    item_id: str
    markdown: str
    page: Path
    line: int  # of its definition
    quote: Quote
    from_source: bool | None = None  # as the source wrote it (None: the page does not say)
    moved: bool = False  # on another item than the one the converter gave it (its label names that one)


@dataclass(frozen=True)
class Held:
    carried: Carried
    anchoring: Anchoring


@dataclass(frozen=True)
class Merged:
    document: Document
    landed: tuple[Carried, ...]  # the editors' rebuttals now on the item they answered
    held: tuple[Held, ...]  # the ones waiting in a holding section
    added: int  # rebuttals where the source has none
    changed: int  # rebuttals that differ from the source's
    withdrawn: int = 0  # the source's rebuttals the editors deleted or moved, left off their items


def holding_index(page: PageText) -> int:
    """The line index where the page's holding section starts (its end when it has none)."""
    return next((index for index, line in enumerate(page.lines) if line.rstrip() == HOLDING_HEADING), len(page.lines))


def held_markdown(page: PageText) -> str:
    """The holding section already on a page, carried as it is."""
    start = holding_index(page)
    lines = page.lines[start + 1:]
    while lines and (not lines[0].strip() or lines[0] == HOLDING_INTRO):
        lines = lines[1:]
    return "\n".join(lines).strip()


def editors_rebuttals(path: Path) -> list[Carried]:
    """Each anchored item's rebuttal in a page, as Markdown, with the text it answers."""
    page, _ = read_page(path)
    if page is None:
        return []
    end = holding_index(page)
    definitions = {label: (markdown, start) for label, markdown, start, _ in page.definitions()}
    known = page.source_rebuttals()
    items = [(item_id, comparable(page.item_line(item_id) or "")) for item_id, index in page.anchors().items() if index < end]
    carried = []
    for item_id, quote in quotes_in_order(items):
        labels = [label for label in footnote_references(page.text_line(item_id) or "") if label in definitions]
        blocks = [definitions[label] for label in labels]
        if blocks:
            markdown = "\n\n".join(text for text, _ in blocks)
            from_source = None if known is None else all(fingerprint(text) in known for text, _ in blocks)
            moved = any(label != ids.footnote_label(item_id) for label in labels)
            carried.append(Carried(item_id, markdown, path, page.numbered(blocks[0][1]), quote, from_source, moved))
    return carried


def withdrawn_rebuttals(path: Path, carried: list[Carried]) -> set[str]:
    """The fingerprints of the rebuttals the source gave a page that the editors deleted from it or
    moved to another item (``carried``: the page's ``editors_rebuttals``): the next conversion's copy
    of one stays off its item. A rebuttal kept anywhere else on the page (its holding section) counts as kept."""
    page, _ = read_page(path)
    known = page.source_rebuttals() if page is not None else None
    if not known:
        return set()
    in_place = {fingerprint(rebuttal.markdown) for rebuttal in carried if rebuttal.from_source and not rebuttal.moved}
    held = {fingerprint(markdown) for _, markdown, start, _ in page.definitions() if start >= holding_index(page)}
    return known - in_place - held


def quoted(item) -> str:
    """The words of an item a rebuttal answers, as plain text."""
    if isinstance(item, Quotation):
        return plain_text(item.paragraphs[0])
    if isinstance(item, Figure):
        return plain_text(item.caption)
    return plain_text(item.text)


def anchored(item) -> bool:
    """Whether the page carries the item's id: headings and caption-less figures only when answered."""
    if isinstance(item, Heading) or (isinstance(item, Figure) and not item.caption):
        return item.rebuttal is not None
    return True


def targets(document: Document) -> list[Target]:
    """Every item of the document, quoted with its neighbours as its page shows them (anchored items)."""
    found = []
    for section in document.sections:
        items = [section.heading, *walk_items(section.blocks)]
        shown = dict(quotes_in_order([(item.item_id, comparable(quoted(item))) for item in items if anchored(item)]))
        found += [Target(item.item_id, shown.get(item.item_id) or Quote(comparable(quoted(item)))) for item in items]
    return found


def source_rebuttals(document: Document) -> dict[str, str]:
    """The Markdown the plain conversion writes for each answered item's rebuttal."""
    found = {}
    for section in document.sections:
        for item in [section.heading, *walk_items(section.blocks)]:
            if item.rebuttal:
                label = ids.footnote_label(item.item_id)
                found[item.item_id] = footnote_definitions(render_rebuttal(label, item.rebuttal))[label]
    return found


def merge(document: Document, carried: list[Carried], withdrawn: set[str] = frozenset()) -> Merged:
    """The document with the editors' rebuttals on the items they answered, and those that wait;
    ``withdrawn``: the fingerprints of the source's rebuttals the editors deleted or moved away."""
    among, from_source = targets(document), source_rebuttals(document)
    placed: dict[str, str | None] = {}
    as_the_source_has_it: set[str] = set()  # items an editor's rebuttal answers in the source's own words
    landed, held = [], []
    for rebuttal in carried:
        if rebuttal.from_source and not rebuttal.moved:
            continue  # untouched by the editors: the new source's version of it, if any, stands
        found = anchor(rebuttal.quote, among, ids.is_numbered(rebuttal.item_id), rebuttal.item_id)
        if found.item_id is None:
            # a page that does not say what the source wrote: words the new source also has stay where it puts them
            if rebuttal.from_source is not None or rebuttal.markdown not in from_source.values():
                held.append(Held(rebuttal, found))
        elif from_source.get(found.item_id) == rebuttal.markdown:
            as_the_source_has_it.add(found.item_id)  # what the source says anyway: nothing of the editors' to carry
        elif found.item_id in placed:
            held.append(Held(rebuttal, Anchoring(None, "another rebuttal already landed on the same item", ((found.item_id, 1.0),))))
        else:
            placed[found.item_id] = rebuttal.markdown
            landed.append(replace(rebuttal, item_id=found.item_id))
    added = sum(1 for c in landed if c.item_id not in from_source)
    left_off = [
        item_id for item_id, markdown in from_source.items()
        if item_id not in placed and item_id not in as_the_source_has_it and fingerprint(markdown) in withdrawn
    ]
    placed.update(dict.fromkeys(left_off))
    return Merged(with_rebuttals(document, placed), tuple(landed), tuple(held), added, len(landed) - added, len(left_off))


def with_rebuttals(document: Document, rebuttals: dict[str, str | None]) -> Document:
    """The document with these items' rebuttals replaced by the editors' Markdown; None leaves an item unanswered."""
    def carry(item):
        if item.item_id not in rebuttals:
            return item
        markdown = rebuttals[item.item_id]
        if markdown is None:
            return replace(item, rebuttal=None)
        return replace(item, rebuttal=Rebuttal((EditorsMarkdown(markdown, item.line),), item.line))

    def blocks_with(blocks: tuple) -> tuple:
        result = []
        for block in blocks:
            if isinstance(block, CaseStudy):
                result.append(replace(block, blocks=blocks_with(block.blocks)))
            elif isinstance(block, BulletList):
                result.append(replace(block, items=tuple(carry(item) for item in block.items)))
            elif isinstance(block, Figure):
                figure = carry(block)
                result.append(replace(figure, notes=tuple(carry(note) for note in figure.notes)))
            else:
                result.append(carry(block))
        return tuple(result)

    sections = tuple(Section(carry(s.heading), blocks_with(s.blocks), s.slug) for s in document.sections)
    return replace(document, sections=sections)


def first_words(text: str, count: int = 12) -> str:
    words = " ".join(text.split()).split(" ")
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def holding_entry(held: Held) -> str:
    """A held rebuttal as an admonition: what it answered, the candidates, then its Markdown verbatim."""
    carried, found = held.carried, held.anchoring
    lines = [
        f'!!! warning "Was the rebuttal of #{carried.item_id}"',
        "",
        f"{INDENT}It answered: “{escape(first_words(carried.quote.exact))}” ({escape(found.reason)}"
        + (f"; candidates: {', '.join(f'#{i} ({round(s * 100)}%)' for i, s in found.candidates)}" if found.candidates else "")
        + ").",
        "",
    ]
    lines += [INDENT + line if line.strip() else "" for line in carried.markdown.split("\n")]
    return "\n".join(lines)


def holding_section(kept: list[str], held: list[Held]) -> str:
    """The section at the end of a page holding rebuttals that wait for an editor; "" when there are none.

    ``kept`` is what already waited on the page (carried as it is), ``held`` what waits from now on.
    """
    entries = kept + [holding_entry(h) for h in held]
    if not entries:
        return ""
    return "\n\n".join([HOLDING_HEADING, HOLDING_INTRO, *entries]) + "\n"


def note(held: Held, page: str) -> str:
    carried, found = held.carried, held.anchoring
    candidates = ", ".join(f"#{i} ({round(s * 100)}%)" for i, s in found.candidates) or "none"
    return (
        f"{carried.page}:{carried.line}: the rebuttal “{first_words(carried.markdown, 8)}” of #{carried.item_id} "
        f"(“{first_words(carried.quote.exact, 8)}”) was not attached: {found.reason}; candidates: {candidates}; "
        f"it is kept under “{HOLDING_TITLE}” in {page}"
    )


def lines_not_carried(edited: Path, merged_text: str) -> list[tuple[int, str]]:
    """The editor's own lines outside rebuttals that the merged page does not hold.

    The original's quoted lines (anchored items and their anchors) are the
    source's, not the editor's: a reworded paragraph is not listed. Other
    lines the new page holds nearly the same (a corrected heading) neither.
    """
    page, _ = read_page(edited)
    if page is None:
        return []
    merged = merged_text.split("\n")
    kept = set(merged) | {without_references(line) for line in merged}
    _, own = page.quoted_and_own_lines(holding_index(page))
    missing = []
    for index in own:
        line = page.lines[index]
        if line in kept or without_references(line) in kept:
            continue
        if max(similarities(line, merged), default=0.0) >= THRESHOLD:
            continue
        missing.append((page.numbered(index), line))
    return missing
