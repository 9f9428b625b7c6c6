"""Each shape family of the source format, converted on its own (fixture file),
and the whole embedded document (golden file). ``pytest --regen`` rewrites both."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED, SLUG
from fixture_file import read_fixture_file, write_fixture_file

from reviewgen.document.config import SourceConfig, load_config
from reviewgen.commands.convert import convert_document
from reviewgen.writing.pages import render_section
from reviewgen.reading.parser import parse_lines

FIXTURES = Path(__file__).parent / "fixtures"
SHAPES = FIXTURES / "shapes.txt"
GOLDEN = FIXTURES / f"{SLUG}.md"
CASES = read_fixture_file(SHAPES)
assert len({title for title, _, _ in CASES}) == len(CASES) >= 10, f"{SHAPES}: a family is missing or named twice"


def convert_text(source: str) -> str:
    document = parse_lines(source.split("\n"), SourceConfig(slug="fixture"), "fixture")
    return "\n".join(render_section(section) for section in document.sections).rstrip("\n")


@pytest.fixture(scope="module")
def shapes(regen) -> dict[str, str]:
    """Each family's expected Markdown, by title, as read by hand in the fixture file. Under
    ``--regen`` the file is first rewritten from the current output (read its diff before
    committing it); the comparisons below run either way."""
    if regen:
        write_fixture_file(SHAPES, [(title, source, convert_text(source)) for title, source, _ in CASES])
    return {title: expected for title, _, expected in read_fixture_file(SHAPES)}


@pytest.mark.parametrize("title, source", [case[:2] for case in CASES], ids=[case[0] for case in CASES])
def test_shape_family(title, source, shapes):
    assert convert_text(source) == shapes[title]


def whole_document() -> str:
    _, pages, _ = convert_document(SEED, load_config(SEED))
    return "\n".join(f"<!-- page: {page.path} -->\n{page.text}" for page in pages)


def test_whole_embedded_document(regen):
    converted = whole_document()
    if regen:  # rewritten, then compared as always: the diff of the golden file is what to read
        GOLDEN.write_text(converted, encoding="utf-8")
    assert converted == GOLDEN.read_text(encoding="utf-8")
