"""Re-importing a changed source: every edited rebuttal ends on the text it answered, or waits for an editor.

An editor changes or adds rebuttals on five kinds of item of the embedded
review; the source is then changed around those items in five ways. Each
edit must end on the item holding the text it answered, or in the page's
"Rebuttals awaiting a paragraph" section with a note naming it: never on
another item, and never a word lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SLUG, Review, edit, mkdocs_build

from reviewgen.document import ids
from reviewgen.commands.check import check_content
from reviewgen.commands.convert import convert
from reviewgen.commands.merge import HOLDING_HEADING


@dataclass(frozen=True)
class Edited:
    """An item an editor answered, and how the source is changed around it."""

    name: str
    page: str
    item_id: str  # its id in the first conversion
    row: str  # how its row starts in the source
    row_before: str  # how the row before it starts
    phrase: str  # words of its own text that stay through every change
    reworded: tuple[str, str]  # a slight change of wording: (old, new), within the row
    inserted: str  # a row the corrected export adds before it
    rebuttal: str  # the editor's rebuttal, as written in the page (its first line after the label)
    continuation: str = ""  # a second paragraph, indented in the page
    replaces: str = ""  # the start of the rebuttal it replaces ("" when the editor adds one)


EDITS = (
    Edited(
        "numbered", "04-part-2.md", "para-43", "<p>43. 7.5% of adults", "<p>2.1 Scale and prevalence",
        "7.5% of adults are estimated to have experienced sexual abuse",
        ("approximately 3.5% of men", "about 3.5% of men"),
        "<p>A sentence the corrected export adds before a numbered paragraph.</p>\t",
        "Quokka: the survey cited leaves out those who never disclosed.", replaces="This ignores Mathews’",
    ),
    Edited(
        "unnumbered", "03-part-1.md", "para-27-the-central-aim-of", "<p>The central aim of", "<p>Principle 1: Safeguarding",
        "whole-system response to tackling child sexual abuse",
        ("We must challenge the taboo", "We must confront the taboo"),
        "<p>A sentence the corrected export adds before an unnumbered paragraph.</p>\t",
        "Wombat: prevention needs reporting first.", continuation="A second wombat paragraph, with a list:\n\n    - one wombat point\n    - another wombat point",
    ),
    Edited(
        "bullet", "05-part-3/06-objective-1.md", "para-103-prioritisation-of-offenders-will",
        '<ul style="list-style-type: none"> • Prioritisation of offenders', '<ul style="list-style-type: none"> • There will be an increasing number',
        "target those assessed as highest harm",
        ("enabling law enforcement to target", "allowing law enforcement to target"),
        '<ul style="list-style-type: none"> • A bullet the corrected export adds \t',
        "Numbat: robust by what measure?", replaces="Nothing is stated as to how",
    ),
    Edited(
        "figure", "04-part-2.md", "figure-5-note-4", "<p>Following the implementation of a new IT system", "Obscene publications is used",
        "Greater Manchester Police have been unable",
        ("have been unable to supply data", "have been unable to provide data"),
        "<p>A sentence the corrected export adds before a note of a figure.</p>\t",
        "Bilby: recording got worse, not better.", replaces="We're getting worse",
    ),
    Edited(
        "foreword", "01-home-secretary-foreword.md", "para-0-across-the-united-kingdom", "<p>Across the United Kingdom",
        "Throughout my career in politics", "I have seen at first-hand how our National Crime Agency",
        ("subjected to horrific sexual abuse", "subjected to appalling sexual abuse"),
        "<p>A sentence the corrected export adds to the foreword.</p>\t",
        "Dingo: the foreword promises what the strategy never funds.", continuation="A second dingo paragraph.",
    ),
)


def make_edit(page: Path, item: Edited) -> None:
    """Change the item's rebuttal, or answer it for the first time, as EDITING.md tells an editor to."""
    label = item.item_id
    if item.replaces:
        edit(page, f"[^{label}]: {item.replaces}", f"[^{label}]: {item.rebuttal}\n\n    {item.replaces}")
    else:
        lines = page.read_text(encoding="utf-8").split("\n")
        at = next(n for n, line in enumerate(lines) if ids.anchors_in(line) == [label])
        lines[at - 1] += f"[^{label}]"
        note = f"[^{label}]: {item.rebuttal}" + (f"\n\n    {item.continuation}" if item.continuation else "")
        lines[at + 1:at + 1] = ["", note]
        page.write_text("\n".join(lines), encoding="utf-8")


def marker(item: Edited) -> str:
    return item.rebuttal.split(":")[0]  # "Quokka", "Wombat", ...: in no other text of the review


def change_rows(source: Path, change) -> None:
    """Apply ``change(lines, index of the item's row, index of the row before)`` for every edited item."""
    for item in EDITS:
        lines = source.read_text(encoding="utf-8").split("\n")
        [row] = [i for i, line in enumerate(lines) if line.startswith(item.row)]
        [before] = [i for i, line in enumerate(lines) if line.startswith(item.row_before)]
        change(lines, row, before, item)
        source.write_text("\n".join(lines), encoding="utf-8")


def insert_row(lines, row, before, item):
    lines.insert(row, item.inserted)


def delete_row_before(lines, row, before, item):
    del lines[before]


def reword(lines, row, before, item):
    old, new = item.reworded
    assert old in lines[row], old
    lines[row] = lines[row].replace(old, new, 1)


def remove_item(lines, row, before, item):
    del lines[row]


def duplicate_item(lines, row, before, item):
    lines.insert(row + 1, lines[row])


ON_ITS_TEXT = {"numbered", "unnumbered", "bullet", "figure", "foreword"}
SCENARIOS = {
    # scenario: (how the source changes, the edits expected on their item's text; the others wait)
    "a row inserted before": (insert_row, ON_ITS_TEXT),
    "a row deleted before": (delete_row_before, ON_ITS_TEXT),
    "the wording changed slightly": (reword, ON_ITS_TEXT),
    "the item removed": (remove_item, set()),
    # a numbered paragraph keeps its number; a second copy of other text (a figure's note too) is a question for the editor
    "two identical items": (duplicate_item, {"numbered"}),
}


@pytest.fixture()
def edited_review(seed_copy):
    source, content = seed_copy
    for item in EDITS:
        make_edit(content / SLUG / item.page, item)
    return source, content


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_edit_lands_on_its_text_or_waits_with_a_note(scenario, edited_review):
    source, content = edited_review
    before = Review(content)
    for item in EDITS:  # the edits are there to be carried
        assert marker(item) in before.rebuttals[item.item_id]
    change, landing = SCENARIOS[scenario]
    change_rows(source, change)

    summary = convert(source, content, merge_edits=True)
    review = Review(content)
    pages = {path.relative_to(content / SLUG).as_posix(): path.read_text(encoding="utf-8") for path in (content / SLUG).rglob("*.md")}
    for item in EDITS:
        answering = [item_id for item_id, text in review.rebuttals.items() if marker(item) in text]
        if item.name in landing:
            assert len(answering) == 1, (item.name, answering)
            text = review.items[answering[0]]
            phrase = item.reworded[1] if scenario == "the wording changed slightly" else item.phrase
            assert " ".join(phrase.split()) in text, (item.name, answering[0], text)
        else:
            assert answering == [], f"{item.name}: attached to {answering} instead of waiting"
            page = pages[item.page]
            waiting = page[page.index(HOLDING_HEADING):]
            assert item.rebuttal in waiting
            [listed] = [note for note in summary.notes if marker(item) in note]
            assert f"{item.page}:" in listed and "Rebuttals awaiting a paragraph" in listed
            assert f"#{item.item_id}" in listed
            if scenario == "two identical items":
                assert listed.count("(100%)") == 2, listed  # both copies named as candidates
        # not a word of the edit lost, wherever it went
        everything = " ".join(words(" ".join(pages.values())))
        for part in (item.rebuttal, item.continuation):
            assert " ".join(words(part)) in everything, part
    held = len(EDITS) - len(landing)
    assert summary.held == held
    # the pages, holding section included, pass the check against the changed source
    assert [str(p) for p in check_content(content, source.parent).problems] == []


def test_the_rebuttals_awaiting_a_paragraph_are_on_the_built_page(edited_review, tmp_path):
    source, content = edited_review
    change_rows(source, remove_item)
    convert(source, content, merge_edits=True)
    result = mkdocs_build(tmp_path / "site", content, source.parent)
    assert result.returncode == 0, result.stderr  # strict: the holding section raises no warning
    html = (tmp_path / "site" / SLUG / "05-part-3" / "06-objective-1" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(lambda tag: tag.name == "h2" and "Rebuttals awaiting a paragraph" in tag.get_text())
    assert heading is not None
    [waiting] = [box for box in soup.select("div.admonition.warning") if "Numbat" in box.get_text()]
    assert "#para-103-prioritisation-of-offenders-will" in waiting.select_one(".admonition-title").get_text()
    assert "Nothing is stated as to how" in waiting.get_text()
    # and no rebuttal of the page's items holds it
    asides = soup.select("aside.rebuttal")
    assert len(asides) > 10 and not any("Numbat" in aside.get_text() for aside in asides)


def test_pages_written_before_fingerprints_were_kept_merge_the_same_way(edited_review):
    source, content = edited_review
    for page in (content / SLUG).rglob("[0-9]*.md"):  # as an older reviewgen wrote them
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"^rebuttals_from_source: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    assert "rebuttals_from_source" not in (content / SLUG / "04-part-2.md").read_text(encoding="utf-8")
    change_rows(source, insert_row)
    summary = convert(source, content, merge_edits=True)
    review = Review(content)
    for item in EDITS:
        [answering] = [item_id for item_id, text in review.rebuttals.items() if marker(item) in text]
        assert " ".join(item.phrase.split()) in review.items[answering]
    assert summary.held == 0 and (summary.added, summary.changed) == (2, 3)
