"""A status line on stderr for work that takes more than a moment.

Shown only on a terminal (or when asked with ``--progress``), so pipes, logs
and tests get clean output; it appears after a second, so quick commands
print nothing extra, and it is erased when the work ends.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager
from typing import Iterator, TextIO

DELAY, EVERY = 1.0, 0.5  # seconds before the first update, and between updates


@contextmanager
def progress(doing: str, wanted: bool | None = None, stream: TextIO | None = None) -> Iterator[None]:
    stream = stream or sys.stderr
    if not (wanted if wanted is not None else stream.isatty()):
        yield
        return
    done = threading.Event()
    shown = []

    def report() -> None:
        start = time.monotonic()
        while not done.wait(DELAY if not shown else EVERY):
            line = f"reviewgen: {doing}… {time.monotonic() - start:.0f} s"
            stream.write("\r" + line)
            stream.flush()
            shown.append(len(line))

    reporter = threading.Thread(target=report, daemon=True)
    reporter.start()
    try:
        yield
    finally:
        done.set()
        reporter.join()
        if shown:
            stream.write("\r" + " " * max(shown) + "\r")
            stream.flush()
