"""``reviewgen enhance``: a site built without the plugin gets the same reader's site as the plugin's build."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from reviewgen.commands.cli import main

from conftest import ROOT, SLUG

PARAGRAPH = re.compile(r"^para-\d+$")
PARAGRAPHS = 268  # numbered paragraphs of the embedded review (reviewgen check says so too)
REBUTTALS = 194


def configuration(folder: Path, plugin: str) -> Path:
    """The project's mkdocs.yml, usable from ``folder``, with the plugin's entry replaced by ``plugin``."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}").replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    assert "  - reviewgen\n" in text
    config = folder / "mkdocs.yml"
    config.write_text(text.replace("  - reviewgen\n", plugin), encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def bare(tmp_path_factory) -> tuple[Path, Path, str]:
    """The embedded review built by MkDocs with the plugin listed but turned off: (site, configuration, the build's log)."""
    work = tmp_path_factory.mktemp("bare")
    config = configuration(work, "  - reviewgen:\n      enabled: false\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(work / "site")],
        capture_output=True, text=True, cwd=ROOT, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    return work / "site", config, result.stderr


@pytest.fixture(scope="session")
def enhanced(bare, tmp_path_factory) -> Path:
    site, config, _ = bare
    copy = tmp_path_factory.mktemp("enhanced") / "site"
    shutil.copytree(site, copy)
    assert main(["enhance", str(copy), "--config", str(config), "--no-progress"]) == 0
    return copy


def search_index(site: Path) -> list[dict]:
    for name, key in (("search/search_index.json", "docs"), ("search.json", "items")):
        if (site / name).exists():
            return json.loads((site / name).read_text(encoding="utf-8"))[key]
    raise AssertionError(f"no search index in {site}")


def contract(site: Path) -> dict:
    """What a reader's browser and the tests rely on, page by page."""
    pages = {}
    for path in sorted((site / SLUG).rglob("index.html")):  # the review's pages, in parts' folders too
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        pages[path.parent.relative_to(site).as_posix()] = {
            "paragraphs": [element["id"] for element in soup.find_all(id=PARAGRAPH)],
            "rebuttals": [aside["data-target"] for aside in soup.select("aside.rebuttal[data-target]")],
            "footnotes at the foot": len(soup.select("div.footnote > ol > li")),
            "abbreviations": [(abbr.get_text(), abbr["title"]) for abbr in soup.select("article abbr[title]")],
            "permalinks": len(soup.select("a.para-number")),
            "cite places": [(tools["data-label"], tools["data-named"]) for tools in soup.select("span.cite-tools")],
            "buttons written by the build": len(soup.select("button.cite, button.para-copy")),  # the theme's scripts write them
        }
    locations = sorted(entry["location"] for entry in search_index(site) if re.search(r"#para-\d+$", entry["location"]))
    total = json.loads((site / SLUG / "annotations.jsonld").read_text(encoding="utf-8"))["total"]
    return {"pages": pages, "search": locations, "annotations": total}


@pytest.fixture(scope="session")
def plugin_contract(site) -> dict:
    return contract(site)


def test_the_plugin_can_be_turned_off_and_the_rebuttals_stay_at_the_foot(bare):
    site, _, log = bare
    html = (site / SLUG / "04-part-2" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert "are estimated to have experienced" in page.find(id="para-43").get_text()  # built, as stock MkDocs builds it
    assert page.select("aside.rebuttal") == [] and 'class="rebuttal"' not in html and len(page.select("div.footnote > ol > li")) == 44
    assert "reviewgen" not in log
    assert not (site / SLUG / "rebuttals").exists() and not (site / SLUG / "annotations.jsonld").exists()


def test_the_plugins_build_has_what_readers_rely_on(plugin_contract):
    sections = {name: page for name, page in plugin_contract["pages"].items() if name != f"{SLUG}/print"}
    paragraphs = [p for page in sections.values() for p in page["paragraphs"]]
    assert len(paragraphs) == len(set(paragraphs)) == PARAGRAPHS
    assert sum(len(page["rebuttals"]) for page in sections.values()) == REBUTTALS
    edition = plugin_contract["pages"][f"{SLUG}/print"]  # the whole review once more, on one page
    assert edition["paragraphs"] == paragraphs and len(edition["rebuttals"]) == REBUTTALS
    assert plugin_contract["annotations"] == REBUTTALS
    assert plugin_contract["pages"][f"{SLUG}/04-part-2"]["rebuttals"][:2] == ["para-40", "para-43"]
    # each item's cite buttons and each paragraph's copy button are the scripts' to write: the page
    # carries what they name, once per item
    part_2 = plugin_contract["pages"][f"{SLUG}/04-part-2"]
    assert ("Paragraph 43", "paragraph 43") in part_2["cite places"]
    assert ("Bullet after paragraph 74", "the bullet after paragraph 74") in part_2["cite places"]
    assert all(page["buttons written by the build"] == 0 for page in plugin_contract["pages"].values())


@pytest.mark.parametrize("built", ["enhanced", "zensical_site"], ids=["mkdocs-without-plugin", "zensical"])
def test_enhance_gives_the_plugins_contract(built, plugin_contract, request):
    got = contract(request.getfixturevalue(built))
    assert got["pages"].keys() == plugin_contract["pages"].keys()  # the rebuttal index too
    for name, expected in plugin_contract["pages"].items():
        assert got["pages"][name] == expected, name
    assert got["search"] == plugin_contract["search"] and len(got["search"]) == PARAGRAPHS
    assert got["annotations"] == plugin_contract["annotations"] == REBUTTALS


def fingerprints(site: Path) -> dict[Path, str]:
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("built", ["enhanced", "zensical_site", "site"], ids=["mkdocs-without-plugin", "zensical", "mkdocs-with-plugin"])
def test_a_second_run_changes_nothing(built, bare, request, capsys, tmp_path):
    site = Path(shutil.copytree(request.getfixturevalue(built), tmp_path / "site"))  # the shared builds stay as built
    before = fingerprints(site)
    assert len(before) > 20
    capsys.readouterr()
    assert main(["enhance", str(site), "--config", str(bare[1]), "--no-progress"]) == 0
    assert fingerprints(site) == before
    assert "nothing changed" in capsys.readouterr().out


def test_a_run_that_stopped_before_the_print_edition_is_finished_with_the_whole_review(enhanced, bare, plugin_contract, tmp_path):
    site = Path(shutil.copytree(enhanced, tmp_path / "site"))
    (site / SLUG / "print" / "index.html").unlink()  # stopped after the pages of text but one, before the print edition
    shutil.copy(bare[0] / SLUG / "04-part-2" / "index.html", site / SLUG / "04-part-2" / "index.html")
    assert main(["enhance", str(site), "--config", str(bare[1]), "--no-progress"]) == 0
    edition = contract(site)["pages"][f"{SLUG}/print"]
    assert edition == plugin_contract["pages"][f"{SLUG}/print"]  # every section, those finished before this run too
    assert len(edition["paragraphs"]) == PARAGRAPHS and len(edition["rebuttals"]) == REBUTTALS


def test_enhance_refuses_a_folder_that_is_no_built_site(tmp_path, capsys):
    assert main(["enhance", str(tmp_path), "--no-progress"]) == 2
    assert capsys.readouterr().err.strip() == f"reviewgen: {tmp_path}: no built site here (no index.html); build it first, e.g. zensical build or mkdocs build"


def test_abbreviations_are_wrapped_where_python_markdown_would_wrap_them():
    from reviewgen.site.abbreviations import wrap_abbreviations
    from reviewgen.document.html import serialise

    soup = BeautifulSoup("<p>The NCA and CSA, not <code>NCA</code>, NCAS or <abbr title='x'>CSA</abbr>.</p><p>NCA, CSA.</p>", "html.parser")
    assert wrap_abbreviations(soup, {"NCA": "National Crime Agency", "CSA": "Child <Sexual> Abuse"}) == 4
    assert serialise([soup]) == (  # the expansion on each acronym's first use only; another expansion is told again
        '<p>The <abbr title="National Crime Agency">NCA</abbr> and <abbr title="Child &lt;Sexual&gt; Abuse">CSA</abbr>, '
        'not <code>NCA</code>, NCAS or <abbr title="x">CSA</abbr>.</p><p><abbr>NCA</abbr>, <abbr>CSA</abbr>.</p>'
    )


def test_a_paragraph_and_its_rebuttal_are_found_apart_with_their_speakers(zensical_site):
    entries = {e["location"]: e for e in search_index(zensical_site)}
    paragraph, rebuttal = entries[f"{SLUG}/04-part-2/#para-43"], entries[f"{SLUG}/04-part-2/#fn:para-43"]
    assert paragraph["title"].startswith("Paragraph 43 · Part 2") and paragraph["tags"] == ["Original"]
    assert "7.5% of adults" in paragraph["text"] and "Mathews" not in paragraph["text"]
    assert rebuttal["title"] == "Mandate Now on paragraph 43" and rebuttal["tags"] == ["Rebuttal · Mandate Now"]
    assert "Mathews’ peer reviewed article" in rebuttal["text"] and "7.5% of adults" not in rebuttal["text"]
    assert paragraph["path"] and rebuttal["path"]  # Zensical's own field, from the page's entry
    # the generator's own entry for the section no longer repeats what the paragraph's entry holds
    section = next(e for e in search_index(zensical_site) if e["location"] == f"{SLUG}/04-part-2/#21-scale-and-prevalence-of-child-sexual-abuse")
    assert "Mathews" not in section["text"]


def test_check_says_when_the_plugin_did_not_run(bare, capsys):
    site, _, _ = bare
    capsys.readouterr()
    assert main(["check", str(ROOT / "content"), "--sources", str(ROOT / "sources"), "--site", str(site), "--no-progress"]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if "plugin did not run" in line]
    assert len(lines) == 1
    assert f"run reviewgen enhance {site}" in lines[0] and lines[0].startswith(str(site / SLUG))


def test_check_is_content_with_an_enhanced_site(enhanced, capsys):
    assert main(["check", str(ROOT / "content"), "--sources", str(ROOT / "sources"), "--site", str(enhanced), "--no-progress"]) == 0
    assert "every page has reviewgen's features" in capsys.readouterr().out


def test_what_the_allowlist_removes_is_said_with_its_line(tmp_path):
    """As the plugin warns, naming the page and line; the page a reader gets has no script."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "notes.md").write_text("---\ntitle: Notes\n---\n\n# Notes\n\n<script>alert(1)</script> A page of notes.\n", encoding="utf-8")
    config = configuration(tmp_path, "  - reviewgen:\n      enabled: false\n")
    config.write_text(config.read_text(encoding="utf-8").replace(f"docs_dir: {ROOT / 'content'}", f"docs_dir: {content}"), encoding="utf-8")
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, cwd=ROOT, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert built.returncode == 0, built.stderr
    assert "<script>alert(1)</script>" in (site / "notes" / "index.html").read_text(encoding="utf-8")

    from reviewgen.site.postbuild import enhance_site

    result = enhance_site(site, config)
    assert [note for note in result.notes if note.startswith("notes.md")] == [
        "notes.md:7: removed <script> element; pages may not carry script or unsafe links"
    ]
    page = (site / "notes" / "index.html").read_text(encoding="utf-8")
    assert "alert(1)" not in page and "A page of notes." in page
