"""A citation for every item: a link a keyboard reaches and a "cite" action, beside each paragraph,
bullet and figure of the original.

The build writes, at the end of each item, a ``span.cite-tools`` naming the
item (``data-label``: "Paragraph 43"; ``data-named``: "paragraph 43", for
the accessible names) and, for an item without a numbered paragraph's own
link, the link: plain markup, which works without script. The two cite
buttons work only with script, so the theme's ``reading.js`` writes them
into that span when the page opens (on the longest page they would be a
fifth of its HTML) and does the copying, from the page itself: the item's
words, the first words of its rebuttal, and the review's and the original's
titles, which the page carries once in a ``div.cite-context``. Their labels
are drawn by CSS, so the original's text stays the original's when a reader
selects and copies it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from ..document import ids as id_scheme
from .items import has_class, item_elements
from .speakers import HEADINGS, Place

TOOLS = "cite-tools"

CONTEXT = "cite-context"  # the page's titles, which every citation of it names: once on a page


@dataclass(frozen=True)
class Citing:
    """What a citation names besides the item: the review, who wrote it, and the document it answers."""

    review: str
    reviewer: str
    original: str


def holder(element: Tag) -> Tag:
    """Where an item's own words end: a list item's text part once its rebuttal is beside it."""
    wrapper = child_div(element, "reviewed") if element.name == "li" else None
    text_part = child_div(wrapper, "reviewed-text") if wrapper is not None else None
    return text_part or element


def child_div(element: Tag, class_name: str) -> Tag | None:
    """``element``'s first child ``div`` of that class (as ``find(..., recursive=False)``, in a plain loop)."""
    return next((child for child in element.contents if type(child) is Tag and child.name == "div" and has_class(child, class_name)), None)


def tools(soup: BeautifulSoup, item_id: str, place: Place) -> Tag:
    """Where ``reading.js`` puts the item's cite buttons, with what they name it."""
    span = soup.new_tag("span", attrs={
        "class": TOOLS, "data-search-exclude": "true", "data-label": place.label, "data-named": place.named,
    })
    if id_scheme.paragraph_number(item_id) is None:  # a numbered paragraph's number is its link already
        span.append(soup.new_tag("a", attrs={"class": "item-link", "href": f"#{item_id}", "aria-label": f"Link to {place.named}"}))
    return span


def add_citations(soup: BeautifulSoup, places: dict[str, Place], citing: Citing) -> None:
    """A link and the cite actions' place at the end of every item but a heading; the page's context once."""
    for element in item_elements(soup):
        if element.name in HEADINGS or element["id"] not in places:
            continue
        holder(element).append(tools(soup, element["id"], places[element["id"]]))
    context = soup.new_tag("div", attrs={
        "class": CONTEXT, "hidden": "", "data-review": citing.review,
        "data-reviewer": citing.reviewer, "data-original": citing.original,
    })
    soup.insert(0, context)
