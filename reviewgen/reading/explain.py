"""``reviewgen convert --explain LINE``: which rules decided what a source line is.

Every decision the parser's rule tables make is kept on the document with the
rule's name (``reviewgen.reading.rules``); this prints those of the lines asked for,
and writes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Sequence

from ..document.errors import ReviewgenError
from ..document.model import Document

LINES = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")
SHOWN = 100  # characters of the source line printed


def wanted_lines(asked: Iterable[str], source: Path, total: int) -> list[int]:
    """"12" and "30-33" as line numbers, each inside the file."""
    found: list[int] = []
    for text in asked:
        match = LINES.match(text)
        if not match:
            raise ReviewgenError(f"--explain takes a line number or a range such as 30-33, not {text!r}", source)
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if not 1 <= first <= last <= total:
            raise ReviewgenError(f"--explain {text}: the source has lines 1 to {total}; give lines inside it", source)
        found.extend(number for number in range(first, last + 1) if number not in found)
    return found


def explain(document: Document, lines: Sequence[str], wanted: Sequence[int]) -> str:
    """The decisions about each wanted line, one block a line."""
    by_line: dict[int, list] = {}
    for decision in document.decisions:
        by_line.setdefault(decision.line, []).append(decision)
    blocks = []
    for number in wanted:
        text = lines[number - 1].strip()
        if not text and len(wanted) > 1:
            continue  # blank lines inside a range say nothing
        shown = text if len(text) <= SHOWN else text[:SHOWN] + "…"
        out = [f"{document.source_name}:{number}: {shown!r}"]
        for decision in by_line.get(number, []):
            said = [decision.kind] if decision.kind.endswith("'s") else [decision.kind, f"the {decision.column}'s"]
            if decision.item_id:
                said.append(f"id {decision.item_id}")
            out.append(f"  rule {decision.rule!r} -> {', '.join(said)}: {decision.what}")
        for override in document.overrides_applied:
            if override.line == number:
                out.append(f"  the configuration's override: {override.what}")
        if len(out) == 1:
            out.append("  no rule decided anything: " + ("a blank line" if not text else "nothing the converter keeps (see the audit)"))
        blocks.append("\n".join(out))
    return "\n".join(blocks)
