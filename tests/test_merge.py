"""Re-importing a corrected source: ``convert --merge`` keeps the editors' rebuttals on their items."""

from __future__ import annotations

import re
import shutil

from conftest import SEED, SLUG, Finished, Review, edit, reviewgen

from reviewgen.writing.output import page_state


def run(*args: str) -> Finished:
    return reviewgen(*args)


def converted_seed(tmp_path):
    """The embedded review's source and configuration copied into ``tmp_path``, converted into content/ there."""
    source = tmp_path / f"{SLUG}.txt"
    shutil.copy(SEED, source)
    shutil.copy(SEED.with_suffix(".yml"), source.with_suffix(".yml"))
    content = tmp_path / "content"
    assert run("convert", str(source), "--out", str(content)).returncode == 0
    return source, content


def test_edited_rebuttals_survive_a_corrected_source(tmp_path):
    source, content = converted_seed(tmp_path)
    part_2, objective_1 = content / SLUG / "04-part-2.md", content / SLUG / "05-part-3" / "06-objective-1.md"

    # An editor rewrites the rebuttals of a paragraph and of a bullet, answers a paragraph nobody had
    # answered, and adds a note.
    edit(part_2, "[^para-43]: This ignores Mathews’", "[^para-43]: Edited: this ignores Mathews’")
    edit(part_2, '{ #para-47 data-page="7" }\n', '{ #para-47 data-page="7" }\n\n[^para-47]: A new rebuttal.\n\n    With a second paragraph.\n')
    text = part_2.read_text(encoding="utf-8")
    line = re.search(r"^47\\\. .*$", text, re.M).group(0)
    part_2.write_text(text.replace(line, line + "[^para-47]", 1), encoding="utf-8")
    edit(objective_1, "[^para-103-prioritisation-of-offenders-will]: Nothing is stated as to how this will be achieved", "[^para-103-prioritisation-of-offenders-will]: Edited bullet rebuttal")
    edit(part_2, "## 2.2 The hidden nature", "An editor's stray note.\n\n## 2.2 The hidden nature")

    # The source is corrected: a typo in paragraph 9 and a word of the reviewer's on paragraph 44.
    edit(source, "9. And similar organsotions.", "9. And similar organisations.")
    edit(source, "Nothing about substantiations", "Nothing at all about substantiations")

    refused = run("convert", str(source), "--out", str(content))
    assert refused.returncode == 2
    assert "04-part-2.md" in refused.stderr and "06-objective-1.md" in refused.stderr
    assert "the new conversion changes: 02-executive-summary.md, 04-part-2.md" in refused.stderr

    merged = run("convert", str(source), "--out", str(content), "--merge")
    assert merged.returncode == 0, merged.stderr
    # Counted: what the editor did (paragraph 47 answered; 43 and the bullet rewritten), not the
    # other rebuttals of the edited pages, which are as the source wrote them.
    assert "editors' rebuttals carried over: 1 added, 2 changed (on the items they answer), 0 awaiting a paragraph" in merged.stdout
    notes = [line for line in merged.stdout.splitlines() if "not carried over" in line]
    assert len(notes) == 1 and "An editor's stray note." in notes[0]
    # the old wording of paragraph 9, changed by the source, is the source's and is not listed
    assert "organsotions" not in merged.stdout

    review = Review(content)
    assert review.rebuttals["para-43"].startswith("Edited: this ignores Mathews’")
    assert review.rebuttals["para-47"] == "A new rebuttal. With a second paragraph."
    assert review.rebuttals["para-103-prioritisation-of-offenders-will"] == "Edited bullet rebuttal"
    assert "And similar organisations." in review.items["para-9"]
    # The reviewer's corrected words reach pages nobody edited ...
    assert review.rebuttals["para-9"].startswith("Longer sentences")
    # ... and to the rebuttals of edited pages the editor left alone, while the editor's own stand.
    assert review.rebuttals["para-44"].startswith("Nothing at all about substantiations")
    assert review.numbered() == list(range(1, 269))

    # Merging again changes nothing and still knows which rebuttals are the editor's.
    again = run("convert", str(source), "--out", str(content), "--merge")
    assert again.returncode == 0 and "0 files written" in again.stdout
    assert "1 added, 2 changed (on the items they answer), 0 awaiting a paragraph" in again.stdout
    assert Review(content).rebuttals == review.rebuttals

    # The merged pages are still the editors': a plain conversion leaves them alone.
    assert page_state(part_2) == "edited"
    again = run("convert", str(source), "--out", str(content))
    assert again.returncode == 0 and "0 files written" in again.stdout


def test_a_rebuttal_the_editors_deleted_or_moved_does_not_come_back(tmp_path):
    source, content = converted_seed(tmp_path)
    part_2 = content / SLUG / "04-part-2.md"
    text = part_2.read_text(encoding="utf-8")

    # The rebuttal of paragraph 44 deleted, reference and all; the one of paragraph 40 moved to
    # paragraph 41 as it stands (its label still the converter's, para-40), its text untouched.
    definition_44 = re.search(r"\n\[\^para-44\]: [^\n]*\n(?:\n    [^\n]*\n)*", text).group(0)
    text = text.replace(definition_44, "\n", 1).replace("[^para-44]\n", "\n", 1)
    definition_40 = re.search(r"\n\[\^para-40\]: [^\n]*\n(?:\n    [^\n]*\n)*", text).group(0)
    text = text.replace(definition_40, "\n", 1).replace("[^para-40]\n", "\n", 1)
    anchor_41 = '{ #para-41 data-page="6" }\n'
    line_41 = re.search(r"^41\\\. .*$", text, re.M).group(0)
    text = text.replace(line_41, line_41 + "[^para-40]", 1).replace(anchor_41, anchor_41 + definition_40, 1)
    part_2.write_text(text, encoding="utf-8")
    before = Review(content)
    assert "para-44" not in before.rebuttals and "para-40" not in before.rebuttals
    assert before.rebuttals["para-41"].startswith("The CSA Centre is hosted by Barnardo’s.")

    # The source is corrected on the same page: a word of paragraph 43.
    edit(source, "7.5% of adults are estimated", "7.5% of adults are reckoned")
    merged = run("convert", str(source), "--out", str(content), "--merge")
    assert merged.returncode == 0, merged.stderr
    assert "2 rebuttals of the source's that the editors deleted or moved left off their items" in merged.stdout

    after = Review(content)
    assert "reckoned" in after.items["para-43"]
    assert "para-44" not in after.rebuttals and "para-40" not in after.rebuttals
    assert after.rebuttals["para-41"] == before.rebuttals["para-41"]
    assert sum(text.startswith("The CSA Centre is hosted") for text in after.rebuttals.values()) == 1  # once, on 41


def test_an_edited_rebuttal_stays_on_its_paragraph_when_a_figure_in_it_is_corrected(tmp_path):
    """Paragraph 43's "7.5% of adults" corrected to "7.6%": the same paragraph, its number and words
    kept, so the editors' rebuttal of it stays on it rather than waiting for an editor."""
    source, content = converted_seed(tmp_path)
    part_2 = content / SLUG / "04-part-2.md"
    edit(part_2, "[^para-43]: This ignores Mathews’", "[^para-43]: Edited: this ignores Mathews’")
    edit(source, "<p>43. 7.5% of adults", "<p>43. 7.6% of adults")

    merged = run("convert", str(source), "--out", str(content), "--merge")
    assert merged.returncode == 0, merged.stderr
    assert "1 changed (on the items they answer), 0 awaiting a paragraph" in merged.stdout
    review = Review(content)
    assert review.items["para-43"].startswith("43. 7.6% of adults")
    assert review.rebuttals["para-43"].startswith("Edited: this ignores Mathews’")
