"""A review built from hostile input along every path to a reader: the source's text and markup,
its configuration, and an editor's page (front matter, raw HTML, abbreviations).

Each payload would call ``alert(N)`` with its own number if it ever ran; the families and
positions are those of a security review (text that decodes to markup, template values,
search entries, tooltips, the rebuttal index, link addresses).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import Finished, reviewgen

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "fixtures" / "hostile-everywhere.txt"
SLUG = "hostile-everywhere"
EDITED = f"{SLUG}/03-part-2.md"

# An editor's page: every line here is typed by hand into the converted Markdown.
EDITOR_TITLE = "title: 'Part 2 <img src=x onerror=alert(301)> edited'\ndescription: 'Edited \"><script>alert(302)</script> text'\n"
EDITOR_BODY = """
An editor's raw HTML <img src=x onerror=alert(303)> and <a href="javascript:alert(304)">a link</a> and <span onclick="alert(305)">a span</span>.

<script>alert(306)</script>

The Wicked
Ill<img/src=x/onerror=alert(307)> Organisation (WIO) is named over a line break, and the PWN too.

*[PWN]: Pwned <img src=x onerror=alert(308)> title
"""
EDITOR_REBUTTAL = "[^para-3]: A plain answer about the WIO.\n\n    A last paragraph typed &lt;img src=x onerror=alert(309)&gt; by hand.\n"
# The numbers of every payload above and in the source and its configuration.
PAYLOADS = [*range(101, 120), *range(201, 207), *range(301, 310)]
WORDS_TO_SEARCH = ["onerror", "onload", "onclick", "Evil", "Pwned", "caption", "bullet", "WIO", "spending"]


def convert(docs: Path) -> Finished:
    return reviewgen("convert", str(SOURCE), "--out", str(docs))


def edit_as_an_editor(docs: Path) -> Path:
    page = docs / EDITED
    text = page.read_text(encoding="utf-8")
    assert "title: 'Part 2: What we know'\n" in text and "[^para-3]: A plain answer.\n" in text
    text = text.replace("title: 'Part 2: What we know'\n", EDITOR_TITLE, 1)
    text = text.replace("[^para-3]: A plain answer.\n", EDITOR_REBUTTAL, 1) + EDITOR_BODY
    page.write_text(text, encoding="utf-8")
    return page


def config(work: Path, docs: Path) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", text, flags=re.M).replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    text = text.replace("  - reviewgen\n", f"  - reviewgen:\n      sources: {SOURCE.parent}\n")
    path = work / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build(work: Path, strict: bool) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict", "-f", str(work / "mkdocs.yml"), "-d", str(work / "site")],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def hostile_site(work: Path) -> tuple[Path, str, str]:
    """(the built site, the converter's report, the build's log) for the corpus, edited by an editor."""
    docs = work / "docs"
    converted = convert(docs)
    assert converted.returncode == 0, converted.stderr
    edit_as_an_editor(docs)
    config(work, docs)
    built = build(work, strict=False)
    assert built.returncode == 0, built.stderr
    return work / "site", converted.stdout, built.stderr
