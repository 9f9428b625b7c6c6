"""``reviewgen check``: what must never happen to a published review, found before it is.

Problems are reported as ``FILE:LINE: message``:

* a quoted item of the original whose text differs from the source (shown
  word by word; punctuation and spacing count), a numbered paragraph
  missing, duplicated or out of order;
* a footnote reference with no definition, a definition nobody references,
  a label defined twice, an empty rebuttal, a rebuttal defined far from the
  item it answers;
* an item's anchor written so that attr_list does not read it;
* an anchor id used twice, a link to a page or anchor that does not exist;
* front matter missing or malformed;
* markup MkDocs's own reading of a page's HTML stops on with a traceback
  (a ``<![`` that opens no CDATA or Office section).

Each page's items are compared with the same page regenerated from the
source, line against line, so an edit to the quoted text cannot slip by.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

from markdown.extensions.toc import slugify
from markdown.htmlparser import htmlparser as markdown_html

from ..document import ids
from ..document.config import load_config
from ..document.errors import ReviewgenError
from ..writing.page_reader import PageText, Problem, has_scheme, link_targets, read_page, read_front_matter, without_references
from ..writing.pages import landing_pages, section_files
from ..reading.source import source_of

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")

__all__ = ["PageText", "Problem", "check_content", "read_page"]


def word_difference(expected: str, found: str) -> str:
    """The changed words, as -removed +added, spacing and punctuation included."""
    tokens = lambda text: re.findall(r"\w+|[^\w\s]|\s+", text)  # noqa: E731
    old, new = tokens(expected), tokens(found)
    changes = []
    for tag, a, b, c, d in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed, added = "".join(old[a:b]), "".join(new[c:d])
        changes.append(" ".join(part for part in (f"-{removed!r}" if removed else "", f"+{added!r}" if added else "") if part))
    return "; ".join(changes[:5]) + (" …" if len(changes) > 5 else "")


def check_footnotes(page: PageText) -> list[Problem]:
    problems = []
    references: dict[str, int] = {}
    definitions: dict[str, int] = {}
    opening_lines = set()
    for label, markdown, index, _ in page.definitions():
        opening_lines.add(index)
        if not markdown.strip():
            problems.append(Problem(page.path, page.numbered(index), f"the rebuttal [^{label}] is empty (readers would see an empty note); "
                                    f"write it on this line, or remove this line and [^{label}] from the paragraph"))
        if label in definitions:
            problems.append(Problem(page.path, page.numbered(index), f"the rebuttal label [^{label}] is defined twice (first on line {page.numbered(definitions[label])}); give each rebuttal its own label"))
        definitions.setdefault(label, index)
    for label, index in page.references():
        if label in references and index not in opening_lines:
            problems.append(Problem(page.path, page.numbered(index), f"the rebuttal [^{label}] is referenced twice (first on line {page.numbered(references[label])})"))
        references.setdefault(label, index)
    for label, index in references.items():
        if label not in definitions:
            problems.append(Problem(page.path, page.numbered(index), f"[^{label}] has no definition; add '[^{label}]: ...' after this paragraph, or remove the reference"))
    numbered_before = _numbered_before(page)
    for label, index in definitions.items():
        if label not in references:
            problems.append(Problem(page.path, page.numbered(index), f"the rebuttal [^{label}] is not referenced by any paragraph; add [^{label}] to the paragraph it answers"))
        elif _far(references[label], index, numbered_before):
            problems.append(Problem(page.path, page.numbered(index), f"the rebuttal [^{label}] is defined far from its paragraph (line {page.numbered(references[label])}); move it right after that paragraph"))
    return problems


def _numbered_before(page: PageText) -> list[int]:
    """For each line index (and the end), how many lines before it carry a numbered paragraph's anchor:
    counted once a page, so that whether one lies between a reference and its definition is a
    subtraction (a list of thousands of answered items has its definitions after it, each far from its
    reference, and looking through the lines between for each took time in the square of the list)."""
    counts = [0]
    for line in page.lines:
        counts.append(counts[-1] + any(ids.paragraph_number(item_id) is not None for item_id in ids.anchors_in(line)))
    return counts


def _far(reference: int, definition: int, numbered_before: list[int]) -> bool:
    """Defined before its reference, or with another numbered paragraph in between."""
    if definition < reference:
        return True
    start = min(reference + 2, len(numbered_before) - 1)  # the lines from two after the reference's
    return definition > start and numbered_before[definition] > numbered_before[start]


def check_anchors(page: PageText) -> list[Problem]:
    problems, seen = [], {}
    for index, line in enumerate(page.lines):
        for item_id in ids.anchors_in(line):
            if item_id in seen:
                problems.append(Problem(page.path, page.numbered(index), f"the anchor #{item_id} is used twice on this page (first on line {page.numbered(seen[item_id])}); an id must be unique"))
            seen.setdefault(item_id, index)
    return problems


def check_markup(page: PageText) -> list[Problem]:
    """What stops MkDocs: before rendering a page it feeds the whole Markdown, code included, to
    Python-Markdown's copy of the standard library's HTML parser to learn its ids, and on Pythons
    before 3.13 that parser raises on '<![' followed by anything but a CDATA or Office section's
    keyword, so the build ends in a traceback. Read here by the same parser, it is named instead."""
    text = "\n".join(page.lines)
    if "<![" not in text:  # nothing else it raises on
        return []
    reader = markdown_html.HTMLParser()
    try:
        reader.feed(text)
        reader.close()
    except AssertionError:
        line, _ = reader.getpos()  # where the declaration it could not read starts
        return [Problem(page.path, page.numbered(line - 1), "MkDocs cannot read '<![' unless it opens a section such as '<![CDATA[ ... ]]>'; write '&lt;![' instead, and in code put a space after '<'")]
    return []


def page_ids(page: PageText) -> set[str]:
    found = set(page.anchors())
    for line in page.lines:
        heading = HEADING.match(line)
        if heading and not ids.anchors_in(line):
            found.add(slugify(without_references(heading.group(2)), "-"))
    return found | {ids.footnote_id(label) for label, _, _, _ in page.definitions()}


def check_links(page: PageText, pages: dict[Path, PageText], root: Path, ids_of: dict[Path, set[str]] | None = None) -> list[Problem]:
    """Every relative link leads to a page, and its fragment to an id there. ``ids_of``: the ids of the
    pages linked to so far, kept across pages, so a page's are read once however many links it takes."""
    problems = []
    ids_of = {} if ids_of is None else ids_of
    for index, line in enumerate(page.lines):
        for target in link_targets(line):
            if has_scheme(target) or target.startswith("/"):
                continue
            name, _, fragment = (unquote(part) for part in target.partition("#"))
            linked = (page.path.parent / name).resolve() if name else page.path.resolve()
            if name and linked not in pages:
                if not linked.exists():
                    problems.append(Problem(page.path, page.numbered(index), f"the link to {name} leads to no page; check the file name"))
                continue
            other = pages.get(linked)
            if fragment and other is not None and linked not in ids_of:
                ids_of[linked] = page_ids(other)
            if fragment and other is not None and fragment not in ids_of[linked]:
                problems.append(Problem(page.path, page.numbered(index), f"the link to #{fragment} in {linked.name} leads to no anchor there"))
    return problems


def converted_pages(source: Path) -> list[tuple[str, str]]:
    """The source converted: each page's path (``slug/name.md``) and Markdown."""
    from .convert import convert_document

    _, pages, _ = convert_document(source, load_config(source))
    return [(page.path, page.text) for page in pages]


def expected_pages(source: Path, converted: Callable[[Path], list[tuple[str, str]]] = converted_pages) -> dict[str, PageText]:
    """The review's pages as the source gives them, by file name."""
    found = {}
    for path, text in converted(source):
        read = read_front_matter(text)
        found[path.split("/", 1)[1]] = PageText(Path(path), read.fields, 1, read.body.split("\n"))
    return found


def check_against_source(pages: list[PageText], expected: dict[str, PageText], folder: Path) -> list[Problem]:
    problems = []
    for page in pages:
        original = expected.get(page.path.resolve().relative_to(folder.resolve()).as_posix())
        if original is None:
            continue
        problems += check_items_and_lines(page, original)
        for item_id in original.anchors():
            want, have = original.item_line(item_id), page.item_line(item_id)
            if have is None or want is None:
                continue
            if want != have:
                line = page.numbered(page.anchors()[item_id])
                number = ids.paragraph_number(item_id)
                what = f"paragraph {number}" if number is not None else f"#{item_id}"
                problems.append(Problem(page.path, line, f"{what} differs from the source: {word_difference(want, have)}"))
    return problems


def check_items_and_lines(page: PageText, original: PageText) -> list[Problem]:
    """What stands outside the rebuttals is the source's: each of its items, anchor and all (numbered
    paragraphs are counted across pages by ``check_numbering``), and each of its other lines (headings,
    figures' markup). A line the source does not have is named where it stands: a rebuttal's second
    paragraph left unindented is published as the original's words."""
    from .merge import first_words, holding_index  # merge's imports are a conversion's, which a build's check may not need

    items, own = page.quoted_and_own_lines(holding_index(page))
    wanted_items, wanted_own = original.quoted_and_own_lines(len(original.lines))
    problems = []
    for item_id in wanted_items.keys() - items.keys():
        if ids.paragraph_number(item_id) is None:
            words = first_words(original.item_line(item_id) or "", 8)
            problems.append(Problem(page.path, 1, f"#{item_id} (“{words}”) of the source is missing from this page; restore its line and its anchor line from the source"))
    for item_id in items.keys() - wanted_items.keys():
        if ids.paragraph_number(item_id) is None:
            problems.append(Problem(page.path, page.numbered(items[item_id]), f"#{item_id} is not an anchor of the source; restore the anchor the converter wrote"))
    wanted = Counter(without_references(original.lines[index]).strip() for index in wanted_own)
    broken = {index for index in own if ids.is_broken_anchor(page.lines[index])}
    for index in own:
        line = without_references(page.lines[index]).strip()
        if index + 1 in broken and index not in broken:
            continue  # the text of the item whose anchor is broken: that anchor is named below
        if wanted[line] > 0:
            wanted[line] -= 1
        elif index in broken:
            problems.append(Problem(page.path, page.numbered(index), "this line is an item's anchor written so that it is none (readers see it as text); "
                                    f"write it as the converter did, such as {ids.anchor('para-43', 6)}, or restore it from the source"))
        else:
            problems.append(Problem(page.path, page.numbered(index), "this line is neither the source's nor inside a rebuttal, so readers take it for the original's; "
                                    "indent it by four spaces to continue the rebuttal above, or remove it"))
    for line, missing in wanted.items():
        if missing > 0:
            problems.append(Problem(page.path, 1, f"“{first_words(line, 8)}” of the source is missing from this page; restore it from the source"))
    return problems


def check_numbering(pages: list[PageText], expected: dict[str, PageText] | None, unreadable: frozenset[Path] = frozenset()) -> list[Problem]:
    """Each numbered paragraph once, in order, and none of the source's missing; the paragraphs of a
    page whose front matter could not be read (``unreadable``, named already) are not counted missing."""
    problems, seen, last = [], {}, 0
    for page in pages:
        for item_id, index in page.anchors().items():
            number = ids.paragraph_number(item_id)
            if number is None:
                continue
            where = page.numbered(index)
            if number in seen:
                problems.append(Problem(page.path, where, f"paragraph {number} appears twice (also at {seen[number]})"))
            elif number < last:
                problems.append(Problem(page.path, where, f"paragraph {number} comes after paragraph {last}; restore the document's order"))
            seen.setdefault(number, f"{page.path.name}:{where}")
            last = max(last, number)
    if expected is not None and pages:
        folder = pages[0].path.parent
        for name, original in expected.items():
            for item_id in original.anchors():
                number = ids.paragraph_number(item_id)
                if number is not None and number not in seen and (folder / name).resolve() not in unreadable:
                    problems.append(Problem(folder / name, 1, f"paragraph {number} of the source is missing from this page; restore it from the source"))
    return problems


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    pages: int
    paragraphs: int
    rebuttals: int

    def summary(self) -> str:
        return f"{self.pages} pages, {self.paragraphs} numbered paragraphs, {self.rebuttals} rebuttals: no problems"


def review_folders(content: Path) -> list[Path]:
    return [folder for folder, _ in landing_pages(content)]


def check_content(content: Path, sources: Path = Path("sources"), converted: Callable[[Path], list[tuple[str, str]]] = converted_pages) -> Report:
    """``converted`` converts a source (``converted_pages``); a build may give one that remembers."""
    if not content.is_dir():
        raise ReviewgenError("no such content folder; give the folder holding the review's pages", content)
    problems: list[Problem] = []
    pages: dict[Path, PageText] = {}
    unreadable: set[Path] = set()
    for path in sorted(content.rglob("*.md")):
        page, found = read_page(path)
        problems += found
        if page is not None:
            pages[path.resolve()] = page
        else:
            unreadable.add(path.resolve())
    linked_ids: dict[Path, set[str]] = {}
    for page in pages.values():
        problems += check_footnotes(page) + check_anchors(page) + check_markup(page) + check_links(page, pages, content, linked_ids)
    paragraphs = rebuttals = 0
    for folder in review_folders(content):
        review = [pages[p.resolve()] for p in section_files(content, folder.name) if p.resolve() in pages]
        source = source_of(sources, folder.name)
        expected = expected_pages(source, converted) if source is not None else None  # the source converted once, for both checks
        problems += check_numbering(review, expected, frozenset(unreadable))
        if expected is not None:
            problems += check_against_source(review, expected, folder)
        paragraphs += sum(1 for p in review for i in p.anchors() if ids.paragraph_number(i) is not None)
        rebuttals += sum(len(p.definitions()) for p in review)
    problems.sort(key=lambda p: (str(p.path), p.line))
    return Report(tuple(problems), len(pages), paragraphs, rebuttals)
