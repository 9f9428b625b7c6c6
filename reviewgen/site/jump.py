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
    form = soup.new_tag("form", attrs={"class": JUMP_BOX, "name": "jump", "data-map": relative(map_url, here), "role": "search", "aria-label": "Go to a paragraph"})
    label = soup.new_tag("label", attrs={"for": "jump-to"})
    label.string = "Go to paragraph"
    box = soup.new_tag("input", attrs={
        "id": "jump-to", "type": "text", "name": "paragraph", "inputmode": "numeric",
        "autocomplete": "off", "placeholder": "43", "aria-keyshortcuts": "g",
    })
    go = soup.new_tag("button", attrs={"type": "submit"})
    go.string = "Go"
    form.extend([label, box, go])
    heading = soup.find("h1")
    if heading is not None:
        heading.insert_after(form)
    else:
        soup.insert(0, form)


def add_rebuttal_links(soup: BeautifulSoup, order: tuple[str, ...], places: Mapping[str, str], here: str) -> None:
    """Under each rebuttal: links to the rebuttal before it and after it in the review, wherever they are."""
    position = {item_id: index for index, item_id in enumerate(order)}
    for aside in soup.find_all("aside", class_="rebuttal"):
        index = position.get(aside.get("data-target", ""))
        if index is None:
            continue
        nav = soup.new_tag("span", attrs={"class": TOOLS, "data-search-exclude": "true"})
        for step, rel, words in ((-1, "prev", "Previous rebuttal"), (1, "next", "Next rebuttal")):
            neighbour = index + step
            if 0 <= neighbour < len(order) and order[neighbour] in places:
                link = soup.new_tag("a", attrs={"href": relative(places[order[neighbour]], here), "rel": rel, "class": f"rebuttal-{rel}"})
                link.string = words
                nav.append(link)
        if nav.contents:
            aside.append(nav)


def map_location(slug: str) -> str:
    return posixpath.join(slug, MAP_NAME)
