"""The navigation in the document's order: a part's section after the pages before it, named as the part.

MkDocs lists a folder's files before its sub-folders and names a folder's
section after the folder; a review's part folder (``05-part-3/``) belongs
between the pages numbered before and after it, under the part's own title.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from ..writing.pages import page_order

LAST = 10**9  # pages reviewgen adds (the rebuttal index) come after the document


def entry_order(entry) -> int:
    if isinstance(entry, Section):
        index = next((child for child in entry.children if isinstance(child, Page) and child.is_index), None)
        return entry_order(index) if index is not None else LAST
    if isinstance(entry, Page):
        path = PurePosixPath(entry.file.src_uri)
        order = page_order(Path(path.parts[0]), Path(path))
        return LAST if order is None else order
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


def in_document_order(nav: Navigation, slug: str, titles: dict[str, str]) -> Navigation:
    """``titles``: a part's page (its ``src_uri``) -> the part's title."""
    for entry in nav.items:
        if isinstance(entry, Section) and any(
            isinstance(child, Page) and child.file.src_uri == f"{slug}/index.md" for child in entry.children
        ):
            arrange(entry, titles)
    pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(pages)
    _add_parent_links(nav.items)
    return Navigation(nav.items, pages)
