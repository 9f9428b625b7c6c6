"""Another organisation's garbled footer converts with no code or configuration change."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import SEED, Review
from test_seed_document import FOOTER_LINES

from reviewgen.commands.convert import convert
from reviewgen.document.errors import ReviewgenError
from reviewgen.reading.furniture import RECURS, Candidate, Likeness, _fragment_of, alike, furniture_lines, page_number, prototypes

GARBLED = [
    "Scrutiny Watch commentary", "SCRUTINY WATCH COMMENTARY", "Scrutny Watch commentary",
    "Scrutiny  Watch commentry", "Scrutiny Watch", "Scrutinee Watch Commentary",
    "scrutiny watch commentary", "Scrutiny Wash commentary", "Scrutiny Watch comentary",
]


def test_a_different_garbled_footer_is_still_furniture(tmp_path):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    chooser = random.Random(7)
    for number in sorted(FOOTER_LINES):
        lines[number - 1] = chooser.choice(GARBLED)
    # one footer broken over two lines, as exports do
    first = min(FOOTER_LINES)
    lines[first - 1] = "Scrutiny\n Watch commentary"
    source = tmp_path / "variant.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "content"

    summary = convert(source, out)

    assert summary.paragraphs == 268
    assert summary.furniture == len(FOOTER_LINES) + 1
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert not re.search(r"scrut|watch comm", text, re.IGNORECASE)
    review = Review(out, "variant")
    assert review.numbered() == list(range(1, 269))
    assert "Nothing about substantiations" in review.rebuttals["para-44"]


LONG_TITLE = [
    "Review of the Tackling Child Sexual Abuse Strategy by Scrutiny Watch, 2024",
    "review of the tackling child sexual abuse strategy by scrutiny watch 2024",
    "Review of the Tackling Child Sexual  Abuse Strategy by Scrutiny Watch, 2024",
    "Review of the Tackling Child Sexual Abuse Strategy by Scrutiny Watch",
]


def test_a_running_title_of_a_dozen_words_is_furniture_too(tmp_path):
    """A footer that names the whole review (12 words, 75 characters) recurs as a short one does."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    chooser = random.Random(11)
    for number in sorted(FOOTER_LINES):
        lines[number - 1] = chooser.choice(LONG_TITLE)
    source = tmp_path / "titled.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "content"

    summary = convert(source, out)

    assert summary.paragraphs == 268 and summary.furniture == len(FOOTER_LINES)
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert "Scrutiny Watch" not in text


def _garbled(base: str, edits: list[tuple[int, str]]) -> str:
    """``base`` with characters dropped (an empty replacement) or put in, as exports garble a footer."""
    text = list(base)
    for place, put in edits:
        place %= len(text) + 1
        if put:
            text.insert(place, put)
        elif place < len(text):
            del text[place]
    return "".join(text)


FOOTERS = ["scrutiny watch commentary", "mandate now review", "crown copyright", "home office", "annex a"]
EDITS = st.lists(st.tuples(st.integers(0, 60), st.sampled_from(["", "", "e", "w", " ", "x"])), max_size=5)
TEXTS = st.one_of(
    st.builds(_garbled, st.sampled_from(FOOTERS), EDITS),
    st.builds(lambda base, cut: base[: cut % len(base)] or base, st.sampled_from(FOOTERS), st.integers(1, 40)),  # a fragment
    st.text("abcdeimnorstuvw ", min_size=1, max_size=30),
)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=25, unique=True), asked=TEXTS)
def test_the_texts_found_alike_are_exactly_those_difflib_finds_comparing_every_pair(texts, asked):
    for compiled in (True, False):  # with RapidFuzz's bound ruling pairs out first, and without
        likeness = Likeness(texts, compiled)
        assert sorted(likeness.alike(asked)) == sorted(text for text in texts if alike(asked, text))
        assert sorted(likeness.holding(asked)) == sorted(text for text in texts if _fragment_of(asked, text))
        pairs = {frozenset(pair) for pair in likeness.pairs()}
        assert len(pairs) == len(list(likeness.pairs()))  # each pair once
        assert {frozenset((a, b)) for a in texts for b in texts if a != b and (alike(a, b) or alike(b, a))} <= pairs


@settings(max_examples=60, derandomize=True, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=30))
@example(texts=["aacdc a  bcbd  dcaca", "abacdc   bcabdddcacé a", "bcbac   bcabddcacéa", "abacdc   bcabddcacéa", "aacdc a  bcbd  dcaca"])  # alike one way round only
def test_the_prototypes_are_the_lines_at_least_recurs_others_are_alike_to(texts):
    found = [Candidate((number,), text, (text,)) for number, text in enumerate(texts, 1)]
    # difflib's ratio can differ either way round: a text's count is of the others alike *to it*.
    assert prototypes(found) == sorted({text for text in texts if sum(alike(text, other) for other in texts) - 1 >= RECURS})


def test_among_hundreds_of_different_short_lines_only_the_recurring_footer_is_furniture():
    letters = random.Random(5)
    lines = {" ".join("".join(letters.choices("abcdefghijklmnopqrstuvwxyz", k=letters.randint(4, 9))) for _ in range(2)).title() for _ in range(400)}
    footer = ["Mandate Now review", "Mandate NOW review", "Mandat Now reveiw", "mandate now review"]
    listed = sorted(lines)
    source = [line for text in listed[:100] + footer + listed[100:] for line in (text, "")]
    assert {source[number - 1] for number in furniture_lines(source)} == set(footer)


def _footered(*blocks: str) -> list[str]:
    """A source of ordinary paragraphs with the footer after each, then ``blocks``, each standing alone."""
    lines = []
    for page, footer in enumerate(["Scrutiny Watch commentary", "Scrutiny Watch commentry", "SCRUTINY WATCH COMMENTARY", "Scrutny Watch commentary", "Scrutiny Watch comentary"]):
        lines += [f"<p>{page + 1}. A paragraph of the original.</p>\t<p>A reply.</p>", "", footer, ""]
    for block in blocks:
        lines += block.split("\n") + [""]
    return lines


def _page_of_text(page: int) -> list[str]:
    """Four paragraphs of page ``page`` (numbered on from the pages before), each row followed by a blank line."""
    return [line for row in range(4) for line in (f"<p>{4 * (page - 1) + row + 1}. A paragraph of the original.</p>\t<p>A reply.</p>", "")]


def _paged(*blocks: str) -> list[str]:
    """As ``_footered``, each block a page's text below the one before (a page number's footer is a page apart)."""
    lines = _footered()
    for number, block in enumerate(blocks):
        lines += [line for row in range(5) for line in (f"<p>{6 + 5 * number + row}. A paragraph of the original.</p>\t<p>A reply.</p>", "")]
        lines += block.split("\n") + [""]
    return lines


def dropped(lines: list[str]) -> list[str]:
    return [lines[number - 1] for number in sorted(furniture_lines(lines))]


FOOTERS_DROPPED = ["Scrutiny Watch commentary", "Scrutiny Watch commentry", "SCRUTINY WATCH COMMENTARY", "Scrutny Watch commentary", "Scrutiny Watch comentary"]


def test_a_short_line_in_the_same_block_as_a_footer_stays():
    # The block is alike to the footers as a whole; its ordinary line is not, and stays.
    assert dropped(_footered("Scrutiny Watch commentary\nAnnex A", "Next steps\nScrutiny Watch commentary")) == FOOTERS_DROPPED + [
        "Scrutiny Watch commentary", "Scrutiny Watch commentary"]


def test_a_heading_a_blank_line_from_a_footers_fragment_stays():
    # "Scrutiny" alone is a fragment of the footer; "Peer commentary" is no piece of it, though the two
    # together are nearly as like the footer as "Scrutiny Watch commentary" is.
    assert dropped(_footered("Scrutiny\n", "Peer commentary")) == FOOTERS_DROPPED + ["Scrutiny"]


def test_a_footer_broken_in_two_goes_whole_though_one_piece_is_too_short_to_tell_alone():
    # "ary" alone is too short to be a fragment of anything: only joined to the piece beside it is it the footer's.
    assert dropped(_footered("Scrutiny Watch comment", "ary")) == FOOTERS_DROPPED + ["Scrutiny Watch comment", "ary"]
    assert dropped(_footered("ary", "Scrutiny Watch comment")) == FOOTERS_DROPPED + ["ary", "Scrutiny Watch comment"]  # either order
    assert dropped(_footered("Scru", "tiny Watch commentary")) == FOOTERS_DROPPED + ["Scru", "tiny Watch commentary"]


def test_a_footer_broken_in_two_goes_whole_and_its_page_number_with_it():
    lines = _paged("Scrutiny Wat\n\nch commentary", "Scrutiny Watch commentary\n14", "15 of 40\nScrutiny Watch commentary", "Annex A\n16")
    assert dropped(lines) == FOOTERS_DROPPED + ["Scrutiny Wat", "ch commentary", "Scrutiny Watch commentary", "14", "15 of 40", "Scrutiny Watch commentary"]


def test_a_line_dropped_as_furniture_that_recurs_nowhere_as_it_is_is_named_with_its_override(tmp_path):
    lines = ["<h2>Part 1: Shapes</h2>\t", ""]
    for page in range(1, 6):
        lines += _page_of_text(page) + ["Scrutiny Watch commentary", f"{page + 10}", ""]
    lines += ["Scrutiny watch commentaries", ""]
    source = tmp_path / "lone.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    assert summary.furniture == 11  # five footers with their page numbers, and line 58
    # The footer recurs as it is: named once, with its lines; the last line is like it but stands alone, and may
    # be the original's. The page numbers differ from page to page, as page numbers do: they are not named.
    assert [note for note in summary.line_notes if "header or footer" in note] == [
        f"{source}:11: “Scrutiny Watch commentary” and the 4 other lines the same (lines 22, 33, 44, 55) dropped as a running "
        "header or footer; if they are the original's, add the override {line: N, furniture: false} for each",
        f"{source}:58: “Scrutiny watch commentaries” dropped as a running header or footer, which it is like, "
        "though no other line is the same; if it is the original's, add the override {line: 58, furniture: false}"
    ]


def test_where_the_furniture_falls_into_several_runs_each_is_named_once_with_its_lines(tmp_path):
    lines = ["<h2>Part 1: Shapes</h2>\t", ""]
    for number in range(1, 6):
        lines += [f"<p>{number}. A paragraph of the original.</p>\t<p>A reply.</p>", "", "What we will do", "", "Scrutiny Watch commentary", ""]
    source = tmp_path / "runs.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    assert summary.furniture == 10
    # Lines 3 + 6k hold the paragraphs, 5 + 6k a label, 7 + 6k the footer: which is the original's
    # the shape cannot tell, so each run is named, as many lines as the other though it has.
    assert [note for note in summary.line_notes if "header or footer" in note] == [
        f"{source}:5: “What we will do” and the 4 other lines like it (lines 11, 17, 23, 29) dropped as one of 2 kinds of "
        "running header or footer; if they are the original's, add the override {line: N, furniture: false} for each",
        f"{source}:7: “Scrutiny Watch commentary” and the 4 other lines like it (lines 13, 19, 25, 31) dropped as one of 2 kinds of "
        "running header or footer; if they are the original's, add the override {line: N, furniture: false} for each",
    ]


def test_lines_the_configuration_decided_are_counted_but_not_named(tmp_path):
    lines = ["<h2>Part 1: Shapes</h2>\t", ""]
    for number in range(1, 6):
        lines += [f"<p>{number}. A paragraph of the original.</p>\t<p>A reply.</p>", "", "Scrutiny Watch commentary", ""]
    lines += ["Scrutiny watch commentaries", "", "Scrutiny watch commentaries", "", "CONFIDENTIAL DRAFT", ""]  # lines 23, 25, 27
    source = tmp_path / "decided.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    source.with_suffix(".yml").write_text(
        "furniture:\n  patterns: ['^confidential']\noverrides:\n  - {line: 23, furniture: false}\n", encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    assert summary.furniture == 7  # five footers, line 25 and the draft mark
    text = "\n".join(page.read_text(encoding="utf-8") for page in (tmp_path / "out").rglob("*.md"))
    assert text.count("Scrutiny watch commentaries") == 1 and "CONFIDENTIAL" not in text
    # Line 25 is the same as line 23, which the editor kept: it is not alone, and the pattern's line is the editor's;
    # only the footer is named, once.
    assert [note for note in summary.line_notes if "header or footer" in note] == [
        f"{source}:5: “Scrutiny Watch commentary” and the 4 other lines the same (lines 9, 13, 17, 21) dropped as a running "
        "header or footer; if they are the original's, add the override {line: N, furniture: false} for each"
    ]


def test_past_twenty_such_lines_the_summary_counts_the_rest_in_one_note(tmp_path):
    lines = ["<h2>Part 1: Shapes</h2>\t", ""]
    for number in range(1, 6):
        lines += [f"<p>{number}. A paragraph of the original.</p>\t<p>A reply.</p>", "", "Scrutiny Watch commentary", ""]
    garbled = [f"Scrutiny Watch commentary {letter}" for letter in "abcdefghijklmnopqrstuvwxy"]  # 25, each once
    for text in garbled:
        lines += [text, ""]
    source = tmp_path / "many.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    notes = [note for note in convert(source, tmp_path / "out").line_notes if "header" in note]
    at = {text: lines.index(text) + 1 for text in garbled}  # lines 23, 25, ... 71
    assert notes.pop(0).startswith(f"{source}:5: “Scrutiny Watch commentary” and the 4 other lines the same (lines 9, 13, 17, 21)")
    assert notes[:20] == [
        f"{source}:{at[text]}: “{text}” dropped as a running header or footer, which it is like, though no other line is the same; "
        f"if it is the original's, add the override {{line: {at[text]}, furniture: false}}" for text in garbled[:20]
    ]
    assert notes[20:] == [
        f"{source}:63: and 5 more lines from here to line 71 dropped as running headers or footers though no other line is "
        "the same as each; add the override {line: N, furniture: false} for any that is the original's"
    ]


def test_a_number_standing_alone_stays_though_a_footer_is_beside_it():
    # A year, a list's first number or a chart's label may stand there as well as a page number.
    lines = _footered("Scrutiny Watch commentary\n\n2021", "2019/20\n\nScrutiny Watch commentary")
    assert dropped(lines) == FOOTERS_DROPPED + ["Scrutiny Watch commentary", "Scrutiny Watch commentary"]


def test_past_twenty_runs_the_summary_counts_the_rest_in_one_note(tmp_path):
    labels = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima",
              "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor"]  # 22
    lines = ["<h2>Part 1: Shapes</h2>\t", "", "<p>1. A paragraph of the original.</p>\t<p>A reply.</p>", ""]
    for label in labels:
        lines += [label, ""] * 4  # each standing alone four times: a run of its own
    source = tmp_path / "runs.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    notes = [note for note in convert(source, tmp_path / "out").line_notes if "header" in note]
    first = {label: lines.index(label) + 1 for label in labels}  # 5, 13, 21, ...
    assert len(notes) == 21 and notes[0].startswith(f"{source}:5: “Alpha” and the 3 other lines like it (lines 7, 9, 11) dropped as one of 22 kinds")
    assert notes[20] == (
        f"{source}:{first['Uniform']}: and 2 more runs of lines alike among themselves, from here on, dropped as running headers "
        "or footers; add the override {line: N, furniture: false} for any line that is the original's"
    )


def test_a_line_with_a_number_beside_it_is_a_footer_only_where_the_numbers_go_as_pages_do():
    for totals in (["Total\n29", "Total\n44", "Total\n57", "Total\n83"], ["Total\n83", "Total\n57", "Total\n44", "Total\n29"]):
        assert dropped(_paged(*totals)) == FOOTERS_DROPPED  # a recurring label, its numbers no pages'
    # Pages a page apart, a part starting again at 1, two out of place, a date on the cover: pages still.
    numbers = list(range(14, 26)) + [1, 3, 2, 4, 5, 6]
    pages = ["January\n2021"] + [f"Scrutiny Watch commentary\n{number}" for number in numbers]
    footers = [line for number in numbers for line in ("Scrutiny Watch commentary", str(number))]
    assert dropped(_paged(*pages)) == FOOTERS_DROPPED + footers
    assert [page_number(line) for line in ("iv", "XII", "12 of 40", "civil", "İ", "ı", "xıı")] == [4, 12, 12, None, None, None, None]
    front = ["iii", "iv", "v", "vi", "7", "8"]  # front pages numbered in Roman numerals
    footers = [line for number in front for line in ("Scrutiny Watch commentary", number)]
    assert dropped(_paged(*(f"Scrutiny Watch commentary\n{number}" for number in front))) == FOOTERS_DROPPED + footers
    # Numbers going up a step at a time a few lines apart are a list's, not pages'.
    steps = ["Step\n1", "Step\n2", "Step\n3", "Step\n4", "Review\n1", "Review\n2"]
    assert dropped(_footered(*steps)) == FOOTERS_DROPPED


def test_a_footer_kept_by_an_override_keeps_its_page_number_and_an_override_past_the_end_is_an_error(tmp_path):
    lines = ["<h2>Part 1: Shapes</h2>\t", ""]
    for page in range(1, 6):
        lines += _page_of_text(page) + ["Scrutiny Watch commentary", f"{page + 10}", ""]
    source = tmp_path / "kept.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    source.with_suffix(".yml").write_text("overrides:\n  - {line: 22, furniture: false}\n", encoding="utf-8")  # the second footer
    assert convert(source, tmp_path / "out").furniture == 8
    text = "\n".join(page.read_text(encoding="utf-8") for page in (tmp_path / "out").rglob("*.md"))
    kept = text.split("Scrutiny Watch commentary")
    assert len(kept) == 2 and "12" in kept[1].split("9\\.")[0]  # the kept footer's number, before page 3's first paragraph
    source.write_text("\n".join(lines + ["Our approach", "7", ""]), encoding="utf-8")  # lines 58 and 59
    source.with_suffix(".yml").write_text("overrides:\n  - {line: 59, furniture: true}\n", encoding="utf-8")  # a number the editor drops
    summary = convert(source, tmp_path / "out")
    assert summary.furniture == 11 and summary.overrides == 1
    source.with_suffix(".yml").write_text("overrides:\n  - {line: 99, furniture: true}\n", encoding="utf-8")
    with pytest.raises(ReviewgenError, match="line 99 names no line"):
        convert(source, tmp_path / "out")


def test_a_pattern_of_the_configuration_names_lines_not_the_block_they_are_in(tmp_path):
    lines = ["<h2>Part 1: Shapes</h2>\t", "", "<p>1. A paragraph of the original.</p>\t<p>A reply.</p>", "", "CONFIDENTIAL", "Annex A", ""]
    source = tmp_path / "pattern.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    source.with_suffix(".yml").write_text("furniture:\n  patterns: ['^confidential']\n", encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    text = "\n".join(page.read_text(encoding="utf-8") for page in (tmp_path / "out").rglob("*.md"))
    assert summary.furniture == 1 and "CONFIDENTIAL" not in text and "Annex A" in text


def test_a_note_quoting_a_line_is_never_counted_as_unsafe_markup_removed(tmp_path):
    lines = ["<h2>Part 1: Shapes</h2>\t", ""]
    for number in range(1, 6):
        lines += [f"<p>{number}. A paragraph of the original.</p>\t<p>A reply.</p>", "", "Scrutiny Watch commentary", ""]
    lines += ["Scrutiny Watch commentary: removed p", ""]  # like the footer, alone: named, quoted
    source = tmp_path / "quoted.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    assert any("“Scrutiny Watch commentary: removed p”" in note for note in summary.line_notes)
    assert summary.unsafe == 0 and "unsafe" not in str(summary)


def test_a_footer_right_under_the_last_row_of_its_page_is_furniture_a_label_over_rows_is_not(tmp_path):
    # The export lost the blank line between a page's last row and its footer; one page ends mid-sentence.
    footers = ["Rivers Trust commentary", "rivers trust Commentary", "Rivers Trust  commentary", "RIVERS TRUST COMMENTARY", "Rivers Trust commentary"]
    lines = ["<h2>Part 1: Rivers</h2>\t", "<p>1. The Agency monitors every main river in England and reports to Parliament.</p>\t<p>Monitoring is not enforcement.</p>"]
    for page, footer in enumerate(footers, 2):
        cut = page == 3
        lines += [f"<p>{page}. Companies report every discharge{', and the number of discharges has fallen in each of the' if cut else '.'}</p>\t", footer, "", ""]
        if cut:
            lines += ["<p>last three years.</p>\t<p>Self-reported.</p>"]
    # A label of the original opening the rows under it, five times: content, however often it recurs.
    for number in range(7, 12):
        lines += ["", "What we will do", f"<p>{number}. We will act on rivers.</p>\t<p>When?</p>"]
    source = tmp_path / "rivers.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    assert summary.furniture == 5
    review = Review(tmp_path / "out", "rivers")
    text = " ".join(review.items.values())
    assert "trust" not in text.lower()  # no footer reached the pages
    assert review.items["para-3"] == "3. Companies report every discharge, and the number of discharges has fallen in each of the last three years."
    assert review.rebuttals["para-3"] == "Self-reported." and review.numbered() == list(range(1, 12))
    assert sum(item == "What we will do" for item in review.items.values()) == 5


def _pages(*pages: list[str]) -> list[str]:
    """Pages of two rows each (paragraphs numbered on), each page's lines after its rows."""
    lines, number = [], 0
    for page in pages:
        for _ in range(2):
            number += 1
            lines.append(f"<p>{number}. A paragraph of the original.</p>\t<p>A reply.</p>")
        lines += page
    return lines


def test_page_numbers_standing_alone_go_where_they_go_on_as_pages_do():
    lines = _pages(*[["", number, ""] for number in ("7", "- 8 -", "9", "\u2013 10 \u2013", "xi")])
    assert dropped(lines) == ["7", "- 8 -", "9", "\u2013 10 \u2013", "xi"]
    # two are not enough to tell pages by; a year, and a list's numbers over its items' titles, stay
    assert dropped(_pages(["", "7", ""], ["", "8", ""])) == []
    assert dropped(_pages(["", "2019", ""], ["", "2020", ""], ["", "2021", ""])[:5] + ["1", "", "Identify", "", "2", "", "Protect", "", "3", "", "Respond"]) == []
    # steps or a timeline, a sentence under each number, a page apart or not: no pages
    steps = ["", "1", "", "Register the school on the portal.", "", "2", "", "Submit the bid with its costings.", "", "3", "",
             "Wait for the decision.", "", "4", "", "Open the new classrooms."]
    assert dropped(_pages([]) + steps) == []
    timeline = [line for year in ("2019", "2020", "2021", "2022") for line in ("", year, "", f"The plan was revised in {year}.")]
    assert dropped(_pages([]) + timeline) == []


def test_a_footer_with_its_page_number_first_or_last_and_between_rows_goes():
    sides = [["", "24 | Housing Action review", ""], ["", "Housing Action review   25", ""], ["", "26   Housing Action review", ""],
             ["", "Housing Action review 27", ""], ["", "28 | Housing Action review", ""]]
    assert dropped(_pages(*sides)) == [line for _, line, _ in sides]
    # no blank line about it: only with a page number on its line is a line between two rows a footer
    between = _pages(*[[f"Housing Action review {page}"] for page in range(24, 29)])
    assert dropped(between) == [f"Housing Action review {page}" for page in range(24, 29)]
    assert dropped(_pages(*[["Housing Action review"] for _ in range(5)])) == []
    # numbers on such lines that go no way pages do are the reviewer's ratings, not pages
    assert dropped(_pages(*[[f"Our rating: {rating}"] for rating in (2, 1, 3, 2, 1)])) == []


def test_a_documents_divisions_in_sequence_are_no_running_footer():
    stages = _pages(*[["", f"Stage {stage}", ""] for stage in range(1, 6)])
    assert dropped(stages) == []
    headed = _pages(*[["", f"Objective {n}: Tackling abuse", "", f"Page {n} of 9", ""] for n in range(1, 6)])
    assert dropped(headed) == [f"Page {n} of 9" for n in range(1, 6)]
    # the same division again on every page is a running header
    assert dropped(_pages(*[["", "Chapter 3: Rivers", ""] for _ in range(5)])) == ["Chapter 3: Rivers"] * 5
