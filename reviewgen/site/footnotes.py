"""The Markdown of each footnote definition in a page, keyed by label."""

from __future__ import annotations

import re
import textwrap

DEFINITION = re.compile(r"^\[\^([^\]]+)\]:[ \t]?(.*)$")


def footnote_definitions(markdown: str) -> dict[str, str]:
    """``[^label]: text`` with its indented continuation, as Python-Markdown reads it."""
    found: dict[str, str] = {}
    lines = markdown.split("\n")
    index = 0
    while index < len(lines):
        match = DEFINITION.match(lines[index])
        if not match:
            index += 1
            continue
        label, body = match.group(1), [match.group(2)]
        index += 1
        while index < len(lines) and (lines[index].startswith("    ") or lines[index].startswith("\t") or not lines[index].strip()):
            if not lines[index].strip() and (index + 1 >= len(lines) or not lines[index + 1].startswith(("    ", "\t"))):
                break
            body.append(lines[index])
            index += 1
        first, rest = body[0], textwrap.dedent("\n".join(body[1:]))
        found[label] = "\n".join([first, rest]).strip() if rest.strip() else first.strip()
    return found
