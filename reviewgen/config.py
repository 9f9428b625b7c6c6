"""The per-source configuration: a small YAML file beside the source.

``sources/<slug>.txt`` is configured by ``sources/<slug>.yml``. Everything is
optional except what a reader of the site must be told: the review's title,
who wrote it, and what it reviews.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ReviewgenError

COLUMNS = ("original", "reviewer")


@dataclass(frozen=True)
class Override:
    """A correction of one converter decision, keyed by source line."""

    line: int
    column: str | None = None  # "original" or "reviewer"
    furniture: bool | None = None
    answers: str | None = None  # the item id a rebuttal line answers


@dataclass(frozen=True)
class SourceConfig:
    slug: str
    title: str = ""
    reviewer: str = ""
    original_title: str = ""
    original_publisher: str = ""
    original_date: str = ""
    original_url: str = ""  # where readers find the original document
    reviewer_url: str = ""  # the reviewer's own site
    review_date: str = ""  # when the review was published
    description: str = ""
    furniture_patterns: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    path: Path | None = None

    def override_for(self, line: int) -> Override | None:
        for override in self.overrides:
            if override.line == line:
                return override
        return None


def config_path_for(source: Path) -> Path:
    return source.with_suffix(".yml")


def slug_from_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "review"


def load_config(source: Path) -> SourceConfig:
    """The configuration beside ``source``, or defaults when there is none."""
    path = config_path_for(source)
    if not path.exists():
        return SourceConfig(slug=slug_from_name(source.stem))
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ReviewgenError(f"the configuration is not valid YAML ({getattr(error, 'problem', error)}); fix it or delete the file", path, line) from None
    except UnicodeDecodeError:
        raise ReviewgenError("the configuration is not UTF-8 text; save it as UTF-8", path) from None
    if not isinstance(raw, dict):
        raise ReviewgenError("the configuration must be a mapping of keys to values", path, 1)
    return _config_from_mapping(raw, source, path)


def _text(raw: dict[str, Any], key: str, path: Path) -> str:
    value = raw.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) and not hasattr(value, "isoformat"):
        raise ReviewgenError(f"'{key}' must be text", path)
    return str(value)


def _web_address(raw: dict[str, Any], key: str, path: Path) -> str:
    """A link for readers: only a web address, whole, with no space or angle bracket to break out of it."""
    value = _text(raw, key, path).strip()
    if value and not re.fullmatch(r"https?://[^\s<>]+", value):
        raise ReviewgenError(f"'{key}' must be a web address starting with https:// (got {value!r})", path)
    return value


def _config_from_mapping(raw: dict[str, Any], source: Path, path: Path) -> SourceConfig:
    original = raw.get("original") or {}
    if not isinstance(original, dict):
        raise ReviewgenError("'original' must be a mapping with title, publisher and date", path)
    furniture = raw.get("furniture") or {}
    patterns = tuple(str(p) for p in (furniture.get("patterns") or ())) if isinstance(furniture, dict) else ()
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ReviewgenError(f"furniture pattern {pattern!r} is not a valid regular expression: {error}", path) from None
    return SourceConfig(
        slug=slug_from_name(str(raw.get("slug") or source.stem)),
        title=_text(raw, "title", path),
        reviewer=_text(raw, "reviewer", path),
        description=_text(raw, "description", path),
        original_title=_text(original, "title", path),
        original_publisher=_text(original, "publisher", path),
        original_date=_text(original, "date", path),
        original_url=_web_address(original, "url", path),
        reviewer_url=_web_address(raw, "reviewer_url", path),
        review_date=_text(raw, "review_date", path),
        furniture_patterns=patterns,
        overrides=tuple(_override(entry, path) for entry in raw.get("overrides") or ()),
        path=path,
    )


def _override(entry: Any, path: Path) -> Override:
    if not isinstance(entry, dict) or not isinstance(entry.get("line"), int):
        raise ReviewgenError(f"each override needs a 'line' number; got {entry!r}", path)
    column = entry.get("column")
    if column is not None and column not in COLUMNS:
        raise ReviewgenError(f"override for line {entry['line']}: column must be one of {', '.join(COLUMNS)}", path)
    furniture = entry.get("furniture")
    if furniture is not None and not isinstance(furniture, bool):
        raise ReviewgenError(f"override for line {entry['line']}: furniture must be true or false", path)
    answers = entry.get("answers")
    if column is None and furniture is None and answers is None:
        raise ReviewgenError(f"override for line {entry['line']} says nothing: give column, furniture or answers", path)
    return Override(line=entry["line"], column=column, furniture=furniture, answers=str(answers) if answers else None)
