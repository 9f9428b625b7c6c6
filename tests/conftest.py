from __future__ import annotations

import fcntl
import functools
import io
import json
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

import os
import subprocess
import sys

from reviewgen.document import ids
from reviewgen.commands.cli import main as reviewgen_main
from reviewgen.commands.convert import convert
from reviewgen.writing.pages import section_files
from reviewgen.writing.page_reader import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
SLUG = "tackling-child-sexual-abuse-strategy"
SEED = ROOT / "sources" / f"{SLUG}.txt"
EXTENSIONS = ["footnotes", "attr_list", "admonition", "tables", "toc", "md_in_html"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="rewrite the golden and fixture files from the current output, then compare as always")


@pytest.fixture(scope="session")
def regen(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--regen")


@pytest.fixture(scope="session")
def seed_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded review converted into a fresh folder."""
    out = tmp_path_factory.mktemp("content")
    source = out.parent / f"{SLUG}.txt"
    shutil.copy(SEED, source)
    shutil.copy(SEED.with_suffix(".yml"), source.with_suffix(".yml"))
    convert(source, out)
    return out


@dataclass(frozen=True)
class Finished:
    """What a command leaves its user: the exit code and what it printed (named as ``subprocess.run``'s result)."""

    returncode: int
    stdout: str
    stderr: str


def reviewgen(*args: str, cwd: Path = ROOT) -> Finished:
    """``reviewgen ARGS`` run in this process from ``cwd``: the command's own parser, output and exit
    codes, without a Python start-up per call. Tests about the process itself (signals, a server,
    being killed) start a real one instead."""
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = reviewgen_main(list(args))
            except SystemExit as stopped:  # argparse's usage errors and --version
                code = stopped.code if isinstance(stopped.code, int) else (0 if stopped.code is None else 1)
    finally:
        os.chdir(before)
    return Finished(code, out.getvalue(), err.getvalue())


@pytest.fixture
def seed_copy(seed_content: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The embedded review as converted, copied for one test to change: (its source, with its
    configuration beside it; its content folder). Conversion is deterministic, so a copy is a fresh one."""
    source = tmp_path / SEED.name
    shutil.copy(SEED, source)
    shutil.copy(SEED.with_suffix(".yml"), source.with_suffix(".yml"))
    content = Path(shutil.copytree(seed_content, tmp_path / "content"))
    return source, content


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file, which must be there: a damage that misses is a failed test."""
    assert old != new, f"an edit that changes nothing: {old!r}"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def render_page(path: Path) -> BeautifulSoup:
    _, body = split_front_matter(path.read_text(encoding="utf-8"))
    return BeautifulSoup(markdown.markdown(body, extensions=EXTENSIONS), "html.parser")


def added_by_markdown(tag: Tag) -> bool:
    """A footnote's marker (``<sup id="fnref:...">``) or its way back (``a.footnote-backref``): not the
    item's own words (a ``<sup>`` of the original's is)."""
    return (tag.name == "sup" and tag.get("id", "").startswith("fnref:")) or (tag.name == "a" and "footnote-backref" in tag.get("class", ()))


def clean_text(element: Tag) -> str:
    """The words a reader sees in ``element``, the footnote markers and back links left out."""
    words = []
    for string in element.strings:
        parent = string.parent
        while parent is not element and not added_by_markdown(parent):
            parent = parent.parent
        if parent is element and not added_by_markdown(element):
            words.append(string)
    return " ".join(" ".join(words).split())


class Review:
    """What a reader finds in the rendered pages: items by anchor and what answers them."""

    def __init__(self, content: Path, slug: str = SLUG) -> None:
        self.pages = section_files(content, slug)
        self.items: dict[str, str] = {}
        self.rebuttals: dict[str, str] = {}
        self.order: list[str] = []
        for page in self.pages:
            soup = render_page(page)
            by_id = {element["id"]: element for element in reversed(soup.find_all(id=True))}  # the first of an id wins
            for element in soup.find_all(id=True):
                item_id = element["id"]
                if ids.is_footnote_id(item_id):
                    continue
                self.order.append(item_id)
                self.items[item_id] = clean_text(element)
                ref = element.find("a", class_="footnote-ref")
                if ref is not None:
                    self.rebuttals[item_id] = clean_text(by_id[ref["href"][1:]])

    def numbered(self) -> list[int]:
        return [number for number in map(ids.paragraph_number, self.order) if number is not None]

    def find(self, phrase: str) -> str:
        """The id of the one item whose own text contains ``phrase``."""
        found = [item_id for item_id, text in self.items.items() if phrase in text]
        assert len(found) == 1, f"{phrase!r} is in {found}"
        return found[0]


@pytest.fixture(scope="session")
def review(seed_content: Path) -> Review:
    return Review(seed_content)


def mkdocs_build(site: Path, docs: Path | None = None, sources: Path = ROOT / "sources") -> subprocess.CompletedProcess:
    config = ROOT / "mkdocs.yml"
    if docs is not None:  # the same configuration, pointed at another docs folder
        text = config.read_text(encoding="utf-8")
        config = site.parent / "mkdocs.yml"
        text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", text, flags=re.M).replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
        text = text.replace("  - reviewgen\n", f"  - reviewgen:\n      sources: {sources}\n")
        config.write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, cwd=ROOT, env=env,
    )


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], dict]) -> tuple[Path, dict]:
    """``make(folder)`` run once per test run, however many workers share it (pytest-xdist): the first
    to get here makes it under a file lock, the others wait for it and read the same folder. ``make``
    returns what the tests read besides the folder (JSON: a build's log, a converter's report)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:  # one process: nothing to share it with
        folder = tmp_path_factory.mktemp(name)
        return folder, make(folder)
    run = tmp_path_factory.getbasetemp().parent  # one folder per run, holding each worker's own
    folder, made = run / name, run / f"{name}.json"
    with open(run / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, a failed make included
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed make in another worker left
            folder.mkdir()
            made.write_text(json.dumps(make(folder)), encoding="utf-8")
        return folder, json.loads(made.read_text(encoding="utf-8"))


def _project_site(folder: Path) -> dict:
    result = mkdocs_build(folder / "site")
    assert result.returncode == 0, result.stderr
    return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> tuple[Path, Finished]:
    """The project's own site, built once per test run with ``mkdocs build --strict``: (folder, the build)."""
    folder, build = built_once(tmp_path_factory, "site", _project_site)
    return folder / "site", Finished(**build)


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The built site, shared by every test that reads it: copy it before changing anything in it."""
    return site_build[0]


def _zensical_site(folder: Path) -> dict:
    arguments = ["--content", str(ROOT / "content"), "--sources", str(ROOT / "sources"), "--config", str(ROOT / "mkdocs.yml")]
    built = reviewgen("build", "--generator", "zensical", "--site", str(folder / "site"), "--no-progress", *arguments)
    assert built.returncode == 0, built.stdout + built.stderr
    return {}


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The project's site built by Zensical and finished by ``reviewgen enhance``, once per test run:
    copy it before changing anything in it."""
    return built_once(tmp_path_factory, "zensical", _zensical_site)[0] / "site"


@functools.cache
def _parsed(path: Path, stamp: tuple[int, int]) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def built_page(path: Path) -> BeautifulSoup:
    """A built HTML file, parsed once for the whole session while the file stays as it is: many tests
    read the same shared site. Read the tree, never change it (copy it first)."""
    stat = path.stat()
    return _parsed(path, (stat.st_mtime_ns, stat.st_size))


def _hostile_site(folder: Path) -> dict:
    from hostile_corpus import hostile_site  # here, not at the top: hostile_corpus imports this module

    _, report, log = hostile_site(folder)
    return {"report": report, "log": log}


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> tuple[Path, str, str]:
    """The hostile corpus converted, edited as an editor would and built once per test run:
    (the site, the converter's report, the build's log). Copy the site before changing it."""
    folder, made = built_once(tmp_path_factory, "hostile", _hostile_site)
    return folder / "site", made["report"], made["log"]
