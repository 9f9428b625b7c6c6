"""Correcting a converter decision through the source's configuration, by line number."""

from __future__ import annotations

import textwrap

from conftest import Finished, Review, reviewgen

from reviewgen.document.config import Override, SourceConfig
from reviewgen.reading.cells import CellReader
from reviewgen.reading.parser import parse_lines

SOURCE = """\
<h2>Part 2: Knowledge</h2>\t
44. Over recent years, we have seen steep increases in reporting.

We know this is a concern, and we will act on it.

<p>45. However, few of these result in a charge.</p>\t<p>Neither total can be relied on.</p>
<p>46. The total number of prosecutions has fallen.</p>\t
"""


def convert(tmp_path, overrides: str = "") -> tuple[Finished, Review]:
    source = tmp_path / "review.txt"
    source.write_text(SOURCE, encoding="utf-8")
    (tmp_path / "review.yml").write_text(textwrap.dedent(overrides), encoding="utf-8")
    result = reviewgen("convert", str(source), "--out", str(tmp_path / "out"))
    return result, Review(tmp_path / "out", "review")


def test_without_overrides_the_bare_line_is_judged_the_reviewers(tmp_path):
    result, review = convert(tmp_path)
    assert result.returncode == 0 and "0 overrides applied" in result.stdout
    assert "We know this is a concern" in review.rebuttals["para-44"]


def test_a_column_override_puts_the_line_in_the_original(tmp_path):
    result, review = convert(tmp_path, "overrides:\n  - {line: 4, column: original}\n")
    assert result.returncode == 0 and "1 override applied" in result.stdout
    assert "para-44" not in review.rebuttals
    # the line is now an item of the original of its own, right after paragraph 44, and no one's rebuttal
    line = review.find("We know this is a concern")
    assert line not in ("para-44", "para-45")
    assert review.order.index(line) == review.order.index("para-44") + 1
    assert not any("We know this is a concern" in rebuttal for rebuttal in review.rebuttals.values())


def test_an_answers_override_moves_a_rebuttal(tmp_path):
    result, review = convert(tmp_path, "overrides:\n  - {line: 6, answers: para-44}\n")
    assert result.returncode == 0 and "1 override applied" in result.stdout
    assert "Neither total can be relied on." in review.rebuttals["para-44"]
    assert "para-45" not in review.rebuttals


def test_a_furniture_override_drops_a_line(tmp_path):
    result, review = convert(tmp_path, "overrides:\n  - {line: 4, furniture: true}\n")
    assert result.returncode == 0 and "1 furniture line dropped" in result.stdout
    assert "para-44" not in review.rebuttals
    # dropped: neither the original's nor anyone's rebuttal, and the paragraphs around it as they were
    assert not any("We know this is a concern" in text for text in [*review.items.values(), *review.rebuttals.values()])
    assert review.numbered() == [44, 45, 46] and review.rebuttals["para-45"] == "Neither total can be relied on."


def test_an_override_naming_an_unknown_item_is_a_clear_error(tmp_path):
    result, _ = convert(tmp_path, "overrides:\n  - {line: 6, answers: para-999}\n")
    assert result.returncode == 2
    assert "review.yml" in result.stderr and "para-999" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_override_that_says_nothing_is_refused(tmp_path):
    result, _ = convert(tmp_path, "overrides:\n  - {line: 6}\n")
    assert result.returncode == 2 and "says nothing" in result.stderr


def test_among_useful_overrides_the_one_that_changes_nothing_is_refused_by_its_line(tmp_path):
    # Each override is checked by converting again without it, with the cells read once for all the checks.
    result, _ = convert(tmp_path, "overrides:\n  - {line: 4, column: original}\n  - {line: 6, answers: para-45}\n")
    assert result.returncode == 2
    assert "review.yml:3" in result.stderr and "the override of line 6 changes nothing" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_reader_that_remembers_cells_reads_them_as_one_that_does_not(tmp_path):
    config = SourceConfig(slug="review", overrides=(Override(line=4, column="original"),))
    remembering = CellReader(remember=True)
    first, again = (parse_lines(SOURCE.split("\n"), config, cells=remembering) for _ in range(2))
    plain = parse_lines(SOURCE.split("\n"), config)
    assert first == again == plain and "We know this is a concern" in str(plain.sections)
    cell = "<p>45. However, few of these result in a charge.</p>"
    remembering.fragments(cell).clear()  # a caller changing its list changes nothing remembered
    assert remembering.fragments(cell) == CellReader().fragments(cell) != []
