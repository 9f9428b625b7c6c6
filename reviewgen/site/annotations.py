"""The rebuttals as a W3C Web Annotation collection (JSON-LD)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import markdown

from ..writing.page_reader import has_scheme, link_targets
from .items import Item
from .safety import clean_page

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# schema.org's page property; the annotation context defines the "schema:" prefix, so it expands as JSON-LD.
PAGE = "schema:pagination"


@dataclass(frozen=True)
class AnnotatedPage:
    url: str  # relative to the site root
    items: tuple[Item, ...]
    footnotes: dict  # label -> Markdown
    creator: str


# Without these, Markdown can make no tag, attribute or link address of its own.
MARKUP_SIGNS = ("<", "](", "]:", "{")


@lru_cache(maxsize=None)
def renders_safely(source: str) -> bool:
    if not any(sign in source for sign in MARKUP_SIGNS):
        return True
    return not clean_page(markdown.markdown(source, extensions=["attr_list", "tables"])).removed


def stands_alone(source: str) -> bool:
    """Whether every link of a rebuttal's Markdown leads somewhere read outside the site: an editor's
    link to another page of the review ("04-part-2.md#para-43") leads nowhere from an annotation."""
    return all(has_scheme(target) for line in source.split("\n") for target in link_targets(line))


def body(page: AnnotatedPage, item: Item) -> dict:
    """The rebuttal's Markdown, which a consumer will render, when it renders to nothing the site's
    allowlist would remove and its links lead somewhere from anywhere; otherwise its plain text,
    which no consumer runs."""
    source = page.footnotes.get(item.label)
    if source is not None and stands_alone(source) and renders_safely(source):
        return {"type": "TextualBody", "format": "text/markdown", "value": source}
    return {"type": "TextualBody", "format": "text/plain", "value": item.rebuttal_text}


def target(page: AnnotatedPage, item: Item) -> dict:
    """Where the rebuttal points: the item on the site, and its page in the original when known. W3C lets a
    target carry properties of its own; ``schema:pagination`` says which page in a way JSON-LD can expand."""
    found = {
        "source": page.url,
        "selector": [
            {"type": "FragmentSelector", "value": item.item_id},
            {"type": "TextQuoteSelector", "exact": item.text},
        ],
    }
    if item.page is not None:
        found[PAGE] = str(item.page)
    return found


def annotation(page: AnnotatedPage, item: Item, collection: str) -> dict:
    return {
        "id": f"{collection}#{item.item_id}",
        "type": "Annotation",
        "motivation": "assessing",
        "creator": {"type": "Organization", "name": page.creator},
        "body": body(page, item),
        "target": target(page, item),
    }


def collection(pages: list[AnnotatedPage], name: str, label: str) -> dict:
    items = [annotation(page, item, name) for page in pages for item in page.items if item.rebuttal_html]
    return {
        "@context": CONTEXT,
        "id": name,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "id": f"{name}#page-1", "items": items},
    }
