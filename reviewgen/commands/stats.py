"""``reviewgen stats``: per-section counts of a review, for the terminal, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .audit import EXTENSIONS
from .check import review_folders
from ..site.crossrefs import review_places, unlinked
from ..site.reviews import reviewed_pages

COLUMNS = ("section", "part", "paragraphs", "answered", "rebuttals", "rebuttal_words")
NUMBERS = COLUMNS[2:]


@dataclass(frozen=True)
class SectionStats:
    review: str
    section: str
    part: str  # the title of the part that holds this section, "" for a section of its own
    paragraphs: int
    answered: int
    rebuttals: int
    rebuttal_words: int
    linked_references: int = 0  # "paragraph 8", "Objective 2.3", ... in the original and the rebuttals, linked on the site
    unlinked: tuple[str, ...] = ()  # those that name nothing in the review, so stay text on the site


def review_stats(content: Path) -> list[SectionStats]:
    rows = []
    for folder in review_folders(content):
        pages = reviewed_pages(content, folder.name, EXTENSIONS, {})
        titles = {page.path: page.title for page in pages}
        places = review_places((page.path, page) for page in pages)
        for page in pages:
            rows.append(SectionStats(
                folder.name, page.title, titles.get(page.part, ""), page.paragraphs, page.answered, page.rebuttals,
                sum(len(item.rebuttal_text.split()) for item in page.items if item.rebuttal_html),
                sum(1 for ref in page.references if ref.key in places), tuple(ref.words for ref in unlinked(page.references, places)),
            ))
    return rows


def totals(rows: list[SectionStats], review: str) -> SectionStats:
    mine = [row for row in rows if row.review == review]
    counts = (sum(getattr(row, name) for row in mine) for name in NUMBERS)
    return SectionStats(review, "All", "", *counts, sum(row.linked_references for row in mine), tuple(word for row in mine for word in row.unlinked))


def references_line(rows: list[SectionStats]) -> str:
    """How many cross-references link, and where those that name nothing are."""
    unlinked = [f"{row.section}: {words!r}" for row in rows for words in row.unlinked]
    linked = sum(row.linked_references for row in rows)
    return f"cross-references: {linked} linked, {len(unlinked)} naming nothing" + (f" ({'; '.join(unlinked)})" if unlinked else "")


def as_table(rows: list[SectionStats]) -> str:
    out = []
    for review in dict.fromkeys(row.review for row in rows):
        body = [row for row in rows if row.review == review] + [totals(rows, review)]
        width = max(len(row.section) + (2 if row.part else 0) for row in body)
        width = min(width, 60)
        out.append(review)
        out.append(f"{'section':<{width}}  {'paragraphs':>10}  {'answered':>8}  {'rebuttals':>9}  {'words':>7}")
        for row in body:
            indent = "  " if row.part else ""  # a section its part holds, beneath the part
            room = width - len(indent)
            name = indent + (row.section if len(row.section) <= room else row.section[: room - 1] + "…")
            out.append(f"{name:<{width}}  {row.paragraphs:>10}  {row.answered:>8}  {row.rebuttals:>9}  {row.rebuttal_words:>7}")
        out.append(references_line(body[:-1]))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def as_csv(rows: list[SectionStats]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("review",) + COLUMNS + ("linked_references", "unlinked_references"))
    for row in rows:
        writer.writerow([
            row.review, row.section, row.part, row.paragraphs, row.answered, row.rebuttals, row.rebuttal_words,
            row.linked_references, "; ".join(row.unlinked),
        ])
    return buffer.getvalue()


def as_json(rows: list[SectionStats]) -> str:
    return json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=1) + "\n"


FORMATS = {"table": as_table, "csv": as_csv, "json": as_json}
