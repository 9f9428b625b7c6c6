"""The reading aids' pure functions on small inputs of their own."""

from __future__ import annotations

import markdown

from reviewgen.site.crossrefs import relative
from reviewgen.site.items import parse
from reviewgen.site.jump import paragraph_map
from reviewgen.site.print_edition import Joined, join_sections, print_body, print_markdown, print_places
from reviewgen.site.speakers import item_places

PAGE = """\
# Part 2: What we know

39\\. It covers:
{ #para-39 }

- the scale of abuse;
  { #para-39-the-scale-of }

## 2.5 The impact

> "In my first week at school"
> { #para-70-in-my-first-week }

Before any number.
{ #para-0-before-any-number }
"""


def test_items_are_named_by_what_and_where_they_are():
    places = item_places(parse(markdown.markdown(PAGE, extensions=["attr_list", "toc"])))
    named = {item_id: (place.title("Part 2: What we know"), place.answered_by("Mandate Now", "Part 2: What we know")) for item_id, place in places.items()}
    assert named == {
        "para-39": ("Paragraph 39 · Part 2: What we know", "Mandate Now on paragraph 39"),
        "para-39-the-scale-of": ("Bullet after paragraph 39 · Part 2: What we know", "Mandate Now on the bullet after paragraph 39 · Part 2: What we know"),
        "para-70-in-my-first-week": ("Quotation after paragraph 70 · 2.5 The impact", "Mandate Now on the quotation after paragraph 70 · 2.5 The impact"),
        "para-0-before-any-number": ("Text “Before any number.” · 2.5 The impact", "Mandate Now on the text “Before any number.” · 2.5 The impact"),
    }


def test_links_are_relative_to_the_page_they_are_on():
    assert relative("r/04-part-2/#para-43", "r/03-part-1/") == "../04-part-2/#para-43"
    assert relative("r/03-part-1/#para-4", "r/03-part-1/") == "#para-4"
    assert relative("r/04-part-2.html#x", "r/03-part-1.html") == "04-part-2.html#x"  # without directory urls
    assert relative("r/paragraphs.json", "r/02-a/") == "../paragraphs.json"


def test_the_paragraph_map_holds_numbered_paragraphs_only_in_order():
    places = {"para-10": "r/b/#para-10", "para-9": "r/a/#para-9", "para-9-words": "r/a/#para-9-words", "figure-1": "r/a/#figure-1", "part 2": "r/b/"}
    assert list(paragraph_map(places, "r").items()) == [("9", "a/#para-9"), ("10", "b/#para-10")]


def test_the_print_edition_joins_the_sections_and_points_its_links_at_itself():
    head = print_markdown("The review", "The original", "Reviewer")
    assert "search:\n  exclude: true" in head and "# The review" in head
    sections = [
        ("r/01-a/", '<h1 id="part-1-a">Part 1: A</h1><h2 id="summary">Summary</h2><p id="para-1">1. One, see <a href="#summary">above</a>.</p>'),
        ("r/02-b/", '<h1 id="part-2-b">Part 2: B</h1><h2 id="summary">Summary</h2>'
                    '<p id="para-2">2. Two, <a href="#summary">above</a>, <a href="../01-a/#para-1">one</a>, '
                    '<a href="https://example.org/x">there</a>, <img src="chart.png" alt="chart"></p>'),
    ]
    soup = parse('<h1 id="the-review">The review</h1>' + print_body(html for _, html in sections))
    joined = join_sections(soup, [url for url, _ in sections], "r/print/")
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert ids == ["the-review", "part-1-a", "summary", "para-1", "part-2-b", "summary-2", "para-2"]  # in order, each once
    links = [element.get("href") or element.get("src") for element in soup.find_all(["a", "img"])]
    assert links == ["#summary", "#summary-2", "../01-a/#para-1", "https://example.org/x", "../02-b/chart.png"]
    assert joined == {"r/01-a/": Joined("part-1-a", {}), "r/02-b/": Joined("part-2-b", {"summary": "summary-2"})}
    places = {"para-2": "r/02-b/#para-2", "summary of b": "r/02-b/#summary", "part 2": "r/02-b/", "index": "r/rebuttals/"}
    assert print_places(places, joined, "r/print/") == {
        "para-2": "r/print/#para-2", "summary of b": "r/print/#summary-2", "part 2": "r/print/#part-2-b",
    }


