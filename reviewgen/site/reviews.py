"""The reviews in a docs folder, found through their landing pages' front matter."""

from __future__ import annotations

from dataclasses import dataclass
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


def reviewed_pages(docs_dir: Path, slug: str, extensions: list, extension_configs: dict) -> list[ReviewedPage]:
    renderer = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
    pages = []
    for path in section_files(docs_dir, slug):
        fields, body = split_front_matter(read_text(path))
        soup = parse(renderer.reset().convert(body))
        relative = path.relative_to(docs_dir / slug)
        part = f"{relative.parent.as_posix()}/index.md" if len(relative.parts) > 1 and relative.name != "index.md" else ""
        title = str(fields.get("title") or path.stem)
        pages.append(ReviewedPage(
            relative.as_posix(), title, tuple(analyse(soup)), part,
            headings=page_headings(soup), references=page_references(soup), places=item_places(soup),
        ))
    return pages
