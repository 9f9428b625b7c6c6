"""``reviewgen new`` adds a second review to the site; the embedded one keeps working unchanged."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SLUG, reviewgen

SECOND = ROOT / "tests" / "fixtures" / "second-review.txt"


def run(cwd, *args):
    return reviewgen(*args, cwd=cwd)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "theme", "sources", "content"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    result = run(project, "new", "safer-streets", "--source", str(SECOND))
    assert result.returncode == 0, result.stderr
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 0, build.stderr
    return project


def page(project, url):
    return BeautifulSoup((project / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_new_writes_the_source_a_commented_configuration_and_the_pages(project):
    assert (project / "sources" / "safer-streets.txt").read_bytes() == SECOND.read_bytes()
    config = (project / "sources" / "safer-streets.yml").read_text(encoding="utf-8")
    for key in ("slug:", "title:", "reviewer:", "original:", "furniture:", "overrides:"):
        assert key in config
    assert config.count("#") >= 8  # every option explained
    assert (project / "content" / "safer-streets" / "index.md").exists()


def test_the_embedded_review_is_unchanged(project):
    pages = sorted(path.relative_to(ROOT / "content") for path in (ROOT / "content" / SLUG).rglob("*.md"))
    assert len(pages) == 11  # the landing page, the foreword, the summary, three parts, three objectives, glossary, bibliography
    for page in pages:  # the site's home page (content/index.md) gets the second review's card
        assert (project / "content" / page).read_bytes() == (ROOT / "content" / page).read_bytes(), page


def test_both_reviews_have_navigation_landing_pages_and_rebuttal_indexes(project):
    home = page(project, "")
    links = [a["href"] for a in home.select("article a")]
    assert any("safer-streets" in link for link in links) and any(SLUG in link for link in links)
    nav = [a.get_text(" ", strip=True) for a in page(project, "safer-streets/02-part-1").select("nav.md-nav a")]
    assert "Part 1: Our plan" in nav and "Part 2: What do we know about child sexual abuse?" in nav
    for slug, count in (("safer-streets", 6), (SLUG, 194)):
        index = page(project, f"{slug}/rebuttals")
        assert len([a for a in index.select("article li > a") if "#" in a["href"]]) == count


def test_search_and_exports_cover_each_review(project):
    docs = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any(doc["location"] == "safer-streets/02-part-1/#para-1" for doc in docs)
    assert any(doc["location"] == "safer-streets/02-part-1/#fn:para-1" and "paid for from which budget" in doc["text"] for doc in docs)
    assert any(doc["location"].startswith(f"{SLUG}/") and doc["location"].endswith("#para-43") for doc in docs)
    everything = json.loads((project / "site" / "annotations.jsonld").read_text(encoding="utf-8"))
    mine = json.loads((project / "site" / "safer-streets" / "annotations.jsonld").read_text(encoding="utf-8"))
    theirs = json.loads((project / "site" / SLUG / "annotations.jsonld").read_text(encoding="utf-8"))
    assert mine["total"] == 6 and theirs["total"] == 194 and everything["total"] == 200


def test_a_second_new_with_the_same_name_is_refused(project):
    result = run(project, "new", "safer-streets", "--source", str(SECOND))
    assert result.returncode == 2 and "exists already" in result.stderr


def test_a_bad_slug_is_refused(project):
    result = run(project, "new", "Safer Streets!", "--source", str(SECOND))
    assert result.returncode == 2 and "slug" in result.stderr
