"""The home page presents the review: who reviews what, when, with links, counts and where to start."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import SLUG

from reviewgen.document.config import load_config
from reviewgen.document.errors import ReviewgenError
from reviewgen.document.config import SourceConfig
from reviewgen.writing.pages import home_page, landing_fields, landing_page


def test_a_one_review_home_page_is_the_review(site):
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert home.h1.get_text(strip=True) == "Tackling Child Sexual Abuse Strategy: the Mandate Now review"
    links = {a.get_text(" ", strip=True): a["href"] for a in home.find_all("a")}
    assert links["Mandate Now"] == "https://mandatenow.org.uk/"
    assert links["Tackling Child Sexual Abuse Strategy"] == "https://www.gov.uk/government/publications/tackling-child-sexual-abuse-strategy"
    assert "published by Home Office (January 2021)" in home.get_text(" ", strip=True)
    assert links["Home Secretary Foreword"] == f"{SLUG}/01-home-secretary-foreword/"
    assert links["read them in one list"] == f"{SLUG}/rebuttals/"
    assert "268 numbered paragraphs of the original" in home.get_text()
    bars = [t.get_text() for t in home.select("figure.rebuttal-chart svg text")]
    assert "Part 3: Our ambition for the fu…" in bars and "168" in bars  # Part 3 counts the objectives it holds


def test_several_reviews_get_a_card_each():
    reviews = [
        {"review": "b-review", "title": "Second <review>", "reviewer": "Group B", "reviewer_url": "https://b.example/",
         "original": {"title": "Paper B", "publisher": "Ministry", "date": "2024"}},
        {"review": "a-review", "title": "First review", "reviewer": "Group A", "original": {"title": "Paper A"}},
    ]
    page = home_page(reviews)
    assert page.title == "Reviews"
    cards = [line for line in page.text.split("\n") if line.startswith("-   **[")]
    assert cards == ["-   **[First review](a-review/index.md)**", "-   **[Second &lt;review>](b-review/index.md)**"]
    assert "[Group B](https://b.example/) on *Paper B*, published by Ministry (2024)," in page.text


@pytest.mark.parametrize("value", ["javascript:alert(1)", "https://x.example/a b", "https://x.example/<script>"])
def test_a_link_in_the_configuration_must_be_a_web_address(tmp_path, value):
    source = tmp_path / "review.txt"
    source.write_text("Part 1: A\n", encoding="utf-8")
    source.with_suffix(".yml").write_text(f"reviewer_url: {value!r}\n", encoding="utf-8")
    with pytest.raises(ReviewgenError, match="'reviewer_url' must be a web address"):
        load_config(source)


@pytest.mark.parametrize(("reviewer", "original", "description"), [
    ("Group A", "Paper A", "Group A on Paper A"),
    ("", "Paper A", "A review of Paper A"),
    ("Group A", "", "A review by Group A"),
    ("", "", ""),
])
def test_a_review_configured_with_less_is_described_with_what_it_names(reviewer, original, description):
    """No line reads "on" alone or "Group A on", and an unnamed reviewer is "the reviewer" within a sentence."""
    config = SourceConfig(slug="paper", reviewer=reviewer, original_title=original)
    page = landing_page(config, [])
    assert landing_fields(config)["description"] == description
    expected_name = reviewer or "the reviewer"
    assert f"paragraph by paragraph, with {expected_name}'s rebuttal of each point beside it." in page.text
