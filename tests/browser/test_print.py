"""The whole review on one page, printed to PDF by Chromium and read back."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .conftest import ARTIFACTS

SLUG = "tackling-child-sexual-abuse-strategy"


@pytest.fixture(scope="module")
def printed(browser, base_url, tmp_path_factory):
    """The print edition as a PDF, and its text page by page (pdftotext, from poppler-utils)."""
    assert shutil.which("pdftotext") and shutil.which("pdftoppm"), "apt-get install -y poppler-utils"
    page = browser.new_page()
    page.goto(base_url + SLUG + "/")
    page.get_by_role("link", name="The whole review on one page").click()  # reachable from the landing page
    page.wait_for_url(re.compile(r"/print/$"))
    pdf = tmp_path_factory.mktemp("print") / "review.pdf"
    page.pdf(path=str(pdf), format="A4")
    url = page.url
    page.close()
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "3", str(pdf), str(ARTIFACTS / "print-edition")], check=True)
    return [text for text in pages if text.strip()], url


def test_each_page_has_the_running_title_the_address_and_its_number(printed):
    pages, url = printed
    assert len(pages) > 60  # the whole review: 268 paragraphs and 194 rebuttals
    for number in (1, 2, len(pages) // 2, len(pages)):
        text = " ".join(pages[number - 1].split())
        assert "Tackling Child Sexual Abuse Strategy: the Mandate Now review" in text
        assert url in text
        assert f"Page {number} of {len(pages)}" in text


def test_the_review_is_in_order_with_each_rebuttal_after_its_paragraph(printed):
    text = " ".join(" ".join(printed[0]).split())
    order = [
        "Home Secretary Foreword", "Executive Summary",
        "43. 7.5% of adults are estimated", "This ignores Mathews’ peer reviewed article",  # paragraph 43, then its rebuttal
        "44. Over recent years", "Nothing about substantiations or subsequent prosecutions",
        "200. It is important to stress again", "Bibliography",
    ]
    positions = [text.find(words) for words in order]
    assert -1 not in positions, dict(zip(order, positions))
    assert positions == sorted(positions)


def test_nothing_to_click_is_printed(printed):
    pages, _ = printed
    text = " ".join(" ".join(pages).split())
    for control in ("Go to paragraph", "Rebuttals only", "Previous rebuttal", "Next rebuttal", "Copy link", "Skip to content", "Back to top"):
        assert control not in text
    assert "https://www.thinkuknow.co.uk/" in text and "https://www.thinkuknow.co.uk/ <https://www.thinkuknow.co.uk/>" not in text


def test_on_paper_a_link_in_words_is_followed_by_its_address(page, base_url):
    # Every link of the embedded review is a bare address (printed once, as itself); a link in words is
    # an editor's, so one is added to the page to see how it prints.
    page.goto(base_url + SLUG + "/print/")
    page.emulate_media(media="print")
    after = page.evaluate("""() => {
      const worded = document.createElement("a");
      worded.href = "https://example.org/factsheet";
      worded.textContent = "the factsheet";
      document.querySelector("article p[id^='para-']").append(worded);
      const bare = document.querySelector("article a[href='https://www.thinkuknow.co.uk/']");
      return [getComputedStyle(worded, "::after").content, getComputedStyle(bare, "::after").content];
    }""")
    assert after == ['" <https://example.org/factsheet>"', "none"]


def test_a_figures_caption_is_on_the_page_of_what_it_captions(printed):
    pages, _ = printed
    caption = next(index for index, page in enumerate(pages) if "Figure 5: Police recorded CSA offences" in page)
    assert "Home Office 2020: Police Recorded Crime statistics" in pages[caption]
