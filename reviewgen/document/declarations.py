"""``<![`` read as browsers read it, by every reader built on Python's ``HTMLParser``.

Its own module, free of Beautiful Soup, so that the converter (whose
sanitiser counts elements with it) starts without importing a page parser.
"""

from __future__ import annotations


class BrowserDeclarations:
    """For a subclass of Python's ``HTMLParser``: ``<![`` opens a bogus comment that runs to the next
    ``>``, as browsers and nh3 read it. Python's parser takes it for an SGML marked section and
    stops with an error at a keyword it does not know (``<![CDATx``)."""

    def parse_html_declaration(self, i: int) -> int:
        if self.rawdata.startswith("<![", i):
            return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)
