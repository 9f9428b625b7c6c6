"""Word's own paragraph numbers ("43.", "(b)", "iv)") made the text they stand for.

Word draws a numbered paragraph's number from the document's numbering
definitions, not from its text, and mammoth, which reads the document, makes
such a paragraph a list item without it: the original's "43." would be lost,
and with it the paragraph's anchor and the place of its rebuttal. So before
mammoth reads the document, each paragraph Word numbers (by its own numbering
or its style's) opens with its number as text and has no numbering left,
where the numbering runs through the table's rows as the original's paragraph
numbers do. A list inside one cell (a response's three points) stays a list.

Numbers are counted as Word counts them: one count per abstract definition and
level, from the level's start; a deeper level starts again when a shallower one
moves on; an instance's start override resets its level where that instance is
first used. Bullets stay lists, which mammoth reads well. The document's XML is
changed only at the places found (nothing else is parsed and written back), and
a document whose numbering cannot be read is left as it is.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree
from xml.parsers import expat

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = "word/document.xml"
NO_NUMBERING = b'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'  # numId 0: "not numbered"
UNNUMBERED_FORMATS = {"bullet", "none"}
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    legal: bool = False  # w:isLgl: every number it shows is written in digits
    suffix: str = "tab"
    # w:lvlRestart: the level (1-based) whose use, or a higher one's, starts this one again; 0: never (paragraphs
    # numbered 1 to 268 straight through the chapters numbered above them). None: any higher level's use.
    restart: int | None = None


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)  # numId -> (abstract, starts, levels)
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)  # styleId -> (numId, ilvl, basedOn)
    # An abstract definition that only names a numbering style (w:numStyleLink), as Word saves a multilevel list
    # kept in a list style: its levels and its count are those of the definition the style's numbering uses.
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId -> the list style's styleId

    def definition(self, abstract: str) -> str:
        """The abstract definition whose levels and count ``abstract``'s are (itself, unless it links a style)."""
        style = self.style_links.get(abstract)
        num_id = self.styles.get(style, (None, None, None))[0] if style else None
        linked = self.instances.get(num_id or "", ("",))[0]
        return linked if linked and linked in self.abstract and linked not in self.style_links else abstract

    def level(self, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        if num_id not in self.instances:
            return None
        abstract, _, overrides = self.instances[num_id]
        abstract = self.definition(abstract)
        level = overrides.get(ilvl) or self.abstract.get(abstract, {}).get(ilvl)
        return (abstract, level) if level is not None else None

    def of_style(self, style: str | None) -> tuple[str | None, int]:
        """The numbering a paragraph style gives (through the styles it is based on), or (None, 0)."""
        seen = set()
        while style and style in self.styles and style not in seen:
            seen.add(style)
            num_id, ilvl, based_on = self.styles[style]
            if num_id is not None:
                return num_id, ilvl or 0
            style = based_on
        return None, 0


def _value(element: ElementTree.Element | None, name: str = "val") -> str | None:
    return None if element is None else element.get(f"{{{W}}}{name}")


def _level(element: ElementTree.Element) -> Level:
    start = _value(element.find(f"{{{W}}}start"))
    restart = _value(element.find(f"{{{W}}}lvlRestart"))
    return Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        format=_value(element.find(f"{{{W}}}numFmt")) or "decimal",
        text=_value(element.find(f"{{{W}}}lvlText")) or "",
        legal=element.find(f"{{{W}}}isLgl") is not None,
        suffix=_value(element.find(f"{{{W}}}suff")) or "tab",
        restart=int(restart) if restart and restart.isdigit() else None,
    )


def read_numbering(numbering_xml: bytes | None, styles_xml: bytes | None) -> Numbering:
    found = Numbering()
    if numbering_xml:
        root = ElementTree.fromstring(numbering_xml)
        for abstract in root.iter(f"{{{W}}}abstractNum"):
            levels = {int(_value(lvl, "ilvl") or 0): _level(lvl) for lvl in abstract.iter(f"{{{W}}}lvl")}
            found.abstract[_value(abstract, "abstractNumId") or ""] = levels
            if not levels and (linked := _value(abstract.find(f"{{{W}}}numStyleLink"))):
                found.style_links[_value(abstract, "abstractNumId") or ""] = linked
        for num in root.iter(f"{{{W}}}num"):
            starts, levels = {}, {}
            for override in num.iter(f"{{{W}}}lvlOverride"):
                ilvl = int(_value(override, "ilvl") or 0)
                start = _value(override.find(f"{{{W}}}startOverride"))
                if start and start.lstrip("-").isdigit():
                    starts[ilvl] = int(start)
                if (lvl := override.find(f"{{{W}}}lvl")) is not None:
                    levels[ilvl] = _level(lvl)
            found.instances[_value(num, "numId") or ""] = (_value(num.find(f"{{{W}}}abstractNumId")) or "", starts, levels)
    if styles_xml:
        for style in ElementTree.fromstring(styles_xml).iter(f"{{{W}}}style"):
            numbered = style.find(f"{{{W}}}pPr/{{{W}}}numPr")
            ilvl = _value(numbered.find(f"{{{W}}}ilvl")) if numbered is not None else None
            found.styles[_value(style, "styleId") or ""] = (
                _value(numbered.find(f"{{{W}}}numId")) if numbered is not None else None,
                int(ilvl) if ilvl and ilvl.isdigit() else None,
                _value(style.find(f"{{{W}}}basedOn")),
            )
    return found


LARGEST_WRITTEN = 3999  # beyond it letters and roman numerals would run to any length: digits instead


def _letters(number: int) -> str:
    """Word's letters: a ... z, then aa ... zz (the letter repeated, not counted on)."""
    if not 0 < number <= LARGEST_WRITTEN:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    if not 0 < number <= LARGEST_WRITTEN:
        return str(number)
    out = ""
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out += letters * count
    return out


def formatted(number: int, style: str) -> str:
    if style == "lowerLetter":
        return _letters(number)
    if style == "upperLetter":
        return _letters(number).upper()
    if style == "lowerRoman":
        return _roman(number)
    if style == "upperRoman":
        return _roman(number).upper()
    if style == "decimalZero":
        return f"{number:02d}"
    return str(number)  # decimal, and the forms written in words, which read the same as digits


class Counter:
    """Word's counts: per abstract definition and level, a deeper level restarting under a new one (unless its
    ``restart`` says when, or never)."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()

    def label(self, num_id: str, ilvl: int) -> str | None:
        found = self.numbering.level(num_id, ilvl)
        if found is None:
            return None
        abstract, level = found
        if level.format in UNNUMBERED_FORMATS or not level.text:
            return None
        counts = self.counts.setdefault(abstract, {})
        if num_id not in self.used:  # an instance restarting a level ("Restart at 1") does so where it is first used
            self.used.add(num_id)
            for restarted, start in self.numbering.instances[num_id][1].items():
                counts[restarted] = start - 1
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [key for key in counts if key > ilvl]:  # deeper levels start again, unless theirs say otherwise
            below = self.numbering.level(num_id, deeper)
            restart = below[1].restart if below is not None else None
            if restart is None or ilvl < restart:
                del counts[deeper]

        def shown(match: re.Match) -> str:
            at = int(match.group(1)) - 1
            other = self.numbering.level(num_id, at)
            number = counts.get(at, other[1].start if other else 1)
            return str(number) if level.legal or other is None else formatted(number, other[1].format)

        text = PLACEHOLDER.sub(shown, level.text)
        return text if level.suffix == "nothing" else text + " "


@dataclass
class _Paragraph:
    start: int  # byte offset of "<w:p"
    properties: tuple[int, int] | None = None  # the w:pPr element's bytes
    properties_open_end: int | None = None  # the end of <w:pPr ...>
    style: str | None = None
    style_end: int | None = None  # the end of the w:pStyle element
    numbering: tuple[int, int] | None = None  # the w:numPr element's bytes
    num_id: str | None = None
    ilvl: int | None = None
    row: int | None = None  # which row of the document's tables holds it (None: outside every table)
    deleted: bool = False  # in a row deleted with tracked changes: Word's final view neither shows nor counts it


def _tag_end(data: bytes, start: int) -> int:
    """The offset just after the tag that opens at ``start`` (quoted attribute values skipped)."""
    quote, index = None, start
    while index < len(data):
        char = data[index : index + 1]
        if quote:
            if char == quote:
                quote = None
        elif char in (b'"', b"'"):
            quote = char
        elif char == b">":
            return index + 1
        index += 1
    return len(data)


def numbered_paragraphs(document_xml: bytes) -> list[_Paragraph]:
    """The paragraphs of a document.xml with where their properties stand, in document order."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    stack: list[_Paragraph] = []
    found: list[_Paragraph] = []
    in_numbering = [False]
    rows: list[int] = []  # the rows open, innermost last, each numbered in document order
    counted = [0]
    deleted_rows: set[int] = set()
    # Inside a row's properties, and inside a tracked change's record of the properties a paragraph had before
    # (<w:pPrChange>): that old <w:pPr> is no property of the paragraph's now, nor its numbering.
    inside = {"w:trPr": 0, "w:pPrChange": 0}

    def start(name: str, attributes: dict) -> None:
        at = parser.CurrentByteIndex
        if name in inside:
            inside[name] += 1
        if name == "w:tr":
            counted[0] += 1
            rows.append(counted[0])
            return
        if name == "w:del" and inside["w:trPr"] and rows:
            deleted_rows.add(rows[-1])
        if name == "w:p":
            stack.append(_Paragraph(at, row=rows[-1] if rows else None, deleted=any(row in deleted_rows for row in rows)))
            return
        if not stack or inside["w:pPrChange"]:
            return
        paragraph = stack[-1]
        if name == "w:pPr" and paragraph.properties is None:
            paragraph.properties = (at, -1)
            paragraph.properties_open_end = _tag_end(document_xml, at)
        elif name == "w:pStyle" and paragraph.properties and paragraph.properties[1] == -1:
            paragraph.style, paragraph.style_end = attributes.get("w:val"), _tag_end(document_xml, at)
        elif name == "w:numPr" and paragraph.properties and paragraph.properties[1] == -1:
            paragraph.numbering, in_numbering[0] = (at, -1), True
        elif in_numbering[0] and name == "w:numId":
            paragraph.num_id = attributes.get("w:val")
        elif in_numbering[0] and name == "w:ilvl":
            value = attributes.get("w:val", "")
            paragraph.ilvl = int(value) if value.isdigit() else None

    def end(name: str) -> None:
        at = parser.CurrentByteIndex
        if name in inside:
            inside[name] -= 1
            return
        if name == "w:tr" and rows:
            rows.pop()
        if not stack or inside["w:pPrChange"]:
            return
        paragraph = stack[-1]
        if name == "w:p":
            found.append(stack.pop())
        elif name == "w:pPr" and paragraph.properties and paragraph.properties[1] == -1:
            paragraph.properties = (paragraph.properties[0], _tag_end(document_xml, at))  # past "</w:pPr>", or "/>" when empty
        elif name == "w:numPr" and paragraph.numbering and paragraph.numbering[1] == -1:
            paragraph.numbering, in_numbering[0] = (paragraph.numbering[0], _tag_end(document_xml, at)), False

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.Parse(document_xml, True)
    return sorted(found, key=lambda paragraph: paragraph.start)


def _escaped(text: str) -> bytes:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")


HEADING_STYLE = re.compile(r"^(?:heading\s?\d|title)$", re.IGNORECASE)  # Word's own heading styles: "Heading1"


def with_numbers_as_text(document_xml: bytes, numbering: Numbering) -> bytes:
    """``document_xml`` with each paragraph Word numbers opening with its number, and not numbered: the original's
    paragraphs, whose numbering runs through the table's rows, and the headings outside the table ("Chapter 1:")."""
    counter = Counter(numbering)
    numbered = []
    for paragraph in numbered_paragraphs(document_xml):
        if paragraph.properties is None or paragraph.properties[1] == -1 or paragraph.deleted:
            continue  # a paragraph with no properties is numbered by none; a deleted row's counts for none
        num_id, ilvl = paragraph.num_id, paragraph.ilvl
        if num_id is None:
            num_id, ilvl = numbering.of_style(paragraph.style)
        if num_id is not None and num_id != "0" and num_id in numbering.instances:
            numbered.append((paragraph, num_id, ilvl or 0))
    # The numbering of the original's paragraphs runs through the rows; a list in one cell does not.
    rows_of: dict[str, set[int]] = {}
    for paragraph, num_id, _ in numbered:
        if paragraph.row is not None:
            rows_of.setdefault(numbering.definition(numbering.instances[num_id][0]), set()).add(paragraph.row)
    edits: list[tuple[int, int, bytes]] = []  # (offset, bytes replaced, new bytes), in document order
    for paragraph, num_id, ilvl in numbered:
        label = counter.label(num_id, ilvl)  # every numbered paragraph counts, written or not
        through_rows = len(rows_of.get(numbering.definition(numbering.instances[num_id][0]), ())) >= 2
        if label is None or not (through_rows or (paragraph.row is None and HEADING_STYLE.match(paragraph.style or ""))):
            continue
        start, end = paragraph.properties
        self_closing = document_xml[start:end].rstrip().endswith(b"/>")
        if paragraph.numbering is not None:
            edits.append((paragraph.numbering[0], paragraph.numbering[1] - paragraph.numbering[0], NO_NUMBERING))
        elif self_closing:  # <w:pPr/>: nothing to number it but the document's default style
            continue
        else:
            edits.append((paragraph.style_end or paragraph.properties_open_end, 0, NO_NUMBERING))
        edits.append((end, 0, b'<w:r><w:t xml:space="preserve">' + _escaped(label) + b"</w:t></w:r>"))
    out, position = [], 0
    for offset, length, new in sorted(edits, key=lambda edit: edit[0]):
        out += [document_xml[position:offset], new]
        position = offset + length
    return b"".join(out) + document_xml[position:]


def numbers_as_text(docx: bytes) -> bytes:
    """A .docx (as bytes) whose numbered paragraphs open with their numbers as text; unchanged when
    it has no numbering, or numbering this reading cannot follow."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = set(archive.namelist())
        if "word/numbering.xml" not in names or DOCUMENT not in names:
            return docx
        document_xml = archive.read(DOCUMENT)
        if f'xmlns:w="{W}"'.encode() not in document_xml[:4000]:
            return docx  # written with another prefix for Word's namespace: left to mammoth as it is
        try:
            numbering = read_numbering(archive.read("word/numbering.xml"), archive.read("word/styles.xml") if "word/styles.xml" in names else None)
            changed = with_numbers_as_text(document_xml, numbering)
        except (ElementTree.ParseError, expat.ExpatError, ValueError):
            return docx
        return rewritten(archive, {DOCUMENT: changed}) if changed != document_xml else docx


# How Word numbers notes when the document says nothing: footnotes 1, 2, 3; endnotes i, ii, iii.
NOTE_FORMATS = {"footnote": "decimal", "endnote": "lowerRoman"}
# A note settings element, read no further than a thousand characters (it holds a handful of elements),
# so that a document of thousands of unclosed ones takes time in its length, not in its square.
NOTE_SETTINGS = re.compile(rb"<w:(footnote|endnote)Pr\b[^>]{0,200}>(.{0,1000}?)</w:\1Pr>", re.S)
NUMBER_FORMAT = re.compile(rb'<w:numFmt\b[^>]{0,200}?w:val="([A-Za-z]{1,40})"')
SETTINGS = "word/settings.xml"


def note_formats(docx: bytes) -> dict[str, str]:
    """How the document numbers its footnotes and endnotes (``formatted``'s styles): the document's
    settings, then its body's own section (the last ``sectPr``), over Word's defaults."""
    formats = dict(NOTE_FORMATS)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = set(archive.namelist())
        parts = [archive.read(SETTINGS)] if SETTINGS in names else []
        if DOCUMENT in names:
            document_xml = archive.read(DOCUMENT)
            parts.append(document_xml[max(document_xml.rfind(b"<w:sectPr"), 0):])
    for part in parts:
        for kind, inside in NOTE_SETTINGS.findall(part):
            if (style := NUMBER_FORMAT.search(inside)) is not None:
                formats[kind.decode("ascii")] = style.group(1).decode("ascii")
    return formats


def rewritten(archive: zipfile.ZipFile, changed: dict[str, bytes]) -> bytes:
    """The archive as bytes again, the parts named in ``changed`` with their new content."""
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            copy.writestr(info, changed[info.filename] if info.filename in changed else archive.read(info.filename))
    return written.getvalue()
