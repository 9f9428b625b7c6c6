"""The per-source configuration: a small YAML file beside the source.

``sources/<slug>.txt`` is configured by ``sources/<slug>.yml``. Everything is
optional except what a reader of the site must be told: the review's title,
who wrote it, and what it reviews.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
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
    at: int = 0  # the configuration's own line, for messages


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
    heading_parts: tuple[str, ...] = ()  # words of part headings ("Chapter") or whole titles ("Conclusion")
    overrides: tuple[Override, ...] = ()
    path: Path | None = None

    def override_for(self, line: int) -> Override | None:
        return self._overrides_by_line.get(line)

    @cached_property
    def _overrides_by_line(self) -> dict[int, Override]:
        """Each line's override (the first, where one line has two), found once: every line of the
        source asks, so a scan of a long list of overrides each time grew with lines times overrides."""
        by_line: dict[int, Override] = {}
        for override in self.overrides:
            by_line.setdefault(override.line, override)
        return by_line


def config_path_for(source: Path) -> Path:
    return source.with_suffix(".yml")


def slug_from_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "review"


# Every key a configuration may hold, by where it sits: the one table validation reads.
KEYS: dict[str, tuple[str, ...]] = {
    "": ("slug", "title", "reviewer", "reviewer_url", "review_date", "description", "original", "furniture", "headings", "overrides"),
    "original": ("title", "publisher", "date", "url"),
    "furniture": ("patterns",),
    "headings": ("parts",),
    "overrides": ("line", "column", "furniture", "answers"),
}

Where = tuple  # a path into the YAML: ("original", "title"), ("overrides", 2)


def key_lines(node: yaml.Node | None) -> dict[Where, int]:
    """The line of every key and list entry of a YAML document, by its path. A node an alias
    names again is walked once (``a: &a [*a]`` holds itself), and without recursion."""
    lines: dict[Where, int] = {}
    walked: set[int] = set()
    stack: list[tuple[yaml.Node | None, Where]] = [(node, ())]
    while stack:
        node, where = stack.pop()
        if node is None or id(node) in walked:
            continue
        walked.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                path = (*where, key.value)
                lines[path] = key.start_mark.line + 1
                stack.append((value, path))
        elif isinstance(node, yaml.SequenceNode):
            for position, value in enumerate(node.value):
                path = (*where, position)
                lines[path] = value.start_mark.line + 1
                stack.append((value, path))
    return lines


@dataclass(frozen=True)
class Located:
    """A configuration's mapping with the line of each of its keys, for ``FILE:LINE:`` messages."""

    path: Path
    lines: dict[Where, int]

    def error(self, message: str, *where) -> ReviewgenError:
        while where and where not in self.lines:
            where = where[:-1]
        return ReviewgenError(message, self.path, self.lines.get(where))

    def check_keys(self, raw: dict, section: str, *where) -> None:
        known = KEYS[section]
        for key in raw:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"the keys here are {', '.join(known)}"
                raise self.error(f"unknown key '{key}'{' in ' + section if section else ''}; {hint}", *where, key)


def load_config(source: Path) -> SourceConfig:
    """The configuration beside ``source``, or defaults when there is none."""
    path = config_path_for(source)
    if not path.exists():
        return SourceConfig(slug=slug_from_name(source.stem))
    try:
        text = path.read_text(encoding="utf-8")
        lines = key_lines(yaml.compose(text))
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ReviewgenError(f"the configuration is not valid YAML ({getattr(error, 'problem', error)}); fix it or delete the file", path, line) from None
    except UnicodeDecodeError:
        raise ReviewgenError("the configuration is not UTF-8 text; save it as UTF-8", path) from None
    except RecursionError:  # PyYAML reads nesting by recursion
        raise ReviewgenError("the configuration nests lists or mappings too deeply to read; flatten it", path) from None
    if not isinstance(raw, dict):
        raise ReviewgenError("the configuration must be a mapping of keys to values", path, 1)
    return _config_from_mapping(raw, source, Located(path, lines))


def _text(raw: dict[str, Any], key: str, at: Located, *where) -> str:
    value = raw.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) and not hasattr(value, "isoformat"):
        raise at.error(f"'{key}' must be text", *where, key)
    return str(value)


def _web_address(raw: dict[str, Any], key: str, at: Located, *where) -> str:
    """A link for readers: only a web address, whole, with no space or angle bracket to break out of it."""
    value = _text(raw, key, at, *where).strip()
    if value and not re.fullmatch(r"https?://[^\s<>]+", value):
        raise at.error(f"'{key}' must be a web address starting with https:// (got {value!r})", *where, key)
    return value


def _mapping(raw: dict[str, Any], key: str, at: Located, what: str) -> dict:
    value = raw.get(key) or {}
    if not isinstance(value, dict):
        raise at.error(f"'{key}' must be a mapping with {what}", key)
    at.check_keys(value, key, key)
    return value


def _config_from_mapping(raw: dict[str, Any], source: Path, at: Located) -> SourceConfig:
    at.check_keys(raw, "")
    original = _mapping(raw, "original", at, "title, publisher and date")
    furniture = _mapping(raw, "furniture", at, "patterns")
    patterns = tuple(str(p) for p in (furniture.get("patterns") or ()))
    for position, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as error:
            raise at.error(f"furniture pattern {pattern!r} is not a valid regular expression: {error}", "furniture", "patterns", position) from None
    headings = _mapping(raw, "headings", at, "parts")
    parts = headings.get("parts") or []
    if not isinstance(parts, list) or not all(isinstance(part, str) and part.strip() for part in parts):
        raise at.error("'headings: parts' must be a list of words or titles, e.g. [Chapter, Annex, Conclusion]", "headings", "parts")
    entries = raw.get("overrides")
    entries = [] if entries is None else entries
    if not isinstance(entries, list):
        raise at.error("'overrides' must be a list of {line: N, ...} entries", "overrides")
    return SourceConfig(
        slug=slug_from_name(str(raw.get("slug") or source.stem)),
        title=_text(raw, "title", at),
        reviewer=_text(raw, "reviewer", at),
        description=_text(raw, "description", at),
        original_title=_text(original, "title", at, "original"),
        original_publisher=_text(original, "publisher", at, "original"),
        original_date=_text(original, "date", at, "original"),
        original_url=_web_address(original, "url", at, "original"),
        reviewer_url=_web_address(raw, "reviewer_url", at),
        review_date=_text(raw, "review_date", at),
        furniture_patterns=patterns,
        heading_parts=tuple(part.strip() for part in parts),
        overrides=tuple(_override(entry, at, position) for position, entry in enumerate(entries)),
        path=at.path,
    )


def _override(entry: Any, at: Located, position: int) -> Override:
    where = ("overrides", position)
    if not isinstance(entry, dict) or not isinstance(entry.get("line"), int) or isinstance(entry.get("line"), bool):
        raise at.error(f"each override needs a 'line' number; got {entry!r}", *where)
    at.check_keys(entry, "overrides", *where)
    column = entry.get("column")
    if column is not None and column not in COLUMNS:
        raise at.error(f"override for line {entry['line']}: column must be one of {', '.join(COLUMNS)}", *where)
    furniture = entry.get("furniture")
    if furniture is not None and not isinstance(furniture, bool):
        raise at.error(f"override for line {entry['line']}: furniture must be true or false", *where)
    answers = entry.get("answers")
    if column is None and furniture is None and answers is None:
        raise at.error(f"override for line {entry['line']} says nothing: give column, furniture or answers", *where)
    return Override(line=entry["line"], column=column, furniture=furniture, answers=str(answers) if answers else None,
                    at=at.lines.get(where, 0))


class Lenient(yaml.SafeLoader):
    """Reads a site's mkdocs.yml without running its tags (``!ENV``, ``!!python/name``): their values are not needed."""


Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def load_site_settings(path: Path) -> dict:
    """The settings in a site's configuration (mkdocs.yml), for ``reviewgen enhance``."""
    try:
        settings = yaml.load(path.read_text(encoding="utf-8"), Loader=Lenient) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ReviewgenError(f"cannot read the site's configuration ({error}); give it with --config", path) from None
    except RecursionError:  # PyYAML reads nesting by recursion
        raise ReviewgenError("the site's configuration nests lists or mappings too deeply to read; flatten it", path) from None
    if not isinstance(settings, dict):
        raise ReviewgenError("the site's configuration must be a mapping of keys to values", path, 1)
    return settings
