"""A Word document whose body holds a two-column table -> the lines of a two-column export.

Campaign groups mostly write a point-by-point response as a Word table: the
original's paragraph on the left, the response on the right, a row each.
mammoth (a maintained .docx reader) turns the document into clean HTML with
its bold, italic, links, lists, footnotes and merged cells; each row of the
table then becomes one line of the export format (``original TAB response``)
(paragraphs Word numbers itself open with their numbers first: ``word_numbering``)
and each paragraph outside the table a line of its own, so the rest of the
converter, its checks, audit and overrides are the same for both formats.

Line N of a Word source is the Nth block of its body: a paragraph outside the
table or a row of the table (header rows included), the way overrides and
messages count it.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Sequence

from bs4 import BeautifulSoup, NavigableString, Tag

from ..document.errors import ReviewgenError
from ..document.html import parse, serialise
from . import classify
from .word_numbering import NOTE_FORMATS, formatted, note_formats, numbers_as_text, rewritten

FOOTNOTE_REF = re.compile(r"^#(footnote|endnote)-(\d+)$")
FOOTNOTE_ID = re.compile(r"^(?:footnote|endnote)-\d+$")
NOTE_MARK = "data-mark"  # on a note, the mark its page shows for it, where that is not its number
TABLE_SECTIONS = ["thead", "tbody", "tfoot"]
SEPARATORS = re.compile(r"[\t\r\n]+")  # a TAB would split a cell into two columns
# What the converter would read as Markdown in a text export ("**bold**", "[label](address)"): typed in
# Word, it is text, so each such sign is escaped and the converter reads it as the character it is.
MARKDOWN_SIGNS = re.compile(r"[\\*\[\]]")


def docx_lines(path: Path) -> list[str]:
    """The document's body as export lines; a ReviewgenError for a file that is not a Word document."""
    import mammoth  # only a Word source needs it

    data, formats = path.read_bytes(), NOTE_FORMATS
    if data.startswith(COMPOUND_FILE):  # how Word stores a document it encrypts, and its old .doc format
        raise ReviewgenError(
            "this Word document is protected by a password (or is an old .doc under a .docx name): open it in Word, "
            "remove the password under File > Info > Protect Document, or save it as .docx, and convert that", path,
        )
    refuse_too_large(path, data)
    try:
        data = readable(numbers_as_text(data))  # "43." as Word numbers it, and the text and spaces mammoth would drop
        formats = note_formats(data)
    except (zipfile.BadZipFile, KeyError, OSError):
        pass  # not a readable archive: mammoth says so below
    try:
        with io.BytesIO(data) as stream:
            html = mammoth.convert_to_html(stream).value
    except ReviewgenError:  # Ctrl-C or SIGTERM while mammoth reads (``Interrupted``): no fault of the file's
        raise
    except Exception as error:  # mammoth raises zip, XML and key errors of its own for a broken file
        raise ReviewgenError(f"this is not a Word document reviewgen can read ({type(error).__name__}); save it again from Word as .docx", path) from None
    if "<table" not in html:  # mammoth writes a "<" of the text as "&lt;": this is a table of the document's
        raise ReviewgenError(
            "the Word document holds no table; a review in Word is a table of two columns, the original's text beside "
            "the response (one row a paragraph): put it in one, or export it as text", path,
        )
    return html_lines(html, formats)


# The most a Word document's parts may hold unpacked. mammoth's XML reader takes time in the square of a part's
# size past some tens of megabytes (40 MB: 18 s; 100 MB: minutes), and a review's text is a few megabytes: a part
# past this is a mistake or a trap (a small file that unpacks to gigabytes), refused before it is read.
LARGEST_UNPACKED = 32 * 1024 * 1024


COMPOUND_FILE = b"\xd0\xcf\x11\xe0"


def refuse_too_large(path: Path, data: bytes) -> None:
    """A document that unpacks to more than LARGEST_UNPACKED, or that holds no text part, is refused."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            largest = max(archive.infolist(), key=lambda info: info.file_size, default=None)
            total = sum(info.file_size for info in archive.infolist())
            body = "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return  # not an archive: mammoth says so
    if not body:
        raise ReviewgenError("this file holds no word/document.xml, so it is no Word document or a damaged one; save it again from Word as .docx", path)
    if largest is not None and total > LARGEST_UNPACKED:
        raise ReviewgenError(
            f"the Word document unpacks to {total / 2**20:,.0f} MB ({largest.filename} {largest.file_size / 2**20:,.0f} MB), more "
            f"than the {LARGEST_UNPACKED // 2**20} MB a review's text can take; save it again from Word, or export it as text", path,
        )


# What mammoth drops or runs together, and Word shows as text or space, made so before mammoth reads it:
# * the wrappers of a simple field (a cross-reference "paragraph 2" Word keeps as <w:fldSimple>) and of
#   right-to-left text (<w:bdo>, <w:dir>): mammoth drops the runs inside them; without the wrapper they are text;
# * a page or column break, a carriage return and a positioned tab inside a line: each stands between two
#   words, which mammoth would join ("written" + "by" -> "writtenby"): a space;
# * hidden text (a run whose properties say <w:vanish/>): Word neither shows nor prints it, so it is no text
#   of the document (a drafter's note "[Internal: ...]" must not be published);
# * a row marked as no header row (<w:tblHeader w:val="0"/>), which mammoth would read as one.
WRAPPERS = re.compile(rb"<w:(?:fldSimple|bdo|dir)\b[^>]*/>|<w:(?:fldSimple|bdo|dir)\b[^>]*>|</w:(?:fldSimple|bdo|dir)>")
BREAKS = re.compile(rb'<w:br\b[^>]*?\bw:type="(?:page|column)"[^>]*/>|<w:cr\s*/>|<w:ptab\b[^>]*/>')
SPACE = b'<w:t xml:space="preserve"> </w:t>'
# A row Word is told is no header row: mammoth reads the element and not its value, so it goes.
NOT_HEADER = re.compile(rb'<w:tblHeader\s+w:val="(?:0|false|off)"\s*/>')
# (Its properties hold <w:vanish/> before any tracked record of earlier ones, <w:rPrChange>: a run that was hidden
# once and is shown now stays.)
HIDDEN_RUN = re.compile(rb"<w:r(?:\s[^>]*)?>(?:(?!</w:r>|<w:rPrChange).){0,2000}?<w:vanish\s*/>(?:(?!</w:r>).)*?</w:r>", re.S)
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")


def readable(docx: bytes) -> bytes:
    """A .docx (as bytes) with its fields' and right-to-left text unwrapped, its breaks spaces and its hidden
    text left out (``WRAPPERS``, ``BREAKS``, ``HIDDEN_RUN``); unchanged when it has none of them."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = set(archive.namelist())
        changed = {}
        for name in TEXT_PARTS:
            if name not in names:
                continue
            xml = archive.read(name)
            edited = BREAKS.sub(SPACE, WRAPPERS.sub(b"", HIDDEN_RUN.sub(b"", xml) if b"<w:vanish" in xml else xml))
            edited = NOT_HEADER.sub(b"", edited)
            if edited != xml:
                changed[name] = edited
        return rewritten(archive, changed) if changed else docx


def html_lines(html: str, formats: dict[str, str] = NOTE_FORMATS) -> list[str]:
    """mammoth's HTML of a document -> export lines, a block or a table row each; its notes marked as
    ``formats`` says the document numbers them (``note_formats``)."""
    soup = parse(html)
    return [line for _, line in block_lines(soup, soup.find_all(recursive=False), formats)]


def block_lines(soup: BeautifulSoup, blocks: Sequence[Tag], formats: dict[str, str] = NOTE_FORMATS) -> list[tuple[Tag, str]]:
    """Each of ``blocks`` (the body's, in order) as an export line, a table as a line for each of its rows,
    each line with the element it comes from: the words of a document whose structure is HTML's."""
    for picture in soup.find_all("img"):
        picture.decompose()  # pictures are no text: a figure whose image is lost says so (the converter's figures)
    for box in soup.find_all("input"):  # a check box in a content control, as Word shows it
        box.replace_with("\u2612" if box.has_attr("checked") else "\u2610")
    for typed in soup.find_all(string=MARKDOWN_SIGNS):
        if type(typed) is NavigableString and typed.find_parent("a") is None:  # a link's text is read as it is
            typed.replace_with(MARKDOWN_SIGNS.sub(r"\\\g<0>", str(typed)))
    notes = footnotes(soup, formats)
    lines: list[tuple[Tag, str]] = []
    titles: set[tuple[str, ...]] = set()  # the column titles met so far: a table repeats them after a page break
    for block in blocks:
        if block.decomposed or block.parent is None:
            continue  # a picture, or the list of notes, taken out above
        if block.name == "table":
            lines.extend((row, row_line(row, notes, first, titles, covered)) for row, first, covered in table_rows(block))
        else:
            lines.append((block, cell_html(block, notes)))
    return lines


def table_rows(table: Tag) -> list[tuple[Tag, bool, frozenset[int]]]:
    """The table's rows, each with whether it is the table's first, and the positions among its cells that a
    cell merged down from a row above covers (Word's vertically merged cells: mammoth writes the cell once,
    with ``rowspan``, and leaves it out of the rows below). Under a title row across the table a row of short
    cells may be column titles or the first row of text ("Home Secretary foreword | No comment"): it is kept."""
    found, first = [], True
    covering: dict[int, tuple[int, int]] = {}  # first column -> (rows still covered, columns wide) by a merged cell above
    for row in rows(table):
        cells = row.find_all(["td", "th"], recursive=False)
        covered, column, position = set(), 0, 0
        for cell in [*cells, None]:
            while covering.get(column, (0, 0))[0]:
                left, width = covering[column]
                covering[column] = (left - 1, width)
                covered.add(position)  # one empty cell for it, as it is one cell in its own row
                column, position = column + width, position + 1
            if cell is None:
                break
            span, width = _count(cell.get("rowspan")), _count(cell.get("colspan"))
            if span > 1:
                covering[column] = (span - 1, width)
            column, position = column + width, position + 1
        found.append((row, first, frozenset(covered)))
        first = False
    return found


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() and 0 < int(value) < 1000 else 1


def footnotes(soup: BeautifulSoup, formats: dict[str, str] = NOTE_FORMATS) -> dict[str, tuple[str, str]]:
    """Each footnote's and endnote's mark as the text shows it (``note_mark``) and its text as HTML, without
    the link back, by its id ("endnote-3"): a footnote and an endnote may show the same mark."""
    found = {}
    for note in soup.find_all("li", id=FOOTNOTE_ID):
        for back in note.find_all("a", href=re.compile(r"^#(?:footnote|endnote)-ref-")):
            back.decompose()
        kind, number = note["id"].rsplit("-", 1)
        mark = str(note.attrs.pop(NOTE_MARK, "")) or note_mark(kind, number, formats)  # a web page's note says its mark
        found[note["id"]] = (mark, cell_html(note, {}, inner=True).strip())  # a web page lays its HTML out on lines
        listing = note.parent
        note.extract()
        if listing is not None and listing.name == "ol" and not listing.find("li"):
            listing.decompose()  # the list of notes, now empty
    return found


def note_mark(kind: str, number: str, formats: dict[str, str] = NOTE_FORMATS) -> str:
    """A note's mark as Word prints it: in the document's format for its kind of note ("3" for a footnote,
    "iii" for an endnote, unless the document says otherwise)."""
    return formatted(int(number), formats.get(kind, "decimal"))


def rows(table: Tag) -> list[Tag]:
    """The table's rows in order, header rows included (they count as lines too): its own, not a nested table's,
    found among its children and its sections' (a search of all it holds took time in the square of the nesting)."""
    found: list[Tag] = []
    for child in table.find_all(["tr", *TABLE_SECTIONS], recursive=False):
        found.extend([child] if child.name == "tr" else child.find_all("tr", recursive=False))
    return found


def is_header(row: Tag, texts: tuple[str, ...], first: bool, titles: set[tuple[str, ...]] = frozenset()) -> bool:
    """A row of column titles ("Original | Our response"), its cells' ``texts``: marked as a header in Word and
    holding no sentence (every row of a table may be marked: "3. Rivers will be clean." is text), the titles of
    a table before it again (``titles``), or a first row of short titles with no number and no sentence in it."""
    cells = row.find_all(["td", "th"], recursive=False)
    if len(cells) >= 2 and all(cell.name == "th" for cell in cells) and not any(classify.ends_sentence(text) for text in texts):
        return True  # a row of header cells (a web page's row of one <th scope=row> cell is a row of text)
    if len(texts) >= 2 and texts in titles:
        return True
    return first and classify.are_column_titles(texts)


def row_line(
    row: Tag, notes: dict[str, str], first: bool = False, titles: set[tuple[str, ...]] | None = None, covered: frozenset[int] = frozenset(),
) -> str:
    """A row as an export line: its cells between TABs, an empty one where a merged cell above covers a column
    (so a response beside a merged paragraph stays in the response's column)."""
    cells = row.find_all(["td", "th"], recursive=False)
    texts = tuple(cell.get_text(" ", strip=True) for cell in cells)
    if is_header(row, texts, first, titles if titles is not None else set()):
        if titles is not None:
            titles.add(texts)
        return classify.column_titles_line(texts)  # the table's column titles: furniture, named in the summary (parser.column_titles)
    parts = [cell_html(cell, notes, inner=True) for cell in cells]  # every column: a third is read, never dropped
    for position in sorted(covered):
        parts.insert(position, "")
    return "\t".join(parts) + "\t"


def cell_html(element: Tag, notes: dict[str, tuple[str, str]], inner: bool = False) -> str:
    """One cell (or block) as export HTML: footnote numbers kept in the text, the notes after it."""
    cited = []
    for ref in element.find_all("a", href=FOOTNOTE_REF):
        note_id = ref["href"].removeprefix("#")
        mark = notes[note_id][0] if note_id in notes else note_mark(*FOOTNOTE_REF.match(ref["href"]).groups())
        cited.append(note_id)
        sup = ref.find_parent("sup") or ref
        sup.replace_with(f"[{mark}]")
    html = serialise(element.contents if inner else [element])
    for note_id in cited:
        if note_id in notes:
            mark, note = notes[note_id]
            html += f"<p>[{mark}] " + note.removeprefix("<p>")
    return SEPARATORS.sub(" ", html)
