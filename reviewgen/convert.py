"""The converter's public API: a source file -> pages in a content folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import SourceConfig, load_config
from .model import Document, Paragraph, document_items
from .output import Plan, apply, plan
from .pages import Page, review_pages
from .parser import parse_file


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

    def __str__(self) -> str:
        return (
            f"{self.pages} pages, {self.paragraphs} numbered paragraphs, {self.rebuttals} rebuttals attached, "
            f"{self.furniture} furniture lines dropped, {self.duplicates} duplicate table rows dropped, "
            f"{self.overrides} overrides applied; {self.written} files written, {self.removed} removed"
        )


def convert_document(source: Path, config: SourceConfig | None = None) -> tuple[Document, list[Page], SourceConfig]:
    config = config or load_config(source)
    document = parse_file(source, config)
    return document, review_pages(document, config), config


def summarise(document: Document, pages: list[Page], result: Plan | None = None) -> Summary:
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
    )


def convert(source: Path, out: Path, force: bool = False) -> Summary:
    """Convert ``source`` into ``out/<slug>/``; raises ReviewgenError on bad input or edited pages."""
    document, pages, config = convert_document(source)
    result = plan(out, config.slug, pages)
    apply(result, force)
    return summarise(document, pages, result)
