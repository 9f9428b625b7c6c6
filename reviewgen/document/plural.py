"""Counts in messages, singular or plural as the number asks: the one place they are spelt."""

from __future__ import annotations

from typing import Iterable

IRREGULAR = {"was": "were", "is": "are", "has": "have", "this": "these", "piece": "pieces"}


def plural(word: str, number: int) -> str:
    """``word`` for one, its plural otherwise; "word/words" spells an irregular or phrase plural."""
    singular, _, many = word.partition("/")
    if number == 1:
        return singular
    if many:
        return many
    if singular in IRREGULAR:
        return IRREGULAR[singular]
    if singular.endswith(("s", "x", "ch", "sh")):
        return singular + "es"
    if singular.endswith("y") and singular[-2:-1] not in "aeiou":
        return singular[:-1] + "ies"
    return singular + "s"


def count(number: int, word: str) -> str:
    """``1 page``, ``2 pages``, ``0 problems``, ``1 unsafe piece/unsafe pieces``."""
    return f"{number:,} {plural(word, number)}"


def listing(names: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
