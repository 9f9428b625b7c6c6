"""Whose words, and where: a reader's name for each item of the original and for its rebuttal.

A search result, a citation or a list of rebuttals names what it shows the
way a reader would point to it: "Paragraph 43", "Figure 5", or for an item
the original left unnumbered, what it is and where ("Bullet after paragraph
39 · 2.1 Scale and prevalence"), never an id or "Unnumbered text". A
rebuttal is named after its speaker: "Mandate Now on paragraph 43".
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from ..document import ids as id_scheme
from .items import Item, elements, is_item, text_of

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# What an unnumbered item is, by the element the original's text became.
KINDS = {"li": "Bullet", "blockquote": "Quotation", "p": "Text"}
TITLE_WORDS = 10


@dataclass(frozen=True)
class Place:
    """Where an item is: what it is ("Paragraph 43", "Bullet after paragraph 39") and its section's heading."""

    label: str
    section: str = ""  # the nearest heading above it ("2.1 Scale and prevalence"), "" when that is the page's own
    numbered: bool = False  # named by the original's own number: a paragraph or a figure

    def title(self, page_title: str) -> str:
        """A numbered item with its page ("Paragraph 43 · Part 2: …"), any other with its section."""
        return f"{self.label} · {page_title if self.numbered else self.section or page_title}"

    @property
    def named(self) -> str:
        """The item in a sentence: "paragraph 43", "the bullet after paragraph 39"."""
        lowered = self.label[:1].lower() + self.label[1:]
        return lowered if self.numbered else f"the {lowered}"

    def answered_by(self, reviewer: str, page_title: str) -> str:
        """The rebuttal's title: "Mandate Now on paragraph 43", "Mandate Now on the bullet after paragraph 39 · 2.1 …"."""
        who = reviewer or "The reviewer"
        return f"{who} on {self.named}" if self.numbered else f"{who} on {self.named} · {self.section or page_title}"


def shortened(words: str, limit: int = TITLE_WORDS) -> str:
    parts = words.split()
    return " ".join(parts[:limit]) + (" …" if len(parts) > limit else "")


def numbered_place(item_id: str) -> Place | None:
    """An item the original numbers itself: a paragraph, a figure, a figure's note; None for any other."""
    if (number := id_scheme.paragraph_number(item_id)) is not None:
        return Place(f"Paragraph {number}", numbered=True)
    if (figure := id_scheme.figure_number(item_id)) is not None:
        return Place(f"Figure {figure}", numbered=True)
    if (note := id_scheme.figure_note(item_id)) is not None:
        return Place(f"Figure {note[0]}, note {note[1]}", numbered=True)
    return None


def caption_place(element: Tag) -> Place | None:
    """A figure's caption or a line under it, by the label its caption opens with ("Table 3", "Table 3,
    note 1"), where its id carries no number (a table's, named by its words); None for anything else."""
    figure = element.find_parent("figure")
    caption = figure.figcaption.find(id=True) if figure is not None and figure.figcaption is not None else None
    label = id_scheme.heading_label(text_of(caption)) if caption is not None else None
    if label is None:
        return None
    if caption is element:
        return Place(label, numbered=True)
    position = id_scheme.note_position(element["id"], caption["id"])
    return Place(f"{label}, note {position}", numbered=True) if position is not None else None


def label_of(element: Tag) -> Place:
    item_id = element["id"]
    if (numbered := numbered_place(item_id) or caption_place(element)) is not None:
        return numbered
    if element.name in HEADINGS:
        return Place(f"Heading “{shortened(text_of(element))}”")
    kind = "Quotation" if any(parent.name == "blockquote" for parent in element.parents) else KINDS.get(element.name, "Text")
    if element.name == "li" and element.parent is not None and element.parent.name == "ol":
        kind = "Item"  # an item of a numbered list is no bullet
    return Place(unnumbered_label(item_id, kind, text_of(element)))


def item_name(element: Tag) -> str:
    """The item in a sentence, told apart from every other on its page: "paragraph 43",
    "the text after paragraph 166, “Our understanding of prevalence …”"."""
    place = label_of(element)
    if place.numbered or "“" in place.label:  # a number, or its words already, name it alone
        return place.named
    return f"{place.named}, “{shortened(text_of(element), 6)}”"


def unnumbered_label(item_id: str, kind: str, words: str) -> str:
    """"Bullet after paragraph 39"; before the first numbered paragraph, the kind and its first words."""
    after = id_scheme.follows(item_id)
    if after:
        return f"{kind} after paragraph {after}"
    return f"{kind} “{shortened(words, 6)}”"


def item_places(soup: BeautifulSoup) -> dict[str, Place]:
    """Each item of a rendered page by its id, with its reader's name and the heading it sits under."""
    places, section = {}, ""
    for element in (tag for tag in elements(soup) if tag.name in HEADINGS or is_item(tag)):
        if element.name in HEADINGS:
            section = "" if element.name == "h1" else shortened(text_of(element))
        if is_item(element):
            found = label_of(element)
            places[element["id"]] = Place(found.label, "" if element.name in HEADINGS else section, found.numbered)
    return places


def place_of(item: Item, places: dict[str, Place]) -> Place:
    """The item's place, or, for a page read without its HTML, its name from the id alone."""
    if item.item_id in places:
        return places[item.item_id]
    return numbered_place(item.item_id) or Place(unnumbered_label(item.item_id, "Text", item.text))
