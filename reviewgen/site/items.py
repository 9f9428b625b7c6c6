"""The reviewed items of a rendered page: each anchored element and its rebuttal.

Works on the HTML stock Python-Markdown makes of reviewgen's Markdown
(footnotes + attr_list), before or after the rebuttals are moved beside
their paragraphs, so every site feature reads the page the same way.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

from ..document import ids as id_scheme
from ..document.html import parse, serialise

ITEM_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
# Elements a reader sees apart from what is beside them: their words never run into their neighbours'.
BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "div", "ul", "ol", "table", "tr",
    "br", "hr", "dl", "dt", "dd", "details", "summary", "figure", "figcaption", "caption", "pre", "section", "aside",
}


@dataclass(frozen=True)
class Item:
    item_id: str
    text: str  # the item's own words as a reader sees them, without footnote numbers
    rebuttal_html: str  # "" when nobody answered it
    rebuttal_text: str
    label: str = ""  # the footnote label of its rebuttal
    page: int | None = None  # the original's page it is on, when the export showed its pages

    @property
    def number(self) -> int | None:
        return id_scheme.paragraph_number(self.item_id)


def is_added(node: Tag) -> bool:
    """What the renderer or reviewgen adds inside an item: footnote numbers, tools, the placed rebuttal."""
    classes = node.get("class") or []
    return (
        (node.name == "sup" and node.get("id", "").startswith("fnref"))
        or "footnote-backref" in classes
        or "para-tools" in classes
        or "rebuttal-back" in classes
        or "cite-tools" in classes
        or "rebuttal-nav" in classes
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


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def is_item(element: Tag) -> bool:
    """An item of the original: an id from reviewgen.document.ids, or a heading when it is answered (a
    page's own, or one an editor answered, which has the id of its table of contents' entry)."""
    if element.name not in ITEM_TAGS or not element.get("id"):
        return False
    return id_scheme.is_item_id(element["id"]) or (element.name in HEADINGS and footnote_ref(element) is not None)


def elements(root: Tag) -> list[Tag]:
    """Every element under ``root``, in document order: a plain walk, several times quicker than
    Beautiful Soup's ``find_all`` with a filter, which each step of a page's layout would otherwise run."""
    return [node for node in root.descendants if type(node) is Tag]


def has_class(element: Tag, name: str) -> bool:
    return name in (element.get("class") or ())


def named(root: Tag, name: str, class_name: str = "") -> list[Tag]:
    """Every ``name`` element under ``root`` (of class ``class_name``, when one is given), in document
    order: ``find_all(name, class_=class_name)`` as a plain loop over ``elements``."""
    return [element for element in elements(root) if element.name == name and (not class_name or has_class(element, class_name))]


def item_elements(root: Tag) -> list[Tag]:
    return [element for element in elements(root) if is_item(element)]


def ids_of(soup: BeautifulSoup) -> dict[str, Tag]:
    return {element["id"]: element for element in elements(soup) if "id" in element.attrs}


def first(root: Tag, name: str, class_name: str = "") -> Tag | None:
    """The first ``name`` element under ``root`` (of class ``class_name``, when one is given): ``find`` as a
    plain loop, which stops at it."""
    for node in root.descendants:
        if type(node) is Tag and node.name == name and (not class_name or has_class(node, class_name)):
            return node
    return None


def footnote_ref(element: Tag) -> Tag | None:
    """The first footnote reference inside ``element``."""
    return first(element, "a", "footnote-ref")


def rebuttal_of(ids: dict[str, Tag], element: Tag) -> Tag | None:
    """The footnote (or the placed rebuttal) that ``element``'s reference points to."""
    ref = footnote_ref(element)
    if ref is None or not ref.get("href", "").startswith("#"):
        return None
    return ids.get(ref["href"][1:])


def without_backlinks(note: Tag) -> Tag:
    """``note`` with its back-links, the space before them and any paragraph they leave empty removed."""
    for link in named(note, "a", "footnote-backref"):
        holder = link.parent
        link.decompose()
        last = holder.contents[-1] if holder.contents else None
        if isinstance(last, NavigableString) and not isinstance(last, Comment):
            trimmed = str(last).rstrip().removesuffix("\xa0").rstrip()
            if trimmed:
                last.replace_with(NavigableString(trimmed))
            else:
                last.extract()
        if holder is not note and holder.name == "p" and not holder.contents:
            holder.decompose()
    return note


def rebuttal_content(note: Tag) -> str:
    """The inner HTML of a footnote or placed rebuttal, less the back-links, through the serialiser.
    Only what holds a back-link is copied to take it out (the page itself is left as it is)."""
    if any(link.parent is note for link in named(note, "a", "footnote-backref")):
        children = list(without_backlinks(copy.copy(note)).children)
    else:  # each back-link in a paragraph of its own: that paragraph goes if the link was all it held
        children = [without_backlinks(copy.copy(child)) if has_backlink(child) else child for child in note.children]
        children = [child for child, was in zip(children, note.children) if child is was or child.name != "p" or child.contents]
    kept = [
        child for child in children
        if not (isinstance(child, NavigableString) and not child.strip()) and not (isinstance(child, Tag) and is_added(child))
    ]
    return "\n".join(serialise([child]) for child in kept).strip()


def has_backlink(node) -> bool:
    return isinstance(node, Tag) and bool(named(node, "a", "footnote-backref"))


def analyse(soup: BeautifulSoup, ids: dict[str, Tag] | None = None) -> list[Item]:
    ids = ids if ids is not None else ids_of(soup)
    found = []
    for element in item_elements(soup):
        note = rebuttal_of(ids, element)
        content = rebuttal_content(note) if note is not None else ""
        rebuttal_text = text_of(note) if note is not None else ""
        label = id_scheme.footnote_label_of(note["id"]) if note is not None else ""
        found.append(Item(element["id"], text_of(element), content, rebuttal_text, label, id_scheme.page_of_element(element.attrs)))
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
