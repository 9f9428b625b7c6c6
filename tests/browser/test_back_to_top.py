"""The back-to-top button, shown while a reader scrolls up, never covers a heading or the header's controls."""

from __future__ import annotations

import pytest

from .conftest import after_frames, resized, screenshot, tools_written

PART_2 = "tackling-child-sexual-abuse-strategy/04-part-2/"
HEAVIEST = "tackling-child-sexual-abuse-strategy/05-part-3/08-objective-3/"
HEADINGS = "article :is(h1, h2, h3, h4, h5, h6)"
WIDTHS = [1440, 1024, 390]

# Scroll a little past the heading, then back up to it: Material shows the button while the reader scrolls up.
SCROLL_UP_TO = """async i => {
  const heading = document.querySelectorAll(arguments_selector)[i];
  heading.scrollIntoView({block: 'start'});
  scrollBy(0, 300);
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  heading.scrollIntoView({block: 'start'});
}""".replace("arguments_selector", repr(HEADINGS))

# What covers what, where a reader sees it: a heading's part hidden under the header is not on screen.
OVERLAPS = """() => {
  const box = e => e.getBoundingClientRect();
  const button = document.querySelector('.md-top');
  if (button.hidden) return null;
  const b = box(button), headerBottom = box(document.querySelector('.md-header')).bottom;
  const meets = (r, top) => b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > top;
  const headings = [...document.querySelectorAll(HEADINGS)].map(h => [h.textContent.trim(), box(h)])
    .filter(([, r]) => r.bottom > headerBottom && r.top < innerHeight)
    .filter(([, r]) => meets(r, Math.max(r.top, headerBottom))).map(([text]) => text);
  const controls = [...document.querySelectorAll('.md-header__inner > *')]
    .filter(e => box(e).width > 0 && meets(box(e), box(e).top)).map(e => e.className);
  return {headings, controls, button: [b.left, b.top, b.right, b.bottom], width: b.width};
}""".replace("HEADINGS", repr(HEADINGS))


@pytest.mark.parametrize("path", [PART_2, HEAVIEST])
def test_back_to_top_never_covers_a_heading_or_a_header_control(page, base_url, path):
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    tools_written(page)
    count = page.locator(HEADINGS).count()
    assert count >= 6
    for width in WIDTHS:  # the window narrowed from a desktop's width to a phone's, back at the top each time
        resized(page, width, 800)
        shown = 0
        for index in range(count):
            page.evaluate(SCROLL_UP_TO, index)
            after_frames(page, 3)
            found = page.evaluate(OVERLAPS)
            if found is None:  # near the top of the page, where Material keeps it hidden
                continue
            shown += 1
            assert found["headings"] == [] and found["controls"] == [], (width, index, found)
            assert found["width"] >= 40, width  # a finger-sized target: 2rem at Material's 20 px
        assert shown >= count - 2, width  # it showed at (nearly) every heading, so the checks above ran
        screenshot(page, f"back-to-top-{width}")
        page.locator(".md-top").click()
        page.wait_for_function("() => scrollY === 0")
