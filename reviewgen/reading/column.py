"""Which column a bare line belongs to, weighed from the evidence around it.

A line with neither tags nor a TAB does not say whether it is the original's
or the reviewer's. The export puts the right column below the left one, so
position says most; the voice of the line says the rest. Each piece of
evidence is a row of ``EVIDENCE``: a name a person can read, a weight (for
the reviewer when positive, for the original when negative) and a test. The
weights add up; a total near zero is a guess, and the converter lists it so
an editor can confirm it or override it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Callable

from . import classify


class Column(str, Enum):
    ORIGINAL = "original"
    REVIEWER = "reviewer"


class Before(str, Enum):
    """What the line before a bare line was, as far as its column is concerned."""

    NOTHING = "nothing"  # the document's first text: a response needs something to answer
    START = "start"  # a row the reviewer's column cannot follow (a grid, an empty left cell)
    HEADING = "heading"  # a heading or a box label of the original
    BARE_TEXT = "bare text"  # a bare paragraph of the original
    REVIEWER = "reviewer"  # a line of the reviewer's
    ANSWERED = "answered"  # a row whose response cell holds the response
    UNANSWERED = "unanswered"  # a row of the original whose response cell is empty


@dataclass(frozen=True)
class BareLine:
    text: str
    before: Before
    list_item: bool  # the line is marked as a list item ("- ", "•")
    after_list_item: bool  # the original's last item was a list item
    reviewer: str  # the reviewer's name, from the configuration
    answer_end: str | None = None  # the end of the reviewer's words just before it, if they came just before
    original_end: str | None = None  # the end of the original's paragraph before it
    after_question: bool = False  # the original's heading or paragraph before it asks a question
    under_notes: bool = False  # the last heading is the document's notes' ("Notes", "Endnotes", "References")


@dataclass(frozen=True)
class Evidence:
    name: str
    weight: int
    applies: Callable[[BareLine], bool]


QUESTION = re.compile(r"\?\s*[\"”’)]?\s*$|\?\s+[A-Z]")
# An answer to a question (a consultation's "Question 3: Do you agree ...?"): "Yes.", "No,", "Partly agree:";
# not "No. 10" (Downing Street) nor "No, said 72% ..." of a survey the original quotes, which follow no question.
ANSWER = re.compile(
    r"^(?:yes|no|agree|disagree|(?:strongly|partly|partially|somewhat) (?:agree|disagree)|not sure|don[’']t know)\s*[.,:;!–—-](?!\s*\d)",
    re.IGNORECASE,
)
DOCUMENTS_VOICE = re.compile(r"\b(?:we will|we have|we are|we published|our)\b", re.IGNORECASE)


NOTES_HEADING = re.compile(r"^(?:end\s?notes|foot\s?notes|notes|references|sources|bibliography)$", re.IGNORECASE)
NOTE_NUMBER = re.compile(r"^\d{1,3}\.?\s+\S")  # "2 HM Treasury, ...", "14. Ibid., p. 12."


def asks(text: str) -> bool:
    return bool(QUESTION.search(text))


def names(text: str, reviewer: str) -> bool:
    """Whether the reviewer's name stands in the text as a name ("NEF", not the letters of "benefit")."""
    return bool(reviewer) and re.search(rf"(?<!\w){re.escape(reviewer)}(?!\w)", text, re.IGNORECASE) is not None


def speaks_as_document(text: str) -> bool:
    """Whether the text speaks as the document does ("we will", "our")."""
    return bool(DOCUMENTS_VOICE.search(text))


def speaks_as_reviewer(text: str, reviewer: str) -> bool:
    """What a document's own note does not do: end on a question of its own (a question it quotes ends
    in a quotation mark), or name the reviewer."""
    return text.rstrip().endswith("?") or names(text, reviewer)


EVIDENCE: tuple[Evidence, ...] = (
    Evidence("nothing of the original comes before it", -2, lambda line: line.before is Before.NOTHING),
    Evidence("it follows a heading", -2, lambda line: line.before is Before.HEADING),
    Evidence("it follows a bare paragraph of the original, below which the export puts the response", 2, lambda line: line.before is Before.BARE_TEXT),
    Evidence("it continues the reviewer's lines", 2, lambda line: line.before is Before.REVIEWER),
    Evidence("the reviewer's words before it end on a colon, introducing it", 2,
             lambda line: line.answer_end is not None and line.answer_end.rstrip().endswith(":")
             and not (line.original_end or "").rstrip().endswith(":")),  # the original's own list may follow its colon
    Evidence("it follows a paragraph whose response cell is empty", 1, lambda line: line.before is Before.UNANSWERED),
    Evidence("it follows a row that was answered already", -1, lambda line: line.before is Before.ANSWERED),
    Evidence("it continues a list of the original", -2, lambda line: line.list_item and line.after_list_item),
    Evidence("it asks a question", 1, lambda line: asks(line.text)),
    Evidence("it answers the question before it ('Yes.', 'Disagree:'), as a response to a consultation's question does", 3,
             lambda line: line.after_question and bool(ANSWER.match(line.text.strip()))),
    Evidence("it names the reviewer", 1, lambda line: names(line.text, line.reviewer)),
    Evidence("it speaks in the document's voice ('we will', 'our')", -1, lambda line: speaks_as_document(line.text)),
    Evidence("it opens with a footnote's mark, as the document's notes at the foot of a page do (¹, [3])", -2,
             lambda line: classify.is_document_note(line.text)),
    Evidence("it opens with a note's number under the document's notes ('Notes': \"2 HM Treasury, ...\")", -3,
             lambda line: line.under_notes and bool(NOTE_NUMBER.match(line.text))),
)
CONFIDENT = 2  # a total at least this far from zero is not listed as a guess


@dataclass(frozen=True)
class Judgement:
    column: Column
    score: int
    reasons: tuple[str, ...]

    @property
    def confident(self) -> bool:
        return abs(self.score) >= CONFIDENT

    def explain(self) -> str:
        return f"the {self.column.value}'s (score {self.score:+d}: {'; '.join(self.reasons) or 'no evidence either way'})"


def judge(line: BareLine) -> Judgement:
    """The column the evidence points to; a tie goes to the original, whose words are quoted anyway."""
    found = [evidence for evidence in EVIDENCE if evidence.applies(line)]
    score = sum(evidence.weight for evidence in found)
    column = Column.REVIEWER if score > 0 else Column.ORIGINAL
    return Judgement(column, score, tuple(evidence.name for evidence in found))
