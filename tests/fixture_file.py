"""markdown-it-py style fixture files: title / . / input / . / expected / ."""

from __future__ import annotations

from pathlib import Path


def read_fixture_file(path: Path) -> list[tuple[str, str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title = lines[index]
        assert lines[index + 1] == ".", f"{path}:{index + 2}: expected '.'"
        index += 2
        blocks = []
        for _ in range(2):
            start = index
            while lines[index] != ".":
                index += 1
            blocks.append("\n".join(lines[start:index]))
            index += 1
        cases.append((title, blocks[0], blocks[1]))
    return cases


def write_fixture_file(path: Path, cases: list[tuple[str, str, str]]) -> None:
    parts = [f"{title}\n.\n{source}\n.\n{expected}\n.\n" for title, source, expected in cases]
    path.write_text("\n".join(parts), encoding="utf-8")
