"""The site's pure functions on small inputs of their own."""

from __future__ import annotations

import json
import re

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewgen.site.abbreviations import acronym_pattern, find_abbreviations, marking
from reviewgen.site.acronym_markup import ReviewAcronyms
from reviewgen.writing.page_reader import footnote_definitions
from reviewgen.site.index_page import ReviewedPage, index_markdown
from reviewgen.site.items import Item, page_items, text_of
from reviewgen.site.search import exclude_from_search
from reviewgen.site.layout import place_rebuttals
from reviewgen.site.permalinks import add_permalinks

EXTENSIONS = ["footnotes", "attr_list", "admonition", "tables"]
PAGE = """\
43\\. Seven per cent.[^para-43]
{ #para-43 }

[^para-43]: This ignores Mathews.

    - first point
    - second point

- Disruptions will increase[^para-43-1]
  { #para-43-1 }
- Trials will be more effective
  { #para-43-2 }

[^para-43-1]: Nothing is stated as to how.
"""


def rendered() -> str:
    return markdown.markdown(PAGE, extensions=EXTENSIONS)


def test_rebuttals_move_beside_paragraphs_and_into_list_items():
    soup = BeautifulSoup(place_rebuttals(rendered(), "Reviewer"), "html.parser")
    paragraph_aside = soup.select_one("div.reviewed > p#para-43 + aside.rebuttal")
    assert paragraph_aside["data-target"] == "para-43" and paragraph_aside["id"] == "fn:para-43"
    assert [li.get_text() for li in paragraph_aside.find_all("li")] == ["first point", "second point"]
    item = soup.select_one("li#para-43-1")
    assert item.select_one("div.reviewed > div.reviewed-text").get_text().startswith("Disruptions will increase")
    aside = item.select_one("div.reviewed > aside.rebuttal[data-target='para-43-1']")
    assert aside.p.get_text(strip=True) == "Nothing is stated as to how."
    # an unnumbered item is named by its opening words, and the rebuttal links back to it
    assert aside["aria-label"] == "Reviewer on the bullet after paragraph 43, “Disruptions will increase”"
    assert aside.select_one("a.rebuttal-back")["href"] == "#para-43-1"
    assert paragraph_aside["aria-label"] == "Reviewer on paragraph 43"
    marker = soup.select_one("#para-43 a.footnote-ref")
    assert marker.get_text() == "¶\u00a043" and marker["aria-label"] == "Reviewer on paragraph 43"
    assert soup.select("div.footnote") == []
    assert soup.select_one("#para-43 a.footnote-ref")["href"] == "#fn:para-43"


def test_a_heading_an_editor_answered_has_its_rebuttal_beside_it_not_at_the_foot():
    """The converter anchors only the headings the source answered; a rebuttal an editor adds to another
    heading goes beside it (named after it, linked back to its table of contents' id) as any item's does."""
    page = "## 2.2 The hidden nature[^my-note]\n\n[^my-note]: An editor answers the heading.\n\n44\\. Text.\n{ #para-44 }\n"
    html = markdown.markdown(page, extensions=[*EXTENSIONS, "toc"])
    soup = BeautifulSoup(place_rebuttals(html, "Reviewer"), "html.parser")
    aside = soup.select_one("div.reviewed > h2[id='22-the-hidden-nature'] + aside.rebuttal")
    assert aside is not None, soup
    assert aside["aria-label"] == "Reviewer on the heading “2.2 The hidden nature”"
    assert aside.select_one("a.rebuttal-back")["href"] == "#22-the-hidden-nature"
    assert soup.select("div.footnote") == []


def test_items_read_the_same_before_and_after_placement():
    before = page_items(rendered())
    after = page_items(place_rebuttals(rendered()))
    assert before == after
    assert [(i.item_id, bool(i.rebuttal_html)) for i in before] == [("para-43", True), ("para-43-1", True), ("para-43-2", False)]
    assert before[0].text == "43. Seven per cent." and before[0].label == "para-43"


def test_permalinks_keep_the_paragraph_text():
    html = add_permalinks(place_rebuttals(rendered()))
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one("#para-43 a.para-number")
    assert link["href"] == "#para-43" and link.get_text() == "43." and link["aria-label"] == "Link to paragraph 43"
    assert "title" not in link.attrs  # Material would mount a tooltip on it as the page opens
    assert page_items(html)[0].text == "43. Seven per cent."


def test_a_number_written_as_a_column_of_numbers_writes_it_links_too():
    def link(paragraph: str):
        return BeautifulSoup(add_permalinks(paragraph), "html.parser").select_one("a.para-number")

    for written in ("Para 12", "(12)", "12", "Paragraph 12", "12."):
        found = link(f'<p id="para-12">{written} The department will act.</p>')
        assert (found.get_text(), found["href"], found["aria-label"]) == (written, "#para-12", "Link to paragraph 12"), written
        assert found.parent.get_text() == f"{written} The department will act."
    # another number, or a number that is only the start of one, is the paragraph's text and no link
    for text in ("13. The department.", "120 people came.", "12.5 per cent came."):
        assert link(f'<p id="para-12">{text}</p>') is None, text


def test_footnote_definitions_keep_their_markdown():
    found = footnote_definitions(PAGE)
    assert found["para-43"] == "This ignores Mathews.\n\n- first point\n- second point"
    assert found["para-43-1"] == "Nothing is stated as to how."


def test_acronyms_need_initials_that_spell_them():
    found = find_abbreviations([
        "the National Crime Agency (NCA) leads; the Department for Culture, Media and Sport (DCMS) too.",
        "Some text (SEND) with nothing before that spells it, and (IT) alone.",
        "Later, the National Crime Agency (NCA) again.",
    ])
    assert found == {"NCA": "National Crime Agency", "DCMS": "Department for Culture, Media and Sport"}



def test_an_acronym_is_defined_after_any_run_of_brackets_without_spaces():
    # Thousands of bracketed capitals with no space between (none defined), then a definition.
    brackets = "".join(f"({chr(65 + i % 26)}{chr(65 + i // 26 % 26)}X)" for i in range(3000))
    found = find_abbreviations([f"{brackets} and then the National Crime Agency (NCA) leads."])
    assert found == {"NCA": "National Crime Agency"}


ACRONYMS = {"NCA": "National Crime Agency", "CSA": "child sexual abuse", "CSAM": "child sexual abuse material", "A&E": "Accident and Emergency"}
# Where an acronym can stand on a page, one family per line: plain text, tails after inline markup,
# headings, lists, tables, footnotes, figures; code and word boundaries that must not match; an
# editor's own definitions (one for an acronym the review defines too).
PAGES = {
    "text": "The NCA, the CSA and CSAM: NCAS, xNCA, NCA_x and NCA\\_x, A&E and A&Ex.",
    "tails": "*Before* NCA, **then** CSA [a link](x.md) NCA `NCA` and <span>CSA</span> then NCA.",
    "heading": "# The NCA and CSA { #top }\n\n## CSAM",
    "list": "- NCA one\n- two CSA\n    - nested NCA and CSAM",
    "table": "| NCA | CSA |\n|---|---|\n| CSAM | NCA, NCA |",
    "footnote": "Text.[^para-1]\n{ #para-1 }\n\n[^para-1]: The NCA answered.\n\n    A second paragraph on CSA.",
    "figure": '<figure markdown="1">\n\nThe NCA figure.\n\n<figcaption>CSA</figcaption>\n</figure>',
    "code": "```\nNCA in a fence\n```\n\n    NCA indented code",
    "editor": "The PWN and the NCA.\n\n*[PWN]: Pwned title\n*[NCA]: an editor's expansion",
}
PAGE_EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "tables", "fenced_code", "toc"]


def with_acronyms(page: str) -> str:
    """The page as Python-Markdown's own abbr renders it with the review's acronyms as definitions appended
    to it (how the plugin used to hand them over): what ``ReviewAcronyms`` must give without them."""
    definitions = "\n".join(f"*[{acronym}]: {title}" for acronym, title in ACRONYMS.items())
    return markdown.markdown(page + "\n\n" + definitions + "\n", extensions=[*PAGE_EXTENSIONS, "abbr"])


def test_the_review_s_acronyms_are_marked_up_as_definitions_appended_to_the_page_were():
    extension = ReviewAcronyms()
    for family, page in PAGES.items():
        extension.page = ACRONYMS
        assert markdown.markdown(page, extensions=[*PAGE_EXTENSIONS, extension]) == with_acronyms(page), family


def test_acronyms_are_marked_in_order_across_a_long_paragraph():
    extension = ReviewAcronyms()
    extension.page = {"NCA": "National Crime Agency", "CSA": "child sexual abuse"}
    page = " ".join(f"*{n}* NCA and CSA" for n in range(3))
    assert markdown.markdown(page, extensions=[extension]) == (
        "<p>"
        + " ".join(f'<em>{n}</em> <abbr title="National Crime Agency">NCA</abbr> and <abbr title="child sexual abuse">CSA</abbr>' for n in range(3))
        + "</p>"
    )
    extension.page = {}  # a page outside a review: nothing is marked
    assert markdown.markdown("The NCA.", extensions=[extension]) == "<p>The NCA.</p>"


def test_marked_text_is_escaped_and_its_acronyms_are_abbreviations():
    marked = marking({"NCA": "National Crime Agency", "CSAM": "child sexual abuse <material>"})
    assert marked('The NCA & CSAM said "<b>no</b>" to NCAS and NCA_x.') == (
        'The <abbr title="National Crime Agency">NCA</abbr> &amp; <abbr title="child sexual abuse &lt;material&gt;">CSAM</abbr> '
        "said &quot;&lt;b&gt;no&lt;/b&gt;&quot; to NCAS and NCA_x."
    )
    assert marking({})("The NCA & <b>") == "The NCA &amp; &lt;b&gt;"


def test_the_rebuttal_index_lists_each_rebuttal_as_text_linked_to_its_item():
    answered = Item("para-43", "Stars *and* <b>tags</b> & the NCA, [1] `code`", "<p>x</p>", 'The NCA said "no".')
    part_2 = ReviewedPage("04-part-2.md", "Part 2: What we know", (answered, Item("para-44", "Not answered", "", "")))
    part_3 = ReviewedPage("05-part-3/index.md", "Part 3", ())
    held = ReviewedPage("05-part-3/06-objective-1.md", "Objective 1", (Item("para-101", "Held", "<p>y</p>", "Answer"),), part="05-part-3/index.md")
    urls = {"04-part-2.md": "r/04-part-2/", "05-part-3/index.md": "r/05-part-3/", "05-part-3/06-objective-1.md": "r/05-part-3/06-objective-1/"}
    page = index_markdown("The Strategy", "Mandate Now", [part_2, part_3, held], urls, "r/rebuttals/", {"NCA": "National Crime Agency"})
    rendered = markdown.markdown(page.split("---\n", 2)[2], extensions=["md_in_html", "tables", "toc"])
    assert rendered.split("</table>\n")[1] == (
        '<h2 id="part-2-what-we-know">Part 2: What we know</h2>\n<ul>\n'
        '<li><a href="../04-part-2/#para-43">Paragraph 43</a>: Stars *and* &lt;b&gt;tags&lt;/b&gt; &amp; the '
        '<abbr title="National Crime Agency">NCA</abbr>, [1] `code`<br />\n'
        '<strong>Mandate Now:</strong> The <abbr title="National Crime Agency">NCA</abbr> said &quot;no&quot;.</li>\n</ul>\n\n'
        '<h2 id="part-3">Part 3</h2>\n'  # a part's heading for the rebuttals of the pages it holds
        '<h3 id="objective-1">Objective 1</h3>\n<ul>\n'
        '<li><a href="../05-part-3/06-objective-1/#para-101">Paragraph 101</a>: Held<br />\n<strong>Mandate Now:</strong> Answer</li>\n</ul>'
    )


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    names=st.lists(st.text("ACN&_(s", min_size=1, max_size=4), min_size=1, max_size=5, unique=True),
    words=st.text("ACN&_(s .\n", max_size=40),
)
def test_the_acronyms_pattern_finds_what_abbr_s_own_finds(names, words):
    """``acronym_pattern`` checks each name's word boundary after its first letter (so the search can skip
    to the letters that start a name): the matches must be those of Python-Markdown's own pattern."""
    abbr_s = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")\b")
    assert [m.span() for m in acronym_pattern(names).finditer(words)] == [m.span() for m in abbr_s.finditer(words)]


def test_the_words_a_reader_sees_apart_stay_apart_in_an_items_text():
    """Search entries and downloads take an item's text from its HTML: words either side of a line
    break, a definition's term, a summary or a caption are two words there, as on the page."""
    html = ('<div id="para-3"><p>first line<br>second line</p><dl><dt>Term</dt><dd>its meaning</dd></dl>'
            '<details><summary>More</summary>hidden words</details>'
            '<figure><table><tr><td>cell</td></tr></table><figcaption>Caption</figcaption></figure>'
            '<p>in<em>line</em> <strong>bold</strong>text</p></div>')
    element = BeautifulSoup(html, "html.parser").div
    assert text_of(element) == "first line second line Term its meaning More hidden words cell Caption inline boldtext"


def test_what_is_kept_out_of_search_stays_out_though_it_holds_its_own_kind():
    """Material's indexer ends a skipped element at the first end tag of its name: a bullet whose
    rebuttal holds a list, or a paragraph's wrapper whose rebuttal holds an admonition, must still
    keep every word of theirs out of the section's entry, and the section's own words in it."""
    from material.plugins.search.plugin import Parser

    soup = BeautifulSoup(
        '<h2 id="s">Section</h2><p>kept words</p>'
        '<ul><li id="para-2-x">bullet<aside class="rebuttal"><ul><li>one</li><li>two</li></ul><p>closing</p></aside></li></ul>'
        '<div class="reviewed"><p id="para-3">para</p><aside class="rebuttal"><div class="admonition"><p>inner</p></div>'
        '<p>after</p></aside></div><p>tail words</p>', "html.parser")
    exclude_from_search(soup.find("li", id="para-2-x"))
    exclude_from_search(soup.find("div", class_="reviewed"))
    parser = Parser()
    parser.feed(str(soup))
    section = next(section for section in parser.data if section.id == "s")
    words = " ".join("".join(section.text).replace("<", " <").replace(">", "> ").split())
    assert "kept words" in words and "tail words" in words
    assert not re.search(r"\b(bullet|one|two|closing|para|inner|after)\b", re.sub(r"<[^>]*>", " ", words)), words


def test_the_paragraph_box_is_no_words_of_a_page_in_search(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [doc["location"] for doc in docs if "Go to paragraph" in doc["text"]]
