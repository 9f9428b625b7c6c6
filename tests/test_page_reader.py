"""The one reader of content pages: front matter as MkDocs reads it, a byte order mark no obstacle."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SEED, SLUG, edit, mkdocs_build
from mkdocs.utils.meta import get_data

from reviewgen.commands.check import check_content
from reviewgen.commands.merge import editors_rebuttals
from reviewgen.writing.output import page_state
from reviewgen.writing.page_reader import footnote_definitions, read_front_matter, read_page
from reviewgen.commands.stats import review_stats

BOM = "\ufeff"

PAGES = {
    "plain": "---\ntitle: A page\n---\n\nBody.\n",
    "closed by dots": "---\ntitle: A page\n...\n\nBody.\n",
    "spaces after the dashes": "--- \ntitle: A page\n---\t\n\nBody.\n",
    "several blank lines": "---\ntitle: A page\n---\n\n\n\nBody.\n",
    "no front matter": "# Just a heading\n\nBody.\n",
    "not a mapping": "---\n- a list\n---\n\nBody.\n",
}


@pytest.mark.parametrize("name", PAGES)
def test_front_matter_is_read_as_mkdocs_reads_it(name):
    text = PAGES[name]
    body, fields = get_data(text)
    read = read_front_matter(BOM + text)  # MkDocs reads pages as utf-8-sig: the mark is no part of the page
    if name == "no front matter":
        assert read.problem is not None and read.fields == {}
    else:
        assert (read.fields, read.body) == (fields, body)


def test_a_yaml_mistake_is_reported_on_its_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: A page\ndescription: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    found, problems = read_page(page)
    assert found is None
    [problem] = problems
    assert problem.line in (3, 4) and "not valid YAML" in problem.message  # the YAML breaks at the end of line 3


def test_a_tab_in_the_front_matter_is_named(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: A page\n\tdescription: indented with a tab\n---\n\nBody.\n", encoding="utf-8")
    found, [problem] = read_page(page)
    assert found is None and problem.line == 3
    assert problem.message == "the front matter is not valid YAML (found character '\\t' that cannot start any token)"


def test_footnotes_are_read_as_python_markdown_reads_them():
    markdown = "Text.[^a]\n\n[^a]: First.\n\n    Second.\n\n        code in it\nAfter.\n\n[^b]:Tight.\n"
    assert footnote_definitions(markdown) == {"a": "First.\n\nSecond.\n\n    code in it", "b": "Tight."}


@pytest.fixture()
def content(seed_copy) -> Path:
    return seed_copy[1]  # the embedded review as converted, this test's own copy


def save_with_bom(path: Path) -> None:
    path.write_bytes(BOM.encode("utf-8") + path.read_bytes())


def test_a_page_saved_with_a_byte_order_mark_is_read_by_every_command(content):
    page = content / SLUG / "04-part-2.md"
    counted = review_stats(content)
    save_with_bom(page)
    assert page.read_bytes().startswith(b"\xef\xbb\xbf")
    assert page_state(page) == "generated"  # still the converter's page, so a conversion may replace it
    assert check_content(content, SEED.parent).problems == ()
    assert review_stats(content) == counted

    # edited and saved with the mark, its rebuttals still reach a re-import
    edit(page, "[^para-43]: This ignores Mathews’", "[^para-43]: Edited with a mark: this ignores Mathews’")
    assert page.read_bytes().startswith(b"\xef\xbb\xbf")
    assert page_state(page) == "edited"
    [carried] = [c for c in editors_rebuttals(page) if c.item_id == "para-43"]
    assert carried.markdown.startswith("Edited with a mark") and carried.from_source is False


def test_a_page_saved_with_a_byte_order_mark_builds(content, tmp_path):
    save_with_bom(content / SLUG / "04-part-2.md")
    result = mkdocs_build(tmp_path / "site", content)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / SLUG / "04-part-2" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#para-43") is not None
    assert soup.select_one("aside.rebuttal[data-target='para-43']") is not None
