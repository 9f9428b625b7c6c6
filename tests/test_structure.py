"""The document's structure on the site: parts hold their objectives, headings never skip a level."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import SLUG

PART_3 = f"{SLUG}/05-part-3"
OBJECTIVES = ["Objective 1", "Objective 2", "Objective 3"]


def page(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_part_3_lists_its_objectives_with_their_counts(site):
    article = page(site, PART_3).select_one("article")
    held = article.find(id="what-this-part-holds").find_next("ul").find_all("li", recursive=False)
    assert [li.a.get_text().split(":")[0] for li in held] == OBJECTIVES
    assert "38 numbered paragraphs (paragraphs 101 to 138), 34 rebuttals" in held[0].get_text()
    assert held[2].a["href"] == "08-objective-3/"


def test_the_navigation_nests_the_objectives_under_part_3(site):
    nav = page(site, f"{PART_3}/07-objective-2").select_one("nav.md-nav--primary")
    part = next(li for li in nav.select("li.md-nav__item--section, li.md-nav__item--nested")
                if li.find("a") and li.find("a").get_text(strip=True).startswith("Part 3"))
    links = [(a.get_text(strip=True).split(":")[0], a["href"]) for a in part.select("nav a.md-nav__link") if a.get("href", "").startswith(("../", "./"))]
    assert links[0] == ("Part 3", "../")  # the part's own page opens its section
    assert [title for title, _ in links[1:]] == OBJECTIVES
    top = [a.get_text(strip=True).split(":")[0] for a in nav.select("a.md-nav__link") if a.find_parent("li").find_parent("li") and "Part" in a.get_text()]
    assert top.index("Part 2") < top.index("Part 3")


def test_headings_never_skip_a_level_on_any_page(site):
    checked = 0
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is None:
            continue
        levels = [int(h.name[1]) for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels[0] == 1, path
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, (path, levels)
        checked += 1
    assert checked >= 13
