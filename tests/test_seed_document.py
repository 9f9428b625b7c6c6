"""The embedded review, checked the way a reader would check it."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import SEED, SLUG, reviewgen

SOURCE_LINES = SEED.read_text(encoding="utf-8").split("\n")


def source_paragraphs() -> dict[int, str]:
    """Numbered paragraphs read straight from the source's left column, independently of reviewgen."""
    found: dict[int, str] = {}
    expected = 1
    for line in SOURCE_LINES:
        left = line.split("\t")[0]
        text = " ".join(BeautifulSoup(left, "html.parser").get_text(" ").split())
        text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text).replace("**", "")  # the source's own Markdown
        match = re.match(r"(\d+)\. ", text)
        if match and int(match.group(1)) == expected:
            found[expected] = text
            expected += 1
    return found


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:['’]\w+)*", text)


def test_all_268_numbered_paragraphs_once_in_order(review):
    assert review.numbered() == list(range(1, 269))


def test_each_numbered_paragraph_is_the_source_word_for_word(review):
    source = source_paragraphs()
    assert len(source) == 268
    for number, text in source.items():
        assert words(review.items[f"para-{number}"]) == words(text), number
        # spacing and punctuation too, not just the words
        assert review.items[f"para-{number}"].replace(" ", "") == text.replace(" ", ""), number


def test_paragraphs_cut_by_page_breaks_come_out_whole(review):
    between_lines = review.find("between April and August 2020, with 29% more reports received")
    inside_a_line = review.find("We are committed to the UN Sustainable Development Goals, including target 16.2")
    in_a_bullet = review.find("how to report concerns (Objective 2.1);")
    assert len({between_lines, inside_a_line, in_a_bullet}) == 3


def test_a_heading_after_an_unpunctuated_bullet_is_not_taken_for_its_rest(seed_content, review):
    from conftest import render_page

    bullet = review.find("We will maximise the effectiveness of Sexual Harm Prevention Orders")
    assert review.items[bullet].endswith("Sexual Risk Orders and Child Abduction Warning Notices")
    page = render_page(next((seed_content / SLUG).rglob("*objective-1.md")))
    assert "1.1 Building capacity in the criminal justice system" in [h.get_text() for h in page.find_all("h2")]


# Hand-read from the source: the item (by a phrase of its own text) and the start of its rebuttal.
ATTACHMENTS = [
    ("3. The Home Office will build the capacity", "Using what increased sources of funding?"),
    ("3. The Home Office will build the capacity", "The £85m for the CPS will not reverse a 30% cut"),
    ("44. Over recent years, we have seen steep increases", "Nothing about substantiations or subsequent prosecutions."),
    ("63. Children with disabilities or long-term health problems", "Here is a key reason for the low investment"),
    ("92. Our understanding of offenders is limited", "That being the case, we can hardly claim to be world-leading"),
    ("168. It is not the responsibility of a child", "But Government has consistently not empowered the professions"),
    ("169. A key part of protecting children", "1001 days caught our attention"),
    ("169. A key part of protecting children", "Principle funder of the charity is the Ana Leaf Foundation"),
    ("Throughout my career in politics", "On 16th December 2012 President Obama said"),
    ("Throughout my career in politics", "Our review of this document demonstrates the lack of commitment"),
    ("I will not tolerate these crimes", "When you have to say “absolutely clear” twice"),
    ("Bringing more offenders to justice and increasing effective trials", "And this also."),
    ("There will be an increase in the number of effective trials", "Nothing is stated as to how this will be achieved"),
    ("We will fuse capabilities across agencies", "‘Fuse’ indeed."),
    ("2.10 How has COVID-19 impacted", "see note below"),
    ("Principle 1: Safeguarding is everyone’s responsibility", "It should be 'your' responsibility."),
    ("On 15 December 2020 we published a paper", "Important again"),
    ("On 15 December 2020 we published a paper", "Again “a lack of robust data and evidence in this space”"),
    ("In my first week at school, the headmaster", "See Mandate Now commentary and link in para 69."),
    ("Engaging with criminal justice partners, academics", "Regulated Activities are ignored"),
    ("Schools will be empowered to educate children", "“empowered” or “required”?"),
    ("Thinkuknow is the national online safety education programme", "https://www.thinkuknow.co.uk/"),
    ("80. A particular type of child sexual abuse", "a. predominantly, but not exclusively, male;"),
]

FIGURE_ATTACHMENTS = [
    ("figure-1", "There's nothing here as to any specific proposals"),
    ("figure-1", "In neither of those examples is any specific policy initiative offered"),
    ("figure-2", "“Relentless”, “Highest levels”, “global reach”."),
    # the reviewer answers Figure 5's Greater Manchester Police note, on that note's row
    ("figure-5-note-4", "We're getting worse at recording data, not better!"),
    ("figure-7", "These are really shocking figures."),
    ("figure-9", "There is an error in this chart."),
]


def test_rebuttals_are_attached_to_the_item_they_answer(review):
    for phrase, rebuttal in ATTACHMENTS:
        item_id = review.find(phrase)
        assert rebuttal in review.rebuttals.get(item_id, ""), (phrase, item_id)


def test_commentary_on_figures_is_attached_to_the_figure(review):
    for figure_id, rebuttal in FIGURE_ATTACHMENTS:
        assert rebuttal in review.rebuttals.get(figure_id, ""), figure_id


def test_paragraphs_without_commentary_have_no_rebuttal(review):
    for number in (1, 23, 45, 47, 104, 268):
        assert f"para-{number}" not in review.rebuttals, number


def test_reviewer_text_never_inside_the_original_and_back(review):
    assert "Nothing about substantiations" not in review.items["para-44"]
    assert "That being the case" not in review.items["para-92"]
    assert "From what study is this drawn" not in review.items["para-93"]
    assert "On 16th December 2012" not in " ".join(review.items.values())
    assert "Over recent years, we have seen steep increases" not in " ".join(review.rebuttals.values())


# The running footer as the export garbled it, read by hand from the source.
FOOTER_LINES = {
    22, 40, 66, 76, 110, 171, 192, 212, 224, 230, 306, 342, 352, 353, 395, 407, 450, 473, 486,
    558, 565, 576, 611, 627, 633, 643, 658, 692, 698, 719, 721, 731, 769, 799, 874,
}


def test_running_footer_is_dropped_and_nothing_else(seed_content):
    from reviewgen.document.config import load_config
    from reviewgen.reading.parser import parse_file

    document = parse_file(SEED, load_config(SEED))
    dropped = {d.line for d in document.dropped if d.reason == "furniture"}
    assert dropped == FOOTER_LINES
    text = "\n".join(p.read_text(encoding="utf-8") for p in (seed_content / SLUG).rglob("*.md"))
    for number in FOOTER_LINES:
        footer = SOURCE_LINES[number - 1].strip()
        assert not re.search(rf"^{re.escape(footer)}$", text, re.MULTILINE), footer
    assert "Important again" in text  # short and standalone, but content


def test_each_table_once_with_its_deliberate_duplicate_label(seed_content):
    text = "\n".join(p.read_text(encoding="utf-8") for p in (seed_content / SLUG).rglob("*.md"))
    assert text.count("Didn't think they would believe me") == 1
    assert text.count("| Other family member |") == 2
    assert text.count("| Step-father | 7% |") == 1


def test_audit_reports_no_word_lost_or_added(seed_content):
    result = reviewgen("audit", str(SEED), "--content", str(seed_content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lost: 0; added: 0" in result.stdout
    assert int(re.search(r"source words: (\d+)", result.stdout).group(1)) > 40000


def test_audit_fails_when_a_word_is_lost(seed_content, tmp_path):
    import shutil

    damaged = tmp_path / "content"
    shutil.copytree(seed_content, damaged)
    page = next((damaged / SLUG).rglob("*part-2.md"))
    page.write_text(page.read_text(encoding="utf-8").replace("Operation Yewtree", "Operation"), encoding="utf-8")
    result = reviewgen("audit", str(SEED), "--content", str(damaged))
    assert result.returncode == 1
    assert "lost: Yewtree" in result.stdout


def test_case_studies_quotations_and_commitments_are_what_they_are(seed_content):
    from conftest import render_page

    soup = render_page(next((seed_content / SLUG).rglob("*part-2.md")))
    case_titles = [t.get_text() for t in soup.select(".admonition.example .admonition-title")]
    assert case_titles and set(case_titles) == {"CASE STUDY"}
    quotes = [" ".join(q.get_text(" ").split()) for q in soup.find_all("blockquote")]
    assert any(q.startswith("“I always felt guilty") for q in quotes)
    objective = render_page(next((seed_content / SLUG).rglob("*objective-1.md")))
    commitments = [" ".join(c.get_text(" ").split()) for c in objective.select(".admonition.commitment")]
    assert any(c.startswith("We will fuse capabilities across agencies") for c in commitments)
    assert objective.find(id="figure-1") is None
    glossary = render_page(next((seed_content / SLUG).rglob("*bibliography.md")))
    assert any("Whitaker, Daniel J." in li.get_text() for li in glossary.find_all("li"))
