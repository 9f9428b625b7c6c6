"""Reading, citing and finding: whose words a search result holds, citations, jumping to a paragraph."""

from __future__ import annotations

from .conftest import screenshot

SLUG = "tackling-child-sexual-abuse-strategy"
PART_1 = f"{SLUG}/03-part-1/"
PART_2 = f"{SLUG}/04-part-2/"


def search(page, words: str) -> None:
    page.locator("input.md-search__input").click()
    page.keyboard.type(words)
    page.locator(".md-search-result__meta").filter(has_text="matching").wait_for()


def test_a_phrase_only_a_rebuttal_holds_gives_a_result_marked_as_the_reviewers(page, base_url):
    page.goto(base_url + PART_1)
    search(page, "Mathews peer reviewed")  # words of Mandate Now's rebuttal of paragraph 43, in no paragraph
    result = page.locator("a.md-search-result__link[href*='#']").first
    result.wait_for()
    assert result.get_attribute("href").endswith("#fn:para-43")
    assert result.locator("h2, h1").first.inner_text() == "Mandate Now on paragraph 43"
    assert result.locator(".md-tag").inner_text() == "Rebuttal · Mandate Now"
    assert result.get_attribute("data-speaker") == "reviewer"
    screenshot(page, "search-rebuttal-marked")
    assert page.problems == []


def test_a_search_can_be_limited_to_the_rebuttals(page, base_url):
    page.goto(base_url + PART_1)
    search(page, "boys")
    originals = page.locator("a.md-search-result__link[data-speaker='original']")
    rebuttals = page.locator("a.md-search-result__link[data-speaker='reviewer']")
    originals.first.wait_for()
    visible = lambda links: sum(link.is_visible() for link in links.all())  # noqa: E731
    assert visible(originals) > 0 and rebuttals.count() > 0
    assert originals.first.locator(".md-tag").inner_text() == "Original"
    page.get_by_label("Rebuttals only").check()
    assert visible(originals) == 0 and visible(rebuttals) > 0
    screenshot(page, "search-rebuttals-only")
    page.get_by_label("Rebuttals only").uncheck()
    assert visible(originals) > 0


def test_the_documented_query_syntax_finds_rebuttals_only(page, base_url):
    page.goto(base_url + PART_1)
    search(page, "+tags:rebuttal +boys")
    page.locator("a.md-search-result__link[data-speaker='reviewer']").first.wait_for()
    assert page.locator("a.md-search-result__link[data-speaker='original']").count() == 0
    assert page.locator("a.md-search-result__link[data-speaker='reviewer']").count() >= 2  # paragraphs 43 and 53's rebuttals
