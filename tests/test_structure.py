"""The document's structure on the site: parts hold their objectives, headings never skip a level."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SLUG, built_page
from reviewgen.site.navigation import configured_nav
from reviewgen.site.reviews import find_reviews

PART_3 = f"{SLUG}/05-part-3"
OBJECTIVES = ["Objective 1", "Objective 2", "Objective 3"]


def page(site, url: str) -> BeautifulSoup:
    return built_page(site / url / "index.html")


def test_part_3_lists_its_objectives_with_their_counts(site):
    article = page(site, PART_3).select_one("article")
    held = article.find(id="what-this-part-holds").find_next("ul").find_all("li", recursive=False)
    assert [li.a.get_text().split(":")[0] for li in held] == OBJECTIVES
    assert "38 numbered paragraphs (paragraphs 101 to 138), 34 rebuttals" in held[0].get_text()
    assert held[2].a["href"] == "08-objective-3/"


@pytest.fixture(params=["mkdocs", "zensical"])
def either_site(request) -> Path:
    """The project's site from MkDocs with the plugin, then from Zensical (no plugin runs inside it)."""
    return request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site")


def test_the_navigation_nests_the_objectives_under_part_3(either_site):
    nav = page(either_site, f"{PART_3}/07-objective-2").select_one("nav.md-nav--primary")
    part = next(li for li in nav.select("li.md-nav__item--section, li.md-nav__item--nested")
                if li.find("a") and li.find("a").get_text(strip=True).startswith("Part 3"))
    links = [(a.get_text(strip=True).split(":")[0], a["href"]) for a in part.select("nav a.md-nav__link") if a.get("href", "").startswith(("../", "./"))]
    assert links[0] == ("Part 3", "../")  # the part's own page opens its section
    assert [title for title, _ in links[1:]] == OBJECTIVES
    top = [a.get_text(strip=True).split(":")[0] for a in nav.select("a.md-nav__link") if a.find_parent("li").find_parent("li") and "Part" in a.get_text()]
    assert top.index("Part 2") < top.index("Part 3")
    titles = [" ".join(a.get_text(" ").split()) for a in nav.select("a.md-nav__link") if a.get("href", "").startswith(("../", "./"))]
    assert titles.index("Part 3: Our ambition for the future") < titles.index("Glossary")  # the part in its place, not after the pages


def test_the_reviews_tab_and_section_are_named_after_the_document_as_written(either_site):
    """The review's folder is named after its slug; the reader sees the document's own title."""
    soup = page(either_site, f"{PART_3}/07-objective-2")
    tabs = [" ".join(a.get_text(" ").split()) for a in soup.select("a.md-tabs__link")]
    assert tabs == ["Tackling Child Sexual Abuse Strategy: the Mandate Now review", "Tackling Child Sexual Abuse Strategy"]
    sections = [" ".join(label.get_text(" ").split()) for label in soup.select("nav.md-nav--primary > ul > li > label.md-nav__link, nav.md-nav--primary > ul > li > div > a.md-nav__link, nav.md-nav--primary > ul > li > a.md-nav__link")]
    assert "Tackling Child Sexual Abuse Strategy" in sections and "Tackling child sexual abuse strategy" not in sections


def test_headings_never_skip_a_level_on_any_page(site):
    checked = 0
    for path in sorted(site.rglob("*.html")):
        soup = built_page(path)
        article = soup.select_one("article")
        if article is None:
            continue
        levels = [int(h.name[1]) for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels[0] == 1, path
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, (path, levels)
        checked += 1
    assert checked >= 13


def figures(site) -> dict[str, object]:
    found = {}
    for path in sorted((site / SLUG).rglob("index.html")):
        soup = built_page(path)
        for caption in soup.select("article figcaption p[id^='figure-']"):
            found[caption["id"]] = caption.find_parent("figure")
    return found


def test_every_figure_is_a_figure_holding_its_caption_and_notes(site):
    found = figures(site)
    assert sorted(found, key=lambda i: int(i.split("-")[1])) == [f"figure-{n}" for n in range(1, 10)]
    assert found["figure-5"].figcaption.get_text(" ", strip=True).startswith("Figure 5: Police recorded")
    notes = [p.get_text(" ", strip=True) for p in found["figure-5"].find_all("p", id=lambda i: i and "-note-" in i)]
    assert notes[0].startswith("Home Office 2020: Police Recorded Crime statistics")
    assert notes[1].startswith("Note: Operation Yewtree in 2012")
    assert notes[3].startswith("Following the implementation of a new IT system")
    assert found["figure-6"].table is not None  # a table of data stays a table, inside its figure


def test_the_figure_5_note_rebuttal_is_on_that_note(site):
    figure = figures(site)["figure-5"]
    aside = figure.select_one("aside.rebuttal")
    assert aside["data-target"] == "figure-5-note-4"
    assert aside.find_previous_sibling("p").get_text().startswith("Following the implementation of a new IT system")
    assert figure.figcaption.select_one("aside") is None


def test_a_figure_whose_image_was_lost_says_so_and_a_diagram_is_a_list_of_groups(site):
    found = figures(site)
    for lost in ("figure-3", "figure-4", "figure-5", "figure-8"):
        assert "image of this figure is not in the exported text" in found[lost].get_text(), lost
    for kept in ("figure-1", "figure-2", "figure-6"):
        assert "image of this figure is not" not in found[kept].get_text(), kept
    outer = found["figure-1"].select(".diagram > ul > li")
    titles = [li.strong.get_text(strip=True) if li.strong else None for li in outer]
    # The grid's group rows read by hand: two merged titles a row, then one; None is the box alone on its row.
    assert titles[:6] == ["Safeguarding children and young people", "Tackling offending and managing offenders",
                          "Supporting victims and survivors", "Bringing offenders to justice", None,
                          "Targeted support for those at-risk"]
    assert [len(li.select(":scope > ul > li")) for li in outer] == [3, 3, 2, 1, 0, 2, 1, 2, 2, 1]
    assert len(titles) + len(found["figure-1"].select(".diagram ul ul > li")) == 27  # every cell of the 14-row grid, counted by hand
    assert found["figure-1"].table is None


def test_zensicals_navigation_setting_is_the_plugins_with_an_editors_pages_where_mkdocs_puts_them(tmp_path):
    docs = Path(shutil.copytree(ROOT / "content", tmp_path / "content"))
    (docs / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (docs / "about").mkdir()
    (docs / "about" / "team.md").write_text("# Team\n", encoding="utf-8")
    (docs / ".draft.md").write_text("# Not published\n", encoding="utf-8")
    (docs / "templates").mkdir()
    (docs / "templates" / "page.md").write_text("# A template\n", encoding="utf-8")
    review = f"{SLUG}/"
    assert configured_nav(docs, find_reviews(docs)) == [
        "index.md",
        "notes.md",
        {"About": ["about/team.md"]},
        {"Tackling Child Sexual Abuse Strategy": [
            review + "index.md",
            review + "01-home-secretary-foreword.md",
            review + "02-executive-summary.md",
            review + "03-part-1.md",
            review + "04-part-2.md",
            {"Part 3: Our ambition for the future": [
                review + "05-part-3/index.md",
                review + "05-part-3/06-objective-1.md",
                review + "05-part-3/07-objective-2.md",
                review + "05-part-3/08-objective-3.md",
            ]},
            review + "09-glossary.md",
            review + "10-bibliography.md",
        ]},
    ]
