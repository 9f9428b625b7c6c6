"""Conversion time and peak memory as the source grows, up to 50 times the embedded review.

    .venv/bin/python benchmarks/scale.py [--factors 1 5 10 25 50]

Each size is the embedded source repeated, its paragraph numbers carried on
(copy 2 starts at 269), converted in a fresh process so peak memory is its own.
Growth is linear when seconds and MB per thousand lines stay flat.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "tackling-child-sexual-abuse-strategy.txt"
PARAGRAPH = re.compile(r"^(<p>)?(\d+)\. ", re.M)
CHILD = """
import resource, sys, time
from pathlib import Path
from reviewgen.convert import convert
start = time.perf_counter()
convert(Path(sys.argv[1]), Path(sys.argv[2]))
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def scaled(factor: int) -> str:
    text = SEED.read_text(encoding="utf-8")
    copies = [PARAGRAPH.sub(lambda m, n=n: f"{m.group(1) or ''}{int(m.group(2)) + 268 * n}. ", text) for n in range(factor)]
    return "\n".join(copies)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 5, 10, 25, 50])
    factors = parser.parse_args().factors
    print("| size | lines | seconds | peak MB | seconds per 1,000 lines | MB per 1,000 lines |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for factor in factors:
            source = Path(folder) / f"scaled-{factor}.txt"
            source.write_text(scaled(factor), encoding="utf-8")
            lines = source.read_text(encoding="utf-8").count("\n") + 1
            out = subprocess.run([sys.executable, "-c", CHILD, str(source), str(Path(folder) / f"out-{factor}")],
                                 capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
            seconds, peak_mb = float(out[0]), int(out[1]) / 1024
            print(f"| {factor}x | {lines:,} | {seconds:.2f} | {peak_mb:.0f} | {1000 * seconds / lines:.3f} | {1000 * peak_mb / lines:.2f} |")


if __name__ == "__main__":
    main()
