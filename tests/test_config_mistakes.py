"""Mistakes in a source's configuration: one line ``FILE:LINE: ...``, exit code 2, nothing written."""

from __future__ import annotations

import shutil

import pytest

from reviewgen.commands.cli import main

from test_overrides import SOURCE  # line 1 a heading, 2 paragraph 44, 3 blank, 4 a bare line the converter gives the reviewer

GOOD = "title: A review\nreviewer: Someone\noriginal:\n  title: A paper\n"


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with sources/review.txt, already converted once into content/ with a good configuration."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "review.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "sources" / "review.yml").write_text(GOOD, encoding="utf-8")
    assert main(["convert", "sources/review.txt"]) == 0
    return tmp_path


MISTAKES = {
    # configuration -> (its line the message names, what the message says)
    "misspelt key": (GOOD + "titel: Another\n", 5, "unknown key 'titel'; did you mean 'title'?"),
    "misspelt key of the original": (GOOD + "  publsher: Home Office\n", 5, "unknown key 'publsher' in original; did you mean 'publisher'?"),
    "misspelt key of an override": (GOOD + "overrides:\n  - {line: 4, colum: original}\n", 6, "unknown key 'colum' in overrides; did you mean 'column'?"),
    "misspelt key of the headings": (GOOD + "headings:\n  part: [Chapter]\n", 6, "unknown key 'part' in headings; did you mean 'parts'?"),
    "heading parts not a list": (GOOD + "headings:\n  parts: Chapter\n", 6, "'headings: parts' must be a list of words or titles"),
    "line 0": (GOOD + "overrides:\n  - {line: 0, column: original}\n", 6, "the override of line 0 names no line of review.txt, which has 7 lines (1 to 7)"),
    "a negative line": (GOOD + "overrides:\n  - {line: 4, column: original}\n  - {line: -5, furniture: true}\n", 7, "the override of line -5 names no line of review.txt"),
    "a line past the end": (GOOD + "overrides:\n  - {line: 99999, column: reviewer}\n", 6, "the override of line 99999 names no line of review.txt"),
    "a blank line": (GOOD + "overrides:\n  - {line: 3, column: original}\n", 6, "the override of line 3 names a blank line of review.txt"),
    "a column it already has": (GOOD + "overrides:\n  - {line: 4, column: reviewer}\n", 6, "the override of line 4 changes nothing"),
    "content that is not furniture": (GOOD + "overrides:\n  - {line: 2, furniture: false}\n", 6, "the override of line 2 changes nothing"),
    "a list that holds itself": (GOOD + "overrides: &a [*a]\n", 5, "each override needs a 'line' number"),
    "a mapping that holds itself": ("title: A review\noriginal: &o\n  title: A paper\n  publisher: *o\n", 4, "'publisher' must be text"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_configuration_mistake_is_one_line_and_writes_nothing(project, capsys, mistake):
    config, line, message = MISTAKES[mistake]
    (project / "sources" / "review.yml").write_text(config, encoding="utf-8")
    before, beside = snapshot(project / "content"), sorted(project.iterdir())
    capsys.readouterr()

    assert main(["convert", "sources/review.txt"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"reviewgen: sources/review.yml:{line}: {message}"), err
    assert snapshot(project / "content") == before and sorted(project.iterdir()) == beside


def test_a_correct_override_still_converts(project, capsys):
    (project / "sources" / "review.yml").write_text(GOOD + "overrides:\n  - {line: 4, column: original}\n", encoding="utf-8")
    assert main(["convert", "sources/review.txt"]) == 0
    assert "1 override applied" in capsys.readouterr().out


def test_with_several_sources_convert_asks_which(project, capsys):
    shutil.copy(project / "sources" / "review.txt", project / "sources" / "another.txt")
    before = snapshot(project / "content")
    capsys.readouterr()
    assert main(["convert"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "2 sources here (sources/another.txt and sources/review.txt); name the one to convert" in err
    assert snapshot(project / "content") == before


def test_with_several_sources_audit_names_each(project, capsys):
    shutil.copy(project / "sources" / "review.txt", project / "sources" / "another.txt")
    assert main(["convert", "sources/another.txt"]) == 0
    capsys.readouterr()
    assert main(["audit"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["sources/another.txt", "sources/review.txt"]


def test_with_one_source_convert_needs_no_argument(project, capsys):
    capsys.readouterr()
    assert main(["convert"]) == 0
    assert capsys.readouterr().out.startswith("converted sources/review.txt -> content: ")


def test_a_configuration_nested_too_deeply_to_read_is_one_line(project, capsys):
    (project / "sources" / "review.yml").write_text("title: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    before = snapshot(project / "content")
    capsys.readouterr()
    assert main(["convert", "sources/review.txt"]) == 2
    err = capsys.readouterr().err
    assert err == "reviewgen: sources/review.yml: the configuration nests lists or mappings too deeply to read; flatten it\n"
    assert snapshot(project / "content") == before


def test_audit_of_a_folder_without_the_review_says_so_instead_of_listing_every_word_as_lost(project, capsys):
    capsys.readouterr()
    assert main(["audit", "sources/review.txt", "--content", "nowhere"]) == 2
    assert capsys.readouterr().err == "reviewgen: nowhere: no such content folder; give the folder holding the review's pages with --content\n"
    (project / "empty").mkdir()
    assert main(["audit", "sources/review.txt", "--content", "empty"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewgen: empty: holds no pages of the review '") and err.endswith("give the right folder with --content\n")
    assert main(["audit", "sources/review.txt"]) == 0  # the folder it was converted into
