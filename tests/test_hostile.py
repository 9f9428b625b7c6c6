"""Hostile sources, configurations and pages: nothing from them can run in any built file,
source text stays text, and every removal is named exactly, with its file and line."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, edit, reviewgen
from hostile_corpus import EDITED, SLUG, build

from reviewgen.commands.audit import audit
from reviewgen.document.config import load_config
from reviewgen.reading.parser import parse_file

LEGACY = ROOT / "tests" / "fixtures" / "hostile.txt"
EXECUTABLE_TAGS = {"script", "iframe", "frame", "object", "embed", "applet", "base", "style", "foreignobject", "math"}
UNSAFE_ADDRESS = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


@pytest.fixture(scope="module")
def corpus(hostile_build):
    return hostile_build


@pytest.fixture(scope="module")
def legacy_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("legacy")
    docs = work / "docs"
    result = reviewgen("convert", str(LEGACY), "--out", str(docs))
    assert result.returncode == 0, result.stderr
    from hostile_corpus import config

    config(work, docs)
    built = build(work, strict=True)
    assert built.returncode == 0, built.stderr
    return work / "site", result.stdout


def executable_parts(html: str, theme_scripts: bool) -> list[str]:
    """Whatever in ``html`` a browser could run: elements, event handlers, script addresses, CSS expressions."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name == "script" and theme_scripts:
            source = element.get("src", "")
            assert not re.match(r"^(https?:)?//", source) and "alert" not in element.decode(), element.decode()[:200]
        elif element.name in EXECUTABLE_TAGS or (element.name == "meta" and element.get("http-equiv", "").lower() == "refresh"):
            found.append(element.decode()[:120])
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") or name.lower() in ("action", "formaction") or UNSAFE_ADDRESS.match(text) or "expression(" in text.replace(" ", ""):
                found.append(f"{element.name} {name}={text[:80]}")
    if not theme_scripts and "<script" in html:
        found.append("<script>")
    return found


def built_files(site):
    return sorted(path for path in site.rglob("*") if path.suffix in (".html", ".json", ".jsonld"))


def check_site(site) -> int:
    checked = 0
    for path in built_files(site):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            assert executable_parts(text, theme_scripts=True) == [], path
            assert 'http-equiv="Content-Security-Policy"' in text, path
        elif path.name == "search_index.json":  # Material shows each entry's title and text as HTML
            for doc in json.loads(text)["docs"]:
                assert executable_parts(doc["title"], False) == [] and executable_parts(doc["text"], False) == [], doc["location"]
        elif path.name == "review.json":  # the download: plain text, which no consumer renders as markup
            rows = json.loads(text)["rows"]
            assert rows and all(not UNSAFE_ADDRESS.match(row["address"]) for row in rows)
        elif path.name == "paragraphs.json":  # the paragraph box's map: numbers to addresses in the site
            for number, address in json.loads(text).items():
                assert number.isdigit() and not UNSAFE_ADDRESS.match(address) and address.endswith(f"/#para-{number}"), address
        else:  # the annotation export: a Markdown body is rendered by whoever reads it
            import markdown

            for item in json.loads(text)["first"]["items"]:
                value = item["body"]["value"]
                rendered = markdown.markdown(value) if item["body"]["format"] == "text/markdown" else value
                assert executable_parts(rendered, False) == [] and "<img" not in rendered, item["id"]
        checked += 1
    return checked


def test_no_built_file_holds_anything_that_could_run(corpus, legacy_site):
    site, _, _ = corpus
    assert check_site(site) == 12  # six pages, the print edition and the 404 page, the search index, the annotation export, the paragraph map, the download
    assert check_site(legacy_site[0]) >= 9


def test_hostile_text_reaches_readers_as_text_in_every_position(corpus):
    site, _, _ = corpus
    part_1 = BeautifulSoup((site / SLUG / "02-part-1" / "index.html").read_text(encoding="utf-8"), "html.parser")
    seen = " ".join(part_1.select_one("article").get_text(" ").split())
    for text in ["<script>alert(103)</script>", "Evil<img/src=x/onerror=alert(105)>", "<img src=x onerror=alert(106)>",
                 "<svg onload=alert(107)>", "<img src=x onerror=alert(108)>", "<img src=x onerror=alert(110)>",
                 "<img src=x onerror=alert(111)>", "<script>alert(113)</script>", "<img src=x onerror=alert(115)>"]:
        assert text in seen, text
    assert part_1.title.string == "Part 1: Attacks <img src=x onerror=alert(102)> heading - Hostile <img src=x onerror=alert(201)> review"
    head = part_1.select_one("head")
    assert head.select_one("meta[property='og:site_name']")["content"] == "Hostile <img src=x onerror=alert(201)> review"
    edited = BeautifulSoup((site / SLUG / "03-part-2" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert edited.select_one("meta[name=description]")["content"] == 'Edited "><script>alert(302)</script> text'
    assert edited.title.string.startswith("Part 2 <img src=x onerror=alert(301)> edited - ")
    nav = [" ".join(a.get_text(" ").split()) for a in edited.select("nav.md-nav--primary a")]
    assert "Part 1: Attacks <img src=x onerror=alert(102)> heading" in nav


def test_titles_that_material_shows_as_html_hold_text(corpus):
    site, _, _ = corpus
    edited = (site / SLUG / "03-part-2" / "index.html").read_text(encoding="utf-8")
    titles = [a["title"] for a in BeautifulSoup(edited, "html.parser").select("abbr[title]")]
    # The attribute's value, as Material hands it to innerHTML: entities, never a tag.
    assert "Pwned &lt;img src=x onerror=alert(308)&gt; title" in titles
    assert "Wicked Ill&lt;img/src=x/onerror=alert(307)&gt; Organisation" in titles  # defined over a line break
    assert all("<" not in title for title in titles)


def test_search_entries_are_escaped_for_materials_html(corpus):
    site, _, _ = corpus
    docs = {doc["location"]: doc for doc in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    entry = docs[f"{SLUG}/02-part-1/#para-1"]
    assert "&lt;script&gt;alert(103)&lt;/script&gt;" in entry["text"]
    assert "First paragraph of the rebuttal &lt;img" in docs[f"{SLUG}/02-part-1/#fn:para-1"]["text"]
    assert entry["title"] == "Paragraph 1 · Part 1: Attacks &lt;img src=x onerror=alert(102)&gt; heading"


def test_link_addresses_are_percent_encoded_so_no_title_is_smuggled(corpus):
    site, _, _ = corpus
    page = BeautifulSoup((site / SLUG / "02-part-1" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = page.find("a", string="with a quote")
    assert link["href"] == "https://example.org/a%20%22%3Cimg%20src=x%20onerror=alert%28109%29%3E%22"
    assert not link.get("title")


def test_x_less_than_y_and_5_lt_6_reach_the_page_as_written(corpus):
    site, _, _ = corpus
    page = BeautifulSoup((site / SLUG / "02-part-1" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "2. When spending x<y the council said 5 < 6, and a link with a quote in it." in " ".join(page.select_one("#para-2").get_text("").split())


def test_each_removal_is_reported_exactly_with_its_source_line(corpus, legacy_site):
    _, report, _ = corpus
    name = ROOT / "tests" / "fixtures" / "hostile-everywhere.txt"
    assert [line for line in report.splitlines() if line.startswith(str(name))] == [
        f"{name}:6: removed onmouseover attribute (not allowed in a source)",
        f"{name}:17: removed javascript: link (not allowed in a source)",  # the HTML link
        f"{name}:17: removed javascript: link (not allowed in a source)",  # the Markdown one
    ]  # the entity-encoded markup of every other line is text, so nothing there is "removed"
    _, legacy = legacy_site
    reported = [line.removeprefix(f"{LEGACY}:") for line in legacy.splitlines() if line.startswith(str(LEGACY))]
    assert reported == [
        "8: removed onclick attribute (not allowed in a source)",
        "8: removed javascript: link (not allowed in a source)",
        "8: removed data: link (not allowed in a source)",
        "8: removed vbscript: link (not allowed in a source)",
        "9: removed javascript: link (not allowed in a source)",
        "9: removed onmouseover attribute (not allowed in a source)",
        "12: removed CSS expression (not allowed in a source)",
    ]  # line 11's &lt;script&gt; is text, and the tags nobody allowed (lines 3, 5, 10, 12) stay text too


def test_an_editors_removals_are_warned_with_file_and_line_and_fail_the_strict_build(corpus, tmp_path):
    site, _, log = corpus
    warned = re.findall(r"reviewgen: (\S+): removed (.+?); pages may not", log)
    assert warned == [
        (f"{EDITED}:21", "onerror attribute"), (f"{EDITED}:21", "javascript: link"),
        (f"{EDITED}:21", "onclick attribute"), (f"{EDITED}:23", "<script> element"),
    ]
    shutil.copy(site.parent / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the shared site stays as it was built
    strict = build(tmp_path, strict=True)
    assert strict.returncode != 0 and f"{EDITED}:23: removed <script> element" in strict.stderr


def test_the_audit_counts_what_a_reader_sees(tmp_path):
    source = tmp_path / "lt.txt"
    source.write_text("<h2>Part 1: Less</h2>\t\n<p>1. When spending x<y the council said 5 < 6 and stopped.</p>\t<p>Fine.</p>\n", encoding="utf-8")
    out = tmp_path / "out"
    converted = reviewgen("convert", str(source), "--out", str(out))
    assert converted.returncode == 0, converted.stderr
    document = parse_file(source, load_config(source))
    result = audit(source, out, "lt", document)
    assert (sum(result.lost.values()), sum(result.added.values())) == (0, 0)
    page = out / "lt" / "02-part-1.md" if (out / "lt" / "02-part-1.md").exists() else next((out / "lt").glob("0*part-1.md"))
    edit(page, "the council", "the <script>council</script>")  # a word the site's cleaning removes from the page
    result = audit(source, out, "lt", document)
    assert dict(result.lost) == {"council": 1}
