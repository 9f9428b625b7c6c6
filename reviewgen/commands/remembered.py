"""A source's conversion remembered between builds, for the build's check.

Every build checks the pages against their source converted again, which
is most of the check's time and gives the same pages as long as the
source, its configuration and reviewgen's own code are the same. So the
converted pages are kept in a file named by a digest of all three, and a
build whose inputs match reads them back instead of converting; anything
changed (an edited source, a new configuration, another reviewgen) names
another file, so a stale conversion is never used. Only a conversion that
succeeded is kept: a broken source or configuration is reported each time.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .check import converted_pages
from ..document.config import config_path_for

CODE = Path(__file__).resolve().parent.parent  # the reviewgen package


@lru_cache(maxsize=1)
def code_digest() -> str:
    """reviewgen's own code, every module of it: a change to the converter converts again."""
    digest = hashlib.sha256()
    for path in sorted(CODE.rglob("*.py")):
        digest.update(path.relative_to(CODE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def inputs_digest(source: Path) -> str:
    digest = hashlib.sha256(code_digest().encode())
    for path in (source, config_path_for(source)):
        digest.update(b"\0" + (path.read_bytes() if path.is_file() else b"(none)"))
    return digest.hexdigest()


def remembering(folder: Path) -> Callable[[Path], list[tuple[str, str]]]:
    """``check.converted_pages``, its results kept in ``folder`` between builds."""

    def converted(source: Path) -> list[tuple[str, str]]:
        kept = folder / f"{source.stem}-{inputs_digest(source)}.json"
        try:
            return [(path, text) for path, text in json.loads(kept.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):  # not kept yet, or unreadable: convert
            pass
        pages = converted_pages(source)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for older in folder.glob(f"{source.stem}-*.json"):  # the same source's conversions of other inputs
                older.unlink(missing_ok=True)
            partial = kept.with_suffix(f".{os.getpid()}.part")
            partial.write_text(json.dumps(pages), encoding="utf-8")
            partial.replace(kept)  # whole or not at all: a build stopped half-way leaves no half file
        except OSError:
            pass  # a read-only project still builds, converting each time
        return pages

    return converted
