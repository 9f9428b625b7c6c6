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
  <p class=MsoListParagraph style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
  style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
  </span></span><![endif]>overflows included;<o:p></o:p></p>
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
    tmp_path.mkdir(parents=True, exist_ok=True)
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
    assert [review.items[item] for item in bullets] == ["on every spill;", "overflows included;", "within an hour."]
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


@pytest.mark.parametrize("name, wrapper", [("export.html", "{}"), ("export.txt", "{}"), ("wrapped.txt", "<html><body>\n{}</body></html>\n")])
def test_an_export_of_lines_stays_an_export_of_lines_whatever_its_name(tmp_path, name, wrapper):
    # The export's own format, with a figure's table inside a line (and once inside a page's tags): its lines are its lines.
    export = wrapper.format(
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


def page_of(body: str) -> str:
    return f"<!DOCTYPE html>\n<html>\n<head><title>A review</title></head>\n<body>\n{body}\n</body>\n</html>\n"


def test_what_the_page_keeps_from_readers_is_never_published(tmp_path):
    # reviewers' comments (Word's and Google Docs'), hidden text, a tracked deletion, and the page's script
    page = page_of("""<h1>Chapter 1: Water</h1>
<table>
<tr><td><p>1. Rivers will be clean.<a class=msocomanchor href="#_msocom_1">[JS1]</a></p></td>
<td><p>We <del cite="mailto:jane@example.org">strongly oppose</del><ins>question</ins> this.</p>
<p style='display:none'>Internal: drop this before publishing.</p></td></tr>
<tr><td><p>2. Fines will rise.<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p></td><td><p>Good.<script>alert(1)</script></p></td></tr>
</table>
<div style='mso-element:comment-list'><div style='mso-element:comment'><p class=MsoCommentText>Jane: we cannot say this.</p></div></div>
<div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Jane: check this with legal.</span></p></div>
<script>document.write("loose")</script>""")
    review, summary = converted(tmp_path, "kept.html", page)
    assert review.items["para-1"] == "1. Rivers will be clean." and review.items["para-2"] == "2. Fines will rise."
    assert review.rebuttals == {"para-1": "We question this.", "para-2": "Good."}
    written = " ".join(path.read_text(encoding="utf-8") for path in review.pages)
    for secret in ("Jane", "JS1", "[a]", "strongly oppose", "jane@example.org", "Internal", "alert", "loose", "script"):
        assert secret not in written, secret
    assert items_of(review) == ["para-1", "para-2"]


def items_of(review: Review) -> list[str]:
    """The review's items in order, its pages' headings aside."""
    return [item for item in review.order if item.startswith("para-")]


def test_markup_the_converter_has_no_name_for_keeps_its_words_and_shows_no_tag(tmp_path):
    page = page_of("""<h1>Chapter 1: Terms</h1>
<table>
<tr><td><p>1. The <abbr title="Department for Education">DfE</abbr> will <mark>act</mark> on <code>x&lt;y</code> by <time>2025</time>.</p></td>
<td><p>It said <q>soon</q> before.</p><blockquote>A quotation.</blockquote><dl><dt>Term</dt><dd>Its meaning.</dd></dl></td></tr>
</table>""")
    review, summary = converted(tmp_path, "terms.html", page)
    assert review.items["para-1"] == "1. The DfE will act on x<y by 2025."
    rebuttal = review.rebuttals["para-1"]
    assert rebuttal.startswith("It said \u201csoon\u201d before.") and "A quotation." in rebuttal and "Term" in rebuttal and "Its meaning." in rebuttal
    written = " ".join(path.read_text(encoding="utf-8") for path in review.pages)
    assert "\n\n    Term\n\n    Its meaning." in written  # blocks stay apart
    assert "&lt;abbr" not in written and "&lt;q" not in written and "<dl" not in written
    assert summary.unsafe == 0


def test_unclosed_paragraphs_cells_and_rows_close_where_a_browser_closes_them(tmp_path):
    page = page_of("""<h1>Chapter 1: Loose</h1>
<p>Intro one.
<table>
<tr><td>1. First claim here.<td>First reply here.
<tr><td>2. Second claim here.<td>Second reply here.
</table>
<p>After the table.""")
    review, summary = converted(tmp_path, "loose.html", page)
    assert review.rebuttals == {"para-1": "First reply here.", "para-2": "Second reply here."}
    assert [review.items[item] for item in items_of(review)] == ["Intro one.", "1. First claim here.", "2. Second claim here.", "After the table."]
    assert summary.unsafe == 0


def test_a_numbered_list_that_opens_a_cell_numbers_the_originals_paragraphs(tmp_path):
    # Google Docs and LibreOffice number paragraphs with <ol start>; a list after a cell's paragraph stays a list
    page = page_of("""<h1>Chapter 3: Roads</h1>
<table>
<tr><td><ol start="12"><li><p>Potholes will be fixed within a week.</p></li></ol></td><td><p>They are not.</p></td></tr>
<tr><td><ol start="13"><li>Speed limits will be reviewed:</li></ol><ol><li>on A roads;</li><li>near schools.</li></ol></td><td><p>By whom?</p></td></tr>
</table>""")
    review, _ = converted(tmp_path, "roads.html", page)
    assert review.numbered() == [12, 13]
    assert review.items["para-12"] == "12. Potholes will be fixed within a week."
    assert review.rebuttals == {"para-12": "They are not.", "para-13": "By whom?"}
    listed = review.order[review.order.index("para-13") + 1:]
    assert [review.items[item] for item in listed] == ["on A roads;", "near schools."]


@pytest.mark.parametrize("citation, note", [
    ('<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>',  # Google Docs
     '<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span> ONS, House building.</span></p></div>'),
    ('<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a>',  # LibreOffice
     '<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a> ONS, House building.</p></div>'),
    ('<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>',  # pandoc
     '<section class="footnotes"><hr><ol><li id="fn1"><p>ONS, House building.<a href="#fnref1" class="footnote-back">\u21a9\ufe0e</a></p></li></ol></section>'),
])
def test_a_note_follows_the_cell_that_cites_it_whoever_wrote_the_page(tmp_path, citation, note):
    page = page_of(f"""<h1>Chapter 1: Housing</h1>
<table>
<tr><td><p>1. We will build homes.</p></td><td><p>Not since 1969.{citation}</p></td></tr>
<tr><td><p>2. Rents will fall.</p></td><td><p>By what measure?</p></td></tr>
</table>
{note}""")
    review, _ = converted(tmp_path, "notes.html", page)
    assert review.rebuttals == {"para-1": "Not since 1969.[1] [1] ONS, House building.", "para-2": "By what measure?"}
    assert items_of(review) == ["para-1", "para-2"]


def test_rows_of_header_cells_are_titles_a_row_heading_or_a_heading_across_the_table_is_text(tmp_path):
    page = page_of("""<table>
<tr><th>Plan text</th><th>Our view</th></tr>
<tr><th colspan=2>Chapter 1: Water</th></tr>
<tr><th scope=row>1. The plan sets targets</th><td>Targets are vague</td></tr>
<tr><th colspan=2>Chapter 2: Air quality in cities</th></tr>
<tr><th scope=row>2. Funding is confirmed</th><td>Not in the Budget</td></tr>
</table>""")
    review, summary = converted(tmp_path, "heads.html", page)
    assert review.rebuttals == {"para-1": "Targets are vague", "para-2": "Not in the Budget"}
    titles = [note for note in summary.line_notes if "column titles" in note]
    assert len(titles) == 1 and "Plan text | Our view" in titles[0]
    written = [path.read_text(encoding="utf-8") for path in review.pages]
    assert any("# Chapter 1: Water" in page for page in written) and any("# Chapter 2: Air quality in cities" in page for page in written)


def test_a_table_inside_a_wrapper_or_a_layout_table_is_still_the_reviews(tmp_path):
    rows = "<table><tr><td><p>1. First claim.</p></td><td><p>First reply.</p></td></tr></table>"
    for wrapped in (f"<figure class=table>{rows}</figure>", f"<blockquote>{rows}</blockquote>",
                    f"<table><tr><td><h1>Chapter 1: Layout</h1>{rows}</td></tr></table>"):
        review, _ = converted(tmp_path / str(len(wrapped)), "wrapped.html", page_of(wrapped))
        assert review.rebuttals == {"para-1": "First reply."}, wrapped


def test_a_tables_caption_heads_it_and_says_no_table_was_lost(tmp_path):
    page = page_of("""<h1>Chapter 1: Caption</h1>
<table><caption>Table 1: Responses to the consultation</caption>
<tr><td><p>1. First claim.</p></td><td><p>First reply.</p></td></tr></table>""")
    review, _ = converted(tmp_path, "caption.html", page)
    written = " ".join(path.read_text(encoding="utf-8") for path in review.pages)
    assert "# Table 1: Responses to the consultation" in written and "figure-lost" not in written
    assert review.rebuttals == {"para-1": "First reply."}


def test_a_page_is_read_in_the_encoding_it_declares(tmp_path):
    page = page_of('<meta http-equiv=Content-Type content="text/html; charset=windows-1252">'
                   "<table><tr><td><p>1. The fee is \u00a330 \u2013 caf\u00e9.</p></td><td><p>Too much.</p></td></tr></table>")
    source = tmp_path / "fees.htm"
    source.write_bytes(page.encode("cp1252"))
    convert(source, tmp_path / "out")
    review = Review(tmp_path / "out", "fees")
    assert review.items["para-1"] == "1. The fee is \u00a330 \u2013 caf\u00e9." and review.rebuttals["para-1"] == "Too much."


def test_a_fragment_named_as_a_web_page_is_one_and_a_page_of_paragraphs_reads_as_bare_lines(tmp_path):
    fragment = ('<h1 id="chapter-1">Chapter 1: Energy</h1>\n<table>\n<colgroup>\n<col style="width: 50%" />\n</colgroup>\n'
                "<tr>\n<td><p>1. Bills will fall.</p></td>\n<td><p>They rose.</p></td>\n</tr>\n</table>\n")
    review, summary = converted(tmp_path / "pandoc", "energy.html", fragment)
    assert review.rebuttals == {"para-1": "They rose."} and summary.unsafe == 0
    review, _ = converted(tmp_path / "plain", "plain.html", page_of("<h1>Chapter 1: Schools</h1>\n<p>1. Every school will get a roof.</p>"))
    assert review.items["para-1"] == "1. Every school will get a roof."
    assert "DOCTYPE" not in " ".join(path.read_text(encoding="utf-8") for path in review.pages)


def test_a_pages_contents_are_left_out_and_a_table_of_figures_is_a_figure(tmp_path):
    page = page_of("""<h1>Contents</h1>
<table>
<tr><td><a href="#_Toc1">Chapter 1: Water</a></td><td>3</td></tr>
<tr><td><a href="#h.air">Chapter 2: Air</a></td><td>7</td></tr>
</table>
<h1><a name="_Toc1"></a>Chapter 1: Water</h1>
<table><tr><td><p>1. Rivers will be clean.</p></td><td><p>Doubtful.</p></td></tr></table>
<p>Figure 1: Spills by year</p>
<table>
<tr><th>Region</th><th>2020</th><th>2021</th></tr>
<tr><td>North</td><td>1,200</td><td>1,350</td></tr>
<tr><td>South</td><td>900</td><td>n/a</td></tr>
</table>
<table><tr><td><p>2. Fines will rise.</p></td><td><p>Good.</p></td></tr></table>
<h1 id="h.air">Chapter 2: Air</h1>
<table><tr><td><p>3. Air will be clean.</p></td><td><p>When?</p></td></tr></table>""")
    review, summary = converted(tmp_path, "contents.html", page)
    assert [path.name for path in review.pages] == ["01-chapter-1.md", "02-chapter-2.md"]  # no page for the contents
    assert review.rebuttals == {"para-1": "Doubtful.", "para-2": "Good.", "para-3": "When?"}
    first = review.pages[0].read_text(encoding="utf-8")
    assert "| Region | 2020 | 2021 |\n|---|---|---|\n| North | 1,200 | 1,350 |\n| South | 900 | n/a |" in first  # the figures stay a table
    assert "**Figure 1: Spills by year**" in first and not any("column titles" in note for note in summary.line_notes)


def test_a_list_a_paragraph_introduces_between_the_tables_numbers_no_paragraph(tmp_path):
    page = page_of("""<h1>Introduction</h1><p>Our three main concerns are:</p>
<ol><li>It is not funded.</li><li>It is too slow.</li></ol>
<ol id="breadcrumbs"><li>Policy Team</li><li>Reviews</li></ol>
<h1>Chapter 1: Water</h1>
<table><tr><td>1. Rivers will be clean.</td><td>They will not.</td></tr><tr><td>2. Lakes will be clean.</td><td>Nor these.</td></tr></table>""")
    review, summary = converted(tmp_path, "intro.html", page)
    assert review.numbered() == [1, 2] and review.rebuttals == {"para-1": "They will not.", "para-2": "Nor these."}
    assert "It is not funded." in review.items.values() and not any("follows paragraph" in note or "after paragraph" in note for note in summary.line_notes)


def test_notes_keep_their_own_text_and_mark_when_two_show_the_same_mark(tmp_path):
    chapter = """<h1>Chapter {n}: {name}</h1>
<table><tr><td>{n}. The plan for {name}.</td><td>Reply {n}.<a href="#ch{n}-fn1" id="ch{n}-fnref1"><sup>1</sup></a>{star}</td></tr></table>
<ol><li id="ch{n}-fn1"><p>Note of chapter {n}.<a href="#ch{n}-fnref1">\u21a9</a></p></li></ol>"""
    star = '<a href="#_ftn9" name="_ftnref9">*</a>'
    page = page_of(chapter.format(n=1, name="water", star=star) + chapter.format(n=2, name="air", star="")
                   + '<div id=ftn9><p><a href="#_ftnref9" name="_ftn9">*</a> The starred note.</p></div>')
    review, _ = converted(tmp_path, "notes.html", page)
    assert review.rebuttals == {
        "para-1": "Reply 1.[1][*] [1] Note of chapter 1. [*] The starred note.",
        "para-2": "Reply 2.[1] [1] Note of chapter 2.",
    }


def test_a_response_that_links_to_a_heading_is_a_response_and_a_dash_is_no_figure(tmp_path):
    page = page_of("""<h1>Chapter 1: Water</h1>
<table><tr><th>No.</th><th>Original</th><th>Response</th></tr>
<tr><td>1</td><td>We will build homes.</td><td><p><a href="#h.air">Chapter 2</a></p></td></tr>
<tr><td>2</td><td>Councils will get powers.</td><td>\u2013</td></tr>
<tr><td>3</td><td>Rents will be capped.</td><td>n/a</td></tr></table>
<h1 id="h.air">Chapter 2: Air</h1>""")
    review, _ = converted(tmp_path, "links.html", page)
    assert review.numbered() == [1, 2, 3]
    assert review.rebuttals == {"para-1": "Chapter 2", "para-3": "n/a"}  # a dash alone is no response


def test_text_the_page_hides_by_attribute_or_a_commented_style_is_not_published(tmp_path):
    page = page_of("""<table><tr><td>1. Rivers will be clean.</td><td>Reply one.<span hidden>HIDDEN ATTRIBUTE</span>
<span style="display:/**/none">COMMENTED STYLE</span></td></tr>
<tr hidden><td>2. A hidden row.</td><td>HIDDEN ROW</td></tr></table>""")
    review, _ = converted(tmp_path, "hidden.html", page)
    assert review.rebuttals == {"para-1": "Reply one."} and review.numbered() == [1]


def test_a_list_in_a_cell_is_no_unsafe_markup_and_a_declared_utf16_is_read_as_browsers_read_it(tmp_path):
    page = page_of('<meta charset="utf-16"><table><tr><td>1. Rivers will be clean.</td>'
                   '<td><p>Our reasons:</p><ol start="3" type="a"><li>Cost.</li><li>Time.</li></ol></td></tr></table>')
    review, summary = converted(tmp_path, "lists.html", page)
    assert summary.unsafe == 0 and review.rebuttals == {"para-1": "Our reasons: Cost. Time."}
