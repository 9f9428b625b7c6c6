"""The theme's script comes after the first paint, and nothing a reader does first is lost by it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

HEAVIEST = "tackling-child-sexual-abuse-strategy/05-part-3/08-objective-3/"
PART_1 = "tackling-child-sexual-abuse-strategy/03-part-1/"
BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
# The page's class as the parser left it, before any script but the head's own could change it.
CLASS_AT_FIRST = "document.addEventListener('DOMContentLoaded', () => { window.classAtFirst = document.documentElement.className; }, { once: true });"


def test_the_page_is_painted_before_the_themes_script_and_the_search_index_are_fetched(page, base_url):
    page.add_init_script(CLASS_AT_FIRST)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + HEAVIEST)
    page.wait_for_function("() => window.document$ !== undefined")  # the theme's script has run
    paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    fetched = dict(page.evaluate("performance.getEntriesByType('resource').map(r => [r.name, r.startTime])"))
    bundle = [start for name, start in fetched.items() if BUNDLE.search(name)]
    index = [start for name, start in fetched.items() if re.search(r"/search(_index)?\.json$", name)]
    assert len(bundle) == 1 and bundle[0] > paint
    assert all(start > paint for start in index)
    assert page.evaluate("window.classAtFirst") == "js"  # laid out as with script from the start: nothing moves later
    assert page.problems == []


@pytest.mark.parametrize("built_site", ["mkdocs"], indirect=True)  # Material's search box; Zensical opens a dialog
def test_words_typed_into_search_before_the_themes_script_arrives_are_searched(page, base_url):
    held = []
    page.route(BUNDLE, lambda route: held.append(route))
    page.goto(base_url + PART_1)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Mathews peer reviewed")
    assert len(held) == 1 and page.evaluate("window.document$") is None  # the theme's script has not arrived yet
    held[0].continue_()
    result = page.locator("a.md-search-result__link[href*='#']").first
    expect(result).to_have_attribute("href", re.compile(r"#fn:para-43$"))
    assert page.locator(".md-search-result__meta").inner_text().endswith("matching documents")
    assert page.problems == []


@pytest.mark.parametrize("built_site", ["zensical"], indirect=True)  # a search button only the theme's script opens
def test_the_search_button_pressed_before_the_themes_script_arrives_opens_search(page, base_url):
    held = []
    page.route(BUNDLE, lambda route: held.append(route))
    with page.expect_request(BUNDLE):
        page.goto(base_url + PART_1)
        page.locator("button.md-search__button").click()
    assert len(held) == 1 and page.locator("dialog[aria-label='Search'][open]").count() == 0
    held[0].continue_()
    expect(page.locator("dialog[aria-label='Search'][open]")).to_be_visible()  # the press was not lost
    page.keyboard.type("Mathews peer reviewed")
    expect(page.locator("a[role='option'][href*='#']").first).to_have_attribute("href", re.compile(r"#fn:para-43$"))
    assert page.problems == []
