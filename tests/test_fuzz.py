"""Property-based fuzzing of the parser and writer on sources built from the real one.

CI runs the "ci" profile: a bounded number of examples from a fixed seed.
For a longer local run: HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import SEED

from reviewgen.commands.audit import line_words, text_words
from reviewgen.commands.check import PageText, check_footnotes
from reviewgen.document.config import SourceConfig
from reviewgen.document.errors import ReviewgenError
from reviewgen.writing.page_reader import split_front_matter
from reviewgen.writing.pages import review_pages
from reviewgen.reading.parser import parse_lines

settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LINES = SEED.read_text(encoding="utf-8").split("\n")
SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@st.composite
def mutated_source(draw) -> list[str]:
    start = draw(st.integers(0, len(LINES) - 40))
    lines = list(LINES[start : start + draw(st.integers(20, 120))])
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "duplicate", "cut", "shuffle", "swap", "break", "insert"]))
        line = lines[at]
        if action == "drop":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, line)
        elif action == "cut":
            lines[at] = line[: draw(st.integers(0, len(line)))]
        elif action == "shuffle":
            window = lines[at : at + 5]
            lines[at : at + 5] = draw(st.permutations(window))
        elif action == "swap" and "\t" in line:
            left, _, right = line.partition("\t")
            lines[at] = f"{right}\t{left}"
        elif action == "break":
            position = draw(st.integers(0, len(line)))
            lines[at] = line[:position] + draw(st.sampled_from(["<", ">", "</p>", "<ul>", "<p", "<table>", "\t"])) + line[position:]
        elif action == "insert":
            position = draw(st.integers(0, len(line)))
            lines[at] = line[:position] + draw(SAFE_TEXT) + line[position:]
    return "\n".join(lines).split("\n")


@given(mutated_source())
@example(["T\x03hroughout my career in politics, I have campaigned for the victims of crime."])  # a control character in a word
@example(["<table><tr><td>cell</td></tr></table>\t<p>A comment on a table before any heading.</p>"])
def test_conversion_never_crashes_loses_no_word_and_resolves_every_footnote(lines):
    config = SourceConfig(slug="fuzz")
    try:
        document = parse_lines(lines, config, "fuzz.txt")
    except ReviewgenError as error:  # reviewgen's own, saying where
        assert error.line is not None, str(error)
        return
    pages = review_pages(document, config)
    expected = line_words(lines, document)
    found = Counter()
    for page in pages:
        found += text_words(page.text) or Counter()
    lost = expected - found
    assert not lost, dict(lost)
    for page in pages:
        fields, body = split_front_matter(page.text)
        problems = check_footnotes(PageText(page.path, fields, 1, body.split("\n")))
        assert not problems, [str(p) for p in problems]
