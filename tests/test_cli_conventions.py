"""The command line's conventions: --version, counts spelt right, progress only where it helps."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from reviewgen.commands import progress as progress_module
from reviewgen.commands.cli import main, version
from reviewgen.document.plural import count, listing
from reviewgen.commands.progress import progress


def test_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out == f"reviewgen {version()}\n" and version()[0].isdigit()


@pytest.mark.parametrize("number, word, expected", [
    (0, "page", "0 pages"), (1, "page", "1 page"), (2, "page", "2 pages"),
    (1, "numbered paragraph", "1 numbered paragraph"), (1268, "numbered paragraph", "1,268 numbered paragraphs"),
    (1, "duplicate table row", "1 duplicate table row"), (3, "match", "3 matches"), (2, "entry", "2 entries"), (2, "day", "2 days"),
    (1, "editor's rebuttal/editors' rebuttals", "1 editor's rebuttal"), (4, "editor's rebuttal/editors' rebuttals", "4 editors' rebuttals"),
])
def test_counts_are_singular_for_one_and_plural_otherwise(number, word, expected):
    assert count(number, word) == expected


def test_listing():
    assert [listing([]), listing(["a"]), listing(["a", "b"]), listing(["a", "b", "c"])] == ["", "a", "a and b", "a, b and c"]


class Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def slow_work(stream: Terminal, wanted: bool | None, seconds: float) -> str:
    with progress("converting x.txt", wanted, stream):
        time.sleep(seconds)
    return stream.getvalue()


def test_progress_shows_on_a_terminal_once_work_takes_a_while_and_is_erased(monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0.05)
    monkeypatch.setattr(progress_module, "EVERY", 0.05)
    shown = slow_work(Terminal(tty=True), None, 0.3)
    assert shown.startswith("\rreviewgen: converting x.txt… 0 s")
    assert shown.endswith("\r" + " " * len("reviewgen: converting x.txt… 0 s") + "\r")


def test_progress_stays_quiet_off_a_terminal_and_for_quick_work(monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0.05)
    assert slow_work(Terminal(tty=False), None, 0.2) == ""  # a pipe, a log, a test
    assert slow_work(Terminal(tty=True), False, 0.2) == ""  # --no-progress
    assert slow_work(Terminal(tty=True), None, 0.0) == ""  # done before the first update
    assert slow_work(Terminal(tty=False), True, 0.2).startswith("\rreviewgen: converting")  # --progress


def test_output_into_a_pipe_whose_reader_has_gone_stops_quietly(tmp_path):
    """``reviewgen stats | head -1``: once head has its line, the rest goes nowhere, without a traceback."""
    stats = subprocess.Popen(
        [sys.executable, "-m", "reviewgen", "stats", str(ROOT / "content"), "--format", "csv"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    stats.stdout.close()  # the reader goes before a line is written (the command takes a while to start)
    _, err = stats.communicate(timeout=60)
    assert err == b"" and stats.returncode == 128 + signal.SIGPIPE


def test_build_refuses_a_content_folder_other_than_the_one_it_would_build(tmp_path):
    from conftest import reviewgen

    (tmp_path / "other").mkdir()
    refused = reviewgen("build", "--content", str(tmp_path / "other"), "--site", str(tmp_path / "site"), "--no-progress")
    assert refused.returncode == 2 and not (tmp_path / "site").exists()
    assert refused.stderr == (f"reviewgen: mkdocs.yml: it builds the pages in content, not in {tmp_path / 'other'}: "
                              f"set docs_dir in it to {tmp_path / 'other'}, or leave out --content\n")
