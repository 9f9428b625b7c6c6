"""Reading a source file safely: clear errors for everything that is not a text export."""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

from ..document.errors import ReviewgenError
from ..document.escaping import text as html_text
from .classify import column_titles_line, holds_figures

# The controls that stand between words: a line break inside a cell (Word's text export writes
# Shift+Enter as \x0b), a page break (pdftotext writes \x0c) and the information separators. Each
# becomes a space, so the words either side stay two words.
SEPARATOR = re.compile(r"[\x0b\x0c\x1c-\x1f]")
# The other C0 controls but TAB and line ends, and DEL: invisible, never words, and \x02/\x03
# are the placeholders Python-Markdown uses inside its own processing. Each goes.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


def without_controls(lines: list[str]) -> list[str]:
    return [CONTROL.sub("", SEPARATOR.sub(" ", line)) for line in lines]


# A spreadsheet's text export quotes a cell that holds a line break, a TAB or a quote: "It is welcome.
# <line break> But ..." and "The ""fully funded"" claim". Such a cell (one whose quote closes on a later
# line, or that doubles a quote inside), in rows all of the same number of cells, says a source is one.
def _doubles_a_quote(line: str) -> bool:
    """A cell of the line in quotes that doubles a quote inside ("The ""fully funded"" claim")."""
    return any(len(cell) >= 4 and cell[0] == cell[-1] == '"' and '""' in cell[1:-1] for cell in line.split("\t"))


def spreadsheet_rows(lines: list[str]) -> list[str]:
    """The lines of a spreadsheet's text export with its quoted cells read as the spreadsheet wrote them: the
    quotes around a cell gone, a doubled quote one quote, and a cell's lines a paragraph each (``<p>``, its text
    escaped), the row on the line it starts on and the lines it took blank, so every line keeps its number.
    Any other source as it is: a quotation a cell opens with stays as it was typed."""
    if not any(line.startswith('"') or '\t"' in line for line in lines):
        return lines  # no cell opens with a quote
    records = []
    reader = csv.reader((line + "\n" for line in lines), delimiter="\t", quotechar='"', strict=False)
    start = 0
    try:
        for record in reader:
            records.append((start, reader.line_num, record))
            start = reader.line_num
    except csv.Error:  # a cell longer than a spreadsheet's (csv's limit): no spreadsheet's export
        return lines
    quoted = any(end - begin > 1 for begin, end, _ in records) or any(_doubles_a_quote(line) for line in lines)
    widths = {len(record) for _, _, record in records if record}
    if not quoted or len(widths) != 1 or min(widths) < 2 or not _as_written(records, lines):
        return lines  # a quotation a cell opens with, in a source whose rows are no spreadsheet's
    rows = [""] * len(lines)
    for begin, _, record in records:
        rows[begin] = "\t".join(_cell(cell) for cell in record)
    return rows


# A table typed in Markdown (GitHub's pipe table): a row of cells between pipes, the delimiter row under its first
# row ("|---|:---:|"), a row a line. The delimiter row is what says it is one: a footer's "24 | Title" is none.
PIPE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
PIPE = re.compile(r"(?<!\\)\|")  # a cell's edge; "\|" is a pipe in its text


def pipe_table_rows(lines: list[str]) -> list[str]:
    """The lines of a source with its Markdown pipe tables as the export's rows: each row's cells between TABs,
    the titles over the delimiter row as a table's column titles (left out and named, as a Word table's are);
    a table of figures (``classify.holds_figures``) as one line holding its table, as a figure's. Every line
    keeps its number (the delimiter row and a figure's rows are left blank). Any other line as it is."""
    if not any("|" in line and "-" in line and PIPE_DELIMITER.match(line) for line in lines):
        return lines
    rows, at = list(lines), 1
    while at < len(lines):
        titles = _pipe_cells(lines[at - 1]) if PIPE_DELIMITER.match(lines[at]) else None
        piped = lines[at - 1].lstrip().startswith("|")
        body, end = [], at + 1
        while titles is not None and end < len(lines) and lines[end].lstrip().startswith("|") == piped and (cells := _pipe_cells(lines[end])):
            body.append(cells)  # a row written as the titles are, with or without the pipes at its edges
            end += 1
        if not body:  # no table, or titles over nothing: the lines as they are
            at += 1
            continue
        if holds_figures([cell for cells in body for cell in cells]):
            rows[at - 1:end] = [_figures_line(titles, body)] + [""] * (end - at)
        else:
            rows[at - 1:end] = [column_titles_line(titles) if any(titles) else "", ""] + ["\t".join(cells) + "\t" for cells in body]
        at = end + 1
    return rows


def _figures_line(titles: list[str], body: list[list[str]]) -> str:
    """A table of figures as one line holding it, its titles its header: the converter reads it as a figure's table."""
    head = "".join(f"<th>{html_text(cell)}</th>" for cell in titles)
    rows = "".join("<tr>" + "".join(f"<td>{html_text(cell)}</td>" for cell in cells) + "</tr>" for cells in body)
    return f"<table><tr>{head}</tr>{rows}</table>\t"


def _pipe_cells(line: str) -> list[str] | None:
    """A pipe table row's cells, their pipes escaped as typed read as pipes; None for a line that is no row."""
    inner = line.strip()
    if len(inner) < 2 or "\t" in inner:
        return None
    inner = inner.removeprefix("|").removesuffix("|") if inner.endswith("|") and not inner.endswith("\\|") else inner.removeprefix("|")
    cells = [cell.strip().replace("\\|", "|") for cell in PIPE.split(inner)]
    return cells if len(cells) >= 2 else None


def _as_written(records: list, lines: list[str]) -> bool:
    """Whether a spreadsheet writing the cells read would write the source again, character for character: it
    quotes a cell only where it must, so a quotation a reviewer typed ("Including academies?" we asked) is none."""
    written = io.StringIO()
    csv.writer(written, delimiter="\t", quotechar='"', lineterminator="\n").writerows(record for _, _, record in records)
    return written.getvalue().rstrip("\n") == "\n".join(lines).rstrip("\n")


def _cell(text: str) -> str:
    paragraphs = [paragraph.strip() for paragraph in text.split("\n") if paragraph.strip()]
    if len(paragraphs) < 2:
        return text
    return "".join(f"<p>{html_text(paragraph)}</p>" for paragraph in paragraphs)


def likely_encoding(data: bytes) -> str:
    """A guess to suggest for a file that is not UTF-8 (Windows exports are mostly cp1252)."""
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


SUPPORTED = "a two-column export (.txt, UTF-8 text), or a Word document (.docx) or web page (.html) holding a two-column table"

# Formats people reach for that reviewgen does not read, by the bytes they start with.
UNSUPPORTED = (
    (b"%PDF", "a PDF"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"PK\x03\x04", "a zip archive (an OpenDocument or other Office file)"),
)
WEB_PAGE_SUFFIXES = (".html", ".htm")
SOURCE_SUFFIXES = (".txt", ".docx", *WEB_PAGE_SUFFIXES)


# Windows' "Unicode" text is UTF-16 and says so in its first bytes (UTF-32's before UTF-16's, which they begin with).
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def marked_encoding(data: bytes) -> str | None:
    """The encoding a file's byte order mark names, if it is one whose text holds NUL bytes."""
    return next((name for mark, name in BYTE_ORDER_MARKS if data.startswith(mark)), None)


def is_wide(encoding: str | None) -> bool:
    """Whether text in ``encoding`` holds NUL bytes as a matter of course (UTF-16, UTF-32)."""
    try:
        return encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def looks_like_utf16(data: bytes) -> bool:
    """Mostly ASCII text in UTF-16: every other byte NUL."""
    sample = data[:4096]
    return len(sample) >= 4 and (sample[1::2].count(0) > 0.9 * len(sample[1::2]) or sample[0::2].count(0) > 0.9 * len(sample[0::2]))


def is_word_document(path: Path, data: bytes) -> bool:
    return path.suffix.lower() == ".docx" or (data.startswith(b"PK\x03\x04") and b"word/" in data[:4096])


# A web page, not lines of an export: it opens as a document does, with its doctype, <html>, <head> or <body>
# (after any XML prolog and comments), or it is named as one; and few of its lines hold cells between TABs (an
# export saved as .html, or wrapped in <html>, is still an export; a page may indent its lines with TABs).
DOCUMENT_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html\b|(?:html|head|body)[\s>])", re.IGNORECASE | re.DOTALL)
TAB_CELLS = re.compile(r"\S\t+\S")
EXPORT_SHARE = 0.2  # of the lines with text, those with cells between TABs that make a file an export


# A web page says its encoding in its head (Word saves one in windows-1252 unless told otherwise).
DECLARED_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(path: Path, data: bytes) -> str | None:
    """The encoding a web page declares in its first bytes, as a browser reads it; None for any other source."""
    head = data[:4096]
    if not is_web_page(path, head.decode("latin-1")):
        return None
    found = DECLARED_CHARSET.search(head)
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None  # a name Python does not know: read as UTF-8, and told so if it is not
    return None if is_wide(name) else name  # a page in UTF-16 says so by its first bytes; browsers read this as UTF-8


def is_web_page(path: Path, text: str) -> bool:
    """Whether ``text`` is a web page, read by ``web_page``: its blocks and its tables' rows are the lines."""
    if DOCUMENT_START.match(text) is None and (path.suffix.lower() not in WEB_PAGE_SUFFIXES or "<" not in text):
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(TAB_CELLS.search(line) is not None for line in lines) < max(1, EXPORT_SHARE * len(lines))


def refuse_format(path: Path, data: bytes) -> None:
    for magic, name in UNSUPPORTED:
        if data.startswith(magic):
            raise ReviewgenError(f"this is {name}, which reviewgen does not read; give it {SUPPORTED}", path)


def read_source(path: Path, encoding: str | None = None) -> list[str]:
    """The lines of ``path`` (without line endings), or a ReviewgenError saying what to do."""
    if not path.exists():
        raise ReviewgenError("no such file; give the path of a two-column review export", path)
    if path.is_dir():
        raise ReviewgenError("this is a directory; give the path of a review source file inside it", path)
    data = path.read_bytes()
    if not data.strip():
        raise ReviewgenError("the file is empty; export the review again", path)
    if is_word_document(path, data):
        from .word import docx_lines

        return docx_lines(path)
    refuse_format(path, data)
    encoding = encoding or marked_encoding(data) or declared_charset(path, data)
    if b"\x00" in data and not is_wide(encoding):
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        if looks_like_utf16(data):
            raise ReviewgenError("the file looks like UTF-16 text with no byte order mark; convert it with --encoding utf-16-le (or utf-16-be)", path)
        raise ReviewgenError("the file holds NUL bytes, so it is binary, not a text export", path, line)
    try:
        text = data.decode(encoding or "utf-8")
    except LookupError:
        raise ReviewgenError(f"'{encoding}' is not an encoding Python knows; try utf-8, cp1252 or latin-1", path) from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        if encoding:
            raise ReviewgenError(f"the file is not valid {encoding} text", path, line) from None
        guess = likely_encoding(data)
        raise ReviewgenError(
            f"the file is not UTF-8 text (it looks like {guess}); re-export it as UTF-8, "
            f"or convert it as it is with --encoding {guess}",
            path, line,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if is_web_page(path, text):
        from .web_page import page_lines  # only a web page needs a page parser

        return page_lines(text)
    return text.split("\n")


def source_files(folder: Path) -> list[Path]:
    """The review sources in a folder, in name order: exports and Word documents alike."""
    return sorted(path for path in folder.glob("*") if path.suffix.lower() in SOURCE_SUFFIXES and path.is_file())


def source_of(folder: Path, slug: str) -> Path | None:
    """The source of the review ``slug`` in ``folder``, whichever format it is in."""
    return next((folder / f"{slug}{suffix}" for suffix in SOURCE_SUFFIXES if (folder / f"{slug}{suffix}").is_file()), None)
