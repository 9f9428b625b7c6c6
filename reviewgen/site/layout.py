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
from .edits import Positions, decompose_all, taken_out
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


def is_written(child) -> bool:
    """What of a footnote is moved beside its item: all but the blank text between its paragraphs."""
    return not (isinstance(child, NavigableString) and not child.strip())


def place(soup: BeautifulSoup, ids: dict[str, Tag], label: str = "") -> None:
    positions = Positions()
    found = elements(soup)  # one walk for the items and the footnote lists: placing a rebuttal makes or takes away no list
    footnote_lists = [element for element in found if element.name == "div" and has_class(element, "footnote")]
    placed = []  # the footnotes moved beside their items, taken out of their list at the end, all at once
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
        for child in taken_out(without_backlinks(note), is_written):  # moved as nodes: never re-parsed from a string
            aside.append(child)
        aside.append(back_link(soup, element, answered))
        name_markers(element, label, answered)
        placed.append(note)
        ids[aside["id"]] = aside
        wrapper = soup.new_tag("div", attrs={"class": "reviewed"})
        if element.name == "li":  # keep the list item (and its marker); the columns go inside it
            body = soup.new_tag("div", attrs={"class": "reviewed-text"})
            for child in taken_out(element, lambda child: True):
                body.append(child)
            wrapper.append(body)
            wrapper.append(aside)
            element.append(wrapper)
        else:
            positions.wrap(element, wrapper)
            wrapper.append(aside)
    decompose_all(placed)
    for footnotes in footnote_lists:
        if not named(footnotes, "li"):
            footnotes.decompose()


def place_rebuttals(html: str, label: str = "") -> str:
    soup = parse(html)
    place(soup, ids_of(soup), label)
    return serialise([soup])
