"""What a review page gets to be read, cited and moved about in: cross-references that link,
a citation for every item, a box that goes to a paragraph, and links between rebuttals.

Each is a pure function of the parsed page and of what the whole review
holds (``Review``), which the generator's adapter gathers before any page is
enhanced, so the plugin and any post-build step make the same page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping

from bs4 import BeautifulSoup

from .citations import Citing, add_citations
from .crossrefs import link_references
from .jump import add_jump_box, add_rebuttal_links, map_location, positions
from .speakers import Place


@dataclass(frozen=True)
class Review:
    """The whole review, as each of its pages needs to know it."""

    slug: str
    citing: Citing
    places: Mapping[str, str] = field(default_factory=dict)  # what a cross-reference names -> url#anchor, from the site's root
    rebuttals: tuple[str, ...] = ()  # the answered items' ids, in the document's order

    @cached_property
    def rebuttal_positions(self) -> dict[str, int]:
        """Each answered item's place in ``rebuttals``: counted once for the review, not once per page."""
        return positions(self.rebuttals)


def add_reading_aids(soup: BeautifulSoup, items: dict[str, Place], review: Review, here: str) -> None:
    """``here`` is the page's url from the site's root; ``items`` its items' places (``speakers.item_places``)."""
    link_references(soup, review.places, here)
    add_citations(soup, items, review.citing)
    add_rebuttal_links(soup, review.rebuttals, review.rebuttal_positions, review.places, here)
    add_jump_box(soup, map_location(review.slug), here)
