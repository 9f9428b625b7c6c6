"""The counts chart (home page, rebuttal index) readable at any width: one drawing shown, its labels full size."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, resized

PAGES = {"home": "", "rebuttal-index": "tackling-child-sexual-abuse-strategy/rebuttals/"}


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_chart_labels_are_as_large_as_the_text_around_them(page, base_url, kind):
    page.goto(base_url + PAGES[kind])
    for width in [1440, 390]:  # opened on a desktop, then the window narrowed to a phone's
        resized(page, width)
        shown = page.locator("figure.rebuttal-chart svg").evaluate_all(
            "all => all.filter(svg => svg.getBoundingClientRect().width > 0).map(svg => ({"
            "  right: svg.getBoundingClientRect().right,"
            "  labels: [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)}))")
        assert len(shown) == 1, width  # one drawing at a time, the other hidden from eyes and screen readers alike
        chart = shown[0]
        assert chart["right"] <= width
        assert len(chart["labels"]) > 10 and min(chart["labels"]) >= 10, width  # an 11 px label drawn at least 10 px tall
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("figure.rebuttal-chart").screenshot(path=str(ARTIFACTS / f"chart-{kind}-{width}-{page.generator}.png"))
