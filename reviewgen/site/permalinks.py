"""Paragraph numbers as visible permalinks.

The button beside each that copies its link works only with script, so the
theme's ``reading.js`` writes it when the page opens, from the number's
link; ``review.js`` does the copying.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString

from ..document import ids as id_scheme
from ..document.html import parse, serialise
from .items import elements

NUMBER = re.compile(r"^(\s*)(\d+)\.")


def add_permalinks(html: str) -> str:
    soup = parse(html)
    link_numbers(soup)
    return serialise([soup])


def link_numbers(soup: BeautifulSoup) -> None:
    numbered = [element for element in elements(soup) if element.name == "p" and id_scheme.paragraph_number(element.get("id", "")) is not None]
    for paragraph in numbered:
        first = paragraph.contents[0] if paragraph.contents else None
        if not isinstance(first, NavigableString):
            continue
        match = NUMBER.match(str(first))
        if not match:
            continue
        number, item_id = match.group(2), paragraph["id"]
        # named, not titled: Material mounts a tooltip on every title as the page opens (a hundred on
        # the longest page), and pointing at the number shows its "Copy link" button already
        link = soup.new_tag("a", attrs={"class": "para-number", "href": f"#{item_id}", "aria-label": f"Link to paragraph {number}"})
        link.string = f"{number}."
        rest = NavigableString(str(first)[match.end():])
        first.replace_with(rest)
        rest.insert_before(link)
