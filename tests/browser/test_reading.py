"""The site tested as a reader uses it, in a real browser."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .conftest import IN_VIEW, screenshot, tools_written, watched

PART_2 = "tackling-child-sexual-abuse-strategy/04-part-2/"
LANDING = "tackling-child-sexual-abuse-strategy/"


def boxes(page, item_id: str):
    paragraph = page.locator(f"#{item_id}").bounding_box()
    rebuttal = page.locator(f"aside.rebuttal[data-target='{item_id}']").bounding_box()
    return paragraph, rebuttal


def test_on_a_wide_screen_the_rebuttal_is_beside_its_paragraph(page, base_url):
    page.goto(base_url + PART_2 + "#para-43")
    paragraph, rebuttal = boxes(page, "para-43")
    assert rebuttal["x"] >= paragraph["x"] + paragraph["width"] - 1
    assert rebuttal["y"] < paragraph["y"] + paragraph["height"] and paragraph["y"] < rebuttal["y"] + rebuttal["height"]
    screenshot(page, "part-2-1440")


def test_on_a_phone_the_rebuttal_is_beneath_its_paragraph(page, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + PART_2 + "#para-43")
    paragraph, rebuttal = boxes(page, "para-43")
    assert rebuttal["y"] >= paragraph["y"] + paragraph["height"] - 1
    assert rebuttal["x"] < paragraph["x"] + paragraph["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out sideways
    screenshot(page, "part-2-390")


def test_each_rebuttal_is_on_screen_once(page, base_url):
    page.goto(base_url + PART_2)
    text = page.locator("aside.rebuttal[data-target='para-43']").inner_text()
    assert page.locator("article").inner_text().count(text.strip()[:80]) == 1
    assert page.locator(".footnote li").count() == 0


def test_a_phrase_from_a_rebuttal_finds_its_paragraph(page, base_url):
    page.goto(base_url + LANDING)
    page.locator("input.md-search__input, button.md-search__button").first.click()  # Material's field; Zensical's button
    if page.locator("button.md-search__button").count():  # Zensical's dialog: a reader types once it is open
        expect(page.locator("dialog[aria-label='Search'][open]")).to_be_visible()
    page.keyboard.type("Mathews peer reviewed")
    # Material lists results as items; Zensical's search dialog as options (in its shadow root, which locators enter).
    first = page.locator(".md-search-result__item a[href*='#'], a[role='option'][href*='#']").first
    # once the results follow the whole phrase: the rebuttal, which sits beside its paragraph
    expect(first).to_have_attribute("href", re.compile(r"#fn:para-43$"))
    screenshot(page, "search-results")
    first.click()
    page.wait_for_url(re.compile(r"#fn:para-43$"))
    page.wait_for_function(IN_VIEW, arg="fn:para-43")  # the scroll to the rebuttal has ended
    rebuttal, paragraph = page.locator("aside.rebuttal[data-target='para-43']").bounding_box(), page.locator("#para-43").bounding_box()
    assert 0 <= rebuttal["y"] < 900 and paragraph["y"] < 900 and paragraph["y"] + paragraph["height"] > 0
    screenshot(page, "search-landed")


def test_a_paragraph_permalink_works_by_keyboard_alone(page, base_url):
    page.goto(base_url + PART_2)
    tools_written(page)
    page.locator("#para-42 a.para-number").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#para-43 a.para-number')"):
            break
    assert page.evaluate("document.activeElement.matches('#para-43 a.para-number')")
    screenshot(page, "permalink-focused")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#para-43$"))
    for _ in range(3):  # following the link moves the focus start to the paragraph itself
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#para-43 button.para-copy')"):
            break
    assert page.evaluate("document.activeElement.matches('#para-43 button.para-copy')")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy the link to paragraph 43"
    assert page.locator("article button.para-copy").count() == page.locator("article a.para-number").count() >= 64
    page.keyboard.press("Enter")
    page.wait_for_function("async end => (await navigator.clipboard.readText()).endsWith(end)", arg=f"{PART_2}#para-43")
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"{PART_2}#para-43")


def test_opening_a_paragraph_link_scrolls_to_it_highlighted(page, base_url):
    page.goto(base_url + PART_2 + "#para-57")
    page.wait_for_function(IN_VIEW, arg="para-57")
    box = page.locator("#para-57").bounding_box()
    assert 0 <= box["y"] < 900
    # the highlight fades in (a transition from transparent): wait for it to begin, then read it
    page.wait_for_function("id => getComputedStyle(document.getElementById(id)).backgroundColor !== 'rgba(0, 0, 0, 0)'", arg="para-57")
    background = page.locator("#para-57").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_dark_palette_works(page, base_url):
    page.goto(base_url + PART_2 + "#para-43")
    light = page.locator("aside.rebuttal").first.evaluate("e => getComputedStyle(e).backgroundColor")
    page.locator("label[for='__palette_1']").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = page.locator("aside.rebuttal").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert dark != light
    screenshot(page, "part-2-dark")



def test_no_console_errors_and_no_request_to_another_host(page, base_url, built_site):
    # Every page of the site, each in its own tab of the page's context, loaded side by side: each is
    # watched until its network has been idle (its scripts' late requests included).
    paths = sorted(path.parent.relative_to(built_site).as_posix().removeprefix(".") for path in built_site.rglob("index.html"))
    assert len(paths) == 14  # home, the review's landing page, its ten parts and sections, the rebuttal index, the print edition
    tabs = [page, *(watched(page.context.new_page(), page.problems) for _ in paths[1:])]
    for tab, path in zip(tabs, paths):
        tab.goto(base_url + (path + "/" if path else ""), wait_until="commit")
    for tab, path in zip(tabs, paths):
        tab.wait_for_load_state("networkidle")
        assert tab.url == base_url + (path + "/" if path else ""), tab.url
    assert page.problems == []


def test_an_item_shows_the_page_of_the_original_it_is_on(page, base_url):
    # Paragraph 43 is on page 6 of the export (five footers above it: tests/test_source_pages.py).
    page.goto(base_url + PART_2 + "#para-43")
    shown = page.evaluate("getComputedStyle(document.getElementById('para-43'), '::after').content")
    assert shown == '"p.\u00a06"'
    assert "p.\u00a06" not in page.locator("#para-43").inner_text()  # not part of the words a reader copies
    page.locator("#para-43").scroll_into_view_if_needed()
    screenshot(page, "page-number-para-43")
