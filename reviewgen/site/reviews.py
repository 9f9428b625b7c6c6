"""The reviews in a docs folder, found through their landing pages' front matter."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import markdown

from ..writing.page_reader import read_text, split_front_matter
from ..writing.pages import landing_pages, section_files
from .index_page import ReviewedPage
from .crossrefs import page_headings, page_references
from .items import analyse, parse
from .speakers import item_places

INDEX_NAME = "rebuttals.md"


@dataclass(frozen=True)
class ReviewInfo:
    slug: str
    title: str
    reviewer: str
    description: str
    original_title: str


def find_reviews(docs_dir: Path) -> list[ReviewInfo]:
    return [
        ReviewInfo(
            str(fields["review"]), str(fields.get("title") or fields["review"]),
            str(fields.get("reviewer") or ""), str(fields.get("description") or ""),
            str((fields.get("original") or {}).get("title") or fields.get("title") or ""),
        )
        for _, fields in landing_pages(docs_dir)
    ]


def outlined_page(docs_dir: Path, slug: str, path: Path, markdown_text: str) -> ReviewedPage:
    """A section page as its file gives it (its path in the review, title and part), its items not yet read."""
    fields, _ = split_front_matter(markdown_text)
    relative = path.relative_to(docs_dir / slug)
    part = f"{relative.parent.as_posix()}/index.md" if len(relative.parts) > 1 and relative.name != "index.md" else ""
    return ReviewedPage(relative.as_posix(), str(fields.get("title") or path.stem), (), part)


def with_items(outline: ReviewedPage, soup, items, places: dict) -> ReviewedPage:
    """An outlined page with what its rendered HTML (parsed, not yet laid out) holds: its items, their
    places (``speakers.item_places``) and its headings."""
    return replace(outline, items=tuple(items), headings=page_headings(soup), places=places)


def reviewed_pages(docs_dir: Path, slug: str, extensions: list, extension_configs: dict) -> list[ReviewedPage]:
    """Every section page of a review, its Markdown rendered here: for a site some other generator built."""
    renderer = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
    pages = []
    for path in section_files(docs_dir, slug):
        text = read_text(path)
        soup = parse(renderer.reset().convert(split_front_matter(text)[1]))
        page = with_items(outlined_page(docs_dir, slug, path, text), soup, analyse(soup), item_places(soup))
        pages.append(replace(page, references=page_references(soup)))
    return pages
