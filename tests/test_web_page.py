"""A review handed on as a web page: its table's rows are rows, its headings headings, its styling left out."""

from __future__ import annotations

import pytest
from conftest import Review

from reviewgen.commands.convert import convert
from reviewgen.reading.source import read_source

# As Word's "Save as Web Page" writes one: a row over several lines of the file, styling on every element,
# Word's own tags, a bulleted list as paragraphs opening with Symbol's "·", a column-title row, and a
# handler an attacker typed into a cell.
WORD_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<title>Our response</title>
<style>
p.MsoNormal {margin:0cm}
</style>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Rivers Trust</o:Author></o:DocumentProperties></xml><![endif]-->
</head>
<body lang=EN-GB style='word-wrap:break-word'>
<div class=WordSection1>
<h1>Chapter 1: Clean water</h1>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
 <tr style='mso-yfti-irow:0'>
  <td width=301 valign=top><p class=MsoNormal><b>The plan says</b></p></td>
  <td width=301 valign=top><p class=MsoNormal><b>Our response</b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=301 valign=top style='width:225.4pt'>
  <p class=MsoNormal>1. We will cut sewage spills by half by
  2030.<o:p></o:p></p>
  </td>
  <td width=301 valign=top style='width:225.4pt'>
  <p class=MsoNormal>Half of what? The baseline is not <i>stated</i>.</p>
  </td>
 </tr>
 <tr>
  <td width=301 valign=top>
  <p class=MsoNormal>2. Water companies will publish data:</p>
  <p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
  style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;
  </span></span><![endif]>on every spill;<o:p></o:p></p>
  <p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
  style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;
  </span></span><![endif]>within an hour.<o:p></o:p></p>
  </td>
  <td width=301 valign=top><p class=MsoNormal><span style='color:red'>They must already.</span></p></td>
 </tr>
 <tr>
  <td width=301 valign=top><p class=MsoNormal>3. Fines will rise.</p></td>
  <td width=301 valign=top><p class=MsoNormal><o:p>&nbsp;</o:p></p></td>
 </tr>
</table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<h1>Chapter 2: Farming</h1>
<table class=MsoTableGrid border=1>
 <tr>
  <td width=301 valign=top><p class=MsoNormal>4. Farmers will be paid to plant buffer strips.</p></td>
  <td width=301 valign=top><p class=MsoNormal onclick="alert(1)">Paid from which budget?</p></td>
 </tr>
</table>
</div>
</body>
</html>
"""

# As Google Docs downloads one: the whole page on one line, classes for its styling, its list a real <ul>,
# and its links sent through Google's redirect.
DOCS_PAGE = (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">.c1{font-weight:700}</style></head>'
    '<body class="c9 doc-content"><h2 class="c5" id="h.x1"><span class="c1">Chapter 1: Teachers</span></h2>'
    '<table class="c8"><tbody>'
    '<tr class="c4"><td class="c2" colspan="1" rowspan="1"><p class="c0"><span>1. Every teacher will get a bonus.</span></p></td>'
    '<td class="c2" colspan="1" rowspan="1"><p class="c0"><span>Only those in </span><span class="c1">some</span><span>&nbsp;areas.</span></p></td></tr>'
    '<tr class="c4"><td class="c2"><p class="c0"><span>2. Training will be free.</span></p>'
    '<ul class="c7 lst-kix_a-0 start"><li class="c6 li-bullet-0"><span>for new teachers;</span></li><li class="c6 li-bullet-0"><span>for heads.</span></li></ul></td>'
    '<td class="c2"><p class="c0"><span>Free to whom? See </span><span class="c10">'
    '<a class="c11" href="https://www.google.com/url?q=https://example.org/training&amp;sa=D&amp;ust=1">the costings</a></span></p></td></tr>'
    '</tbody></table><p class="c0 c12"><span></span></p></body></html>'
)


def converted(tmp_path, name: str, page: str):
    source = tmp_path / name
    source.write_text(page, encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    return Review(tmp_path / "out", source.stem), summary


def test_a_word_web_page_gives_each_row_its_rebuttal_and_each_heading_its_page(tmp_path):
    review, summary = converted(tmp_path, "rivers.htm", WORD_PAGE)
    assert review.numbered() == [1, 2, 3, 4]
    assert review.items["para-1"] == "1. We will cut sewage spills by half by 2030."
    assert review.rebuttals["para-1"].startswith("Half of what? The baseline is not")
    assert "[^para-1]: Half of what? The baseline is not *stated*." in review.pages[0].read_text(encoding="utf-8")
    # the row's response answers the paragraph that leads its list, and the bullets are a list of its own items
    assert review.rebuttals["para-2"] == "They must already."
    bullets = review.order[review.order.index("para-2") + 1:review.order.index("para-3")]
    assert [review.items[item] for item in bullets] == ["on every spill;", "within an hour."]
    assert "para-3" not in review.rebuttals  # a cell of one no-break space is no response
    assert review.rebuttals["para-4"] == "Paid from which budget?"
    assert [page.read_text(encoding="utf-8").count("\n# Chapter") for page in review.pages] == [1, 1]
    assert "# Chapter 2: Farming" in review.pages[1].read_text(encoding="utf-8")
    # nothing of the page's head reaches a page: neither its title, its styles nor Word's properties
    text = " ".join(review.items.values())
    assert "Rivers Trust" not in text and "MsoNormal" not in text and "Our response" not in text


def test_a_web_page_names_only_what_a_reader_could_be_harmed_by_on_the_line_it_is_on(tmp_path):
    review, summary = converted(tmp_path, "rivers.htm", WORD_PAGE)
    lines = WORD_PAGE.split("\n")
    # the styling (class, style, width, Word's <o:p>) is no removal: the handler is the one
    assert summary.unsafe == 1
    removed = [note for note in summary.line_notes if "removed" in note]
    assert len(removed) == 1 and "removed onclick attribute" in removed[0]
    row = lines[line_of(removed[0]) - 1:]
    assert row[0] == " <tr>" and any("onclick" in line for line in row[:row.index(" </tr>")])  # in the row that line opens
    titles = next(note for note in summary.line_notes if "column titles" in note)
    assert "<tr" in lines[line_of(titles) - 1] and "The plan says" in lines[line_of(titles)]  # the row's line, where an override names it


def line_of(note: str) -> int:
    """The line a converter's note names: ``FILE:LINE: ...``."""
    return int(note.split(":")[1])


def test_a_google_docs_page_on_one_line_reads_as_rows_and_its_links_skip_the_redirect(tmp_path):
    review, _ = converted(tmp_path, "schools.html", DOCS_PAGE)
    assert review.numbered() == [1, 2]
    assert review.rebuttals["para-1"] == "Only those in some areas."
    assert review.rebuttals["para-2"] == "Free to whom? See the costings"
    page = review.pages[0].read_text(encoding="utf-8")
    assert "[the costings](https://example.org/training)" in page and "google.com" not in page
    after = review.order[review.order.index("para-2") + 1:]
    assert [review.items[item] for item in after] == ["for new teachers;", "for heads."]


def test_lines_of_a_web_page_are_the_lines_of_its_file(tmp_path):
    source = tmp_path / "rivers.htm"
    source.write_text(WORD_PAGE, encoding="utf-8")
    lines, file_lines = read_source(source), WORD_PAGE.split("\n")
    numbered = [at for at, line in enumerate(lines, 1) if "We will cut sewage" in line]
    assert len(numbered) == 1 and "<tr" in file_lines[numbered[0] - 1]  # where the row opens
    assert "Paid from which budget?" in lines[file_lines.index(" <tr>", file_lines.index("<h1>Chapter 2: Farming</h1>")) ]


@pytest.mark.parametrize("name", ["export.html", "export.txt"])
def test_an_export_of_lines_stays_an_export_of_lines_whatever_its_name(tmp_path, name):
    # The export's own format, with a figure's table inside a line: its lines are its lines.
    export = (
        "<h2>Part 1: Homes</h2>\t\n"
        "<p>1. We will build homes.</p>\t<p>How many?</p>\t\n"
        "<p>Figure 1: Homes built</p><table><tr><td>2020</td><td>200</td></tr></table>\t\n"
    )
    review, _ = converted(tmp_path, name, export)
    assert review.rebuttals["para-1"] == "How many?"
    assert review.numbered() == [1]


def test_a_page_nested_deeper_than_the_call_stack_still_reads(tmp_path):
    depth = 5000
    page = "<html><body>" + "<div>" * depth + "<table><tr><td><p>1. Deep words.</p></td><td><p>A reply.</p></td></tr></table>" + "</div>" * depth + "</body></html>"
    review, _ = converted(tmp_path, "deep.html", page)
    assert review.rebuttals["para-1"] == "A reply."


def test_words_notes_in_a_web_page_follow_the_cell_that_cites_them_in_its_column(tmp_path):
    page = """<html>
<body lang=EN-GB>
<h1>Chapter 1: Water</h1>
<table class=MsoTableGrid border=1>
 <tr>
  <td><p class=MsoNormal>1. We will cut spills.<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a></p></td>
  <td><p class=MsoNormal>By how much?<a href="#_ftn2" name="_ftnref2"><span class=MsoFootnoteReference>[2]</span></a></p></td>
 </tr>
 <tr><td><p class=MsoNormal>2. Fines will rise.</p></td><td><p class=MsoNormal>Good.</p></td></tr>
</table>
<div><br clear=all>
<hr align=left size=1 width="33%">
<div id=ftn1>
<p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1"><span class=MsoFootnoteReference>[1]</span></a> Defra, River Plan (2024), p. 4.</p>
</div>
<div id=ftn2>
<p class=MsoFootnoteText><a href="#_ftnref2" name="_ftn2"><span class=MsoFootnoteReference>[2]</span></a> Our analysis of EA data.</p>
</div>
</div>
</body>
</html>
"""
    review, _ = converted(tmp_path, "notes.htm", page)
    assert review.items["para-1"] == "1. We will cut spills.[1]"
    after = review.order[review.order.index("para-1") + 1:]
    assert [review.items[item] for item in after] == ["[1] Defra, River Plan (2024), p. 4.", "2. Fines will rise."]  # the original's note, after its paragraph; nothing at the end
    assert review.rebuttals["para-1"] == "By how much?[2] [2] Our analysis of EA data."  # the reviewer's, in the rebuttal
    assert review.rebuttals["para-2"] == "Good."
