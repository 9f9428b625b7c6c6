"""Running page furniture (headers, footers) recognised by shape, not by string.

A PDF's running footer survives an export as a short standalone line that
recurs every page or so, often garbled: other words, other case, broken over
two lines, or just a fragment. So furniture is found in three steps:

1. candidates: short blocks that stand alone between blank lines and look
   like no structural element (no tags, no TABs, no sentence ending);
2. prototypes: candidates alike (ratio >= ALIKE) to at least RECURS
   other candidates, so they recur without being equal;
3. furniture: every candidate alike to a prototype, and fragments (a piece
   of a prototype on its own, or two pieces a blank line apart that make one).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable, Sequence

ALIKE = 0.7
FRAGMENT_ALIKE = 0.8
RECURS = 3
MAX_WORDS = 8
MAX_CHARS = 60
# Lines with these shapes are structure, never furniture, however often they recur.
STRUCTURAL = re.compile(r"^(\d|figure\b|table\b|case study\b)", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.?!:;,\"”’)]$")


@dataclass(frozen=True)
class Candidate:
    lines: tuple[int, ...]  # 1-based source line numbers
    text: str  # normalised: lower case, single spaces

    @property
    def compact(self) -> str:
        return self.text.replace(" ", "")


def _normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def _is_candidate_line(line: str) -> bool:
    stripped = line.strip()
    return bool(
        stripped
        and "\t" not in line
        and "<" not in stripped
        and len(stripped) <= MAX_CHARS
        and len(stripped.split()) <= MAX_WORDS
        and not SENTENCE_END.search(stripped)
        and not STRUCTURAL.match(stripped)
        and not stripped.startswith(("-", "*", "#", "[", "•"))
    )


def candidates(lines: Sequence[str]) -> list[Candidate]:
    """Blocks of one or two candidate lines standing between blank lines."""
    found: list[Candidate] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[index:end]
        if len(block) <= 2 and all(_is_candidate_line(line) for line in block):
            found.append(Candidate(tuple(range(index + 1, end + 1)), _normalise(" ".join(block))))
        index = end
    return found


def _at_least(matcher: SequenceMatcher, threshold: float) -> bool:
    """``matcher.ratio() >= threshold``, trying its cheap upper bounds first: most pairs of
    candidates are nothing alike, and the full comparison is what makes many of them slow."""
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def alike(a: str, b: str) -> bool:
    """Similar (ratio >= ALIKE) regardless of case and spacing ("Mandate NOW" ~ "mandate now review")."""
    return _at_least(SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", "")), ALIKE)


def _fragment_of(fragment: str, whole: str) -> bool:
    """Whether ``fragment`` matches some stretch of ``whole`` as well as FRAGMENT_ALIKE."""
    fragment, whole = fragment.replace(" ", ""), whole.replace(" ", "")
    if len(fragment) < 4 or len(fragment) >= len(whole):
        return False
    return any(
        _at_least(SequenceMatcher(None, fragment, whole[start : start + len(fragment)]), FRAGMENT_ALIKE)
        for start in range(len(whole) - len(fragment) + 1)
    )


def prototypes(found: Sequence[Candidate]) -> list[str]:
    counts = Counter(c.text for c in found)
    distinct = sorted(counts)
    return [text for text in distinct if _recurs(text, distinct, counts)]


def _recurs(text: str, distinct: Sequence[str], counts: Counter[str]) -> bool:
    """At least RECURS other candidates are alike to ``text`` (counting stops there)."""
    others = -1  # ``text`` is alike to itself
    for other in distinct:
        if alike(text, other):
            others += counts[other]
            if others >= RECURS:
                return True
    return False


def _is_furniture(text: str, protos: Sequence[str]) -> bool:
    return any(alike(text, p) or _fragment_of(text, p) for p in protos)


def _near(a: Candidate, b: Candidate, lines: Sequence[str]) -> bool:
    """Two candidates with nothing but blank lines between them."""
    between = lines[a.lines[-1] : b.lines[0] - 1]
    return len(between) <= 3 and not any(line.strip() for line in between)


def furniture_lines(lines: Sequence[str], extra: Callable[[str], bool] | None = None) -> set[int]:
    """The 1-based numbers of the lines that are running page furniture."""
    found = candidates(lines)
    protos = prototypes(found)
    known = set(protos)  # alike to themselves: no comparison needed
    result: set[int] = set()

    def furniture(text: str) -> bool:
        return text in known or _is_furniture(text, protos) or bool(extra and extra(text))

    for candidate in found:
        if furniture(candidate.text):
            result.update(candidate.lines)
        elif len(candidate.lines) > 1:  # two footers in a row, or a footer beside its fragment
            result.update(n for n in candidate.lines if furniture(_normalise(lines[n - 1])))
    for first, second in zip(found, found[1:]):
        if result.issuperset(first.lines + second.lines) or not _near(first, second, lines):
            continue
        for joined in (f"{first.text} {second.text}", f"{second.text} {first.text}"):
            if any(alike(joined, p) for p in protos):
                result.update(first.lines + second.lines)
    return result
