"""``reviewgen enhance SITE``: the site features applied to a site already built.

For a generator that does not run MkDocs plugins (Zensical skips the ones
it does not know) or a MkDocs build without the plugin. Each page of the
site is matched with its Markdown file in the docs folder; its article
goes through the same steps (``steps.py``) the plugin's hooks call, and
every page through the same last step. The rebuttal index is rendered
with Python-Markdown into a built page of the review used as its shell.
A page already finished carries a marker and is left alone, so a second
run changes nothing.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from ..document.config import load_site_settings
from ..document.errors import ReviewgenError
from ..writing.page_reader import footnote_definitions, read_front_matter, read_text, split_front_matter
from ..writing.pages import section_files
from .abbreviations import find_abbreviations, wrap_abbreviations
from .annotations import AnnotatedPage
from .final import finalise_page, is_enhanced
from ..document.html import serialise, text
from .index_page import index_markdown
from .items import parse
from .pipeline import EnhancedPage, read_page
from .reviews import INDEX_NAME, ReviewInfo, find_reviews, reviewed_pages
from .safety import removal_notes
from .search import search_entries, section_texts, without_covered_text
from .print_edition import PRINT_NAME
from .steps import (
    Features, PageKind, added_html, added_markdown, annotation_files, finished_index, finished_text_page, page_content, page_kind,
    print_content, reading_files, reading_for, reading_of, write_json,
)

ARTICLE = re.compile(r"(<article\b[^>]*\bmd-content__inner\b[^>]*>)(.*?)(</article>)", re.S)
TITLE = re.compile(r"(<title>)(.*?)(</title>)", re.S)
# The theme's own parts inside the article, around the page's content: kept as they are.
CHROME_BEFORE = re.compile(r"^\s*(?:<a id=\"__skip\"[^>]*></a>\s*)?")
CHROME_AFTER = re.compile(r"(?:\s*<(?:aside class=\"md-source-file\"|form class=\"md-feedback\")[\s\S]*)?\s*$")
SEARCH_INDEXES = ("search/search_index.json", "search.json")  # MkDocs and Material; Zensical
DEFAULT_EXTENSIONS = ["toc", "tables", "fenced_code", "md_in_html"]  # MkDocs' own, and md_in_html the plugin adds


@dataclass(frozen=True)
class SiteConfig:
    docs_dir: Path
    directory_urls: bool
    extensions: list
    extension_configs: dict
    features: Features


def read_config(path: Path) -> SiteConfig:
    fields = load_site_settings(path)
    extensions, configs = list(DEFAULT_EXTENSIONS), {}
    for entry in fields.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        configs[name] = options or {}
    options = {}  # the plugin's, whether it is listed (and turned off) or not
    for entry in fields.get("plugins") or []:
        name, value = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name == "reviewgen":
            options = value or {}
    return SiteConfig(
        path.parent / str(fields.get("docs_dir") or "docs"), fields.get("use_directory_urls", True) is not False,
        extensions, configs, Features.from_options(options),
    )


def page_url(src_uri: str, directory_urls: bool) -> str:
    """Where a Markdown file's page is, relative to the site root, the way MkDocs and Zensical place it."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/" if directory_urls else f"{stem}.html"


def page_file(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url == "" or url.endswith("/") else url)


def relative_url(target: str, from_url: str) -> str:
    base = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    return posixpath.relpath(target or ".", base or ".") + ("/" if target.endswith("/") or target == "" else "")


def rendered(markdown_text: str, config: SiteConfig, src_uri: str, url: str, urls: dict[str, str]) -> str:
    """Markdown made into HTML as the generator would have: its extensions, links to pages as page addresses."""
    html = markdown.Markdown(extensions=config.extensions, extension_configs=config.extension_configs).convert(markdown_text)
    soup = parse(html)
    for link in soup.find_all("a", href=True):
        target, _, fragment = link["href"].partition("#")
        if target.endswith(".md") and "://" not in target:
            source = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
            if source in urls:
                link["href"] = relative_url(urls[source], url) + (f"#{fragment}" if fragment else "")
    return serialise([soup])


@dataclass
class Enhancement:
    """What one run gathers while it goes over the pages."""

    config: SiteConfig
    site: Path
    reviews: dict[str, ReviewInfo]
    urls: dict[str, str]  # Markdown file (src_uri) -> page address
    pages: dict[str, list]  # slug -> its ReviewedPages, as the plugin's BuildState holds them
    reading: dict = field(default_factory=dict)  # slug (or the print edition's src_uri) -> what its pages link into
    search: list = field(default_factory=list)
    annotated: list = field(default_factory=list)
    sections: dict = field(default_factory=dict)  # page address -> its text per heading, for the generator's entries
    printed: dict = field(default_factory=dict)  # a page of text's src_uri -> its content as rendered, cleaned: the print edition's
    changed: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # what the allowlists removed, FILE:LINE each, as the plugin warns


def split_article(page: str) -> tuple[str, str, str, str, str] | None:
    """(before the content, the theme's parts before it, the content, the theme's parts after, the rest)."""
    found = ARTICLE.search(page)
    if found is None:
        return None
    inner = found[2]
    before = CHROME_BEFORE.match(inner).end()
    after = CHROME_AFTER.search(inner, before).start()
    return page[: found.end(1)], inner[:before], inner[before:after], inner[after:], page[found.start(3):]


def with_article(page: str, content: str) -> str:
    parts = split_article(page)
    return page if parts is None else parts[0] + parts[1] + content + parts[3] + parts[4]


def enhance_article(run: Enhancement, src_uri: str, content: str, abbreviations: dict[str, str]) -> str:
    """A page's article through the steps the plugin's ``on_page_markdown`` and ``on_page_content`` take."""
    kind, slug = page_kind(src_uri, run.reviews)
    review = run.reviews.get(slug)
    features = run.config.features
    url = run.urls[src_uri]
    html, enhanced = finished_article(run, src_uri, content, abbreviations)
    source = run.config.docs_dir / src_uri
    typed = read_front_matter(read_text(source)) if source.is_file() else None
    run.notes += removal_notes(src_uri, enhanced.removed, typed.body if typed else "", typed.body_line if typed else 1)
    if kind is PageKind.REVIEW_TEXT:
        run.printed[src_uri] = html  # as the print edition joins it
        fields, body = (typed.fields, typed.body) if typed else ({}, "")  # the page as read above
        title = str(fields.get("title") or "") or plain_heading(html)
        if features.paragraph_search:
            run.search += search_entries(url, title, list(enhanced.items), enhanced.places, review.reviewer)
            run.sections[url] = section_texts(html)
        run.annotated.append(AnnotatedPage(url, enhanced.items, footnote_definitions(body), review.reviewer))
    return html


def finished_article(run: Enhancement, src_uri: str, content: str, abbreviations: dict[str, str]) -> tuple[str, EnhancedPage]:
    """A page's article as readers get it, and what its steps found; nothing is gathered into ``run``."""
    kind, slug = page_kind(src_uri, run.reviews)
    review = run.reviews.get(slug)
    features = run.config.features
    url = run.urls[src_uri]
    extra = added_markdown(src_uri, run.reviews, run.pages, features)
    if extra.strip():
        content += "\n" + rendered(extra, run.config, src_uri, url, run.urls)
    reading = reading_for(src_uri, run.reading)
    if kind is PageKind.REVIEW_TEXT:
        enhanced = finished_text_page(read_page(content), review, features, reading, url)
    elif kind is PageKind.PRINT_EDITION:
        sections = [
            (run.urls[uri], parse(printed_section(run, uri, abbreviations)))
            for page in run.pages[slug] if (uri := f"{slug}/{page.path}") in run.urls
        ]
        enhanced = print_content(content, sections, review, features, url)
    else:
        enhanced = page_content(content, kind, review, features, reading, url)
    html = enhanced.html if kind is PageKind.REVIEW_TEXT else enhanced.html + added_html(src_uri, run.reviews, run.pages, features)
    if abbreviations:
        soup = parse(html)
        wrap_abbreviations(soup, abbreviations)
        html = serialise([soup])
    return html, enhanced


def printed_section(run: Enhancement, src_uri: str, abbreviations: dict[str, str]) -> str:
    """A page of text's article as the print edition joins it: as this run finished it, or, for a page an
    earlier run finished (one stopped before it wrote the print edition), rendered and laid out again."""
    if src_uri not in run.printed:
        body = split_front_matter(read_text(run.config.docs_dir / src_uri))[1]
        rendered_body = rendered(body, run.config, src_uri, run.urls[src_uri], run.urls)
        run.printed[src_uri] = finished_article(run, src_uri, rendered_body, abbreviations)[0]
    return run.printed[src_uri]


def plain_heading(html: str) -> str:
    heading = parse(html).find("h1")
    return heading.get_text() if heading is not None else ""


def write_page(run: Enhancement, path: Path, page: str) -> None:
    finished = finalise_page(page)
    run.notes += removal_notes(path.relative_to(run.site).as_posix(), finished.removed, finished=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(finished.html, encoding="utf-8")
    run.changed.append(path)


def retitled(title_html: str, page_title: str) -> str:
    """What follows a page's own title in its <title> (" - " and the site's name), to follow another title."""
    own = text(page_title)
    return title_html.strip()[len(own):] if title_html.strip().startswith(own) else ""


def generated_page(run: Enhancement, src_uri: str, page_markdown: str, shell: tuple[str, str], abbreviations: dict[str, str]) -> str | None:
    """A page reviewgen makes (the rebuttal index, the print edition), written into the article of one of
    the review's built pages (``shell``: its HTML and its title) at the same depth; its title, or None if done."""
    url = run.urls[src_uri]
    path = page_file(run.site, url)
    if path.exists() and is_enhanced(read_text(path)):
        return None
    fields, body = split_front_matter(page_markdown)
    content = enhance_article(run, src_uri, rendered(body, run.config, src_uri, url, run.urls), abbreviations)
    title = str(fields.get("title"))
    page = TITLE.sub(lambda m: m[1] + text(title) + retitled(m[2], shell[1]) + m[3], shell[0], count=1)
    write_page(run, path, with_article(page, content))
    return title


def rebuttal_index(run: Enhancement, slug: str, shell: tuple[str, str], abbreviations: dict[str, str]) -> None:
    """The review's list of rebuttals."""
    review = run.reviews[slug]
    urls = {page.path: run.urls[uri] for page in run.pages[slug] if (uri := f"{slug}/{page.path}") in run.urls}
    markdown_text = index_markdown(review.original_title, review.reviewer, run.pages[slug], urls, run.urls[f"{slug}/{INDEX_NAME}"], abbreviations)
    title = generated_page(run, f"{slug}/{INDEX_NAME}", markdown_text, shell, abbreviations)
    if title is not None and run.config.features.paragraph_search:
        url = run.urls[f"{slug}/{INDEX_NAME}"]
        run.search.append({"location": url, "title": text(title), "text": text(f"Every rebuttal of {review.original_title}.")})


def add_reading(run: Enhancement) -> dict[str, str]:
    """What each review's pages link into, and the files they link to written beside them but for the print
    edition, which is returned (src_uri -> its Markdown) to be written into a page."""
    pages = {}
    for slug, review in run.reviews.items():
        located = [(run.urls[f"{slug}/{page.path}"], page) for page in run.pages[slug]]
        print_uri = f"{slug}/{PRINT_NAME}"
        run.reading.update(reading_of(review, located))
        for path, content in reading_files(review, located).items():
            if path == print_uri:
                pages[path] = content
            elif not (run.site / path).is_file() or read_text(run.site / path) != content:
                (run.site / path).parent.mkdir(parents=True, exist_ok=True)
                (run.site / path).write_text(content, encoding="utf-8")
                run.changed.append(run.site / path)
    return pages


@dataclass(frozen=True)
class Enhanced:
    written: tuple[Path, ...]
    notes: tuple[str, ...]  # a warning per removal, as a strict build would fail on


def enhance_site(site: Path, config_path: Path = Path("mkdocs.yml")) -> Enhanced:
    """Apply every site feature to the built site in ``site``: the files it wrote, what it removed."""
    if not (site / "index.html").is_file():
        raise ReviewgenError("no built site here (no index.html); build it first, e.g. zensical build or mkdocs build", site)
    config = read_config(config_path)
    if not config.docs_dir.is_dir():
        raise ReviewgenError(f"the docs folder {config.docs_dir} of this configuration is missing; give the site's configuration with --config", config_path)
    reviews = {review.slug: review for review in find_reviews(config.docs_dir)}
    sources = sorted(path.relative_to(config.docs_dir).as_posix() for path in config.docs_dir.rglob("*.md"))
    urls = {src: page_url(src, config.directory_urls) for src in sources}
    for slug in reviews:
        for name in (INDEX_NAME, PRINT_NAME):
            urls.setdefault(f"{slug}/{name}", page_url(f"{slug}/{name}", config.directory_urls))
    pages = {slug: reviewed_pages(config.docs_dir, slug, config.extensions, config.extension_configs) for slug in reviews}
    run = Enhancement(config, site, reviews, urls, pages)
    sections = {slug: [read_text(path) for path in section_files(config.docs_dir, slug)] for slug in reviews}
    abbreviations = {slug: find_abbreviations(sections[slug]) if config.features.abbreviations else {} for slug in reviews}
    print_pages = add_reading(run) if config.features.reading else {}
    shells: dict[str, tuple[str, str]] = {}
    for src_uri in sources:
        path = page_file(site, urls[src_uri])
        if not path.is_file():
            continue
        page = read_text(path)
        if is_enhanced(page):
            continue
        kind, slug = page_kind(src_uri, reviews)
        parts = split_article(page)
        if parts is not None:
            content = enhance_article(run, src_uri, parts[2], abbreviations.get(slug or "", {}))
            depth = urls[f"{slug}/{INDEX_NAME}"].count("/") if slug else -1
            if kind is PageKind.REVIEW_TEXT and urls[src_uri].count("/") == depth:  # the index is written into one, at its depth
                title = split_front_matter(read_text(config.docs_dir / src_uri))[0].get("title") or ""
                shells.setdefault(slug, (page, str(title)))
            page = parts[0] + parts[1] + content + parts[3] + parts[4]
        write_page(run, path, page)
    for slug, shell in shells.items():
        if config.features.rebuttal_index:
            rebuttal_index(run, slug, shell, abbreviations[slug])
        if f"{slug}/{PRINT_NAME}" in print_pages:
            generated_page(run, f"{slug}/{PRINT_NAME}", print_pages[f"{slug}/{PRINT_NAME}"], shell, abbreviations[slug])
    for path in sorted(site.rglob("*.html")):  # pages of no Markdown file (404.html): the last step all the same
        if path not in run.changed and not is_enhanced(page := read_text(path)):
            write_page(run, path, page)
    if run.changed:
        finish_site_files(run)
    return Enhanced(tuple(run.changed), tuple(run.notes))


def finish_site_files(run: Enhancement) -> None:
    """The search index the generator wrote, with the per-item entries; the annotation export."""
    for name in SEARCH_INDEXES:
        path = run.site / name
        if path.is_file():
            index = json.loads(path.read_text(encoding="utf-8"))
            for url, texts in run.sections.items():
                index = without_covered_text(index, url, texts)
            write_json(path, finished_index(index, run.search, run.config.features.paragraph_search), compact=True)
            run.changed.append(path)
    for name, data in annotation_files(run.annotated, run.reviews, run.config.features.annotations).items():
        write_json(run.site / name, data)
        run.changed.append(run.site / name)


FOOTNOTES_AT_FOOT = re.compile(r'<div class="footnote">')


def unenhanced_pages(site: Path) -> list[Path]:
    """Pages of a built site whose rebuttals are still footnotes at the foot, without reviewgen's marker:
    the site's generator did not run the plugin (Zensical skips it; ``enabled: false``) and nothing enhanced it."""
    return [
        path for path in sorted(site.rglob("*.html"))
        if FOOTNOTES_AT_FOOT.search(page := read_text(path)) and not is_enhanced(page)
    ]
