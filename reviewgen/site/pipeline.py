"""One pass over a review page: read its items, then lay it out for readers.

The page is parsed once; the items are read before anything moves, then the
rebuttals are placed, the paragraph numbers linked, and what the per-item
search entries cover is marked for Material's search to skip.
"""

from __future__ import annotations

from dataclasses import dataclass

from .items import Item, analyse, ids_of, parse
from .layout import place
from .permalinks import link_numbers
from .safety import clean_page, mark_external_links
from .search import exclude


@dataclass(frozen=True)
class EnhancedPage:
    html: str
    items: tuple[Item, ...]


def enhance(html: str, label: str = "", permalinks: bool = True, search: bool = True) -> EnhancedPage:
    soup = parse(clean_page(html))
    ids = ids_of(soup)
    items = tuple(analyse(soup, ids))
    place(soup, ids, label)
    if permalinks:
        link_numbers(soup)
    if search:
        exclude(soup, ids)
    mark_external_links(soup)
    return EnhancedPage(str(soup), items)


def safe_page(html: str) -> str:
    """A page that is not part of a review's text (a landing page, the home page): cleaned, links marked."""
    soup = parse(clean_page(html))
    mark_external_links(soup)
    return str(soup)
