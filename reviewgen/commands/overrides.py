"""The configuration's overrides checked against what the converter made of the source.

An override that cannot be what the editor meant (a line the source does not have, a blank
line, or a decision the converter makes anyway) is refused with the configuration's line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..document.config import Override, SourceConfig
from ..document.errors import ReviewgenError
from ..document.model import NOTE_REASONS, Document
from ..document.plural import count


def _refuse(config: SourceConfig, override: Override, message: str) -> ReviewgenError:
    return ReviewgenError(f"the override of line {override.line} {message}", config.path, override.at or None)


def check_lines(source: Path, config: SourceConfig, lines: list[str]) -> None:
    """Every override names a line of the source that holds text."""
    total = len(lines) - (1 if lines and lines[-1] == "" else 0)  # a final newline ends the last line, it is not one
    for override in config.overrides:
        if not 1 <= override.line <= total:
            raise _refuse(config, override, f"names no line of {source.name}, which has {count(total, 'line')} (1 to {total}); give the number of the line to correct")
        if not lines[override.line - 1].strip():
            raise _refuse(config, override, f"names a blank line of {source.name}; give the number of the line to correct")




def decided(document: Document) -> tuple:
    """What a conversion decides: the pages' blocks and the text it leaves out."""
    return document.sections, tuple(d for d in document.dropped if d.reason not in NOTE_REASONS)


def check_effects(config: SourceConfig, document: Document, parse: Callable[[SourceConfig], Document]) -> None:
    """Every override changes the document: converting without it gives something else."""
    if not config.overrides:
        return
    plain = decided(document)
    for override in config.overrides:
        without = replace(config, overrides=tuple(o for o in config.overrides if o is not override))
        if decided(parse(without)) == plain:
            raise _refuse(config, override, "changes nothing: the converter decides so without it; remove it, or correct its line or decision")
