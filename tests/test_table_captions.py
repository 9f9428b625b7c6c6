"""A table's caption ("Table 3: ...") opens a figure holding the table, as a figure's caption does."""

from __future__ import annotations

from conftest import Review

from reviewgen.commands.convert import convert


def converted(tmp_path, name: str, text: str) -> str:
    """The first page of the review converted from ``text``."""
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    convert(source, tmp_path / "out")
    return next((tmp_path / "out" / name).glob("01-*.md")).read_text(encoding="utf-8")


SOURCE = (
    "<h2>Part 1: Homes</h2>\t\n"
    "<p>1. We will build more homes.</p>\t<p>How many?</p>\t\n"
    "<p>Table 1: Homes built by year</p>\t\n"
    "<table><tr><th>Year</th><th>Homes</th></tr><tr><td>2019</td><td>200</td></tr></table>\t\n"
    "<p>Source: Live tables on housing supply</p>\t\n"
    "<p>2. Planning will be faster.</p>\t<p>It will not.</p>\t\n"
    "<p>Table 2: Planning decisions</p>\t<p>This table leaves out appeals.</p>\t\n"
    "<table><tr><th>Year</th><th>Decisions</th></tr><tr><td>2019</td><td>300</td></tr></table>\t\n"
    "<p>3. Table 3 shows that we are right.</p>\t\n"
    "Table 4: Homes empty by region\n"
    "<p>4. The last paragraph.</p>\t\n"
)


def test_a_table_caption_holds_its_table_source_and_rebuttal_and_is_no_heading(tmp_path):
    source = tmp_path / "homes.txt"
    source.write_text(SOURCE, encoding="utf-8")
    convert(source, tmp_path / "out")
    page = (tmp_path / "out" / "homes" / "01-part-1.md").read_text(encoding="utf-8")
    review = Review(tmp_path / "out", "homes")
    assert review.numbered() == [1, 2, 3, 4]
    # each caption is the caption of a figure that holds its table and its source, not a heading
    assert "# Table" not in page and page.count('<figure markdown="1">') == 3
    first = page.index("**Table 1: Homes built by year**")
    assert page.index("<figcaption", first - 40) < first < page.index("| 2019 | 200 |") < page.index("Source: Live tables") < page.index("</figure>", first)
    # the reviewer's words beside a caption answer that table
    caption = review.find("Table 2: Planning decisions")
    assert review.rebuttals[caption] == "This table leaves out appeals." and review.rebuttals["para-2"] == "It will not."
    # a sentence naming a table is the paragraph it is
    assert review.items["para-3"] == "3. Table 3 shows that we are right."
    # a caption whose table did not survive says so, as a table
    lost = page[page.index("**Table 4: Homes empty by region**"):]
    assert lost.index("This table is not in the exported text") < lost.index("</figure>") < lost.index("4\\. The last paragraph.")


def test_cells_between_tabs_under_a_table_caption_are_its_rows_not_a_diagram(tmp_path):
    page = converted(tmp_path, "grid", (
        "<h2>Part 1: Homes</h2>\t\n<p>1. We will build more homes.</p>\t<p>How many?</p>\t\n"
        "<p>Table 1: Homes built by year</p>\t\nYear\tHomes\tFlats\n2019\t200\t50\n2020\t210\t60\n"
        "<p>Source: Live tables</p>\t\n<p>2. Planning will be faster.</p>\t<p>It will not.</p>\t\n"
    ))
    assert "| Year | Homes | Flats |\n|---|---|---|\n| 2019 | 200 | 50 |\n| 2020 | 210 | 60 |" in page
    assert 'class="diagram"' not in page


def test_cells_beside_a_caption_on_its_own_line_head_its_table_in_their_columns(tmp_path):
    page = converted(tmp_path, "beside", (
        "<h2>Part 1: Homes</h2>\t\n<p>1. We built more homes, as the table shows.</p>\t<p>Not according to the ONS.</p>\t\n"
        "Table 1: Homes built by year\t2019\t2020\t2021\nEngland\t120,000\t130,000\t140,000\nWales\t5,000\t5,500\t6,000\n"
        "<p>2. We will build more.</p>\t<p>How many?</p>\t\n"
    ))
    caption = page.index("**Table 1: Homes built by year**")
    table = page.index("|   | 2019 | 2020 | 2021 |\n|---|---|---|---|\n| England | 120,000 | 130,000 | 140,000 |\n| Wales | 5,000 | 5,500 | 6,000 |")
    assert caption < table < page.index("</figure>") < page.index("2\\. We will build more.")
    assert "# 2021" not in page and "\n2019\n" not in page  # the years stay in their table, none a heading or a paragraph of its own
    review = Review(tmp_path / "out", "beside")
    assert review.numbered() == [1, 2] and review.rebuttals["para-1"] == "Not according to the ONS."


def test_a_sentence_beside_a_caption_is_not_taken_for_its_table(tmp_path):
    page = converted(tmp_path, "said", (
        "<h2>Part 1: Homes</h2>\t\n<p>1. We built more homes.</p>\t<p>How many?</p>\t\n"
        "Table 1: Homes built by year\tThe table is below.\tIt counts every region.\n"
        "<p>2. We will build more.</p>\t<p>How many?</p>\t\n"
    ))
    assert "|" not in page and page.index("The table is below.") < page.index("It counts every region.") < page.index("2\\. We will build more.")


def test_a_header_row_repeated_after_each_page_break_is_kept_once_at_the_head(tmp_path):
    source = tmp_path / "waits.txt"
    source.write_text(
        "<h2>Part 2: Waiting lists</h2>\t\n<p>30. Waiting lists have grown, as Table 2 shows.</p>\t<p>They grew before.</p>\t\n"
        "Table 2: Patients waiting by region\nRegion\t2019\t2023\t\nNorth East\t41,000\t97,000\t\n\n"
        "Region\t2019\t2023\t\nLondon\t95,000\t230,000\t\n\nRegion\t2019\t2023\t\nSouth West\t60,000\t139,000\t\n"
        "Source: NHS England\n<p>31. We will act.</p>\t<p>When?</p>\t\n",
        encoding="utf-8",
    )
    summary = convert(source, tmp_path / "out")
    page = (tmp_path / "out" / "waits" / "01-part-2.md").read_text(encoding="utf-8")
    assert ("| Region | 2019 | 2023 |\n|---|---|---|\n| North East | 41,000 | 97,000 |\n| London | 95,000 | 230,000 |\n"
            "| South West | 60,000 | 139,000 |") in page
    assert page.count("Region") == 1 and "2 duplicate table rows dropped" in str(summary)


def test_a_plain_line_after_the_reviewers_question_under_a_figure_is_a_close_call_an_override_settles(tmp_path):
    text = (
        "<h2>Part 2: Homes</h2>\t\n<p>12. The figures follow.</p>\t\nFigure 4: Homes built, 2010 to 2019\n"
        "Source: Live tables\nNote: Wales is estimated.\nWhy does the series stop in 2019?\n"
        "The ONS published later figures in 2021.\n<p>13. We will act.</p>\t\n"
    )
    source = tmp_path / "homes.txt"
    source.write_text(text, encoding="utf-8")
    summary = convert(source, tmp_path / "out")
    assert (f"{source}:7: a line under a figure taken as the figure's note going on after the reviewer's question; "
            "if it is the reviewer's, add the override {line: 7, column: reviewer}") in summary.line_notes
    assert Review(tmp_path / "out", "homes").items["figure-4-note-3"] == "The ONS published later figures in 2021."
    source.with_suffix(".yml").write_text("overrides:\n  - {line: 7, column: reviewer}\n", encoding="utf-8")
    convert(source, tmp_path / "out", force=True)
    review = Review(tmp_path / "out", "homes")
    assert "figure-4-note-3" not in review.items
    assert review.rebuttals["figure-4-note-2"] == "Why does the series stop in 2019? The ONS published later figures in 2021."


def test_a_table_a_page_break_cut_in_two_with_its_header_repeated_is_one_table(tmp_path):
    source = tmp_path / "waits.txt"
    table = "<p><table><tr><th>Region</th><th>2019</th></tr><tr><td>{0}</td><td>{1}</td></tr></table></p>\tRegion\t2019\t{0}\t{1}\nRegion\t2019\n{0}\t{1}\n"
    source.write_text(
        "<h2>Part 2: Waits</h2>\t\n<p>30. Waiting lists have grown.</p>\t<p>They grew before.</p>\n"
        "<p>Table 2: Patients waiting by region</p>\t\n" + table.format("North", "41,000") + "\n" + table.format("London", "95,000")
        + "<p>Source: NHS England</p>\t<p>Which year?</p>\n<p>31. We will act.</p>\t<p>When?</p>\n",
        encoding="utf-8",
    )
    convert(source, tmp_path / "out")
    page = (tmp_path / "out" / "waits" / "01-part-2.md").read_text(encoding="utf-8")
    assert "| Region | 2019 |\n|---|---|\n| North | 41,000 |\n| London | 95,000 |\n" in page
    assert page.count("Region") == 1 and page.count("<figure") == 1
    review = Review(tmp_path / "out", "waits")
    assert review.rebuttals[review.find("Source: NHS England")] == "Which year?" and review.numbered() == [30, 31]
