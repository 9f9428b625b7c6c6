"""What the plugin adds to the built site: export, search entries, index, abbreviations, page metadata."""

from __future__ import annotations

import json
import re
import shutil

from bs4 import BeautifulSoup

from conftest import ROOT, SLUG, mkdocs_build

CONTENT = ROOT / "content" / SLUG


def definitions_in_content() -> int:
    """Rebuttals as editors see them: footnote definitions in the Markdown."""
    return sum(len(re.findall(r"^\[\^[^\]]+\]:", p.read_text(encoding="utf-8"), re.M)) for p in CONTENT.rglob("*.md"))


def html(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_annotation_export_holds_one_annotation_per_rebuttal(site):
    data = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    on_site = sum(len(html(site, p.parent.relative_to(site).as_posix()).select("aside.rebuttal")) for p in (site / SLUG).rglob("*/index.html"))
    assert len(items) == data["total"] == on_site == definitions_in_content() == 194
    for annotation in items:
        assert annotation["type"] == "Annotation" and annotation["motivation"] == "assessing"
        assert annotation["creator"]["name"] == "Mandate Now"
        assert annotation["body"]["type"] == "TextualBody" and annotation["body"]["format"] == "text/markdown"
        assert annotation["body"]["value"].strip()
        fragment, quote = annotation["target"]["selector"]
        page = html(site, annotation["target"]["source"])
        element = page.find(id=fragment["value"])
        assert element is not None, fragment["value"]
        assert quote["type"] == "TextQuoteSelector" and quote["exact"][:60] in " ".join(page.get_text("").split())


def test_a_rebuttal_body_is_its_markdown(site):
    data = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    by_id = {a["target"]["selector"][0]["value"]: a for a in data["first"]["items"]}
    body = by_id["para-3"]["body"]["value"]
    assert body.startswith("Using what increased sources of funding?")
    assert "\n\nAdding 20k police" in body and "<https://commonslibrary.parliament.uk/" in body


def test_search_has_an_entry_per_paragraph_landing_on_it(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations))
    for number in range(1, 269):
        assert sum(location.endswith(f"#para-{number}") for location in locations) == 1, number
    entry = next(doc for doc in index["docs"] if doc["location"].endswith("04-part-2/#para-43"))
    assert "Mathews" in entry["text"] and entry["text"].startswith("43. 7.5% of adults")
    others = [doc for doc in index["docs"] if "Mathews" in doc["text"] and "#para-" not in doc["location"]]
    assert others == []  # Material's own section entries leave the paragraph to its entry


def test_the_rebuttal_index_lists_every_rebuttal_in_order_with_counts(site):
    page = html(site, f"{SLUG}/rebuttals")
    article = page.select_one("article")
    links = [a["href"] for a in article.select("li > a") if "#" in a["href"]]
    assert len(links) == 194
    assert links.index("../04-part-2/#para-43") < links.index("../04-part-2/#para-44") < links.index("../05-part-3/06-objective-1/#para-101")
    totals = [cell.get_text() for cell in article.select("tr")[-1].find_all("td")]
    assert totals[1:] == ["268", "152", "194"]
    assert article.select_one("figure.rebuttal-chart svg title").get_text() == "Paragraphs and rebuttals per section"
    assert not page.find("script", src=re.compile("chart", re.I))


def test_acronyms_the_document_defines_get_tooltips(site):
    page = html(site, f"{SLUG}/04-part-2")
    titles = {abbr.get_text(): abbr["title"] for abbr in page.find_all("abbr")}
    assert titles["NCA"] == "National Crime Agency"
    assert titles["ONS"] == "Office for National Statistics"


def test_every_page_has_a_title_description_and_open_graph_tags(site):
    for path in [p for p in site.rglob("index.html")]:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert page.title and page.title.get_text().strip(), path
        description = page.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 20, path
        for prop in ("og:title", "og:description", "og:type", "og:site_name"):
            assert page.find("meta", property=prop), (path, prop)
    part = html(site, f"{SLUG}/04-part-2")
    assert "paragraphs 37-100" in part.find("meta", attrs={"name": "description"})["content"]


def test_the_landing_page_tells_a_first_time_reader_what_this_is(site):
    text = " ".join(html(site, SLUG).select_one("article").get_text(" ").split())
    assert "Tackling Child Sexual Abuse Strategy" in text and "Home Office" in text and "Mandate Now" in text
    assert "How to read it" in text and "Where to start" in text
    assert "268 numbered paragraphs" in text and "194 rebuttals" in text


def test_no_web_fonts_or_third_party_assets(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        page = BeautifulSoup(text, "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in page.find_all(tag, **{attr: True}):
                assert not re.match(r"^(https?:)?//", element[attr]), (path, element[attr])


def test_an_undefined_rebuttal_fails_the_strict_build(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "content", docs)
    page = docs / SLUG / "04-part-2.md"
    text = page.read_text(encoding="utf-8")
    assert "[^para-43]\n{ #para-43 }" in text
    page.write_text(text.replace("[^para-43]\n{ #para-43 }", "[^nope]\n{ #para-43 }"), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", docs)
    assert result.returncode != 0
    assert "04-part-2.md" in result.stderr and "[^nope]" in result.stderr
