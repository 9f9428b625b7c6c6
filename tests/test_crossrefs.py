"""Cross-references that link: "paragraph 8", "para 69", "Objective 2.3", "Part 2.9", "Figure 6"."""

from __future__ import annotations

import posixpath
import shutil

import markdown
from bs4 import BeautifulSoup

from conftest import SLUG, built_page, edit
from reviewgen.site.crossrefs import link_references, page_headings, page_places, page_references, unlinked
from reviewgen.site.items import analyse, parse, text_of
from reviewgen.commands.stats import review_stats


def page(site, url: str) -> BeautifulSoup:
    return built_page(site / url / "index.html")


def follow(site, url: str, words: str, inside: str) -> tuple[str, BeautifulSoup]:
    """The link made of ``words`` in the element ``inside`` (a paragraph, or a rebuttal by its id), followed:
    the href and the element it lands on."""
    element = page(site, url).find(id=inside)
    links = [link for link in element.find_all("a", class_="crossref") if link.get_text() == words]
    assert len(links) == 1, f"{words!r} in #{inside}: {element.find_all('a', class_='crossref')}"
    href = links[0]["href"]
    path, _, fragment = href.partition("#")
    target_url = posixpath.normpath(posixpath.join(url, path)) if path else url
    return href, page(site, target_url).find(id=fragment)


def test_references_in_the_original_link_to_the_places_they_name(site):
    url = f"{SLUG}/04-part-2"
    href, target = follow(site, url, "Part 2.9", "para-41")  # "Part 2.9 outlines the key evidence gaps"
    assert href.startswith("#") and target.name == "h2"
    assert target.get_text(" ", strip=True).startswith("2.9 Driving an evidence based, victim-centred response")
    href, target = follow(site, f"{SLUG}/05-part-3/06-objective-1", "Objective 2.3", "para-121")  # "(see Objective 2.3)"
    assert href.startswith("../07-objective-2/#")
    assert target.get_text(" ", strip=True).startswith("2.3 Improving offender management in the community")
    href, target = follow(site, f"{SLUG}/03-part-1", "Objective 3.7", "para-35")
    assert target.get_text(" ", strip=True).startswith("3.7 Working internationally")


def test_references_in_the_rebuttals_link_to_the_paragraphs_they_name(site):
    href, target = follow(site, f"{SLUG}/04-part-2", "paragraph 43", "fn:para-53")  # "See our comment in paragraph 43"
    assert href == "#para-43" and target.get_text(" ", strip=True).startswith("43. 7.5% of adults")
    href, target = follow(site, f"{SLUG}/04-part-2", "para 69", "fn:para-70-in-my-first-week")
    assert href == "#para-69" and target.get_text(" ", strip=True).startswith("69. Research by the IICSA")
    # Across pages: paragraph 8 is in the executive summary, and its own rebuttal is the one about LFF quoted here.
    href, target = follow(site, f"{SLUG}/05-part-3/07-objective-2", "paragraph 8", "fn:para-142")
    assert href == "../../02-executive-summary/#para-8" and target.get_text(" ", strip=True).startswith("8. The Home Office will work to deter")
    href, target = follow(site, f"{SLUG}/05-part-3/08-objective-3", "para 248", "fn:para-250")  # "Same £2.8m as described in para 248"
    assert href == "#para-248" and target.get_text(" ", strip=True).startswith("248.")


def test_the_quoted_words_stay_as_they_are(site):
    paragraph = page(site, f"{SLUG}/05-part-3/06-objective-1").find(id="para-121")
    assert "civil orders would enhance law enforcement’s response (see Objective 2.3). In addition" in text_of(paragraph)


SMALL = """\
# Part 2: What we know

12\\. Twelve. See paragraph 999 and `paragraph 13`.
{ #para-12 }

13\\. Thirteen, as Figure 6 shows; Section 11 of the Children Act applies.[^para-13]
{ #para-13 }

[^para-13]: Compare paragraphs 12 to 14 and Part 2.1.

14\\. Fourteen: this paragraph 14 is short.
{ #para-14 }

## 2.1 Scale

**Figure 6: Reasons**
{ #figure-6 }
"""


def small_page() -> BeautifulSoup:
    return parse(markdown.markdown(SMALL, extensions=["footnotes", "attr_list", "toc"]))


def small_places() -> dict[str, str]:
    soup = small_page()
    return page_places("r/02-part-2/", [item.item_id for item in analyse(soup)], page_headings(soup))


def test_each_number_of_a_range_links_and_a_missing_paragraph_stays_text():
    soup = small_page()
    before = [text_of(element) for element in soup.find_all(id=True)]
    link_references(soup, small_places(), "r/02-part-2/")
    links = {link.get_text(): link["href"] for link in soup.find_all("a", class_="crossref")}
    assert links == {"paragraphs 12": "#para-12", "14": "#para-14", "Figure 6": "#figure-6", "Part 2.1": "#21-scale"}
    assert "paragraph 999" in soup.find(id="para-12").get_text() and soup.find(id="para-12").code.get_text() == "paragraph 13"
    assert [text_of(element) for element in soup.find_all(id=True)] == before  # only links added, no word changed
    assert soup.find(id="figure-6").find("a") is None  # a caption does not link to itself, nor a paragraph
    assert soup.find(id="para-14").find("a") is None


def test_references_that_name_nothing_are_counted_but_other_documents_sections_are_not():
    references = page_references(small_page())
    assert [ref.words for ref in unlinked(references, small_places())] == ["paragraph 999"]  # "Section 11" is the Act's


def test_stats_counts_a_reference_to_a_paragraph_that_does_not_exist(seed_content, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(seed_content, content)
    edit(content / SLUG / "04-part-2.md", "See our comment in paragraph 43", "See our comment in paragraph 43 and paragraph 9999")
    rows = {row.section: row for row in review_stats(content)}
    part_2 = next(row for name, row in rows.items() if name.startswith("Part 2"))
    assert part_2.unlinked == ("paragraph 9999",)
    assert sum(len(row.unlinked) for row in rows.values()) == 1
    assert part_2.linked_references == 11  # counted by hand in the built page: 7 divisions, 4 paragraphs
