from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

import os
import subprocess
import sys

from reviewgen import ids
from reviewgen.convert import convert
from reviewgen.pages import section_files
from reviewgen.page_reader import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
SLUG = "tackling-child-sexual-abuse-strategy"
SEED = ROOT / "sources" / f"{SLUG}.txt"
EXTENSIONS = ["footnotes", "attr_list", "admonition", "tables", "toc", "md_in_html"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="rewrite the golden files from the current output")


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


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file, which must be there: a damage that misses is a failed test."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def render_page(path: Path) -> BeautifulSoup:
    _, body = split_front_matter(path.read_text(encoding="utf-8"))
    return BeautifulSoup(markdown.markdown(body, extensions=EXTENSIONS), "html.parser")


def clean_text(element) -> str:
    element = BeautifulSoup(str(element), "html.parser")
    for added in element.select("sup, a.footnote-backref"):
        added.decompose()
    return " ".join(element.get_text(" ").split())


class Review:
    """What a reader finds in the rendered pages: items by anchor and what answers them."""

    def __init__(self, content: Path, slug: str = SLUG) -> None:
        self.pages = section_files(content, slug)
        self.items: dict[str, str] = {}
        self.rebuttals: dict[str, str] = {}
        self.order: list[str] = []
        for page in self.pages:
            soup = render_page(page)
            for element in soup.find_all(id=True):
                item_id = element["id"]
                if ids.is_footnote_id(item_id):
                    continue
                self.order.append(item_id)
                self.items[item_id] = clean_text(element)
                ref = element.select_one("a.footnote-ref")
                if ref is not None:
                    note = soup.find(id=ref["href"][1:])
                    self.rebuttals[item_id] = clean_text(note)

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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


