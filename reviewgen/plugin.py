"""The MkDocs plugin ``reviewgen``: thin hooks over the pure functions in reviewgen.site.

It could be swapped for another generator's adapter: everything it does is
a function of the Markdown in ``content/`` and the HTML rendered from it.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File

from .check import check_content
from .pages import section_files, split_front_matter
from .site.abbreviations import definitions_markdown, find_abbreviations
from .site.annotations import AnnotatedPage, collection
from .site.footnotes import footnote_definitions
from .site.index_page import bar_chart, index_markdown, landing_figures
from .site.items import page_description
from .site.navigation import in_document_order
from .site.parts import part_contents
from .site.pipeline import enhance, safe_page
from .site.safety import unsafe_lines
from .site.reviews import INDEX_NAME, find_reviews, reviewed_pages
from .site.search import exclude_lists, merge_into_index, search_entries

log = get_plugin_logger(__name__)


def first_body_line(path: Path) -> int:
    """The file line on which a page's Markdown starts, after its front matter."""
    text = path.read_text(encoding="utf-8", errors="replace")
    _, body = split_front_matter(text)
    return text[: len(text) - len(body)].count("\n") + 1


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


class ReviewgenConfig(base.Config):
    sources = c.Type(str, default="sources")  # where the reviews' sources are, beside mkdocs.yml
    check = c.Type(bool, default=True)  # report reviewgen check's problems as warnings
    rebuttal_index = c.Type(bool, default=True)
    paragraph_search = c.Type(bool, default=True)
    abbreviations = c.Type(bool, default=True)
    permalinks = c.Type(bool, default=True)
    annotations = c.Type(str, default="annotations.jsonld")


class ReviewgenPlugin(BasePlugin[ReviewgenConfig]):
    def on_config(self, config):
        self.docs_dir = Path(config.docs_dir)
        self.reviews = {review.slug: review for review in find_reviews(self.docs_dir)}
        if len(self.reviews) == 1:  # a site of one review is named after it
            review = next(iter(self.reviews.values()))
            config.site_name = review.title
            config.site_description = review.description or config.site_description
        if self.config.abbreviations and "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
        if "md_in_html" not in config.markdown_extensions:  # figures are <figure markdown="1"> blocks
            config.markdown_extensions.append("md_in_html")
        return config

    def on_pre_build(self, config):
        """The same problems ``reviewgen check`` reports, as warnings: ``--strict`` fails on them."""
        if not self.config.check or not self.reviews:
            return
        sources = Path(config.config_file_path).parent / self.config.sources
        for problem in check_content(self.docs_dir, sources).problems:
            log.warning(str(problem))

    def on_files(self, files, config):
        self.pages, self.abbreviations = {}, {}
        self.search, self.annotated, self.footnotes = [], [], {}
        for slug, review in self.reviews.items():
            self.pages[slug] = reviewed_pages(self.docs_dir, slug, config.markdown_extensions, config.mdx_configs)
            texts = [path.read_text(encoding="utf-8") for path in section_files(self.docs_dir, slug)]
            self.abbreviations[slug] = find_abbreviations(texts) if self.config.abbreviations else {}
            if self.config.rebuttal_index:
                if files.get_file_from_path(f"{slug}/{INDEX_NAME}") is not None:
                    raise PluginError(f"{slug}/{INDEX_NAME} exists in the docs folder; reviewgen writes that page itself, so rename yours")
                content = index_markdown(review.original_title, review.reviewer, self.pages[slug])
                files.append(File.generated(config, f"{slug}/{INDEX_NAME}", content=content))
        return files

    def on_nav(self, nav, config, files):
        for slug in self.reviews:
            titles = {f"{slug}/{page.path}": page.title for page in self.pages[slug] if page.path.endswith("/index.md")}
            nav = in_document_order(nav, slug, titles)
        return nav

    def review_of(self, page) -> str | None:
        slug = page.file.src_uri.split("/", 1)[0]
        return slug if slug in self.reviews and "/" in page.file.src_uri else None

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.abs_src_path:  # a page from the docs folder, not one reviewgen made
            for line, what in unsafe_lines(markdown, first_body_line(Path(page.file.abs_src_path))):
                log.warning(f"{page.file.src_uri}:{line}: removed {what}; pages may not carry script or unsafe links")
        slug = self.review_of(page)
        if page.file.src_uri == "index.md" and len(self.reviews) == 1 and self.config.rebuttal_index:
            only = next(iter(self.reviews))  # the home page is that review: its counts and chart too
            return markdown + "\n" + landing_figures(self.pages[only], f"{only}/{INDEX_NAME}")
        if slug is None:
            return markdown
        self.footnotes[page.file.src_uri] = footnote_definitions(markdown)
        if not page.meta.get("description"):
            page.meta["description"] = page_description(page.meta, self.reviews[slug])
        if page.file.src_uri == f"{slug}/index.md" and self.config.rebuttal_index:
            markdown += "\n" + landing_figures(self.pages[slug], INDEX_NAME)
        here = next((p for p in self.pages[slug] if f"{slug}/{p.path}" == page.file.src_uri), None)
        if here is not None:
            markdown += "\n\n" + part_contents(here, self.pages[slug])
        if self.abbreviations.get(slug):
            markdown += "\n\n" + definitions_markdown(self.abbreviations[slug]) + "\n"
        return markdown

    def on_page_content(self, html, page, config, files):
        slug = self.review_of(page)
        if slug is not None and page.file.src_uri.endswith(f"/{INDEX_NAME}"):
            return exclude_lists(html) if self.config.paragraph_search else html
        if page.file.src_uri == "index.md" and len(self.reviews) == 1 and self.config.rebuttal_index:
            # the chart is reviewgen's own markup (SVG from escaped titles and counts), as on the rebuttal index
            return safe_page(html) + "\n" + bar_chart(self.pages[next(iter(self.reviews))], parts_only=True)
        if slug is None or page.file.src_uri == f"{slug}/index.md":
            return safe_page(html)
        review = self.reviews[slug]
        enhanced = enhance(html, review.reviewer, self.config.permalinks, self.config.paragraph_search)
        if self.config.paragraph_search:
            self.search += search_entries(page.url, page.title, list(enhanced.items))
        footnotes = self.footnotes.get(page.file.src_uri, {})
        self.annotated.append(AnnotatedPage(page.url, enhanced.items, footnotes, review.reviewer))
        return enhanced.html

    def on_post_build(self, config):
        site = Path(config.site_dir)
        index_path = site / "search" / "search_index.json"
        if self.config.paragraph_search and index_path.exists():
            index = json.loads(index_path.read_text(encoding="utf-8"))
            index_path.write_text(json.dumps(merge_into_index(index, self.search), separators=(",", ":")), encoding="utf-8")
        if self.config.annotations and self.reviews:
            name = self.config.annotations
            label = " and ".join(review.title for review in self.reviews.values())
            write_json(site / name, collection(self.annotated, name, label))
            for slug, review in self.reviews.items():  # and one export per review, in its folder
                mine = [page for page in self.annotated if page.url.startswith(f"{slug}/")]
                write_json(site / slug / name, collection(mine, name, review.title))
