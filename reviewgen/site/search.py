"""Search that lands on the paragraph, and says whose words it found.

Each numbered paragraph, and each other item with a rebuttal, gets an entry
whose location ends with ``#<its id>``, titled as a reader names it
("Paragraph 43 · Part 2: …") and tagged as the original's; its rebuttal
gets an entry of its own at the rebuttal (``#fn:<label>``), titled after
its speaker ("Mandate Now on paragraph 43") and tagged "Rebuttal · Mandate
Now". Material shows an entry's tags under its title, so a result never runs
the two voices together, and ``+tags:rebuttal`` (or the theme's "rebuttals
only" switch) limits a search to the rebuttals. Those elements are marked
``data-search-exclude`` so Material's own per-heading entries do not repeat
them and outrank the paragraph.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..document import ids as id_scheme
from ..document.sanitise import Allowlist
from ..document.html import text
from .safety import TEXT_TAGS
from .items import Item, elements, has_class, item_elements, parse, rebuttal_of, text_of
from .speakers import Place, place_of

EXCLUDE = "data-search-exclude"
ORIGINAL = "Original"
REBUTTAL = "Rebuttal"
TAG_BOOST = 1.0  # Material weighs tags a million times the text: a speaker's name would outrank every word


def has_own_entry(item: Item) -> bool:
    return item.number is not None or bool(item.rebuttal_html)


def entry(location: str, title: str, words: str, tag: str) -> dict:
    return {"location": location, "title": text(title), "text": text(words), "tags": [text(tag)]}  # Material shows entries as HTML


def search_entries(location: str, page_title: str, items: list[Item], places: dict[str, Place] | None = None, reviewer: str = "") -> list[dict]:
    """The original's entry for each item that has one, each followed by its rebuttal's."""
    entries = []
    for item in items:
        place = place_of(item, places or {})
        if has_own_entry(item):
            entries.append(entry(f"{location}#{item.item_id}", place.title(page_title), item.text, ORIGINAL))
        if item.rebuttal_html:
            speaker = f"{REBUTTAL} · {reviewer}" if reviewer else REBUTTAL
            where = f"{location}#{id_scheme.footnote_id(item.label)}"  # the rebuttal keeps its footnote's id beside the paragraph
            entries.append(entry(where, place.answered_by(reviewer, page_title), item.rebuttal_text, speaker))
    return entries


def exclude_from_search(element: Tag) -> None:
    """Keep ``element`` out of Material's entries for its page. Material's indexer ends a skipped
    element at the first end tag of the same name, so an element holding one of its own kind (a
    bullet whose rebuttal holds a list, a wrapper holding an admonition) would let the rest of its
    words through: such an element is kept out by its children instead, its own text in a span."""
    held: dict[int, set[str]] = {}  # the tag names inside each element, gathered once from the leaves up
    for node in reversed([element, *(inner for inner in element.descendants if type(inner) is Tag)]):
        names: set[str] = set()
        for child in node.children:
            if type(child) is Tag:
                names |= held[id(child)]
                names.add(child.name)
        held[id(node)] = names
    stack = [element]
    while stack:
        node = stack.pop()
        if node.name not in held[id(node)]:
            node[EXCLUDE] = "true"
            continue
        for child in list(node.children):
            if type(child) is Tag:
                stack.append(child)
            elif isinstance(child, NavigableString) and not isinstance(child, Comment) and child.strip():
                child.wrap(Tag(name="span", attrs={EXCLUDE: "true"}))


def exclude(soup: BeautifulSoup, ids: dict[str, Tag]) -> None:
    """Mark what the per-item entries cover, so Material's own entries for the page skip it."""
    for element in item_elements(soup):
        wrapper = next((parent for parent in element.parents if parent.name == "div" and has_class(parent, "reviewed")), None)
        note = rebuttal_of(ids, element)
        numbered = id_scheme.paragraph_number(element["id"]) is not None
        if element.name.startswith("h"):  # a heading starts Material's section: keep it, skip its rebuttal
            if note is not None:
                exclude_from_search(note)
        elif wrapper is not None and element.name != "li":
            exclude_from_search(wrapper)
        elif numbered or note is not None:
            exclude_from_search(element)


def entry_list(index: dict) -> str:
    """Where an index keeps its entries: MkDocs and Material under ``docs``, Zensical under ``items``."""
    return "items" if "items" in index and "docs" not in index else "docs"


def page_of(location: str) -> str:
    return location.partition("#")[0]


def merge_into_index(index: dict, entries: list[dict]) -> dict:
    """A generator's search index with the per-item entries added once. Fields the generator's
    entries carry that ours lack (Zensical's ``path``) come from the page's own entry."""
    key = entry_list(index)
    known = {entry["location"] for entry in entries}
    docs = [doc for doc in index.get(key, []) if doc.get("location") not in known]
    config = index.get("config", {})
    if "tags" in config.get("fields", {}):
        config = {**config, "fields": {**config["fields"], "tags": {**config["fields"]["tags"], "boost": TAG_BOOST}}}
    pages: dict[str, dict] = {}
    for doc in docs:
        pages.setdefault(page_of(str(doc.get("location", ""))), doc)
    added = [{**pages.get(page_of(entry["location"]), {}), **entry} for entry in entries]
    return {**index, **({"config": config} if config else {}), key: docs + added}


# Material shows an entry's title and text as HTML: the inline markup of its own entries may stay.
SEARCH_ENTRY = Allowlist(tags=TEXT_TAGS - {"a", "img", "div", "details", "summary"}, attributes={})


def clean_entries(index: dict) -> dict:
    """The search index with every entry's title and text through the allowlist."""
    entries = entry_list(index)
    docs = [{**doc, **{key: SEARCH_ENTRY.clean(doc[key]) for key in ("title", "text") if isinstance(doc.get(key), str)}} for doc in index.get(entries, [])]
    return {**index, entries: docs}


def exclude_lists(soup: BeautifulSoup) -> None:
    """Keep a page's lists out of the search index (the rebuttal index only repeats text)."""
    for listing in [element for element in elements(soup) if element.name in ("ul", "ol")]:
        listing[EXCLUDE] = "true"


def is_covered(node: Tag) -> bool:
    """What the per-item entries cover, or what repeats them: marked excluded, a rebuttal, the footnotes."""
    classes = node.get("class") or []
    return node.has_attr(EXCLUDE) or (node.name == "aside" and "rebuttal" in classes) or (node.name == "div" and "footnote" in classes)


def section_texts(html: str) -> dict[str, str]:
    """A page's text per heading, less what the per-item entries cover: what a generator that indexed
    the page before reviewgen saw it (Zensical, MkDocs without the plugin) should have kept.
    Keyed by the heading's id; the page's first heading is also the page itself, ``""``."""
    found = elements(parse(html))
    covered = {id(node) for node in found if is_covered(node)}
    sections: dict[str, list[str]] = {"": []}
    current, seen_heading = "", False
    for node in found:
        if any(id(parent) in covered for parent in [node, *node.parents]):
            continue
        if node.name in {"h1", "h2", "h3", "h4", "h5", "h6"} and node.get("id"):
            if not seen_heading and not sections[""]:  # the page's first heading opens the page's own entry
                sections[node["id"]] = sections[""]
            else:
                current = node["id"]
                sections.setdefault(current, [])
            seen_heading = True
            continue
        if node.name in {"p", "li", "td", "th", "figcaption", "dt", "dd"} and not any(parent.name in {"p", "li", "td", "th"} for parent in node.parents):
            sections[current].append(text_of(node))
    return {anchor: " ".join(" ".join(parts).split()) for anchor, parts in sections.items()}


def without_covered_text(index: dict, page_url: str, texts: dict[str, str]) -> dict:
    """The generator's own entries for ``page_url`` with the text of each section as ``section_texts`` has it."""
    key = entry_list(index)
    docs = []
    for doc in index.get(key, []):
        page, _, anchor = str(doc.get("location", "")).partition("#")
        if page == page_url and anchor in texts:
            doc = {**doc, "text": text(texts[anchor])}
        docs.append(doc)
    return {**index, key: docs}
