"""Sizes a reader downloads: the largest page, the search index, the annotation export.

    .venv/bin/python benchmarks/sizes.py          # builds the site into a temporary folder
    .venv/bin/python benchmarks/sizes.py site/    # measures an existing build

Prints a Markdown table (bytes and gzip bytes) for the README, so growth is visible.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9))


def build(into: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(into)], cwd=ROOT, env=env, check=True)


def table(site: Path) -> str:
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    largest = pages[-1]
    rows = [
        (f"largest page (`{largest.relative_to(site).as_posix()}`)", *sizes(largest)),
        ("search index (`search/search_index.json`)", *sizes(site / "search" / "search_index.json")),
        *(("annotation export (`{}`)".format(export.relative_to(site).as_posix()), *sizes(export)) for export in sorted(site.rglob("annotations.jsonld"))),
    ]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    lines = ["| what | bytes | gzip bytes |", "|---|---:|---:|"]
    lines += [f"| {name} | {raw:,} | {packed:,} |" for name, raw, packed in rows]
    lines.append(f"| whole site ({sum(1 for p in site.rglob('*') if p.is_file())} files) | {total:,} | |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1:
        print(table(Path(sys.argv[1])))
        return
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        print(table(site))


if __name__ == "__main__":
    main()
