"""Rebuttals beside their paragraphs.

Each footnote definition moves out of the list at the foot of the page and
into an ``<aside class="rebuttal" data-target="ID">`` right after the item it
answers; the item and its aside are wrapped in ``<div class="reviewed">``,
which the stylesheet lays out as two columns on a wide screen and as one
below that, and in print. The footnote reference stays in the paragraph and
now points at the aside, which takes over the footnote's id, so screen
readers, tooltips and stock links all keep working. Nothing appears twice.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from ..document import ids as id_scheme
from ..document.html import serialise
from .items import elements, has_class, ids_of, is_item, named, parse, rebuttal_of, without_backlinks
from .speakers import item_name


def name_markers(element: Tag, label: str, answered: str) -> None:
    """The footnote reference says what it is: "¶ 43" to the eye, "Mandate Now on paragraph 43" to a screen reader."""
    number = id_scheme.paragraph_number(element["id"])
    for ref in named(element, "a", "footnote-ref"):
        ref.string = f"¶\u00a0{number}" if number is not None else "¶"
        ref["aria-label"] = f"{label or 'Rebuttal'} on {answered}"


def back_link(soup: BeautifulSoup, element: Tag, answered: str) -> Tag:
    link = soup.new_tag("a", attrs={"class": "rebuttal-back", "href": f"#{element['id']}"})
    link.string = f"Back to {answered}"
    return link


class Positions:
    """Each item's place among its parent's children, counted once per parent: Beautiful Soup's ``wrap``
    finds an element by scanning its parent's children, so wrapping every item of a long page (the
    print edition) one by one would take time in the square of its length. A wrap keeps every
    sibling where it was, so the count stays true while the rebuttals are placed."""

    def __init__(self) -> None:
        self.counted: dict[int, dict[int, int]] = {}

    def wrap(self, element: Tag, wrapper: Tag) -> None:
        parent = element.parent
        places = self.counted.get(id(parent))
        if places is None:
            places = self.counted[id(parent)] = {id(child): n for n, child in enumerate(parent.contents)}
        position = places.get(id(element))
        if position is None or position >= len(parent.contents) or parent.contents[position] is not element:
            element.wrap(wrapper)  # the parent changed some other way: let Beautiful Soup find it
            return
        element.extract(_self_index=position)
        parent.insert(position, wrapper)
        wrapper.append(element)
        places[id(wrapper)] = position


def place(soup: BeautifulSoup, ids: dict[str, Tag], label: str = "") -> None:
    positions = Positions()
    found = elements(soup)  # one walk for the items and the footnote lists: placing a rebuttal makes or takes away no list
    footnote_lists = [element for element in found if element.name == "div" and has_class(element, "footnote")]
    for element in [element for element in found if is_item(element)]:
        note = rebuttal_of(ids, element)
        if note is None or note.name != "li":
            continue
        answered = item_name(element)  # "paragraph 43", "the bullet after paragraph 39, “Disruptions will …”"
        attrs = {"class": "rebuttal", "data-target": element["id"], "id": note["id"]}
        attrs["aria-label"] = f"{label or 'Rebuttal'} on {answered}"  # each aside its own name
        if label:
            attrs["data-label"] = label
        aside = soup.new_tag("aside", attrs=attrs)
        for child in list(without_backlinks(note).children):  # moved as nodes: never re-parsed from a string
            if not (isinstance(child, NavigableString) and not child.strip()):
                aside.append(child.extract())
        aside.append(back_link(soup, element, answered))
        name_markers(element, label, answered)
        note.decompose()
        ids[aside["id"]] = aside
        wrapper = soup.new_tag("div", attrs={"class": "reviewed"})
        if element.name == "li":  # keep the list item (and its marker); the columns go inside it
            body = soup.new_tag("div", attrs={"class": "reviewed-text"})
            for child in list(element.children):
                body.append(child.extract())
            wrapper.append(body)
            wrapper.append(aside)
            element.append(wrapper)
        else:
            positions.wrap(element, wrapper)
            wrapper.append(aside)
    for footnotes in footnote_lists:
        if not named(footnotes, "li"):
            footnotes.decompose()


def place_rebuttals(html: str, label: str = "") -> str:
    soup = parse(html)
    place(soup, ids_of(soup), label)
    return serialise([soup])
