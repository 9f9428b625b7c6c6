"""The last step on every finished page: the allowlist over the whole page, then the policy.

Whatever the theme's templates printed and whatever earlier steps missed,
the page a reader gets holds only what ``FINISHED`` names; ``title``
attributes are made text for Material, which shows them as HTML in its
tooltips; the theme's script waits for the first paint (``theme_script.py``);
and a Content-Security-Policy whose script hashes are those of the inline
scripts left in the page goes first in its head, followed by
a marker saying the page has reviewgen's features (so ``reviewgen enhance``
leaves it alone and ``reviewgen check --site`` knows). A pure function of
the page's HTML, so any generator's output can pass it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document.sanitise import Cleaned, cleaned
from .policy import policy_meta
from .safety import FINISHED
from .theme_script import after_first_paint

HEAD = re.compile(r"<head\b[^>]*>(?P<inner>.*?)</head>", re.S | re.I)
BODY = re.compile(r"<body\b(?P<attributes>[^>]*)>(?P<inner>.*)</body>", re.S | re.I)
HTML = re.compile(r"<html\b(?P<attributes>[^>]*)>", re.I)
OWN_POLICY = re.compile(r"<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">\n?")  # a page finished before
MARKER = '<meta name="generator-enhanced" content="reviewgen">\n'
# The attributes kept on <html> and <body>, which the allowlist's fragments cannot hold.
DOCUMENT_ATTRIBUTES = re.compile(r'\s(lang|class|dir|data-md-[a-z-]+)="([^"<>]*)"')


def title_as_text(tag: str, attribute: str, value: str) -> str:
    """Material renders a ``title`` as HTML: an angle bracket in one is kept as a character."""
    if attribute == "title":
        return value.replace("<", "&lt;").replace(">", "&gt;")
    return value


FINISHED_PAGE = replace(FINISHED, rewrite=title_as_text)


def document_attributes(attributes: str) -> str:
    return "".join(f' {name}="{value}"' for name, value in DOCUMENT_ATTRIBUTES.findall(attributes))


def is_enhanced(html: str) -> bool:
    """Whether a finished page went through ``finalise_page``: its head carries the marker."""
    head = HEAD.search(html)
    return head is not None and MARKER.strip() in head["inner"]


def finalise_page(html: str, with_policy: bool = True) -> Cleaned:
    """A finished page, cleaned and under its policy; ``removed`` names what the cleaning took.
    A live preview goes ``with_policy=False``: its server adds an inline script no hash can know."""
    head, body = HEAD.search(html), BODY.search(html)
    if head is None or body is None:  # not a whole document: clean it as a fragment
        return cleaned(FINISHED_PAGE, html)
    inner_head = cleaned(FINISHED_PAGE, OWN_POLICY.sub("", head["inner"]).replace(MARKER, ""))  # derived again below, from this page
    inner_body = cleaned(FINISHED_PAGE, after_first_paint(body["inner"]))
    root = HTML.search(html)
    page = (
        f"<!doctype html>\n<html{document_attributes(root['attributes']) if root else ''}>\n"
        f"<head>{policy_meta(inner_head.html + inner_body.html) if with_policy else ''}{MARKER}{inner_head.html}</head>\n"
        f"<body{document_attributes(body['attributes'])}>{inner_body.html}</body>\n</html>\n"
    )
    return Cleaned(page, inner_head.removed + inner_body.removed)
