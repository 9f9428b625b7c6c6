"""Ids: one module makes and reads them, no two things share one, and inserting a row moves none."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewgen.document import ids
from reviewgen.document.config import SourceConfig
from reviewgen.document.model import document_items
from reviewgen.reading.parser import parse_lines

PACKAGE = Path(__file__).resolve().parent.parent / "reviewgen"


def item_ids(source: str) -> list[str]:
    document = parse_lines(source.split("\n"), SourceConfig(slug="ids"), "ids")
    return [section.heading.item_id for section in document.sections] + [
        item.item_id for item in document_items(document) if item not in [s.heading for s in document.sections]
    ]


TWO_PARTS = """<h2>Part 1: Our principles</h2>\t
<p>An opening sentence of the first part.</p>\t
<p>A second opening sentence.</p>\t
<p>1. The first numbered paragraph.</p>\t
<h2>Part 1: Our principles</h2>\t
<p>2. A paragraph of the repeated part.</p>\t
<p>Text after paragraph two.</p>\t"""


def test_a_repeated_section_shares_its_id_with_nothing():
    found = item_ids(TWO_PARTS)
    assert found[:2] == ["part-1", "part-1-2"]  # the sections, each a page of its own
    assert "para-0-an-opening-sentence-of" in found and "para-0-a-second-opening-sentence" in found
    assert "para-1" in found and "para-2" in found and "para-2-text-after-paragraph-two" in found
    assert len(found) == len(set(found))


def test_inserting_or_deleting_a_row_moves_no_other_id():
    rows = TWO_PARTS.split("\n")
    before = set(item_ids(TWO_PARTS))
    inserted = set(item_ids("\n".join(rows[:1] + ["<p>A row the correction adds.</p>\t"] + rows[1:])))
    deleted = set(item_ids("\n".join(rows[:1] + rows[2:])))
    assert inserted - before == {"para-0-a-row-the-correction"}
    assert before - deleted == {"para-0-an-opening-sentence-of"}
    assert before - inserted == set() and deleted - before == set()


def test_identical_items_are_told_apart_and_numbers_have_any_length():
    found = item_ids("<p>1. The first paragraph.</p>\t\n<p>Same words here.</p>\t\n<p>Same words here.</p>\t")
    assert found[1:] == ["para-1", "para-1-same-words-here", "para-1-same-words-here-2"]
    assert ids.paragraph_id(10000) == "para-10000" and ids.paragraph_number("para-10000") == 10000


@settings(max_examples=200, derandomize=True, deadline=None)
@given(wanted=st.lists(st.sampled_from(["x", "x-2", "x-3", "x-2-2", "y", "y-2"]), max_size=40))
def test_each_claim_is_the_wanted_id_or_its_first_free_numbered_form(wanted):
    names, taken = ids.Names(), set()
    for want in wanted:
        # What a claim means, said the plain way: the first of want, want-2, want-3 ... not given yet.
        expected = next(c for c in [want, *(f"{want}-{n}" for n in range(2, len(wanted) + 3))] if c not in taken)
        assert names.claim(want) == expected
        taken.add(expected)
    assert len(taken) == len(wanted)


def test_reading_ids_back():
    assert ids.paragraph_number("para-43") == 43 and ids.paragraph_number("para-43-the-nca") is None
    assert ids.figure_number("figure-5") == 5 and ids.figure_number("para-5") is None
    assert ids.is_item_id("para-0-throughout-my-career-in") and ids.is_item_id("figure-12")
    assert not ids.is_item_id("part-1") and not ids.is_item_id("fn:para-43") and not ids.is_item_id("2-1-background")
    assert ids.section_key("Para 3: a heading that looks like an item") == "section-para-3"
    assert ids.footnote_label_of(ids.footnote_id("para-43")) == "para-43"
    assert ids.anchors_in(f"text {ids.anchor('para-43')}") == ["para-43"]


OWNERS = {"ids.py", "page_reader.py"}
REGEX_CALLS = {"compile", "match", "search", "fullmatch", "sub", "findall", "finditer", "split"}
OWNED = {
    "an id": ("para-", "figure-", "{ #", "\\{ #", "fn:"),
    "a footnote": ("\\[\\^",),  # a literal "[^", not a character class
    "front matter": ("---", "-{3}"),
}


def regex_literals(tree: ast.AST) -> list[str]:
    """The string patterns handed to the re module in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGEX_CALLS:
            if isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args:
                found += [n.value for n in ast.walk(node.args[0]) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return found


STRING_SEARCHES = {"startswith", "find", "index", "split", "partition", "removeprefix"}


def front_matter_searches(tree: ast.AST) -> list[str]:
    """Front matter found by hand: ``text.startswith("---")`` and the like."""
    return [
        arg.value for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STRING_SEARCHES
        for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "---" in arg.value
    ]


def test_no_second_id_footnote_or_front_matter_reader_in_the_package():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20
    offences = []
    for module in modules:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        calls = {f"{n.func.value.id}.{n.func.attr}" for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)}
        if module.name not in OWNERS:
            offences += [f"{module.name}: a pattern for {what}: {pattern!r}" for pattern in regex_literals(tree)
                         for what, marks in OWNED.items() if any(mark in pattern for mark in marks)]
            offences += [f"{module.name}: looks for front matter: {found!r}" for found in front_matter_searches(tree)]
            if module.name != "config.py":  # the only other YAML read is a source's configuration, not a page
                offences += [f"{module.name}: reads YAML ({call})" for call in calls if call in ("yaml.safe_load", "yaml.load")]
        offences += [f"{module.name}: defines {n.name}" for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)
                     and n.name in ("split_front_matter", "footnote_definitions", "paragraph_id") and module.name not in OWNERS]
    assert offences == []


def test_a_line_under_a_figure_is_read_back_by_its_figure_and_position():
    assert ids.note_position(ids.figure_note_id("para-1-table-3-homes", 2), "para-1-table-3-homes") == 2
    assert ids.note_position("para-1-table-3-homes-note-x", "para-1-table-3-homes") is None
    assert ids.note_position("figure-5-note-1", "para-1-table-3-homes") is None
