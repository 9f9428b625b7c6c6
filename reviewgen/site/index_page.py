"""The page listing every rebuttal, with per-section counts and an SVG chart."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..writing.markdown import escape
from .crossrefs import Heading, Reference
from ..document.html import text
from .items import Item
from .speakers import place_of

EXCERPT_WORDS = 24


@dataclass(frozen=True)
class ReviewedPage:
    path: str  # the Markdown file, relative to the review's folder
    title: str
    items: tuple[Item, ...]
    part: str = ""  # the path of the part's page that holds this one, "" for a page of its own
    headings: tuple[Heading, ...] = ()  # where a cross-reference to a division can land
    references: tuple[Reference, ...] = ()  # the cross-references its text makes
    places: dict = field(default_factory=dict)  # item id -> its Place: how a reader names it

    @property
    def paragraphs(self) -> int:
        return sum(1 for item in self.items if item.number is not None)

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.number is not None and item.rebuttal_html)

    @property
    def rebuttals(self) -> int:
        return sum(1 for item in self.items if item.rebuttal_html)


def held_by(part: ReviewedPage, pages: list[ReviewedPage]) -> list[ReviewedPage]:
    """The pages a part holds (its objectives), in order."""
    return [page for page in pages if page.part and page.part == part.path]


def with_held(page: ReviewedPage, pages: list[ReviewedPage]) -> ReviewedPage:
    """A part counted as the document counts it: its own items and those of the pages it holds."""
    items = page.items + tuple(item for held in held_by(page, pages) for item in held.items)
    return ReviewedPage(page.path, page.title, items, page.part)


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def counts_table(pages: list[ReviewedPage]) -> str:
    lines = ["| Section | Paragraphs | Answered | Rebuttals |", "|---|---:|---:|---:|"]
    for page in pages:
        whole = with_held(page, pages)
        name = ("↳ " if page.part else "") + escape(page.title)
        lines.append(f"| [{name}]({page.path}) | {whole.paragraphs} | {whole.answered} | {whole.rebuttals} |")
    total = lambda attr: sum(getattr(p, attr) for p in pages)  # noqa: E731
    lines.append(f"| **All** | **{total('paragraphs')}** | **{total('answered')}** | **{total('rebuttals')}** |")
    return "\n".join(lines)


def bar_chart(pages: list[ReviewedPage], parts_only: bool = False) -> str:
    """Paragraphs and rebuttals per section as horizontal bars, drawn at build time.

    ``parts_only``: one bar per part (counting the pages it holds), for a summary.
    """
    shown = [page for page in pages if not page.part] if parts_only else pages
    row, label_width, bar_width = 26, 230, 330
    largest = max([max(with_held(p, pages).paragraphs, with_held(p, pages).rebuttals) for p in shown] + [1])
    height = row * len(shown) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 60}" height="{height}" '
        f'viewBox="0 0 {label_width + bar_width + 60} {height}" '
        f'role="img" aria-labelledby="chart-title"><title id="chart-title">Paragraphs and rebuttals per section</title>'
    ]
    for position, page in enumerate(shown):
        y = 10 + position * row
        name = text(("↳ " if page.part else "") + (page.title if len(page.title) <= 32 else page.title[:31] + "…"))
        parts.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{name}</text>')
        whole = with_held(page, pages)
        for offset, (value, colour) in enumerate(((whole.paragraphs, "#5c6bc0"), (whole.rebuttals, "#c62828"))):
            width = round(bar_width * value / largest)
            parts.append(f'<rect x="{label_width}" y="{y + offset * 9}" width="{width}" height="8" fill="{colour}"/>')
            parts.append(f'<text x="{label_width + width + 4}" y="{y + offset * 9 + 8}">{value}</text>')
    legend = height - 8
    parts.append(f'<rect x="{label_width}" y="{legend - 8}" width="10" height="8" fill="#5c6bc0"/><text x="{label_width + 14}" y="{legend}">numbered paragraphs</text>')
    parts.append(f'<rect x="{label_width + 160}" y="{legend - 8}" width="10" height="8" fill="#c62828"/><text x="{label_width + 174}" y="{legend}">rebuttals</text>')
    parts.append("</svg>")
    return '<figure class="rebuttal-chart">' + "".join(parts) + "</figure>"


def index_markdown(original_title: str, reviewer: str, pages: list[ReviewedPage]) -> str:
    total = sum(page.rebuttals for page in pages)
    lines = [
        "---", "title: All rebuttals", "---", "",
        "# All rebuttals", "",
        f"Every rebuttal {escape(reviewer) if reviewer else 'the review'} makes of *{escape(original_title)}*, "
        f"in the document's order: {total} in all.", "",
        bar_chart(pages), "",
        counts_table(pages), "",
    ]
    for page in pages:
        answered = [item for item in page.items if item.rebuttal_html]
        if not with_held(page, pages).rebuttals:
            continue
        lines += [f"{'###' if page.part else '##'} {escape(page.title)}", ""]
        for item in answered:
            lines.append(f"- [{escape(place_of(item, page.places).label)}]({page.path}#{item.item_id}): {escape(excerpt(item.text))}  ")
            lines.append(f"  **{escape(reviewer or 'Rebuttal')}:** {escape(excerpt(item.rebuttal_text))}")
        lines.append("")
    return "\n".join(lines)


def landing_figures(pages: list[ReviewedPage], index_path: str) -> str:
    """Headline counts for a review's landing page (and the home page of a one-review site)."""
    paragraphs = sum(p.paragraphs for p in pages)
    answered = sum(p.answered for p in pages)
    rebuttals = sum(p.rebuttals for p in pages)
    return (
        "## In figures\n\n"
        f"- {paragraphs} numbered paragraphs of the original, {answered} of them answered\n"
        f"- {rebuttals} rebuttals in all: [read them in one list]({index_path})\n"
    )
