"""The document model -> the pages of one review under ``content/<slug>/``.

A page per section, named with its order so that MkDocs lists them in the
document's order with no ``nav`` in mkdocs.yml. Front matter says what the
page holds and carries a checksum of its body, so a later conversion can
tell whether an editor has changed it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..document.config import SourceConfig
from .home import home_markdown, introduction, start_list
from .markdown import render_inline, escape
from .page_reader import SOURCE_REBUTTALS, read_text, rebuttal_fingerprints, split_front_matter
from ..document.model import Document, Paragraph, Section, plain_text, walk_items
from .writer import PageContext, anchor, footnote_ref, render_blocks, with_definitions

GENERATOR = "reviewgen"


@dataclass(frozen=True)
class Page:
    path: str  # relative to the content folder, with "/" separators
    text: str
    title: str


def checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def front_matter(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


def with_front_matter(fields: dict, body: str) -> str:
    return front_matter({**fields, "generator": GENERATOR, "checksum": checksum(body)}) + "\n" + body


def paragraph_range(section: Section) -> str:
    numbers = [item.number for item in walk_items(section.blocks) if isinstance(item, Paragraph) and item.number]
    if not numbers:
        return ""
    return f"{numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])


def untitled(section: Section, config: SourceConfig) -> str:
    """The title of text before any heading: the review's, or the words of its page's name ("Introduction")."""
    return config.title or section.slug.replace("-", " ").capitalize()


def render_section(section: Section, untitled_title: str = "") -> str:
    """A section's page; ``untitled_title``: its title when the source gives it none (text before any heading)."""
    heading = section.heading
    title = render_inline(heading.text, line_start=False) or escape(untitled_title or section.slug)
    top = f"# {title}{footnote_ref(heading)}"
    if heading.rebuttal:
        top += f" {anchor(heading.item_id, heading.page)}"
    top = with_definitions(top, [heading])
    body = render_blocks(section.blocks, PageContext.for_blocks(section.blocks))
    return f"{top}\n\n{body}\n" if body else f"{top}\n"


def parts(sections: tuple[Section, ...]) -> list[int | None]:
    """For each section, the position of the part that holds it (None for a part or a page of its own).

    An objective the converter gave a page of its own belongs to the part before it,
    so the part's page and the navigation can hold it as the document does.
    """
    holders: list[int | None] = []
    part = None
    for position, section in enumerate(sections):
        if section.heading.rank == 1:
            part = position
        holders.append(part if section.heading.rank > 1 and part is not None else None)
    return holders


def page_paths(document: Document, slug: str) -> list[str]:
    """A page per section; a part that holds others is a folder whose index is the part's own page."""
    holders = parts(document.sections)
    names = [f"{order:02d}-{section.slug}" for order, section in enumerate(document.sections, 1)]
    holding = set(holders)  # looked up once a section: a list would make thousands of sections slow
    paths = []
    for position, name in enumerate(names):
        if holders[position] is not None:
            paths.append(f"{slug}/{names[holders[position]]}/{name}.md")
        elif position in holding:
            paths.append(f"{slug}/{name}/index.md")
        else:
            paths.append(f"{slug}/{name}.md")
    return paths


def section_pages(document: Document, config: SourceConfig) -> list[Page]:
    pages = []
    paths = page_paths(document, config.slug)
    for order, section in enumerate(document.sections, 1):
        title = plain_text(section.heading.text) or untitled(section, config)
        fields = {"title": title, "review": config.slug, "order": order}
        paragraphs = paragraph_range(section)
        if paragraphs:
            fields["paragraphs"] = paragraphs
        path = paths[order - 1]
        body = render_section(section, untitled(section, config))
        fields[SOURCE_REBUTTALS] = rebuttal_fingerprints(body)  # so a re-import can tell the editors' rebuttals from the source's
        pages.append(Page(path, with_front_matter(fields, body), title))
    return pages


def review_title(config: SourceConfig) -> str:
    return config.title or config.original_title or config.slug


def described(reviewer: str, original_title: str) -> str:
    """The review in a line, from what the configuration names: "Mandate Now on Tackling ...", or less."""
    if reviewer and original_title:
        return f"{reviewer} on {original_title}"
    if original_title:
        return f"A review of {original_title}"
    return f"A review by {reviewer}" if reviewer else ""


def landing_fields(config: SourceConfig) -> dict:
    """The landing page's front matter: the review as its configuration describes it."""
    return {
        "title": review_title(config), "review": config.slug, "order": 0, "landing": True,
        "reviewer": config.reviewer, "reviewer_url": config.reviewer_url, "review_date": config.review_date,
        "description": config.description or described(config.reviewer, config.original_title),
        "original": {
            "title": config.original_title, "publisher": config.original_publisher,
            "date": config.original_date, "url": config.original_url,
        },
    }


def landing_page(config: SourceConfig, pages: list[Page]) -> Page:
    """The review's own front page: what it is, how to read it, where to start."""
    fields = landing_fields(config)
    title = fields["title"]
    reviewer = escape(config.reviewer) if config.reviewer else "The reviewer"
    lines = [f"# {escape(title)}", "", *introduction({**fields, "description": config.description})]
    lines += [
        "## How to read it",
        "",
        "The original is quoted word for word, with its own paragraph numbers: each number is a link you can cite "
        f"or share. {reviewer}'s rebuttal of a paragraph appears beside it on a wide screen and directly beneath it "
        "on a phone, marked by a coloured bar; the small ¶ mark in the paragraph leads to it too.",
        "",
        "## Where to start",
        "",
        *start_list(pages),
    ]
    body = "\n".join(lines) + "\n"
    return Page(f"{config.slug}/index.md", with_front_matter(fields, body), title)


def home_page(reviews: list[dict], pages_of_one: list[Page] | None = None) -> Page:
    """The site's home page, from each review's landing front matter (see reviewgen.writing.home)."""
    title, body = home_markdown(reviews, pages_of_one)
    return Page("index.md", with_front_matter({"title": title, "landing": True}, body), title)


def landing_pages(root: Path) -> list[tuple[Path, dict]]:
    """(folder, front matter) of every review converted into ``root``, found by its landing page."""
    found = []
    for landing in sorted(root.glob("*/index.md")):
        fields, _ = split_front_matter(read_text(landing))
        if fields.get("generator") == GENERATOR and fields.get("landing") and fields.get("review"):
            found.append((landing.parent, fields))
    return found


def page_order(folder: Path, path: Path) -> int | None:
    """A page's place in the document, from its name (a part's folder names its index page)."""
    name = path.parent.name if path.name == "index.md" and path.parent != folder else path.name
    number = re.match(r"\d+", name)
    return int(number.group()) if number else None


def section_files(root: Path, slug: str) -> list[Path]:
    """A review's pages of text, parts' folders included, in the document's order (their names start with it)."""
    folder = root / slug
    ordered = [(page_order(folder, path), path) for path in folder.rglob("*.md")]
    return [path for order, path in sorted((o, p) for o, p in ordered if o is not None)]


def review_pages(document: Document, config: SourceConfig) -> list[Page]:
    pages = section_pages(document, config)
    return [landing_page(config, pages), *pages]
