"""``reviewgen check`` and the strict build catch damage an editor can do by hand."""

from __future__ import annotations

import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.pages import _RawHTMLPreprocessor

from conftest import ROOT, SLUG, edit, mkdocs_build, reviewgen

from pathlib import Path

from reviewgen.commands.check import _far, _numbered_before
from reviewgen.document import ids
from reviewgen.writing.page_reader import PageText


def damage_a_word(folder):
    page = folder / "05-part-3" / "06-objective-1.md"
    edit(page, "the understanding and legal powers necessary", "the understanding and legal power necessary")
    return page, "paragraph 120 differs from the source: -'powers' +'power'"


def damage_punctuation(folder):
    page = folder / "05-part-3" / "06-objective-1.md"
    edit(page, "powers necessary to tackle offending and safeguard children.", "powers necessary to tackle offending and safeguard children")
    return page, "paragraph 120 differs from the source: -'.'"


def delete_a_definition(folder):
    page = folder / "04-part-2.md"
    page.write_text(re.sub(r"\n\[\^para-44\]: [^\n]*\n", "\n", page.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    return page, "[^para-44] has no definition"


def reference_nothing(folder):
    page = folder / "04-part-2.md"
    edit(page, "45\\. However, few", "45\\. However,[^nope] few")
    return page, "[^nope] has no definition"


def unreference_a_rebuttal(folder):
    page = folder / "04-part-2.md"
    edit(page, '[^para-43]\n{ #para-43 data-page="6" }', '\n{ #para-43 data-page="6" }')  # the definition stays
    return page, "the rebuttal [^para-43] is not referenced by any paragraph"


def duplicate_an_anchor(folder):
    page = folder / "02-executive-summary.md"
    edit(page, '{ #para-8 data-page="3" }', '{ #para-7 data-page="3" }')
    return page, "the anchor #para-7 is used twice"


def break_front_matter(folder):
    page = folder / "09-glossary.md"
    edit(page, "title: Glossary", "title: [Glossary")
    return page, "the front matter is not valid YAML"


def move_a_definition_away(folder):
    page = folder / "04-part-2.md"
    text = page.read_text(encoding="utf-8")
    definition = re.search(r"\n\[\^para-44\]: [^\n]*\n", text).group(0)
    page.write_text(text.replace(definition, "\n", 1) + definition, encoding="utf-8")
    return page, "the rebuttal [^para-44] is defined far from its paragraph"


def break_a_link(folder):
    page = folder / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [paragraph 999](04-part-2.md#para-999).\n", encoding="utf-8")
    return page, "the link to #para-999 in 04-part-2.md leads to no anchor there"


def break_a_titled_link(folder):
    page = folder / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\nSee [paragraph 999](04-part-2.md#para-999 "The missing one").\n', encoding="utf-8")
    return page, "the link to #para-999 in 04-part-2.md leads to no anchor there"


def break_a_reference_link(folder):
    page = folder / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the annex][annex].\n\n[annex]: 10-annex.md\n", encoding="utf-8")
    return page, "the link to 10-annex.md leads to no page"


def delete_a_bullet(folder):
    page = folder / "05-part-3" / "06-objective-1.md"
    text = page.read_text(encoding="utf-8")
    bullet = re.search(r"\n- Enhancing the Child Exploitation Disruption Toolkit[^\n]*\n[^\n]*\n", text).group(0)
    page.write_text(text.replace(bullet, "\n", 1), encoding="utf-8")
    return page, "#para-122-enhancing-the-child-exploitation (“Enhancing the Child Exploitation Disruption Toolkit to provide …”) of the source is missing from this page"


def delete_a_heading(folder):
    page = folder / "04-part-2.md"
    edit(page, "## 2.1 Scale and prevalence of child sexual abuse\n", "\n")
    return page, "“## 2.1 Scale and prevalence of child sexual …” of the source is missing from this page"


def misspell_an_anchor(folder):
    page = folder / "04-part-2.md"
    edit(page, "{ #figure-5-note-2 ", "{ #figure-5-note-22 ")
    return page, "#figure-5-note-22 is not an anchor of the source; restore the anchor the converter wrote"


def leave_a_rebuttals_paragraph_unindented(folder):
    """Its second paragraph without the four spaces: Markdown ends the rebuttal, the words read as the original's."""
    page = folder / "04-part-2.md"
    edit(page, "[^para-43]: This ignores", "[^para-43]: A first paragraph.\n\nA second one, left unindented.\n\n[^para-43-more]: This ignores")
    return page, "this line is neither the source's nor inside a rebuttal, so readers take it for the original's"


def break_an_anchor(folder):
    """Its closing brace lost: attr_list reads no id, and the page shows the line as text."""
    page = folder / "04-part-2.md"
    edit(page, '{ #para-43 data-page="6" }', '{ #para-43 data-page="6"')
    return page, "this line is an item's anchor written so that it is none (readers see it as text); write it as the converter did"


def empty_a_rebuttal(folder):
    page = folder / "04-part-2.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\n\[\^para-44\]: [^\n]*\n", "\n[^para-44]:\n", text, count=1), encoding="utf-8")
    return page, "the rebuttal [^para-44] is empty (readers would see an empty note)"


def empty_the_front_matter(folder):
    page = folder / "09-glossary.md"
    text = page.read_text(encoding="utf-8")
    page.write_text("---\n---\n" + text.split("\n---\n", 1)[1], encoding="utf-8")
    return page, "the front matter is empty; give the page its fields again"


DAMAGE = [
    damage_a_word, damage_punctuation, delete_a_definition, reference_nothing, unreference_a_rebuttal, duplicate_an_anchor, break_front_matter,
    move_a_definition_away, break_a_link, delete_a_bullet, delete_a_heading, misspell_an_anchor, leave_a_rebuttals_paragraph_unindented,
    break_an_anchor, empty_a_rebuttal, empty_the_front_matter, break_a_titled_link, break_a_reference_link,
]


def check(content):
    return reviewgen("check", str(content), "--sources", str(ROOT / "sources"))


@pytest.mark.parametrize(("damage", "consequences"), [
    (break_an_anchor, ["paragraph 43 of the source is missing from this page; restore it from the source"]),
    (empty_the_front_matter, []),
])
def test_a_broken_anchor_or_front_matter_is_named_not_each_of_its_consequences(tmp_path, damage, consequences):
    """The line at fault is named with what to do; the item's text above a broken anchor is not named
    as a stray line too, nor is each paragraph of a page whose front matter is empty named as missing."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page, message = damage(content / SLUG)
    problems = [line.split(": ", 1)[1] for line in check(content).stdout.splitlines()]
    assert [problem for problem in problems if message not in problem] == consequences
    assert len(problems) == len(consequences) + 1


def test_links_written_every_way_markdown_allows_are_followed(tmp_path):
    """An address in angle brackets, with a title, or in a reference's definition leads where it says."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page = content / SLUG / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + (
        '\nSee [43](<04-part-2.md#para-43>), [44](04-part-2.md#para-44 "Paragraph 44") and [the glossary][g].\n'
        "\n[g]: <09-glossary.md> 'Glossary'\n"), encoding="utf-8")
    result = check(content)
    assert result.returncode == 0, result.stdout


def test_every_spelling_of_an_anchor_attr_list_reads_is_an_anchor(tmp_path):
    """``{#para-43}`` and ``{: #para-44 data-page='6' }`` give the paragraphs the ids the converter's spelling gives."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page = content / SLUG / "04-part-2.md"
    edit(page, '{ #para-43 data-page="6" }', "{#para-43}")
    edit(page, '{ #para-44 data-page="6" }', "{: #para-44 data-page='6' }")
    result = check(content)
    assert result.returncode == 0, result.stdout


def test_untouched_content_passes():
    result = check(ROOT / "content")
    assert result.returncode == 0, result.stdout
    assert "268 numbered paragraphs, 194 rebuttals: no problems" in result.stdout


@pytest.mark.parametrize("damage", DAMAGE, ids=[d.__name__ for d in DAMAGE])
def test_damage_is_named_with_file_and_line_and_fails(tmp_path, damage):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page, message = damage(content / SLUG)
    result = check(content)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if message in line]
    assert lines, result.stdout
    assert re.match(rf"^{re.escape(str(page))}:\d+: ", lines[0]), lines[0]


EDITOR_NOTES = [
    "A CDATA section <![CDATA[ x ]]> and an Office one <![if !supportLists]>x<![endif]> are read.", "",
    "An editor's `a <![CDATx b` stops MkDocs, in code as well.", "",
    "So would <![ alone, but only the first is named.", "",
]


def mkdocs_stops_on(lines: list[str]) -> bool:
    """Whether MkDocs's own reading of a page's HTML, which it does before rendering the page, raises."""
    try:
        _RawHTMLPreprocessor().run(lines)
    except AssertionError:
        return True
    return False


def test_the_check_names_the_line_mkdocs_would_stop_on_and_no_other(tmp_path):
    """MkDocs reads a page's whole Markdown, code included, with the HTML parser of the Python it runs
    on; on Pythons before 3.13 a '<![' that opens no CDATA or Office section ends the build in a
    traceback. The check names that line, as FILE:LINE, and fails; where MkDocs reads it, it says nothing."""
    assert not mkdocs_stops_on(EDITOR_NOTES[:2])  # the sections it knows
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page = content / SLUG / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + "\n".join(EDITOR_NOTES), encoding="utf-8")
    result = check(content)
    named = [line for line in result.stdout.splitlines() if "MkDocs cannot read" in line]
    if mkdocs_stops_on(EDITOR_NOTES):  # the Python these tests run on
        number = page.read_text(encoding="utf-8").split("\n").index(EDITOR_NOTES[2]) + 1
        assert [line.split(": ", 1)[0] for line in named] == [f"{page}:{number}"], result.stdout
        assert result.returncode == 1
    else:
        assert named == [] and result.returncode == 0, result.stdout


STRICT_DAMAGE = [
    damage_a_word, delete_a_definition, reference_nothing, unreference_a_rebuttal, duplicate_an_anchor, break_front_matter,
    delete_a_bullet, leave_a_rebuttals_paragraph_unindented,
]


def test_the_strict_build_fails_on_the_same_damage_and_names_each(tmp_path):
    """One copy damaged in eight ways on four pages, built once (the build is the slow part): the
    build fails and reports each damage with its page, in the words ``check`` uses."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "content", docs)
    damages = [damage(docs / SLUG) for damage in STRICT_DAMAGE]
    result = mkdocs_build(tmp_path / "site", docs)
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    for page, message in damages:
        assert any(f"reviewgen: {page}:" in line and message in line for line in warnings), (message, result.stderr[-2000:])


@settings(max_examples=200, derandomize=True, deadline=None)
@given(lines=st.lists(st.sampled_from(["Words.", "", "{ #para-7 }", "{ #para-7-a-list-item }", "[^x]: A rebuttal."]), min_size=1, max_size=30),
       data=st.data())
def test_a_definition_is_far_exactly_when_a_numbered_paragraph_stands_between(lines, data):
    reference, definition = (data.draw(st.integers(0, len(lines) - 1)) for _ in range(2))  # two lines of the page
    page = PageText(Path("page.md"), {}, 1, lines)
    # Said the plain way: after its reference, with a numbered paragraph's anchor from two lines after it on.
    plain = definition < reference or any(
        ids.paragraph_number(item_id) is not None for line in lines[reference + 2 : definition] for item_id in ids.anchors_in(line))
    assert _far(reference, definition, _numbered_before(page)) == plain
