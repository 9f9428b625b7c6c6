"""The MkDocs plugin ``reviewgen``: thin hooks over the pure functions in reviewgen.site.

It could be swapped for another generator's adapter: everything it does is
a function of the Markdown in ``content/`` and the HTML rendered from it.

As MkDocs expects of a plugin: a user's mistake is a ``PluginError`` of one
line (never a traceback), content problems are warnings (so only a strict
build fails on them; the live preview keeps going), hooks that must come
after other plugins say so with ``event_priority``, and the state of one
build lives in a class of its own. While serving it also watches the
sources and re-converts (with merge) a source or configuration that changes.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from .commands.check import check_content
from .document.errors import ReviewgenError
from .writing.page_reader import footnote_definitions, read_front_matter, read_text
from .writing.pages import section_files
from .site.abbreviations import definitions_markdown, find_abbreviations
from .site.annotations import AnnotatedPage
from .site.final import finalise_page
from .site.index_page import index_markdown
from .site.items import page_description
from .site.navigation import in_document_order
from .site.reviews import INDEX_NAME, find_reviews, reviewed_pages
from .site.safety import removal_notes
from .site.search import search_entries
from .site.print_edition import PRINT_NAME
from .site.steps import (
    Features, PageKind, added_html, added_markdown, annotation_files, finished_index, page_content, page_kind,
    reading_files, reading_for, reading_of, write_json,
)
from .site.template_values import escape_config, escape_nav, escape_page, title_text
from .reading.source import SOURCE_SUFFIXES, source_of

log = get_plugin_logger(__name__)


def first_body_line(path: Path) -> int:
    """The file line on which a page's Markdown starts, after its front matter."""
    return read_front_matter(read_text(path)).body_line


LATE = -50  # after other plugins: search has written its index, other content changes are made
LAST = -100  # the sanitiser and the policy: after every other plugin has had the page


def user_mistakes_stop_the_build(hook: Callable) -> Callable:
    """A ReviewgenError (a broken configuration, a page it cannot read) becomes one line, not a traceback."""

    @functools.wraps(hook)
    def guarded(self, *args, **kwargs):
        try:
            return hook(self, *args, **kwargs)
        except ReviewgenError as error:
            raise PluginError(f"reviewgen: {error}") from None

    return guarded


class ReviewgenConfig(base.Config):
    enabled = c.Type(bool, default=True)
    sources = c.Dir(exists=False, default="sources")  # where the reviews' sources are, relative to mkdocs.yml
    check = c.Type(bool, default=True)  # report reviewgen check's problems as warnings
    rebuttal_index = c.Type(bool, default=True)
    paragraph_search = c.Type(bool, default=True)
    abbreviations = c.Type(bool, default=True)
    permalinks = c.Type(bool, default=True)
    reading = c.Type(bool, default=True)  # cross-references, citations, the paragraph box, links between rebuttals
    annotations = c.Type(str, default="annotations.jsonld")


@dataclass
class BuildState:
    """What one build gathers from the pages, emptied when the next build starts."""

    docs_dir: Path
    reviews: dict = field(default_factory=dict)  # slug -> ReviewInfo
    pages: dict = field(default_factory=dict)  # slug -> its ReviewedPages
    reading: dict = field(default_factory=dict)  # slug (or the print edition's src_uri) -> the whole review as its pages link into it
    abbreviations: dict = field(default_factory=dict)  # slug -> {acronym: expansion}
    footnotes: dict = field(default_factory=dict)  # page's src_uri -> its footnote definitions
    typed: dict = field(default_factory=dict)  # page's src_uri -> (its Markdown, its first body line): where removals are
    search: list = field(default_factory=list)
    annotated: list = field(default_factory=list)


def sources_state(folder: Path) -> dict[Path, tuple[int, int]]:
    """Each source and configuration with its modification time and size: what tells a change."""
    if not folder.is_dir():
        return {}
    watched = {*SOURCE_SUFFIXES, ".yml"}
    return {path: (path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(folder.glob("*.*")) if path.suffix.lower() in watched}


class ReviewgenPlugin(BasePlugin[ReviewgenConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.seen_sources: dict[Path, tuple[int, int]] = {}
        self.state = BuildState(Path("."))

    def on_startup(self, *, command, dirty):
        """Having this hook keeps one plugin across the preview's rebuilds, so it remembers the sources it saw."""
        self.serving = command == "serve"

    @user_mistakes_stop_the_build
    def on_config(self, config):
        if not self.config.enabled:
            return config
        docs_dir = Path(config.docs_dir)
        if self.serving:
            self.reconvert_changed_sources(docs_dir)
        self.state = BuildState(docs_dir, {review.slug: review for review in find_reviews(docs_dir)})
        if len(self.state.reviews) == 1:  # a site of one review is named after it
            review = next(iter(self.state.reviews.values()))
            config.site_name = review.title
            config.site_description = review.description or config.site_description
        escape_config(config)  # templates print values raw: each is text, escaped once here
        if self.config.abbreviations and "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
        if "md_in_html" not in config.markdown_extensions:  # figures are <figure markdown="1"> blocks
            config.markdown_extensions.append("md_in_html")
        return config

    def reconvert_changed_sources(self, docs_dir: Path) -> None:
        """In the preview, a changed source or configuration is converted again, carrying the editors' rebuttals."""
        from .commands.convert import convert

        now = sources_state(Path(self.config.sources))
        if not self.seen_sources:  # the preview's first build: the content is what the editor has
            self.seen_sources = now
            return
        folder = Path(self.config.sources)
        changed = {source_of(folder, path.stem) for path, mark in now.items() if self.seen_sources.get(path) != mark}
        self.seen_sources = now
        for source in sorted(path for path in changed if path is not None):
            try:
                summary = convert(source, docs_dir, merge_edits=True)
                log.info(f"{source} changed, converted again with --merge: {str(summary).splitlines()[0]}")
            except ReviewgenError as error:
                log.warning(f"{error} (the preview shows the pages as they were)")

    def on_serve(self, server, config, builder):
        if self.config.enabled and Path(self.config.sources).is_dir():
            server.watch(self.config.sources)
        return server

    @user_mistakes_stop_the_build
    def on_pre_build(self, config):
        """The same problems ``reviewgen check`` reports, as warnings: ``--strict`` fails on them."""
        if not self.config.enabled or not self.config.check or not self.state.reviews:
            return
        try:
            problems = check_content(self.state.docs_dir, Path(self.config.sources)).problems
        except ReviewgenError as error:
            if not self.serving:
                raise
            problems = [f"{error} (the preview goes on without checking the pages)"]  # the preview never stops
        for problem in problems:
            log.warning(str(problem))

    @event_priority(LATE)  # after other plugins have added their files, so a clash with ours is seen
    @user_mistakes_stop_the_build
    def on_files(self, files, config):
        if not self.config.enabled:
            return files
        state = self.state
        for slug, review in state.reviews.items():
            state.pages[slug] = reviewed_pages(state.docs_dir, slug, config.markdown_extensions, config.mdx_configs)
            found = ((files.get_file_from_path(f"{slug}/{page.path}"), page) for page in state.pages[slug])
            located = [(file.url, page) for file, page in found if file is not None]
            texts = [read_text(path) for path in section_files(state.docs_dir, slug)]
            if self.config.reading:
                self.add_reading_files(files, config, review, located, texts)
            state.abbreviations[slug] = find_abbreviations(texts) if self.config.abbreviations else {}
            if self.config.rebuttal_index:
                if files.get_file_from_path(f"{slug}/{INDEX_NAME}") is not None:
                    raise PluginError(f"reviewgen: {slug}/{INDEX_NAME} exists in the docs folder; reviewgen writes that page itself, so rename yours")
                content = index_markdown(review.original_title, review.reviewer, state.pages[slug])
                files.append(File.generated(config, f"{slug}/{INDEX_NAME}", content=content))
        return files

    def add_reading_files(self, files, config, review, located: list, sections: list[str]) -> None:
        """What the review's pages link to (the print edition, the paragraph box's map, the downloads), and
        what they link into."""
        for path, content in reading_files(review, located, sections).items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"reviewgen: {path} exists in the docs folder; reviewgen writes that file itself, so rename yours")
            files.append(File.generated(config, path, content=content))
        print_url = files.get_file_from_path(f"{review.slug}/{PRINT_NAME}").url
        self.state.reading.update(reading_of(review, located, print_url))

    def review_of(self, page) -> str | None:
        return page_kind(page.file.src_uri, self.state.reviews)[1]

    @property
    def features(self) -> Features:
        return Features.from_options(dict(self.config))

    def on_nav(self, nav, config, files):
        if not self.config.enabled:
            return nav
        for slug, pages in self.state.pages.items():
            titles = {f"{slug}/{page.path}": page.title for page in pages if page.path.endswith("/index.md")}
            nav = in_document_order(nav, slug, titles)
        escape_nav(nav.items)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return markdown
        state = self.state
        if page.file.abs_src_path:  # a page from the docs folder, not one reviewgen made: where its removals are
            state.typed[page.file.src_uri] = (markdown, first_body_line(Path(page.file.abs_src_path)))
        slug = self.review_of(page)
        markdown += added_markdown(page.file.src_uri, state.reviews, state.pages, self.features)
        if slug is None:
            return markdown
        state.footnotes[page.file.src_uri] = footnote_definitions(markdown)
        if not page.meta.get("description"):
            page.meta["description"] = page_description(page.meta, state.reviews[slug])
        if state.abbreviations.get(slug):
            markdown += "\n\n" + definitions_markdown(state.abbreviations[slug]) + "\n"
        return markdown

    def warn_removed(self, page, removed, finished: bool = False) -> None:
        markdown, first = self.state.typed.get(page.file.src_uri, ("", 1))
        for note in removal_notes(page.file.src_uri, removed, markdown, first, finished):
            log.warning(note)

    @event_priority(LATE)  # after other plugins' changes to the HTML, so the sanitiser sees them all
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        state = self.state
        kind, slug = page_kind(page.file.src_uri, state.reviews)
        review = state.reviews.get(slug)
        reading = reading_for(page.file.src_uri, state.reading)
        enhanced = page_content(html, kind, review, self.features, reading, page.url)
        self.warn_removed(page, enhanced.removed)
        if kind is PageKind.PRINT_EDITION:
            return enhanced.html
        if kind is not PageKind.REVIEW_TEXT:
            return enhanced.html + added_html(page.file.src_uri, state.reviews, state.pages, self.features)
        if self.config.paragraph_search:
            state.search += search_entries(page.url, title_text(page), list(enhanced.items), enhanced.places, review.reviewer)
        footnotes = state.footnotes.get(page.file.src_uri, {})
        state.annotated.append(AnnotatedPage(page.url, enhanced.items, footnotes, review.reviewer))
        return enhanced.html

    def on_env(self, env, config, files):
        if self.config.enabled:
            for file in files.documentation_pages():  # every title is known now, and none printed yet
                if file.page is not None:
                    escape_page(file.page)
        return env

    @event_priority(LAST)
    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        finished = finalise_page(output, with_policy=not self.serving)  # the preview's reload script is inline
        self.warn_removed(page, finished.removed, finished=True)
        return finished.html

    @event_priority(LAST)
    def on_post_template(self, output_content, template_name, config):
        if not self.config.enabled or not template_name.endswith(".html"):  # the sitemap is not a page
            return output_content
        finished = finalise_page(output_content, with_policy=not self.serving)
        for note in removal_notes(template_name, finished.removed, finished=True):
            log.warning(note)
        return finished.html

    @event_priority(LATE)  # after the search plugin has written the index the paragraphs join
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        state = self.state
        site = Path(config.site_dir)
        index_path = site / "search" / "search_index.json"
        if index_path.exists():  # every entry, Material's own too, through the allowlist
            index = json.loads(index_path.read_text(encoding="utf-8"))
            write_json(index_path, finished_index(index, state.search, self.config.paragraph_search), compact=True)
        for name, data in annotation_files(state.annotated, state.reviews, self.config.annotations).items():
            write_json(site / name, data)
