"""A web page holding a review -> the lines of a two-column export.

A review kept in Word or Google Docs is often handed on as a web page (Word's
"Save as Web Page", Google Docs' and LibreOffice's HTML download, pandoc):
the original's paragraph and the response in the cells of a table's row, the
headings and any text between tables as blocks of their own. Each row then
becomes one export line (``original TAB response``) and each block a line, as
a Word document's do (``word.block_lines``), so the rest of the converter,
its checks, audit and overrides are the same for every format.

The page is read in three steps:

1. as written (``parse``, which knows each element's line): what is not for
   readers is left out (the reviewers' comments, text the page hides, Word's
   table of contents, tracked deletions), blocks the converter has no name for
   are named as the blocks it knows, and each element is stamped with its line (``LINE``);
2. through ``STRUCTURE`` (nh3, whose parser builds the tree a browser builds):
   an unclosed ``<p>``, ``<td>`` or ``<tr>`` closes where a browser closes it,
   and script, styles, frames and the page's head go with all they hold;
3. its notes are joined to the cells that cite them, numbered lists that number
   the original's paragraphs give their numbers as text, the styling goes,
   and each block and row becomes a line.

Line N of a web page is the line of the file its row or block starts on, as an
editor finds it there; where several share a line (a page written on one
line), they count on from it, one line each.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..document.html import parse, serialise
from ..document.sanitise import SAFE_SCHEMES, SOURCE, Allowlist
from .classify import holds_figures
from .word import FOOTNOTE_ID, NOTE_MARK, block_lines, rows
from .word_numbering import formatted

LINE = "data-line"  # an element's line in the file, carried through the structure pass

# --- 1. The page as written ---
# What the page hides from its readers (Word writes hidden text with "display:none"), left out as Word leaves it out.
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden", re.IGNORECASE)
# The reviewers' comments on the draft: Word's (its "msocom" anchors, the comment list it writes last) and
# Google Docs' ("#cmnt1" from the text, "#cmnt_ref1" back from the comment). Never published.
COMMENT_CLASSES = ("msocom", "msocommentreference", "msocommenttext")
COMMENT_STYLE = re.compile(r"mso-element\s*:\s*comment", re.IGNORECASE)
COMMENT_LINK = re.compile(r"^#(?:_msocom_\d+|cmnt\d+)$")
COMMENT_BACK = re.compile(r"^#cmnt_ref\d+$")
# Word's table of contents ("MsoToc1"): its entries come again as the headings they list.
CONTENTS_CLASS = re.compile(r"^MsoToc(?:\d|Heading)", re.IGNORECASE)
# Blocks the converter has no name for, named as the block each is: their words stay a block of their own.
RENAMED = {
    "dt": "p", "dd": "p", "figcaption": "p", "summary": "p", "address": "p", "pre": "p", "legend": "p",
    "blockquote": "div", "dl": "div", "figure": "div", "details": "div", "section": "div", "article": "div",
    "aside": "div", "header": "div", "footer": "div", "nav": "div", "main": "div", "center": "div",
    "form": "div", "fieldset": "div", "body": "div",
    "xmp": "p", "listing": "p", "plaintext": "p",  # old forms of <pre>: what they hold is read as it was parsed
}
QUOTES = ("\u201c", "\u201d")  # what a browser shows around a <q>
# A bullet Word writes before a list paragraph's text ("mso-list"), in the font that draws it: "·" in Symbol, "o"
# in Courier New at the second level, "§" in Wingdings at the third, and others; read as the bullet it draws.
WORD_LIST = re.compile(r"mso-list\s*:", re.IGNORECASE)
WORD_BULLET = re.compile(r"^(\s*)[·o§ØüvÞ\uf0b7\uf0a7\uf0d8\uf076\uf0fc](?=\s|$)")
BULLET = "\u2022"

# --- 2. The structure: the tags of a source's cells and what the next steps read; every other element's
# text stays, and what holds no words for readers goes with everything in it. An event handler or an unsafe
# address stays for the sanitiser, which reads each cell next and names what it takes.
STRUCTURE = Allowlist(
    tags=SOURCE.tags | {"caption", "input", "hr"},
    attributes={
        "*": frozenset({LINE, "id", "name"}), "a": frozenset({"href"}), "td": frozenset({"colspan", "rowspan"}),
        "th": frozenset({"colspan", "rowspan"}), "ol": frozenset({"start", "type"}), "input": frozenset({"type", "checked"}),
    },
    attribute_prefixes=frozenset({"on"}),
    dropped_content=frozenset({
        "script", "style", "template", "noscript", "iframe", "object", "embed", "textarea", "select", "svg", "math",
        "del", "head", "title", "xml", "noembed", "noframes",
    }),
    schemes=SAFE_SCHEMES | {"javascript", "vbscript", "data", "file"},
)

# --- 3. Notes, numbers, styling, blocks ---
# Google Docs sends every link through its own redirect ("https://www.google.com/url?q=ADDRESS&sa=D"): the
# address it leads to is the link's, so a reader goes there without passing through Google.
REDIRECTS = frozenset({"www.google.com", "google.com"})
ENDNOTE_LINK = re.compile(r"edn|endnote", re.IGNORECASE)  # Word's "#_edn1", LibreOffice's "#sdendnote1sym"
# A list that numbers no paragraph of the original: a deeper level of Google Docs' lists ("lst-kix_x-1"), breadcrumbs.
LIST_NOT_NUMBERING = re.compile(r"^lst-kix_\w+-[1-9]$|breadcrumb", re.IGNORECASE)
# An <ol>'s "type", as the number format Word's numbering names it (``word_numbering.formatted``).
LIST_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
HOLDERS = ("p", "li", "div")  # the block a note's text is in
RULES = frozenset({"br", "hr"})  # a line or a rule between blocks: no text, and no block of its own
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$", re.IGNORECASE)
CONTENTS_LEFTOVER = re.compile(r"^[\s.…\d]*$")  # what a contents entry holds besides its link: dots, a page
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "div", "hr", "caption"})


def page_lines(text: str) -> list[str]:
    """The page's rows and blocks as export lines, each on its line of the file."""
    written = parse(text)
    for element in list(written.find_all(True)):
        if not element.decomposed:
            as_written(element)
    soup = parse(STRUCTURE.clean(serialise([written])))
    for element in soup.find_all(True):  # each element's line in the file, where the parser counted the pass's
        line = str(element.attrs.pop(LINE, ""))
        element.sourceline = int(line) if line.isdigit() else None
    joined_notes(soup)
    without_contents(soup)
    numbered_paragraphs(soup)
    for element in soup.find_all(True):
        unstyled(element)
    lines: list[str] = []
    for element, line in block_lines(soup, body_blocks(soup)):
        if not element.get_text(strip=True):
            continue  # an empty paragraph or row: nothing to read
        lines.extend([""] * ((element.sourceline or 0) - 1 - len(lines)))  # on the line it starts on, or the next free one
        lines.append(line)
    return lines


def as_written(element: Tag) -> None:
    """One element of the page as written: left out if it is not for readers, named if it is a block the
    converter does not know, and stamped with its line."""
    classes = [name.lower() for name in element.get("class") or []]
    style = CSS_COMMENT.sub("", str(element.get("style", "")))
    href = str(element.get("href", "")) if element.name == "a" else ""
    if (
        element.has_attr("hidden") or HIDDEN.search(style) or COMMENT_STYLE.search(style) or COMMENT_LINK.match(href)
        or any(name.startswith(COMMENT_CLASSES) for name in classes) or any(CONTENTS_CLASS.match(name) for name in classes)
    ):
        element.decompose()
        return
    if COMMENT_BACK.match(href):  # a comment's own text, its link back to where it was made
        comment_holder(element).decompose()
        return
    if element.name == "q":
        element.insert(0, QUOTES[0])
        element.append(QUOTES[1])
    if element.name == "p" and WORD_LIST.search(style):
        drawn_bullet(element)
    element.name = RENAMED.get(element.name, element.name)
    if element.sourceline is not None:
        element[LINE] = str(element.sourceline)


def drawn_bullet(paragraph: Tag) -> None:
    """A Word list paragraph's bullet (``WORD_BULLET``) as the bullet it draws, "•"; a number stays as written."""
    first = next((node for node in paragraph.find_all(string=True) if node.strip() and not isinstance(node, Comment)), None)
    if first is not None and WORD_BULLET.match(first):
        first.replace_with(WORD_BULLET.sub(rf"\g<1>{BULLET}", str(first), count=1))


def comment_holder(link: Tag) -> Tag:
    """The block holding a comment whose link back is ``link``: the largest around it with no other comment,
    table or heading in it (a comment and its replies), or its paragraph."""
    holder = link.find_parent("p") or link
    for parent in link.parents:
        if parent.name in ("body", "html", "[document]") or parent.find(["table", "h1", "h2", "h3"]) is not None:
            break
        if len(parent.find_all("a", href=COMMENT_BACK)) > 1:
            break
        holder = parent
    return holder


def joined_notes(soup: BeautifulSoup) -> None:
    """Each note the page links to named as mammoth names a Word document's ("footnote-3", its link back
    "#footnote-ref-3"), so ``word.footnotes`` puts its text after the cell that cites it, in its column.

    A note is what a link in the text leads to that leads back to it: Word's ("#_ftn1"), Google Docs'
    ("#ftnt1"), LibreOffice's ("#sdfootnote1sym") and pandoc's ("#fn1") alike. Notes are numbered in the
    order they are cited (two chapters' notes may both be "1"), each keeping the mark the text shows for it
    ("[1]", "*", "[ii]"), and an endnote is one whose address says so."""
    targets = {str(element.get(key)): element for element in soup.find_all(True) for key in ("id", "name") if element.get(key)}
    links = soup.find_all("a", href=re.compile(r"^#."))
    leading_to: dict[str, list[Tag]] = {}
    for link in links:
        leading_to.setdefault(link["href"][1:], []).append(link)
    paired: set[int] = set()  # the links back already met: a note comes after the text that cites it
    count = 0
    for citation in links:
        if id(citation) in paired:
            continue
        target = targets.get(citation["href"][1:])
        holder = None if target is None else target if target.name in HOLDERS else target.find_parent(HOLDERS)
        here = [str(citation.get(key)) for key in ("id", "name") if citation.get(key)]
        back = next((link for name in here for link in leading_to.get(name, ()) if link is not citation and _within(link, holder)), None)
        if back is None or holder is None:
            continue  # a link within the page, to no note
        paired.add(id(back))
        count += 1
        kind = "endnote" if ENDNOTE_LINK.search(citation["href"]) else "footnote"
        citation["href"] = f"#{kind}-{count}"
        back["href"] = f"#{kind}-ref-{count}"
        holder.name, holder["id"] = "li", f"{kind}-{count}"
        holder[NOTE_MARK] = citation.get_text().strip().strip("[]()") or str(count)


def _within(link: Tag, holder: Tag | None) -> bool:
    return holder is not None and (link is holder or any(parent is holder for parent in link.parents))


def without_contents(soup: BeautifulSoup) -> None:
    """The page's table of contents left out: paragraphs, or the rows of a table, each of which is a link to one
    of the page's headings and at most its page number (Google Docs' and LibreOffice's contents; Word's is left
    out as written). Its headings come again, each over its own text."""
    headings = {str(element.get(key)) for heading in soup.find_all(HEADINGS)
                for element in [heading, *heading.find_all(True)] for key in ("id", "name") if element.get(key)}
    entries = [
        block for block in soup.find_all(["p", "tr"])
        if _is_contents_entry(block, headings) and (block.name == "tr" or block.find_parent(["td", "th"]) is None)
    ]
    if len(entries) < 2:
        return  # a contents lists several headings; one link to a heading is a cross-reference
    tables = {id(entry.find_parent("table")): entry.find_parent("table") for entry in entries if entry.name == "tr"}.values()
    contents = [table for table in tables if all(_is_contents_entry(row, headings) for row in table.find_all("tr") if row.get_text(strip=True))]
    contents += [entry for entry in entries if entry.name == "p"]
    for block in contents:
        title = block.find_previous_sibling(True)
        if title is not None and title.name in HEADINGS and CONTENTS_TITLE.match(title.get_text(" ", strip=True)):
            title.decompose()  # the contents' own heading, over nothing once they are left out
        block.decompose()


def _is_contents_entry(block: Tag, headings: set[str]) -> bool:
    links = block.find_all("a", href=True)
    if not links or not all(link["href"].startswith("#") and link["href"][1:] in headings for link in links):
        return False
    linked = {id(node) for link in links for node in link.find_all(string=True)}
    rest = "".join(node for node in block.find_all(string=True) if id(node) not in linked)
    return CONTENTS_LEFTOVER.match(rest) is not None


def numbered_paragraphs(soup: BeautifulSoup) -> None:
    """A numbered list that opens a cell, or stands between the tables, numbers the original's paragraphs
    (Google Docs and LibreOffice number them so, "start" going on from the last): each item is a paragraph
    opening with its number as the page shows it ("12. Potholes ..."), as Word's numbers are read. A list
    after a paragraph of its cell is a list, and stays one."""
    for listing in soup.find_all("ol"):
        holder = listing.parent
        if holder is None or (holder is not soup and holder.name not in ("td", "th", "div")):
            continue  # a list inside a list item or a paragraph
        if listing.find("li", id=FOOTNOTE_ID, recursive=False) is not None:
            continue  # the page's notes (``joined_notes``), read as notes
        first = next((node for node in holder.children if not (isinstance(node, NavigableString) and not node.strip())), None)
        if holder.name in ("td", "th") and first is not listing:
            continue  # a list the cell's paragraph introduces
        before = listing.find_previous_sibling(True)
        if before is not None and before.name == "p" and before.get_text().rstrip().endswith(":"):
            continue  # ... or a paragraph between the tables introduces
        if any(LIST_NOT_NUMBERING.search(name) for name in [*(listing.get("class") or []), str(listing.get("id", ""))]):
            continue
        start = int(listing["start"]) if str(listing.get("start", "")).isdigit() else 1
        style = LIST_TYPES.get(str(listing.get("type", "")), "decimal")
        for number, item in enumerate(listing.find_all("li", recursive=False), start):
            paragraphs = item.find_all("p", recursive=False)
            (paragraphs[0] if paragraphs else item).insert(0, f"{formatted(number, style)}. ")
            item.name = "div" if paragraphs else "p"
        listing.unwrap()


def unstyled(element: Tag) -> None:
    """What the structure pass kept for the steps above goes (ids, names); links lead where they lead."""
    for name in ("id", "name"):
        if name in element.attrs and not (name == "id" and element.name == "li"):
            del element[name]
    if element.name == "a" and element.get("href"):
        element["href"] = redirected(element["href"])
    if element.name == "ol":  # read by ``numbered_paragraphs``; a list that stays one is numbered from 1
        for name in ("start", "type"):
            element.attrs.pop(name, None)
    if element.name == "input" and str(element.get("type", "text")).lower() != "checkbox":
        element.decompose()


def redirected(address: str) -> str:
    """The address a redirecting link leads to (``REDIRECTS``), or the link's own."""
    parts = urlsplit(address)
    target = parse_qs(parts.query).get("q", [""])[0] if parts.netloc.lower() in REDIRECTS and parts.path == "/url" else ""
    return target if target.startswith(("http://", "https://")) else address


def body_blocks(soup: BeautifulSoup) -> list[Tag]:
    """The blocks of the page in order: a <div> holding blocks gives its own (text loose in it a paragraph, on
    its first element's line), a table's caption a heading over it, and a table laid out around the page (a
    column of cells that hold tables) the blocks of its cells."""
    found: list[Tag] = []
    stack: list = [soup]
    while stack:  # without recursion: a page may nest its wrappers deeper than the call stack goes
        node = stack.pop()
        if isinstance(node, Tag) and (node is soup or _holds_blocks(node)):
            stack.extend(reversed(_grouped(soup, node)))
        elif isinstance(node, Tag) and node.name == "table" and _is_layout(node):
            cells = [cell for row in rows(node) for cell in row.find_all(["td", "th"], recursive=False)]
            stack.extend(reversed([block for cell in cells for block in _grouped(soup, cell)]))
        elif isinstance(node, Tag) and node.name == "table" and _is_figures(node):
            found.append(node.wrap(soup.new_tag("div")))  # one block: the converter reads a table in a cell as a figure
            found[-1].sourceline = node.sourceline
        elif isinstance(node, Tag) and node.name == "table" and (caption := node.find("caption", recursive=False)) is not None:
            caption.name = "h3"
            node.insert_before(caption.extract())
            found.extend([caption, node])
        elif isinstance(node, Tag) and node.name not in RULES:
            found.append(node)
    return found


def _holds_blocks(node: Tag) -> bool:
    return node.name in ("div", "span", "p") and any(child.name in BLOCKS for child in node.find_all(True, recursive=False))


def _grouped(soup: BeautifulSoup, node: Tag) -> list:
    """``node``'s children, each run of text and inline elements between its blocks made one paragraph."""
    children: list = []
    run: list = []
    for child in [*node.children, None]:
        if child is not None and not (isinstance(child, Tag) and child.name in BLOCKS):
            if not isinstance(child, Comment):
                run.append(child)
            continue
        if any(part.get_text().strip() if isinstance(part, Tag) else part.strip() for part in run):
            paragraph = soup.new_tag("p")
            paragraph.sourceline = next((part.sourceline for part in run if isinstance(part, Tag) and part.sourceline), node.sourceline)
            run[0].insert_before(paragraph)
            for part in run:
                paragraph.append(part.extract())
            children.append(paragraph)
        run = []
        if child is not None:
            children.append(child)
    return children


def _is_figures(table: Tag) -> bool:
    """A table of figures, not of the review: most of the cells under its first row are numbers."""
    return holds_figures([cell.get_text(" ", strip=True) for row in rows(table)[1:] for cell in row.find_all(["td", "th"], recursive=False)])


def _is_layout(table: Tag) -> bool:
    """A table of one column whose cells hold tables (as their own blocks, or in a <div>): the page's layout,
    not a table of the review."""
    found = rows(table)
    cells = [cell for row in found for cell in row.find_all(["td", "th"], recursive=False)]
    return bool(found) and len(cells) <= len(found) and any(
        child.name == "table" or (child.name == "div" and child.find("table", recursive=False) is not None)
        for cell in cells for child in cell.find_all(True, recursive=False)
    )
