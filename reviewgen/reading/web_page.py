"""A web page whose body holds the review as a table -> the lines of a two-column export.

A review kept in Word or Google Docs is often handed on as a web page (Word's
"Save as Web Page", Google Docs' and LibreOffice's HTML download): the
original's paragraph and the response in the cells of a table's row, the
headings and any text between tables as blocks of their own. Each row then
becomes one export line (``original TAB response``) and each block a line, as
a Word document's do (``word.block_lines``), so the rest of the converter,
its checks, audit and overrides are the same for every format.

Line N of a web page is the line of the file its row or block starts on, as
an editor finds it there; where several share a line (a page written on one
line), they count on from it, one line each.

Only what says what the text is stays: the page's styling (classes, styles,
sizes, fonts, Word's own ``<o:p>`` tags) is left out before the sanitiser
reads the cells, so it names only what a reader could be harmed by.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..document.html import parse
from .word import FOOTNOTE_ID, block_lines

# The page's own furniture, left out with everything in it.
FURNITURE = frozenset({"head", "title", "meta", "link", "style", "xml"})
# Elements that only hold blocks (a page's sections, Word's "WordSection1" <div>): their blocks are the page's.
WRAPPERS = frozenset({"html", "body", "div", "section", "article", "main", "center", "form", "font", "span", "header", "footer"})
# Elements that only style their text: their text stays, the element goes.
STYLING = frozenset({"font", "center", "basefont", "big", "nobr", "wbr"})
# Attributes that style or name an element, not what it says. Anything else (a link's address, a cell's span,
# an event handler) stays for the sanitiser, which keeps what is safe and names what it takes.
PRESENTATION = frozenset({
    "class", "style", "id", "name", "lang", "xml:lang", "dir", "width", "height", "valign", "align", "border",
    "cellpadding", "cellspacing", "bgcolor", "color", "face", "size", "nowrap", "start", "type", "title", "role",
})
# Google Docs sends every link through its own redirect ("https://www.google.com/url?q=ADDRESS&sa=D"): the
# address it leads to is the link's, so a reader goes there without passing through Google.
REDIRECTS = frozenset({"www.google.com", "google.com"})
# Word's notes in a web page: "#_ftn3" cites footnote 3, whose text is in <div id=ftn3> with a link back to
# "#_ftnref3"; "#_edn3" an endnote. Named as mammoth names a Word document's, they are read as its notes are:
# each note's text follows the cell that cites it, in its column.
WORD_NOTE_LINK = re.compile(r"^#_(ftn|edn)(ref)?(\d+)$")
WORD_NOTE = re.compile(r"^(ftn|edn)(\d+)$")
NOTE_KINDS = {"ftn": "footnote", "edn": "endnote"}
RULES = frozenset({"br", "hr"})  # a line or a rule between blocks: no text, and no block of its own
BLOCKS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "div", "section", "article",
    "main", "header", "footer", "center", "form", "dl", "figure", "hr",
})


def page_lines(text: str) -> list[str] | None:
    """The page's rows and blocks as export lines, each on its line of the file; None when no table is among
    the body's blocks (a page of export lines saved as .html is read as its lines)."""
    soup = parse(text)
    named_notes(soup)
    unstyled(soup)
    blocks = body_blocks(soup)
    if not any(block.name == "table" for block in blocks):
        return None
    lines: list[str] = []
    for element, line in block_lines(soup, blocks):
        if not element.get_text(strip=True):
            continue  # an empty paragraph or row: nothing to read
        lines.extend([""] * ((element.sourceline or 0) - 1 - len(lines)))  # on the line it starts on, or the next free one
        lines.append(line)
    return lines


def named_notes(soup: BeautifulSoup) -> None:
    """Word's notes and the links to and from them named as mammoth names them (``WORD_NOTE_LINK``)."""
    for link in soup.find_all("a", href=WORD_NOTE_LINK):
        kind, back, number = WORD_NOTE_LINK.match(link["href"]).groups()
        link["href"] = f"#{NOTE_KINDS[kind]}-{'ref-' if back else ''}{number}"
    for note in soup.find_all(id=WORD_NOTE):
        kind, number = WORD_NOTE.match(note["id"]).groups()
        note.name, note["id"] = "li", f"{NOTE_KINDS[kind]}-{number}"


def unstyled(soup: BeautifulSoup) -> None:
    """The page without its furniture, comments and styling: its words and what they are."""
    for node in soup.find_all(string=lambda found: isinstance(found, Comment)):
        node.extract()
    for element in soup.find_all(True):
        if element.decomposed:
            continue
        if element.name in FURNITURE:
            element.decompose()
        elif element.name in STYLING or ":" in element.name:  # Word's <o:p>, <st1:place>: its text stays
            element.unwrap()
        else:
            for name in [name for name in element.attrs if is_presentation(element, name)]:
                del element[name]
            if element.name == "a" and element.get("href"):
                element["href"] = redirected(element["href"])


def is_presentation(element: Tag, name: str) -> bool:
    """Whether an attribute only styles or names its element; a note's id (``named_notes``) is what finds the note."""
    if name == "id" and FOOTNOTE_ID.match(str(element.get("id", ""))):
        return False
    return name.lower() in PRESENTATION or name.lower().startswith("data-")


def redirected(address: str) -> str:
    """The address a redirecting link leads to (``REDIRECTS``), or the link's own."""
    parts = urlsplit(address)
    target = parse_qs(parts.query).get("q", [""])[0] if parts.netloc.lower() in REDIRECTS and parts.path == "/url" else ""
    return target if target.startswith(("http://", "https://")) else address


def body_blocks(soup: BeautifulSoup) -> list[Tag]:
    """The blocks of the page in order: a wrapper holding blocks gives its own, text loose in one is a paragraph."""
    root = soup.find("body") or soup
    found: list[Tag] = []
    stack: list = [(root, root.sourceline)]
    while stack:  # without recursion: a page may nest its wrappers deeper than the call stack goes
        node, line = stack.pop()
        if type(node) is NavigableString:  # text, not the doctype nor a declaration
            if node.strip():
                paragraph = node.wrap(soup.new_tag("p"))
                paragraph.sourceline = line
                found.append(paragraph)
        elif isinstance(node, Tag) and (node is root or (node.name in WRAPPERS and any(child.name in BLOCKS for child in node.find_all(True, recursive=False)))):
            stack.extend((child, node.sourceline) for child in reversed(list(node.children)))
        elif isinstance(node, Tag) and node.name not in RULES:
            found.append(node)
    return found
