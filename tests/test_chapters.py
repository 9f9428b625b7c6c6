"""A review in the export format that names its parts its own way and puts bare lines after tagged ones."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import Review

from reviewgen.commands.convert import convert

FIXTURE = Path(__file__).parent / "fixtures" / "chapters-review.txt"


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chapters")
    source = folder / "chapters.txt"
    shutil.copy(FIXTURE, source)
    summary = convert(source, folder / "content")
    return folder / "content", summary


@pytest.fixture(scope="module")
def review(converted):
    return Review(converted[0], "chapters")


def test_each_chapter_annex_and_appendix_is_a_page_of_its_own(converted):
    content, _ = converted
    names = sorted(path.name for path in (content / "chapters").glob("[0-9]*.md"))
    assert names == ["01-introduction.md", "02-chapter-1.md", "03-chapter-2.md", "04-annex-a-data-sources.md", "05-appendix-1.md"]
    chapter_2 = (content / "chapters" / "03-chapter-2.md").read_text(encoding="utf-8")
    assert "# Chapter 2: Keeping the staff we have" in chapter_2
    assert "6\\. Retention has improved" in chapter_2 and "9\\. We will publish" in chapter_2 and "11\\." not in chapter_2


def test_two_bare_reviewer_lines_after_a_tagged_unanswered_paragraph_answer_it(review):
    assert review.items["para-2"] == "2. Training places have doubled since 2019."
    assert review.rebuttals["para-2"] == (
        "Where are the trainers for these places to come from? The plan is silent on supervision, which is the real shortage."
    )


def test_a_bare_line_after_an_answered_tagged_paragraph_is_the_originals(review):
    item = review.find("We will also expand the number of nursing associates")
    assert item != "para-3" and item not in review.rebuttals
    assert review.rebuttals["para-3"] == "Three schools take a decade to produce a consultant."


def test_a_bare_question_after_a_tagged_paragraph_is_the_reviewers(review):
    assert review.items["para-9"] == "9. We will publish workforce data every quarter."
    assert review.rebuttals["para-9"].startswith("Why should anyone believe this")


def test_bare_paragraphs_keep_the_rule_the_export_follows(review):
    assert review.rebuttals["para-6"] == "It has improved from the worst year on record, which is no achievement."
    assert review.items["para-7"] == "7. We will offer flexible working to every nurse who asks for it."
    assert "para-7" not in review.rebuttals


def test_every_paragraph_and_rebuttal_is_on_its_item(review):
    assert review.numbered() == list(range(1, 14))
    answered = {"para-1", "para-2", "para-3", "para-5", "para-6", "para-8", "para-9", "para-10", "para-12"}
    assert {item for item in review.rebuttals if item.startswith("para-") and item.count("-") == 1} == answered
    assert review.rebuttals[review.find("This plan sets out how the health service")].startswith("Fifteen years is three parliaments")


def test_a_footer_unlike_the_seeds_is_furniture(converted):
    content, summary = converted
    assert summary.furniture == 5
    text = "\n".join(path.read_text(encoding="utf-8") for path in content.rglob("*.md"))
    assert not re.search(r"workforce watch|hlth", text, re.IGNORECASE)


def test_a_guess_is_listed_with_its_line_and_the_override_that_reverses_it(tmp_path):
    source = tmp_path / "guess.txt"
    source.write_text("<h2>Part 1: Plan</h2>\t\n<p>1. The plan has three aims.</p>\t\nThose aims were set in 2019.\n", encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    notes = [note for note in str(summary).split("\n") if "bare line" in note]
    assert len(notes) == 1
    assert notes[0].startswith(f"{source}:3: a bare line taken as the reviewer's")
    assert "{line: 3, column: original}" in notes[0]
    assert Review(tmp_path / "out", "guess").rebuttals["para-1"] == "Those aims were set in 2019."
