"""A Word document with a two-column table converts like an export: every row's cells on their item."""

from __future__ import annotations

import pytest

from conftest import Review, mkdocs_build
from word_document import CHAPTER_1, CHAPTER_2, build, word_table

from reviewgen.commands.audit import audit
from reviewgen.commands.check import check_content
from reviewgen.commands.convert import convert, convert_document
from reviewgen.document.errors import ReviewgenError
from reviewgen.reading.source import read_source
from reviewgen.reading.word import html_lines
from reviewgen.reading.word_numbering import note_formats

SLUG = "workforce-plan"


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("word")
    sources = folder / "sources"
    sources.mkdir()
    source = build(sources / f"{SLUG}.docx")
    (sources / f"{SLUG}.yml").write_text("title: The workforce plan reviewed\nreviewer: Nurses Now\n", encoding="utf-8")
    summary = convert(source, folder / "content")
    return folder, source, summary


@pytest.fixture(scope="module")
def review(converted):
    folder, _, _ = converted
    return Review(folder / "content", SLUG)


def numbered(rows, first):
    return [(f"para-{number}", original, response) for number, (original, response) in enumerate(rows, first)]


EXPECTED = numbered(CHAPTER_1, 1) + numbered(CHAPTER_1, 11) + numbered(CHAPTER_2, 19)


@pytest.mark.parametrize("item_id, original, response", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_each_rows_response_answers_the_paragraph_on_its_row(review, item_id, original, response):
    number = item_id.removeprefix("para-")
    assert review.items[item_id] == f"{number}. {original}"
    if response:
        assert review.rebuttals[item_id] == response
    else:
        assert item_id not in review.rebuttals


def test_rows_numbered_on_keep_their_number_and_unanswered_rows_stay_unanswered(review):
    assert review.numbered() == list(range(1, 32))
    assert review.rebuttals["para-23"] == "Commitment 23 has slipped before."
    assert "para-22" not in review.rebuttals


def test_bold_italic_and_a_link_survive_in_both_columns(converted):
    folder, _, _ = converted
    page = next((folder / "content" / SLUG).glob("*chapter-1*.md")).read_text(encoding="utf-8")
    assert "9\\. We will **never** cap training places." in page
    assert "The *cap* exists already: see [the funding letter](https://example.org/funding-letter)." in page


def test_a_list_in_the_original_is_a_list_and_the_response_answers_its_lead_in(review):
    assert review.items["para-10"] == "10. The plan has three aims:"
    assert review.rebuttals["para-10"] == "None of the three aims has a measure."
    for aim in ("train more staff", "keep the staff we have", "work differently"):
        assert aim in review.items[review.find(aim)]
        assert review.find(aim) not in review.rebuttals


def test_headings_outside_the_table_start_pages_and_a_merged_row_is_a_heading(converted):
    folder, _, _ = converted
    names = sorted(path.name for path in (folder / "content" / SLUG).glob("[0-9]*.md"))
    assert [name.split("-", 1)[1] for name in names] == ["chapter-1.md", "chapter-2.md", "annex-a-data-sources.md"]
    chapter_1 = next(path for path in (folder / "content" / SLUG).glob("*chapter-1*.md")).read_text(encoding="utf-8")
    assert "## 1.2 Where the new staff will come from" in chapter_1
    assert "This chapter sets out where the workforce stands today." in chapter_1


def test_the_header_row_is_not_text(converted):
    folder, _, _ = converted
    text = "\n".join(path.read_text(encoding="utf-8") for path in (folder / "content" / SLUG).glob("*.md"))
    assert "Our response" not in text


def test_audit_finds_every_word_and_check_finds_no_problem(converted):
    folder, source, _ = converted
    document, _, config = convert_document(source)
    result = audit(source, folder / "content", config.slug, document)
    assert not result.lost and not result.added, result.report()
    report = check_content(folder / "content", folder / "sources")
    assert report.problems == (), [str(p) for p in report.problems]


def test_the_word_review_builds_strictly(converted, tmp_path):
    folder, _, _ = converted
    result = mkdocs_build(tmp_path / "site", folder / "content")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / SLUG).rglob("index.html")
    assert any('id="para-10"' in path.read_text(encoding="utf-8") for path in html)


@pytest.mark.parametrize("start, name", [(b"%PDF-1.7\n", "a PDF"), (b"\xd0\xcf\x11\xe0\xa1\xb1", ".doc"), (b"{\\rtf1\\ansi", "RTF")])
def test_formats_not_read_are_refused_naming_what_is(tmp_path, start, name):
    path = tmp_path / "review.txt"
    path.write_bytes(start + b"some bytes\x85\x99 that decode as cp1252\n" * 5)
    with pytest.raises(ReviewgenError) as raised:
        read_source(path)
    message = str(raised.value)
    assert name in message and ".docx" in message and ".txt" in message


def test_a_broken_word_file_is_refused(tmp_path):
    path = tmp_path / "review.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReviewgenError) as raised:
        read_source(path)
    assert "not a Word document" in str(raised.value)


def test_a_footnote_follows_the_paragraph_that_cites_it():
    # mammoth's rendering of a Word footnote: a numbered reference, and the notes in a list at the end.
    html = (
        '<table><tr><td><p>4. Vacancies fell<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p></td>'
        "<td><p>They rose in the North.</p></td></tr></table>"
        '<ol><li id="footnote-1"><p> NHS Digital, <em>Vacancy statistics</em>, 2024. <a href="#footnote-ref-1">↑</a></p></li></ol>'
    )
    assert html_lines(html) == [
        "<p>4. Vacancies fell[1].</p><p>[1]  NHS Digital, <em>Vacancy statistics</em>, 2024. </p>\t<p>They rose in the North.</p>\t"
    ]


def test_a_footnote_and_an_endnote_with_the_same_number_are_two_notes():
    html = (
        '<table><tr><td><p>1. Lists will fall<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p></td><td><p>They grew.</p></td></tr>'
        '<tr><td><p>2. Spending will rise<sup><a href="#endnote-1" id="endnote-ref-1">[1]</a></sup>.</p></td><td><p>It is flat.</p></td></tr></table>'
        '<ol><li id="footnote-1"><p>NHS England statistics. <a href="#footnote-ref-1">↑</a></p></li></ol>'
        '<ol><li id="endnote-1"><p>Budget book, table four. <a href="#endnote-ref-1">↑</a></p></li></ol>'
    )
    assert html_lines(html) == [
        "<p>1. Lists will fall[1].</p><p>[1] NHS England statistics. </p>\t<p>They grew.</p>\t",
        "<p>2. Spending will rise[i].</p><p>[i] Budget book, table four. </p>\t<p>It is flat.</p>\t",
    ]


def docx_of(parts: dict[str, str]) -> bytes:
    import io
    import zipfile

    written = io.BytesIO()
    with zipfile.ZipFile(written, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return written.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_notes_are_marked_as_the_document_numbers_them():
    # Word's defaults: footnotes 1, 2, 3 and endnotes i, ii, iii
    assert note_formats(docx_of({"word/document.xml": f"<w:document {W_NS}><w:body/></w:document>"})) == {
        "footnote": "decimal", "endnote": "lowerRoman",
    }
    # endnotes numbered 1, 2, 3 in the document's settings; footnotes a, b, c in its body's own section
    settings = f'<w:settings {W_NS}><w:endnotePr><w:endnote w:id="-1"/><w:numFmt w:val="decimal"/></w:endnotePr></w:settings>'
    body = (f'<w:document {W_NS}><w:body><w:p/><w:sectPr><w:footnotePr><w:numFmt w:val="lowerLetter"/></w:footnotePr>'
            '<w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>')
    formats = note_formats(docx_of({"word/settings.xml": settings, "word/document.xml": body}))
    assert formats == {"footnote": "lowerLetter", "endnote": "decimal"}
    html = (
        '<table><tr><td><p>1. Lists will fall<sup><a href="#footnote-2" id="footnote-ref-2">[2]</a></sup>.</p></td><td><p>They grew.</p></td></tr>'
        '<tr><td><p>2. Spending will rise<sup><a href="#endnote-1" id="endnote-ref-1">[1]</a></sup>.</p></td><td><p>It is flat.</p></td></tr></table>'
        '<ol><li id="footnote-2"><p>NHS England statistics. <a href="#footnote-ref-2">↑</a></p></li></ol>'
        '<ol><li id="endnote-1"><p>Budget book, table four. <a href="#endnote-ref-1">↑</a></p></li></ol>'
    )
    assert html_lines(html, formats) == [
        "<p>1. Lists will fall[b].</p><p>[b] NHS England statistics. </p>\t<p>They grew.</p>\t",
        "<p>2. Spending will rise[1].</p><p>[1] Budget book, table four. </p>\t<p>It is flat.</p>\t",
    ]


def test_a_footnote_and_an_endnote_both_marked_1_keep_their_own_texts():
    html = (
        '<table><tr><td><p>1. Lists will fall<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p></td><td><p>They grew.</p></td></tr>'
        '<tr><td><p>2. Spending will rise<sup><a href="#endnote-1" id="endnote-ref-1">[1]</a></sup>.</p></td><td><p>It is flat.</p></td></tr></table>'
        '<ol><li id="footnote-1"><p>NHS England statistics. <a href="#footnote-ref-1">↑</a></p></li></ol>'
        '<ol><li id="endnote-1"><p>Budget book, table four. <a href="#endnote-ref-1">↑</a></p></li></ol>'
    )
    assert html_lines(html, {"footnote": "decimal", "endnote": "decimal"}) == [
        "<p>1. Lists will fall[1].</p><p>[1] NHS England statistics. </p>\t<p>They grew.</p>\t",
        "<p>2. Spending will rise[1].</p><p>[1] Budget book, table four. </p>\t<p>It is flat.</p>\t",
    ]


def test_column_titles_repeated_in_a_table_are_no_text_and_a_picture_is_no_text():
    html = (
        "<table><tr><td><p>Original text</p></td><td><p>Our response</p></td></tr>"
        "<tr><td><p>1. We will act.</p></td><td><p>When?</p></td></tr>"
        "<tr><td><p>Original text</p></td><td><p>Our response</p></td></tr>"  # again after a page break
        '<tr><td><p>2. We will report.</p><p><img src="data:image/png;base64,iVBORw0KGgo=" /></p></td><td><p>To whom?</p></td></tr></table>'
    )
    titles = "<th>Original text</th>\t<th>Our response</th>\t"  # left out by the converter, named in its summary
    assert html_lines(html) == [titles, "<p>1. We will act.</p>\t<p>When?</p>\t", titles, "<p>2. We will report.</p><p></p>\t<p>To whom?</p>\t"]


def test_a_row_of_short_cells_under_a_title_row_is_text_not_column_titles():
    html = (
        "<table><tr><td>Ministerial foreword</td></tr>"  # a title across the table
        "<tr><td><p>Home Secretary foreword</p></td><td><p>No comment</p></td></tr>"  # short, and text all the same
        "<tr><td><p>1. We will act.</p></td><td><p>When?</p></td></tr></table>"
    )
    assert html_lines(html) == [
        "Ministerial foreword\t", "<p>Home Secretary foreword</p>\t<p>No comment</p>\t", "<p>1. We will act.</p>\t<p>When?</p>\t",
    ]


def test_a_word_document_without_a_table_is_refused_with_what_to_do(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Chapter 1: Schools", level=1)
    document.add_paragraph("1. We will build schools. They will not.")
    path = tmp_path / "prose.docx"
    document.save(str(path))
    with pytest.raises(ReviewgenError) as raised:
        read_source(path)
    assert "holds no table" in str(raised.value) and "export it as text" in str(raised.value)


def test_a_rows_response_answers_the_numbered_paragraph_its_cell_opens_with_not_its_note(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text(
        "<h2>Part 1: Health</h2>\t\n<p>1. Lists in Arden will fall by half[1].</p><p>[1] NHS England, Arden statistics.</p>\t<p>Arden lists grew.</p>\t\n"
        "<p>2. We will act.</p>\t\n",
        encoding="utf-8",
    )
    convert(source, tmp_path / "out")
    review = Review(tmp_path / "out", "notes")
    assert review.rebuttals["para-1"] == "Arden lists grew." and len(review.rebuttals) == 1


def test_a_column_of_numbers_without_full_stops_numbers_the_paragraphs_beside_them(tmp_path):
    document, _ = word_table("Chapter 1: Schools", [
        ("Para", "Government text", "Our response"), ("1", "We will recruit 4,000 teachers.", "Recruitment fell short."),
        ("2", "Meals funding will rise.", ""), ("Para 3", "Every pupil will have a counsellor.", "One per 900 pupils."),
    ])
    path = tmp_path / "schools.docx"
    document.save(str(path))
    convert(path, tmp_path / "out")
    review = Review(tmp_path / "out", "schools")
    assert review.numbered() == [1, 2, 3]
    assert review.items["para-1"] == "1 We will recruit 4,000 teachers." and review.rebuttals["para-1"] == "Recruitment fell short."
    assert "para-2" not in review.rebuttals and review.items["para-3"] == "Para 3 Every pupil will have a counsellor."
    assert review.rebuttals["para-3"] == "One per 900 pupils."


def test_a_cell_merged_down_two_rows_keeps_the_cells_beside_it_in_their_columns():
    html = ('<table><tr><td rowspan="2"><p>1. We will build.</p></td><td><p>When?</p></td></tr>'
            '<tr><td><p>The target was missed once already.</p></td></tr>'
            '<tr><td><p>2. We will fund.</p></td><td rowspan="2"><p>How much?</p></td></tr>'
            '<tr><td><p>3. We will report.</p></td></tr></table>')
    assert html_lines(html) == [
        "<p>1. We will build.</p>\t<p>When?</p>\t",
        "\t<p>The target was missed once already.</p>\t",  # the response's column, answering paragraph 1
        "<p>2. We will fund.</p>\t<p>How much?</p>\t",
        "<p>3. We will report.</p>\t\t",
    ]


def test_a_cross_reference_kept_as_a_simple_field_keeps_its_text(tmp_path):
    import docx
    from docx.oxml import parse_xml

    field = ('<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:instr=" REF _Ref1 \\r \\h ">'
             "<w:r><w:t>2</w:t></w:r></w:fldSimple>")
    document = docx.Document()
    document.add_heading("Chapter 1: Care", level=1)
    table = document.add_table(rows=0, cols=2)
    for number, (before, after) in enumerate((("Care will improve as paragraph ", " says."), ("Costs fall, see paragraph ", ".")), 1):
        cells = table.add_row().cells
        paragraph = cells[0].paragraphs[0]
        paragraph.add_run(f"{number}. {before}")
        paragraph._p.append(parse_xml(field))
        paragraph.add_run(after)
        cells[1].text = "It has not."
    path = tmp_path / "care.docx"
    document.save(str(path))
    convert(path, tmp_path / "out")
    review = Review(tmp_path / "out", "care")
    assert review.items["para-1"] == "1. Care will improve as paragraph 2 says." and review.items["para-2"] == "2. Costs fall, see paragraph 2."


def test_markdown_typed_in_word_is_text_and_a_source_link_that_leads_nowhere_is_its_label(tmp_path):
    document, _ = word_table("Chapter 1: Data", [
        ("1. We will publish [redacted](sensitive) figures.", "![chart](https://tracker.example/p.gif)"),
        ("2. Ratings run from [1](2) to [5](6).", "This is a **bold claim**."),
    ])
    path = tmp_path / "typed.docx"
    document.save(str(path))
    convert(path, tmp_path / "out")
    page = (tmp_path / "out" / "typed" / "01-chapter-1.md").read_text(encoding="utf-8")
    assert "1\\. We will publish \\[redacted\\](sensitive) figures." in page
    assert "2\\. Ratings run from \\[1\\](2) to \\[5\\](6)." in page and "This is a \\*\\*bold claim\\*\\*." in page
    assert "![" not in page  # no image: its address is text with a link on it
    # In a text export, Markdown typed already is read as Markdown: a link into the export's own files leads
    # nowhere on the site, so it is its label; a link out of it is a link; an image is text.
    source = tmp_path / "typed-text.txt"
    source.write_text("<h2>Part 1: Data</h2>\t\n<p>1. We will publish [redacted](sensitive) and [the data](https://data.example/) "
                      "figures.</p>\t<p>![chart](https://tracker.example/p.gif)</p>\t\n", encoding="utf-8")
    convert(source, tmp_path / "out")
    page = (tmp_path / "out" / "typed-text" / "01-part-1.md").read_text(encoding="utf-8")
    assert "1\\. We will publish redacted and [the data](https://data.example/) figures." in page
    assert "![" not in page and "!\\[chart\\]" in page


def test_a_column_of_numbers_that_starts_later_or_of_other_labels_keeps_the_original_in_its_column(tmp_path):
    for name, labels, ids in (("chapter", ("14", "15", "16"), ("para-14", "para-15", "para-16")),
                              ("recommendations", ("R1", "R2", "Recommendation 3"), None)):
        rows = (("We will build 300,000 homes a year.", "Not since 1977."), ("Planning reform will speed delivery.", ""),
                ("Rents will fall.", "By what measure?"))
        document, _ = word_table("Chapter 2: Housing", [
            ("Para", "Government text", "Our response"), *((label, original, response) for label, (original, response) in zip(labels, rows)),
        ])
        path = tmp_path / f"{name}.docx"
        document.save(str(path))
        convert(path, tmp_path / "out")
        review = Review(tmp_path / "out", name)
        # the government's words are the original's, each beside its own label; the responses are the reviewer's
        texts = {item_id: text for item_id, text in review.items.items() if item_id.startswith("para-")}
        assert list(texts.values()) == [f"{label} {original}" for label, (original, _) in zip(labels, rows)]
        assert sorted(review.rebuttals.values()) == ["By what measure?", "Not since 1977."]
        if ids:
            assert list(texts) == list(ids) and review.rebuttals["para-14"] == "Not since 1977."


def test_breaks_are_spaces_right_to_left_text_is_kept_and_hidden_text_is_left_out(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement, parse_xml

    document = docx.Document()
    document.add_heading("Chapter 1: Communities", level=1)
    table = document.add_table(rows=0, cols=2)
    cells = table.add_row().cells
    first = cells[0].paragraphs[0]
    first.add_run("1. Funding will")
    first.add_run().add_break(WD_BREAK.PAGE)
    first.add_run("follow need.")
    second = cells[1].paragraphs[0]
    second.add_run("Consultation")
    second.add_run().add_break(WD_BREAK.COLUMN)
    second.add_run("closed early.")
    second.add_run(" [Internal: a leaked memo, do not publish]").font.hidden = True
    shown = second.add_run(" Shown now.")  # hidden once, shown now: a tracked record of the hidden formatting
    shown._r.get_or_add_rPr().append(parse_xml(
        '<w:rPrChange xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="7" w:author="R">'
        "<w:rPr><w:vanish/></w:rPr></w:rPrChange>"))
    cells = table.add_row().cells
    cells[0].text = "2. We will consult residents."
    reply = cells[1].paragraphs[0]
    wrapper = OxmlElement("w:bdo")
    wrapper.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "rtl")
    wrapper.append(reply.add_run("ترجمه اردو")._r)
    reply._p.append(wrapper)
    reply.add_run(" was never offered.")
    path = tmp_path / "breaks.docx"
    document.save(str(path))
    convert(path, tmp_path / "out")
    review = Review(tmp_path / "out", "breaks")
    assert review.items["para-1"] == "1. Funding will follow need."
    assert review.rebuttals == {"para-1": "Consultation closed early. Shown now.", "para-2": "ترجمه اردو was never offered."}


def test_rows_marked_as_header_rows_that_hold_sentences_and_rows_marked_as_none_are_text(tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from word_document import mark_header

    document, table = word_table("Chapter 2: Rivers", [
        ("Original", "Our response"), ("3. Every river will be clean for swimming.", "Only one in seven is."),
        ("Summary", "Agreed"), ("4. Farm run-off will be cut.", "No inspector has been hired."),
    ])
    for row in table.rows[:2]:  # "repeat as header row" ticked with the titles and the first row selected
        mark_header(row)
    not_header = OxmlElement("w:tblHeader")
    not_header.set(qn("w:val"), "0")
    table.rows[2]._tr.get_or_add_trPr().append(not_header)  # the short row says it is no header row
    path = tmp_path / "headers.docx"
    document.save(str(path))
    convert(path, tmp_path / "out")
    review = Review(tmp_path / "out", "headers")
    assert review.numbered() == [3, 4]
    assert review.rebuttals == {"para-3": "Only one in seven is.", "para-3-summary": "Agreed", "para-4": "No inspector has been hired."}
    assert "Our response" not in (tmp_path / "out" / "headers" / "01-chapter-2.md").read_text(encoding="utf-8")


def test_ctrl_c_while_a_word_document_is_read_is_an_interruption_not_a_broken_file(tmp_path, monkeypatch):
    import signal

    import mammoth

    from reviewgen.document.errors import Interrupted
    from reviewgen.reading.word import docx_lines

    path = build(tmp_path / "workforce.docx")

    def interrupted(*args, **kwargs):
        raise Interrupted(signal.SIGINT)

    monkeypatch.setattr(mammoth, "convert_to_html", interrupted)
    with pytest.raises(Interrupted) as raised:
        docx_lines(path)
    assert str(raised.value) == "interrupted by SIGINT; nothing was changed" and raised.value.exit_code == 130


def test_a_word_document_that_unpacks_too_large_is_refused_before_it_is_read(tmp_path):
    import io
    import zipfile

    from reviewgen.reading.word import LARGEST_UNPACKED

    path = build(tmp_path / "padded.docx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = parts["word/document.xml"]
    at = body.index(b"<w:body>") + len(b"<w:body>")
    parts["word/document.xml"] = body[:at] + b" " * LARGEST_UNPACKED + body[at:]  # a few kilobytes packed
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    path.write_bytes(written.getvalue())
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ReviewgenError, match=r"unpacks to 33 MB \(word/document.xml 32 MB\), more than the 32 MB"):
        read_source(path)


def test_numbered_headings_keep_their_numbers_and_check_boxes_show_as_word_shows_them(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="93"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="Chapter %1:"/><w:suff w:val="space"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="93"><w:abstractNumId w:val="93"/></w:num>'))
    for title, (original, response) in (("Schools", ("1. Every pupil will have a tutor.", "Cut.")),
                                        ("Colleges", ("2. Colleges will get funding.", "Agree ☐ Disagree ☒"))):
        heading = document.add_heading(title, level=1)
        heading._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="93"/></w:numPr>'))
        cells = document.add_table(rows=0, cols=2).add_row().cells
        cells[0].text, cells[1].text = original, response
    path = tmp_path / "chapters.docx"
    document.save(str(path))
    convert(path, tmp_path / "out")
    pages = sorted((tmp_path / "out" / "chapters").glob("0*.md"))
    assert [page.read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n", 1)[0] for page in pages] == [
        "Chapter 1: Schools", "Chapter 2: Colleges"]
    # mammoth writes a check box content control as an <input>: shown as Word shows it, not as markup
    html = '<table><tr><td><p>1. We propose it.</p></td><td><p>Agree <input type="checkbox" /> Disagree <input checked="checked" type="checkbox" /></p></td></tr></table>'
    assert html_lines(html) == ["<p>1. We propose it.</p>\t<p>Agree ☐ Disagree ☒</p>\t"]


def test_a_password_protected_or_hollow_word_document_is_refused_saying_what_it_is(tmp_path):
    import zipfile

    protected = tmp_path / "protected.docx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(ReviewgenError, match="protected by a password"):
        read_source(protected)
    hollow = tmp_path / "hollow.docx"
    with zipfile.ZipFile(hollow, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ReviewgenError, match="holds no word/document.xml"):
        read_source(hollow)


def test_a_first_row_taken_for_column_titles_is_named_with_the_override_that_keeps_it(tmp_path):
    document, _ = word_table("Chapter 1: Work", [("Summary", "Agreed"), ("1. Employment is at a record high.", "Inactivity is too.")])
    path = tmp_path / "work.docx"
    document.save(str(path))
    summary = convert(path, tmp_path / "out")
    assert summary.furniture == 1 and [note for note in summary.line_notes if "column titles" in note] == [
        f"{path}:2: “Summary | Agreed” left out as the table's column titles; if it is the original's, add the override "
        "{line: 2, furniture: false}"]
    path.with_suffix(".yml").write_text("overrides:\n  - {line: 2, furniture: false}\n", encoding="utf-8")
    summary = convert(path, tmp_path / "out", force=True)
    review = Review(tmp_path / "out", "work")
    assert summary.furniture == 0 and review.rebuttals == {"para-0-summary": "Agreed", "para-1": "Inactivity is too."}
    assert not [note for note in summary.line_notes if "removed" in note]


def test_a_word_table_whose_titles_put_the_response_first_is_read_so(tmp_path):
    document, _ = word_table("Chapter 1: Buses", [
        ("Our comment", "Government text"), ("We welcome this.", "1. The Government will invest in buses."),
        ("", "2. Fares will be capped at £2."), ("The cap is temporary.", "3. We will publish a strategy."),
    ])
    path = tmp_path / "buses.docx"
    document.save(str(path))
    convert(path, tmp_path / "out")
    review = Review(tmp_path / "out", "buses")
    assert review.numbered() == [1, 2, 3]
    assert review.rebuttals == {"para-1": "We welcome this.", "para-3": "The cap is temporary."}
