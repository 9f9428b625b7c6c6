"""Writing pages: deterministic, atomic, and never over an editor's changes."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import ROOT, SEED, SLUG, edit, reviewgen

from reviewgen.writing import output
from reviewgen.commands.convert import convert
from reviewgen.document.errors import ReviewgenError


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def source(tmp_path):
    copy = tmp_path / f"{SLUG}.txt"
    shutil.copy(SEED, copy)
    shutil.copy(SEED.with_suffix(".yml"), copy.with_suffix(".yml"))
    return copy


def test_two_conversions_give_identical_bytes(source, tmp_path):
    convert(source, tmp_path / "one")
    convert(source, tmp_path / "two")
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_the_committed_content_is_what_the_converter_gives(source, tmp_path):
    convert(source, tmp_path / "fresh")
    committed = snapshot(ROOT / "content")
    fresh = snapshot(tmp_path / "fresh")
    assert fresh == {path: data for path, data in committed.items() if path in fresh}


def test_converting_again_changes_nothing(source, tmp_path):
    out = tmp_path / "content"
    convert(source, out)
    before = snapshot(out)
    summary = convert(source, out)
    assert summary.written == 0 and snapshot(out) == before


def test_an_edited_page_is_not_overwritten_without_force(source, tmp_path):
    out = tmp_path / "content"
    convert(source, out)
    page = out / SLUG / "04-part-2.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8")
    edit(source, "Operation Yewtree", "Operation Yew Tree")
    before = snapshot(out)

    result = reviewgen("convert", str(source), "--out", str(out))
    assert result.returncode == 2
    assert "overwritten: 04-part-2.md" in result.stderr and "--force" in result.stderr
    assert snapshot(out) == before

    convert(source, out, force=True)
    text = page.read_text(encoding="utf-8")
    assert "Operation Yew Tree" in text and "An editor's note." not in text


def test_an_edited_page_that_would_not_change_is_left_alone(source, tmp_path):
    out = tmp_path / "content"
    convert(source, out)
    page = out / SLUG / "04-part-2.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8")
    edit(source, "Tackling offending and managing offenders", "Tackling offending, managing offenders")
    convert(source, out)
    assert "An editor's note." in page.read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_folder_as_it_was(source, tmp_path, monkeypatch):
    out = tmp_path / "content"
    convert(source, out)
    source.write_text(source.read_text(encoding="utf-8").replace("Home Office", "Home Ofice"), encoding="utf-8")  # every page
    before, beside = snapshot(out), sorted(tmp_path.iterdir())
    real = output.write_text
    calls = []

    def failing(path, text):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        return real(path, text)

    monkeypatch.setattr(output, "write_text", failing)
    with pytest.raises(ReviewgenError, match="No space left on device.*nothing was changed"):
        convert(source, out)
    assert snapshot(out) == before
    assert sorted(tmp_path.iterdir()) == beside  # the staging folder is gone too
    assert len(calls) == 2  # it failed part-way, after staging one page


def test_pages_get_the_usual_permissions(source, tmp_path):
    out = tmp_path / "content"
    previous = os.umask(0o022)
    try:
        convert(source, out)
    finally:
        os.umask(previous)
    modes = {oct(path.stat().st_mode & 0o777) for path in out.rglob("*")}
    assert modes == {"0o644", "0o755"}  # pages and folders, as any program would make them


def test_pages_of_a_vanished_section_are_removed(source, tmp_path):
    out = tmp_path / "content"
    convert(source, out)
    text = source.read_text(encoding="utf-8")
    start, end = text.index("<h2>Bibliography</h2>"), text.index("- Whitaker")
    source.write_text(text[:start] + text[end:], encoding="utf-8")
    summary = convert(source, out)
    assert summary.removed == 1
    assert not list((out / SLUG).glob("*bibliography.md"))


def test_merge_touches_only_the_reviews_pages(source, tmp_path):
    out = tmp_path / "content"
    convert(source, out)
    home = out / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nAn introduction the editors wrote.\n", encoding="utf-8")
    page = out / SLUG / "04-part-2.md"
    edit(page, "[^para-43]: This ignores", "[^para-43]: Edited: this ignores")

    edit(source, "Operation Yewtree", "Operation Yew Tree")  # a corrected source: the home page stays as it was
    convert(source, out, merge_edits=True)
    assert "An introduction the editors wrote." in home.read_text(encoding="utf-8")
    assert "Operation Yew Tree" in page.read_text(encoding="utf-8")

    # A new title would change the home page too: --merge refuses, naming it, and writes nothing.
    config = source.with_suffix(".yml")
    edit(config, 'title: "Tackling Child Sexual Abuse Strategy: the Mandate Now review"', 'title: "The Mandate Now review"')
    edit(source, "Operation Yew Tree", "Operation Yewtree")
    before = snapshot(out)
    result = reviewgen("convert", str(source), "--out", str(out), "--merge")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"reviewgen: {home}: --merge changes only the review's pages, and would also replace index.md "
        "(not one of the review's pages, changed by hand); keep a copy and run again with --force to replace it\n"
    )
    assert snapshot(out) == before

    convert(source, out, merge_edits=True, force=True)
    assert "An introduction the editors wrote." not in home.read_text(encoding="utf-8")
    assert "The Mandate Now review" in home.read_text(encoding="utf-8")


def test_without_an_atomic_exchange_the_folder_is_swapped_in_two_renames(source, tmp_path, monkeypatch):
    out = tmp_path / "content"
    convert(source, out)
    edit(source, "Operation Yewtree", "Operation Yew Tree")
    convert(source, tmp_path / "expected")
    monkeypatch.setattr(output, "exchange", lambda first, second: False)  # as on a system without renameat2
    convert(source, out)
    assert snapshot(out) == snapshot(tmp_path / "expected")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "expected", f"{SLUG}.txt", f"{SLUG}.yml"]


def test_the_next_conversion_undoes_a_swap_cut_in_half(source, tmp_path):
    out = tmp_path / "content"
    convert(source, out)
    old = snapshot(out)
    # What a kill between the two renames leaves: the old folder aside, a complete new one never moved in.
    aside = tmp_path / f".reviewgen-content-{SLUG}.x1y2z3"
    aside.mkdir()
    (out / SLUG).rename(aside / "old")
    shutil.copytree(aside / "old", aside / "review")
    (aside / "review" / "04-part-2.md").write_text("half of a new page", encoding="utf-8")
    summary = convert(source, out)  # the same source: once the old folder is back, nothing is left to write
    assert summary.written == 0 and snapshot(out) == old
    assert not aside.exists()
