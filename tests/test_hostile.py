"""Hostile sources and pages: nothing from them runs in the built site, and every removal is named."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build

HOSTILE = ROOT / "tests" / "fixtures" / "hostile.txt"
DANGEROUS_TAGS = ["script", "style", "iframe", "object", "embed", "form", "input", "svg", "img", "link", "meta"]


def convert(out) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewgen", "convert", str(HOSTILE), "--out", str(out)], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    result = convert(work / "docs")
    assert result.returncode == 0, result.stderr
    build = mkdocs_build(work / "site", work / "docs")
    assert build.returncode == 0, build.stderr
    return work, result.stdout


def test_each_removal_is_reported_with_its_source_line(hostile_site):
    _, report = hostile_site
    for line, what in [(3, "<script> element"), (5, "onerror attribute"), (8, "javascript: link"), (8, "data: link"),
                       (8, "vbscript: link"), (9, "javascript: link (Markdown)"), (10, "<iframe> element"),
                       (10, "<svg> element"), (10, "<style> element"), (12, "<form> element"), (12, "CSS expression")]:
        assert f"{HOSTILE}:{line}: removed {what}" in report, (line, what)


def articles(site):
    for path in sorted(site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        yield path, page, page.select_one("article") or page


def test_no_element_attribute_or_address_that_could_run_reaches_the_site(hostile_site):
    work, _ = hostile_site
    for path, page, article in articles(work / "site"):
        for script in page.find_all("script"):  # the theme's own scripts only: none carries the source's code
            assert "__pwned" not in script.decode() and "alert(" not in script.decode(), (path, str(script)[:120])
            assert not script.get("src") or not re.match(r"^(https?:)?//", script["src"]), (path, script["src"])
        ours = set(article.select("figure.rebuttal-chart svg"))  # the index's chart, drawn by reviewgen from counts
        found = [t for t in article.find_all(DANGEROUS_TAGS) if t not in ours]
        assert not found, (path, [t.name for t in found])
        for element in article.find_all(True):
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on"), (path, element.name, name)
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not re.match(r"\s*(javascript|data|vbscript):", text, re.I), (path, name, text)
                assert "expression(" not in text, (path, name, text)
        assert "window.__pwned" not in article.decode(), path


def test_injected_markdown_and_entities_stay_literal_text(hostile_site):
    work, _ = hostile_site
    text = " ".join((work / "site" / "hostile" / "02-part-1" / "index.html").read_text(encoding="utf-8").split())
    page = BeautifulSoup(text, "html.parser")
    visible = " ".join(page.select_one("article").get_text(" ").split())
    assert "<script>alert(12)</script> stay text" in visible
    assert '{: onclick="alert(8)" }' in visible
    assert "[^x]: injected" in visible and "[link]: http://example.org/ref" in visible
    safe = page.select_one("article a[href='https://example.org/safe']")
    assert safe is not None and safe["rel"] == ["noopener"]


def test_an_editors_raw_script_fails_the_strict_build_and_never_reaches_readers(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "content", docs)
    page = docs / "tackling-child-sexual-abuse-strategy" / "04-part-2.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## 2.2 The hidden nature", '<script>alert("editor")</script>\n\n<p onclick="alert(1)">Click</p>\n\n## 2.2 The hidden nature', 1), encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index('<script>alert("editor")</script>') + 1
    strict = mkdocs_build(tmp_path / "site", docs)
    assert strict.returncode != 0
    assert f"tackling-child-sexual-abuse-strategy/04-part-2.md:{line}: removed <script> element" in strict.stderr
    lenient = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(tmp_path / "mkdocs.yml"), "-d", str(tmp_path / "site2")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert lenient.returncode == 0
    built = (tmp_path / "site2" / "tackling-child-sexual-abuse-strategy" / "04-part-2" / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(built, "html.parser").select_one("article")
    assert not article.find_all("script") and 'alert("editor")' not in article.decode()
    assert "onclick" not in article.decode() and "Click" in article.get_text()
