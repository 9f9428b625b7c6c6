"""Writing pages: all or nothing, and never over an editor's changes.

Every page is rendered before anything touches the disk; then each file is
written to a temporary neighbour and renamed into place, so a failure leaves
the content folder as it was. A generated page whose body no longer matches
the checksum in its front matter has been edited by hand: it is only
replaced with ``force``.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReviewgenError
from .pages import GENERATOR, Page, checksum, home_page, landing_pages, split_front_matter


@dataclass
class Plan:
    root: Path
    writes: dict[Path, str] = field(default_factory=dict)
    removals: list[Path] = field(default_factory=list)
    edited: list[Path] = field(default_factory=list)  # changed by hand and about to be replaced or removed
    hand_edited: list[Path] = field(default_factory=list)  # every page of the review changed by hand


def read_fields(path: Path) -> tuple[dict, str]:
    try:
        return split_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}, ""


def page_state(path: Path) -> str:
    """"missing", "generated" (untouched since written), "edited", or "foreign"."""
    if not path.exists():
        return "missing"
    fields, body = read_fields(path)
    if fields.get("generator") != GENERATOR:
        return "foreign"
    return "generated" if fields.get("checksum") == checksum(body) else "edited"


def generated_the_same(path: Path, text: str) -> bool:
    """An edited page whose generated text has not changed since: the editor's version stands."""
    old, _ = read_fields(path)
    new, _ = split_front_matter(text)
    return bool(old.get("checksum")) and old.get("checksum") == new.get("checksum")


def existing_reviews(root: Path) -> dict[str, dict]:
    """slug -> landing front matter of every review already converted into ``root``."""
    return {str(fields["review"]): fields for _, fields in landing_pages(root)}


def plan(root: Path, slug: str, pages: list[Page]) -> Plan:
    result = Plan(root)
    wanted = {root / page.path: page.text for page in pages}
    reviews = existing_reviews(root)
    reviews[slug], _ = split_front_matter(next(page.text for page in pages if page.path == f"{slug}/index.md"))
    sections = [page for page in pages if page.path != f"{slug}/index.md"]
    wanted[root / "index.md"] = home_page(list(reviews.values()), sections if list(reviews) == [slug] else None).text
    for path, text in wanted.items():
        state = page_state(path)
        current = path.read_text(encoding="utf-8", errors="replace") if state != "missing" else None
        if current == text or (state == "edited" and generated_the_same(path, text)):
            continue
        if state in ("edited", "foreign"):
            result.edited.append(path)
        result.writes[path] = text
    states = {path: page_state(path) for path in sorted((root / slug).rglob("*.md"))}  # each page read once
    result.hand_edited = [path for path, state in states.items() if state == "edited"]
    for path, state in states.items():
        if path not in wanted and state != "foreign":
            if state == "edited":
                result.edited.append(path)
            result.removals.append(path)
    return result


def apply(result: Plan, force: bool) -> None:
    if result.edited and not force:
        names = lambda paths: ", ".join(path.name for path in sorted(paths)) or "none"  # noqa: E731
        raise ReviewgenError(
            f"pages changed by hand would be overwritten: {names(result.edited)} "
            f"(changed by hand: {names(result.hand_edited)}; the new conversion changes: {names(result.writes)}); "
            "run again with --merge to carry the editors' rebuttals over to the new pages, or with --force to replace them",
            result.root,
        )
    staged: list[tuple[Path, Path]] = []
    created: list[Path] = []
    try:
        for path, text in sorted(result.writes.items()):
            if not path.parent.exists():
                path.parent.mkdir(parents=True)
                created.append(path.parent)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((Path(temporary), path))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
    except OSError as error:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for folder in reversed(created):
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
        raise ReviewgenError(f"could not write the pages ({error.strerror}); nothing was changed", error.filename) from None
    for temporary, path in staged:
        os.replace(temporary, path)
    for path in result.removals:
        path.unlink(missing_ok=True)
