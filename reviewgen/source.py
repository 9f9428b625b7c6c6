"""Reading a source file safely: clear errors for everything that is not a text export."""

from __future__ import annotations

from pathlib import Path

from .errors import ReviewgenError


def read_source(path: Path) -> list[str]:
    """The lines of ``path`` (without line endings), or a ReviewgenError saying what to do."""
    if not path.exists():
        raise ReviewgenError("no such file; give the path of a two-column review export", path)
    if path.is_dir():
        raise ReviewgenError("this is a directory; give the path of a review source file inside it", path)
    data = path.read_bytes()
    if not data.strip():
        raise ReviewgenError("the file is empty; export the review again", path)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ReviewgenError("the file holds NUL bytes, so it is binary, not a text export", path, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReviewgenError("the file is not UTF-8 text; re-export it as UTF-8", path, line) from None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
