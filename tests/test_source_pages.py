"""The original's page numbers, counted from the running footers of its export.

The hand-checked sample: the seed's footers were listed by eye (every short
standalone line with no tag and no TAB: ``awk 'length($0)<40 && !/</ && !/\\t/'``
on the source, then read), leaving aside the headings and "Figure N" lines
among them. They are the garbled "Mandate Now review" lines 22, 40, 66, 76,
110, 171, 192, 212, 224, 230, 306, 342, 352+353 (one footer over two lines),
395, 407, 450, 473, 486, 558, 565, 576, 611, 627, 633, 643, 658, 692, 698,
719+721 ("Now review", a blank line, "Main": one footer), 731, 769, 799, 874:
33 page ends. An item's page is one more than the footers above its first line,
counted by hand for each item below.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import SEED, SLUG
from reviewgen.document.config import SourceConfig, load_config
from reviewgen.document.model import document_items
from reviewgen.reading.parser import parse_file, parse_lines
from reviewgen.reading.source_pages import PageEnds, page_ends

# id: (source line of the item, footers above it, so its page)
SAMPLE = {
    "para-1": (43, 2, 3),  # 22, 40
    "para-43": (155, 5, 6),  # ... 66, 76, 110
    "figure-4": (157, 5, 6),  # the figure right after paragraph 43, same page
    "para-70-in-my-first-week": (267, 10, 11),  # a quotation; ... 171, 192, 212, 224, 230
    "para-100": (344, 12, 13),  # ... 306, 342
    "para-150": (491, 18, 19),  # ... 352+353 as one, 395, 407, 450, 473, 486
    "para-174": (567, 20, 21),  # ... 558, and 565's lone "Mandate" just above it
    "para-200": (620, 22, 23),  # ... 576, 611
    "para-250": (755, 30, 31),  # ... 627, 633, 643, 658, 692, 698, 719+721 as one, 731
    "para-268": (794, 31, 32),  # ... 769
}


@pytest.fixture(scope="module")
def seed_items():
    return {item.item_id: item for item in document_items(parse_file(SEED, load_config(SEED)))}


def test_a_hand_checked_sample_of_items_carries_the_page_of_the_export(seed_items):
    for item_id, (line, footers, page) in SAMPLE.items():
        item = seed_items[item_id]
        assert item.line == line, item_id
        assert page == footers + 1
        assert item.page == page, item_id


def test_the_seeds_items_run_from_page_1_to_page_33(seed_items):
    # The 33rd footer is the source's last line: it closes page 33, and nothing comes after it.
    assert min(item.page for item in seed_items.values()) == 1
    assert max(item.page for item in seed_items.values()) == 33


def test_a_footer_broken_over_two_lines_or_beside_its_fragment_is_one_page_end():
    lines = ["text", "", "Mandated", " Now review", "", "more", "", "Now review", "", "Main", "", "last"]
    ends = page_ends(lines, {3, 4, 8, 10})
    assert ends == PageEnds((4, 10), (1, 2))
    assert [ends.page_of(n) for n in (1, 6, 12)] == [1, 2, 3]


def test_a_line_of_text_between_two_footers_makes_two_page_ends():
    lines = ["Review", "a line", "Review"]
    assert page_ends(lines, {1, 3}).lines == (1, 3)


def test_the_pages_are_the_numbers_the_footers_print_where_they_go_up_page_by_page():
    lines = ["text", "Review   Page 3", "more", "Review", "more", "5 | Review", "last"]
    ends = page_ends(lines, {2, 4, 6})
    assert ends == PageEnds((2, 4, 6), (3, 4, 5))  # the footer that prints none ends the page after the one before
    assert [ends.page_of(n) for n in (1, 3, 5, 7)] == [3, 4, 5, 6]
    # a header over the first page and its footers "Page 1", "Page 2": the header's run ends no page of text
    header = ["Renting Homes", "", "text", "Page 1", "", "Renting Homes", "more", "Page 2", "", "Renting Homes", "last"]
    ends = page_ends(header, {1, 4, 6, 8, 10})
    assert [ends.page_of(n) for n in (3, 7, 11)] == [1, 2, 3]
    # numbers that do not go up as pages do (a year in every footer) are no page numbers: pages are counted
    assert page_ends(["a", "Review of 2024", "b", "Review of 2024", "c"], {2, 4}).numbers == (1, 2)
    assert page_ends(["a", "Page 9", "b", "Page 3", "c"], {2, 4}).numbers == (1, 2)


def test_an_export_with_no_footers_gives_no_page_numbers():
    text = "<p>1. The first paragraph of the original.</p>\t<p>Its rebuttal.</p>"
    items = list(document_items(parse_lines([text], SourceConfig(slug="no-footers"))))
    assert items and all(item.page == 0 for item in items)


def test_the_page_is_on_the_anchor_in_content_and_on_the_item_on_the_site(site):
    part_2 = (SEED.parent.parent / "content" / SLUG / "04-part-2.md").read_text(encoding="utf-8")
    assert '{ #para-43 data-page="6" }' in part_2
    html = BeautifulSoup((site / SLUG / "02-executive-summary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert html.find(id="para-1")["data-page"] == "3"
    css = (site / "assets" / "stylesheets" / "review.css").read_text(encoding="utf-8")
    assert '[data-page]::after' in css and 'attr(data-page)' in css


def test_the_annotation_export_and_the_downloads_carry_the_page(site):
    annotations = json.loads((site / SLUG / "annotations.jsonld").read_text(encoding="utf-8"))
    targets = {a["target"]["selector"][0]["value"]: a["target"] for a in annotations["first"]["items"]}
    assert targets["para-43"]["schema:pagination"] == "6"
    answered = [item_id for item_id in SAMPLE if item_id in targets]
    assert len(answered) >= 3, answered
    for item_id in answered:
        assert targets[item_id]["schema:pagination"] == str(SAMPLE[item_id][2]), item_id
    rows = {row["id"]: row for row in json.loads((site / SLUG / "review.json").read_text(encoding="utf-8"))["rows"]}
    for item_id, (_, _, page) in SAMPLE.items():
        assert rows[item_id]["page"] == page, item_id
