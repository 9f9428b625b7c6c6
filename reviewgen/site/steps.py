"""The site features as one pipeline any generator's output can go through.

The MkDocs plugin calls these steps from its hooks while MkDocs builds;
``reviewgen enhance`` calls the same steps over a site another generator
(Zensical, or MkDocs without the plugin) has already written. Neither has
a copy of its own, so the two cannot drift apart: what a page becomes is
decided here, from its place in the review and its rendered HTML.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Sequence

from bs4 import BeautifulSoup

from ..document.html import serialise
from .abbreviations import titled_once
from .annotations import AnnotatedPage, collection
from .citations import Citing
from .crossrefs import review_places
from .downloads import CSV_NAME, JSON_NAME, as_csv, as_json, downloads_markdown, review_rows
from .index_page import ReviewedPage, bar_chart, landing_figures
from .jump import add_jump_box, map_location, paragraph_map
from .items import parse
from .parts import part_contents
from .pipeline import EnhancedPage, ReadPage, finish, read_page, safe_page
from .print_edition import PRINT_NAME, join_sections, print_body, print_markdown
from .reading import Review
from .reviews import INDEX_NAME, ReviewInfo
from .safety import INDEX_PAGE, PAGE, clean_page, mark_external_links
from .search import clean_entries, merge_into_index


@dataclass(frozen=True)
class Features:
    """Which site features are on: the plugin's options, whoever applies them."""

    rebuttal_index: bool = True
    paragraph_search: bool = True
    abbreviations: bool = True
    permalinks: bool = True
    reading: bool = True  # cross-references, citations, the paragraph box, links between rebuttals, downloads, print
    annotations: str = "annotations.jsonld"  # the export's file name; "" for none

    @classmethod
    def from_options(cls, options: dict) -> "Features":
        known = {name: options[name] for name in cls.__dataclass_fields__ if name in options}
        return cls(**known)


class PageKind(Enum):
    REVIEW_TEXT = "a page of a review's text: rebuttals placed, paragraphs linked, items indexed"
    REBUTTAL_INDEX = "the review's list of rebuttals: kept out of search but for its headings"
    PRINT_EDITION = "the whole review on one page: laid out and linked, but not searched, exported or warned about again"
    OTHER = "any other page (a landing page, the home page): cleaned, links marked"


def page_kind(src_uri: str, reviews: dict[str, ReviewInfo]) -> tuple[PageKind, str | None]:
    """What a page is, from its Markdown file's path in the docs folder, and the review it belongs to."""
    slug, _, name = src_uri.partition("/")
    if slug not in reviews or not name:
        return PageKind.OTHER, None
    if name == INDEX_NAME:
        return PageKind.REBUTTAL_INDEX, slug
    if name == PRINT_NAME:
        return PageKind.PRINT_EDITION, slug
    if name == "index.md":
        return PageKind.OTHER, slug
    return PageKind.REVIEW_TEXT, slug


def reading_rank(src_uri: str, reviews: dict[str, ReviewInfo]) -> int:
    """When a page is rendered in a build that reads every page of text before it lays any out: the pages
    of text first (a part's own page after the pages it holds, whose counts it lists), then the pages
    that show the whole review's counts (landing and home pages), then the pages made of it all."""
    kind, _ = page_kind(src_uri, reviews)
    if kind is PageKind.REVIEW_TEXT:
        return 1 if src_uri.endswith("/index.md") else 0
    return 3 if kind in (PageKind.REBUTTAL_INDEX, PageKind.PRINT_EDITION) else 2


def page_content(
    html: str, kind: PageKind, review: ReviewInfo | None, features: Features, reading: Review | None = None, here: str = "",
) -> EnhancedPage:
    """A page's rendered content (the article, not the theme around it) as readers get it. ``reading`` is what
    the whole review holds (``reading_of``) for this page, ``here`` the page's url from the site's root."""
    reading = reading if features.reading else None
    if kind is PageKind.REVIEW_TEXT and review is not None:
        return finished_text_page(read_page(html), review, features, reading, here)
    index = kind is PageKind.REBUTTAL_INDEX
    return safe_page(html, INDEX_PAGE if index else PAGE, unsearched_lists=index and features.paragraph_search)


def print_content(
    head: str, sections: Sequence[tuple[str, BeautifulSoup]], review: ReviewInfo, features: Features, here: str,
) -> EnhancedPage:
    """The print edition's content at ``here``: its head (rendered from its Markdown, ``print_file``), cleaned,
    then each section as its own page shows it (its address from the site's root and its tree as ``finish``
    laid it out, changed in place: its page is written), joined as one page (``join_sections``). Nothing is
    laid out twice, and no removal is named again: each section's own page names its own."""
    page = parse(clean_page(head).html)
    mark_external_links(page)
    if features.reading:
        add_jump_box(page, map_location(review.slug), here)
    join_sections(page, sections, here)
    used: set[tuple[str, str]] = set()  # each acronym's expansion on its first use in the whole review, not in each section
    for part in [page, *(section for _, section in sections)]:
        titled_once(part, used)
    return EnhancedPage(serialise([page]) + print_body(serialise([section]) for _, section in sections))


def finished_text_page(page: ReadPage, review: ReviewInfo, features: Features, reading: Review | None, here: str) -> EnhancedPage:
    """A review text page read with ``read_page`` (as ``page_content`` would have read it), laid out once
    the whole review is known: the same page ``page_content`` makes of its HTML."""
    return finish(page, review.reviewer, features.permalinks, features.paragraph_search, reading if features.reading else None, here)


def added_markdown(src_uri: str, reviews: dict[str, ReviewInfo], pages: dict[str, list[ReviewedPage]], features: Features) -> str:
    """What reviewgen adds to a page's Markdown: the counts on the home page of a one-review site and
    on a review's landing page, and the list of what a part holds on a part's page."""
    kind, slug = page_kind(src_uri, reviews)
    if src_uri == "index.md" and len(reviews) == 1 and features.rebuttal_index:
        only = next(iter(reviews))  # the home page is that review: its counts and chart too
        return "\n" + landing_figures(pages[only], f"{only}/{INDEX_NAME}")
    if slug is None:
        return ""
    added = ""
    if src_uri == f"{slug}/index.md" and features.rebuttal_index:
        added += "\n" + landing_figures(pages[slug], INDEX_NAME)
    here = next((page for page in pages[slug] if f"{slug}/{page.path}" == src_uri), None)
    if here is not None:
        added += "\n\n" + part_contents(here, pages[slug])
    if src_uri == f"{slug}/index.md" and features.reading:
        added += "\n" + downloads_markdown(features.annotations, PRINT_NAME)
    return added


Located = list[tuple[str, ReviewedPage]]  # a review's section pages with their urls from the site's root


def reading_files(review: ReviewInfo, located: Located) -> dict[str, str]:
    """The files a review's pages link to, by path in the docs folder: the print edition (Markdown, a page),
    the paragraph box's map and the downloads."""
    return {**print_file(review), **data_files(review, located)}


def print_file(review: ReviewInfo) -> dict[str, str]:
    """The print edition's Markdown, by its path: its head alone (the sections follow it in ``print_content``),
    so it can be written before any page is read."""
    return {f"{review.slug}/{PRINT_NAME}": print_markdown(review.title, review.original_title, review.reviewer)}


def data_paths(slug: str) -> tuple[str, str, str]:
    """Where the paragraph box's map and the downloads go in the docs folder: known before any page is read."""
    return map_location(slug), f"{slug}/{CSV_NAME}", f"{slug}/{JSON_NAME}"


def data_files(review: ReviewInfo, located: Located) -> dict[str, str]:
    """The paragraph box's map and the downloads, by path: made of the pages' items."""
    rows = review_rows(located, review.reviewer, review.slug)
    contents = (
        json.dumps(paragraph_map(review_places(located), review.slug), indent=1),
        as_csv(rows),
        as_json(rows, review.title, review.reviewer, review.original_title),
    )
    return dict(zip(data_paths(review.slug), contents))


def reading_of(review: ReviewInfo, located: Located) -> dict[str, Review]:
    """What the review's pages link into, under its slug (the print edition points its places at itself
    once its sections are joined: ``print_content``)."""
    answered = tuple(item.item_id for _, page in located for item in page.items if item.rebuttal_html)
    citing = Citing(review.title, review.reviewer, review.original_title)
    return {review.slug: Review(review.slug, citing, review_places(located), answered)}


def reading_for(src_uri: str, readings: dict[str, Review]) -> Review | None:
    """What the page at ``src_uri`` links into: its review's."""
    return readings.get(src_uri.partition("/")[0])


def added_html(src_uri: str, reviews: dict[str, ReviewInfo], pages: dict[str, list[ReviewedPage]], features: Features) -> str:
    """What reviewgen adds to a page's HTML once cleaned: the chart of the home page of a one-review site
    (reviewgen's own markup, SVG from escaped titles and counts, as on the rebuttal index)."""
    if src_uri == "index.md" and len(reviews) == 1 and features.rebuttal_index:
        return "\n" + bar_chart(pages[next(iter(reviews))], parts_only=True)
    return ""


def finished_index(index: dict, entries: list[dict], paragraph_search: bool) -> dict:
    """A generator's search index with the per-item entries in and every entry through the allowlist."""
    return clean_entries(merge_into_index(index, entries) if paragraph_search else index)


def annotation_files(annotated: list[AnnotatedPage], reviews: dict[str, ReviewInfo], name: str) -> dict[str, dict]:
    """The annotation export: one per review in its folder, and, when the site holds several reviews,
    one for them all at its root (with one review that would be the same file twice)."""
    if not name or not reviews:
        return {}
    files = {}
    if len(reviews) > 1:
        files[name] = collection(annotated, name, " and ".join(review.title for review in reviews.values()))
    for slug, review in reviews.items():
        mine = [page for page in annotated if page.url.startswith(f"{slug}/")]
        files[f"{slug}/{name}"] = collection(mine, name, review.title)
    return files


def write_json(path: Path, data: dict, compact: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    shape = {"separators": (",", ":")} if compact else {"ensure_ascii": False, "indent": 1}
    path.write_text(json.dumps(data, **shape), encoding="utf-8")
