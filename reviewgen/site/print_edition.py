"""The whole review on one page, for print: every section in order, each rebuttal after its paragraph.

The page's own Markdown is only its head (title and introduction); the
sections follow it as their own pages show them, laid out, one after
another, each in a ``<div class="print-section">``: the review is rendered
and laid out once, not twice. Joined on one page, the sections' ids must
stay unique and their links must point here: ``join_sections`` renames a
later section's repeated id (``measures-for-improvement-2``), points every
link to a place of a section (a cross-reference, a rebuttal's next one, a
paragraph's own number) at that place on this page, and rebases the others
on this page's address. The page is kept out of the search index and out of
the annotation export, which would otherwise hold everything twice.
``reading.css`` prints it with a running title and the page's address,
page numbers, no navigation, figures kept with their captions and links
followed by their addresses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import yaml
from bs4 import BeautifulSoup, Tag

from ..document.html import text
from ..document.ids import Names
from ..writing.markdown import escape
from .crossrefs import relative, resolved
from .items import elements, has_class, ids_of
from .citations import CONTEXT as CITATION_CONTEXT
from .jump import JUMP_BOX

PRINT_NAME = "print.md"
SECTION_CLASS = "print-section"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LINKING = (("a", "href"), ("img", "src"))  # what may point at another page, or at a place of its own page
# What a page holds once, each section's page too: the print page keeps the first it has (its head's own box).
ONCE = (("form", JUMP_BOX), ("div", CITATION_CONTEXT))


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


@dataclass(frozen=True)
class Joined:
    """Where a section's places went on the print page."""

    top: str = ""  # the id of its first heading here, where a link to the page itself goes
    renamed: dict[str, str] = field(default_factory=dict)  # an id it repeated from an earlier section -> its id here


def join_sections(head: BeautifulSoup, sections: Sequence[tuple[str, BeautifulSoup]], here: str) -> dict[str, Joined]:
    """Each section as its own page shows it (its address from the site's root and its laid-out tree, changed in
    place: its page is written already), made ready to follow ``head`` on one page at ``here`` (``print_body``):
    what a page holds once (``ONCE``) kept once, ids unique, and every link to a place of a section pointing at
    that place here. What became of each section's places."""
    seen = set(ids_of(head))
    held = {kind for element in elements(head) if (kind := held_once(element))}
    walked = []  # each section's address and elements, in one walk over each
    for url, section in sections:
        inside = elements(section)
        dropped: set[int] = set()  # what was in an element dropped (``decomposed`` would search the tree each time)
        for element in inside:
            if id(element) in dropped:
                continue
            if (kind := held_once(element)) in held:
                dropped.update(id(node) for node in [element, *element.descendants])
                element.decompose()
            elif kind:
                held.add(kind)
        walked.append((url, [element for element in inside if id(element) not in dropped]))
    names = Names(seen | {element["id"] for _, inside in walked for element in inside if element.get("id")})
    joined = {}
    for url, inside in walked:
        own = [element["id"] for element in inside if element.get("id")]
        renamed = {anchor: names.claim(anchor) for anchor in own if anchor in seen}
        seen.update(own)
        for element in inside:
            if element.get("id") in renamed:
                element["id"] = renamed[element["id"]]
        heading = next((element["id"] for element in inside if element.name in HEADINGS and element.get("id")), "")
        joined[url] = Joined(heading, renamed)
    for url, inside in walked:  # every section's places known, a link to a later one is pointed too
        for element in inside:
            for tag, attribute in LINKING:
                if element.name == tag and element.get(attribute):
                    element[attribute] = rebased(element[attribute], url, here, joined)
    return joined


def print_body(sections: Iterable[str]) -> str:
    """The sections' HTML (each serialised as ``join_sections`` left it) one after another, after the head's."""
    return "".join(f'<div class="{SECTION_CLASS}">\n{html}\n</div>\n' for html in sections)


def held_once(element: Tag) -> tuple[str, str] | None:
    """Which of ``ONCE`` the element is, if any."""
    return next((kind for kind in ONCE if element.name == kind[0] and has_class(element, kind[1])), None)


def rebased(link: str, url: str, here: str, joined: Mapping[str, Joined]) -> str:
    """A link of the section at ``url`` as it must be written on the page at ``here``: to a place of a joined
    section, that place's anchor here; to anywhere else, the same address from here."""
    target = url + link if link.startswith("#") else resolved(link, url)
    if target is None:
        return link
    page, _, fragment = target.partition("#")
    section = joined.get(page)
    if section is None:
        return relative(target, here)
    anchor = section.renamed.get(fragment, fragment) if fragment else section.top
    return f"#{anchor}" if anchor else relative(target, here)
