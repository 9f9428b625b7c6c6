"""Acronyms the document defines itself: "National Crime Agency (NCA)"."""

from __future__ import annotations

import re
from typing import Callable, Mapping

from bs4 import NavigableString
from bs4.element import Comment

from ..document.html import text
from .edits import replace_each
from .items import named

ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
CONNECTORS = {"of", "for", "and", "the", "into", "on", "in", "to", "&", "with"}
MAX_WORDS = 10


def expansion(before: str, acronym: str) -> str | None:
    """The words ending ``before`` whose initials spell ``acronym``, as written, or None."""
    letters = [c for c in acronym if c.isupper() or c == "&"]
    words = list(re.finditer(r"\S+", before))[-MAX_WORDS:]
    start = None
    for word in reversed(words):
        if not letters:
            break
        bare = word.group(0).strip("“”\"'‘’,;:")
        if bare.lower() in CONNECTORS and start is not None:
            continue
        if bare[:1] == letters[-1] or bare == letters[-1]:
            start = word.start()
            letters.pop()
        else:
            return None
    if letters or start is None:
        return None
    return " ".join(before[start:].split()).rstrip(",;:")  # one line: a definition never spills into the page


LOOK_BACK = 4096  # the most characters an expansion's words are looked for in: ten words of 400 characters


def last_words(text: str, end: int) -> int:
    """Where a stretch of ``text`` ending at ``end`` starts that holds more than ``MAX_WORDS`` words (or
    the start of the text, or LOOK_BACK characters before ``end``): all ``expansion`` reads, so a page
    with many acronyms, or with thousands in brackets and no space between, is not read again from its
    start for each."""
    size = 256
    while True:
        start = max(0, end - size)
        if start == 0 or size >= LOOK_BACK or len(text[start:end].split()) > MAX_WORDS:
            return start
        size *= 4


def find_abbreviations(texts) -> dict[str, str]:
    """The first expansion given for each acronym, in the order the texts define them."""
    found: dict[str, str] = {}
    for text in texts:
        for match in ACRONYM.finditer(text):
            acronym = match.group(1)
            if acronym not in found:
                expanded = expansion(text[last_words(text, match.start()) : match.start()], acronym)
                if expanded:
                    found[acronym] = expanded
    return found


def acronym_pattern(names) -> re.Pattern:
    """Any of the acronyms ``names`` as a whole word, the longest first where one begins another
    (CSAM before CSA): what Python-Markdown's ``abbr`` looks for. Each name's first letter comes
    before its word boundary is checked, so the search skips straight to the letters that can
    start a name rather than trying every position of the text (five times quicker). The names
    are one tree of their letters (C, then S, then A, then M or the end), not a list of names:
    the regular expression tries each name in turn, and a page of thousands of acronyms took
    time in their number times the page's length."""
    tree: dict = {}
    for name in names:
        node = tree
        for letter in name:
            node = node.setdefault(letter, {})
        node[""] = {}  # a name ends here
    return re.compile(_either([re.escape(letter) + r"(?<=\b.)" + _after(rest) for letter, rest in tree.items()]) + r"\b")


def _after(node: dict) -> str:
    """What may follow a name's letters so far: each way on, longest first (greedy), or the end."""
    onward = _either([re.escape(letter) + _after(rest) for letter, rest in node.items() if letter])
    return f"(?:{onward})?" if onward and "" in node else onward


def _either(choices: list[str]) -> str:
    return "" if not choices else choices[0] if len(choices) == 1 else "(?:" + "|".join(choices) + ")"


def marking(abbreviations: Mapping[str, str]) -> Callable[[str], str]:
    """Plain text to HTML with each acronym of ``abbreviations`` in it an ``<abbr>`` with its expansion,
    as Python-Markdown's ``abbr`` marks up a text: for the lines reviewgen writes as HTML itself."""
    if not abbreviations:
        return text
    pattern = acronym_pattern(abbreviations)

    def marked(words: str) -> str:
        parts, start = [], 0
        for match in pattern.finditer(words):
            parts += [text(words[start : match.start()]), f'<abbr title="{text(abbreviations[match[0]])}">{text(match[0])}</abbr>']
            start = match.end()
        return "".join(parts) + text(words[start:])

    return marked


# Where Python-Markdown's ``abbr`` leaves text alone: code, and what is already an abbreviation.
NOT_WRAPPED = frozenset({"code", "pre", "kbd", "abbr", "script", "style", "button", "svg"})


def titled_once(soup, seen: set[tuple[str, str]] | None = None) -> None:
    """Only the first use of each acronym on a page keeps its expansion (``title``); later uses stay
    ``<abbr>``. A reader needs the expansion once, and Material mounts a tooltip on every element
    with a title, each measuring the page as it opens: on the longest page, a hundred of them.
    ``seen``: the uses of the parts of the page before this one, for a page made of several."""
    seen = set() if seen is None else seen
    for abbr in [element for element in named(soup, "abbr") if "title" in element.attrs]:
        use = (abbr.get_text(), abbr["title"])  # an acronym given another expansion is told again
        if use in seen:
            del abbr["title"]
        seen.add(use)


def wrap_abbreviations(soup, abbreviations: dict[str, str]) -> int:
    """In rendered HTML, each defined acronym wrapped in ``<abbr>`` as Python-Markdown's ``abbr``
    would have done from the definitions, for a site built without them, its first use on the page
    with the expansion (``titled_once``). How many were wrapped."""
    if not abbreviations:
        return 0
    pattern = acronym_pattern(abbreviations)
    wrapped, replacements = 0, []
    for node in [node for node in soup.descendants if isinstance(node, NavigableString) and pattern.search(node)]:
        if isinstance(node, Comment) or any(parent.name in NOT_WRAPPED for parent in node.parents):
            continue
        value, parts, start = str(node), [], 0
        for match in pattern.finditer(value):
            parts.append(NavigableString(value[start:match.start()]))
            abbr = soup.new_tag("abbr", attrs={"title": abbreviations[match.group(0)]})
            abbr.string = match.group(0)
            parts.append(abbr)
            start = match.end()
        parts.append(NavigableString(value[start:]))
        replacements.append((node, [part for part in parts if part != ""]))
        wrapped += len(parts) // 2
    replace_each(replacements)
    titled_once(soup)
    return wrapped
