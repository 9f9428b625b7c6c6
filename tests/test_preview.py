"""The editor's loop: ``reviewgen serve`` keeps previewing through problems, and follows the sources.

The preview runs on a free port of 127.0.0.1 over a copy of the project;
every wait is on a condition (the served page, a line of the log), bounded.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SLUG


PARAGRAPH_43 = "43\\. 7.5% of adults are estimated to have experienced sexual abuse"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def served(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(condition, what: str, limit: float = 180.0) -> None:
    began = time.monotonic()
    while not condition():
        assert time.monotonic() - began < limit, f"waited {limit:.0f} s for {what}"
        time.sleep(0.2)


class Preview:
    """``reviewgen serve`` in a copy of the project, its log gathered as it comes."""

    def __init__(self, project: Path) -> None:
        self.port = free_port()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reviewgen", "serve", "--address", f"127.0.0.1:{self.port}"],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        threading.Thread(target=lambda: self.log.extend(self.process.stdout), daemon=True).start()

    def page(self, name: str) -> str:
        return served(f"http://127.0.0.1:{self.port}/{SLUG}/{name}/")

    def count(self, words: str) -> int:
        return sum(words in line for line in list(self.log))

    def logged(self, *words: str) -> bool:
        return any(all(word in line for word in words) for line in list(self.log))

    def logged_after(self, first: tuple[str, ...], then: str) -> bool:
        """A line with ``then`` after the first line with all of ``first``: a build that ended after it."""
        lines = list(self.log)
        at = next((number for number, line in enumerate(lines) if all(word in line for word in first)), None)
        return at is not None and any(then in line for line in lines[at + 1:])


@pytest.fixture
def project(tmp_path):
    for folder in ("content", "sources", "theme"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_a_changed_quoted_word_is_a_warning_and_the_page_is_served_updated(project):
    page = project / "content" / SLUG / "04-part-2.md"
    preview = Preview(project)
    try:
        wait_until(lambda: "are estimated to have experienced" in preview.page("04-part-2"), "the first build")

        page.write_text(page.read_text(encoding="utf-8").replace(PARAGRAPH_43, PARAGRAPH_43.replace("estimated", "guessed"), 1), encoding="utf-8")
        line = line_of(page, '{ #para-43 data-page="6" }')  # check names an item by its anchor's line, just below the text
        wait_until(lambda: "are guessed to have experienced" in preview.page("04-part-2"), "the edited page")
        # the page is written before its build ends: the warning is looked for in that build's whole log
        warning = ("WARNING", f"{page}:{line}: paragraph 43 differs from the source", "'estimated'", "'guessed'")
        wait_until(lambda: preview.logged_after(warning, "Reloading browsers"), "the end of the build that served it")
        assert preview.logged(*warning)
        assert preview.process.poll() is None and not preview.logged("Aborted")

        # A corrected source arrives: the preview converts it again, with --merge, and shows it.
        source = project / "sources" / f"{SLUG}.txt"
        source.write_text(source.read_text(encoding="utf-8").replace("<p>43. 7.5% of adults are estimated", "<p>43. 7.5% of adults are reckoned", 1), encoding="utf-8")
        wait_until(lambda: "are reckoned to have experienced" in preview.page("04-part-2"), "the page of the corrected source")
        assert preview.logged(f"{source} changed, converted again with --merge")
        assert "are reckoned to have experienced" in page.read_text(encoding="utf-8")
        assert preview.process.poll() is None

        # The review's folder was swapped for a new one: the preview still follows the editor's saves in it.
        page.write_text(page.read_text(encoding="utf-8").replace("are reckoned to have", "are widely reckoned to have", 1), encoding="utf-8")
        wait_until(lambda: "are widely reckoned to have" in preview.page("04-part-2"), "the page edited after the conversion")

        # A mistake in the configuration is a warning too: the preview goes on serving.
        config = project / "sources" / f"{SLUG}.yml"
        config.write_text(config.read_text(encoding="utf-8") + "titel: A misspelt key\n", encoding="utf-8")
        mistake = ("WARNING", f"{config}:16: unknown key 'titel'", "preview goes on")
        wait_until(lambda: preview.logged(*mistake), "the configuration's warning")
        # the end of the build that warned, not of one still running when the configuration was saved:
        # a page fetched while a build is under way may be missing (each build starts from an empty site)
        wait_until(lambda: preview.logged_after(mistake, "Reloading browsers"), "the end of the rebuild")
        # and served again once any build the saved configuration set off has ended
        wait_until(lambda: "are widely reckoned to have experienced" in preview.page("04-part-2"), "the page after the warning")
        assert preview.process.poll() is None and not preview.logged("Traceback") and not preview.logged("error happened")
    finally:
        preview.process.send_signal(signal.SIGINT)
        preview.process.wait(timeout=30)
    assert preview.process.returncode == 128 + signal.SIGINT
    wait_until(lambda: preview.logged("reviewgen: interrupted by SIGINT; the preview has stopped"), "the closing line", 10)


def test_a_broken_configuration_stops_the_build_with_one_line(project):
    config = project / "sources" / f"{SLUG}.yml"
    config.write_text(config.read_text(encoding="utf-8") + "titel: A misspelt key\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
        cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert errors[0] == f"ERROR   -  reviewgen: {config}:16: unknown key 'titel'; did you mean 'title'?"
    assert "Traceback" not in result.stderr and len(errors) <= 2  # and MkDocs' own "Aborted with a BuildError!"


def test_build_is_strict_though_the_preview_is_not(project):
    """mkdocs.yml is lenient so the preview never stops; ``reviewgen build`` (and so CI) fails on any warning."""
    (project / "content" / "notes.md").write_text("---\ntitle: Notes\n---\n\n# Notes\n\n<script>alert(1)</script> A page of notes.\n", encoding="utf-8")
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}
    lenient = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")], cwd=project, capture_output=True, text=True, env=env)
    assert lenient.returncode == 0 and "notes.md:7: removed <script>" in lenient.stderr
    strict = subprocess.run([sys.executable, "-m", "reviewgen", "build", "--site", str(project / "site")], cwd=project, capture_output=True, text=True, env=env)
    assert strict.returncode == 1
    assert "notes.md:7: removed <script>" in strict.stderr and "strict mode" in strict.stdout + strict.stderr

