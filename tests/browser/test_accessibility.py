"""axe-core on every kind of page, at a desktop and a phone width: no violation at any impact."""

from __future__ import annotations

import json

import pytest

from .conftest import ARTIFACTS, ROOT, resized, screenshot, tools_written

REVIEW = "tackling-child-sexual-abuse-strategy/"
PAGE_KINDS = {
    "home": "",
    "landing": REVIEW,
    "part": REVIEW + "05-part-3/",
    "section": REVIEW + "04-part-2/",
    "heaviest": REVIEW + "05-part-3/08-objective-3/",
    "rebuttal-index": REVIEW + "rebuttals/",
    "glossary": REVIEW + "09-glossary/",
    "print-edition": REVIEW + "print/",
}
WIDTHS = [1440, 390]  # a desktop, then a phone


def axe(page) -> list[dict]:
    # Evaluated by the browser's devtools protocol: the page's policy forbids injected script tags, as it should.
    if not page.evaluate("typeof axe === 'object'"):
        page.evaluate((ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


def summary(violations: list[dict]) -> list[tuple]:
    return [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in violations]


def audited(page, name: str) -> dict[int, list[tuple]]:
    """axe on the page as loaded at a desktop width, then with the window narrowed to a phone's, as
    a reader narrows it (the layout follows, reading.js and review.js included): the violations at
    each width, with a screenshot and axe's report of each in test-artifacts/. Loading the page again
    at the phone width would find the same boxes at twice the cost."""
    found = {}
    for width in WIDTHS:
        resized(page, width)
        screenshot(page, f"{name}-{width}")
        violations = axe(page)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"axe-{name}-{width}.json").write_text(json.dumps(violations, indent=1))
        found[width] = summary(violations)
    return found


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_accessibility_violation_at_any_impact(page, base_url, kind):
    page.goto(base_url + PAGE_KINDS[kind])
    page.wait_for_load_state("load")
    tools_written(page)  # the copy and cite buttons are checked too
    assert audited(page, kind) == {width: [] for width in WIDTHS}


def test_the_404_page_has_no_accessibility_violation(page, root_url):
    page.goto(root_url + "404.html")  # what a host serves for a missing page
    page.wait_for_load_state("load")
    assert "404" in page.locator("article").inner_text()
    assert audited(page, "404") == {width: [] for width in WIDTHS}


def test_the_keyboard_reaches_an_acronym_and_its_expansion(page, base_url):
    page.goto(base_url + PAGE_KINDS["section"])
    tools_written(page)
    page.locator("#para-37 a.para-number").focus()
    for _ in range(40):  # Tab from the first paragraph until an acronym takes the focus
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "ABBR"
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text().strip()
    focusable = page.locator("article abbr[tabindex='0']").evaluate_all("all => all.map(a => a.textContent.trim())")
    assert len(focusable) == len(set(focusable)) > 3  # the first use of each acronym, once


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_nothing_needs_scrolling_sideways_on_a_phone(page, base_url, kind):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + PAGE_KINDS[kind])
    page.wait_for_load_state("load")
    tools_written(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wide = page.locator("article table").evaluate_all(
        "all => all.filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
        "  .map(t => t.rows[0].textContent.trim())")
    assert wide == []  # every table's columns in view, none behind a sideways scroll
