"""Getting about a review: a box that goes to any paragraph by its number, and each rebuttal's
previous and next rebuttal, across the review's pages.

Both are built from the whole review's places (``crossrefs.review_places``),
known before any page is enhanced: the paragraph map is written once per
review as JSON (number -> page and anchor) for the theme's ``reading.js``;
the rebuttal links are plain links, which work without script.
"""

from __future__ import annotations

import posixpath
from typing import Mapping

from bs4 import BeautifulSoup

from ..document import ids as id_scheme
from .crossrefs import relative
from .items import first, named
from .search import EXCLUDE

MAP_NAME = "paragraphs.json"
TOOLS = "rebuttal-nav"
JUMP_BOX = "jump"  # the class of the box that goes to a paragraph


def paragraph_map(places: Mapping[str, str], folder: str) -> dict[str, str]:
    """``{"43": "04-part-2/#para-43"}``: each numbered paragraph's address, from the review's folder."""
    found = {}
    for key, target in places.items():
        number = id_scheme.paragraph_number(key)
        if number is not None:
            found[str(number)] = relative(target, folder.rstrip("/") + "/")
    return dict(sorted(found.items(), key=lambda pair: int(pair[0])))


def add_jump_box(soup: BeautifulSoup, map_url: str, here: str) -> None:
    """A form after the page's heading: a paragraph number, and a button that goes there."""
    form = soup.new_tag("form", attrs={
        "class": JUMP_BOX, "name": "jump", "data-map": relative(map_url, here), "role": "search", "aria-label": "Go to a paragraph",
        EXCLUDE: "true",  # a control, not the page's words: "Go to paragraph Go" is no search result
    })
    label = soup.new_tag("label", attrs={"for": "jump-to"})
    label.string = "Go to paragraph"
    box = soup.new_tag("input", attrs={
        "id": "jump-to", "type": "text", "name": "paragraph", "inputmode": "numeric",
        "autocomplete": "off", "placeholder": "43", "aria-keyshortcuts": "g",
    })
    go = soup.new_tag("button", attrs={"type": "submit"})
    go.string = "Go"
    form.extend([label, box, go])
    heading = first(soup, "h1")
    if heading is not None:
        heading.insert_after(form)
    else:
        soup.insert(0, form)


def add_rebuttal_links(
    soup: BeautifulSoup, order: tuple[str, ...], position: Mapping[str, int], places: Mapping[str, str], here: str,
) -> None:
    """Under each rebuttal: links to the rebuttal before it and after it in the review, wherever they are.
    ``position`` is each answered item's place in ``order`` (``positions``), counted once for the review."""
    addresses: dict[int, str | None] = {}  # each rebuttal's link from this page, made once though two others point to it

    def address(index: int) -> str | None:
        if index not in addresses:
            inside = 0 <= index < len(order) and order[index] in places
            addresses[index] = relative(places[order[index]], here) if inside else None
        return addresses[index]

    for aside in named(soup, "aside", "rebuttal"):
        index = position.get(aside.get("data-target", ""))
        if index is None:
            continue
        nav = soup.new_tag("span", attrs={"class": TOOLS, EXCLUDE: "true"})
        for step, rel, words in ((-1, "prev", "Previous rebuttal"), (1, "next", "Next rebuttal")):
            href = address(index + step)
            if href is not None:
                nav.append(soup.new_tag("a", attrs={"href": href, "rel": rel, "class": f"rebuttal-{rel}"}, string=words))
        if nav.contents:
            aside.append(nav)


def positions(order: tuple[str, ...]) -> dict[str, int]:
    """Each answered item's place in the review's ``order``."""
    return {item_id: index for index, item_id in enumerate(order)}


def map_location(slug: str) -> str:
    return posixpath.join(slug, MAP_NAME)
