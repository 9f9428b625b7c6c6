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
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from .check import check_content
from .page_reader import footnote_definitions, read_front_matter, read_text
from .pages import section_files
from .site.abbreviations import definitions_markdown, find_abbreviations
from .site.annotations import AnnotatedPage, collection
from .site.index_page import index_markdown, landing_figures
from .site.items import page_description
from .site.final import finalise_page
from .site.pipeline import enhance, safe_page
from .site.safety import INDEX_PAGE, PAGE, removal_notes
from .site.reviews import INDEX_NAME, find_reviews, reviewed_pages
from .site.search import clean_entries, exclude_lists, merge_into_index, search_entries
from .site.template_values import escape_config, escape_nav, escape_page, title_text

log = get_plugin_logger(__name__)


def first_body_line(path: Path) -> int:
    """The file line on which a page's Markdown starts, after its front matter."""
    return read_front_matter(read_text(path)).body_line


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
    previewing = False

    def on_startup(self, command, dirty):
        self.previewing = command == "serve"  # MkDocs' live reload is an inline script of its own

    def on_config(self, config):
        self.docs_dir = Path(config.docs_dir)
        self.reviews = {review.slug: review for review in find_reviews(self.docs_dir)}
        if len(self.reviews) == 1:  # a site of one review is named after it
            review = next(iter(self.reviews.values()))
            config.site_name = review.title
            config.site_description = review.description or config.site_description
        escape_config(config)  # templates print values raw: each is text, escaped once here
        if self.config.abbreviations and "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
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
        self.search, self.annotated, self.footnotes, self.typed = [], [], {}, {}
        for slug, review in self.reviews.items():
            self.pages[slug] = reviewed_pages(self.docs_dir, slug, config.markdown_extensions, config.mdx_configs)
            texts = [read_text(path) for path in section_files(self.docs_dir, slug)]
            self.abbreviations[slug] = find_abbreviations(texts) if self.config.abbreviations else {}
            if self.config.rebuttal_index:
                if files.get_file_from_path(f"{slug}/{INDEX_NAME}") is not None:
                    raise PluginError(f"{slug}/{INDEX_NAME} exists in the docs folder; reviewgen writes that page itself, so rename yours")
                content = index_markdown(review.original_title, review.reviewer, self.pages[slug])
                files.append(File.generated(config, f"{slug}/{INDEX_NAME}", content=content))
        return files

    def review_of(self, page) -> str | None:
        slug = page.file.src_uri.split("/", 1)[0]
        return slug if slug in self.reviews and "/" in page.file.src_uri else None

    def on_nav(self, nav, config, files):
        escape_nav(nav.items)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.abs_src_path:  # a page from the docs folder, not one reviewgen made: where its removals are
            self.typed[page.file.src_uri] = (markdown, first_body_line(Path(page.file.abs_src_path)))
        slug = self.review_of(page)
        if slug is None:
            return markdown
        self.footnotes[page.file.src_uri] = footnote_definitions(markdown)
        if not page.meta.get("description"):
            page.meta["description"] = page_description(page.meta, self.reviews[slug])
        if page.file.src_uri == f"{slug}/index.md" and self.config.rebuttal_index:
            markdown += "\n" + landing_figures(self.pages[slug], INDEX_NAME)
        if self.abbreviations.get(slug):
            markdown += "\n\n" + definitions_markdown(self.abbreviations[slug]) + "\n"
        return markdown

    def warn_removed(self, page, removed, finished: bool = False) -> None:
        markdown, first = self.typed.get(page.file.src_uri, ("", 1))
        for note in removal_notes(page.file.src_uri, removed, markdown, first, finished):
            log.warning(note)

    def on_page_content(self, html, page, config, files):
        slug = self.review_of(page)
        if slug is None or page.file.src_uri.endswith(("/index.md", f"/{INDEX_NAME}")):
            index = slug is not None and page.file.src_uri.endswith(f"/{INDEX_NAME}")
            cleaned = safe_page(html, INDEX_PAGE if index else PAGE)
            self.warn_removed(page, cleaned.removed)
            return exclude_lists(cleaned.html) if index and self.config.paragraph_search else cleaned.html
        review = self.reviews[slug]
        enhanced = enhance(html, review.reviewer, self.config.permalinks, self.config.paragraph_search)
        self.warn_removed(page, enhanced.removed)
        if self.config.paragraph_search:
            self.search += search_entries(page.url, title_text(page), list(enhanced.items))
        footnotes = self.footnotes.get(page.file.src_uri, {})
        self.annotated.append(AnnotatedPage(page.url, enhanced.items, footnotes, review.reviewer))
        return enhanced.html

    def on_env(self, env, config, files):
        for file in files.documentation_pages():  # every title is known now, and none printed yet
            if file.page is not None:
                escape_page(file.page)
        return env

    @event_priority(-100)  # the last step: after every other plugin has had the page
    def on_post_page(self, output, page, config):
        finished = finalise_page(output, with_policy=not self.previewing)
        self.warn_removed(page, finished.removed, finished=True)
        return finished.html

    @event_priority(-100)
    def on_post_template(self, output_content, template_name, config):
        if not template_name.endswith(".html"):  # the sitemap
            return output_content
        finished = finalise_page(output_content, with_policy=not self.previewing)
        for note in removal_notes(template_name, finished.removed, finished=True):
            log.warning(note)
        return finished.html

    def on_post_build(self, config):
        site = Path(config.site_dir)
        index_path = site / "search" / "search_index.json"
        if index_path.exists():  # every entry, Material's own too, through the allowlist
            index = json.loads(index_path.read_text(encoding="utf-8"))
            index = clean_entries(merge_into_index(index, self.search) if self.config.paragraph_search else index)
            index_path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        if self.config.annotations and self.reviews:
            name = self.config.annotations
            label = " and ".join(review.title for review in self.reviews.values())
            write_json(site / name, collection(self.annotated, name, label))
            for slug, review in self.reviews.items():  # and one export per review, in its folder
                mine = [page for page in self.annotated if page.url.startswith(f"{slug}/")]
                write_json(site / slug / name, collection(mine, name, review.title))
