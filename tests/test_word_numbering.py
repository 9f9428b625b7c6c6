"""Paragraphs Word numbers itself keep their numbers: "43." is the original's, though no character of it is typed."""

from __future__ import annotations

import re

import docx

from conftest import Review

from reviewgen.commands.convert import convert
from reviewgen.reading.word_numbering import Counter, Level, Numbering, formatted, read_numbering

SLUG = "housing-plan"
ROWS = [  # (original, the response's points: one paragraph, or a numbered list of its own in the cell)
    ("We will build 300,000 homes a year.", ["Not once since 1977."]),
    ("Planning will be faster.", []),
    ("Councils will get new powers.", ["Three problems:", "No money.", "No staff.", "No land."]),
    ("Rents will fall.", ["By what measure?"]),
]


def test_word_counts_by_definition_and_level_and_restarts_where_an_instance_says():
    numbering = Numbering(
        abstract={"0": {0: Level(1, "decimal", "%1."), 1: Level(1, "lowerLetter", "(%2)"), 2: Level(1, "lowerRoman", "%1.%2.%3", legal=True)}},
        instances={"1": ("0", {}, {}), "2": ("0", {0: 1}, {}), "3": ("0", {}, {})},
    )
    counter = Counter(numbering)
    shown = [counter.label(num_id, ilvl) for num_id, ilvl in
             [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("3", 0), ("2", 0), ("1", 0)]]
    # a level restarts under a new parent; instance 3 shares instance 1's count; instance 2 restarts it once
    assert shown == ["1. ", "(a) ", "(b) ", "1.2.1 ", "2. ", "(a) ", "3. ", "1. ", "2. "]
    assert [formatted(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [formatted(n, "upperRoman") for n in (4, 9, 14, 1990)] == ["IV", "IX", "XIV", "MCMXC"]
    # a document may start a list anywhere: a number no letters or numerals can write stays in digits
    assert formatted(10**4000, "lowerRoman") == str(10**4000) and formatted(10**9, "lowerLetter") == str(10**9)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_level_that_never_restarts_counts_on_under_each_new_chapter_and_a_list_style_link_is_followed():
    # "Chapter %1:" over paragraphs "%2." numbered 1 to 4 straight through (lvlRestart 0), as documents number them
    numbering = read_numbering(f"""<w:numbering {W}>
      <w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Chapter %1:"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="96"><w:styleLink w:val="NumberedParas"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="97"><w:numStyleLink w:val="NumberedParas"/></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
      <w:num w:numId="96"><w:abstractNumId w:val="96"/></w:num><w:num w:numId="97"><w:abstractNumId w:val="97"/></w:num>
    </w:numbering>""".encode(), f"""<w:styles {W}><w:style w:type="numbering" w:styleId="NumberedParas">
      <w:pPr><w:numPr><w:numId w:val="96"/></w:numPr></w:pPr></w:style></w:styles>""".encode())
    counter = Counter(numbering)
    shown = [counter.label("1", ilvl) for ilvl in (0, 1, 1, 0, 1, 1)]
    assert shown == ["Chapter 1: ", "1. ", "2. ", "Chapter 2: ", "3. ", "4. "]
    # a list kept in a list style: the linked definition's levels, counted as one list with the style's own
    assert [counter.label(num_id, 0) for num_id in ("97", "97", "96")] == ["1. ", "2. ", "3. "]


def build(path):
    """The original's paragraphs numbered by Word's "List Number" style, a row each; one response a list of its own."""
    document = docx.Document()
    document.add_heading("Chapter 1: Homes", level=1)
    table = document.add_table(rows=0, cols=2)
    for original, response in ROWS:
        cells = table.add_row().cells
        cells[0].paragraphs[0].text = original
        cells[0].paragraphs[0].style = document.styles["List Number"]
        if response:
            cells[1].paragraphs[0].text = response[0]
            for point in response[1:]:
                cells[1].add_paragraph(point, style="List Number 2")
    document.save(path)
    return path


def test_paragraphs_word_numbers_keep_their_numbers_and_their_rebuttals(tmp_path):
    source = build(tmp_path / f"{SLUG}.docx")
    summary = convert(source, tmp_path / "content")
    assert summary.paragraphs == 4
    review = Review(tmp_path / "content", SLUG)
    assert review.numbered() == [1, 2, 3, 4]
    assert review.items["para-1"] == "1. We will build 300,000 homes a year."
    assert review.items["para-4"] == "4. Rents will fall."
    assert review.rebuttals["para-1"] == "Not once since 1977."
    assert "para-2" not in review.rebuttals
    assert review.rebuttals["para-4"] == "By what measure?"
    # the response's own list, in one cell, stays a list, numbered as Word numbers it
    page = (tmp_path / "content" / SLUG / "01-chapter-1.md").read_text(encoding="utf-8")
    assert "[^para-3]: Three problems:\n\n    1. No money.\n    2. No staff.\n    3. No land." in page


def test_a_table_with_a_column_of_numbers_keeps_each_number_on_its_paragraph(tmp_path):
    """Number | original | response, as many response tables are laid out (typed or Word's own numbers):
    the number opens its paragraph, and the third column is the response, not a lost column."""
    document = docx.Document()
    document.add_heading("Chapter 1: Homes", level=1)
    table = document.add_table(rows=0, cols=3)
    titles = table.add_row().cells  # the column titles, left out of the text
    titles[0].text, titles[1].text, titles[2].text = "No.", "Paragraph", "Our response"
    for number, (original, response) in enumerate(ROWS, 41):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"{number}.", original
        cells[2].text = response[0] if response else ""
    source = tmp_path / f"{SLUG}.docx"
    document.save(source)
    convert(source, tmp_path / "content")
    review = Review(tmp_path / "content", SLUG)
    assert review.numbered() == [41, 42, 43, 44]
    assert review.items["para-41"] == "41. We will build 300,000 homes a year."
    assert review.rebuttals["para-41"] == "Not once since 1977." and "para-42" not in review.rebuttals
    assert review.rebuttals["para-43"] == "Three problems:"
    words = " ".join([*review.items.values(), *review.rebuttals.values()])
    assert "Our response" not in words and "No." not in words  # the column titles are no one's words


def test_tracked_changes_neither_count_a_deleted_row_nor_take_the_numbering_a_paragraph_had_before():
    from reviewgen.reading.word_numbering import with_numbers_as_text

    numbering = read_numbering(f"""<w:numbering {W}><w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/>
      <w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="9"/></w:num>
      </w:numbering>""".encode(), None)
    numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr>'
    changed = ('<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr><w:jc w:val="left"/>'
               '<w:pPrChange w:id="5" w:author="R"><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrChange></w:pPr>')
    unnumbered_now = '<w:pPr><w:pPrChange w:id="6" w:author="R"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr>'

    def row(properties: str, text: str, deleted: bool = False) -> str:
        marked = '<w:trPr><w:del w:id="3" w:author="R"/></w:trPr>' if deleted else ""
        return f"<w:tr>{marked}<w:tc><w:p>{properties}<w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>"

    document = (f"<w:document {W}><w:body><w:tbl>" + row(numbered, "We will build.") + row(numbered, "Gone.", deleted=True)
                + row(changed, "Reoffending will fall.") + row(unnumbered_now, "A box.") + row(numbered, "Probation.")
                + "</w:tbl></w:body></w:document>").encode()
    written = with_numbers_as_text(document, numbering).decode()
    texts = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", written)
    assert texts == ["1. ", "We will build.", "Gone.", "2. ", "Reoffending will fall.", "A box.", "3. ", "Probation."]
