"""The shapes a piece of text can have, as predicates over its plain text.

The patterns describe shapes that government papers share (numbered
paragraphs, "Part 2:", "2.1 Title", "Figure 5", boxes), not the strings of one
document. They answer questions about text only; what a line *is* is decided
by the rule tables of ``rules.py``, which call them.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from ..document import ids
from ..document.escaping import text as html_text

NUMBERED = re.compile(r"^(\d+)\.\s+\S")
FIGURE = re.compile(r"^(?:figure|fig\.)\s+(\d+)\b", re.IGNORECASE)
# A table's caption: "Table 3: Homes built by year" (a colon, full stop or dash after the number, then its
# title); "Table 3 shows that ..." is a sentence of the original, not a caption.
TABLE_CAPTION = re.compile(r"^table\s+\d+\s*(?:[:.]|\s[\u2013\u2014-])\s+\S", re.IGNORECASE)
BOX_LABEL = re.compile(r"^(case study|case studies)$", re.IGNORECASE)
# The words documents divide themselves by at the top level: "Part 2:", "Chapter 1: …",
# "Section 2", "Annex A", "Appendix 1". A number, a capital letter or a roman numeral follows.
# The label may be a number written as a word ("Chapter Two: Agriculture"); the title may follow the label
# after a space alone when it opens with a capital ("Chapter 2 The missions", not "Part 2 of the plan").
PART_WORDS = ("part", "chapter", "section", "annex", "appendix", "schedule")
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
PART = re.compile(
    rf"^(?:{'|'.join(PART_WORDS)})\s+(?:\d+|[A-Z]|[IVXLC]+|{'|'.join(NUMBER_WORDS)})\b"
    r"(?:\s*[:.\u2013\u2014-]\s*\S.*|\s+(?-i:[A-Z]).*|\s*)$",
    re.IGNORECASE,
)
LABELLED = re.compile(r"^[A-Z][a-z]+\s+\d+\s*[:.]\s+\S")
SECTION_NUMBER = re.compile(r"^\d+\.\d+\s+\S")
# The marks a list item opens with as typed, bullets of every shape: "• ", "◦ ", "▪ ", and the ones Word's Symbol
# and Wingdings bullets leave in an export ("·" in a web page, U+F0B7 and U+F0A7 from its private area in text).
# Not a dash, which opens an attribution under a quotation as often ("– Female, age 34").
ITEM_MARKS = "•◦▪●○■‣➢·\uf0b7\uf0a7"
# A line or list item that writes its own number or letter ("3. ", "(b) ", "iv) ", "•"): an item of its own.
OWN_LABEL = re.compile(rf"^\s*(?:\(?(?:\d{{1,3}}|[a-zA-Z]|[ivxlc]{{1,6}})[.)]|[{ITEM_MARKS}])\s")
# ... of which a letter or a roman numeral ("(a) ", "b) ", "c. ", "(iv) "): a paragraph's sub-point, typed as such.
SUB_POINT = re.compile(r"^\s*(?:\(?(?:[a-z]|[ivx]{1,5})\)|[a-z]\.)\s")
# A footnote of the document, opening with its mark: a raised number ("¹ MHCLG, ...") or one in brackets ("[3] ...").
NOTE_MARK = re.compile(r"^\s*(?:[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\[\d{1,3}\])\s*\S")
NOTE = re.compile(r"^notes?\s*:", re.IGNORECASE)
# A cell holding nothing but a paragraph's number, as a column of numbers prints it: "43.".
NUMBER_CELL = re.compile(r"^\d{1,5}\.$")
# ... or written another way a column of numbers has it: "43", "(43)", "Para 43", "Paragraph 43", "No. 43".
COLUMN_NUMBER = ids.written_number()
COLUMN_GAP = 20  # how far on from the last paragraph such a number may be, once the column is known
# ... or a paragraph's label among them: a number with a letter or a second number ("4a.", "4.1"), or a letter
# or a roman numeral in brackets ("(b)", "iv)").
SUB_NUMBER = re.compile(r"^(?:\d{1,5}(?:[a-z]{1,2}|(?:\.\d{1,3})+)\.?|\(?(?:[a-z]{1,2}|[ivxlc]{1,6})\))$")
# ... or a row's label of another kind, in a column of labels: "R1", "Q12", "p. 4", "§4", "#3", "Recommendation 1",
# "Question 3.2", "Rec. 4".
ROW_LABEL = re.compile(r"^(?:(?:§|#|[A-Za-z]{1,3}\.?\s?)\d{1,4}[a-z]?|[A-Za-z]{3,16}\.?\s+\d{1,4}(?:\.\d{1,3})*[a-z]?)[.:]?$")
TERMINAL = (".", "?", "!", ":", ";")
CLOSING = "\u201d\u2019\"') "
OPENING_QUOTES = ("\u201c", '"')
SHORT_WORDS = 12
# Words no sentence ends on: a paragraph that stops on one was cut, and its rest follows. Only these: a
# sentence or a title can end on "for", "on", "with", "this" ("Who this consultation is for"), and "to" can
# introduce a list whose items open with capitals ("... with partners to" | "Tackle all forms of abuse;").
OPEN_ENDINGS = frozenset("a an the and or nor but of than whose its their our your my every each including whether".split())
# ... and the prepositions a sentence is not left on, though a title may be ("Who we work with"): a long
# paragraph that stops on one was cut by a page break ("centres will open across" | "England."), unless a list
# follows that it introduces ("We will achieve this by" | "Investing in schools;"). Not "to", which introduces
# the items of a list typed with capitals and no colon ("We will work with partners to" | "Tackle all forms ...;").
PREPOSITIONS = frozenset("for from across by with between into within through via per towards toward upon onto among amongst against under at".split())
# How a list's last item but one ends: the item after it opens with its own label ("(b) ...; and" | "(c) ...").
LIST_GOES_ON = ("; and", "; or", ", and", ", or")
ATTRIBUTION_WORDS = 6
LABELLED_WORDS = 25


def words(text: str) -> int:
    return len(text.split())


def ends_sentence(text: str) -> bool:
    """Whether the text ends with a sentence's punctuation, closing quotes and brackets aside."""
    return text.rstrip(CLOSING).rstrip().endswith(TERMINAL)


def is_numbered(text: str, after: int) -> int | None:
    """The paragraph number if ``text`` opens numbered paragraph ``after + 1`` or later."""
    match = NUMBERED.match(text)
    if match and int(match.group(1)) > after and not SECTION_NUMBER.match(text):
        return int(match.group(1))
    return None


def stray_number(text: str, after: int) -> int | None:
    """A paragraph number that repeats or goes back ("3." after paragraph 5): not a new paragraph."""
    match = NUMBERED.match(text)
    if match and int(match.group(1)) <= after and not SECTION_NUMBER.match(text):
        return int(match.group(1))
    return None


def numbers_paragraph(number: str, text: str, after: int) -> bool:
    """Whether a cell holding only ``number`` numbers the paragraph ``text`` beside it, ``after`` the last:
    written as a paragraph's number ("43."), later than the last, beside a sentence. Anything else
    ("2019", "(a)", "1." beside "London") is a value in a table of the original's, every cell its text."""
    number = number.strip()
    return (
        bool(NUMBER_CELL.match(number)) and is_numbered(f"{number} {text}", after) is not None
        and (ends_sentence(text) or words(text) >= SHORT_WORDS)
    )


YEARS = range(1800, 2200)  # a number no review's paragraphs reach, and a table's first column often holds


def column_number(cell: str, text: str, after: int, in_column: bool, labels: bool = False) -> int | None:
    """The paragraph number a cell of a column of numbers holds in another form than "43." ("43", "(43)",
    "Para 43") beside the sentence ``text``: the next paragraph's, or one a little further on in a column
    already known (``in_column``), or, in a source whose first column is one of labels (``labels``), the
    first paragraph's, whatever it is (a review of one chapter opens at 14). A year or a count beside a
    sentence ("2019" | "Strategy published.") is none."""
    match = COLUMN_NUMBER.fullmatch(cell.strip())
    if match is None or NUMBER_CELL.match(cell.strip()) or not (ends_sentence(text) or words(text) >= SHORT_WORDS):
        return None
    number = int(match.group(1))
    opens = labels and not after and number not in YEARS
    return number if number == after + 1 or (in_column and after < number <= after + COLUMN_GAP) or opens else None


# The words a table's column titles name its two columns by: the original's ("Government text", "Paragraph"),
# the reviewer's ("Our comment", "Response"). Titles that name the reviewer's column first say the columns are
# the other way round from the usual (``responds_first``).
ORIGINAL_TITLE = re.compile(r"\b(?:government|original|strategy|paper|document|paragraph|para|text|proposal|recommendation|extract)s?\b", re.I)
REVIEWER_TITLE = re.compile(r"\b(?:our|response|responses|comment|comments|commentary|rebuttal|reply|view|views|assessment)\b", re.I)


def responds_first(titles: Sequence[str]) -> bool:
    """Whether column titles put the reviewer's column before the original's ("Our comment | Government text")."""
    if len(titles) < 2:
        return False
    first, second = titles[0], titles[1]
    return bool(REVIEWER_TITLE.search(first) and not ORIGINAL_TITLE.search(first) and ORIGINAL_TITLE.search(second)
                and not REVIEWER_TITLE.search(second))


# A cell of a table of figures: a number as a table prints one ("1,200", "12.5%", "£3m", "-4"); and a cell that
# holds no figure in one ("n/a", a dash).
FIGURE_CELL = re.compile(r"^[-+\u2212]?[£$€]?\d[\d,.]*\s*(?:%|[kmb]n?|bn)?$", re.IGNORECASE)
PLACEHOLDER_CELL = re.compile(r"^(?:n/?a|[-\u2013\u2014]+)$", re.IGNORECASE)


def holds_figures(cells: Sequence[str]) -> bool:
    """Whether a table's cells under its first row are mostly numbers: a table of figures, not rows of a review.
    A cell with no figure ("-", "n/a", a response of a dash) counts for neither."""
    found = [cell.strip() for cell in cells if cell.strip() and not PLACEHOLDER_CELL.match(cell.strip())]
    return len(found) >= 2 and sum(FIGURE_CELL.match(cell) is not None for cell in found) * 2 >= len(found)


# A line of a table's column titles, as the readers of Word documents and Markdown tables write one
# (``column_titles_line``): its cells as <th> cells and nothing else.
TITLES_LINE = re.compile(r"^(?:<th>[^<\t]*</th>\t)+$")


def column_titles_line(texts: Sequence[str]) -> str:
    """A row of column titles as the line the converter knows for one (``TITLES_LINE``): its cells' texts
    as <th> cells, left out, and named in the summary with the override that keeps them."""
    return "\t".join(f"<th>{html_text(' '.join(cell.split()))}</th>" for cell in texts) + "\t"  # no TAB inside a cell


COLUMN_TITLE_WORDS = 4
# The first column's title may be one abbreviated word: "No." or "Para." over a column of numbers.
ABBREVIATION = re.compile(r"^[A-Za-z]{1,5}\.$")


def are_column_titles(cells: Sequence[str]) -> bool:
    """A table's row of column titles ("Paragraph | Government text | Our response", "No. | Text | Response"):
    two cells or more, each a few words with no number and no sentence ending."""
    def title(text: str) -> bool:
        return 0 < len(text.split()) <= COLUMN_TITLE_WORDS and not re.search(r"\d|[.?!]$", text)
    return len(cells) >= 2 and (title(cells[0]) or bool(ABBREVIATION.match(cells[0]))) and all(title(cell) for cell in cells[1:])


def labels_row(label: str, text: str) -> bool:
    """Whether a first cell holding only ``label`` can be the row's label beside the sentence ``text``: a
    paragraph's number in any form ("14", "Para 14", "4a.", "4.1", "(b)") or another kind ("R1", "Recommendation 1").
    Rows enough of them make a source's first column one of labels."""
    return (bool(COLUMN_NUMBER.fullmatch(label.strip())) or _labels(label)) and (ends_sentence(text) or words(text) >= SHORT_WORDS)


def _labels(label: str) -> bool:
    label = label.strip()
    return bool(SUB_NUMBER.match(label) or ROW_LABEL.match(label))


def labels_paragraph(label: str, text: str) -> bool:
    """Whether a cell holding only ``label`` ("4a.", "4.1", "(b)", "R1", "Recommendation 1") labels the sentence
    ``text`` beside it: a paragraph inserted among numbered ones in a column of paragraph numbers, or a row of a
    column of labels. A number alone is a paragraph's only in sequence (``column_number``): "2019" is none."""
    return _labels(label) and (ends_sentence(text) or words(text) >= SHORT_WORDS)


def figure_number(text: str) -> int | None:
    match = FIGURE.match(text)
    return int(match.group(1)) if match else None


def is_table_caption(text: str) -> bool:
    return bool(TABLE_CAPTION.match(text)) and words(text) <= LABELLED_WORDS  # a title, not a paragraph


def is_caption(text: str) -> bool:
    """A figure's caption ("Figure 4", "Fig. 4") or a table's ("Table 3: ..."): what opens a figure."""
    return figure_number(text) is not None or is_table_caption(text)


def heading_rank(text: str) -> int | None:
    """1 for a part, 2 for "Objective 2:", 3 for "2.1 Title"; None for other text."""
    if PART.match(text) and words(text) <= LABELLED_WORDS and not text.rstrip().endswith("."):
        return 1
    if LABELLED.match(text) and words(text) <= LABELLED_WORDS and not text.rstrip().endswith("."):
        return 2
    if SECTION_NUMBER.match(text) and words(text) <= LABELLED_WORDS and not text.rstrip().endswith("."):
        return 3
    return None


def is_box_label(text: str) -> bool:
    return bool(BOX_LABEL.match(text.strip()))


def is_quotation_start(text: str) -> bool:
    return text.lstrip().startswith(OPENING_QUOTES)


def quote_marks(text: str, before: tuple[int, int, int] = (0, 0, 0)) -> tuple[int, int, int]:
    """Opening, closing and straight quotation marks in ``text``, added to ``before``:
    a quotation's count grows paragraph by paragraph instead of being taken again."""
    opening, closing, straight = before
    return opening + text.count("\u201c"), closing + text.count("\u201d"), straight + text.count('"')


def quotation_is_open(marks: tuple[int, int, int]) -> bool:
    """Whether a quotation with these marks (see quote_marks) has its closing mark still to come."""
    opening, closing, straight = marks
    return opening > closing or straight % 2 == 1


def is_attribution(text: str) -> bool:
    return words(text) <= ATTRIBUTION_WORDS and not ends_sentence(text)


def is_short_title(text: str) -> bool:
    """A short line with no sentence ending; one that stops on "and" or "the" is a sentence going on, no title."""
    return (
        words(text) <= SHORT_WORDS and not ends_sentence(text) and not text.rstrip().endswith((",", "?"))
        and not ends_open(text) and not is_document_note(text)
    )


def is_commitment(text: str) -> bool:
    return words(text) > SHORT_WORDS and not ends_sentence(text) and not text.rstrip().endswith(",")


def is_document_note(text: str) -> bool:
    """A footnote of the document at the foot of its page: "¹ MHCLG, Rough Sleeping Snapshot", "[3] Manifesto"."""
    return bool(NOTE_MARK.match(text))


def is_source_note(text: str) -> bool:
    """A figure's source or note: "Note: ...", or a citation with no sentence ending."""
    return bool(NOTE.match(text)) or not ends_sentence(text)


def is_note(text: str) -> bool:
    return bool(NOTE.match(text))


def continues(previous: str, following: str, same_cell: bool, page_break: bool = False) -> bool:
    """Whether ``following`` is the rest of ``previous``, cut by a page break.

    A line that opens structure ("12. ...", "1.1 Title", "Figure 5", a box) never is.
    """
    if ends_sentence(previous) or not following or opens_structure(following):
        return False
    if NOTE_MARK.match(following):  # "¹ MHCLG, ..." under a paragraph: the page's footnote
        return False
    if OWN_LABEL.match(following) and previous.rstrip().endswith(LIST_GOES_ON):  # "(b) ...; and" | "(c) ...": the next item
        return False
    first, second = following.lstrip()[:1], following.lstrip()[1:2]
    if first.islower() or first == "(" or first.isdigit():
        return True
    if first in OPENING_QUOTES and second.islower():  # a quotation carrying on the sentence ("... meals to" | "“all children ...")
        return is_rest(following)
    if not first.isupper():
        return False
    # Inside one cell the export also splits before a capital ("... to the UN</p> <p>Sustainable ..."); anywhere,
    # a paragraph that stops on a word no sentence ends on ("... needs and the" | "Department for Education ...").
    if same_cell and first.isupper() and words(previous) >= SHORT_WORDS:
        return True
    return cut_between(previous, following, page_break) and (words(previous) >= SHORT_WORDS or bool(NUMBERED.match(previous))) and is_rest(following)


def is_rest(text: str) -> bool:
    """Whether ``text`` can be the rest of a sentence that needs one: it ends one, or is long. A short line with no
    ending between a cut sentence and its rest is a running footer the export left ("Shelter respnse")."""
    return ends_sentence(text) or words(text) >= SHORT_WORDS


def ends_open(text: str, endings: frozenset[str] = OPEN_ENDINGS) -> bool:
    """Whether ``text`` stops on a word no sentence (nor title) ends on: an article, a conjunction, "of"."""
    last = text.rstrip().rsplit(None, 1)[-1].lower() if text.strip() else ""
    return last in endings


def cut_between(previous: str, following: str, page_break: bool = False) -> bool:
    """Whether a sentence stops at the end of ``previous`` that ``following`` could go on: on a word no sentence
    ends on, or, where a page's footer stood between them (``page_break``), on a preposition, ``following``
    being no item of a list (``PREPOSITIONS``): a paragraph that lost its full stop may end on one too."""
    if ends_open(previous):
        return True
    item = following.rstrip().endswith((";", ",", *LIST_GOES_ON))
    return page_break and ends_open(previous, PREPOSITIONS) and not item


def opens_structure(text: str) -> bool:
    return bool(NUMBERED.match(text)) or any(rule(text) for _, rule in STRUCTURE_RULES)


# The order matters: the first matching rule names the fragment.
STRUCTURE_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("figure", is_caption),
    ("box", is_box_label),
    ("heading", lambda text: heading_rank(text) is not None),
)


def structure_of(text: str, last_number: int) -> str | None:
    """"paragraph", "figure", "box" or "heading" when ``text`` opens a new element."""
    if is_numbered(text, last_number) is not None:
        return "paragraph"
    for name, rule in STRUCTURE_RULES:
        if rule(text):
            return name
    return None
