"""A document's own heading levels, read from the document before it is parsed.

Documents divide themselves in their own words: "Part 2:", "Chapter 1",
"Theme 3:", "Annex A", or plain "Introduction" and "Conclusion". Instead of a
fixed list, this pre-pass looks at the heading candidates of the whole source:

* a **table of contents**: a run of heading-like lines before the first
  numbered paragraph whose entries come back later as headings. Its lines are
  dropped as contents (no pages are made of them), and the headings it lists
  are parts, unless their own form says they are lower ("2.1 Title");
* **forms that recur**: when no part word ("Part", "Chapter", ...) occurs, the
  first "Word N:" form that recurs and holds numbered paragraphs is the
  document's part; a part form that starts again under several parts of
  another ("Section 1" under each "Chapter") is one rank below it;
* the configuration's ``headings: {parts: [...]}``: words of a form
  ("Priority" for "Priority 1: ...") or whole titles ("Conclusion").

The result is data the block rules read (``Look.heading_rank``); deciding is
still theirs.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Sequence

from . import classify
from .cells import TAGS, cells_of

PAGE_NUMBER = re.compile(r"[\s.\u00b7\u2026_]*\d+$")  # "Chapter 1: Workforce ..... 4"
FORM = re.compile(r"^([A-Za-z]+)\s+(?:\d+|[A-Z]|[IVXLC]+)\b")
CONTENTS_ENTRIES = 3  # fewer heading-like lines in a row are not a table of contents
CONTENTS_REPEATED = 2 / 3  # the share of its entries that must come back as headings
LABEL_WORDS = 3  # "Contents", "Table of contents"
SHORT_CHARS = 300  # a first cell longer than this, tags and all, is no heading


@dataclass(frozen=True)
class HeadingPlan:
    ranks: dict[int, int] = field(default_factory=dict)  # source line -> heading rank, where the document says so
    contents: frozenset[int] = frozenset()  # lines of a table of contents


def heading_text(cell: str) -> str:
    """A cell as plain text, spaces collapsed."""
    return " ".join(html.unescape(TAGS.sub(" ", cell)).split())  # a cheap view of a line; the rules read the real fragments


def is_candidate(text: str) -> bool:
    """Short, no sentence ending, not a numbered paragraph or a caption: it could be a heading."""
    return (
        bool(text) and classify.words(text) <= classify.LABELLED_WORDS and not classify.ends_sentence(text)
        and not classify.NUMBERED.match(text) and not classify.is_caption(text)
    )


@dataclass(frozen=True)
class Scan:
    """The source as the pre-pass sees it."""

    order: tuple[int, ...]  # every line with text, furniture aside
    candidates: dict[int, str]  # lines that could be headings -> their text
    numbered: tuple[int, ...]  # lines that open numbered paragraphs


def scan(lines: Sequence[str], skip: set[int]) -> Scan:
    order, numbered, candidates = [], [], {}
    for number, line in enumerate(lines, 1):
        cell = cells_of(line)[0]
        if number in skip or not cell.strip():
            continue
        text = heading_text(cell[:SHORT_CHARS])  # enough to see a number or a heading; linear on a huge line
        if not text:
            continue
        order.append(number)
        if classify.NUMBERED.match(text):
            numbered.append(number)
        elif len(cell) <= SHORT_CHARS and is_candidate(_entry_text(text) or text):
            candidates[number] = text
    return Scan(tuple(order), candidates, tuple(numbered))


def plan_headings(lines: Sequence[str], skip: set[int], parts: Sequence[str] = ()) -> HeadingPlan:
    found = scan(lines, skip)
    contents, listed = _contents(found)
    ranks = {number: 1 for number in listed if classify.heading_rank(found.candidates[number]) is None}
    ranks.update(_form_ranks(found, contents))
    ranks.update(_configured(found.candidates, contents, parts))
    return HeadingPlan(ranks, frozenset(contents))


def _entry_text(text: str) -> str:
    return PAGE_NUMBER.sub("", text).strip()


def _contents(found: Scan) -> tuple[set[int], set[int]]:
    """The lines of a table of contents and the later headings it lists."""
    first_numbered = found.numbered[0] if found.numbered else (found.order[-1] + 1 if found.order else 0)
    later: dict[str, list[int]] = {}
    for number, text in found.candidates.items():
        later.setdefault(text.casefold(), []).append(number)
    run: list[int] = []
    seen: set[str] = set()
    for number in found.order:
        if number >= first_numbered:
            break
        text = found.candidates.get(number)
        if text is not None and _entry_text(text).casefold() not in seen:  # seen again: the body's first heading
            run.append(number)
            seen.add(_entry_text(text).casefold())
            continue
        if (listed := _listed(run, found.candidates, later)) is not None:
            return listed
        run, seen = [], set()
    return _listed(run, found.candidates, later) or (set(), set())


def _listed(run: list[int], candidates: dict[int, str], later: dict[str, list[int]]) -> tuple[set[int], set[int]] | None:
    if len(run) < CONTENTS_ENTRIES:
        return None
    again = {}
    for number in run:
        after = [n for n in later.get(_entry_text(candidates[number]).casefold(), ()) if n > run[-1]]
        if after:
            again[number] = after[0]
    if len(again) < CONTENTS_ENTRIES:
        return None
    entries = [n for n in run if n in again]
    start, end = run.index(entries[0]), run.index(entries[-1]) + 1
    if start and classify.words(candidates[run[start - 1]]) <= LABEL_WORDS:
        start -= 1  # its label, "Contents"; the document's title before it stays
    run = run[start:end]
    if len(entries) < CONTENTS_REPEATED * len(run):
        return None
    return set(run), set(again.values())


def _form_ranks(found: Scan, contents: set[int]) -> dict[int, int]:
    """Ranks the recurring forms give: a part form where the document has no part word; nested part forms."""
    forms: dict[str, list[int]] = {}
    for number, text in found.candidates.items():
        if number not in contents and classify.heading_rank(text) is not None and (match := FORM.match(text)):
            forms.setdefault(match.group(1).casefold(), []).append(number)
    numbered = found.numbered
    parts = [word for word in forms if word in classify.PART_WORDS]
    if not parts:
        promoted = next((word for word, at in forms.items() if len(at) > 1 and _holds(at, numbered)), None)
        return {number: 1 for number in forms.get(promoted, [])}
    ranks: dict[int, int] = {}
    top = parts[0]
    for word in parts[1:]:
        if _nested(forms[word], forms[top]):
            ranks.update({number: 2 for number in forms[word]})
    return ranks


def _holds(at: list[int], numbered: Sequence[int]) -> bool:
    """Whether numbered paragraphs follow most of the form's headings (before the next one, or the end)."""
    bounds = at[1:] + [10 ** 12]
    return sum(1 for start, end in zip(at, bounds) if bisect_right(numbered, start) < bisect_left(numbered, end)) > len(at) / 2


def _nested(inner: list[int], outer: list[int]) -> bool:
    """Whether ``inner`` starts again under two or more of ``outer``'s headings (annexes all after the last chapter do not)."""
    under = {bisect_left(outer, number) for number in inner}
    return len(under - {0}) >= 2


def _configured(candidates: dict[int, str], contents: set[int], parts: Sequence[str]) -> dict[int, int]:
    if not parts:
        return {}
    titles = {part.strip().casefold() for part in parts}
    words = {part.casefold() for part in titles if " " not in part}
    ranks = {}
    for number, text in candidates.items():
        match = FORM.match(text)
        if number not in contents and (
            text.casefold().rstrip(":") in titles or (match and match.group(1).casefold() in words)
        ):
            ranks[number] = 1
    return ranks
