"""The whole review on one page, for print: every section in order, each rebuttal after its paragraph.

The page's own Markdown is only its head (title and introduction); the
sections are the HTML their own pages were rendered from, one after another,
each in a ``<div class="print-section">``, so the review is rendered once,
not twice. Joined on one page, the sections' ids must stay unique and their
relative links must still point where they did: ``join_sections`` renames a
later section's repeated id (``measures-for-improvement-2``) and rebases its
links on the print page's address, and ``print_places`` points every place
of the review at its anchor here. The page is then laid out by the same
pipeline as any other; it is kept out of the search index and out of the
annotation export, which would otherwise hold everything twice.
``reading.css`` prints it with a running title and the page's address,
page numbers, no navigation, figures kept with their captions and links
followed by their addresses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import yaml
from bs4 import BeautifulSoup

from ..document.html import text
from ..document.ids import Names
from ..writing.markdown import escape
from .crossrefs import relative, resolved
from .items import elements, ids_of

PRINT_NAME = "print.md"
SECTION_CLASS = "print-section"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LINKING = (("a", "href"), ("img", "src"))  # what may point at another page, or at a place of its own page


def print_markdown(title: str, original: str, reviewer: str) -> str:
    """The print edition's own Markdown: its head, before the sections (``print_body``)."""
    fields = {"title": "The whole review, on one page", "hide": ["navigation", "toc"], "search": {"exclude": True}}
    head = [
        "---", yaml.safe_dump(fields, allow_unicode=True, sort_keys=False).strip(), "---", "",
        f"# {escape(title)}", "",
        f'<div class="print-running">{text(title)}</div>', "",
        f"*{escape(original)}*, paragraph by paragraph, with {escape(reviewer or 'the reviewer')}'s rebuttal after each point. "
        "This page holds the whole review, to print or to save as a PDF.", "",
    ]
    return "\n".join(head)


def print_body(sections: Iterable[str]) -> str:
    """The sections' rendered HTML (each whole, as its page's cleaning left it) one after another."""
    return "".join(f'<div class="{SECTION_CLASS}">\n{html}\n</div>\n' for html in sections)


@dataclass(frozen=True)
class Joined:
    """Where a section's places went on the print page."""

    top: str = ""  # the id of its first heading here, where a link to the page itself goes
    renamed: dict[str, str] = field(default_factory=dict)  # an id it repeated from an earlier section -> its id here


def join_sections(soup: BeautifulSoup, urls: Sequence[str], here: str) -> dict[str, Joined]:
    """The print page's sections (``print_body``, in the order of ``urls``, the sections' addresses from the
    site's root) made one page at ``here``: ids unique, links rebased. What became of each section's places."""
    sections = soup.find_all("div", class_=SECTION_CLASS, recursive=False)  # an editor's own such div is inside one
    names = Names(set(ids_of(soup)))
    joined_here = {id(section) for section in sections}
    head = [child for child in soup.find_all(True, recursive=False) if id(child) not in joined_here]
    seen = {element["id"] for child in head for element in [child, *child.find_all(id=True)] if element.get("id")}
    joined = {}
    for url, section in zip(urls, sections):
        inside = elements(section)
        own = [element["id"] for element in inside if element.get("id")]
        renamed = {anchor: names.claim(anchor) for anchor in own if anchor in seen}
        seen.update(own)
        for element in inside:
            if element.get("id") in renamed:
                element["id"] = renamed[element["id"]]
            for tag, attribute in LINKING:
                if element.name == tag and element.get(attribute):
                    element[attribute] = rebased(element[attribute], url, here, renamed)
        heading = next((element["id"] for element in inside if element.name in HEADINGS and element.get("id")), "")
        joined[url] = Joined(heading, renamed)
    return joined


def rebased(link: str, url: str, here: str, renamed: Mapping[str, str]) -> str:
    """A link of the section at ``url`` as it must be written on the page at ``here``."""
    if link.startswith("#"):
        return "#" + renamed.get(link[1:], link[1:])
    target = resolved(link, url)
    return link if target is None else relative(target, here)


def print_places(places: Mapping[str, str], joined: Mapping[str, Joined], print_url: str) -> dict[str, str]:
    """The review's places as anchors of the print page: an item or heading where its section put it, a page at its top."""
    found = {}
    for key, target in places.items():
        url, _, fragment = target.partition("#")
        section = joined.get(url)
        if section is None:
            continue
        anchor = section.renamed.get(fragment, fragment) if fragment else section.top
        if anchor:
            found[key] = f"{print_url}#{anchor}"
    return found
