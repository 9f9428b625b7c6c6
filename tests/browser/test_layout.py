"""The margin layout measured in a browser, at the widths readers use: no holes, no overlaps,
each rebuttal beside (or beneath) what it answers, and the original a full line wide."""

from __future__ import annotations

import pytest

from .conftest import after_frames, resized, screenshot, tools_written

HEAVIEST = "tackling-child-sexual-abuse-strategy/05-part-3/08-objective-3/"
PART_1 = "tackling-child-sexual-abuse-strategy/03-part-1/"
EXECUTIVE_SUMMARY = "tackling-child-sexual-abuse-strategy/02-executive-summary/"
PART_2 = "tackling-child-sexual-abuse-strategy/04-part-2/"
WIDTHS = [1440, 1280, 1220, 1024, 390]
SIDE_BY_SIDE = 1220  # from this width on, rebuttals sit in the margin

# Measures taken in the page: everything the tests below assert, in one pass.
MEASURE = """() => {
  const box = e => e.getBoundingClientRect();
  const items = [...document.querySelectorAll("article [id^='para-'], article [id^='figure-']")].filter(e => !e.closest('aside'));
  const first = document.querySelector("article p[id^='para-']");
  const probe = first.cloneNode(false);
  probe.removeAttribute('id');
  probe.textContent = first.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60);
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;width:auto;display:inline-block';
  first.parentElement.appendChild(probe);
  const sixty = box(probe).width;
  probe.remove();
  const style = getComputedStyle(first);
  const asides = [...document.querySelectorAll('aside.rebuttal')].map(aside => {
    const target = document.getElementById(aside.dataset.target);
    const k = items.indexOf(target);
    const own = target.querySelector(':scope > .reviewed > .reviewed-text') || target;  // a list item holds its rebuttal
    const a = box(aside), t = box(own), later = items[k + 2];
    return {target: aside.dataset.target, top: a.top, bottom: a.bottom, left: a.left, right: a.right,
            itemTop: t.top, itemBottom: t.bottom, itemRight: t.right,
            nextButOneTop: later ? box(later).top : null};
  });
  const gaps = [];
  for (const p of items) {
    if (p.tagName !== 'P') continue;
    const node = p.parentElement.classList.contains('reviewed') ? p.parentElement : p;
    const next = node.nextElementSibling;
    if (!next) continue;
    const q = next.matches("p[id^='para-']") ? next : next.matches('.reviewed') ? next.querySelector(":scope > p[id^='para-']") : null;
    if (q) gaps.push({after: p.id, gap: box(q).top - box(p).bottom});
  }
  return {column: box(first).width, sixty, line: parseFloat(style.lineHeight), spacing: parseFloat(style.marginBottom),
          asides, gaps, scrollWidth: document.documentElement.scrollWidth};
}"""


def opened(page, url: str, width: int) -> None:
    """``url`` loaded at ``width``, once its fonts, its copy and cite buttons (they take room at the
    end of each item) and its margin layout (on the next frame) are in place."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    tools_written(page)
    after_frames(page)


MEASURED: dict[tuple[str, str, int], dict] = {}  # on screen, by site, page and width: a layout is measured once


def measured(page, base_url, path: str, width: int) -> dict:
    """The on-screen measures of ``path`` at ``width``, taken once per site for every test that reads
    them: the page opened at the widest width, then the window narrowed through the others as a reader
    narrows it, measured (and Objective 3 photographed) at each. Opened at each width instead, each
    page measures the same to the last fraction of a pixel (compared on both builds), for five loads."""
    if (base_url, path, width) not in MEASURED:
        opened(page, base_url + path, WIDTHS[0])
        for each in WIDTHS:
            resized(page, each)
            MEASURED[base_url, path, each] = page.evaluate(MEASURE)
            if path == HEAVIEST:
                screenshot(page, f"objective-3-{each}")
    return MEASURED[base_url, path, width]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_original_keeps_sixty_characters_a_line_wherever_rebuttals_are_beside(page, base_url, width):
    found = measured(page, base_url, HEAVIEST, width)
    beside = [a for a in found["asides"] if a["left"] >= a["itemRight"]]
    if width >= SIDE_BY_SIDE:
        assert len(beside) == len(found["asides"]) == 60  # every rebuttal of Objective 3 (stats: 60)
        assert found["column"] >= found["sixty"], (found["column"], found["sixty"])
    else:  # beneath their items, and nothing sticks out sideways
        assert beside == [] and all(a["top"] >= a["itemBottom"] - 1 for a in found["asides"])
        assert found["scrollWidth"] <= width


@pytest.mark.parametrize("width", [w for w in WIDTHS if w >= SIDE_BY_SIDE])
@pytest.mark.parametrize("path", [HEAVIEST, PART_2, EXECUTIVE_SUMMARY])
def test_no_hole_between_paragraphs_when_rebuttals_are_beside(page, base_url, path, width):
    found = measured(page, base_url, path, width)
    assert len(found["gaps"]) > 10
    worst = max(found["gaps"], key=lambda g: g["gap"])
    assert worst["gap"] <= found["spacing"] + found["line"], worst


@pytest.mark.parametrize("width", WIDTHS)
def test_no_two_rebuttals_overlap(page, base_url, width):
    asides = measured(page, base_url, HEAVIEST, width)["asides"]
    assert len(asides) == 60  # every rebuttal of the page, as in print
    for upper, lower in zip(asides, asides[1:]):
        assert lower["top"] >= upper["bottom"] - 0.5, (upper["target"], lower["target"])


@pytest.mark.parametrize("width", [w for w in WIDTHS if w >= SIDE_BY_SIDE])
def test_each_rebuttal_starts_beside_what_it_answers(page, base_url, width):
    asides = measured(page, base_url, HEAVIEST, width)["asides"]
    for aside in asides:
        assert aside["top"] >= aside["itemTop"] - 1, aside["target"]
        if aside["nextButOneTop"] is not None:
            assert aside["top"] < aside["nextButOneTop"], aside["target"]
    level = sum(1 for a in asides if abs(a["top"] - a["itemTop"]) <= 1)
    assert level > len(asides) / 3  # most start level with their item; the rest just below the one above


# Figure 1's groups, each with its items, as a phone shows them: a list in reading order.
FIGURE_1_GROUPS = """f => [...f.querySelectorAll('.diagram > ul > li')].map(li => {
  const title = li.querySelector(':scope > strong'), r = li.getBoundingClientRect();
  return {title: title ? title.textContent.trim() : null, left: r.left, right: r.right,
          items: [...li.querySelectorAll(':scope > ul > li')].map(item => item.textContent.trim())};
})"""


@pytest.mark.parametrize("width", [390, 1440])
def test_figure_1_reads_as_its_groups_on_a_phone_without_scrolling_sideways(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(base_url + EXECUTIVE_SUMMARY + "#figure-1")
    figure = page.locator("figure:has(#figure-1)")
    groups = figure.evaluate(FIGURE_1_GROUPS)
    # Read by hand from the source's grid (its lines 80 to 93): a group row's merged cells name the groups.
    assert [g["title"] for g in groups] == [
        "Safeguarding children and young people", "Tackling offending and managing offenders",
        "Supporting victims and survivors", "Bringing offenders to justice",
        None,  # "All agencies share information ...": alone on its row, under both groups above
        "Targeted support for those at-risk", "Deterring offending",
        "Giving children the best start in life, raising awareness amongst parents, carers and families, "
        "and protecting children and young people in their communities",
        "Working with industry to build resilience to abuse online",
        "Working internationally to raise global awareness and standards",
    ]
    assert [len(g["items"]) for g in groups] == [3, 3, 2, 1, 0, 2, 1, 2, 2, 1]
    assert groups[1]["items"][0] == "Intelligence is enhanced, ensuring resources are prioritised most effectively"
    assert groups[9]["items"][0].endswith("disrupt cross-border offending both on and off line")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert figure.evaluate("f => [f, ...f.querySelectorAll('*')].every(e => e.scrollWidth <= e.clientWidth + 1)")
    assert all(0 <= g["left"] and g["right"] <= width for g in groups)
    if width == 390:  # one group under another, each the column's width
        assert len({(round(g["left"]), round(g["right"])) for g in groups}) == 1
    figure.locator(".diagram").scroll_into_view_if_needed()
    screenshot(page, f"figure-1-{width}")


def test_the_marker_names_its_paragraph_and_leads_to_the_rebuttal_and_back(page, base_url):
    page.goto(base_url + PART_2)
    marker = page.locator("#para-43 a.footnote-ref")
    assert marker.get_attribute("aria-label") == "Mandate Now on paragraph 43"
    assert marker.inner_text().replace("\u00a0", " ") == "¶ 43"
    marker.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches(\"aside.rebuttal[data-target='para-43']\")")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Mandate Now on paragraph 43"
    page.locator("aside.rebuttal[data-target='para-43'] a.rebuttal-back").click()
    assert page.evaluate("document.activeElement.id") == "para-43"
    names = page.locator("aside.rebuttal").evaluate_all("all => all.map(a => a.getAttribute('aria-label'))")
    assert len(names) == len(set(names)) > 40  # each aside its own name


def test_no_tooltip_repeats_a_rebuttal_on_screen(page, base_url):
    page.goto(base_url + PART_2)
    page.locator("#para-43 a.footnote-ref").hover()
    page.wait_for_timeout(600)  # longer than Material's tooltip delay
    assert page.locator(".md-tooltip2--active").count() == 0
    assert page.locator("aside.rebuttal[data-target='para-43']").is_visible()


def test_in_print_each_rebuttal_follows_its_paragraph(page, base_url):
    page.emulate_media(media="print")
    opened(page, base_url + HEAVIEST, 1440)
    found = page.evaluate(MEASURE)
    assert all(a["top"] >= a["itemBottom"] - 1 and a["left"] < a["itemRight"] for a in found["asides"])
    assert len(found["asides"]) == 60
