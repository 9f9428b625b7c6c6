"""One pass over a review page: read its items, then lay it out for readers.

The page is parsed once; the items are read before anything moves, then the
rebuttals are placed, the paragraph numbers linked, what the per-item
search entries cover is marked for Material's search to skip, and each
acronym's expansion kept on its first use only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from ..document.html import serialise
from .abbreviations import titled_once
from .items import Item, analyse, ids_of, parse
from .layout import place
from .permalinks import link_numbers
from .reading import Review, add_reading_aids
from ..document.sanitise import Allowlist
from .safety import PAGE, clean_page, mark_external_links
from .search import exclude, exclude_lists
from .speakers import Place, item_places


@dataclass(frozen=True)
class EnhancedPage:
    html: str
    items: tuple[Item, ...] = ()
    removed: tuple[str, ...] = ()  # what the page allowlist took out of the rendered HTML
    places: dict[str, Place] = field(default_factory=dict)  # each item's reader's name and section, by id


@dataclass(frozen=True)
class ReadPage:
    """A review page parsed once and its items read, before anything on it moves: what the whole
    review is gathered from, and what ``finish`` lays out once the whole review is known."""

    soup: BeautifulSoup
    ids: dict[str, Tag]
    items: tuple[Item, ...]
    places: dict[str, Place]
    removed: tuple[str, ...]


def read_page(html: str) -> ReadPage:
    """A review page's rendered content, cleaned, parsed, its items and their places read."""
    cleaned = clean_page(html)
    soup = parse(cleaned.html)
    ids = ids_of(soup)
    return ReadPage(soup, ids, tuple(analyse(soup, ids)), item_places(soup), cleaned.removed)


def finish(
    page: ReadPage, label: str = "", permalinks: bool = True, search: bool = True,
    review: Review | None = None, here: str = "",
) -> EnhancedPage:
    """The page laid out for readers (its tree changed in place, as the print edition then takes it), serialised once."""
    soup = page.soup
    place(soup, page.ids, label)
    if permalinks:
        link_numbers(soup)
    if search:
        exclude(soup, page.ids)
    if review is not None:
        add_reading_aids(soup, page.places, review, here)
    mark_external_links(soup)
    titled_once(soup)
    return EnhancedPage(serialise([soup]), page.items, page.removed, page.places)


def enhance(
    html: str, label: str = "", permalinks: bool = True, search: bool = True,
    review: Review | None = None, here: str = "",
) -> EnhancedPage:
    """With ``review`` (the whole review, see ``reading.Review``) and ``here`` (this page's url from the
    site's root), the page's cross-references link, its items can be cited, and it can go to any paragraph."""
    return finish(read_page(html), label, permalinks, search, review, here)


def safe_page(html: str, allowlist: Allowlist = PAGE, unsearched_lists: bool = False) -> EnhancedPage:
    """A page that is not part of a review's text (a landing page, the home page): cleaned, links marked,
    and its lists kept out of search when they only repeat the text (the rebuttal index)."""
    cleaned = clean_page(html, allowlist)
    soup = parse(cleaned.html)
    mark_external_links(soup)
    titled_once(soup)
    if unsearched_lists:
        exclude_lists(soup)
    return EnhancedPage(serialise([soup]), (), cleaned.removed)
