"""The converter against other HTML-to-Markdown converters, and on hostile shapes.

    .venv/bin/python benchmarks/converter.py [--runs 3] [--factors 1 5 20 50] [--cache DIR]

Every figure is a whole process (start-up and imports included), timed from
here with the operating system's own accounting of the finished child (user +
system CPU seconds, and its peak memory), the median of ``--runs`` runs. At each
size the converters take turns, a round at a time, and a ratio is the median of
the rounds' ratios, so that the machine's speed drifting moves both sides alike.

The anchors convert the same source's HTML to Markdown: markdownify and
html2text, installed with pip into their own virtual environment under the
cache folder (``$XDG_CACHE_HOME/reviewgen-bench``, else ``~/.cache/reviewgen-bench``,
or ``--cache``), created on the first run; pandoc too when it is on the PATH.

Sizes are the embedded source repeated, its paragraph numbers carried on
(copy 2 starts at 269). Growth is linear when the cost per 1,000 lines
(less the start-up, a process converting a one-row source) stays flat. The hostile shapes are one row each, at 1x and 8x their size; linear
means 8x the size takes no more than about 10x the time.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "tackling-child-sexual-abuse-strategy.txt"
PARAGRAPH = re.compile(r"^(<p>)?(\d+)\. ", re.M)
ANCHORS = ("markdownify", "html2text")
HEAD = "<h2>Part 1: Hostile shapes</h2>\t\n<p>1. The opening paragraph of the original.</p>\t<p>A rebuttal.</p>\t\n"


def many_cells(n: int) -> str:
    """One row of TAB-separated cells, each the rest of the sentence before it."""
    return HEAD + "\t".join(f"and cell {i} carries the sentence on without an end" for i in range(n)) + "\t\n"


def deep_nesting(n: int) -> str:
    return HEAD + "<p>2. A paragraph.</p>" + "<div>" * n + "the deepest words" + "</div>" * n + "\t<p>A reply.</p>\t\n"


def nested_tables(n: int) -> str:
    """Tables nested in tables, in a figure."""
    return HEAD + "<p>Figure 1: Nested tables</p>\t\n" + "<table><tr><td>cell" * n + "</td></tr></table>" * n + "\t\n"


def huge_line(n: int) -> str:
    words = " ".join(f"word{i}" for i in range(n))
    return HEAD + f"<p>2. {words}.</p>\t<p>{words}.</p>\t\n"


def short_lines(n: int) -> str:
    """Short lines standing alone, each different (a list of names): what running footers look like."""
    letters = random.Random(n)
    names = (" ".join("".join(letters.choices(string.ascii_lowercase, k=letters.randint(4, 9))) for _ in range(2)).title() for _ in range(n))
    return HEAD + "\n\n".join(names) + "\n"


def alike_items(n: int) -> str:
    """List items opening with the same words under one paragraph: each wants the same id."""
    return HEAD + "".join(f"<p>• We will work with partners on matter {i}</p>\t\n" for i in range(n))


def many_figures(n: int) -> str:
    """Figures one after another in one section, each with its source note and a note."""
    return HEAD + "".join(f"<p>Figure {i + 1}: A figure</p>\t\nSource: Office {i}\nNote: a note {i}\n" for i in range(n))


def many_parts(n: int) -> str:
    """Parts one after another, all with the same heading: a page each."""
    return HEAD + "".join(f"<h2>Part 2: The same part</h2>\t\n<p>Text {i}.</p>\t\n" for i in range(n))


HOSTILE = {  # shape -> (its source at a size, the size called 1x)
    "many cells in one row": (many_cells, 2000),
    "deep nesting (div in div, one cell)": (deep_nesting, 600),
    "nested tables in a figure": (nested_tables, 100),
    "one huge line (words)": (huge_line, 20000),
    "short lines standing alone": (short_lines, 1000),
    "list items opening alike": (alike_items, 1000),
    "figures with notes, one section": (many_figures, 500),
    "parts with one heading": (many_parts, 500),
}


@dataclass(frozen=True)
class Run:
    cpu: float
    peak_mb: float
    returncode: int
    stderr: str


def run(command: list[str]) -> Run:
    """One whole process: its CPU seconds and peak memory from the kernel's accounting."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        return Run(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode, errors.read().decode(errors="replace"))


def median_run(command: list[str], runs: int) -> Run:
    return median_of([run(command) for _ in range(runs)])


def median_of(results: list[Run]) -> Run:
    """The median CPU time and peak memory of runs of one command; the first failure if any failed."""
    failed = [r for r in results if r.returncode != 0]
    if failed:
        return failed[0]
    return Run(statistics.median(r.cpu for r in results), statistics.median(r.peak_mb for r in results), 0, "")


def cache_folder(given: str | None) -> Path:
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "reviewgen-bench"


def anchor_env(cache: Path) -> Path:
    """A virtual environment holding the anchors, made once."""
    env = cache / "anchors"
    if not (env / "bin" / "markdownify").exists():
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([str(env / "bin" / "pip"), "install", "-q", *ANCHORS], check=True)
    return env


def scaled(factor: int) -> str:
    text = SEED.read_text(encoding="utf-8")
    copies = [PARAGRAPH.sub(lambda m, n=n: f"{m.group(1) or ''}{int(m.group(2)) + 268 * n}. ", text) for n in range(factor)]
    return "\n".join(copies)


def commands(source: Path, out: Path, env: Path) -> dict[str, list[str]]:
    reviewgen = Path(sys.executable).parent / "reviewgen"
    found = {
        "reviewgen": [str(reviewgen), "convert", str(source), "--out", str(out), "--force"],
        "markdownify": [str(env / "bin" / "markdownify"), str(source)],
        "html2text": [str(env / "bin" / "html2text"), str(source)],
    }
    if shutil.which("pandoc"):
        found["pandoc"] = ["pandoc", "-f", "html", "-t", "gfm", str(source), "-o", os.devnull]
    return found


def in_turns(named: dict[str, list[str]], runs: int) -> list[dict[str, Run]]:
    """Each command run once a round, one after another, for ``runs`` rounds: this machine's speed
    drifts within minutes, and a drift then moves every command of a round alike."""
    return [{name: run(command) for name, command in named.items()} for _ in range(runs)]


def sizes_table(factors: list[int], runs: int, env: Path, work: Path) -> None:
    """Each converter at each size; the cost per 1,000 lines leaves out the converter's
    start-up (its time on a one-row source), so that it shows how the work grows."""
    tiny = work / "one-row.txt"
    tiny.write_text(HEAD, encoding="utf-8")
    start_up = {name: median_run(command, runs).cpu for name, command in commands(tiny, work / "out", env).items()}
    print("| size | lines | converter | CPU s | peak MB | CPU s per 1,000 lines beyond start-up | ratio to markdownify |")
    print("|---:|---:|---|---:|---:|---:|---:|")
    for factor in factors:
        source = work / f"scaled-{factor}.txt"
        source.write_text(scaled(factor), encoding="utf-8")
        lines = source.read_text(encoding="utf-8").count("\n") + 1
        rounds = in_turns(commands(source, work / "out", env), runs)
        for name in rounds[0]:
            result = median_of([taken[name] for taken in rounds])
            ratio = statistics.median(taken[name].cpu / taken["markdownify"].cpu for taken in rounds)
            cost = 1000 * (result.cpu - start_up[name]) / lines
            print(f"| {factor}x | {lines:,} | {name} | {result.cpu:.2f} | {result.peak_mb:.0f} | {cost:.3f} | {ratio:.2f} |")


def hostile_table(runs: int, work: Path) -> None:
    print("| hostile shape | 1x size | CPU s at 1x | CPU s at 8x | 8x / 1x | exit |")
    print("|---|---:|---:|---:|---:|---|")
    reviewgen = str(Path(sys.executable).parent / "reviewgen")
    for name, (make, size) in HOSTILE.items():
        timed = []
        for factor in (1, 8):
            source = work / f"hostile-{make.__name__}-{factor}.txt"
            source.write_text(make(size * factor), encoding="utf-8")
            timed.append(median_run([reviewgen, "convert", str(source), "--out", str(work / "hostile"), "--force"], runs))
        status = "0" if all(r.returncode == 0 for r in timed) else next(
            f"{r.returncode}: {(r.stderr.strip().splitlines() or [''])[-1][:60]}" for r in timed if r.returncode)
        print(f"| {name} | {size:,} | {timed[0].cpu:.2f} | {timed[1].cpu:.2f} | {timed[1].cpu / timed[0].cpu:.1f} | {status} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 5, 20, 50])
    parser.add_argument("--cache", help="where the anchors' virtual environment is kept")
    parser.add_argument("--no-hostile", action="store_true")
    args = parser.parse_args()
    env = anchor_env(cache_folder(args.cache))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sizes_table(args.factors, args.runs, env, work)
        if not args.no_hostile:
            print()
            hostile_table(args.runs, work)
    print(f"\n({args.runs} runs each, medians; {time.perf_counter() - started:.0f} s in all)", file=sys.stderr)


if __name__ == "__main__":
    main()
