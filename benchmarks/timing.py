"""How long conversion and a site build take on this machine (median of repeated runs).

    .venv/bin/python benchmarks/timing.py [--runs N]

Prints a Markdown table for the README. Timings vary with the machine: compare
runs on one machine, not across machines.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewgen.commands.check import check_content  # noqa: E402
from reviewgen.commands.convert import convert  # noqa: E402

SOURCE = ROOT / "sources" / "tackling-child-sexual-abuse-strategy.txt"


def timed(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)

        def conversion() -> None:
            shutil.rmtree(work / "content", ignore_errors=True)
            convert(SOURCE, work / "content")

        def build() -> None:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(work / "site")], cwd=ROOT, env=env, check=True)

        def check() -> None:
            assert not check_content(ROOT / "content", ROOT / "sources").problems

        rows = [
            ("convert the embedded review (873 lines)", timed(conversion, runs)),
            ("`reviewgen check` of the embedded review (in process)", timed(check, runs)),
            ("`mkdocs build --strict` of the site", timed(build, max(1, runs // 2))),
        ]
    print("| step | median seconds |")
    print("|---|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
