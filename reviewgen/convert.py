"""The converter's public API: a source file -> pages in a content folder."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .config import SourceConfig, load_config
from .model import Document, Paragraph, document_items
from .output import Plan, apply, page_state, plan
from .pages import Page, review_pages, split_front_matter
from .parser import parse_file

CHECKSUM_LINE = re.compile(r"^checksum: \S+$", re.M)


@dataclass(frozen=True)
class Summary:
    pages: int
    paragraphs: int
    rebuttals: int
    furniture: int
    duplicates: int
    overrides: int
    written: int
    removed: int
    carried: int = 0
    notes: tuple[str, ...] = ()  # what a merge could not carry over
    removed_unsafe: tuple[str, ...] = ()  # "line N: removed ..." for each unsafe piece of markup

    def __str__(self) -> str:
        text = (
            f"{self.pages} pages, {self.paragraphs} numbered paragraphs, {self.rebuttals} rebuttals attached, "
            f"{self.furniture} furniture lines dropped, {self.duplicates} duplicate table rows dropped, "
            f"{self.overrides} overrides applied; {self.written} files written, {self.removed} removed"
        )
        if self.carried or self.notes:
            text += f"; {self.carried} editors' rebuttals carried over"
        unsafe = sum(1 for note in self.removed_unsafe if ": removed " in note)
        if unsafe:
            text += f"; {unsafe} unsafe pieces of markup removed"
        return "\n".join([text, *self.removed_unsafe, *self.notes])


def convert_document(source: Path, config: SourceConfig | None = None, encoding: str | None = None) -> tuple[Document, list[Page], SourceConfig]:
    config = config or load_config(source)
    document = parse_file(source, config, encoding)
    return document, review_pages(document, config), config


def summarise(document: Document, pages: list[Page], result: Plan | None = None, carried: int = 0, notes: tuple[str, ...] = ()) -> Summary:
    items = list(document_items(document))
    return Summary(
        pages=len(pages),
        paragraphs=sum(1 for item in items if isinstance(item, Paragraph) and item.number),
        rebuttals=sum(1 for item in items if item.rebuttal),
        furniture=sum(1 for dropped in document.dropped if dropped.reason == "furniture"),
        duplicates=sum(1 for dropped in document.dropped if dropped.reason == "duplicate table"),
        overrides=len(document.overrides_applied),
        written=len(result.writes) if result else 0,
        removed=len(result.removals) if result else 0,
        carried=carried,
        notes=notes,
        removed_unsafe=tuple(
            f"{document.source_name}:{d.line}: removed {d.text} (not allowed in a source)" if d.reason == "unsafe"
            else f"{document.source_name}:{d.line}: {d.text}"
            for d in document.dropped if d.reason in ("unsafe", "numbering")
        ),
    )


def merged_pages(document: Document, pages: list[Page], config: SourceConfig, out: Path) -> tuple[Document, list[Page], int, tuple[str, ...]]:
    """The pages with the editors' rebuttals carried over, and what could not be."""
    from .merge import editors_rebuttals, lines_not_carried, merge  # only a re-import reads pages back

    edited = [path for path in sorted((out / config.slug).glob("*.md")) if page_state(path) == "edited"]
    carried = [c for path in edited for c in editors_rebuttals(path)]
    document, leftover = merge(document, carried)
    plain = {page.path: page for page in pages}
    merged = []
    for page in review_pages(document, config):
        # Keep the plain conversion's checksum: the page stays "edited", so a later
        # conversion without --merge still refuses to overwrite the editors' words.
        fields, _ = split_front_matter(plain[page.path].text)
        merged.append(replace(page, text=CHECKSUM_LINE.sub(f"checksum: {fields['checksum']}", page.text, count=1)))
    notes = [f"not carried over: the rebuttal of #{c.item_id} in {c.page} (that item is no longer in the source): {c.markdown[:120]!r}" for c in leftover]
    texts = {out / page.path: page.text for page in merged}
    for path in edited:
        for line, text in lines_not_carried(path, texts.get(path, "")):
            notes.append(f"not carried over: {path}:{line}: {text[:120]!r}")
    return document, merged, len(carried) - len(leftover), tuple(notes)


def convert(source: Path, out: Path, force: bool = False, merge_edits: bool = False, encoding: str | None = None) -> Summary:
    """Convert ``source`` into ``out/<slug>/``; raises ReviewgenError on bad input or edited pages."""
    document, pages, config = convert_document(source, encoding=encoding)
    carried, notes = 0, ()
    if merge_edits:
        document, pages, carried, notes = merged_pages(document, pages, config, out)
    result = plan(out, config.slug, pages)
    apply(result, force or merge_edits)
    return summarise(document, pages, result, carried, notes)
