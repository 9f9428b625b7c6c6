"""The navigation in the document's order: a part's section after the pages before it, named as the part.

MkDocs lists a folder's files before its sub-folders and names a folder's
section after the folder; a review's part folder (``05-part-3/``) belongs
between the pages numbered before and after it, under the part's own title,
and the review's folder is named after the document it reviews. The plugin
arranges MkDocs' navigation so (``in_document_order``); for a generator that
runs no plugin (Zensical), ``configured_nav`` writes the same navigation as
a ``nav:`` setting.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from mkdocs.structure.files import _file_sort_key
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from ..writing.page_reader import read_text, split_front_matter
from ..writing.pages import page_order
from .reviews import ReviewInfo

LAST = 10**9  # pages reviewgen adds (the rebuttal index) come after the document


def document_place(src_uri: str) -> int:
    """Where a page of a review (``slug/...``) stands in the document; after it, when its name says nothing."""
    path = PurePosixPath(src_uri)
    order = page_order(Path(path.parts[0]), Path(path))
    return LAST if order is None else order


def entry_order(entry) -> int:
    if isinstance(entry, Section):
        index = next((child for child in entry.children if isinstance(child, Page) and child.is_index), None)
        return entry_order(index) if index is not None else LAST
    if isinstance(entry, Page):
        return document_place(entry.file.src_uri)
    return LAST


def arrange(section: Section, titles: dict[str, str]) -> None:
    """Order a review's section by the document; give each part's section the part's title."""
    landing = [child for child in section.children if isinstance(child, Page) and child.is_index]
    rest = sorted((child for child in section.children if child not in landing), key=entry_order)
    section.children = landing + rest
    for child in section.children:
        if isinstance(child, Section):
            index = next((page for page in child.children if isinstance(page, Page) and page.is_index), None)
            if index is not None and index.file.src_uri in titles:
                child.title = titles[index.file.src_uri]
            arrange(child, titles)


def in_document_order(nav: Navigation, review: ReviewInfo, titles: dict[str, str]) -> Navigation:
    """``titles``: a part's page (its ``src_uri``) -> the part's title."""
    for entry in nav.items:
        if isinstance(entry, Section) and any(
            isinstance(child, Page) and child.file.src_uri == f"{review.slug}/index.md" for child in entry.children
        ):
            entry.title = section_title(review)
            arrange(entry, titles)
    pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(pages)
    _add_parent_links(nav.items)
    return Navigation(nav.items, pages)


def section_title(review: ReviewInfo) -> str:
    """A review's section (a tab, with ``navigation.tabs``) is named after the document it reviews, as written."""
    return review.original_title or review.title


def found_pages(docs_dir: Path) -> list[str]:
    """The Markdown pages of ``docs_dir`` in the order MkDocs finds them: a folder's files (its index
    first), then its sub-folders, names sorted; hidden files and folders and a ``templates`` folder at
    the top left out, as MkDocs leaves them out by default."""
    found = []
    for folder, subfolders, names in os.walk(docs_dir, followlinks=True):
        top = Path(folder) == docs_dir
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and not (top and name == "templates"))
        pages = sorted((name for name in names if name.endswith(".md") and not name.startswith(".")), key=_file_sort_key)
        found.extend((Path(folder) / name).relative_to(docs_dir).as_posix() for name in pages)
    return found


def configured_nav(docs_dir: Path, reviews: list[ReviewInfo]) -> list:
    """The plugin's navigation as a ``nav:`` setting: MkDocs' own for the pages of ``docs_dir`` (folders
    as sections), each review's section named after its document and in the document's order, each
    part's section under the part's title."""
    nav = nest_paths(found_pages(docs_dir))
    for review in reviews:
        for place, entry in enumerate(nav):
            if isinstance(entry, dict) and f"{review.slug}/index.md" in next(iter(entry.values())):
                nav[place] = {section_title(review): arranged(docs_dir, next(iter(entry.values())))}
    return nav


def arranged(docs_dir: Path, children: list) -> list:
    """A section's entries (paths, and one-key mappings of a folder's title to its entries) in the
    document's order, its index first; a sub-folder with an index page named by that page's title."""
    def index_of(entries: list) -> str | None:
        return next((entry for entry in entries if isinstance(entry, str) and PurePosixPath(entry).name == "index.md"), None)

    def order(entry) -> int:
        if isinstance(entry, str):
            return document_place(entry)
        index = index_of(next(iter(entry.values())))
        return LAST if index is None else document_place(index)

    own = index_of(children)
    rest = sorted((entry for entry in children if entry != own), key=order)
    entries = [own] if own is not None else []
    for entry in rest:
        if isinstance(entry, dict):
            [(title, inner)] = entry.items()
            index = index_of(inner)
            if index is not None:
                title = str(split_front_matter(read_text(docs_dir / index))[0].get("title") or title)
            entry = {title: arranged(docs_dir, inner)}
        entries.append(entry)
    return entries
