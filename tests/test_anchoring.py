"""Re-anchoring by quoted text: lands only where one item clearly holds the words answered."""

from __future__ import annotations

from reviewgen.commands.anchoring import Quote, Target, anchor, comparable, quotes_in_order

PARAGRAPHS = [
    ("para-1", "1. The Government will publish a plan for victims within a year."),
    ("para-1-we-will-fund", "We will fund specialist services for survivors in every region."),
    ("para-1-figure-1", "Figure 1"),
    ("para-2", "2. Local partners will report progress to the Home Office each quarter."),
]


def targets(rows=PARAGRAPHS) -> list[Target]:
    return [Target(item_id, quote) for item_id, quote in quotes_in_order(rows)]


def test_the_same_words_land_on_their_item_wherever_it_moved():
    moved = [("para-1-new", "A sentence added before everything."), *PARAGRAPHS]
    found = anchor(Quote("We will fund specialist services for survivors in every region."), targets(moved))
    assert found.item_id == "para-1-we-will-fund"


def test_a_corrected_word_still_lands_but_another_item_never_does():
    reworded = [(i, t.replace("specialist", "specialised")) for i, t in PARAGRAPHS]
    assert anchor(Quote("We will fund specialist services for survivors in every region."), targets(reworded)).item_id == "para-1-we-will-fund"
    gone = [row for row in PARAGRAPHS if row[0] != "para-1-we-will-fund"]
    found = anchor(Quote("We will fund specialist services for survivors in every region."), targets(gone))
    assert found.item_id is None and found.reason in ("its text is no longer in the source", "its text changed beyond recognition")


def test_numbers_must_agree():
    others = [("figure-2", "Figure 2"), ("para-3", "3. Local partners will report progress to the Home Office each month.")]
    assert anchor(Quote("Figure 1"), targets(others), numbered=True, old_id="figure-1").item_id is None
    # a renumbered paragraph with the same words is the same paragraph
    renumbered = [("para-3", "3. Local partners will report progress to the Home Office each quarter.")]
    assert anchor(Quote(PARAGRAPHS[3][1]), targets(renumbered), numbered=True, old_id="para-2").item_id == "para-3"


def test_a_numbered_paragraph_keeps_its_number_while_its_text_matches():
    copy = [*PARAGRAPHS, ("para-2-2", PARAGRAPHS[3][1])]  # the same text again, unnumbered
    assert anchor(Quote(PARAGRAPHS[3][1]), targets(copy), numbered=True, old_id="para-2").item_id == "para-2"


def test_two_equal_items_go_to_an_editor_unless_both_neighbours_tell_them_apart():
    rows = [("a", "Opening words of the part."), ("b", "Yes, we agree."), ("c", "A middle sentence."), ("d", "Yes, we agree."), ("e", "Closing words.")]
    second = Quote("Yes, we agree.", "A middle sentence.", "Closing words.")
    assert anchor(second, targets(rows)).item_id == "d"  # its neighbours on both sides say which one
    duplicated = [("a", "Opening words of the part."), ("b", "Yes, we agree."), ("b2", "Yes, we agree."), ("e", "Closing words.")]
    found = anchor(Quote("Yes, we agree.", "Opening words of the part.", "Closing words."), targets(duplicated))
    assert found.item_id is None and {i for i, _ in found.candidates} == {"b", "b2"}


def test_markup_is_not_part_of_the_words():
    assert comparable("43\\. Some **bold** and [a link](https://example.org) _here_") == "43. Some bold and a link here"
    assert comparable("## 2.1 Scale   and prevalence") == "2.1 Scale and prevalence"
