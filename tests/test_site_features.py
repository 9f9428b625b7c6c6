"""What the plugin adds to the built site: export, search entries, index, abbreviations, page metadata."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from conftest import ROOT, SLUG, built_page

CONTENT = ROOT / "content" / SLUG


def definitions_in_content() -> int:
    """Rebuttals as editors see them: footnote definitions in the Markdown."""
    return sum(len(re.findall(r"^\[\^[^\]]+\]:", p.read_text(encoding="utf-8"), re.M)) for p in CONTENT.rglob("*.md"))


def html(site, url: str) -> BeautifulSoup:
    return built_page(site / url / "index.html")


def test_the_annotation_export_holds_one_annotation_per_rebuttal(site):
    data = json.loads((site / SLUG / "annotations.jsonld").read_text(encoding="utf-8"))
    assert not (site / "annotations.jsonld").exists()  # one review: its export once, in its folder
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    sections = [p for p in (site / SLUG).rglob("*/index.html") if p.parent.name != "print"]  # the print edition repeats them all
    on_site = sum(len(html(site, p.parent.relative_to(site).as_posix()).select("aside.rebuttal")) for p in sections)
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
    data = json.loads((site / SLUG / "annotations.jsonld").read_text(encoding="utf-8"))
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
    assert entry["text"].startswith("43. 7.5% of adults") and "Mathews" not in entry["text"]  # the original's words only
    assert entry["title"] == "Paragraph 43 · Part 2: What do we know about child sexual abuse?" and entry["tags"] == ["Original"]
    rebuttal = next(doc for doc in index["docs"] if doc["location"].endswith("04-part-2/#fn:para-43"))
    assert rebuttal["title"] == "Mandate Now on paragraph 43" and rebuttal["tags"] == ["Rebuttal · Mandate Now"]
    assert rebuttal["text"].startswith("This ignores Mathews")
    others = [doc["location"] for doc in index["docs"] if "Mathews" in doc["text"]]
    assert others == [rebuttal["location"]]  # Material's own section entries leave the paragraph to its entries


def test_search_names_every_item_and_its_speaker_as_a_reader_would(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    ours = [doc for doc in docs if "tags" in doc]
    rebuttals = [doc for doc in ours if doc["tags"] == ["Rebuttal · Mandate Now"]]
    assert len(rebuttals) == definitions_in_content()  # one entry per rebuttal, each its own
    assert all(doc["title"].startswith("Mandate Now on ") and "#fn:" in doc["location"] for doc in rebuttals)
    assert not [doc["title"] for doc in ours if re.search("Unnumbered|Commentary|para-", doc["title"])]
    titles = {doc["location"].split("/", 1)[1]: doc["title"] for doc in ours}
    # Read by hand in the pages: a bullet before the first numbered paragraph, a heading, a figure's note.
    assert titles["02-executive-summary/#fn:para-0-drawing-these-hidden-crimes"] == "Mandate Now on the bullet “Drawing these hidden crimes out of …” · Executive Summary"
    assert titles["03-part-1/#fn:para-27-principle-1-safeguarding-is"].startswith("Mandate Now on the heading “Principle 1: Safeguarding is everyone’s")
    assert titles["04-part-2/#figure-5-note-4"] == "Figure 5, note 4 · Part 2: What do we know about child sexual abuse?"
    assert titles["04-part-2/#fn:figure-5-note-4"] == "Mandate Now on figure 5, note 4"
    # The case study's quotation after paragraph 70, under the sub-section it is in.
    assert titles["04-part-2/#para-70-in-my-first-week"] == "Quotation after paragraph 70 · 2.5 What is the impact of child sexual abuse?"
    assert titles["04-part-2/#fn:para-70-in-my-first-week"] == "Mandate Now on the quotation after paragraph 70 · 2.5 What is the impact of child sexual abuse?"
    page = html(site, f"{SLUG}/04-part-2")
    on_part_2 = [doc for doc in rebuttals if "/04-part-2/" in doc["location"]]
    assert len(on_part_2) == 44  # Part 2's rebuttals, counted in its Markdown
    for doc in on_part_2:  # each lands on its rebuttal, beside its paragraph
        assert page.find(id=doc["location"].split("#")[1]).name == "aside"


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
    titles = {abbr.get_text(): abbr["title"] for abbr in page.find_all("abbr", title=True)}
    assert titles["NCA"] == "National Crime Agency"
    assert titles["ONS"] == "Office for National Statistics"
    # the expansion on the first use of each on the page only: Material mounts a tooltip on every title
    uses = [abbr.get_text() for abbr in page.select("article abbr")]
    titled = [abbr.get_text() for abbr in page.select("article abbr[title]")]
    assert uses.count("NCA") > 1 and titled.count("NCA") == 1
    assert titled == list(dict.fromkeys(uses))  # each acronym's first use, in the page's order


def test_every_page_has_a_title_description_and_open_graph_tags(site):
    pages = sorted(site.rglob("index.html"))
    assert len(pages) == 14  # home, the review's landing page, its ten parts and sections, the rebuttal index, the print edition
    for path in pages:
        page = built_page(path)
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
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 15  # every page, the 404 page too
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        page = built_page(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in page.find_all(tag, **{attr: True}):
                assert not re.match(r"^(https?:)?//", element[attr]), (path, element[attr])



def test_a_rebuttal_linking_to_another_page_of_the_review_is_exported_as_its_text():
    """An annotation is read away from the site: a link relative to a page of it ("04-part-2.md#para-43",
    "#para-44") would lead nowhere, so such a rebuttal's body is its plain text; links with a scheme stay."""
    from reviewgen.site.annotations import AnnotatedPage, body
    from reviewgen.site.items import Item

    item = Item("para-9", "9. Text.", "", "See paragraph 43 and 44.", "para-9")
    for markdown, expected in [
        ("See [paragraph 43](04-part-2.md#para-43) and 44.", "text/plain"),
        ("See [paragraph 43][p] and 44.\n\n[p]: ../04-part-2.md", "text/plain"),
        ("See paragraph 43 and [44](#para-44).", "text/plain"),
        ("See [paragraph 43](https://example.org/review/#para-43) and 44.", "text/markdown"),
    ]:
        page = AnnotatedPage("slug/03-part-1/", (item,), {"para-9": markdown}, "Mandate Now")
        assert body(page, item)["format"] == expected, markdown
    assert body(page, item)["value"] == "See [paragraph 43](https://example.org/review/#para-43) and 44."
