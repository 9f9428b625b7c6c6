"""A built site served on localhost under a sub-path, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SUB_PATH = "published/reviews/"  # the site must work from any base path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session", params=["mkdocs", "zensical"])
def built_site(tmp_path_factory, request) -> Path:
    """The project's site under a sub-path (every link is relative), from either generator: MkDocs
    with the plugin, or Zensical followed by ``reviewgen enhance`` (the session's shared builds)."""
    www = tmp_path_factory.mktemp(f"www-{request.param}") / SUB_PATH
    shared = request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site")
    return Path(shutil.copytree(shared, www))


def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def base_url(built_site) -> str:
    server = serve(built_site.parents[len(Path(SUB_PATH).parts) - 1])
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def root_url(built_site) -> str:
    """The same site at a host's root, where MkDocs's 404 page (root-relative links) works."""
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def watched(page, problems: list[str]):
    """``page`` with ``page.problems``: the console errors, uncaught exceptions and requests to other hosts it meets."""
    page.problems = problems
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"exception: {error}"))
    page.on("request", lambda req: not req.url.startswith(("http://127.0.0.1:", "data:", "blob:")) and problems.append(f"request: {req.url}"))
    return page


class Reader:
    """One reader's browser profile for the session, each test in a new tab of it. A profile and its
    first tab cost about as much as loading a page; while one tab stays open a new tab costs half as
    much. What a test leaves behind besides the HTTP cache (its tabs, local storage, cookies, the
    chosen palette) is cleared after it, for every site its tabs went to."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1440, "height": 900})
        self.context.grant_permissions(["clipboard-read", "clipboard-write"])
        self.devtools = self.context.new_cdp_session(self.context.new_page())  # the tab kept open, blank
        self.visited: set[str] = set()
        self.context.on("page", lambda tab: tab.on("framenavigated", lambda frame: self.visited.add(origin(frame.url))))

    def forget(self) -> None:
        for tab in self.context.pages[1:]:
            tab.close()
        for site in self.visited - {""}:
            self.devtools.send("Storage.clearDataForOrigin", {"origin": site, "storageTypes": "all"})
        self.visited.clear()


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


@pytest.fixture(scope="session")
def reader(browser) -> Reader:
    reader = Reader(browser)
    yield reader
    reader.context.close()


@pytest.fixture
def page(reader, request):
    page = watched(reader.context.new_page(), [])
    callspec = getattr(request.node, "callspec", None)
    page.generator = callspec.params.get("built_site", "") if callspec else ""  # which build's site, for screenshot names
    yield page
    reader.forget()


IN_VIEW = """id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"""


def after_frames(page, frames: int = 2) -> None:
    """Wait until the page has painted ``frames`` more frames (layout scripts and tooltips run on the next one)."""
    page.evaluate("n => new Promise(done => { const step = k => k ? requestAnimationFrame(() => step(k - 1)) : done(); step(n); })", frames)


# Every transition of the theme has ended (a new width's colours and places fade in over a quarter second).
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def resized(page, width: int, height: int = 900) -> None:
    """The window set to ``width``, as a reader resizes it, once the page has followed: the new
    width's layout, review.js's margin layout on the next frame, the theme's transitions ended.
    Measured on every kind of page, a page narrowed to a width has the same boxes as one opened at it."""
    page.set_viewport_size({"width": width, "height": height})
    after_frames(page)
    page.wait_for_function(SETTLED)


TOOLS_WRITTEN = """() =>
  [...document.querySelectorAll('.md-typeset a.para-number')].every(n => n.nextElementSibling?.querySelector('button.para-copy'))
  && [...document.querySelectorAll('.md-typeset .cite-tools[data-label]')].every(t => t.querySelectorAll('button.cite').length === 2)"""


def tools_written(page) -> None:
    """Wait until reading.js has written every copy and cite button (a few dozen items a frame)."""
    page.wait_for_function(TOOLS_WRITTEN)


def wait_until(page, condition, what: str, limit: float = 10.0) -> None:
    """Poll a condition on the Python side (console messages, dialogs) while the page runs."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"waited {limit:.0f} s for {what}"
        page.wait_for_timeout(10)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}{'-' + page.generator if getattr(page, 'generator', '') else ''}.png"
    page.screenshot(path=str(path))
    return path
