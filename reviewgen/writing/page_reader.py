"""The one reader of the Markdown pages in ``content/``.

Front matter is read the way MkDocs reads it (``mkdocs.utils.meta``: a
``---`` block closed by ``---`` or ``...``, a UTF-8 byte order mark ignored),
so a page MkDocs builds is a page ``check``, ``merge``, ``stats``, the writer
and the plugin can read; anchors are read through :mod:`reviewgen.document.ids`;
footnote references and definitions the way Python-Markdown reads them.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..document import ids

BOM = "\ufeff"
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
EMPTY_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n\s*?(?:\.{3}|-{3})[ \t]*(?:\n|$)")
REFERENCE = re.compile(r"(?<!\\)\[\^([^\]\s\\]+)\](?!:)")  # not an escaped "\[^x\]", which is text
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?")
MARKERS = re.compile(r"^(?:\s*>)?\s*(?:[-*+]\s+)?")
# A link's address as Markdown writes it: inline, with or without a title or angle brackets
# ("[t](page.md#x)", "[t](<my page.md> "Title")"), or in a reference's definition ("[t]: page.md#x").
LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*(?:<(?P<angled>[^<>\n]*)>|(?P<bare>[^)\s]+))(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
LINK_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*(?:<(?P<angled>[^<>\n]*)>|(?P<bare>\S+))")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # "https:", "mailto:": an address that needs no page to read from
SOURCE_REBUTTALS = "rebuttals_from_source"  # the front matter field holding the generated rebuttals' fingerprints


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class FrontMatter:
    fields: dict
    body: str
    body_line: int  # the file line on which the body starts
    problem: tuple[int, str] | None = None  # (line, what is wrong) when the block is broken


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it: several times faster


def yaml_fields(block: str):
    """A front matter block's YAML. A broken block is read again by PyYAML's own loader, whose error
    names the character at fault (libyaml's says "found character that cannot start any token")."""
    try:
        return yaml.load(block, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return yaml.safe_load(block)


def read_front_matter(text: str) -> FrontMatter:
    """The page's fields and body; a broken block gives no fields and says what is wrong."""
    text = text.removeprefix(BOM)
    if EMPTY_FRONT_MATTER.match(text):  # MkDocs would read the page's text up to its next '---' line as the block
        return FrontMatter({}, text, 1, (1, "the front matter is empty; give the page its fields again (at least 'title: ...'), "
                                             "from the page's last version or by converting the source again with --merge"))
    match = FRONT_MATTER.match(text)
    if match is None:
        problem = "the front matter is not closed; add a line '---' after it" if text.startswith("---") else \
            "the page has no front matter; start it with a '---' block giving at least its title"
        return FrontMatter({}, text, 1, (1, problem))
    try:
        fields = yaml_fields(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return FrontMatter({}, text, 1, (line, f"the front matter is not valid YAML ({getattr(error, 'problem', error)})"))
    if not isinstance(fields, dict):  # MkDocs then takes the whole text as the page
        return FrontMatter({}, text, 1, (2, "the front matter needs a title: 'title: ...'"))
    body = text[match.end():].lstrip("\n")
    return FrontMatter(fields, body, text[: len(text) - len(body)].count("\n") + 1)


def split_front_matter(text: str) -> tuple[dict, str]:
    """(fields, body) of a page; ({}, text) when it has no readable front matter."""
    read = read_front_matter(text)
    return read.fields, read.body


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace").removeprefix(BOM)


def link_targets(line: str) -> list[str]:
    """The address of every link on a line of Markdown, as written (not an image's)."""
    return [match["angled"] if match["angled"] is not None else match["bare"]
            for pattern in (LINK, LINK_DEFINITION) for match in pattern.finditer(line)]


def has_scheme(target: str) -> bool:
    """Whether a link's address leads to the same place wherever it is read (not relative to a page)."""
    return bool(SCHEME.match(target))


def footnote_references(line: str) -> list[str]:
    return REFERENCE.findall(line)


def without_references(line: str) -> str:
    return REFERENCE.sub("", line)


def definition_label(line: str) -> str | None:
    match = DEFINITION.match(line)
    return match.group(1) if match else None


def is_continuation(lines: list[str], index: int) -> bool:
    """Whether line ``index`` still belongs to the footnote definition above it (indented, or a blank between)."""
    line = lines[index]
    if line.startswith(("    ", "\t")):
        return True
    return not line.strip() and index + 1 < len(lines) and lines[index + 1].startswith(("    ", "\t"))


def footnote_definitions(markdown: str) -> dict[str, str]:
    """``[^label]: text`` with its indented continuation, as Python-Markdown reads it."""
    return {label: text for label, text, _, _ in definition_blocks(markdown.split("\n"))}


def definition_blocks(lines: list[str]) -> list[tuple[str, str, int, int]]:
    """(label, Markdown, first index, index after the last line) of each footnote definition."""
    found = []
    index = 0
    while index < len(lines):
        match = DEFINITION.match(lines[index])
        if not match:
            index += 1
            continue
        start, label, body = index, match.group(1), [lines[index][match.end():]]
        index += 1
        while index < len(lines) and is_continuation(lines, index):
            body.append(lines[index])
            index += 1
        first, rest = body[0], textwrap.dedent("\n".join(body[1:]))
        found.append((label, "\n".join([first, rest]).strip() if rest.strip() else first.strip(), start, index))
    return found


def fingerprint(markdown: str) -> str:
    """A short checksum of a rebuttal's Markdown, spacing aside."""
    return hashlib.sha256(" ".join(markdown.split()).encode("utf-8")).hexdigest()[:8]


def rebuttal_fingerprints(body: str) -> str:
    """The fingerprints of every rebuttal in a page's body, for its front matter: what the source wrote."""
    return " ".join(sorted({fingerprint(markdown) for _, markdown, _, _ in definition_blocks(body.split("\n"))}))


@dataclass
class PageText:
    """A Markdown page as the commands see it: its lines and what stands on which."""

    path: Path
    fields: dict
    body_start: int  # the line number of the body's first line
    lines: list[str]

    def numbered(self, index: int) -> int:
        return self.body_start + index

    def anchors(self) -> dict[str, int]:
        """Each explicit id and the index of the line carrying it (the first, if repeated)."""
        if getattr(self, "_anchors", None) is None:
            found: dict[str, int] = {}
            for index, line in enumerate(self.lines):
                for item_id in ids.anchors_in(line):
                    found.setdefault(item_id, index)
            self._anchors = found
        return self._anchors

    def text_index(self, item_id: str) -> int | None:
        """The index of the line holding the text of the item carrying ``item_id``."""
        index = self.anchors().get(item_id)
        if index is None:
            return None
        if ids.without_anchors(self.lines[index]).strip().lstrip(">").strip():  # a heading carries its anchor on its own line
            return index
        return index - 1 if index else None

    def text_line(self, item_id: str) -> str | None:
        """The Markdown line holding the text of the item carrying ``item_id``, as written."""
        index = self.text_index(item_id)
        if index is None:
            return None if item_id not in self.anchors() else ""
        return ids.without_anchors(self.lines[index])

    def item_line(self, item_id: str) -> str | None:
        """The text of the item carrying ``item_id``, without footnote references or markers."""
        text = self.text_line(item_id)
        if text is None:
            return None
        return " ".join(MARKERS.sub("", without_references(text), count=1).split())

    def quoted_and_own_lines(self, end: int) -> tuple[dict[str, int], list[int]]:
        """The page before line index ``end`` (a holding section's start), rebuttals left out: each
        item's anchor with the index of its line, and the indexes of the other non-blank lines (a
        heading, a figure's markup, and anything else written outside a rebuttal)."""
        in_rebuttal = {index for _, _, start, stop in self.definitions() for index in range(start, stop)}
        items = {item_id: index for item_id, index in self.anchors().items() if index < end and index not in in_rebuttal}
        taken = set(items.values()) | {self.text_index(item_id) for item_id in items} | in_rebuttal
        return items, [index for index in range(min(end, len(self.lines))) if index not in taken and self.lines[index].strip()]

    def source_rebuttals(self) -> set[str] | None:
        """The fingerprints of the rebuttals the source gave this page; None for a page written before they were kept."""
        if SOURCE_REBUTTALS not in self.fields:
            return None
        return set(str(self.fields[SOURCE_REBUTTALS] or "").split())

    def definitions(self) -> list[tuple[str, str, int, int]]:
        return definition_blocks(self.lines)

    def references(self) -> list[tuple[str, int]]:
        """(label, line index) of every footnote reference outside a definition's own label."""
        found = []
        for index, line in enumerate(self.lines):
            match = DEFINITION.match(line)
            rest = line[match.end():] if match else line
            found += [(label, index) for label in REFERENCE.findall(rest)]
        return found


def parse_page(path: Path, text: str) -> tuple[PageText | None, list[Problem]]:
    read = read_front_matter(text)
    if read.problem is not None:
        line, message = read.problem
        return None, [Problem(path, line, message)]
    if not read.fields.get("title"):
        return None, [Problem(path, 2, "the front matter needs a title: 'title: ...'")]
    return PageText(path, read.fields, read.body_line, read.body.split("\n")), []


def read_page(path: Path) -> tuple[PageText | None, list[Problem]]:
    return parse_page(path, read_text(path))
