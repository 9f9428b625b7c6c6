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
from dataclasses import dataclass, field
from typing import Sequence

from . import classify

TAG = re.compile(r"<[^>]*>")  # a cheap view of a line for counting forms; the rules read the real fragments
PAGE_NUMBER = re.compile(r"[\s.\u00b7\u2026_]*\d+$")  # "Chapter 1: Workforce ..... 4"
FORM = re.compile(r"^([A-Za-z]+)\s+(?:\d+|[A-Z]|[IVXLC]+)\b")
CONTENTS_ENTRIES = 3  # fewer heading-like lines in a row are not a table of contents
CONTENTS_REPEATED = 2 / 3  # the share of its entries that must come back as headings
LABEL_WORDS = 3  # "Contents", "Table of contents"


@dataclass(frozen=True)
class HeadingPlan:
    ranks: dict[int, int] = field(default_factory=dict)  # source line -> heading rank, where the document says so
    contents: frozenset[int] = frozenset()  # lines of a table of contents


def heading_text(line: str) -> str:
    """The first cell of a line as plain text, spaces collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", line.split("\t")[0])).split())


def is_candidate(text: str) -> bool:
    """Short, no sentence ending, not a numbered paragraph or a figure: it could be a heading."""
    return (
        bool(text) and classify.words(text) <= classify.LABELLED_WORDS and not classify.ends_sentence(text)
        and not classify.NUMBERED.match(text) and classify.figure_number(text) is None
    )


def plan_headings(lines: Sequence[str], skip: set[int], parts: Sequence[str] = ()) -> HeadingPlan:
    texts = {number: heading_text(line) for number, line in enumerate(lines, 1) if number not in skip}
    texts = {number: text for number, text in texts.items() if text}
    contents, listed = _contents(texts)
    ranks = {number: 1 for number in listed if classify.heading_rank(texts[number]) is None}
    ranks.update(_form_ranks(texts, contents))
    ranks.update(_configured(texts, contents, parts))
    return HeadingPlan(ranks, frozenset(contents))


def _entry(text: str) -> str:
    return PAGE_NUMBER.sub("", text).strip().casefold()


def _contents(texts: dict[int, str]) -> tuple[set[int], set[int]]:
    """The lines of a table of contents and the later headings it lists."""
    first_numbered = next((n for n, text in texts.items() if classify.NUMBERED.match(text)), max(texts, default=0) + 1)
    run: list[int] = []
    for number, text in texts.items():
        if number >= first_numbered:
            break
        again = any(_entry(texts[n]) == _entry(text) for n in run)  # the body's first heading: the contents end
        if is_candidate(PAGE_NUMBER.sub("", text).strip() or text) and not again:
            run.append(number)
            continue
        if (found := _listed(run, texts)) is not None:
            return found
        run = []
    return _listed(run, texts) or (set(), set())


def _listed(run: list[int], texts: dict[int, str]) -> tuple[set[int], set[int]] | None:
    if len(run) < CONTENTS_ENTRIES:
        return None
    later: dict[str, int] = {}
    for number, text in texts.items():
        if number > run[-1] and is_candidate(text):
            later.setdefault(text.casefold(), number)
    entries = [n for n in run if _entry(texts[n]) in later]
    if len(entries) < CONTENTS_ENTRIES:
        return None
    start, end = run.index(entries[0]), run.index(entries[-1]) + 1
    if start and classify.words(texts[run[start - 1]]) <= LABEL_WORDS:
        start -= 1  # its label, "Contents"; the document's title before it stays
    run = run[start:end]
    if len(entries) < CONTENTS_REPEATED * len(run):
        return None
    return set(run), {later[_entry(texts[n])] for n in entries}


def _form_ranks(texts: dict[int, str], contents: set[int]) -> dict[int, int]:
    """Ranks the recurring forms give: a part form where the document has no part word; nested part forms."""
    forms: dict[str, list[int]] = {}
    for number, text in texts.items():
        if number not in contents and is_candidate(text) and classify.heading_rank(text) is not None and (match := FORM.match(text)):
            forms.setdefault(match.group(1).casefold(), []).append(number)
    numbered = [n for n, text in texts.items() if classify.NUMBERED.match(text)]
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


def _holds(at: list[int], numbered: list[int]) -> bool:
    """Whether numbered paragraphs follow the form's headings (before the next one, or the end)."""
    bounds = at[1:] + [10 ** 12]
    return sum(1 for start, end in zip(at, bounds) if any(start < n < end for n in numbered)) > len(at) / 2


def _nested(inner: list[int], outer: list[int]) -> bool:
    """Whether ``inner`` starts again under two or more of ``outer``'s headings (annexes all after the last chapter do not)."""
    under = {sum(1 for o in outer if o < number) for number in inner}
    return len(under - {0}) >= 2


def _configured(texts: dict[int, str], contents: set[int], parts: Sequence[str]) -> dict[int, int]:
    if not parts:
        return {}
    titles = {part.strip().casefold() for part in parts}
    words = {part.casefold() for part in titles if " " not in part}
    ranks = {}
    for number, text in texts.items():
        match = FORM.match(text)
        if number not in contents and is_candidate(text) and (
            text.casefold().rstrip(":") in titles or (match and match.group(1).casefold() in words)
        ):
            ranks[number] = 1
    return ranks
