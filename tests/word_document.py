"""A Word review written for the tests with python-docx: the shapes a campaign group's table takes."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# (original, response) for each numbered paragraph of chapter 1; "" is a row nobody answered.
CHAPTER_1 = [
    ("We will grow the workforce by 15,000 nurses.", "Not one of the 15,000 is funded beyond 2027."),
    ("Retention has improved in every region.", ""),
    ("Training places have doubled since 2019.", "They doubled from a historic low, as Annex A admits."),
    ("We will publish workforce data every quarter.", "The last quarterly release was two years late."),
    ("Pay awards have kept pace with inflation.", "Only if one starts counting in 2023."),
    ("International recruitment will fall as domestic training rises.", ""),
    ("Every trust will have a retention lead.", "A lead without a budget is a title."),
    ("Apprenticeships will make up a fifth of new entrants.", "Apprentices still need supervisors, who are the shortage."),
]
CHAPTER_2 = [
    ("Medical school places will rise to 15,000 a year.", "By 2031, not in this parliament."),
    ("We will expand training in general practice.", ""),
    ("The plan will be refreshed every two years.", "The last plan was never refreshed at all."),
]


def add_link(paragraph, text: str, url: str) -> None:
    """python-docx has no call for a hyperlink, so one is built the way Word writes it."""
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def word_table(heading: str, rows) -> tuple:
    """A document of one heading and one table, a row for each of ``rows`` (its cells' texts); and the table."""
    document = docx.Document()
    document.add_heading(heading, level=1)
    table = document.add_table(rows=0, cols=len(rows[0]))
    for texts in rows:
        for cell, text in zip(table.add_row().cells, texts):
            cell.text = text
    return document, table


def mark_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def numbered_rows(table, rows, first: int) -> None:
    for number, (original, response) in enumerate(rows, first):
        cells = table.add_row().cells
        cells[0].text = f"{number}. {original}"
        cells[1].text = response


def build(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Chapter 1: Our workforce", level=1)
    document.add_paragraph("This chapter sets out where the workforce stands today.")
    table = document.add_table(rows=1, cols=2)
    mark_header(table.rows[0])
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Original", "Our response"
    numbered_rows(table, CHAPTER_1, 1)
    merged = table.add_row().cells
    merged[0].merge(merged[1]).text = "1.2 Where the new staff will come from"
    cells = table.add_row().cells  # bold and italic in both columns, a link in the response
    original = cells[0].paragraphs[0]
    original.add_run("9. We will ")
    original.add_run("never").bold = True
    original.add_run(" cap training places.")
    response = cells[1].paragraphs[0]
    response.add_run("The ")
    response.add_run("cap").italic = True
    response.add_run(" exists already: see ")
    add_link(response, "the funding letter", "https://example.org/funding-letter")
    response.add_run(".")
    cells = table.add_row().cells  # a list in the original, answered as a whole
    cells[0].text = "10. The plan has three aims:"
    for aim in ("train more staff", "keep the staff we have", "work differently"):
        cells[0].add_paragraph(aim, style="List Bullet")
    cells[1].text = "None of the three aims has a measure."
    numbered_rows(table, CHAPTER_1, 11)  # the same eight again, numbered on
    document.add_heading("Chapter 2: Training", level=1)
    table = document.add_table(rows=0, cols=2)
    numbered_rows(table, CHAPTER_2, 19)
    for number in range(22, 32):
        cells = table.add_row().cells
        cells[0].text = f"{number}. Training commitment number {number} will be met on time."
        cells[1].text = f"Commitment {number} has slipped before." if number % 2 else ""
    document.add_heading("Annex A: Data sources", level=1)
    document.add_paragraph("Workforce statistics come from the quarterly returns of every trust.")
    document.save(path)
    return path
