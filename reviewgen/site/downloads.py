"""The review as data: its paragraphs and rebuttals as CSV and JSON, beside the annotation export.

A row per item of the original, in the document's order: where it is, how a
reader names it, its number, its address on the site, its words, and the
rebuttal's words with who wrote them (empty when nobody answered it), and
the original's page it is on (empty when the export showed no pages). Text
is plain: what a reader sees, never markup. In the CSV, a cell a spreadsheet
would run as a formula (one opening with ``=``, ``+``, ``-``, ``@``) opens
with an apostrophe, as OWASP advises; the JSON holds the words untouched.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Iterable

from .crossrefs import relative
from ..document.html import text
from .speakers import place_of

FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
CSV_NAME = "review.csv"
JSON_NAME = "review.json"


@dataclass(frozen=True)
class Row:
    section: str
    item: str  # as a reader names it: "Paragraph 43", "Bullet after paragraph 74"
    paragraph: int | None
    id: str
    address: str  # from the folder the downloads are in
    original: str
    rebuttal: str
    reviewer: str
    page: int | None = None  # the original's page, to cite the original's PDF too


def review_rows(located: Iterable[tuple[str, object]], reviewer: str, folder: str) -> list[Row]:
    """``(page url, ReviewedPage)`` pairs, in order, to a row per item; urls and ``folder`` from the site's root."""
    return [
        Row(
            page.title, place_of(item, page.places).label, item.number, item.item_id,
            relative(f"{url}#{item.item_id}", folder.rstrip("/") + "/"),
            item.text, item.rebuttal_text, reviewer if item.rebuttal_html else "", item.page,
        )
        for url, page in located
        for item in page.items
    ]


def fields_of(row: Row) -> dict[str, object]:
    """A row's fields by name, in order: ``asdict`` without its deep copy, which plain values do not need."""
    return {name: getattr(row, name) for name in Row.__dataclass_fields__}


def cell(value: object) -> str:
    words = "" if value is None else str(value)
    return "'" + words if words.startswith(FORMULA_SIGNS) else words


def as_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(Row.__dataclass_fields__)
    for row in rows:
        writer.writerow([cell(value) for value in fields_of(row).values()])
    return buffer.getvalue()


def as_json(rows: list[Row], title: str, reviewer: str, original: str) -> str:
    data = {
        "review": title, "reviewer": reviewer, "original": original,
        "items": len(rows), "rebuttals": sum(1 for row in rows if row.rebuttal),
        "rows": [fields_of(row) for row in rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def downloads_markdown(annotations: str, print_page: str) -> str:
    """The landing page's list of downloads; the annotation export is written after the pages, so its link is
    plain HTML, which MkDocs does not look for among the documentation files."""
    lines = [
        "## Print and download", "",
        f"- [The whole review on one page]({print_page}), to print or to save as a PDF",
        f"- [The paragraphs and rebuttals as CSV]({CSV_NAME}): a row per item of the original, with its rebuttal",
        f"- [The same as JSON]({JSON_NAME})",
    ]
    if annotations:
        lines.append(f'- <a href="{text(annotations)}">The rebuttals as W3C Web Annotations</a> (JSON-LD)')
    return "\n".join(lines) + "\n"
