"""One exception family for everything a user can get wrong."""

from __future__ import annotations

import signal
from pathlib import Path


class ReviewgenError(Exception):
    """A problem with the user's input, reported as ``FILE:LINE: message``.

    The command line prints it on one line and exits with code 2; it never
    shows a traceback for a mistake the user can fix.
    """

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class Interrupted(ReviewgenError):
    """SIGINT or SIGTERM: the command stops, saying what state it left."""

    def __init__(self, signum: int, state: str = "nothing was changed") -> None:
        self.signal = signal.Signals(signum)
        super().__init__(f"interrupted by {self.signal.name}; {state}")

    @property
    def exit_code(self) -> int:
        return 128 + int(self.signal)
