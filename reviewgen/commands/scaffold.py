"""``reviewgen new``: a second (or tenth) review on the same site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ..document.errors import ReviewgenError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

CONFIG_TEMPLATE = """\
# The configuration of the review in {file}. Every key is optional but the title.

# Pages go to content/<slug>/; the slug is also the review's address on the site.
slug: {slug}

# What readers see: the review's title, who wrote it, one sentence about it.
title: "{title}"
reviewer: ""
description: ""

# The document under review.
original:
  title: ""
  publisher: ""
  date: ""

# Running headers and footers are found without help. When one slips through,
# add a regular expression that matches it (case is ignored):
furniture:
  patterns: []
  # patterns: ["^our organisation review$"]

# Parts ("Part", "Chapter", "Annex", ...) and the headings a table of contents
# lists are found without help. Name others here: words of a form ("Priority"
# for "Priority 1: ...") or whole titles ("Looking ahead"):
headings:
  parts: []

# Corrections of the converter's decisions, by line of {file}{lines}; each is
# applied and counted in the summary of 'reviewgen convert'. To see which rule
# decided a line, add --explain LINE to 'reviewgen convert' (nothing is written).
overrides: []
  # - {{line: 12, column: reviewer}}     # this bare line is the reviewer's (or: original)
  # - {{line: 40, furniture: false}}     # this short line is content, not a footer (or: true)
  # - {{line: 95, answers: figure-1}}    # the comment on this line answers figure 1
"""


def new_review(slug: str, source: Path, sources: Path, force: bool = False) -> Path:
    """Copy ``source`` to ``sources/<slug>.txt`` (or ``.docx``) beside a commented configuration; returns the copy."""
    if not SLUG.match(slug):
        raise ReviewgenError(f"'{slug}' is not a usable slug; use lower-case letters, digits and hyphens, like 'my-review'")
    if not source.is_file():
        raise ReviewgenError("no such source file; give the path of the two-column export", source)
    suffix = ".docx" if source.suffix.lower() == ".docx" else ".txt"
    target = sources / f"{slug}{suffix}"
    config = target.with_suffix(".yml")
    if (target.exists() or config.exists()) and not force:
        raise ReviewgenError(f"a review called '{slug}' exists already; choose another slug or use --force", target)
    sources.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    title = slug.replace("-", " ").capitalize()
    lines = " (in a Word document, line N is the Nth paragraph outside the table or row of it)" if suffix == ".docx" else ""
    config.write_text(CONFIG_TEMPLATE.format(slug=slug, title=title, file=target.name, lines=lines), encoding="utf-8")
    return target
