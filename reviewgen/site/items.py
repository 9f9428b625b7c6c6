"""The reviewed items of a rendered page: each anchored element and its rebuttal.

Works on the HTML stock Python-Markdown makes of reviewgen's Markdown
(footnotes + attr_list), before or after the rebuttals are moved beside
their paragraphs, so every site feature reads the page the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

PARAGRAPH_ID = re.compile(r"^para-(\d+)$")
ITEM_ID = re.compile(r"^(para-\d+(-\d+)?|figure-\d+|[a-z0-9-]+-\d+)$")
ITEM_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "div", "ul", "ol", "table", "tr"}


@dataclass(frozen=True)
class Item:
    item_id: str
    text: str  # the item's own words as a reader sees them, without footnote numbers
    rebuttal_html: str  # "" when nobody answered it
    rebuttal_text: str
    label: str = ""  # the footnote label of its rebuttal

    @property
    def number(self) -> int | None:
        match = PARAGRAPH_ID.match(self.item_id)
        return int(match.group(1)) if match else None


def item_label(item: Item, otherwise: str) -> str:
    """How a reader names an item: "Paragraph 43", "Figure 5", or ``otherwise``."""
    return label_of(item.item_id, otherwise)


def label_of(item_id: str, otherwise: str) -> str:
    """How a reader names the item with this id: "Paragraph 43", "Figure 5, note 4", or ``otherwise``."""
    number = PARAGRAPH_ID.match(item_id)
    if number:
        return f"Paragraph {number.group(1)}"
    if item_id.startswith("figure-"):
        figure, _, note = item_id.removeprefix("figure-").partition("-note-")
        return f"Figure {figure}, note {note}" if note else f"Figure {figure}"
    return otherwise


def opening_words(text: str, words: int = 6) -> str:
    """An item named by its first words, for one the document gives no number."""
    parts = text.split()
    return "“" + " ".join(parts[:words]) + ("…”" if len(parts) > words else "”")


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def is_added(node: Tag) -> bool:
    """What the renderer or reviewgen adds inside an item: footnote numbers, tools, the placed rebuttal."""
    classes = node.get("class") or []
    return (
        (node.name == "sup" and node.get("id", "").startswith("fnref"))
        or "footnote-backref" in classes
        or "para-tools" in classes
        or "rebuttal-back" in classes
        or (node.name == "aside" and "rebuttal" in classes)
    )


def text_of(node: Tag) -> str:
    """The text a reader sees, exactly: inline markup adds no spaces, blocks are separated by one."""

    def walk(element: Tag) -> str:
        parts = []
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif not is_added(child):
                inner = walk(child)
                parts.append(f" {inner} " if child.name in BLOCKS else inner)
        return "".join(parts)

    return " ".join(walk(node).split())


def is_item(element: Tag) -> bool:
    item_id = element.get("id", "")
    return element.name in ITEM_TAGS and bool(ITEM_ID.match(item_id)) and not item_id.startswith(("fn:", "fnref:"))


def ids_of(soup: BeautifulSoup) -> dict[str, Tag]:
    return {element["id"]: element for element in soup.find_all(id=True)}


def rebuttal_of(ids: dict[str, Tag], element: Tag) -> Tag | None:
    """The footnote (or the placed rebuttal) that ``element``'s reference points to."""
    ref = element.find("a", class_="footnote-ref")
    if ref is None or not ref.get("href", "").startswith("#"):
        return None
    return ids.get(ref["href"][1:])


def rebuttal_content(note: Tag) -> str:
    """The inner HTML of a footnote or placed rebuttal, less the back-link."""
    parts = []
    for child in note.children:
        if isinstance(child, Tag) and child.name == "p" and child.find("a", class_="footnote-backref"):
            kept = "".join(str(c) for c in child.children if not (isinstance(c, Tag) and "footnote-backref" in (c.get("class") or [])))
            kept = kept.rstrip().removesuffix("&nbsp;").removesuffix("\xa0").rstrip()
            if kept:
                parts.append(f"<p>{kept}</p>")
        elif isinstance(child, Tag) and is_added(child):
            continue  # the way back to the item, added when the rebuttal was placed
        elif not (isinstance(child, NavigableString) and not child.strip()):
            parts.append(str(child))
    return "\n".join(parts).strip()


def analyse(soup: BeautifulSoup, ids: dict[str, Tag] | None = None) -> list[Item]:
    ids = ids if ids is not None else ids_of(soup)
    found = []
    for element in soup.find_all(is_item):
        note = rebuttal_of(ids, element)
        content = rebuttal_content(note) if note is not None else ""
        rebuttal_text = text_of(note) if note is not None else ""
        label = note["id"].removeprefix("fn:") if note is not None else ""
        found.append(Item(element["id"], text_of(element), content, rebuttal_text, label))
    return found


def page_items(html: str) -> list[Item]:
    return analyse(parse(html))


def page_description(meta: dict, review) -> str:
    """A one-line description of a review page, for search engines and link previews."""
    title = meta.get("title") or ""
    paragraphs = f" (paragraphs {meta['paragraphs']})" if meta.get("paragraphs") else ""
    who = review.reviewer or "the reviewer"
    original = review.original_title or review.title
    return f"{original}, {title}{paragraphs}, with {who}'s rebuttal beside each point."
