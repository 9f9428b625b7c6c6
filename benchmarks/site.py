"""The site build with reviewgen's plugin against stock MkDocs + Material on the same content.

    .venv/bin/python benchmarks/site.py [--runs 3] [--factors 1 5 20 50]

At each size the embedded source is repeated (``scaled()`` of
``benchmarks/converter.py``: paragraph numbers carried on), converted once,
and the same content folder is built twice per run: with the project's
``mkdocs.yml`` as it is, and with a copy of it from which the ``reviewgen``
plugin is removed (stock MkDocs + Material, search on, the same theme folder).
Both are ``mkdocs build`` in their own process, without ``--strict`` (stock
MkDocs warns about things the plugin resolves). Every figure is a whole process,
timed from here with the operating system's accounting of the finished child
(user + system CPU seconds, and its peak memory), the median of ``--runs`` runs.

The plugin's check keeps the source's conversion in ``.cache/reviewgen`` beside
``mkdocs.yml`` between builds (``reviewgen.commands.remembered``): the first build
of a project converts it, the next ones read it back. So the plugin is timed
twice: once with no ``.cache`` (a first build, one run) and then ``--runs``
times with the one it left (every later build).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from converter import ROOT, SEED, Run, median_run, scaled  # noqa: E402

PLUGIN = "  - reviewgen\n"


def configuration(work: Path, docs: Path, sources: Path, with_plugin: bool) -> Path:
    """The project's mkdocs.yml pointed at ``docs``; without the plugin when asked."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert PLUGIN in text, "mkdocs.yml no longer lists the plugin as this script expects"
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", text, flags=re.M)
    text = text.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    text = text.replace(PLUGIN, f"  - reviewgen:\n      sources: {sources}\n" if with_plugin else "")
    path = work / ("mkdocs.yml" if with_plugin else "mkdocs-stock.yml")
    path.write_text(text, encoding="utf-8")
    return path


def content_at(factor: int, work: Path) -> tuple[Path, Path, int]:
    """The embedded review at ``factor`` times its size: its sources folder, its converted content, its lines."""
    sources = work / "sources"
    sources.mkdir()
    source = sources / SEED.name
    source.write_text(scaled(factor), encoding="utf-8")
    shutil.copy(SEED.with_suffix(".yml"), source.with_suffix(".yml"))
    docs = work / "content"
    converted = median_run([sys.executable, "-m", "reviewgen", "convert", str(source), "--out", str(docs)], 1)
    if converted.returncode:
        raise SystemExit(f"converting the {factor}x source failed:\n{converted.stderr}")
    return sources, docs, source.read_text(encoding="utf-8").count("\n") + 1


def build(config: Path, site: Path, runs: int) -> Run:
    result = median_run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], runs)
    if result.returncode:
        raise SystemExit(f"mkdocs build -f {config} failed:\n{result.stderr}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 5, 20, 50])
    args = parser.parse_args()
    started = time.perf_counter()
    print("| size | source lines | build | CPU s | peak MB | CPU s per 1,000 lines | ratio to stock |")
    print("|---:|---:|---|---:|---:|---:|---:|")
    for factor in args.factors:
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            sources, docs, lines = content_at(factor, work)
            stock = build(configuration(work, docs, sources, with_plugin=False), work / "site", args.runs)
            with_plugin = configuration(work, docs, sources, with_plugin=True)
            shutil.rmtree(work / ".cache", ignore_errors=True)
            first = build(with_plugin, work / "site", 1)
            plugin = build(with_plugin, work / "site", args.runs)
            rows = (("reviewgen plugin", plugin), ("reviewgen plugin, first build", first), ("stock MkDocs + Material", stock))
            for name, result in rows:
                print(f"| {factor}x | {lines:,} | {name} | {result.cpu:.2f} | {result.peak_mb:.0f} | "
                      f"{1000 * result.cpu / lines:.3f} | {result.cpu / stock.cpu:.2f} |", flush=True)
    print(f"\n({args.runs} runs each, medians; {time.perf_counter() - started:.0f} s in all)", file=sys.stderr)


if __name__ == "__main__":
    main()
