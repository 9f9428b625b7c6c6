"""The Content-Security-Policy every page carries, as defence in depth.

Scripts run only from the site's own files and as the inline scripts the
finished page holds (by their SHA-256 hashes, computed from the page
itself), never from an attribute (``onclick=``) or a ``javascript:``
address; no plugins, no ``<base>``, no form submissions, no other host.
Styles may be inline (tables align their cells with ``style``).
"""

from __future__ import annotations

import base64
import hashlib
import re

from ..document.html import text

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
)


def script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` for each distinct inline script of ``html``, in order."""
    found = [hashlib.sha256(body.encode("utf-8")).digest() for body in INLINE_SCRIPT.findall(html)]
    return list(dict.fromkeys(f"'sha256-{base64.b64encode(digest).decode()}'" for digest in found))


def policy(html: str) -> str:
    hashes = " ".join(script_hashes(html))
    return "; ".join(f"{name} {value} {hashes}".rstrip() if name == "script-src" else f"{name} {value}" for name, value in POLICY)


def policy_meta(html: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{text(policy(html))}">\n'
