"""The word audit: every word of the source must reach the rendered pages.

Source words are counted from the source text with its markup removed (a
``<`` that opens no tag is text, as the converter reads it), less what the
converter dropped on purpose (running furniture, the second and third
copies of a table). Output words are counted from the pages as a reader
gets them: rendered by stock Python-Markdown and cleaned by the site's
allowlist, less footnote numbers and back-links, which the renderer adds.
The two multisets must match, so a word the converter, the renderer or the
cleaning dropped is caught.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import markdown
from bs4 import Tag

from ..reading.inline import as_read
from ..document.errors import ReviewgenError
from ..document.model import TEXT_LEFT_OUT, Document
from ..writing.page_reader import split_front_matter
from ..writing.pages import GENERATOR
from ..document.html import parse
from ..document.sanitise import SOURCE, has_markup
from ..reading.cells import MARKDOWN_ITEM, cells_of
from ..reading.source import read_source, without_controls

WORD = re.compile(r"\w+(?:['’]\w+)*")
EXTENSIONS = ["footnotes", "attr_list", "admonition", "tables", "toc", "md_in_html"]


def words(text: str) -> Counter:
    return Counter(WORD.findall(text))


ADDED = {("a", "footnote-ref"), ("a", "footnote-backref"), ("p", "figure-lost")}  # what reviewgen adds to the words


def is_added(node: Tag) -> bool:
    return any((node.name, name) in ADDED for name in node.get("class") or [])


def text_of_html(html: str) -> str:
    soup = parse(html)
    for added in soup.find_all(is_added):
        added.decompose()
    return soup.get_text(" ")


def source_words(path: Path, document: Document) -> Counter:
    return line_words(read_source(path), document)


def line_words(lines, document: Document) -> Counter:
    """The words of source lines as a reader should find them: no tags, no furniture, no table copies."""
    counted = Counter()
    for line in without_controls(list(lines)):
        # a list item's typed mark is no word, though one is a letter: "o" (a Word bullet in a text export)
        read = "\t".join(MARKDOWN_ITEM.sub("", cell, count=1) for cell in cells_of(line)) if not has_markup(line) else line
        counted += words(as_read(text_of_html(SOURCE.as_text(read)) if has_markup(read) else read))
    for dropped in document.dropped:
        if dropped.reason in TEXT_LEFT_OUT:  # the others describe, they hold no source text
            counted -= words(dropped.text)
    return counted


def page_words(path: Path) -> Counter | None:
    """The words a reader sees on a generated page of the review (None for landing pages)."""
    return text_words(path.read_text(encoding="utf-8"))


def text_words(text: str) -> Counter | None:
    fields, body = split_front_matter(text)
    if fields.get("landing") or (fields and fields.get("generator") != GENERATOR and "review" not in fields):
        return None
    from ..site.safety import clean_page  # the site's allowlist: what it removes, a reader never sees

    return words(text_of_html(clean_page(markdown.markdown(body, extensions=EXTENSIONS)).html))


@dataclass(frozen=True)
class AuditResult:
    source_count: int
    output_count: int
    lost: Counter
    added: Counter

    def report(self) -> str:
        lines = [
            f"source words: {self.source_count}; words in the pages: {self.output_count}; "
            f"lost: {sum(self.lost.values())}; added: {sum(self.added.values())}"
        ]
        for label, counter in (("lost", self.lost), ("added", self.added)):
            for word, count in sorted(counter.items()):
                lines.append(f"  {label}: {word}" + (f" (x{count})" if count > 1 else ""))
        return "\n".join(lines)


def audit(source: Path, content: Path, slug: str, document: Document) -> AuditResult:
    if not content.is_dir():
        raise ReviewgenError("no such content folder; give the folder holding the review's pages with --content", content)
    if not (content / slug).is_dir():
        raise ReviewgenError(f"holds no pages of the review '{slug}'; convert its source first (reviewgen convert), or give the right folder with --content", content)
    expected = source_words(source, document)
    found = Counter()
    for page in sorted((content / slug).rglob("*.md")):
        counted = page_words(page)
        if counted is not None:
            found += counted
    return AuditResult(sum(expected.values()), sum(found.values()), expected - found, found - expected)
