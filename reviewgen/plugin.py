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
import gc
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
from .commands.remembered import remembering
from .document.errors import ReviewgenError
from .writing.page_reader import footnote_definitions, read_front_matter, read_text
from .writing.pages import section_files
from .site.abbreviations import find_abbreviations
from .site.acronym_markup import ReviewAcronyms
from .site.annotations import AnnotatedPage
from .site.final import finalise_page
from .site.index_page import index_markdown
from .site.items import page_description
from .site.navigation import in_document_order
from .site.pipeline import read_page
from .site.reviews import INDEX_NAME, find_reviews, outlined_page, with_items
from .site.safety import removal_notes
from .site.search import search_entries
from .site.steps import (
    Features, PageKind, added_html, added_markdown, annotation_files, data_files, data_paths, finished_index,
    finished_text_page, page_content, page_kind, print_content, print_file, reading_for, reading_of, reading_rank, write_json,
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
    pages: dict = field(default_factory=dict)  # slug -> its ReviewedPages, outlined, then read as each page renders
    reading: dict = field(default_factory=dict)  # slug -> the whole review as its pages link into it
    urls: dict = field(default_factory=dict)  # slug -> {its section page's path in the review: the page's url}
    data_files: dict = field(default_factory=dict)  # path in the docs folder -> the File written once every page is read
    read: dict = field(default_factory=dict)  # src_uri of a page of text -> (its Page, its ReadPage, its title), until laid out
    laid_out: dict = field(default_factory=dict)  # src_uri of a page of text -> its tree as laid out, until the print edition takes it
    printing: dict = field(default_factory=dict)  # slug -> (its print edition's Page, the HTML of its head), until its sections are laid out
    order: list = field(default_factory=list)  # the pages' src_uris in MkDocs' order, restored for writing
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
        self.acronyms = ReviewAcronyms()  # the Markdown extension that marks up each page's acronyms

    def on_startup(self, *, command, dirty):
        """Having this hook keeps one plugin across the preview's rebuilds, so it remembers the sources it saw."""
        self.serving = command == "serve"

    @user_mistakes_stop_the_build
    def on_config(self, config):
        gc.unfreeze()  # the trees a preview's last build held (see on_env) are the collector's again
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
        if self.config.abbreviations:  # Python-Markdown's abbr, handed each page's acronyms (and the site's abbr options)
            self.acronyms = ReviewAcronyms(**config.mdx_configs.pop("abbr", {}))
            config.markdown_extensions[:] = [name for name in config.markdown_extensions if name != "abbr"] + [self.acronyms]
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
            kept = Path(config.config_file_path or ".").resolve().parent / ".cache" / "reviewgen"
            problems = check_content(self.state.docs_dir, Path(self.config.sources), remembering(kept)).problems
        except ReviewgenError as error:
            if not self.serving:
                raise
            problems = [f"{error} (the preview goes on without checking the pages)"]  # the preview never stops
        for problem in problems:
            log.warning(str(problem))

    @event_priority(LATE)  # after other plugins have added their files, so a clash with ours is seen
    @user_mistakes_stop_the_build
    def on_files(self, files, config):
        """Each review's pages outlined from their files; what reviewgen writes added (the rebuttal index and
        the data files get their content once every page of text is read: ``on_pre_page``, ``on_env``)."""
        if not self.config.enabled:
            return files
        state = self.state
        for slug, review in state.reviews.items():
            paths = section_files(state.docs_dir, slug)
            texts = [read_text(path) for path in paths]
            state.pages[slug] = [outlined_page(state.docs_dir, slug, path, text) for path, text in zip(paths, texts)]
            found = ((files.get_file_from_path(f"{slug}/{page.path}"), page) for page in state.pages[slug])
            state.urls[slug] = {page.path: file.url for file, page in found if file is not None}
            if self.config.reading:
                self.add_reading_files(files, config, review)
            state.abbreviations[slug] = find_abbreviations(texts) if self.config.abbreviations else {}
            if self.config.rebuttal_index:
                self.add_file(files, config, f"{slug}/{INDEX_NAME}", "")
        return files

    def add_file(self, files, config, path: str, content: str) -> File:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"reviewgen: {path} exists in the docs folder; reviewgen writes that file itself, so rename yours")
        file = File.generated(config, path, content=content)
        files.append(file)
        return file

    def add_reading_files(self, files, config, review) -> None:
        """What the review's pages link to: the print edition, its head now and its sections once they
        are read, and the paragraph box's map and the downloads, made of their items."""
        for path, content in print_file(review).items():
            self.add_file(files, config, path, content)
        for path in data_paths(review.slug):
            self.state.data_files[path] = self.add_file(files, config, path, "")

    def located(self, slug: str) -> list:
        """The review's section pages with their urls, as read so far."""
        urls = self.state.urls[slug]
        return [(urls[page.path], page) for page in self.state.pages[slug] if page.path in urls]

    def reading_for(self, src_uri: str):
        """What a page of a review links into, gathered once every page of text is read."""
        state = self.state
        slug = src_uri.partition("/")[0]
        if self.config.reading and slug in state.reviews and slug not in state.reading:
            state.reading.update(reading_of(state.reviews[slug], self.located(slug)))
        return reading_for(src_uri, state.reading)

    def print_sections(self, slug: str) -> list:
        """The review's pages of text as laid out, each with its url, in order (each taken once)."""
        laid_out = self.state.laid_out
        return [(url, laid_out.pop(uri)) for url, known in self.located(slug) if (uri := f"{slug}/{known.path}") in laid_out]

    def review_of(self, page) -> str | None:
        return page_kind(page.file.src_uri, self.state.reviews)[1]

    @property
    def features(self) -> Features:
        return Features.from_options(dict(self.config))

    def on_nav(self, nav, config, files):
        """The navigation in the document's order; the pages then rendered pages of text first, so every
        page is read before any page that shows the whole review (its counts, its print edition) renders."""
        if not self.config.enabled:
            return nav
        for slug, pages in self.state.pages.items():
            titles = {f"{slug}/{page.path}": page.title for page in pages if page.path.endswith("/index.md")}
            nav = in_document_order(nav, self.state.reviews[slug], titles)
        escape_nav(nav.items)
        pages = files.documentation_pages()
        self.state.order = [file.src_uri for file in pages]
        for file in sorted(pages, key=lambda file: reading_rank(file.src_uri, self.state.reviews)):
            files.remove(file)
            files.append(file)
        return nav

    def on_pre_page(self, page, config, files):
        """The rebuttal index, rendered after every page of text: its list from their items."""
        kind, slug = page_kind(page.file.src_uri, self.state.reviews)
        if self.config.enabled and kind is PageKind.REBUTTAL_INDEX:
            review, state = self.state.reviews[slug], self.state
            page.file.content_string = index_markdown(
                review.original_title, review.reviewer, state.pages[slug], state.urls[slug], page.url, state.abbreviations[slug],
            )
        return page

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return markdown
        state = self.state
        if page.file.abs_src_path:  # a page from the docs folder, not one reviewgen made: where its removals are
            state.typed[page.file.src_uri] = (markdown, first_body_line(Path(page.file.abs_src_path)))
        slug = self.review_of(page)
        markdown += added_markdown(page.file.src_uri, state.reviews, state.pages, self.features)
        self.acronyms.page = state.abbreviations.get(slug, {})  # what abbr marks up as the page renders
        if slug is None:
            return markdown
        state.footnotes[page.file.src_uri] = footnote_definitions(markdown)
        if not page.meta.get("description"):
            page.meta["description"] = page_description(page.meta, state.reviews[slug])
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
        if kind is PageKind.REVIEW_TEXT:  # read now; laid out in on_env, when the whole review is known
            read = read_page(html)
            self.warn_removed(page, read.removed)
            state.read[page.file.src_uri] = (page, read, title_text(page))
            gc.freeze()  # held until the end of the build: see on_env
            path = page.file.src_uri.removeprefix(f"{slug}/")
            state.pages[slug] = [
                with_items(known, read.soup, read.items, read.places) if known.path == path else known for known in state.pages[slug]
            ]
            return html
        if kind is PageKind.PRINT_EDITION:  # its head now, the sections once laid out (on_env)
            state.printing[slug] = (page, html)
            return html
        enhanced = page_content(html, kind, review, self.features, None, page.url)
        self.warn_removed(page, enhanced.removed)
        return enhanced.html + added_html(page.file.src_uri, state.reviews, state.pages, self.features)

    def on_env(self, env, config, files):
        if not self.config.enabled:
            return env
        # Every page's tree is held from its reading to the end of the build, and the collector would walk
        # them all again and again (a tenth of a build's time) to free nothing: they stay out of its passes
        # (frozen as each is read, and here) until the next build starts (on_config), so a preview's next
        # build frees them and a build that ends the process never walks them at all.
        gc.freeze()
        state = self.state
        for src_uri in state.order:  # in MkDocs' order, as their search entries and annotations go
            if src_uri in state.read:
                self.lay_out(src_uri, *state.read.pop(src_uri))
        for slug, (page, head) in state.printing.items():
            page.content = print_content(head, self.print_sections(slug), state.reviews[slug], self.features, page.url).html
        for slug, review in state.reviews.items():
            for path, content in data_files(review, self.located(slug)).items():
                if path in state.data_files:
                    state.data_files[path].content_string = content
        for src_uri in state.order:  # written in MkDocs' own order again
            if (file := files.get_file_from_path(src_uri)) is not None:
                files.remove(file)
                files.append(file)
        for file in files.documentation_pages():  # every title is known now, and none printed yet
            if file.page is not None:
                escape_page(file.page)
        return env

    def lay_out(self, src_uri: str, page, read, title: str) -> None:
        """A page of text read in on_page_content, laid out now that every page of its review is read."""
        state = self.state
        slug = page_kind(src_uri, state.reviews)[1]
        review = state.reviews[slug]
        enhanced = finished_text_page(read, review, self.features, self.reading_for(src_uri), page.url)
        page.content = enhanced.html
        if self.config.reading:  # the print edition joins it as laid out
            state.laid_out[src_uri] = read.soup
        if self.config.paragraph_search:
            state.search += search_entries(page.url, title, list(enhanced.items), enhanced.places, review.reviewer)
        state.annotated.append(AnnotatedPage(page.url, enhanced.items, state.footnotes.get(src_uri, {}), review.reviewer))

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
