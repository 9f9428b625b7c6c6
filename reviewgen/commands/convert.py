"""The converter's public API: a source file -> pages in a content folder."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..document.config import SourceConfig, load_config
from ..document.model import NOTE_REASONS, Document, DropReason, Paragraph, document_items
from ..writing.output import Plan, apply, page_state, plan, recover_interrupted
from .overrides import check_effects, check_lines
from ..writing.page_reader import split_front_matter
from ..writing.pages import Page, review_pages
from ..reading.cells import CellReader
from ..reading.parser import parse_file
from ..document.plural import count
from ..reading.source import read_source

if TYPE_CHECKING:
    from .merge import Held, Merged


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
    added: int = 0  # editors' rebuttals where the source has none, carried over by --merge
    changed: int = 0  # editors' rebuttals that differ from the source's, carried over
    held: int = 0  # editors' rebuttals kept in a holding section for an editor to place
    withdrawn: int = 0  # the source's rebuttals the editors deleted or moved, left off their items
    notes: tuple[str, ...] = ()  # what a merge could not carry over
    line_notes: tuple[str, ...] = ()  # a note per line: each unsafe piece of markup removed, each close call
    unsafe: int = 0  # the unsafe pieces of markup removed

    def __str__(self) -> str:
        text = (
            f"{count(self.pages, 'page')}, {count(self.paragraphs, 'numbered paragraph')}, {count(self.rebuttals, 'rebuttal')} attached, "
            f"{count(self.furniture, 'furniture line')} dropped, {count(self.duplicates, 'duplicate table row')} dropped, "
            f"{count(self.overrides, 'override')} applied; {count(self.written, 'file')} written, {self.removed} removed"
        )
        if self.added or self.changed or self.held or self.withdrawn or self.notes:
            text += (
                f"; editors' rebuttals carried over: {self.added} added, {self.changed} changed"
                f" (on the items they answer), {self.held} awaiting a paragraph"
            )
        if self.withdrawn:
            text += f"; {count(self.withdrawn, 'rebuttal')} of the source's that the editors deleted or moved left off {'its item' if self.withdrawn == 1 else 'their items'}"
        if self.unsafe:
            text += f"; {count(self.unsafe, 'unsafe piece')} of markup removed"
        return "\n".join([text, *self.line_notes, *self.notes])


def convert_document(source: Path, config: SourceConfig | None = None, encoding: str | None = None) -> tuple[Document, list[Page], SourceConfig]:
    config = config or load_config(source)
    cells = CellReader(remember=bool(config.overrides))  # each override is checked by converting again without it
    document = parse_file(source, config, encoding, cells)
    if config.overrides:
        check_lines(source, config, read_source(source, encoding))
        check_effects(config, document, lambda other: parse_file(source, other, encoding, cells))
    return document, review_pages(document, config), config


def summarise(document: Document, pages: list[Page], result: Plan | None = None, merged: Merged | None = None, notes: tuple[str, ...] = ()) -> Summary:
    items = list(document_items(document))
    return Summary(
        pages=len(pages),
        paragraphs=sum(1 for item in items if isinstance(item, Paragraph) and item.number),
        rebuttals=sum(1 for item in items if item.rebuttal),
        furniture=sum(1 for dropped in document.dropped if dropped.reason is DropReason.FURNITURE),
        duplicates=sum(1 for dropped in document.dropped if dropped.reason is DropReason.DUPLICATE_TABLE),
        overrides=len(document.overrides_applied),
        written=len(result.writes) if result else 0,
        removed=len(result.removals) if result else 0,
        added=merged.added if merged else 0,
        changed=merged.changed if merged else 0,
        held=len(merged.held) if merged else 0,
        withdrawn=merged.withdrawn if merged else 0,
        notes=notes,
        unsafe=sum(1 for d in document.dropped if d.reason is DropReason.UNSAFE),
        line_notes=tuple(
            f"{document.source_name}:{d.line}: removed {d.text} (not allowed in a source)" if d.reason is DropReason.UNSAFE
            else f"{document.source_name}:{d.line}: {d.text}"
            for d in document.dropped if d.reason in {DropReason.UNSAFE, *NOTE_REASONS}
        ),
    )


def merged_pages(document: Document, pages: list[Page], config: SourceConfig, out: Path) -> tuple[Document, list[Page], Merged | None, tuple[str, ...]]:
    """The pages with the editors' rebuttals carried over, and what could not be."""
    from .merge import editors_rebuttals, held_markdown, holding_section, lines_not_carried, merge, note, withdrawn_rebuttals  # only a re-import reads pages back
    from ..writing.page_reader import read_page

    edited = [path for path in sorted((out / config.slug).rglob("*.md")) if page_state(path) == "edited"]
    carried = {path: editors_rebuttals(path) for path in edited}
    withdrawn = set().union(*(withdrawn_rebuttals(path, theirs) for path, theirs in carried.items()))
    result = merge(document, [rebuttal for theirs in carried.values() for rebuttal in theirs], withdrawn)
    plain = {page.path: page for page in pages}
    merged = {page.path: page for page in review_pages(result.document, config)}
    sections = {section_name(Path(path).name): path for path in merged if path != f"{config.slug}/index.md"}
    fallback = list(sections.values())[-1]  # a page whose section is gone: its rebuttals wait on the last page
    kept: dict[str, list[str]] = {}
    held: dict[str, list[Held]] = {}
    for path in edited:
        page, _ = read_page(path)
        if page is not None and (waiting := held_markdown(page)):
            kept.setdefault(sections.get(section_name(path.name), fallback), []).append(waiting)
    notes = []
    for rebuttal in result.held:
        page = sections.get(section_name(rebuttal.carried.page.name), fallback)
        held.setdefault(page, []).append(rebuttal)
        notes.append(note(rebuttal, str(out / page)))
    pages_out = []
    for path, page in merged.items():
        body = split_front_matter(page.text)[1]
        if extra := holding_section(kept.get(path, []), held.get(path, [])):
            body = body.rstrip("\n") + "\n\n" + extra
        # The plain conversion's front matter: its checksum keeps the page "edited", so a later
        # conversion without --merge still refuses to overwrite the editors' words, and its
        # fingerprints keep telling the editors' rebuttals from the source's at the next merge.
        plain_text = plain[path].text
        front = plain_text[: len(plain_text) - len(split_front_matter(plain_text)[1])]
        pages_out.append(replace(page, text=front + body))
    texts = {out / page.path: page.text for page in pages_out}
    for path in edited:
        for line, text in lines_not_carried(path, texts.get(path, "")):
            notes.append(f"not carried over: {path}:{line}: {text[:120]!r}; copy it back where it belongs")
    return result.document, pages_out, result, tuple(notes)


def section_name(file_name: str) -> str:
    """A page's section, without the order its file name starts with: 04-part-2.md -> part-2."""
    return Path(file_name).stem.split("-", 1)[-1] if file_name[:1].isdigit() else Path(file_name).stem


def convert(source: Path, out: Path, force: bool = False, merge_edits: bool = False, encoding: str | None = None) -> Summary:
    """Convert ``source`` into ``out/<slug>/``; raises ReviewgenError on bad input or edited pages."""
    document, pages, config = convert_document(source, encoding=encoding)
    recover_interrupted(out, config.slug)  # a conversion killed half-way is undone before the pages are read
    merged, notes = None, ()
    if merge_edits:
        document, pages, merged, notes = merged_pages(document, pages, config, out)
    result = plan(out, config.slug, pages)
    apply(result, force, merge=merge_edits)
    return summarise(document, pages, result, merged, notes)
