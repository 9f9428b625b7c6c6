"""The site build with reviewgen's plugin against stock MkDocs + Material on the same content.

    .venv/bin/python benchmarks/site.py [--runs 3] [--factors 1 5 20 50]

At each size the embedded source is repeated (``scaled()`` of
``benchmarks/converter.py``: paragraph numbers carried on), converted once,
and the same content folder is built with the project's ``mkdocs.yml`` as it
is, and with a copy of it from which the ``reviewgen`` plugin is removed (stock
MkDocs + Material, search on, the same theme folder). Both are ``mkdocs build``
in their own process, without ``--strict`` (stock MkDocs warns about things the
plugin resolves). Every figure is a whole process, timed from here with the
operating system's accounting of the finished child (user + system CPU
seconds, and its peak memory).

The two builds take turns, stock then plugin, ``--runs`` times: each figure is
the median of its runs, and the ratio is the median of each pair's ratio, so
that the machine's speed drifting during the run moves both sides of a pair
alike. The cost per 1,000 source lines leaves out each build's start-up (its
time on a one-row source, built in turn the same way), so a flat column means
the work grows with the review, not faster.

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
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from converter import HEAD, ROOT, SEED, Run, median_of, median_run, run, scaled  # noqa: E402

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


def content_at(text: str, work: Path) -> tuple[Path, Path, int]:
    """A review whose source is ``text``: its sources folder, its converted content, its source's lines."""
    sources = work / "sources"
    sources.mkdir()
    source = sources / SEED.name
    source.write_text(text, encoding="utf-8")
    shutil.copy(SEED.with_suffix(".yml"), source.with_suffix(".yml"))
    docs = work / "content"
    converted = median_run([sys.executable, "-m", "reviewgen", "convert", str(source), "--out", str(docs)], 1)
    if converted.returncode:
        raise SystemExit(f"converting the source of {work.name} failed:\n{converted.stderr}")
    return sources, docs, text.count("\n") + 1


def mkdocs(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]


def succeeded(result: Run, command: list[str]) -> Run:
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return result


@dataclass(frozen=True)
class Measured:
    stock: Run
    plugin: Run
    first: Run  # the plugin's first build, converting the source in its check
    ratio: float  # the median of the pairs' plugin / stock


def measure(text: str, work: Path, runs: int) -> tuple[Measured, int]:
    """A review of ``text`` built with and without the plugin, in turn; and its source's lines."""
    sources, docs, lines = content_at(text, work)
    stock = mkdocs(configuration(work, docs, sources, with_plugin=False), work / "site")
    plugin = mkdocs(configuration(work, docs, sources, with_plugin=True), work / "site")
    shutil.rmtree(work / ".cache", ignore_errors=True)
    first = succeeded(run(plugin), plugin)
    pairs = [(succeeded(run(stock), stock), succeeded(run(plugin), plugin)) for _ in range(runs)]
    ratio = statistics.median(p.cpu / s.cpu for s, p in pairs)
    return Measured(median_of([s for s, _ in pairs]), median_of([p for _, p in pairs]), first, ratio), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 5, 20, 50])
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        start_up, _ = measure(HEAD, Path(folder), args.runs)
    print(f"Start-up (a one-row source, {args.runs} builds of each in turn): reviewgen plugin {start_up.plugin.cpu:.2f} s, "
          f"stock {start_up.stock.cpu:.2f} s CPU.\n")
    print("| size | source lines | build | CPU s | peak MB | CPU s per 1,000 lines beyond start-up | ratio to stock |")
    print("|---:|---:|---|---:|---:|---:|---:|")
    for factor in args.factors:
        with tempfile.TemporaryDirectory() as folder:
            measured, lines = measure(scaled(factor), Path(folder), args.runs)
        rows = (
            ("reviewgen plugin", measured.plugin, start_up.plugin, measured.ratio),
            ("reviewgen plugin, first build", measured.first, start_up.plugin, measured.first.cpu / measured.stock.cpu),
            ("stock MkDocs + Material", measured.stock, start_up.stock, 1.0),
        )
        for name, result, fixed, ratio in rows:
            print(f"| {factor}x | {lines:,} | {name} | {result.cpu:.2f} | {result.peak_mb:.0f} | "
                  f"{1000 * (result.cpu - fixed.cpu) / lines:.3f} | {ratio:.2f} |", flush=True)
    print(f"\n({args.runs} builds of each in turn, medians; {time.perf_counter() - started:.0f} s in all)", file=sys.stderr)


if __name__ == "__main__":
    main()
