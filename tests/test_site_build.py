"""The committed content builds with stock MkDocs, strictly, and every anchor resolves."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT, SEED, SLUG, built_page, mkdocs_build

from reviewgen.commands.convert import convert


def test_strict_build_passes_without_warnings(site_build):
    site, result = site_build
    assert result.returncode == 0 and (site / "index.html").exists()
    assert "WARNING" not in result.stderr, result.stderr


def pages(site: Path) -> dict[Path, BeautifulSoup]:
    return {p: built_page(p) for p in site.rglob("*.html") if p.name != "404.html"}


def test_every_numbered_paragraph_is_findable_by_its_anchor(site):
    ids: dict[str, Path] = {}
    for path, soup in pages(site).items():
        if path.parent.name == "print":  # the print edition holds the whole review again, on purpose
            continue
        for element in soup.select("[id^=para-]"):
            assert element["id"] not in ids, element["id"]
            ids[element["id"]] = path
    for number in range(1, 269):
        assert f"para-{number}" in ids, number


def rebuttal_definitions(content: Path) -> int:
    return sum(len(re.findall(r"^\[\^[^\]]+\]:", p.read_text(encoding="utf-8"), re.M)) for p in content.rglob("*.md"))


def test_every_footnote_reference_resolves_and_none_is_left_literal(site):
    # The plugin moves each footnote beside its paragraph (an aside that keeps the footnote's id),
    # so the rebuttals are found by id, not in Python-Markdown's list at the foot of the page.
    references, rebuttals = 0, 0
    for path, soup in pages(site).items():
        article = soup.select_one("article") or soup
        assert "[^" not in article.get_text(), path
        for ref in article.select("a.footnote-ref"):
            assert soup.find(id=ref["href"][1:]) is not None, (path, ref["href"])
            references += 1
        for note in article.select("[id^='fn:']"):
            assert soup.select_one(f"a.footnote-ref[href='#{note['id']}']") is not None, (path, note["id"])
            rebuttals += path.parent.name != "print"  # the print edition holds every rebuttal once more
    written = rebuttal_definitions(ROOT / "content")
    assert written > 100  # the embedded review answers most of its paragraphs
    assert rebuttals == written and references >= written, (rebuttals, references, written)


def test_every_internal_link_and_anchor_resolves(site):
    found = pages(site)
    ids = {path: {e["id"] for e in soup.find_all(id=True)} for path, soup in found.items()}
    fragments = 0
    for path, soup in found.items():
        for link in (soup.select_one("article") or soup).find_all("a", href=True):
            href = link["href"]
            if re.match(r"^[a-z]+:", href):
                continue
            target, _, fragment = href.partition("#")
            page = (path.parent / target).resolve() if target else path
            if page.is_dir():
                page = page / "index.html"
            assert page.exists(), (path, href)
            if fragment:
                assert fragment in ids.get(page, set()), (path, href)
                fragments += 1
    assert fragments > 100, fragments  # every rebuttal's reference at least


def test_the_print_edition_holds_each_id_once_and_a_division_named_leads_to_its_own_heading(site):
    article = built_page(site / SLUG / "print" / "index.html").select_one("article")
    ids = [element["id"] for element in article.find_all(id=True)]
    assert len(ids) == len(set(ids)) > 900  # every section's ids, a repeated heading's renamed
    named = [link for link in article.select("a.crossref") if re.fullmatch(r"(Part|Objective) \d+", link.get_text())]
    assert len(named) == 4  # the review names Objective 1 twice, Objective 2 and Part 1
    for link in named:  # "Objective 2" leads to the objective's own page heading, not a heading of the same words elsewhere
        target = article.find(id=link["href"].removeprefix("#"))
        assert target is not None and target.name == "h1" and target.get_text().startswith(link.get_text() + ":"), (link, target)


def test_a_conversion_into_an_empty_folder_builds_on_its_own(tmp_path):
    source = tmp_path / "my-review.txt"
    shutil.copy(SEED, source)
    docs = tmp_path / "x"
    convert(source, docs)
    result = mkdocs_build(tmp_path / "site", docs)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "my-review" / "04-part-2" / "index.html").exists()
