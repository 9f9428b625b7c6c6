"""Paragraph numbers as visible permalinks.

The button beside each that copies its link works only with script, so the
theme's ``reading.js`` writes it when the page opens, from the number's
link; ``review.js`` does the copying.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString

from ..document import ids as id_scheme
from ..document.html import parse, serialise
from .items import elements

# Any number as the original writes it, compared with the paragraph's own after the match: one pattern
# for the page, where one compiled for each paragraph's number cost more than the rest of the linking.
WRITTEN = id_scheme.written_number(r"\d+")


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
        number = id_scheme.paragraph_number(paragraph["id"])
        text = str(first)
        written = WRITTEN.match(text, len(text) - len(text.lstrip()))
        following = text[written.end():written.end() + 1] if written else ""
        if written is None or int(written.group(1)) != number or (following and not following.isspace()):  # "43." or "Para 43", not "430" nor "43.5"
            continue
        # named, not titled: Material mounts a tooltip on every title as the page opens (a hundred on
        # the longest page), and pointing at the number shows its "Copy link" button already
        link = soup.new_tag("a", attrs={"class": "para-number", "href": f"#{paragraph['id']}", "aria-label": f"Link to paragraph {number}"})
        link.string = written.group(0)
        rest = NavigableString(text[written.end():])
        first.replace_with(rest)
        rest.insert_before(link)
        if written.start():
            link.insert_before(NavigableString(text[:written.start()]))
