"""A sentence a page break cut, the original's or the reviewer's, is one sentence again, answered as one."""

from __future__ import annotations

from conftest import Review

from reviewgen.commands.convert import convert

FOOTER = "\nSchools Coalition response\n\n"  # a running footer: it recurs, so it is dropped as one


def tail(first: int) -> str:
    """Paragraphs ``first`` to ``first + 3``, a page each, to end a source with."""
    return "".join(f"<p>{number}. We will report on it.</p>\t\n" + FOOTER for number in range(first, first + 4))


def converted(tmp_path, name: str, text: str) -> tuple[str, Review]:
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    convert(source, tmp_path / "out")
    page = next((tmp_path / "out" / name).glob("01-*.md")).read_text(encoding="utf-8")
    return page, Review(tmp_path / "out", name)


def test_the_original_cut_after_a_word_no_sentence_ends_on_goes_on_whatever_opens_its_rest(tmp_path):
    page, review = converted(tmp_path, "cut", (
        "<h2>Part 1: Schools</h2>\t\n<p>1. Every school will have a support team.</p>\t<p>By when?</p>\n"
        "<p>2. Ofsted will inspect how schools support pupils with special educational needs and the</p>\t\n" + FOOTER +
        "<p>Department for Education will publish the results.</p>\t<p>Published where?</p>\n"
        "<p>3. We will extend free school meals to</p>\t\n" + FOOTER +
        "<p>“all children in families receiving Universal Credit” from September.</p>\t<p>Only in England.</p>\n"
        + tail(4)
    ))
    assert review.items["para-2"] == ("2. Ofsted will inspect how schools support pupils with special educational needs and the "
                                      "Department for Education will publish the results.")
    assert review.rebuttals["para-2"] == "Published where?"
    assert review.items["para-3"] == "3. We will extend free school meals to “all children in families receiving Universal Credit” from September."
    assert review.rebuttals["para-3"] == "Only in England."
    assert review.numbered() == [1, 2, 3, 4, 5, 6, 7] and len(review.items) == 8  # the part's heading and the paragraphs, no piece apart
    assert "> " not in page  # the quoted rest is no quotation of its own


def test_the_reviewer_cut_by_a_page_break_goes_on_in_the_next_row_or_line(tmp_path):
    page, review = converted(tmp_path, "said", (
        "<h2>Part 1: Welfare</h2>\t\n"
        "<p>1. Universal Credit has been rolled out.</p>\t<p>Rolled out, with a five-week wait that pushes claimants into</p>\n" + FOOTER +
        "\t<p>debt before their first payment arrives.</p>\t\n"
        "<p>2. We will help more people into work.</p>\t<p>Through sanctions, which the</p>\n" + FOOTER +
        "<p></p>\t<p>National Audit Office found to be ineffective.</p>\n"
        "<p>3. We will review the benefit cap.</p>\t<p>The cap should be abolished, not</p>\n" + FOOTER +
        "reviewed.\n" + tail(4)
    ))
    assert review.rebuttals["para-1"] == "Rolled out, with a five-week wait that pushes claimants into debt before their first payment arrives."
    assert review.rebuttals["para-2"] == "Through sanctions, which the National Audit Office found to be ineffective."
    assert review.rebuttals["para-3"] == "The cap should be abolished, not reviewed."
    # one paragraph each, not two pieces of a sentence
    assert "claimants into debt before" in page and "which the National Audit Office" in page and "abolished, not reviewed." in page
    assert review.items["para-3"] == "3. We will review the benefit cap." and review.numbered() == [1, 2, 3, 4, 5, 6, 7]


def test_a_new_sentence_of_the_reviewer_stays_a_paragraph_of_its_own(tmp_path):
    page, review = converted(tmp_path, "apart", (
        "<h2>Part 1: Welfare</h2>\t\n<p>1. Universal Credit has been rolled out.</p>\t<p>Rolled out late.</p>\n" + FOOTER +
        "\t<p>The wait is five weeks.</p>\t\n" + tail(2)
    ))
    assert review.rebuttals["para-1"] == "Rolled out late. The wait is five weeks."
    assert "[^para-1]: Rolled out late.\n\n    The wait is five weeks.\n" in page  # two paragraphs of the footnote


def test_a_paragraph_cut_after_a_preposition_goes_on_and_a_title_ending_on_one_stays_a_title(tmp_path):
    page, review = converted(tmp_path, "across", (
        "<h2>Part 1: Health</h2>\t\n<p>1. Community diagnostic centres will open in towns across</p>\t\n" + FOOTER +
        "<p>England.</p>\t<p>Many are in car parks.</p>\n"
        "<p>2. Waiting lists will be cut by a third for patients referred by</p>\t\n" + FOOTER +
        "<p>General practitioners and hospital consultants in every region of the country.</p>\t<p>By 2030?</p>\n"
        "<h3>Who we work with</h3>\t\n"
        "<p>3. We will achieve this for every family by</p>\t\n<p>Investing in schools and health visiting services;</p>\t\n"
        "<p>Training every social worker in the new duties.</p>\t\n" + tail(4)
    ))
    assert review.items["para-1"] == "1. Community diagnostic centres will open in towns across England."
    assert review.rebuttals["para-1"] == "Many are in car parks."
    assert review.items["para-2"] == ("2. Waiting lists will be cut by a third for patients referred by General practitioners and "
                                      "hospital consultants in every region of the country.")
    assert review.rebuttals["para-2"] == "By 2030?"
    assert "\n## Who we work with\n" in page  # a heading of its own, not joined to what follows
    # a list the words before it introduce is no rest of theirs
    assert review.items["para-3"] == "3. We will achieve this for every family by"


def test_a_paragraph_that_lost_its_full_stop_on_a_preposition_goes_on_only_over_a_page_break(tmp_path):
    page, review = converted(tmp_path, "stop", (
        "<h2>Part 1: Partners</h2>\t\n<p>1. This chapter sets out what we will do, and who we will do it with</p>\t<p>Vague.</p>\n"
        "Partnership is at the heart of this strategy and of everything the Department does with local areas.\n" + tail(2)
    ))
    assert review.items["para-1"] == "1. This chapter sets out what we will do, and who we will do it with"
    assert review.items["para-1-partnership-is-at-the"].startswith("Partnership is at the heart")
