"""The whole review on one page, for print: every section in order, each rebuttal after its paragraph.

The page is Markdown like any other, made of the sections' own Markdown (their
front matter left out), so it is rendered, cleaned and laid out by the same
pipeline; it is kept out of the search index and out of the annotation
export, which would otherwise hold everything twice. ``reading.css`` prints it
with a running title and the page's address, page numbers, no navigation,
figures kept with their captions and links followed by their addresses.
"""

from __future__ import annotations

from typing import Iterable, Mapping

import yaml

from ..writing.markdown import escape
from ..writing.page_reader import split_front_matter
from ..document.html import text

PRINT_NAME = "print.md"


def print_markdown(title: str, original: str, reviewer: str, sections: Iterable[str]) -> str:
    """The print edition's Markdown, from each section page's whole text (front matter and all)."""
    fields = {"title": "The whole review, on one page", "hide": ["navigation", "toc"], "search": {"exclude": True}}
    head = [
        "---", yaml.safe_dump(fields, allow_unicode=True, sort_keys=False).strip(), "---", "",
        f"# {escape(title)}", "",
        f'<div class="print-running">{text(title)}</div>', "",
        f"*{escape(original)}*, paragraph by paragraph, with {escape(reviewer or 'the reviewer')}'s rebuttal after each point. "
        "This page holds the whole review, to print or to save as a PDF.", "",
    ]
    bodies = [split_front_matter(section)[1].strip() for section in sections]
    return "\n".join(head) + "\n\n".join(body for body in bodies if body) + "\n"


def print_places(places: Mapping[str, str], tops: Mapping[str, str], print_url: str) -> dict[str, str]:
    """The review's places as anchors of the print page: ``tops`` gives each section page's url its heading's id."""
    found = {}
    for key, target in places.items():
        url, _, fragment = target.partition("#")
        anchor = fragment or tops.get(url, "")
        if anchor:
            found[key] = f"{print_url}#{anchor}"
    return found
