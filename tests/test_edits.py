"""The page edits that tell Beautiful Soup where each node is make what its own one-by-one calls make."""

from __future__ import annotations

import markdown
from bs4 import NavigableString, Tag

from reviewgen.document.html import serialise
from reviewgen.site.edits import decompose_all, replace_each, taken_out
from reviewgen.site.items import parse
from reviewgen.site.layout import place_rebuttals

PARAGRAPH = "<p>see 1 and <em>see 2</em> then see 3<br/>and see 4</p>"


def walked(soup) -> list[str]:
    """The page as a walk over ``next_element`` reads it (what ``descendants`` and every step's loop see)."""
    return [f"<{node.name}>" if isinstance(node, Tag) else str(node) for node in soup.descendants]


def linked(soup, text: NavigableString) -> list:
    """``text`` with each "see N" made a link, as a cross-reference is."""
    before, _, after = str(text).partition("see ")
    number, rest = after[0], after[1:]
    link = soup.new_tag("a", attrs={"href": f"#para-{number}"}, string=f"see {number}")
    return [piece for piece in (NavigableString(before), link, NavigableString(rest)) if piece != ""]


def test_replacing_many_texts_at_once_makes_the_page_replacing_them_one_by_one_makes():
    one_by_one, at_once = parse(PARAGRAPH), parse(PARAGRAPH)
    for text in [node for node in one_by_one.descendants if isinstance(node, NavigableString) and "see" in node]:
        text.replace_with(*linked(one_by_one, text))
    replace_each([(text, linked(at_once, text)) for text in at_once.descendants if isinstance(text, NavigableString) and "see" in text])
    assert serialise([at_once]) == (
        '<p><a href="#para-1">see 1</a> and <em><a href="#para-2">see 2</a></em> then '
        '<a href="#para-3">see 3</a><br/>and <a href="#para-4">see 4</a></p>'
    )
    assert serialise([at_once]) == serialise([one_by_one])
    assert walked(at_once) == walked(one_by_one)


def test_children_taken_out_keep_their_order_and_leave_the_others():
    soup = parse("<li>\n<p>one</p>\n<p>two</p>\n</li>")
    item = soup.li
    taken = taken_out(item, lambda child: isinstance(child, Tag))
    assert [serialise([child]) for child in taken] == ["<p>one</p>", "<p>two</p>"]
    assert serialise([soup]) == "<li>\n\n\n</li>"
    holder = soup.new_tag("aside")
    for child in taken:
        holder.append(child)
    soup.li.insert_after(holder)
    assert walked(soup) == ["<li>", "\n", "\n", "\n", "<aside>", "<p>", "one", "<p>", "two"]


def test_destroying_several_list_items_at_once_leaves_the_rest_as_one_by_one_does():
    html = "<ol>\n<li id='a'>A</li>\n<li id='b'>B</li>\n<li id='c'>C</li>\n<li id='d'>D<ol><li id='e'>E</li></ol></li>\n</ol>"
    one_by_one, at_once = parse(html), parse(html)
    for name in ("a", "c", "e"):
        one_by_one.find(id=name).decompose()
    decompose_all([at_once.find(id=name) for name in ("e", "a", "c")])
    assert serialise([at_once]) == '<ol>\n\n<li id="b">B</li>\n\n<li id="d">D<ol></ol></li>\n</ol>'
    assert serialise([at_once]) == serialise([one_by_one])
    assert walked(at_once) == walked(one_by_one)


def test_a_footnote_no_item_answers_stays_in_the_list_when_the_others_move():
    page = (
        "1\\. First.[^a]\n{ #para-1 }\n\n"
        "Not an item of the original.[^b]\n\n"
        "2\\. Second.[^c]\n{ #para-2 }\n\n"
        "[^a]: Answer one.\n\n[^b]: An editor's note.\n\n[^c]: Answer two.\n"
    )
    soup = parse(place_rebuttals(markdown.markdown(page, extensions=["footnotes", "attr_list"])))
    assert [aside["data-target"] for aside in soup.find_all("aside")] == ["para-1", "para-2"]
    notes = soup.find("div", class_="footnote").find_all("li")
    assert [note["id"] for note in notes] == ["fn:b"]
    assert notes[0].p.get_text(strip=True).startswith("An editor's note.")
