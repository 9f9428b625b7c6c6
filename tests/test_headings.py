"""Documents named their own way: heading levels read from the document (its table of
contents, the forms that recur, what holds numbered paragraphs), or named in its configuration."""

from __future__ import annotations

import shutil
from pathlib import Path

from reviewgen.document.config import SourceConfig, load_config
from reviewgen.commands.convert import convert_document
from reviewgen.writing.pages import review_pages
from reviewgen.reading.parser import parse_lines

FIXTURES = Path(__file__).parent / "fixtures"


def page_names(source: str, config: SourceConfig | None = None) -> list[str]:
    config = config or SourceConfig(slug="r")
    document = parse_lines(source.split("\n"), config, "r.txt")
    return [page.path.removeprefix("r/") for page in review_pages(document, config) if page.path != "r/index.md"]


def test_a_table_of_contents_is_skipped_and_names_the_parts(tmp_path):
    source = tmp_path / "plan.txt"
    shutil.copy(FIXTURES / "contents-review.txt", source)
    document, pages, _ = convert_document(source, load_config(source))
    assert [page.path for page in pages][1:] == [
        "plan/01-a-plan-for-community-care.md",
        "plan/02-introduction.md",  # no number, no part word: a part because the contents list it with the chapters
        "plan/03-chapter-1/index.md", "plan/03-chapter-1/04-section-1.md", "plan/03-chapter-1/05-section-2.md",
        "plan/06-chapter-2/index.md", "plan/06-chapter-2/07-section-1-2.md", "plan/06-chapter-2/08-section-2-2.md",
        "plan/09-conclusion.md",
    ]
    assert [(d.line, d.reason) for d in document.dropped] == [(n, "contents") for n in range(3, 10)]
    assert [(d.rule, d.kind) for d in document.decisions if d.line == 4] == [("contents", "table of contents")]
    assert [(d.rule, d.kind, d.item_id) for d in document.decisions if d.line == 24] == [("document heading", "heading", "conclusion")]
    text = "\n".join(page.text for page in pages)
    assert "....." not in text and "Contents" not in text
    conclusion = pages[-1].text
    assert "# Conclusion" in conclusion and "7\\. Together these steps will transform care.[^para-7]" in conclusion
    assert "[^para-7]: Without funding they transform nothing." in conclusion
    introduction = pages[2].text
    assert "1\\. This plan sets out" in introduction and "[^para-1]: Closer to home for whom?" in introduction


THEMES = """<p>Theme 1: Prevention</p>\t
<p>1. We will act early.</p>\t<p>Early is a word, not a budget.</p>\t
<p>2. Schools will teach safety.</p>\t
<p>Theme 2: Protection</p>\t
<p>3. Every area will have a hub.</p>\t
<p>Theme 3: Justice</p>\t
<p>4. Cases will be heard faster.</p>\t"""


def test_a_recurring_form_that_holds_the_numbered_paragraphs_is_the_part_when_no_part_word_is_used():
    assert page_names(THEMES) == ["01-theme-1.md", "02-theme-2.md", "03-theme-3.md"]


def test_objectives_under_parts_keep_their_rank():
    source = "<p>Part 1: Aims</p>\t\n<p>Objective 1: Know more</p>\t\n<p>1. We will study.</p>\t\n<p>Objective 2: Do more</p>\t\n<p>2. We will act.</p>\t"
    assert page_names(source) == ["01-part-1/index.md", "01-part-1/02-objective-1.md", "01-part-1/03-objective-2.md"]


def test_the_configuration_names_words_and_titles_of_parts():
    source = """<p>Priority 1: Homes</p>\t
<p>1. We will build.</p>\t
<p>Priority 2: Jobs</p>\t
<p>2. We will train.</p>\t
<p>Looking ahead</p>\t
<p>3. We will report each year.</p>\t"""
    assert page_names(source, SourceConfig(slug="r", heading_parts=("Priority", "Looking ahead"))) == [
        "01-priority-1.md", "02-priority-2.md", "03-looking-ahead.md",
    ]
    # without the configuration the same forms still recur and hold paragraphs, but "Looking ahead" is a heading on the last page
    assert page_names(source) == ["01-priority-1.md", "02-priority-2.md"]


def test_a_short_run_of_titles_without_repeats_is_not_contents():
    source = "<p>Introduction</p>\t\n<p>Our aims</p>\t\n<p>What we found</p>\t\n<p>1. The study ran for two years.</p>\t"
    document = parse_lines(source.split("\n"), SourceConfig(slug="r"), "r.txt")
    assert not [d for d in document.dropped if d.reason == "contents"]


def test_an_override_keeps_a_line_taken_as_contents(tmp_path):
    source = tmp_path / "plan.txt"
    shutil.copy(FIXTURES / "contents-review.txt", source)
    source.with_suffix(".yml").write_text("overrides:\n  - {line: 3, column: original}\n", encoding="utf-8")
    document, pages, _ = convert_document(source, load_config(source))
    assert [d.line for d in document.dropped if d.reason == "contents"] == [4, 5, 6, 7, 8, 9]
    assert "Contents" in pages[1].text


def test_the_same_contents_in_bare_lines_give_the_same_parts():
    tagged = (FIXTURES / "contents-review.txt").read_text(encoding="utf-8")
    bare = tagged.replace("<p>", "").replace("</p>", "").replace("\t\n", "\n")
    assert "<" not in bare and "\tCloser to home" in bare
    assert page_names(bare) == page_names(tagged) == [
        "01-a-plan-for-community-care.md", "02-introduction.md", "03-chapter-1/index.md", "03-chapter-1/04-section-1.md",
        "03-chapter-1/05-section-2.md", "06-chapter-2/index.md", "06-chapter-2/07-section-1-2.md",
        "06-chapter-2/08-section-2-2.md", "09-conclusion.md",
    ]


def test_a_heading_set_all_in_bold_is_a_heading_without_the_bold_one_with_a_bold_word_keeps_it():
    source = (
        "<p><b>Chapter 1: Local Government Finance</b></p>\t\n<p>1. Councils will receive a settlement.</p>\t<p>Finally.</p>\n"
        "<p><strong>Business rates</strong></p>\t<p>Promised since 2016.</p>\n<p>2. We will reform business rates.</p>\t\n"
        "**Council tax**\t\n<p>3. We will cap council tax.</p>\t\n<p>Chapter 2: Social care <b>now</b></p>\t\n<p>4. We will act.</p>\t\n"
    )
    config = SourceConfig(slug="r")
    pages = {page.path: page.text for page in review_pages(parse_lines(source.split("\n"), config, "r.txt"), config)}
    first = pages["r/01-chapter-1.md"]
    assert "\n# Chapter 1: Local Government Finance\n" in first and "title: 'Chapter 1: Local Government Finance'" in first
    assert "\n## Business rates[^para-1-business-rates]" in first and "\n## Council tax\n" in first and "**" not in first
    assert "\n# Chapter 2: Social care **now**\n" in pages["r/02-chapter-2.md"]


def test_a_part_word_with_its_number_in_words_or_its_title_after_a_space_is_a_part():
    source = ("CHAPTER 1 THE MISSIONS\n<p>1. We will act.</p>\t\nChapter Two: Agriculture\n<p>2. We will farm.</p>\t\n"
              "Chapter 3 The regions\n<p>3. Part 3 of the plan sets out the regions' role.</p>\t\n<p>4. We will report.</p>\t")
    assert page_names(source) == ["01-chapter-1-the-missions.md", "02-chapter-two-agriculture.md", "03-chapter-3-the-regions.md"]
