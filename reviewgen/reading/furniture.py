"""Running page furniture (headers, footers) recognised by shape, not by string.

A PDF's running footer survives an export as a short standalone line that
recurs every page or so, often garbled: other words, other case, broken over
two lines, or just a fragment. So furniture is found in three steps:

1. candidates: short blocks of one or two lines that stand alone between
   blank lines and look like no structural element (no tags, no TABs, no
   sentence ending), or one such line beside its page number (where such
   numbers go up a page or so at a time through the document, as pages do);
2. prototypes: candidate lines alike (ratio >= ALIKE) to at least RECURS
   other candidate lines, so they recur without being equal;
3. furniture: every candidate alike to a prototype, and fragments (a piece
   of a prototype on its own, or two pieces, in one block or a blank line
   apart, that together are more like a prototype than either alone), with
   the page number in the block of any of them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable, Iterator, Sequence

from .classify import ITEM_MARKS
from .headings import FORM

ALIKE = 0.7
FRAGMENT_ALIKE = 0.8
RECURS = 3
MAX_WORDS = 14  # a running title such as "Review of the National Housing Strategy by the Tenants Group, 2024"
MAX_CHARS = 100
# Lines with these shapes are structure, never furniture, however often they recur.
STRUCTURAL = re.compile(r"^(\d|figure\b|table\b|case study\b)", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.?!:;,\"”’)]$")
# A page's number, on the line above or below its footer ("12", "12 of 40", "12/40", "- 12 -", front pages' "iv").
PAGE_NUMBER = re.compile(
    r"^(?:[-\u2013\u2014]\s*)?(\d{1,4}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))(\s*(of|/)\s*\d{1,4})?(?:\s*[-\u2013\u2014])?$",
    re.IGNORECASE | re.ASCII,
)
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
PAGE_LINES = 10  # the fewest lines between two pages' footers: a page holds text
# A number standing alone is a page's only among others that go as pages do, this many in a row at least,
# each this many lines on from the last and a page's text between (a list's "1", "2", "3" over its steps is none).
LONE_PAGES = 3
LONE_PAGE_LINES = 4
LONE_PAGE_MOST = 1000  # a number standing alone from here on is a year or a count, not a review's page
# A footer's page number before its words on the same line, set apart by a bar or a run of spaces
# ("24 | Housing Action review", "24   Housing Action review"); one space is a numbered heading's ("3 Delivery").
NUMBER_FIRST = re.compile(r"^\d{1,4}(?:\s*\|\s*|\s{2,})(?=\S)")
TRAILING_NUMBER = re.compile(r"\s(\d{1,4})$")  # ... or after them, "Housing Action review 24"
PAGE_BESIDE = re.compile(rf"{NUMBER_FIRST.pattern}|{TRAILING_NUMBER.pattern}")


@dataclass(frozen=True)
class Candidate:
    lines: tuple[int, ...]  # 1-based source line numbers
    text: str  # its lines' words, normalised: lower case, single spaces (a page number left out)
    pieces: tuple[str, ...]  # each line normalised; a page number's is "": furniture only beside furniture


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
        and not stripped.startswith(("-", "*", "#", "[", *ITEM_MARKS))
    )


def _piece(line: str) -> str:
    """A line's words as a footer is compared by (normalised), a page number before them left out; "" for a
    line that cannot be a footer's."""
    if (number := NUMBER_FIRST.match(line.strip())) is not None:
        line = line.strip()[number.end():]
    return _normalise(line) if _is_candidate_line(line) else ""


def _without_page(line: str) -> str:
    """A footer's line without the page number on it ("Housing Action review 24" -> "Housing Action review")."""
    line = line.strip()
    if (number := NUMBER_FIRST.match(line)) is not None:
        return line[number.end():]
    return TRAILING_NUMBER.sub("", line)


PAGE_WORDS = frozenset({"page", "p", "pp", "pg"})  # "Page 24": a page's label, which goes up as pages do
PAGE_LABEL = re.compile(rf"^(?:{'|'.join(PAGE_WORDS)})\.?\s*(\d{{1,4}})(?:\s*(?:of|/)\s*\d{{1,4}})?$", re.IGNORECASE)  # "Page 12 of 40"


def printed_page(line: str) -> int | None:
    """The page number a footer's line prints: alone ("12", "- 12 -", "xii"), as "Page 12 of 40", or beside
    the footer's words ("Housing Action review 24", "24 | Housing Action review"); None for a line without one."""
    line = line.strip()
    if (alone := page_number(line)) is not None:
        return alone
    if (labelled := PAGE_LABEL.match(line)) is not None:
        return int(labelled[1])
    if (first := NUMBER_FIRST.match(line)) is not None:
        return int(line[:first.end()].strip(" |\t"))
    last = TRAILING_NUMBER.search(line)
    return int(last[1]) if last else None


def page_number(line: str) -> int | None:
    """The number of a line that is only a page's number ("12", "12 of 40", "iv"), or None."""
    match = PAGE_NUMBER.match(line.strip())
    if match is None:
        return None
    if match[1].isdigit():
        return int(match[1])
    values = [ROMAN[letter] for letter in match[1].lower()]
    # A letter before a larger one is taken from it (iv = 4), as Roman numerals are read.
    return sum(-value if value < following else value for value, following in zip(values, values[1:] + [0]))


def candidates(lines: Sequence[str]) -> list[Candidate]:
    """Blocks of one or two candidate lines standing between blank lines, or of one beside its page number
    (a block of a line and a number is one only where such numbers go as page numbers do), and a candidate
    line that ends a block of rows."""
    found: list[tuple[Candidate, int | None]] = []  # each with the number beside it, if any
    between_rows: list[tuple[Candidate, int]] = []  # footers between rows, each with its page number
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[index:end]
        as_pages = [page_number(line) for line in block]
        numbers = [number for number in as_pages if number is not None]
        pieces = tuple(_piece(line) if page is None else "" for line, page in zip(block, as_pages))
        candidate = Candidate(tuple(range(index + 1, end + 1)), " ".join(piece for piece in pieces if piece), pieces)
        if len(block) <= 2 and all(pieces):
            found.append((candidate, None))
        elif len(block) == 2 and len(numbers) == 1 and any(pieces):  # a line and one number: a footer and its page?
            found.append((candidate, numbers[0]))
        elif pieces[-1] and all("\t" in line for line in block[:-1]):  # a footer under the last row of its page, the blank
            found.append((Candidate((end,), pieces[-1], (pieces[-1],)), None))  # line between lost (a label opens content: never first)
        else:  # a footer under a row, with no blank line about it: only with its page number on its line (below)
            between_rows.extend(
                (Candidate((index + at + 1,), pieces[at], (pieces[at],)), page) for at in range(1, len(block))
                if pieces[at] and "\t" in block[at - 1] and (at + 1 == len(block) or "\t" in block[at + 1])
                and PAGE_BESIDE.search(block[at].strip()) and (page := printed_page(block[at])) is not None
            )
        index = end
    numbered = [(candidate.lines[0], number) for candidate, number in found if number is not None]
    pages = _page_like(numbered) | _in_page_order([(candidate.lines[0], page) for candidate, page in between_rows])
    return [candidate for candidate, number in found if number is None or candidate.lines[0] in pages] + [
        candidate for candidate, _ in between_rows if candidate.lines[0] in pages
    ]


def _in_page_order(
    numbered: Sequence[tuple[int, int]], apart: int = 1, page_between: Callable[[int, int], bool] = lambda line, following: True,
    fewest: int = LONE_PAGES,
) -> set[int]:
    """Of lines with a number (line, number), in order, those in a run of ``fewest`` or more whose numbers go on
    as pages do, a page to three at a time, each ``apart`` lines on from the last at least and a page between
    (``page_between`` of the two lines): "Our rating: 2", "Our rating: 1" go no way pages do."""
    found: set[int] = set()
    chain: list[int] = []
    for (line, number), following in zip(numbered, [*numbered[1:], None]):
        chain.append(line)
        if following is None or not (1 <= following[1] - number <= 3 and following[0] - line >= apart and page_between(line, following[0])):
            if len(chain) >= fewest:
                found.update(chain)
            chain = []
    return found


def lone_page_numbers(lines: Sequence[str]) -> set[int]:
    """The lines that hold nothing but a page's number ("12", "- 12 -", "xii") standing alone, between blank
    lines or under the last row of a page, where LONE_PAGES or more of them go on as pages do: a page to three
    on from the one before, LONE_PAGE_LINES away. A year, a total or a list's number standing alone stays."""
    alone = []
    for index, line in enumerate(lines):
        number = page_number(line)
        if number is None or number >= LONE_PAGE_MOST:  # "2019" standing alone is a year
            continue
        before = lines[index - 1] if index else ""
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if not after.strip() and (not before.strip() or "\t" in before):
            alone.append((index + 1, number))
    return _in_page_order(alone, LONE_PAGE_LINES, lambda line, following: _holds_a_page(lines[line:following - 1]))


def _holds_a_page(between: Sequence[str]) -> bool:
    """What a page between two page numbers holds: a row of the table, or two lines of text (a sentence or
    longer) at least. A list's steps or a timeline, one line under each number, hold less."""
    rows = sum(1 for line in between if "\t" in line)
    text = sum(1 for line in between if len(line.split()) >= MAX_WORDS or SENTENCE_END.search(line.strip()))
    return rows >= 1 or text >= 2


def _page_like(numbered: Sequence[tuple[int, int]]) -> set[int]:
    """Of blocks of a line and a number (first line, number), in document order, those whose number
    goes as a page's does: a page to three after the block before or before the block after, and a
    page's text away (PAGE_LINES). So a part may start again at 1 and a page be out of place; steps in
    a list ("Step" / "1", "2", "3" a few lines apart), totals or years beside a label are no pages."""
    return _in_page_order(numbered, PAGE_LINES, fewest=2)


def _compact(text: str) -> str:
    """What texts are compared as: spacing left out ("mandate now" ~ "mandatenow")."""
    return text.replace(" ", "")


def _matcher(a: str, b: str) -> SequenceMatcher:
    return SequenceMatcher(None, _compact(a), _compact(b))


def _at_least(matcher: SequenceMatcher, threshold: float) -> bool:
    """``matcher.ratio() >= threshold``, trying its cheap upper bounds first: most pairs of
    candidates are nothing alike, and the full comparison is what makes many of them slow."""
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


DIVISION = re.compile(FORM.pattern, re.IGNORECASE)  # "Stage 2", "Recommendation 12", "Annex B": the document's own divisions


def _other_divisions(a: str, b: str) -> bool:
    """Two lines that open with the same word and a different number or letter ("Stage 1", "Stage 2"): a
    document's divisions in sequence, however alike their words, never one footer recurring."""
    first, second = DIVISION.match(a), DIVISION.match(b)
    return bool(
        first and second and first[1].lower() == second[1].lower() and first[1].lower() not in PAGE_WORDS
        and first[0].lower() != second[0].lower()
    )


def alike(a: str, b: str) -> bool:
    """Similar (ratio >= ALIKE) regardless of case and spacing ("Mandate NOW" ~ "mandate now review"); the
    same line with another division's label is not ("Stage 1", "Stage 2")."""
    return _at_least(_matcher(a, b), ALIKE) and not _other_divisions(a, b)


def _fragment_of(fragment: str, whole: str) -> bool:
    """Whether ``fragment`` matches some stretch of ``whole`` as well as FRAGMENT_ALIKE."""
    fragment, whole = _compact(fragment), _compact(whole)
    if len(fragment) < 4 or len(fragment) >= len(whole):
        return False
    return any(
        _at_least(SequenceMatcher(None, fragment, whole[start : start + len(fragment)]), FRAGMENT_ALIKE)
        for start in range(len(whole) - len(fragment) + 1)
    )


class Likeness:
    """Which of many texts are ``alike`` to a given one, or hold it as a fragment.

    ``difflib`` comparing every candidate with every other took minutes for a
    source of thousands of different short lines (a list of names, say).
    RapidFuzz's ratio and partial ratio are upper bounds of ``difflib``'s
    (they count the longest common subsequence, and ``difflib``'s matching
    blocks are one common subsequence), so, where there are many, compiled
    code runs through the pairs and rules out those that cannot be alike,
    and ``alike`` and ``_fragment_of`` judge the few left. The answers are
    exactly theirs either way. Pairs of lengths too far apart to be alike are
    never looked at; the rest still are: the work grows with the square of the
    number of different candidates, but at a tenth of a microsecond a pair.
    """

    # Below this many texts difflib alone is quicker than importing the compiled bound (a fiftieth
    # of a second, a tenth of converting a whole review); most sources have a few dozen candidates.
    COMPILED_FROM = 200

    def __init__(self, texts: Sequence[str], compiled: bool | None = None) -> None:
        """``compiled``: whether RapidFuzz rules pairs out first; by default when there are many texts to
        pair. A few texts asked about many times (the prototypes, by every candidate) should say so."""
        # Shortest first (compared without spaces), so that the texts a text may be alike to are a stretch of them.
        self.texts = sorted(texts, key=lambda text: (len(_compact(text)), text))
        self._compact = [_compact(text) for text in self.texts]
        self._lengths = [len(text) for text in self._compact]
        self.compiled = len(self.texts) >= self.COMPILED_FROM if compiled is None else compiled

    def _within(self, text: str, threshold: float, partial: bool = False, among: slice = slice(None)) -> Iterator[int]:
        """The numbers of the texts (``among`` them) whose RapidFuzz bound of likeness to ``text`` (its
        partial ratio when ``partial``) reaches ``threshold``; without the compiled bound, all of them."""
        numbers = range(len(self.texts))[among]
        if not self.compiled:
            yield from numbers
            return
        from rapidfuzz import fuzz, process  # imported only where it pays

        bound = fuzz.partial_ratio if partial else fuzz.ratio
        cutoff = threshold * 100 - 1e-6  # a hair under: rounding never rules out a text that is alike
        # extract with no limit, not extract_iter: a third quicker, the loop over the texts staying in compiled code.
        for _, _, offset in process.extract(_compact(text), self._compact[among], scorer=bound, score_cutoff=cutoff, limit=None):
            yield numbers[offset]

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Each pair of the texts that may be alike, once: both ways round, the ratio bound is the same.
        A ratio is at most twice the shorter length over both, so a text more than (2 - ALIKE) / ALIKE
        times as long as another is never ALIKE to it, nor it to the text."""
        for number, text in enumerate(self.texts):
            longest = self._lengths[number] * (2 - ALIKE) / ALIKE + 1e-9  # a hair over: rounding never leaves out a pair
            end = bisect_right(self._lengths, longest, lo=number + 1)
            for other in self._within(text, ALIKE, among=slice(number + 1, end)):
                yield text, self.texts[other]

    def alike(self, text: str) -> Iterator[str]:
        """The texts ``alike`` to ``text``, found as they are asked for."""
        return (self.texts[number] for number in self._within(text, ALIKE) if alike(text, self.texts[number]))

    def holding(self, fragment: str) -> Iterator[str]:
        """The texts ``fragment`` is a fragment of (``_fragment_of``), found as they are asked for."""
        return (
            self.texts[number] for number in self._within(fragment, FRAGMENT_ALIKE, partial=True)
            if _fragment_of(fragment, self.texts[number])
        )


def prototypes(found: Sequence[Candidate]) -> list[str]:
    """Candidate lines alike to at least RECURS other candidate lines: they recur without being equal.
    Lines, not blocks: an ordinary line in the same block as a footer is still alike to the other
    footers, so the block would become a prototype of its own and take the line with it."""
    counts = Counter(piece for c in found for piece in c.pieces if piece)
    others = Counter({text: count - 1 for text, count in counts.items()})  # each text is alike to itself
    for text, other in Likeness(sorted(counts)).pairs():
        # Counting stops at RECURS; difflib's ratio can differ either way round.
        if others[text] < RECURS and alike(text, other):
            others[text] += counts[other]
        if others[other] < RECURS and alike(other, text):
            others[other] += counts[text]
    return sorted(text for text in counts if others[text] >= RECURS)


def _near(a: Candidate, b: Candidate, lines: Sequence[str]) -> bool:
    """Two candidates with nothing but blank lines between them."""
    between = lines[a.lines[-1] : b.lines[0] - 1]
    return len(between) <= 3 and not any(line.strip() for line in between)


def _piece_of(piece: str, proto: str) -> bool:
    """A piece of the prototype as it is, or like it, or like a stretch of it."""
    return _compact(piece) in _compact(proto) or alike(piece, proto) or _fragment_of(piece, proto)


def _make_one(first: str, second: str, protos: Likeness) -> bool:
    """Two pieces are one footer broken in two when each is a piece of the same prototype and, put
    together either way round, they are more like it than either is alone. A footer with an
    ordinary short line beside it is not: a whole footer is so like itself that a line beside it
    would still leave the two ALIKE, and a heading beside a footer's fragment is no piece of it."""
    for joined in (f"{first} {second}", f"{second} {first}"):
        for proto in protos.alike(joined):
            closer = _matcher(joined, proto).ratio() > max(_matcher(first, proto).ratio(), _matcher(second, proto).ratio())
            if closer and _piece_of(first, proto) and _piece_of(second, proto):
                return True
    return False


def furniture_lines(lines: Sequence[str], extra: Callable[[str], bool] | None = None) -> set[int]:
    """The 1-based numbers of the lines that are running page furniture."""
    found = candidates(lines)
    protos = Likeness(prototypes(found), compiled=len(found) >= Likeness.COMPILED_FROM)  # asked about by every candidate
    known = set(protos.texts)  # alike to themselves: no comparison needed
    result: set[int] = set()

    def furniture(text: str) -> bool:  # a line's text: like a prototype, a piece of one, or a pattern's
        return text in known or any(protos.alike(text)) or any(protos.holding(text)) or bool(extra and extra(text))

    for candidate in found:
        texts = [piece for piece in candidate.pieces if piece]  # a page number's piece is ""
        if len(texts) == 1:  # one line, or one beside its page number: both go if the line is furniture
            if furniture(candidate.text):
                result.update(candidate.lines)
        elif _make_one(*texts, protos) or any(protos.holding(candidate.text)):  # one footer over two lines
            result.update(candidate.lines)
        else:  # two lines, each furniture or not on its own (a pattern names lines, never a block)
            result.update(number for number, piece in zip(candidate.lines, candidate.pieces) if furniture(piece))
    for first, second in zip(found, found[1:]):  # pieces of one footer a blank line apart
        if not result.issuperset(first.lines + second.lines) and _near(first, second, lines) and _make_one(first.text, second.text, protos):
            result.update(first.lines + second.lines)
    return result | lone_page_numbers(lines)


def lone_lines(lines: Sequence[str], furniture: set[int]) -> list[int]:
    """The furniture lines whose words stand nowhere else in the source as they are (a page number on them
    aside): like a footer (a garbled one, or a fragment), and so the likeliest to be a line of the original."""
    counts = Counter(_normalise(_without_page(lines[number - 1])) for number in furniture)
    return sorted(
        number for number in furniture if counts[_normalise(_without_page(lines[number - 1]))] == 1 and page_number(lines[number - 1]) is None
    )


def same_lines(lines: Sequence[str], furniture: set[int]) -> list[list[int]]:
    """The furniture lines that are the same line again, spacing and the page numbers on them aside (and the
    page numbers alone left out), each group in order, the groups by their first line."""
    same: dict[str, list[int]] = {}
    for number in sorted(furniture):
        if page_number(lines[number - 1]) is None:
            same.setdefault(" ".join(_without_page(lines[number - 1]).split()), []).append(number)
    return sorted(group for group in same.values() if len(group) > 1)


def runs(lines: Sequence[str], furniture: set[int]) -> list[list[int]]:
    """The furniture lines in runs alike among themselves (a running footer with its garbled copies;
    a running header; a label of the original that recurs standing alone, "What we will do"), each
    run of two lines or more, its lines in order, the runs in the order they start."""
    by_text: dict[str, list[int]] = {}
    for number in sorted(furniture):
        if page_number(lines[number - 1]) is None:
            by_text.setdefault(_normalise(lines[number - 1]), []).append(number)
    run = {text: text for text in by_text}  # each text's run, joined through alike pairs

    def find(text: str) -> str:
        while run[text] != text:
            run[text] = run[run[text]]
            text = run[text]
        return text

    for text, other in Likeness(sorted(by_text)).pairs():
        if find(text) != find(other) and (alike(text, other) or alike(other, text)):  # a pair in one run already needs no comparing
            run[find(text)] = find(other)
    found: dict[str, list[int]] = {}
    for text, numbers in by_text.items():
        found.setdefault(find(text), []).extend(numbers)
    return sorted(sorted(numbers) for numbers in found.values() if len(numbers) > 1)


def numbers_left_alone(lines: Sequence[str], furniture: set[int]) -> set[int]:
    """The page numbers in ``furniture`` whose block's line is not furniture (an override kept it):
    a number goes only with its footer."""
    alone = set()
    for number in furniture:
        if not 1 <= number <= len(lines) or page_number(lines[number - 1]) is None:
            continue
        mates = [mate for mate in (number - 1, number + 1) if 1 <= mate <= len(lines) and lines[mate - 1].strip()]
        if mates and not any(mate in furniture for mate in mates):
            alone.add(number)
    return alone
