"""Hostile input opened in Chromium as a reader would use the site: nothing from it runs, and the
Content-Security-Policy blocks what is slipped into a page after the build, without getting in
the way of the site's own features."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest

from hostile_corpus import SLUG, WORDS_TO_SEARCH

from .conftest import QuietHandler, after_frames, screenshot, wait_until

LEGACY = "tests/fixtures/hostile.txt"
PART_2 = "tackling-child-sexual-abuse-strategy/04-part-2/"
INJECTED = """
<p id="injected">Injected <img src="x" onerror="window.__ran = 'onerror'; alert('onerror')">
<button id="injected-button" onclick="window.__ran = 'onclick'; alert('onclick')">press</button>
<a id="injected-link" href="javascript:window.__ran='javascript'; alert('javascript')">follow</a></p>
<script>window.__ran = 'inline script'; alert('inline script')</script>
"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory, hostile_build):
    site = Path(shutil.copytree(hostile_build[0], tmp_path_factory.mktemp("hostile-browser") / "site"))
    # After the build, as someone with write access to the published files might:
    page = (site / SLUG / "02-part-1" / "index.html").read_text(encoding="utf-8")
    assert "<article" in page
    injected = re.sub(r"(<article[^>]*>)", lambda m: m.group(1) + INJECTED, page, count=1)
    (site / "injected.html").write_text(injected.replace('href="../../', 'href="').replace('src="../../', 'src="'), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()


def watch(page) -> tuple[list[str], list[str]]:
    """(dialogs opened, policy violations reported) while the page is used."""
    dialogs, violations = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    return dialogs, violations


def use_every_control(page) -> int:
    """Hover and focus every link, abbreviation and footnote marker of the article; how many."""
    targets = page.locator("article a, article abbr, article sup, article [title]").all()
    for target in targets:
        if target.is_visible():
            page.mouse.move(0, 0)  # let the last tooltip close, so it covers nothing
            target.hover(timeout=2000, force=True)
            target.focus(timeout=2000)
            after_frames(page)  # a tooltip renders on the next frame
    return len(targets)


def search_for(page, word: str) -> int:
    """``word`` searched in the open page's search box, its first results hovered, the search closed: how many results."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")  # the last word's results give way to the prompt, so the results waited for below are this word's
    page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for()
    box.fill(word)  # the whole word at once, then one key: the results are computed once, not re-rendered under the hover
    box.press("End")
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d+|No matching")).wait_for()
    results = page.locator(".md-search-result__item").all()
    for result in results[:8]:
        result.hover(timeout=2000)
    page.keyboard.press("Escape")
    return len(results)


def test_nothing_from_a_source_a_configuration_or_an_editor_runs(page, hostile_url):
    url, site = hostile_url
    dialogs, violations = watch(page)
    pages = sorted(str(path.relative_to(site).parent).replace(".", "") for path in site.rglob("index.html"))
    assert len(pages) == 7  # home, landing, three parts, the rebuttal index, the print edition
    used = 0
    for path in [*pages, "404.html"]:
        page.goto(url + (path + "/" if path and not path.endswith(".html") else path))
        page.wait_for_load_state("networkidle")
        used += use_every_control(page)
        assert page.evaluate("typeof window.__ran") == "undefined", path
    assert used > 20  # the loop reached the markers, links and abbreviations (34 when written)
    page.goto(url + f"{SLUG}/02-part-1/")
    found = {word: search_for(page, word) for word in WORDS_TO_SEARCH}
    assert found["onerror"] > 0 and found["onload"] > 0 and found["WIO"] > 0, found
    screenshot(page, "hostile-everywhere")
    assert dialogs == []
    assert violations == []  # nothing even reached the policy: the allowlists had removed it


def test_the_policy_blocks_script_slipped_into_a_built_page(page, hostile_url):
    url, _ = hostile_url
    dialogs, violations = watch(page)
    page.goto(url + "injected.html")
    page.wait_for_load_state("networkidle")
    page.locator("#injected-button").click()
    page.locator("#injected-link").click()
    wait_until(page, lambda: any("JavaScript URL" in v for v in violations), "the link's policy report")  # the last click's
    assert page.evaluate("typeof window.__ran") == "undefined"
    assert dialogs == []
    assert any("inline event handler" in v for v in violations), violations
    assert any("inline script" in v for v in violations), violations
    assert any("JavaScript URL" in v for v in violations), violations
    assert page.locator(".md-header").is_visible()  # the theme's own scripts still ran


def test_the_sites_features_work_under_the_policy_with_no_violation(page, base_url):
    dialogs, violations = watch(page)
    page.goto(base_url + PART_2)
    policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy and "form-action 'none'" in policy
    page.locator("#para-43 a.para-number").hover()  # the copy button shows above the number
    page.locator("#para-43 button.para-copy").click()
    page.wait_for_selector("#para-43 button.para-copy[data-state='copied']")
    page.locator("label[for='__palette_1']").click()  # the palette toggle
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.mouse.move(0, 0)
    page.locator("article abbr").first.hover()  # abbreviation tooltips
    page.locator(".md-tooltip2--active").filter(has_text="Child Sexual Abuse Material").wait_for()
    page.locator("input.md-search__input, button.md-search__button").first.click()  # search, in its web worker
    page.keyboard.type("Mathews peer reviewed")
    page.locator(".md-search-result__item a[href*='#fn:para-43'], a[role='option'][href*='#fn:para-43']").first.wait_for()
    assert dialogs == [] and violations == [] and page.problems == []
