"""The reading aids' pure functions on small inputs of their own."""

from __future__ import annotations

import markdown

from reviewgen.document.html import serialise
from reviewgen.site.crossrefs import relative
from reviewgen.site.items import parse
from reviewgen.site.jump import paragraph_map
from reviewgen.site.print_edition import Joined, join_sections, print_body, print_markdown
from reviewgen.site.speakers import item_places

PAGE = """\
# Part 2: What we know

39\\. It covers:
{ #para-39 }

- the scale of abuse;
  { #para-39-the-scale-of }

It asks:
{ #para-39-it-asks }

1. to count it;
   { #para-39-to-count-it }

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
        "para-39-it-asks": ("Text after paragraph 39 · Part 2: What we know", "Mandate Now on the text after paragraph 39 · Part 2: What we know"),
        "para-39-to-count-it": ("Item after paragraph 39 · Part 2: What we know", "Mandate Now on the item after paragraph 39 · Part 2: What we know"),
        "para-70-in-my-first-week": ("Quotation after paragraph 70 · 2.5 The impact", "Mandate Now on the quotation after paragraph 70 · 2.5 The impact"),
        "para-0-before-any-number": ("Text “Before any number.” · 2.5 The impact", "Mandate Now on the text “Before any number.” · 2.5 The impact"),
    }


def test_a_table_and_the_lines_under_it_are_named_by_its_caption_label():
    html = markdown.markdown(
        '# Part 1\n\n<figure markdown="1">\n\n<figcaption markdown="1">\n\n**Table 3: Homes built**\n{ #para-1-table-3-homes-built }\n\n'
        "</figcaption>\n\nSource: Live tables\n{ #para-1-table-3-homes-built-note-1 }\n\n</figure>\n\n"
        "Housing is short.\n{ #para-1-housing-is-short }\n",
        extensions=["attr_list", "md_in_html"],
    )
    places = item_places(parse(html))
    assert {item_id: place.named for item_id, place in places.items()} == {
        "para-1-table-3-homes-built": "table 3",
        "para-1-table-3-homes-built-note-1": "table 3, note 1",
        "para-1-housing-is-short": "the text after paragraph 1",  # beside a table, still text
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
    own = print_markdown("The review", "The original", "Reviewer")
    assert "search:\n  exclude: true" in own and "# The review" in own
    box = '<form class="jump" name="jump"><input id="jump-to"></form>'  # each page has its own, the print page too
    sections = [
        ("r/01-a/", f'<h1 id="part-1-a">Part 1: A</h1>{box}<h2 id="summary">Summary</h2>'
                    '<p id="para-1">1. One, see <a href="#summary">above</a> and <a href="../02-b/#summary">B\'s</a>.</p>'),
        ("r/02-b/", f'<h1 id="part-2-b">Part 2: B</h1>{box}<h2 id="summary">Summary</h2>'
                    '<p id="para-2"><a href="#para-2">2.</a> Two, <a href="#summary">above</a>, <a href="../01-a/#para-1">one</a>, '
                    '<a href="../01-a/">A</a>, <a href="../rebuttals/#r-1">the index</a>, '
                    '<a href="https://example.org/x">there</a>, <img src="chart.png" alt="chart"></p>'),
    ]
    head = parse(f'<h1 id="the-review">The review</h1>{box}')
    parsed = [(url, parse(html)) for url, html in sections]
    joined = join_sections(head, parsed, "r/print/")
    soup = parse(serialise([head]) + print_body(serialise([section]) for _, section in parsed))
    assert [section["class"] for section in soup.find_all("div", recursive=False)] == [["print-section"]] * 2
    assert soup.find_all("form") == [soup.h1.find_next_sibling()]  # the print page's own box, no section's
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert ids == ["the-review", "jump-to", "part-1-a", "summary", "para-1", "part-2-b", "summary-2", "para-2"]  # in order, each once
    links = [element.get("href") or element.get("src") for element in soup.find_all(["a", "img"])]
    assert links == [
        "#summary", "#summary-2",  # a section's own place, and a later section's, both on this page
        "#para-2", "#summary-2", "#para-1", "#part-1-a",  # a page joined here: its top
        "../rebuttals/#r-1", "https://example.org/x", "../02-b/chart.png",  # what is not joined: from this page's address
    ]
    assert joined == {"r/01-a/": Joined("part-1-a", {}), "r/02-b/": Joined("part-2-b", {"summary": "summary-2"})}


