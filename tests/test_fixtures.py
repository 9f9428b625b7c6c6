"""Each shape family of the source format, converted on its own (fixture file),
and the whole embedded document (golden file). ``pytest --regen`` rewrites both."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED, SLUG
from fixture_file import read_fixture_file, write_fixture_file

from reviewgen.config import SourceConfig, load_config
from reviewgen.convert import convert_document
from reviewgen.pages import render_section
from reviewgen.parser import parse_lines

FIXTURES = Path(__file__).parent / "fixtures"
SHAPES = FIXTURES / "shapes.txt"
GOLDEN = FIXTURES / f"{SLUG}.md"
CASES = read_fixture_file(SHAPES)


def convert_text(source: str) -> str:
    document = parse_lines(source.split("\n"), SourceConfig(slug="fixture"), "fixture")
    return "\n".join(render_section(section) for section in document.sections).rstrip("\n")


@pytest.mark.parametrize("title, source, expected", CASES, ids=[case[0] for case in CASES])
def test_shape_family(title, source, expected, regen):
    if regen:
        pytest.skip("rewritten by test_regenerate_fixtures")
    assert convert_text(source) == expected


def whole_document() -> str:
    _, pages, _ = convert_document(SEED, load_config(SEED))
    return "\n".join(f"<!-- page: {page.path} -->\n{page.text}" for page in pages)


def test_whole_embedded_document(regen):
    if regen:
        GOLDEN.write_text(whole_document(), encoding="utf-8")
    assert whole_document() == GOLDEN.read_text(encoding="utf-8")


def test_regenerate_fixtures(regen):
    if not regen:
        return
    write_fixture_file(SHAPES, [(title, source, convert_text(source)) for title, source, _ in CASES])
