"""The escaping boundary and the last step, as pure functions over HTML."""

from __future__ import annotations

import ast
import base64
import hashlib

from bs4 import BeautifulSoup

from conftest import ROOT

from reviewgen.document.sanitise import Cleaned
from reviewgen.site.final import finalise_page
from reviewgen.site.safety import clean_page, removal_notes
from reviewgen.document.html import serialise, text
from reviewgen.site.items import parse, rebuttal_content
from reviewgen.site.layout import place_rebuttals
from reviewgen.site.policy import policy

PAGE = """<!doctype html>
<html lang="en" class="no-js" onload="alert(1)">
<head><meta charset="utf-8"><title>A &lt;b&gt; title</title>
<script>var theme = 1;</script></head>
<body dir="ltr" onclick="alert(2)"><article>
<p id="para-1">Text <abbr title="Evil &lt;img src=x onerror=alert(3)&gt;">EVT</abbr>
<img src="x" onerror="alert(4)"><a href="javascript:alert(5)">x</a></p>
</article><script src="assets/bundle.js"></script></body></html>
"""


def test_decoded_text_is_escaped_again_by_the_serialiser():
    soup = parse("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>")
    assert serialise(soup.p.contents) == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
    assert text('"><img onerror=x>') == "&quot;&gt;&lt;img onerror=x&gt;"


# Beautiful Soup's ways of writing a node out; only the serialiser may call them.
NODE_WRITERS = {"decode_contents", "encode_contents", "prettify", "renderContents", "output_ready"}


def node_writes(path) -> list[str]:
    """Calls that turn a parsed node into a string: a node writer, or a node's ``decode()``
    (``decode`` with no encoding named, on a name rather than on bytes a call returned)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        node_decode = method == "decode" and not node.args and not isinstance(receiver, ast.Call)
        if method in NODE_WRITERS or node_decode or any(k.arg == "formatter" for k in node.keywords):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{method}()")
    return found


def test_only_the_serialiser_turns_a_parsed_node_back_into_a_string():
    modules = sorted((ROOT / "reviewgen").rglob("*.py"))
    serialiser = ROOT / "reviewgen" / "document" / "html.py"
    assert node_writes(serialiser)  # the scan sees the serialiser's own calls, so it would see others
    elsewhere = [call for path in modules if path != serialiser for call in node_writes(path)]
    assert elsewhere == []


def test_a_rebuttals_last_paragraph_stays_text_when_it_moves_beside_its_paragraph():
    rendered = (
        '<p id="para-1">One.<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup></p>'
        '<div class="footnote"><ol><li id="fn:a"><p>First.</p><p>Last &lt;img src=x onerror=alert(1)&gt;'
        '&#160;<a class="footnote-backref" href="#fnref:a">&#8617;</a></p></li></ol></div>'
    )
    note = parse(rendered).find(id="fn:a")
    assert rebuttal_content(note) == "<p>First.</p>\n<p>Last &lt;img src=x onerror=alert(1)&gt;</p>"
    placed = BeautifulSoup(place_rebuttals(rendered), "html.parser")
    aside = placed.select_one("aside.rebuttal[data-target='para-1']")
    assert aside.find("img") is None
    assert "".join(p.get_text() for p in aside.find_all("p")) == "First.Last <img src=x onerror=alert(1)>"


def test_the_last_step_keeps_the_theme_and_removes_the_rest():
    finished = finalise_page(PAGE)
    soup = BeautifulSoup(finished.html, "html.parser")
    assert soup.html.attrs == {"lang": "en", "class": ["no-js"]} and soup.body.attrs == {"dir": "ltr"}
    assert [s.get("src") for s in soup.find_all("script")] == [None, "assets/bundle.js"]
    assert soup.find("img").attrs == {"src": "x"} and soup.find("a").attrs == {}
    assert soup.find("abbr")["title"] == "Evil &lt;img src=x onerror=alert(3)&gt;"  # Material shows it as HTML
    assert finished.removed == ("onerror attribute", "javascript: link")


def test_the_policy_allows_exactly_the_pages_own_inline_scripts():
    finished = finalise_page(PAGE).html
    content = BeautifulSoup(finished, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    digest = base64.b64encode(hashlib.sha256(b"var theme = 1;").digest()).decode()
    directives = dict(part.strip().split(" ", 1) for part in content.split(";"))
    assert directives["script-src"] == f"'self' 'sha256-{digest}'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'" and directives["form-action"] == "'none'"
    assert content == policy(finished)
    assert finished.index("Content-Security-Policy") < finished.index("<script")  # in force before any script


def test_finishing_a_finished_page_changes_nothing():
    once = finalise_page(PAGE)
    twice = finalise_page(once.html)
    assert twice.html == once.html and twice.removed == ()


def test_a_built_page_passes_the_last_step_unchanged(site):
    path = site / "tackling-child-sexual-abuse-strategy" / "04-part-2" / "index.html"
    built = path.read_text(encoding="utf-8")
    again = finalise_page(built)
    assert again.removed == () and again.html == built
    assert (ROOT / "theme" / "main.html").exists()


def test_a_live_preview_is_cleaned_but_carries_no_policy_for_its_reload_script():
    preview = finalise_page(PAGE, with_policy=False)
    assert "Content-Security-Policy" not in preview.html and preview.removed == finalise_page(PAGE).removed


def test_what_the_last_step_takes_is_named_even_where_the_same_names_stay():
    kept = (
        '<p class="a" title="t">Kept</p>\n'
        '<table><tbody><tr><td style="text-align: left" class="a">Kept</td></tr></tbody></table>\n'
    ) * 3  # the same names, kept, all around
    cases = {
        '<p\nonclick="x()" class="b">Words</p>': ("onclick attribute",),  # a name after a line break
        '<p ONMOUSEOVER = "x()">Words</p>': ("onmouseover attribute",),  # upper case, spaces around "="
        '<p class=b onfocus=x()>Words</p>': ("onfocus attribute",),  # values without quotes
        '<table><tr><td style="text-align: left; position: fixed">Words</td></tr></table>':
            ("style attribute",),  # one property of a kept style
        '<table><tr><TD STYLE="text-align: left">Words</TD></tr></table>': (),  # written in lower case: nothing taken
        '<marquee class="a">Words</marquee>': ("<marquee> element", "class attribute"),  # its attribute with it
        '<a href="javascript:x()" title="t">Words</a>': ("javascript: link",),
    }
    for snippet, expected in cases.items():
        finished = finalise_page(f"{kept}{snippet}\n{kept}")
        assert finished.removed == expected, snippet
        assert finished.html.count("Kept") == 12 and "Words" in finished.html


def test_what_an_editor_typed_as_a_marked_section_is_cleaned_and_named_not_a_crash():
    # Browsers read "<![" as the start of a comment that runs to the next ">"; so do nh3 and the count.
    typed = '<div onclick="x()">a <![CDATx b</div><p>c <![CDATA[ d ]]> e</p>'
    assert clean_page(typed) == Cleaned("<div>a <p>c  e</p></div>", ("onclick attribute",))


def test_a_page_is_read_back_as_a_browser_reads_it():
    # "<![" opens a comment that runs to the next ">", so the <p> falls inside the <div>.
    assert serialise([parse('<div>a <![CDATx b</div><p>c</p>')]) == "<div>a <!--[CDATx b</div--><p>c</p></div>"
    # A line break is closed where it stands, and a stray end tag for one is let pass, as before.
    assert serialise([parse("<p>a<br>b</br>c<br/>d</p><p>e</p>")]) == "<p>a<br/>bc<br/>d</p><p>e</p>"


def test_each_removal_is_named_with_the_line_it_was_typed_on():
    markdown = "# Notes\n\nFine words.\n<span onclick='a()'>one</span>\n\n<b onclick='b()'>two</b> <i onclick='c()'>three</i>\n<script>x()</script>\n"
    removed = ["onclick attribute", "onclick attribute", "<script> element", "onclick attribute", "onclick attribute"]
    notes = removal_notes("notes.md", removed, markdown, first_line=5)
    # Body lines 4, 6 (twice) and 7, counted from the body's first line, 5; a fourth onclick is not
    # in the text, so its note names the body's first line.
    assert [note.split(": removed")[0] for note in notes] == ["notes.md:8", "notes.md:10", "notes.md:11", "notes.md:10", "notes.md:5"]
    assert removal_notes("page.html", ["onclick attribute"], finished=True) == [
        "page.html: removed onclick attribute from the finished page; pages may not carry script or unsafe links"]


def test_the_themes_script_is_left_for_after_the_first_paint_and_nothing_else_is():
    """Material's and Zensical's bundles are kept as a data block the browser neither fetches nor runs
    (reading.js loads it once the page has painted); the site's own scripts stay as they are."""
    page = ('<!doctype html><html class="no-js"><head><script>var theme = 1;</script></head><body>'
            '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
            '<script src="../assets/javascripts/review.js" defer></script>'
            '<script src="assets/javascripts/bundle.77dd0ce9.min.js"></script></body></html>')
    soup = BeautifulSoup(finalise_page(page).html, "html.parser")
    scripts = [(s.get("type"), s.get("src")) for s in soup.body.find_all("script")]
    assert scripts == [
        ("text/x-after-first-paint", "../assets/javascripts/bundle.a5f9d56c.min.js"),
        (None, "../assets/javascripts/review.js"),
        ("text/x-after-first-paint", "assets/javascripts/bundle.77dd0ce9.min.js"),
    ]
