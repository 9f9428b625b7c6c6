"""Awkward and broken sources: each gives a correct conversion or one clear error, nothing half-written."""

from __future__ import annotations


from conftest import Review, render_page, reviewgen


def convert(tmp_path, name: str, data: bytes, *extra: str):
    source = tmp_path / f"{name}.txt"
    source.write_bytes(data)
    out = tmp_path / "out"
    result = reviewgen("convert", str(source), "--out", str(out), *extra)
    return result, source, out


def converted(tmp_path, name: str, data: bytes):
    """``data`` as the source ``name``, converted, which must succeed: its content folder."""
    result, _, out = convert(tmp_path, name, data)
    assert result.returncode == 0, result.stderr
    return out


def test_bom_crlf_and_cr_line_endings(tmp_path):
    data = b"\xef\xbb\xbf<h2>Part 1: X</h2>\t\r\n<p>1. One.</p>\t<p>Reply one.</p>\r<p>2. Two.</p>\t\r\n"
    out = converted(tmp_path, "endings", data)
    review = Review(out, "endings")
    assert review.numbered() == [1, 2] and review.rebuttals["para-1"] == "Reply one."
    text = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert "\ufeff" not in text and "\r" not in text


def test_windows_1252_is_detected_and_converted_only_when_asked(tmp_path):
    data = "<p>1. The fee is £30 – café.</p>\t<p>Too much.</p>\n".encode("cp1252")
    refused, source, out = convert(tmp_path, "latin", data)
    assert refused.returncode == 2 and not out.exists()
    assert f"{source}:1: the file is not UTF-8 text (it looks like cp1252)" in refused.stderr
    assert "--encoding cp1252" in refused.stderr
    accepted, _, out = convert(tmp_path, "latin", data, "--encoding", "cp1252")
    assert accepted.returncode == 0
    assert Review(out, "latin").items["para-1"] == "1. The fee is £30 – café."


def test_a_very_long_line(tmp_path):
    data = ("<h2>Part 1: X</h2>\t\n<p>1. " + "word " * 200_000 + "end.</p>\t<p>" + "reply " * 100_000 + "</p>\n").encode()
    out = converted(tmp_path, "long", data)
    review = Review(out, "long")
    assert review.items["para-1"].count("word") == 200_000 and review.rebuttals["para-1"].count("reply") == 100_000


def test_ten_thousand_unclosed_tags(tmp_path):
    data = ("<h2>Part 1: X</h2>\t\n<p>1. Start " + "<i>" * 10_000 + "deep text</p>\t<p>Reply</p>\n<p>2. Next paragraph.</p>\t\n").encode()
    out = converted(tmp_path, "unclosed", data)
    review = Review(out, "unclosed")
    assert review.items["para-1"] == "1. Start deep text" and review.rebuttals["para-1"] == "Reply"
    assert review.numbered() == [1, 2]


def test_a_source_with_no_numbered_paragraphs(tmp_path):
    data = b"Title Here\n\nJust some text of the original that has no numbers at all in it.\n\nAnd the reviewer replies to it here.\n"
    result, _, out = convert(tmp_path, "plain", data)
    assert result.returncode == 0 and "0 numbered paragraphs, 1 rebuttal attached" in result.stdout, result.stderr
    review = Review(out, "plain")
    assert review.rebuttals[review.find("Just some text of the original")] == "And the reviewer replies to it here."


def test_a_source_of_only_furniture_is_a_clear_error(tmp_path):
    data = "\n".join(["Mandate Now review", "", "Mandate Now Review", "", "Mandate NOW review", "", "Mandate now review", ""]).encode()
    result, source, out = convert(tmp_path, "furniture", data)
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.strip() == (
        f"reviewgen: {source}: found no text of the original (4 lines were running page furniture); "
        "is this the right file? If a line was taken for furniture wrongly, override it in the configuration"
    )


def test_numbers_out_of_order_or_repeated_are_reported_and_kept_as_text(tmp_path):
    data = b"<h2>Part 1: X</h2>\t\n<p>1. One.</p>\t\n<p>2. Two.</p>\t\n<p>4. Four.</p>\t\n<p>2. Two again.</p>\t\n<p>4. Four again.</p>\t<p>Reply.</p>\n"
    result, source, out = convert(tmp_path, "order", data)
    assert result.returncode == 0, result.stderr
    assert f"{source}:4: paragraph 4 follows paragraph 2: numbers are missing in between" in result.stdout
    assert f"{source}:5: paragraph number 2 after paragraph 4: kept as unnumbered text" in result.stdout
    assert f"{source}:6: paragraph number 4 after paragraph 4: kept as unnumbered text" in result.stdout
    review = Review(out, "order")
    assert review.numbered() == [1, 2, 4]
    assert review.rebuttals[review.find("4. Four again.")] == "Reply."


def test_a_mistyped_number_does_not_push_the_paragraphs_after_it_out_of_their_numbers(tmp_path):
    """"112." between 11 and 13 is a slip of the keyboard: 13 to 15 keep their numbers and anchors."""
    rows = [f"<p>{n}. Paragraph {n} of the plan.</p>\t<p>Reply to {n}.</p>" for n in (10, 11, 112, 13, 14, 15)]
    result, source, out = convert(tmp_path, "typo", ("<h2>Part 1: X</h2>\t\n" + "\n".join(rows) + "\n").encode())
    assert result.returncode == 0, result.stderr
    assert (f"{source}:4: paragraph number 112 after paragraph 11, the next two going on from there as if it were in its place, "
            "taken for a mistyped number: kept as unnumbered text") in result.stdout
    review = Review(out, "typo")
    assert review.numbered() == [10, 11, 13, 14, 15]
    assert review.rebuttals["para-13"] == "Reply to 13." and review.rebuttals[review.find("112. Paragraph 112")] == "Reply to 112."
    # one number missing but in sequence after it is a gap, not a slip: 11 then 15, 16
    rows = [f"<p>{n}. Paragraph {n}.</p>\t" for n in (10, 11, 15, 16)]
    (tmp_path / "gap").mkdir()
    result, _, out = convert(tmp_path / "gap", "gap", ("<h2>Part 1: X</h2>\t\n" + "\n".join(rows) + "\n").encode())
    assert Review(out, "gap").numbered() == [10, 11, 15, 16]


def test_a_line_break_or_page_break_inside_a_cell_keeps_the_words_apart(tmp_path):
    """Word's text export writes a line break typed inside a cell as \\x0b, pdftotext a page break as \\x0c:
    the words either side are two words, not one."""
    data = b"<h2>Part 1: X</h2>\t\n<p>1. The first line\x0bsecond line.</p>\t<p>A page\x0cbreak, and a bell\x07.</p>\t\n"
    out = converted(tmp_path, "breaks", data)
    review = Review(out, "breaks")
    assert review.items["para-1"] == "1. The first line second line."
    assert review.rebuttals["para-1"] == "A page break, and a bell."


def test_utf16_text_is_read_by_its_byte_order_mark_or_when_asked(tmp_path):
    """Windows saves "Unicode" text as UTF-16: it holds NUL bytes, and is text all the same."""
    text = "<h2>Part 1: X</h2>\t\r\n<p>1. The fee is £30 – café.</p>\t<p>Too much.</p>\r\n"
    for name, data in (("marked", text.encode("utf-16")), ("wide", text.encode("utf-32"))):
        (tmp_path / name).mkdir()
        result, _, out = convert(tmp_path / name, name, data)
        assert result.returncode == 0, result.stderr
        assert Review(out, name).items["para-1"] == "1. The fee is £30 – café."
    (tmp_path / "unmarked").mkdir()
    refused, source, out = convert(tmp_path / "unmarked", "unmarked", text.encode("utf-16-le"))
    assert refused.returncode == 2 and not out.exists()
    assert refused.stderr == f"reviewgen: {source}: the file looks like UTF-16 text with no byte order mark; convert it with --encoding utf-16-le (or utf-16-be)\n"
    accepted, _, out = convert(tmp_path / "unmarked", "unmarked", text.encode("utf-16-le"), "--encoding", "utf-16-le")
    assert accepted.returncode == 0 and Review(out, "unmarked").items["para-1"] == "1. The fee is £30 – café."


def test_a_raised_or_lowered_figure_stays_raised_or_lowered(tmp_path):
    """A footnote's mark after a number is not a digit of it ("£1,000" and "1", not "£1,0001")."""
    data = ("<h2>Part 1: X</h2>\t\n<p>1. Developers pay £1,000<sup>1</sup> a home; water is H<sub>2</sub>O;"
            " see <i>Annex<sup>2</sup></i>.</p>\t<p>Fine<sup>[3]</sup>.</p>\t\n").encode()
    out = converted(tmp_path, "scripts", data)
    page = (out / "scripts" / "01-part-1.md").read_text(encoding="utf-8")
    assert "1\\. Developers pay £1,000<sup>1</sup> a home; water is H<sub>2</sub>O; see *Annex*<sup>*2*</sup>.[^para-1]" in page
    assert "[^para-1]: Fine<sup>\\[3\\]</sup>." in page
    audit = reviewgen("audit", str(tmp_path / "scripts.txt"), "--content", str(out))
    assert audit.returncode == 0 and "lost: 0; added: 0" in audit.stdout, audit.stdout


def test_a_bare_address_keeps_the_brackets_it_opens_and_leaves_the_sentences_off(tmp_path):
    """An address such as Wikipedia's "…/Foo_(bar)" ends at its own closing bracket, not before it; a
    bracket or full stop of the sentence around an address is no part of it."""
    data = ("<h2>Part 1: X</h2>\t\n<p>1. See https://en.wikipedia.org/wiki/Foo_(bar) for more.</p>\t"
            "<p>Also (https://example.org/a_(b)) and https://example.org/x.</p>\t\n").encode()
    out = converted(tmp_path, "addresses", data)
    page = (out / "addresses" / "01-part-1.md").read_text(encoding="utf-8")
    assert "1\\. See <https://en.wikipedia.org/wiki/Foo_(bar)> for more.[^para-1]" in page
    assert "[^para-1]: Also (<https://example.org/a_(b)>) and <https://example.org/x>." in page


def test_a_numbered_list_in_a_rebuttal_stays_numbered(tmp_path):
    """An <ol>'s numbers are its markup's (Word's numbered lists arrive so): the rebuttal's list is
    numbered 1, 2, 3 as the reviewer's was; a bulleted list after it stays bulleted, and an item
    that writes its own letter is not numbered twice."""
    data = ("<h2>Part 1: X</h2>\t\n<p>1. The plan is sound.</p>\t<p>It is not, for three reasons:</p>"
            " <ol><li>It is late.</li><li>It is vague.</li><li>It is unfunded.</li></ol> <ul><li>Also this.</li></ul>\t\n"
            "<p>2. The plan is costed.</p>\t<ol><li>a. Not by us.</li><li>b. Nor by them.</li></ol>\t\n").encode()
    out = converted(tmp_path, "lists", data)
    page = (out / "lists" / "01-part-1.md").read_text(encoding="utf-8")
    assert ("[^para-1]: It is not, for three reasons:\n\n    1. It is late.\n    2. It is vague.\n    3. It is unfunded.\n\n"
            "    - Also this.") in page
    assert "[^para-2]: - a. Not by us.\n    - b. Nor by them." in page
    review = Review(out, "lists")
    assert review.rebuttals["para-1"] == "It is not, for three reasons: It is late. It is vague. It is unfunded. Also this."


def test_a_jump_in_numbering_followed_by_a_notes_number_is_no_typo(tmp_path):
    """Paragraphs quoted with gaps (5, then 8), a note under 8 numbered "7.": 8 keeps its number."""
    data = ("<h2>Part 1: Schools</h2>\t\n<p>5. We will act on what children told us.</p>\t\n<p>8. Schools will have a new duty.</p>\t"
            "<p>A duty without sanction.</p>\n7. Department for Education (2020) Keeping children safe in education.\n"
            "<p>9. We will consult.</p>\t\n").encode()
    result, _, out = convert(tmp_path, "gaps", data)
    review = Review(out, "gaps")
    assert review.numbered() == [5, 8, 9] and review.rebuttals["para-8"] == "A duty without sanction."


def test_the_first_paragraph_keeps_its_number_over_a_list_numbered_from_one_under_it(tmp_path):
    data = ("<h2>Part 2: Housing</h2>\t\n<p>30. We will end no-fault evictions.</p>\t<p>We have three objections:</p>\n"
            "1. There is no date.\n2. Landlords will use other grounds.\n<p>31. We will create an ombudsman.</p>\t\n").encode()
    result, source, out = convert(tmp_path, "list", data)
    assert "mistyped" not in result.stdout and Review(out, "list").numbered() == [30, 31]


def test_a_spreadsheets_row_of_column_titles_is_left_out_and_named_and_an_override_keeps_it(tmp_path):
    data = ("Paragraph\tGovernment text\tOur response\n1.\tWe will build 300,000 homes a year.\tNot since 1970.\n"
            "2.\tWe will reform planning.\t\nParagraph\tGovernment text\tOur response\n3.\tWe will end evictions.\tStill waiting.\n").encode()
    result, source, out = convert(tmp_path, "homes", data)
    assert (f"{source}:1: “Paragraph | Government text | Our response” left out as the table's column titles (and the same again "
            "on line 4); if it is the original's, add the override {line: 1, furniture: false}") in result.stdout
    review = Review(out, "homes")
    assert review.numbered() == [1, 2, 3] and review.rebuttals["para-3"] == "Still waiting."
    assert not any("Government text" in text or "Our response" in text for text in [*review.items.values(), *review.rebuttals.values()])
    source.with_suffix(".yml").write_text("overrides:\n  - {line: 1, furniture: false}\n", encoding="utf-8")
    kept, _, out = convert(tmp_path, "homes", data, "--force")
    assert kept.returncode == 0 and any("Government text" in text for text in Review(out, "homes").items.values())


def test_a_list_item_that_types_its_bullet_again_shows_one_bullet(tmp_path):
    """"<li>• item": the "•" is the list's marker typed into the item; the item is a list item once, its words kept."""
    data = ("<h2>Part 1: X</h2>\t\n<p>12. The strategy will:</p>\t\n"
            "<ul><li>• recruit more teachers;</li><li> •  fund support.</li><li>keep • as written</li></ul>\t<p>Not enough.</p>\t\n").encode()
    out = converted(tmp_path, "bullets", data)
    page = (out / "bullets" / "01-part-1.md").read_text(encoding="utf-8")
    assert "- recruit more teachers;\n" in page and "- fund support.\n" in page and "- keep • as written" in page
    assert "- •" not in page


def test_headings_written_in_markdown_are_the_originals_headings(tmp_path):
    data = ("## Chapter 1: The challenge\n<p>1. Productivity in London is almost twice that of Wales.</p>\t\t\n"
            "#### Box 1.1: Place-based policy\n<p>2. Place-based policy works best when it is locally led.</p>\t<p>Then why is it not?</p>\t\n"
            "#MeToo changed how victims are heard, and we will build on it.\n"
            "3. Referrals rose by a third.\t# of referrals is not # of children.\t\n").encode()
    out = converted(tmp_path, "marked", data)
    page = (out / "marked" / "01-chapter-1.md").read_text(encoding="utf-8")
    assert "\n# Chapter 1: The challenge\n" in page and "\n## Box 1.1: Place-based policy\n" in page
    assert "#### " not in page and "\\#" not in page.replace("\\#MeToo", "").replace("\\# of", "")
    review = Review(out, "marked")
    # the box's title is no response to paragraph 1; "# of ..." is the reviewer's sentence, not a heading
    assert review.rebuttals == {"para-2": "Then why is it not?", "para-3": "# of referrals is not # of children."}
    assert "#MeToo changed how victims are heard" in page.replace("\\#", "#")  # no space after "#": words, no heading


def test_a_table_with_an_empty_first_column_reads_as_the_two_columns_beside_it(tmp_path):
    rows = ["<h2>Chapter 1: Justice</h2>\t", "<p>1. Court backlogs will be cleared by 2025.</p>\t",
            "<p>2. We will recruit 1,000 new judges.</p>\t<p>Recruitment has missed target every year.</p>\t",
            "\t<p>Not one has been appointed in Wales.</p>\t", "<p>3. Legal aid fees will rise by 15%.</p>\t"]
    result, _, out = convert(tmp_path, "margin", "".join(f"\t{row}\n" for row in rows).encode())
    assert result.returncode == 0, result.stderr
    review = Review(out, "margin")
    assert review.numbered() == [1, 2, 3]
    assert review.rebuttals == {"para-2": "Recruitment has missed target every year. Not one has been appointed in Wales."}


def test_a_tab_typed_inside_a_paragraphs_tags_is_a_space_not_a_column(tmp_path):
    data = ("<h2>Chapter 1: Grants</h2>\t\n<p>1. Table 4\tsets out the grants for each region.</p>\t<p>The table is missing.</p>\t\n"
            "<p>2. Grants will rise.</p>\t<p>By how much?</p>\t\n").encode()
    out = converted(tmp_path, "typed", data)
    review = Review(out, "typed")
    assert review.items["para-1"] == "1. Table 4 sets out the grants for each region."
    assert review.rebuttals == {"para-1": "The table is missing.", "para-2": "By how much?"}


def test_a_spreadsheets_quoted_cells_are_read_as_the_spreadsheet_wrote_them(tmp_path):
    data = ('Paragraph\tGovernment text\tOur response\n'
            '1\tThe plan will double medical school places.\t"Doubling places is welcome.\n\nBut there are no training posts."\n'
            '2\tWe will expand apprenticeships.\t"The ""fully funded"" claim is false."\n'
            '3\tRetention will improve.\t\n').encode()
    out = converted(tmp_path, "sheet", data)
    review = Review(out, "sheet")
    assert review.numbered() == [1, 2, 3]
    assert review.rebuttals == {"para-1": "Doubling places is welcome. But there are no training posts.",
                                "para-2": 'The "fully funded" claim is false.'}
    text = "".join(page.read_text(encoding="utf-8") for page in (out / "sheet").glob("0*.md"))
    assert "[^para-1]: Doubling places is welcome.\n\n    But there are no training posts." in text  # two paragraphs


def test_a_quotation_opening_a_cell_stays_as_typed_where_the_rows_are_no_spreadsheets(tmp_path):
    data = ('<h2>Part 1: X</h2>\t\n<p>1. The plan is sound.</p>\t"The plan" is anything but.\t\n'
            '"Caring for our children is our first job.\nThat is how we will be judged."\n'
            '<p>2. We will act.</p>\t\n').encode()
    out = converted(tmp_path, "quoted", data)
    text = "".join(p.read_text(encoding="utf-8") for p in (out / "quoted").glob("0*.md"))
    assert '"The plan" is anything but.' in text
    assert '"Caring for our children is our first job.' in text and 'That is how we will be judged."' in text


def test_items_typed_with_any_bullet_are_items_each_with_its_own_response(tmp_path):
    # (not a dash: "– Female, age 34" under a quotation is its attribution)
    data = ("<h2>Chapter 5: Net zero</h2>\t\n20. We will:\tA list of old promises.\n"
            "▪ expand the Boiler Upgrade Scheme\tIt is undersubscribed.\n"
            "o introduce a Future Homes Standard\tDelayed to 2025.\n"
            "● cut energy bills\tBills rose.\n"
            "◦ insulate homes\t\n").encode()
    out = converted(tmp_path, "marks", data)
    page = (out / "marks" / "01-chapter-5.md").read_text(encoding="utf-8")
    for item in ("expand the Boiler Upgrade Scheme", "introduce a Future Homes Standard", "cut energy bills", "insulate homes"):
        assert f"\n- {item}" in page, item
    assert Review(out, "marks").rebuttals == {
        "para-20": "A list of old promises.", "para-20-expand-the-boiler-upgrade": "It is undersubscribed.",
        "para-20-introduce-a-future-homes": "Delayed to 2025.", "para-20-cut-energy-bills": "Bills rose.",
    }
    assert "## " not in page.replace("# Chapter 5", "")  # no item taken for a heading


def test_a_numbered_list_of_the_original_stays_numbered_each_item_answerable(tmp_path):
    data = ("<h2>Part 1: X</h2>\t\n<p>1. The plan has three aims:</p><ol><li>to cut waiting lists;</li><li>to hire staff;</li></ol>"
            "\t<p>None is funded.</p>\t\n<ol><li>to build clinics.</li></ol>\t<p>Where?</p>\t\n<ul><li>Also this.</li></ul>\t\n").encode()
    out = converted(tmp_path, "ordered", data)
    page = (out / "ordered" / "01-part-1.md").read_text(encoding="utf-8")
    assert "1. to cut waiting lists;\n   { #para-1-to-cut-waiting-lists }\n2. to hire staff;\n   { #para-1-to-hire-staff }\n" in page
    # the next row's <ol> is a list of its own, numbered from 1 as the export's markup numbers it
    assert "\n1. to build clinics.[^para-1-to-build-clinics]\n   { #para-1-to-build-clinics }\n" in page
    assert "\n- Also this.\n" in page  # a bulleted list after it stays bulleted
    # the first row's response answers the paragraph its cell opens with, the list being that paragraph's
    assert Review(out, "ordered").rebuttals == {"para-1": "None is funded.", "para-1-to-build-clinics": "Where?"}


def test_a_paragraph_number_in_a_paragraph_of_its_own_opens_the_paragraph_after_it(tmp_path):
    data = ("<h2>Chapter 2: Housing</h2>\t\n<p>14.</p><p>We will build 300,000 homes a year.</p>\t<p>Not since 1977.</p>\t\n"
            "<p>15.</p><p>Rents will fall.</p>\t<p>By what measure?</p>\t\n").encode()
    out = converted(tmp_path, "lone", data)
    review = Review(out, "lone")
    assert review.numbered() == [14, 15]
    assert (review.items["para-14"], review.items["para-15"]) == ("14. We will build 300,000 homes a year.", "15. Rents will fall.")
    assert review.rebuttals == {"para-14": "Not since 1977.", "para-15": "By what measure?"}


def test_a_rows_response_answers_the_paragraph_whose_sub_points_its_cell_types_after_it(tmp_path):
    data = ("<h2>Chapter 1: Welfare</h2>\t\n<p>1. The reforms have three aims:</p><p>(a) to make work pay;</p><p>(b) to simplify the "
            "system; and</p><p>(c) to cut fraud.</p>\t<p>None of these aims has a measure.</p>\t\n"
            "<p>2. Universal Credit is rolled out.</p><p>It is simpler.</p>\t<p>For whom?</p>\t\n").encode()
    out = converted(tmp_path, "points", data)
    review = Review(out, "points")
    assert review.items["para-1-c-to-cut-fraud"] == "(c) to cut fraud."
    # a plain paragraph after the numbered one may be what the response answers: it keeps it, as before
    assert review.rebuttals == {"para-1": "None of these aims has a measure.", "para-2-it-is-simpler": "For whom?"}


def test_paragraphs_a_bullet_opens_are_the_list_of_the_paragraph_the_rows_response_answers(tmp_path):
    # Word writes a bulleted list in a cell as paragraphs opening with its bullet: "•", or "·" in a web page and
    # U+F0B7 in text from its Symbol font.
    data = ("<h2>Chapter 1: Water</h2>\t\n<p>1. Companies will publish data:</p><p>\u2022 on every spill;</p><p>\u00b7\u00a0\u00a0within an hour;</p>"
            "<p>\uf0b7 online.</p>\t<p>They must already.</p>\t\n<p>2. Fines will rise.</p>\t<p>By how much?</p>\t\n").encode()
    out = converted(tmp_path, "bullets", data)
    review = Review(out, "bullets")
    assert review.rebuttals == {"para-1": "They must already.", "para-2": "By how much?"}
    bullets = review.order[review.order.index("para-1") + 1:review.order.index("para-2")]
    assert [review.items[item] for item in bullets] == ["on every spill;", "within an hour;", "online."]
    assert "\n- on every spill;\n" in (out / "bullets" / "01-chapter-1.md").read_text(encoding="utf-8")


def test_a_dash_under_a_quotation_opens_its_attribution_and_a_row_one_paragraph_wraps_keeps_its_two_columns(tmp_path):
    data = ("<h2>Part 1: Voices</h2>\t\n<p>“I waited eighteen months for counselling.”</p>\t<p>This is typical.</p>\t\n"
            "– Female, age 34\n<p>2. Fares will be capped at £2.\tThe cap is temporary.</p>\n").encode()
    out = converted(tmp_path, "voices", data)
    page = (out / "voices" / "01-part-1.md").read_text(encoding="utf-8")
    assert "\n>\n> – Female, age 34\n" in page  # the quotation's attribution, with the one dash the source typed
    review = Review(out, "voices")
    assert review.items["para-2"] == "2. Fares will be capped at £2." and review.rebuttals["para-2"] == "The cap is temporary."


def test_audit_counts_no_bullets_typed_mark_as_a_word(tmp_path):
    data = "<h2>Part 1: Net zero</h2>\t\n20. We will:\tOld promises.\no introduce a Future Homes Standard\tDelayed.\n".encode()
    result, source, out = convert(tmp_path, "marked", data)
    assert result.returncode == 0, result.stderr
    audited = reviewgen("audit", str(source), "--content", str(out))
    assert audited.returncode == 0 and "lost: 0; added: 0" in audited.stdout, audited.stdout + audited.stderr


def test_responses_alone_on_their_rows_under_bare_paragraphs_are_no_empty_column_and_a_tab_before_a_capital_is_one(tmp_path):
    data = ("<h2>Part 1: Delivery</h2>\n<p>1. We will set up a delivery unit to oversee the strategy.</p>\n"
            "\t<p>Another unit, with no powers.</p>\t\n<p>2. The unit will report to Parliament each year.</p>\n"
            "\t<p>It should report every quarter.</p>\t\n\t<p>And it should publish its data.</p>\t\n"
            "<p>3. Funding rose by 12% in real terms between 2019 and 2023.14\tThe IFS says otherwise.</p>\t\n").encode()
    out = converted(tmp_path, "alone", data)
    assert Review(out, "alone").rebuttals == {
        "para-1": "Another unit, with no powers.", "para-2": "It should report every quarter. And it should publish its data.",
        "para-3": "The IFS says otherwise.",
    }


def test_years_in_a_first_column_take_no_paragraph_numbers(tmp_path):
    data = ("<h2>Foreword</h2>\n<p>This strategy builds on years of work.</p>\t<p>Years of cuts.</p>\t\n"
            "2019\tThe first strategy was published by the Department.\t\n2020\tThe first funding round opened to all schools.\t\n"
            "2021\tThe independent evaluation began its work.\t\n<h2>Chapter 1: Funding</h2>\n"
            "<p>1. We will publish the evaluation in full.</p>\t<p>Good.</p>\t\n<p>2. We will act on it.</p>\t\n").encode()
    out = converted(tmp_path, "years", data)
    review = Review(out, "years")
    assert review.numbered() == [1, 2] and review.rebuttals["para-1"] == "Good."


def test_a_line_opening_yes_or_no_is_an_answer_only_under_a_question(tmp_path):
    data = ("<h2>Part 1: Delivery</h2>\n<p>1. We will set up a delivery unit to oversee the strategy.</p>\t<p>Another unit.</p>\t\n"
            "No. 10 and the Cabinet Office will oversee delivery of the strategy across government, reporting every six months.\n"
            "<p>2. We will consult on a new duty.</p>\t\nQuestion 1: Do you agree with the new duty?\n"
            "Yes. It is overdue by a decade at least.\n").encode()
    out = converted(tmp_path, "answers", data)
    review = Review(out, "answers")
    assert review.rebuttals == {"para-1": "Another unit.", "para-2-question-1-do-you": "Yes. It is overdue by a decade at least."}
    assert review.items["para-1-no-10-and-the"].startswith("No. 10 and the Cabinet Office")


def test_a_quotation_cut_across_rows_of_a_plain_export_is_no_spreadsheets_cell(tmp_path):
    data = ("1. We will set up a delivery unit.\tAnother unit.\t\n"
            '2. The unit will report each year.\t"Every year is not enough. We need\t\n'
            '3. The unit will publish its data.\tquarterly reports" is what one head told us.\t\n'
            '4. The duty will apply to all schools.\t"Including academies?" we asked the minister.\t\n').encode()
    out = converted(tmp_path, "plain", data)
    review = Review(out, "plain")
    assert review.numbered() == [1, 2, 3, 4]
    assert review.rebuttals["para-4"] == '"Including academies?" we asked the minister.'


def test_a_third_column_rating_each_row_keeps_the_response_the_reviewers(tmp_path):
    data = ("<h2>Part 1: Homes</h2>\t\n1. The Government will build 300,000 homes a year.\tNot achieved in any year.\tRed\n"
            "2. Rents will fall.\tThey rose.\tNot met\n").encode()
    review = Review(converted(tmp_path, "rated", data), "rated")
    assert review.numbered() == [1, 2]
    assert review.rebuttals == {"para-1": "Not achieved in any year. Red", "para-2": "They rose. Not met"}


def test_column_titles_that_put_the_reviewers_column_first_are_read_so(tmp_path):
    data = ("Our comment\tGovernment text\nWe welcome this.\t1. The Government will invest in bus services.\n"
            "\t2. Bus fares will be capped at £2.\nThe cap is temporary.\t3. We will publish a bus strategy.\n").encode()
    review = Review(converted(tmp_path, "reversed", data), "reversed")
    assert review.numbered() == [1, 2, 3]
    assert review.rebuttals == {"para-1": "We welcome this.", "para-3": "The cap is temporary."}


def test_a_list_inside_a_list_item_gives_items_of_its_own_its_words_kept_apart(tmp_path):
    data = ("<h2>Part 1: Health</h2>\t\n<p>1. We will:</p><ul><li>Reduce waiting lists<ul><li>in hospitals</li>"
            "<li>in GP surgeries</li></ul></li><li>Increase staff</li></ul>\t<p>Waiting lists have grown.</p>\t\n").encode()
    out = converted(tmp_path, "nested", data)
    page = (out / "nested" / "01-part-1.md").read_text(encoding="utf-8")
    for item in ("Reduce waiting lists", "in hospitals", "in GP surgeries", "Increase staff"):
        assert f"\n- {item}\n" in page, item
    assert Review(out, "nested").rebuttals == {"para-1": "Waiting lists have grown."}


def test_a_response_of_a_dash_alone_is_no_rebuttal(tmp_path):
    data = ("<h2>Part 1: Homes</h2>\t\n<p>1. We will build homes.</p>\t<p>—</p>\t\n<p>2. Rents will fall.</p>\t-\t\n"
            "<p>3. We will act.</p>\tN/A\t\n").encode()
    review = Review(converted(tmp_path, "dashes", data), "dashes")
    assert review.numbered() == [1, 2, 3] and review.rebuttals == {"para-3": "N/A"}  # "N/A" is words the reviewer wrote


def test_the_documents_numbered_notes_under_a_notes_heading_stay_the_originals(tmp_path):
    data = ("<p>1. Crime fell by 10%1 in the last year.</p>\t<p>Disputed.</p>\t\n<p>2. Funding rose to £3bn.2</p>\t<p>Not real terms.</p>\t\n"
            "<h2>Notes</h2>\n1 ONS, Crime in England and Wales, 2023.\n2 HM Treasury, Spending Review 2021.\n"
            "3 DLUHC, English Housing Survey 2022.\n").encode()
    review = Review(converted(tmp_path, "notes", data), "notes")
    assert review.rebuttals == {"para-1": "Disputed.", "para-2": "Not real terms."}
    assert [text for item_id, text in review.items.items() if item_id.startswith("para-2-")] == [
        "1 ONS, Crime in England and Wales, 2023.", "2 HM Treasury, Spending Review 2021.", "3 DLUHC, English Housing Survey 2022."]


def test_text_before_any_heading_is_on_a_page_titled_as_the_review(tmp_path):
    (tmp_path / "untitled.yml").write_text("title: Schools review\n", encoding="utf-8")
    out = converted(tmp_path, "untitled", b"1. We will recruit more teachers.\tRecruitment fell short.\n")
    page = next((out / "untitled").glob("01-*.md")).read_text(encoding="utf-8")
    assert "\ntitle: Schools review\n" in page and "\n# Schools review\n" in page


def test_a_table_typed_in_markdown_is_read_by_its_rows_and_its_titles_are_left_out(tmp_path):
    data = (
        "## Chapter 1: Housing\n\n"
        "| Government text | Our response |\n"
        "|:---|---:|\n"
        "| 1. We will build 300,000 homes a year. | Not since **1977**. |\n"
        "| 2. Rents will fall \\| or rise. | By what measure? See [the index](https://example.org/rents). |\n"
        "| 3. Councils will get powers. | |\n"
        "\n"
        "4. A paragraph after the table.\tIts reply.\t\n"
    ).encode()
    result, source, out = convert(tmp_path, "pipes", data)
    assert result.returncode == 0, result.stderr
    review = Review(out, "pipes")
    assert review.numbered() == [1, 2, 3, 4]
    assert review.items["para-2"] == "2. Rents will fall | or rise."  # an escaped pipe is the text's
    assert sorted(review.rebuttals) == ["para-1", "para-2", "para-4"] and review.rebuttals["para-4"] == "Its reply."
    page = (out / "pipes" / "01-chapter-1.md").read_text(encoding="utf-8")
    assert "[^para-1]: Not since **1977**.\n" in page
    assert "[^para-2]: By what measure? See [the index](https://example.org/rents).\n" in page
    assert page.count("|") == 1  # the text's own pipe; none of the table's is left
    assert f"{source}:3: “Government text | Our response” left out as the table's column titles" in result.stdout


def test_a_footer_with_a_pipe_is_no_markdown_table(tmp_path):
    # "24 | Title" between rows has no delimiter row under it: the export's lines, read as before
    data = "".join(
        f"<p>{n}. Paragraph {n} of the plan.</p>\t<p>Reply {n}.</p>\t\n{n + 20} | Housing Action review\n" for n in range(1, 5)
    ).encode()
    review = Review(converted(tmp_path, "footer", data), "footer")
    assert review.numbered() == [1, 2, 3, 4]
    assert review.rebuttals == {f"para-{n}": f"Reply {n}." for n in range(1, 5)}


def test_text_typed_as_a_box_of_the_sites_markdown_stays_text(tmp_path):
    data = ('<h2>Chapter 1: Boxes</h2>\t\n<p>Intro.</p><p>!!! danger "Fake warning"</p>\t\n'
            '<p>1. Claim.</p>\t<p>First.</p><p>!!! warning "Injected"</p><p>??? note "Folded"</p>\t\n').encode()
    out = converted(tmp_path, "boxes", data)
    page = out / "boxes" / "01-chapter-1.md"
    soup = render_page(page)
    assert soup.find(class_="admonition") is None
    review = Review(out, "boxes")
    assert review.rebuttals["para-1"] == 'First. !!! warning "Injected" ??? note "Folded"'
    assert '!!! danger "Fake warning"' in " ".join(review.items.values())


def test_text_before_any_heading_of_a_source_without_a_title_is_headed_introduction(tmp_path):
    out = converted(tmp_path, "untitled", "<p>1. We will act.</p>\t<p>When?</p>\t\n".encode())
    page = (out / "untitled" / "01-introduction.md").read_text(encoding="utf-8")
    assert "title: Introduction\n" in page and "\n# Introduction\n" in page


def test_a_bullets_mark_is_as_wide_as_it_reads_and_an_o_a_page_break_left_is_a_words_end(tmp_path):
    data = ("<h2>Chapter 1: Marks</h2>\t\n<p>1. The first paragraph.</p>\t<p>A response.</p>\t\n\u00b7  Protection second\n"
            "##   Part two of it\n"
            "<p>2. The aim is in line with the commitment made t</p>\t\t\n<p>o the House in 2019.</p>\t<p>It failed.</p>\t\n").encode()
    out = converted(tmp_path, "marks", data)
    review = Review(out, "marks")
    texts = [review.items[item] for item in review.order]
    assert "Protection second" in texts  # its first letter kept: the mark and the two spaces after it are one mark
    page = "".join(path.read_text(encoding="utf-8") for path in sorted((out / "marks").rglob("0*.md")))
    assert "# Part two of it" in page
    assert review.items["para-2"].startswith("2. The aim is in line with the commitment made t") and "o the House in 2019." in review.items["para-2"]
    assert review.rebuttals["para-2"] == "It failed."


def test_a_markdown_table_of_figures_is_a_figures_table_and_titles_over_nothing_stay_text(tmp_path):
    data = ("<p>12. The figures follow.</p>\t\t\n<p>Figure 9: Relationship of perpetrator</p>\t\t\n"
            "| Relationship | Percentage |\n|---|---|\n| Mother | 3% |\n| Stranger | 2% |\n"
            "24 | Housing Action review\n"
            "<p>13. Rents will fall.</p>\t<p>By how much?</p>\t\nRents | Prices\n--- | ---\n").encode()
    out = converted(tmp_path, "figures", data)
    page = (out / "figures" / "01-introduction.md").read_text(encoding="utf-8")
    assert "**Figure 9: Relationship of perpetrator**" in page
    assert "| Relationship | Percentage |\n|---|---|\n| Mother | 3% |\n| Stranger | 2% |\n" in page  # one table, its titles its head
    assert "24 | Housing Action review" in page  # a line without the table's edge pipes is no row of it
    review = Review(out, "figures")
    assert review.rebuttals == {"para-13": "By how much?"}
    assert "Rents | Prices" in review.items.values()  # titles over no row: the line as typed
