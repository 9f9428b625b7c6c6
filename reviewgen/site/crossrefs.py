"""Cross-references that link: "paragraph 8", "paras 12 to 14", "Figure 6", "Objective 2.3", "Part 2.9".

The original and its rebuttals name other places of the document in words.
At build time each reference whose place exists in the review becomes a link
to it: the words stay as written, only wrapped in ``<a class="crossref">``
(the Markdown is not touched). A reference that names nothing stays text;
``reviewgen stats`` counts it. The forms are a table, one pattern per kind of
place; the places come from the pages' items and headings, so a review that
divides itself into chapters or sections is linked the same way.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

from ..document import ids as id_scheme
from ..document.sanitise import SCHEME
from .edits import replace_each
from .items import elements
from .speakers import HEADINGS

NUMBERS = r"\d+(?:\s*(?:,|&|and|or|to|-|–|—)\s*\d+)*"
NUMBER = re.compile(r"\d+")
# A heading of a division's sub-section opens with its number: "2.9 Driving an evidence based response".
SUBSECTION = re.compile(r"^\s*(\d+)\.(\d+)\b")
# Words a reference's text never sits inside: links, code, headings, buttons, drawings.
NOT_LINKED = frozenset({"a", "code", "pre", "kbd", "button", "script", "style", "svg", "title", "h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Reference:
    key: str  # the place it names: an item's id ("para-8", "figure-6") or a division ("part 2.9")
    words: str  # the words linked, as written
    start: int  # where they are in their text
    end: int
    division: str = ""  # "part", "objective", ... for a division; "" for an item

    @property
    def is_item(self) -> bool:
        return not self.division


@dataclass(frozen=True)
class Heading:
    anchor: str
    level: int
    text: str


def numbered_items(make_id: Callable[[int], str]) -> Callable[[re.Match], list[Reference]]:
    """A list of numbers ("12, 13 and 14", "12 to 14"): the first linked with the word before it, the rest alone."""

    def references(match: re.Match) -> list[Reference]:
        start = match.start("numbers")
        found = []
        for position, number in enumerate(NUMBER.finditer(match.group("numbers"))):
            begin = match.start() if position == 0 else start + number.start()
            end = start + number.end()
            found.append(Reference(make_id(int(number.group())), match.string[begin:end], begin, end))
        return found

    return references


def division(match: re.Match) -> list[Reference]:
    word = match.group("word").lower()
    return [Reference(f"{word} {match.group('number')}", match.group(), match.start(), match.end(), word)]


# Each form of reference, and what its numbers name.
FORMS: tuple[tuple[re.Pattern, Callable[[re.Match], list[Reference]]], ...] = (
    (re.compile(rf"\b(?:paragraphs?|paras?)\.?\s+(?P<numbers>{NUMBERS})\b", re.I), numbered_items(id_scheme.paragraph_id)),
    (re.compile(rf"\b(?:figures?|figs?\.)\s+(?P<numbers>{NUMBERS})\b", re.I), numbered_items(id_scheme.figure_id)),
    (re.compile(r"\b(?P<word>Part|Objective|Chapter|Section|Annex|Appendix)\s+(?P<number>\d+(?:\.\d+)?)\b"), division),
)


def references_in(text: str) -> list[Reference]:
    """Every reference in ``text``, in order, none overlapping another."""
    found = sorted((ref for pattern, read in FORMS for match in pattern.finditer(text) for ref in read(match)), key=lambda ref: ref.start)
    kept: list[Reference] = []
    for ref in found:
        if not kept or ref.start >= kept[-1].end:
            kept.append(ref)
    return kept


def linkable_texts(soup: BeautifulSoup) -> Iterator[NavigableString]:
    """The page's text nodes that may hold a reference: not in a link, code, heading or button."""
    for node in soup.descendants:  # a plain walk: find_all(string=...) filters each node far more slowly
        if not isinstance(node, NavigableString) or isinstance(node, Comment) or not NUMBER.search(node):
            continue
        if not any(parent.name in NOT_LINKED for parent in node.parents):
            yield node


def references_of(node: NavigableString) -> list[Reference]:
    """The references a text node makes, less those inside the item they name (a figure's own caption)."""
    found = references_in(str(node))
    if not found:  # most texts with a number name nothing: their ancestors need not be read
        return found
    inside = {parent.get("id") for parent in node.parents if isinstance(parent, Tag)}
    return [ref for ref in found if ref.key not in inside]


def page_references(soup: BeautifulSoup) -> tuple[Reference, ...]:
    return tuple(ref for node in linkable_texts(soup) for ref in references_of(node))


def page_headings(soup: BeautifulSoup) -> tuple[Heading, ...]:
    return tuple(
        Heading(element["id"], int(element.name[1]), " ".join(element.get_text(" ").split()))
        for element in elements(soup) if element.name in HEADINGS and "id" in element.attrs
    )


def page_places(url: str, item_ids: Iterable[str], headings: Iterable[Heading]) -> dict[str, str]:
    """What one page holds: each item id, its division ("part 2") and the division's sub-sections ("part 2.9")."""
    places = {item_id: f"{url}#{item_id}" for item_id in item_ids}
    headings = list(headings)
    title = next((heading for heading in headings if heading.level == 1), None)
    label = id_scheme.heading_label(title.text) if title is not None else None
    if label is None:
        return places
    word, number = label.lower().split()
    places.setdefault(f"{word} {number}", url)
    for heading in headings:
        sub = SUBSECTION.match(heading.text)
        if heading.level > 1 and sub and sub.group(1) == number:
            places.setdefault(f"{word} {number}.{sub.group(2)}", f"{url}#{heading.anchor}")
    return places


def review_places(pages: Iterable[tuple[str, object]]) -> dict[str, str]:
    """Every place of a review: ``(page url, ReviewedPage)`` pairs to ``{key: url#anchor}``."""
    places: dict[str, str] = {}
    for url, page in pages:
        for key, target in page_places(url, (item.item_id for item in page.items), page.headings).items():
            places.setdefault(key, target)
    return places


def unlinked(references: Iterable[Reference], places: Mapping[str, str]) -> list[Reference]:
    """References that name nothing: an item that is not there, or a division of a kind the review has but not that one.
    ("Section 11 of the Children Act" is no reference to a review without sections.)"""
    kinds = {key.split()[0] for key in places if " " in key}
    return [ref for ref in references if ref.key not in places and (ref.is_item or ref.division in kinds)]


def relative(target: str, here: str) -> str:
    """``target`` (from the site's root) as a link from the page at ``here``."""
    path, _, fragment = target.partition("#")
    suffix = f"#{fragment}" if fragment else ""
    if path == here:
        return suffix or "./"
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    link = posixpath.relpath(path or ".", base or ".")
    return link + ("/" if path.endswith("/") and link != "." else "") + suffix


def resolved(link: str, page: str) -> str | None:
    """A relative link written on the page at ``page`` as an address from the site's root (its fragment kept);
    None for a link that is not relative to the page (another site, the site's root, an e-mail address)."""
    if not link or link.startswith(("#", "/")) or SCHEME.match(link):
        return None
    path, _, fragment = link.partition("#")
    base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    target = posixpath.normpath(posixpath.join(base, path))
    target = "" if target == "." else target + ("/" if path.endswith("/") else "")
    return target + (f"#{fragment}" if fragment else "")


def link_references(soup: BeautifulSoup, places: Mapping[str, str], here: str) -> None:
    """Each reference to a place of ``places`` becomes a link; a reference inside the place it names stays text."""
    replacements = []
    for node in list(linkable_texts(soup)):
        words = str(node)
        pieces: list = []
        done = 0
        for ref in references_of(node):
            target = places.get(ref.key)
            if target is None:
                continue
            link = soup.new_tag("a", attrs={"class": "crossref", "href": relative(target, here)})
            link.string = ref.words
            pieces += [words[done:ref.start], link]
            done = ref.end
        if pieces:
            pieces.append(words[done:])
            replacements.append((node, [NavigableString(piece) if isinstance(piece, str) else piece for piece in pieces if piece != ""]))
    replace_each(replacements)
