"""Finding the item a rebuttal answered in a changed document, by its text.

The way annotation tools re-anchor a W3C TextQuoteSelector: the quoted text
the rebuttal answered (``exact``), with the texts before and after it
(``prefix``, ``suffix``), is looked for among the new document's items.
Similarity is difflib's ratio (the standard library's, enough for the few
hundred items of a review), word by word for long texts and letter by
letter for short ones. A rebuttal lands only where one item clearly
matches: above the threshold and ahead of every other item, by its own text
or else by its context. Anything else is a :class:`Anchoring` with no target
and the candidates, for an editor to decide.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

THRESHOLD = 0.85  # a reworded sentence or corrected typo stays above it; another item's text falls below
TIE = 0.02  # scores closer than this match "equally"
CONTEXT = 160  # characters of the neighbouring items kept as prefix and suffix
LISTED = 0.5  # below this an item is not worth naming as a candidate
SHARED_WORDS = 0.4  # texts sharing fewer of their words than this are not compared further (that is the slow part)
WORDY = 12  # from this many words on, texts are compared word by word: letter by letter grows with the square of their length

MARKUP = [
    (re.compile(r"^\s*#{1,6}\s+"), ""),  # a heading's hashes
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # a link's text
    (re.compile(r"<((?:https?|mailto):[^>]*)>"), r"\1"),  # an autolink
    (re.compile(r"\\(.)"), r"\1"),  # an escaped character
    (re.compile(r"[*_]+"), ""),  # emphasis
]


def comparable(text: str) -> str:
    """The words of a Markdown or plain line, without markup and spacing differences."""
    for pattern, replacement in MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Quote:
    """A TextQuoteSelector: the exact text and a little of what stands around it."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Target:
    """An item of the new document a rebuttal may land on."""

    item_id: str
    quote: Quote


@dataclass(frozen=True)
class Anchoring:
    item_id: str | None  # where the rebuttal lands; None: held for an editor
    reason: str = ""  # why it was held
    candidates: tuple[tuple[str, float], ...] = ()  # (id, similarity), best first


def quotes_in_order(texts: list[tuple[str, str]]) -> list[tuple[str, Quote]]:
    """(id, Quote) for a run of (id, text) items, each with its neighbours as context."""
    found = []
    for index, (item_id, text) in enumerate(texts):
        prefix = texts[index - 1][1][-CONTEXT:] if index else ""
        suffix = texts[index + 1][1][:CONTEXT] if index + 1 < len(texts) else ""
        found.append((item_id, Quote(text, prefix, suffix)))
    return found


LEADING_NUMBER = re.compile(r"^\d+\.\s*")
DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=None)
def words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


@lru_cache(maxsize=None)
def numbers(text: str) -> tuple[str, ...]:
    """The numbers a text states, less a paragraph's own number: "Figure 1" is never "Figure 2"."""
    return tuple(DIGITS.findall(LEADING_NUMBER.sub("", text)))


def similarities(text: str, others: list[str]) -> list[float]:
    """How alike ``text`` is to each of ``others``, by difflib's ratio (0 to 1).

    A long text is compared word by word, a short one letter by letter (so a
    corrected typo in a short line still counts as nearly the same); a text
    sharing few words with ``text`` scores 0 without the slow comparison.
    """
    by_words = difflib.SequenceMatcher(None, autojunk=False)
    by_words.set_seq2(words(text))  # difflib indexes its second sequence once, for all the others
    by_letters = difflib.SequenceMatcher(None, autojunk=False)
    by_letters.set_seq2(text)
    wordy = len(words(text)) >= WORDY
    found = []
    for other in others:
        if other == text or not other or not text:
            found.append(float(other == text))
            continue
        by_words.set_seq1(words(other))
        if by_words.quick_ratio() < SHARED_WORDS:
            found.append(0.0)
        elif wordy:
            found.append(by_words.ratio())
        else:
            by_letters.set_seq1(other)
            found.append(by_letters.ratio() if by_letters.quick_ratio() >= LISTED else 0.0)
    return found


def similarity(a: str, b: str) -> float:
    return similarities(a, [b])[0]


def likenesses(quote: Quote, targets: list[Target]) -> list[float]:
    """How alike the quote is to each target's text; 0 when they state different numbers, however alike their words."""
    scores = similarities(quote.exact, [target.quote.exact for target in targets])
    return [0.0 if numbers(quote.exact) != numbers(t.quote.exact) else score for score, t in zip(scores, targets)]


def likeness(quote: Quote, target: Target) -> float:
    return likenesses(quote, [target])[0]


def context_score(quote: Quote, target: Target) -> float:
    return similarity(quote.prefix, target.quote.prefix) + similarity(quote.suffix, target.quote.suffix)


def anchor(quote: Quote, targets: list[Target], numbered: bool = False, old_id: str = "") -> Anchoring:
    """Where the rebuttal that answered ``quote`` (on ``old_id``) lands among ``targets``, or why it cannot."""
    same = next((t for t in targets if t.item_id == old_id), None) if numbered else None
    if same is not None and likeness(quote, same) >= THRESHOLD:  # a numbered paragraph or figure keeps its number, if its text is still its own
        return Anchoring(same.item_id)
    if not quote.exact:  # nothing quoted (a figure with no caption): only its own id will do
        same = next((t for t in targets if t.item_id == old_id), None)
        return Anchoring(same.item_id) if same else Anchoring(None, "its item is no longer in the source")
    identical = [t for t in targets if t.quote.exact == quote.exact]
    if len(identical) == 1:  # the common case, without scoring every item
        return Anchoring(identical[0].item_id)
    if identical:
        return by_context(quote, identical, 1.0)
    scored = sorted(zip(likenesses(quote, targets), targets), key=lambda pair: -pair[0])
    candidates = tuple((t.item_id, round(score, 2)) for score, t in scored[:3] if score >= LISTED)
    matching = [(score, t) for score, t in scored if score >= THRESHOLD]
    if not matching:
        if same is not None and similarity(quote.exact, same.quote.exact) >= THRESHOLD:
            # Its number and its words, but a figure in it corrected ("7.5%" to "7.6%"), and no item
            # with its words and its figures: the same paragraph, its figure put right.
            return Anchoring(same.item_id, candidates=candidates)
        reason = "its text changed beyond recognition" if candidates else "its text is no longer in the source"
        return Anchoring(None, reason, candidates)
    best = matching[0][0]
    level = [t for score, t in matching if best - score < TIE]
    if len(level) == 1:
        return Anchoring(level[0].item_id, candidates=candidates)
    return by_context(quote, level, best)


def by_context(quote: Quote, level: list[Target], score: float) -> Anchoring:
    """Items whose own text matches equally well, told apart by what stands around them, if anything does."""
    ranked = sorted(((context_score(quote, t), t) for t in level), key=lambda pair: -pair[0])
    # Only an item whose neighbours on both sides are still the same wins: a duplicated row
    # shares one neighbour with each copy, and must go to an editor.
    if ranked[0][0] >= 2 * THRESHOLD and ranked[0][0] - ranked[1][0] >= TIE:
        return Anchoring(ranked[0][1].item_id)
    tied = tuple((t.item_id, round(score, 2)) for t in level)
    return Anchoring(None, "its text matches several items equally", tied)
