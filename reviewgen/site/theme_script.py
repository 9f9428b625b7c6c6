"""The theme's own script, fetched once the page has painted rather than before.

Material's bundle (about 115 KB; Zensical's is alike) sits at the end of the
body as a plain ``<script>``: the browser fetches and runs it before the
first paint, and once it runs it fetches the search index (390 KB on the
embedded review). On a phone's connection that holds the first paint back.
Everything it adds (search, the palette switch, tooltips, the header's title
on scroll) waits for a reader to act, and the navigation drawer opens without
it.

So the finished page keeps the element, with its address, as a data block
(``type="text/x-after-first-paint"``, which the browser neither fetches nor
runs), and ``reading.js`` puts it back once the page has loaded and painted.
A pure function of the page's HTML, so any generator's output can pass it.
"""

from __future__ import annotations

import re

DEFERRED_TYPE = "text/x-after-first-paint"
# The theme's bundle as Material and Zensical print it: assets/javascripts/bundle.<hash>.min.js.
THEME_BUNDLE = re.compile(r'<script src="(?P<src>[^"<>]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def after_first_paint(html: str) -> str:
    """``html`` with the theme's bundle left for ``reading.js`` to load after the first paint."""
    return THEME_BUNDLE.sub(lambda found: f'<script type="{DEFERRED_TYPE}" src="{found["src"]}"></script>', html)
