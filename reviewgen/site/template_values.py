"""Every value MkDocs hands to a template, as escaped text.

MkDocs renders Material's templates with autoescape off, so a site name,
a page or section title or a description is printed as HTML. reviewgen
treats each of them as text (a review's configuration, a heading of the
source, an editor's front matter) and escapes it once here, marked so
that a template's own ``| e`` keeps it as it is.
"""

from __future__ import annotations

from ..document.html import plain, template_text

CONFIG_TEXT = ("site_name", "site_description", "site_author")
META_TEXT = ("title", "description", "author", "subtitle")


def title_text(page) -> str:
    """A page's title as a reader reads it, whatever MkDocs took it from."""
    title = page.title or ""
    if "title" not in page.meta and title == page._title_from_render:  # the first heading's HTML, tags stripped
        return plain(title)
    return str(title)


def escape_config(config) -> None:
    for key in CONFIG_TEXT:
        if config.get(key):
            config[key] = template_text(config[key])


def escape_page(page) -> None:
    page.title = template_text(title_text(page))
    for key in META_TEXT:
        if isinstance(page.meta.get(key), (str, int, float)):
            page.meta[key] = template_text(page.meta[key])


def escape_nav(items) -> None:
    """Section titles (folder names) in the navigation; pages are escaped with their own values."""
    for item in items:
        if getattr(item, "is_section", False):
            item.title = template_text(item.title)
            escape_nav(item.children)
