"""The page listing every rebuttal, with per-section counts and an SVG chart."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from ..writing.markdown import escape
from .abbreviations import marking
from .crossrefs import Heading, Reference, relative
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


PARAGRAPHS_COLOUR, REBUTTALS_COLOUR = "#5c6bc0", "#c62828"
CHART_TITLE = "Paragraphs and rebuttals per section"


@dataclass(frozen=True)
class ChartShape:
    """One drawing of the chart: labels beside the bars (a wide screen), or above them (a phone, where
    the wide drawing scaled to the screen would print its labels at half their size)."""

    name: str  # the class that shows it (review.css shows one drawing per width)
    width: int
    label_width: int  # 0: the label sits on a line of its own above the bars
    row: int
    label_length: int

    @property
    def bar_width(self) -> int:
        return self.width - self.label_width - 40  # room for the count after the longest bar


SHAPES = (ChartShape("chart-wide", 620, 230, 26, 32), ChartShape("chart-narrow", 340, 0, 40, 46))


def shortened_title(title: str, length: int) -> str:
    return title if len(title) <= length else title[: length - 1] + "…"


def chart_drawing(rows: list[tuple[str, int, int]], shape: ChartShape) -> str:
    """``rows``: each bar's label, paragraphs and rebuttals, as SVG text and rectangles in ``shape``."""
    largest = max([max(paragraphs, rebuttals) for _, paragraphs, rebuttals in rows] + [1])
    height = shape.row * len(rows) + 30
    title_id = f"{shape.name}-title"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{shape.name}" width="{shape.width}" height="{height}" '
        f'viewBox="0 0 {shape.width} {height}" role="img" aria-labelledby="{title_id}"><title id="{title_id}">{CHART_TITLE}</title>'
    ]
    above = shape.label_width == 0
    for position, (label, *values) in enumerate(rows):
        y = 10 + position * shape.row
        name = text(shortened_title(label, shape.label_length))
        if above:
            parts.append(f'<text x="0" y="{y + 10}">{name}</text>')
            y += 15
        else:
            parts.append(f'<text x="{shape.label_width - 6}" y="{y + 13}" text-anchor="end">{name}</text>')
        for offset, (value, colour) in enumerate(zip(values, (PARAGRAPHS_COLOUR, REBUTTALS_COLOUR))):
            width = round(shape.bar_width * value / largest)
            parts.append(f'<rect x="{shape.label_width}" y="{y + offset * 9}" width="{width}" height="8" fill="{colour}"/>')
            parts.append(f'<text x="{shape.label_width + width + 4}" y="{y + offset * 9 + 8}">{value}</text>')
    legend = height - 8
    parts.append(f'<rect x="{shape.label_width}" y="{legend - 8}" width="10" height="8" fill="{PARAGRAPHS_COLOUR}"/><text x="{shape.label_width + 14}" y="{legend}">numbered paragraphs</text>')
    parts.append(f'<rect x="{shape.label_width + 160}" y="{legend - 8}" width="10" height="8" fill="{REBUTTALS_COLOUR}"/><text x="{shape.label_width + 174}" y="{legend}">rebuttals</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(pages: list[ReviewedPage], parts_only: bool = False) -> str:
    """Paragraphs and rebuttals per section as horizontal bars, drawn at build time in each ``SHAPES``.

    ``parts_only``: one bar per part (counting the pages it holds), for a summary.
    """
    shown = [page for page in pages if not page.part] if parts_only else pages
    rows = [(("↳ " if page.part else "") + page.title, with_held(page, pages).paragraphs, with_held(page, pages).rebuttals) for page in shown]
    return '<figure class="rebuttal-chart">' + "".join(chart_drawing(rows, shape) for shape in SHAPES) + "</figure>"


def index_markdown(
    original_title: str, reviewer: str, pages: list[ReviewedPage], urls: Mapping[str, str], here: str, acronyms: Mapping[str, str],
) -> str:
    """The rebuttal index at ``here`` as Markdown: its headings Markdown (the page's contents list them),
    its lists of rebuttals HTML (``rebuttal_list``). ``urls``: each page's address from the site's root,
    by its path in the review; ``acronyms``: the review's, with their expansions."""
    total = sum(page.rebuttals for page in pages)
    marked = marking(acronyms)
    lines = [
        "---", "title: All rebuttals", "---", "",
        "# All rebuttals", "",
        f"Every rebuttal {escape(reviewer) if reviewer else 'the review'} makes of *{escape(original_title)}*, "
        f"in the document's order: {total} in all.", "",
        bar_chart(pages), "",
        counts_table(pages), "",
    ]
    for page in pages:
        if not with_held(page, pages).rebuttals:
            continue
        lines += [f"{'###' if page.part else '##'} {escape(page.title)}", ""]
        if page.path in urls and any(item.rebuttal_html for item in page.items):
            lines += [rebuttal_list(page, urls[page.path], here, reviewer or "Rebuttal", marked), ""]
    return "\n".join(lines)


def rebuttal_list(page: ReviewedPage, url: str, here: str, speaker: str, marked: Callable[[str], str]) -> str:
    """The page's rebuttals as a list: each item linked from ``here``, the first words of both voices.
    Plain text, so written as HTML (the HTML Python-Markdown made of the same list as Markdown, each
    acronym marked as its ``abbr`` marks one): as Markdown, these lines alone took a fifth of a build's
    Markdown rendering."""
    entries = [
        f'<li><a href="{text(relative(f"{url}#{item.item_id}", here))}">{marked(place_of(item, page.places).label)}</a>: '
        f"{marked(excerpt(item.text))}<br />\n<strong>{marked(speaker + ':')}</strong> {marked(excerpt(item.rebuttal_text))}</li>"
        for item in page.items if item.rebuttal_html
    ]
    return "\n".join(["<ul>", *entries, "</ul>"])


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
