"""Every id of a review, made and read in one place.

Two namespaces that cannot meet:

* **items** (what a rebuttal can answer) always start with ``para-`` or
  ``figure-``: a numbered paragraph is ``para-N`` (any number of digits), a
  figure ``figure-N``, and an unnumbered item ``para-N-<words>``, named
  after the paragraph N it follows (0 before the first) and its own first
  words. The words, not a position, so a row inserted or deleted before an
  item leaves its id (and every link to it) as it was; identical items in
  the same place are told apart by ``-2``, ``-3``;
* **sections** (a page of the review) are named after their heading's label
  or first words (``part-1``, ``home-secretary-foreword``) and never start
  with an item's prefix.

A rebuttal's footnote label is the id of the item it answers; Python-
Markdown gives its definition the id ``fn:<label>``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

PARAGRAPH = "para"
FIGURE = "figure"
ITEM_PREFIXES = (f"{PARAGRAPH}-", f"{FIGURE}-")
KEY_WORDS = 4  # enough words to tell items apart, few enough to survive a correction later in the text
KEY_LENGTH = 40

NUMBERED = re.compile(rf"^{PARAGRAPH}-(\d+)$")
UNNUMBERED = re.compile(rf"^{PARAGRAPH}-(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$")
FIGURED = re.compile(rf"^{FIGURE}-(\d+)$")
FIGURE_NOTE = re.compile(rf"^{FIGURE}-(\d+)-note-(\d+)$")  # a line under a figure: its source, a "Note:"
# How an id stands in a page (attr_list), and the characters an id may hold there: written one way
# (``anchor``), read in every spelling Python-Markdown's attr_list gives the same id ("{#para-43}", "{: #para-43 }").
ANCHOR = re.compile(r"\{:?[ \t]*#([A-Za-z0-9_:.-]+)(?:[ \t]+data-page=(?:\"\d+\"|'\d+'|\d+))?[ \t]*\}")
# A line meant as an item's anchor that is none (a brace or the "#" lost, a stray quote): named, not taken for text.
ANCHOR_ATTEMPT = re.compile(r"^\s*\{.*\b(?:para|figure)-\d|#(?:para|figure)-\d[^\s]*\s.*\}\s*$")
# The original's page an item is on, an attribute of its anchor (and so of its element on the site).
PAGE_ATTRIBUTE = "data-page"
LABEL = re.compile(r"^\s*([A-Za-z]+\s+\d+)\s*[:.]")
# How the original writes a paragraph's own number before its words: "43.", or as a column of numbers
# has it, "43", "(43)", "Para 43", "Paragraph 43", "No. 43". Read here for the converter's column of
# numbers and for the site's link on the number, so both know the same forms.
WRITTEN_NUMBER = r"(?:(?:para(?:graph)?|no)\.?\s*)?\(?({number})\)?\.?"


def paragraph_id(number: int) -> str:
    return f"{PARAGRAPH}-{number}"


def written_number(number: str = r"\d{1,5}") -> re.Pattern:
    """A paragraph's number as the original writes it (``WRITTEN_NUMBER``), ``number`` its digits (any by default)."""
    return re.compile(WRITTEN_NUMBER.format(number=number), re.IGNORECASE)


def figure_id(number: int) -> str:
    return f"{FIGURE}-{number}"


def anchor(item_id: str, page: int = 0) -> str:
    """The attr_list mark that gives the block before it its id, and the original's page when known."""
    return f'{{ #{item_id} {PAGE_ATTRIBUTE}="{page}" }}' if page else f"{{ #{item_id} }}"


def page_of_element(attributes: dict) -> int | None:
    """The original's page of a rendered item, from its element's attributes; None when it has none."""
    value = str(attributes.get(PAGE_ATTRIBUTE, ""))
    return int(value) if value.isdigit() else None


def anchors_in(line: str) -> list[str]:
    return ANCHOR.findall(line)


def is_broken_anchor(line: str) -> bool:
    """Whether ``line`` was meant to carry an item's anchor but attr_list would not read it as one."""
    return bool(ANCHOR_ATTEMPT.search(line)) and not ANCHOR.search(line)


def without_anchors(line: str) -> str:
    return ANCHOR.sub("", line)


def footnote_label(item_id: str) -> str:
    return item_id


def footnote_id(label: str) -> str:
    """The id Python-Markdown gives a footnote's definition."""
    return f"fn:{label}"  # footnote_label_of reads it back


def footnote_label_of(element_id: str) -> str:
    """The label of the footnote whose definition has the id ``element_id`` (``fn:<label>``)."""
    return element_id.removeprefix("fn:")


def is_footnote_id(element_id: str) -> bool:
    """A footnote's definition (``fn:``) or reference (``fnref:``), as Python-Markdown names them."""
    return element_id.startswith(("fn:", "fnref:"))


def paragraph_number(item_id: str) -> int | None:
    """N for ``para-N``; None for every other id."""
    match = NUMBERED.match(item_id)
    return int(match.group(1)) if match else None


def figure_number(item_id: str) -> int | None:
    match = FIGURED.match(item_id)
    return int(match.group(1)) if match else None


def follows(item_id: str) -> int | None:
    """N for an unnumbered item ``para-N-<words>``: the paragraph it comes after (0 before the first)."""
    match = UNNUMBERED.match(item_id)
    return int(match.group(1)) if match else None


def figure_note_id(figure: str, position: int) -> str:
    """The id of the ``position``-th line under the figure ``figure`` (its source, a note)."""
    return f"{figure}-note-{position}"


def note_position(item_id: str, figure: str) -> int | None:
    """P for the ``P``-th line under the figure whose id is ``figure`` (``<figure>-note-P``); None otherwise."""
    rest = item_id.removeprefix(f"{figure}-note-")
    return int(rest) if rest != item_id and rest.isdigit() else None


def figure_note(item_id: str) -> tuple[int, int] | None:
    """(figure, position) for ``figure-N-note-P``; None for every other id."""
    match = FIGURE_NOTE.match(item_id)
    return (int(match.group(1)), int(match.group(2))) if match else None


def is_numbered(item_id: str) -> bool:
    """Whether the id carries the original's own number (a paragraph's or a figure's)."""
    return bool(NUMBERED.match(item_id) or FIGURED.match(item_id))


def is_item_id(item_id: str) -> bool:
    return bool(NUMBERED.match(item_id) or UNNUMBERED.match(item_id) or FIGURED.match(item_id) or FIGURE_NOTE.match(item_id))


def words_key(text: str, words: int = KEY_WORDS) -> str:
    """The first few words of ``text`` in lower-case ASCII, joined by hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    key = "-".join(re.findall(r"[a-z0-9]+", folded)[:words])
    return key[:KEY_LENGTH].rstrip("-") or "item"


def heading_label(heading: str) -> str | None:
    """The label a heading opens with ("Part 2" of "Part 2: What we know"), or None."""
    label = LABEL.match(heading)
    return " ".join(label.group(1).split()) if label else None


def section_key(heading: str) -> str:
    """A section's name: its label ("Part 1", "Objective 2") or its first six words."""
    label = LABEL.match(heading)
    key = words_key(label.group(1) if label else heading, words=6)
    key = "section" if key == "item" else key
    return f"section-{key}" if key.startswith(ITEM_PREFIXES) else key


@dataclass
class Names:
    """The ids given so far in one document; each new one is unique among them."""

    taken: set[str] = field(default_factory=set)
    # For each id wanted more than once, the suffix its next claim starts from: every one below it is
    # taken, and ids are never given back, so thousands of items wanting one id are not counted up anew.
    _next_suffix: dict[str, int] = field(default_factory=dict)

    def claim(self, wanted: str) -> str:
        """``wanted``, else ``wanted-2``, ``wanted-3`` ...: the first not taken."""
        candidate, n = wanted, self._next_suffix.get(wanted, 2)
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        if candidate != wanted:
            self._next_suffix[wanted] = n
        self.taken.add(candidate)
        return candidate

    def section(self, heading: str) -> str:
        return self.claim(section_key(heading))

    def paragraph(self, number: int) -> str:
        return self.claim(paragraph_id(number))

    def figure(self, number: int | None, text: str, after: int) -> str:
        """``figure-N`` for the first figure N; any other figure is named like an unnumbered item."""
        if number is not None and figure_id(number) not in self.taken:
            return self.claim(figure_id(number))
        return self.unnumbered(text, after)

    def unnumbered(self, text: str, after: int) -> str:
        return self.claim(f"{paragraph_id(after)}-{words_key(text)}")
