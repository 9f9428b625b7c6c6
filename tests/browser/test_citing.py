"""Reading, citing and finding: whose words a search result holds, citations, jumping to a paragraph."""

from __future__ import annotations

import pytest

from .conftest import screenshot, tools_written

# The speaker's mark on a result and the "rebuttals only" switch belong to Material's search box
# (review.js reads its results); Zensical's search dialog shows the same entries without them.
MATERIAL_SEARCH = pytest.mark.parametrize("built_site", ["mkdocs"], indirect=True)

SLUG = "tackling-child-sexual-abuse-strategy"
PART_1 = f"{SLUG}/03-part-1/"
PART_2 = f"{SLUG}/04-part-2/"


def search(page, words: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    # the whole query at once, then one key: the results are those of the query, never of its first letters
    box.fill(words)
    box.press("End")
    page.locator(".md-search-result__meta").filter(has_text="matching").wait_for()


@MATERIAL_SEARCH
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


@MATERIAL_SEARCH
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


@MATERIAL_SEARCH
def test_the_documented_query_syntax_finds_rebuttals_only(page, base_url):
    page.goto(base_url + PART_1)
    search(page, "+tags:rebuttal +boys")
    page.locator("a.md-search-result__link[data-speaker='reviewer']").first.wait_for()
    assert page.locator("a.md-search-result__link[data-speaker='original']").count() == 0
    assert page.locator("a.md-search-result__link[data-speaker='reviewer']").count() >= 2  # paragraphs 43 and 53's rebuttals


def test_cite_on_paragraph_43_copies_its_words_the_reviewer_and_its_link(page, base_url):
    page.goto(base_url + PART_2)
    cite = page.get_by_role("button", name="Cite paragraph 43", exact=True)
    cite.focus()  # reached like any control
    page.keyboard.press("Enter")
    page.locator(".reading-status").filter(has_text="Citation of Paragraph 43 copied").wait_for(state="attached")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“43. 7.5% of adults are estimated to have experienced sexual abuse before they were 16")
    assert "\nMandate Now: “This ignores Mathews’ peer reviewed article" in copied
    assert "Paragraph 43 of Tackling Child Sexual Abuse Strategy, in “Tackling Child Sexual Abuse Strategy: the Mandate Now review”" in copied
    assert copied.rstrip().endswith("\n" + base_url + PART_2 + "#para-43")
    assert page.locator(".reading-status").get_attribute("aria-live") == "polite"
    page.get_by_role("button", name="Cite paragraph 43 as Markdown").click()
    page.locator(".reading-status").filter(has_text="copied as Markdown").wait_for(state="attached")
    markdown = page.evaluate("navigator.clipboard.readText()")
    assert markdown.startswith("> 43. 7.5% of adults") and "> **Mandate Now:** This ignores" in markdown
    assert f"[Tackling Child Sexual Abuse Strategy: the Mandate Now review](<{base_url}{PART_2}#para-43>)" in markdown
    screenshot(page, "cite-paragraph-43")


def test_every_item_has_a_link_and_a_cite_action(page, base_url):
    page.goto(base_url + PART_2)
    tools_written(page)
    counts = page.evaluate("""() => {
      const items = [...document.querySelectorAll("article [id^='para-'], article [id^='figure-']")]
        .filter(el => !/^H[1-6]$/.test(el.tagName));
      return {
        items: items.length,
        cited: items.filter(el => el.querySelector("button.cite[data-cite='" + el.id + "']")).length,
        linked: items.filter(el => el.querySelector("a[href='#" + el.id + "']")).length,
      };
    }""")
    # Part 2 has 64 numbered paragraphs and its unnumbered text, bullets and figures besides.
    assert counts["items"] >= 64 and counts["cited"] == counts["items"] and counts["linked"] == counts["items"]
    bullet = page.locator("li#para-74-in-anticipation-of-child")  # the first bullet of the list after paragraph 74
    names = [button.get_attribute("aria-label") for button in bullet.locator("button.cite").all()]
    assert names == ["Cite the bullet after paragraph 74", "Cite the bullet after paragraph 74 as Markdown"]
    assert bullet.locator("a.item-link").get_attribute("aria-label") == "Link to the bullet after paragraph 74"
    bullet.locator("button.cite[data-format='text']").click()
    page.locator(".reading-status").filter(has_text="Citation of Bullet after paragraph 74 copied").wait_for(state="attached")
    copied = page.evaluate("navigator.clipboard.readText()")
    bullet_id = bullet.get_attribute("id")
    assert copied.rstrip().endswith(f"#{bullet_id}") and "Bullet after paragraph 74 of Tackling Child Sexual Abuse Strategy" in copied


def test_jump_to_paragraph_200_from_part_1(page, base_url):
    page.goto(base_url + PART_1)
    page.locator("body").press("g")  # the shortcut puts the caret in the paragraph box
    assert page.evaluate("document.activeElement.id") == "jump-to"
    page.keyboard.type("200")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + f"{SLUG}/05-part-3/08-objective-3/#para-200")  # paragraph 200 is in Objective 3
    paragraph = page.locator("#para-200")
    assert " ".join(paragraph.inner_text().split()).startswith("200. It is important to stress again")
    box = paragraph.bounding_box()
    assert 0 <= box["y"] < 900
    screenshot(page, "jump-to-200")


def test_a_number_no_paragraph_has_is_said_and_goes_nowhere(page, base_url):
    page.goto(base_url + PART_1)
    page.get_by_label("Go to paragraph").fill("999")
    page.get_by_role("button", name="Go", exact=True).click()
    page.locator(".reading-status").filter(has_text="There is no paragraph 999 in this review").wait_for(state="attached")
    assert page.url == base_url + PART_1 and page.get_by_label("Go to paragraph").get_attribute("aria-invalid") == "true"


def test_each_rebuttal_links_to_the_next_across_pages(page, base_url):
    page.goto(base_url + PART_1)
    last = page.locator("aside.rebuttal").last
    assert last.get_attribute("data-target") == "para-36"  # Part 1's last rebuttal, read in its Markdown
    last.locator("a[rel='next']").click()
    page.wait_for_url(base_url + f"{SLUG}/04-part-2/#para-40")  # Part 2's first rebuttal answers paragraph 40
    page.locator("aside.rebuttal[data-target='para-40'] a[rel='prev']").click()
    page.wait_for_url(base_url + f"{SLUG}/03-part-1/#para-36")


def test_without_script_the_links_stay_and_no_button_that_needs_script_is_shown(browser, base_url):
    """The copy and cite buttons work only with script, so the script writes them; the links work without."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PART_2)
    assert page.locator("article button.cite, article button.para-copy").count() == 0
    assert page.locator("#para-43 a.para-number").get_attribute("href") == "#para-43"
    assert page.locator("li#para-74-in-anticipation-of-child a.item-link").get_attribute("href") == "#para-74-in-anticipation-of-child"
    context.close()
