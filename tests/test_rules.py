"""The rule tables decide what each line is, and say which rule decided.

Fixture file cases (``fixtures/rules.txt``, markdown-it style): a small source,
then the decisions expected for it, ``LINE: rule -> kind [id]``, read by hand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEED
from fixture_file import read_fixture_file

from reviewgen.commands.cli import main
from reviewgen.document.config import SourceConfig, load_config
from reviewgen.document.model import Heading, document_items
from reviewgen.reading.parser import parse_file, parse_lines
from reviewgen.reading.rules import Kind, Rule, Rulebook, Verdict, when

FIXTURES = Path(__file__).parent / "fixtures"
CASES = read_fixture_file(FIXTURES / "rules.txt")


def decisions(source: str, rulebook: Rulebook | None = None) -> str:
    document = parse_lines(source.split("\n"), SourceConfig(slug="fixture"), "fixture", rulebook)
    return "\n".join(
        f"{d.line}: {d.rule} -> {d.kind}" + (f" {d.item_id}" if d.item_id else "") for d in document.decisions
    )


@pytest.mark.parametrize("title, source, expected", CASES, ids=[case[0] for case in CASES])
def test_rule_decisions(title, source, expected):
    assert decisions(source) == expected


COMMITMENT = "<p>12. The plan.</p>\t\n<p>We will publish a new action plan on child sexual abuse in every region of England by 2025</p>\t"


def test_disabling_a_rule_changes_the_decision():
    assert "2: commitment -> commitment" in decisions(COMMITMENT)
    rulebook = Rulebook()
    rulebook.blocks.disable("commitment")
    assert "2: paragraph -> paragraph para-12-we-will-publish-a" in decisions(COMMITMENT, rulebook)
    assert "commitment" not in decisions(COMMITMENT, rulebook)


def test_a_rule_added_before_another_decides_first():
    rulebook = Rulebook()
    rulebook.blocks.before("numbered", Rule("plan", when(lambda look: look.text.startswith("12."), Kind.HEADING, "a plan", rank=2)))
    assert decisions(COMMITMENT, rulebook).splitlines()[0] == "1: plan -> heading 12-the-plan"
    with pytest.raises(KeyError, match="no rule named 'nothing'"):
        rulebook.blocks.after("nothing", Rule("x", lambda look: Verdict(Kind.PARAGRAPH)))


def test_the_column_of_a_bare_line_is_a_rule_too():
    source = "<p>43. Estimates say 7.5% of adults were abused.</p>\t\n\n44. We have seen increases.\n\nNothing about prosecutions?"
    assert "5: column evidence -> rebuttal" in decisions(source)
    rulebook = Rulebook()
    rulebook.lines.disable("column evidence")
    rulebook.lines.after("opens structure", Rule("all original", lambda look: Verdict(Kind.ORIGINAL)))
    assert "5: all original -> the original's" in decisions(source, rulebook)


def test_every_item_of_the_seed_was_made_by_a_rule_of_the_table():
    """No item's kind is decided outside the rule tables: each has a decision naming a table rule and its id."""
    document = parse_file(SEED, load_config(SEED))
    table = Rulebook()
    names = set(table.lines.names() + table.figures.names() + table.blocks.names())
    made = {d.item_id: d for d in document.decisions if d.rule in names and d.kind != Kind.REBUTTAL.value}
    items = [item for item in document_items(document) if not (isinstance(item, Heading) and item.line == 0)]
    assert len(items) > 500
    unmade = [item.item_id for item in items if item.item_id not in made]
    assert unmade == []
    assert {d.rule for d in document.decisions} <= names | {"furniture", "furniture override", "contents", "answers the last item", "answers override", "list lead", "page break in a cell"}


def test_explain_names_the_rule_of_each_kind_and_writes_nothing(tmp_path, capsys, monkeypatch):
    source = tmp_path / "chapters.txt"
    shutil.copy(FIXTURES / "chapters-review.txt", source)
    monkeypatch.chdir(tmp_path)
    assert main(["convert", str(source), "--explain", "3", "--explain", "5-6", "--explain", "11"]) == 0
    out = capsys.readouterr().out
    assert not (tmp_path / "content").exists()
    blocks = {block.split(":")[1]: block for block in out.split(f"{source}:")[1:] for block in [f"{source}:{block}"]}
    assert "rule 'heading form' -> heading, the original's, id chapter-1" in blocks["3"]
    assert "rule 'numbered' -> numbered paragraph, the original's, id para-2" in blocks["5"]
    assert "rule 'column evidence' -> rebuttal, the reviewer's" in blocks["6"]
    assert "rule 'answers the last item' -> rebuttal, the reviewer's, id para-2" in blocks["6"]
    assert "rule 'furniture' -> furniture" in blocks["11"]
    assert list(blocks) == ["3", "5", "6", "11"]


def test_explain_refuses_a_line_outside_the_file(tmp_path, capsys):
    source = tmp_path / "chapters.txt"
    shutil.copy(FIXTURES / "chapters-review.txt", source)
    assert main(["convert", str(source), "--explain", "99999"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"reviewgen: {source}: --explain 99999: the source has lines 1 to ") and "\n" not in err


def test_the_reviewers_name_is_found_as_a_name_not_as_letters_of_a_word():
    from reviewgen.reading.column import names, speaks_as_reviewer

    assert names("As NEF said, the figures are wrong.", "NEF") and names("nef disagrees", "NEF")
    assert not names("Housing benefit is included from 2013.", "NEF")
    assert not names("Records from Kent are estimated.", "Ed")
    # under a figure's note: a question the line ends on is the reviewer's; one it quotes is the note's
    assert speaks_as_reviewer("Why does the series stop in 2019?", "")
    assert not speaks_as_reviewer('Respondents were asked "How safe do you feel?"', "")
