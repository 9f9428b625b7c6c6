"""What a part's page holds: its objectives, each with its counts, as the document arranges them."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..writing.markdown import escape
from .index_page import ReviewedPage, held_by


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def part_contents(part: ReviewedPage, pages: list[ReviewedPage]) -> str:
    """A "What this part holds" list for a part's page; "" for a page that holds nothing."""
    held = held_by(part, pages)
    if not held:
        return ""
    folder = PurePosixPath(part.path).parent
    lines = [
        "## What this part holds", "",
        f"This part of the document is set out in {plural(len(held), 'page')} of its own:", "",
    ]
    for page in held:
        numbers = [item.number for item in page.items if item.number is not None]
        span = f" (paragraphs {numbers[0]} to {numbers[-1]})" if len(numbers) > 1 else ""
        link = PurePosixPath(page.path).relative_to(folder).as_posix()
        lines.append(
            f"- [{escape(page.title)}]({link}): {plural(page.paragraphs, 'numbered paragraph')}{span}, "
            f"{plural(page.rebuttals, 'rebuttal')}"
        )
    return "\n".join(lines) + "\n"
