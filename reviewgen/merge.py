"""Re-importing a corrected source without losing the editors' work.

The rebuttals in the pages an editor changed are read back by the item they
answer (its anchor), and put on the same items of the freshly converted
document, verbatim. A rebuttal whose item no longer exists, and any other
edited line the new pages do not hold, is listed: nothing goes silently.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .check import DEFINITION, REFERENCE, read_page
from .model import BulletList, CaseStudy, Document, EditorsMarkdown, Figure, Rebuttal, Section
from .site.footnotes import footnote_definitions


@dataclass(frozen=True)
class Carried:
    item_id: str
    markdown: str
    page: Path


def editors_rebuttals(path: Path) -> list[Carried]:
    """Each anchored item's rebuttal in a page, as Markdown."""
    page, _ = read_page(path)
    if page is None:
        return []
    definitions = footnote_definitions("\n".join(page.lines))
    carried = []
    for item_id in page.anchors():
        blocks = [definitions[label] for label in REFERENCE.findall(page.text_line(item_id)) if label in definitions]
        if blocks:
            carried.append(Carried(item_id, "\n\n".join(blocks), path))
    return carried


def _with_rebuttals(blocks: tuple, rebuttals: dict[str, str], used: set[str]) -> tuple:
    def carry(item):
        markdown = rebuttals.get(getattr(item, "item_id", None))
        if markdown is None:
            return item
        used.add(item.item_id)
        line = item.rebuttal.line if item.rebuttal else item.line
        return replace(item, rebuttal=Rebuttal((EditorsMarkdown(markdown, line),), line))

    result = []
    for block in blocks:
        if isinstance(block, CaseStudy):
            result.append(replace(block, blocks=_with_rebuttals(block.blocks, rebuttals, used)))
        elif isinstance(block, BulletList):
            result.append(replace(block, items=tuple(carry(item) for item in block.items)))
        elif isinstance(block, Figure):
            figure = carry(block)
            result.append(replace(figure, notes=tuple(carry(note) for note in figure.notes)))
        else:
            result.append(carry(block))
    return tuple(result)


def merge(document: Document, carried: list[Carried]) -> tuple[Document, list[Carried]]:
    """The document with the editors' rebuttals on their items, and the ones left over."""
    rebuttals = {c.item_id: c.markdown for c in carried}
    used: set[str] = set()
    sections = []
    for section in document.sections:
        heading = section.heading
        if heading.item_id in rebuttals:
            used.add(heading.item_id)
            heading = replace(heading, rebuttal=Rebuttal((EditorsMarkdown(rebuttals[heading.item_id], heading.line),), heading.line))
        sections.append(Section(heading, _with_rebuttals(section.blocks, rebuttals, used), section.slug))
    return replace(document, sections=tuple(sections)), [c for c in carried if c.item_id not in used]


def lines_not_carried(edited: Path, merged_text: str) -> list[tuple[int, str]]:
    """Edited lines (outside rebuttals) that the merged page does not hold."""
    page, _ = read_page(edited)
    if page is None:
        return []
    kept = set(merged_text.split("\n"))
    kept_bare = {REFERENCE.sub("", line) for line in kept}
    inside_definition = False
    missing = []
    for index, line in enumerate(page.lines):
        if DEFINITION.match(line):
            inside_definition = True
            continue
        if inside_definition and (line.startswith("    ") or not line.strip()):
            continue
        inside_definition = False
        bare = REFERENCE.sub("", line)
        if line.strip() and line not in kept and bare not in kept_bare:
            missing.append((page.numbered(index), line))
    return missing
