"""Sources of hostile shape (deep, wide, long or far-numbered) convert and keep every word.

How long they take is measured by ``benchmarks/converter.py``, not here.
"""

from __future__ import annotations

import sys

from conftest import Review

from reviewgen.commands.convert import convert

HEAD = "<h2>Part 1: Shapes</h2>\t\n<p>1. The opening paragraph.</p>\t<p>A reply to one.</p>\t\n"


def converted(tmp_path, body: str) -> Review:
    source = tmp_path / "shape.txt"
    source.write_text(HEAD + body, encoding="utf-8")
    convert(source, tmp_path / "out")
    return Review(tmp_path / "out", "shape")


def test_a_cell_nested_deeper_than_the_call_stack_keeps_its_words(tmp_path):
    depth = 3 * sys.getrecursionlimit()
    review = converted(tmp_path, "<p>2. A paragraph.</p>" + "<div>" * depth + "the deepest words" + "</div>" * depth + "\t<p>A reply to two.</p>\t\n")
    assert review.numbered() == [1, 2]
    assert review.items["para-2"] == "2. A paragraph."
    deepest = review.find("the deepest words")
    assert review.items[deepest] == "the deepest words"
    assert review.rebuttals[deepest] == "A reply to two."


def test_thousands_of_unclosed_blocks_keep_every_word_in_order(tmp_path):
    words = [f"word{i}" for i in range(3000)]
    review = converted(tmp_path, "<p>2. A list of words follows</p>" + "".join(f"<div>{w} " for w in words) + "\t\n")
    # Each piece continues the sentence before it, so the export's page-break rule glues them back into paragraph 2.
    assert review.items["para-2"] == "2. A list of words follows " + " ".join(words)


def test_paragraph_numbers_past_four_digits_are_kept(tmp_path):
    review = converted(tmp_path, (
        "<p>9999. The paragraph before.</p>\t<p>A reply to 9999.</p>\t\n"
        "<p>10000. The ten thousandth paragraph.</p>\t<p>A reply to 10000.</p>\t\n"
        "10001. A bare paragraph of the original.\n"
        "<p>123456. A far paragraph.</p>\t<p>A reply far away.</p>\t\n"
    ))
    assert review.numbered() == [1, 9999, 10000, 10001, 123456]
    assert review.items["para-10000"] == "10000. The ten thousandth paragraph."
    assert review.rebuttals["para-10000"] == "A reply to 10000."
    assert review.items["para-10001"] == "10001. A bare paragraph of the original."
    assert review.rebuttals["para-123456"] == "A reply far away."


def test_a_row_of_thousands_of_cells_keeps_every_word_in_order(tmp_path):
    cells = [f"and cell {i} carries the sentence further" for i in range(3000)]  # no word a sentence cannot end on
    review = converted(tmp_path, "<p>2. A paragraph.</p>\t<p>A reply to two.</p>\t\n" + "\t".join(cells) + "\t\n")
    # A grid row outside a figure is the original's: each short cell an item of its own, after paragraph 2.
    after = review.order[review.order.index("para-2") + 1:]
    assert [review.items[item_id] for item_id in after] == cells
    assert review.rebuttals["para-2"] == "A reply to two."


def test_a_row_of_thousands_of_cells_cut_from_one_sentence_is_glued_back(tmp_path):
    cells = [f"and cell {i} carries the sentence on without an end in sight at all" for i in range(3000)]
    review = converted(tmp_path, "<p>2. A paragraph.</p>\t<p>A reply to two.</p>\t\n" + "\t".join(cells) + "\t\n")
    # Long cells with no full stop, each starting in lower case: the page-break rule makes them one paragraph.
    after = review.order[review.order.index("para-2") + 1:]
    assert [review.items[item_id] for item_id in after] == [" ".join(cells)]


def test_tables_nested_in_a_figure_keep_each_word_once(tmp_path):
    depth = 300
    review = converted(tmp_path, "<p>Figure 1: Nested tables</p>\t\n" + "".join(f"<table><tr><td>cell{i}" for i in range(depth)) + "</td></tr></table>" * depth + "\t\n")
    assert review.items["figure-1"] == "Figure 1: Nested tables"
    page = review.pages[0].read_text(encoding="utf-8")
    # A table nested in a cell is read as that cell's text: one cell holding every word, each once.
    cells = " ".join(f"cell{i}" for i in range(depth))
    assert f"**Figure 1: Nested tables**\n{{ #figure-1 }}\n\n</figcaption>\n\n| {cells} |\n|---|\n\n</figure>\n" in page
    assert page.count("cell1 ") == 1


def test_one_huge_line_keeps_every_word(tmp_path):
    words = " ".join(f"word{i}" for i in range(50000))
    review = converted(tmp_path, f"<p>2. {words}.</p>\t<p>Reply {words}.</p>\t\n")
    assert review.items["para-2"] == f"2. {words}."
    assert review.rebuttals["para-2"] == f"Reply {words}."


def test_whitespace_of_every_kind_folds_to_one_space_and_a_lone_space_stays(tmp_path):
    review = converted(tmp_path, (
        "<p>2. Runs  of\u00a0\u00a0spaces,\u2003an em space, a\u00a0lone no-break space and   <i>an  italic</i>  end.</p>"
        "\t<p>A\u00a0reply,  folded\u2009too.</p>\t\n"
    ))
    assert review.items["para-2"] == "2. Runs of spaces, an em space, a lone no-break space and an italic end."
    assert review.rebuttals["para-2"] == "A reply, folded too."
