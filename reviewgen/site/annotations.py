"""The rebuttals as a W3C Web Annotation collection (JSON-LD)."""

from __future__ import annotations

from dataclasses import dataclass

from .items import Item

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


@dataclass(frozen=True)
class AnnotatedPage:
    url: str  # relative to the site root
    items: tuple[Item, ...]
    footnotes: dict  # label -> Markdown
    creator: str


def annotation(page: AnnotatedPage, item: Item, collection: str) -> dict:
    return {
        "id": f"{collection}#{item.item_id}",
        "type": "Annotation",
        "motivation": "assessing",
        "creator": {"type": "Organization", "name": page.creator},
        "body": {"type": "TextualBody", "format": "text/markdown", "value": page.footnotes.get(item.label, item.rebuttal_text)},
        "target": {
            "source": page.url,
            "selector": [
                {"type": "FragmentSelector", "value": item.item_id},
                {"type": "TextQuoteSelector", "exact": item.text},
            ],
        },
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
