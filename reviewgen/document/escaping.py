"""Plain text as HTML: the one escaping helper, ``text``.

It lives apart from ``reviewgen.document.html`` (which gives it to the site with the parser and the
serialiser) so that converting a text export, which writes a cell as HTML now and then (a spreadsheet's
cell of several paragraphs), loads none of the site's libraries.
"""

from __future__ import annotations

from html import escape


def text(value: object) -> str:
    """Plain text as HTML: ``<``, ``>``, ``&`` and both quotes escaped, safe in content and attributes."""
    return escape(str(value), quote=True)
