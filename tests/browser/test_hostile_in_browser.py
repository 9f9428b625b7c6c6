"""The hostile corpus opened in Chromium: no dialog opens and no script from the source runs."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading

import pytest

from .conftest import ROOT, QuietHandler, screenshot

HOSTILE = ROOT / "tests" / "fixtures" / "hostile.txt"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile-browser")
    convert = subprocess.run([sys.executable, "-m", "reviewgen", "convert", str(HOSTILE), "--out", str(work / "docs")], cwd=ROOT, capture_output=True, text=True)
    assert convert.returncode == 0, convert.stderr
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: content", f"docs_dir: {work / 'docs'}").replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml"), "-d", str(work / "site")],
                           cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, build.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(work / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_no_dialog_opens_and_no_source_script_runs(page, hostile_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("", "hostile/", "hostile/01-hostile-foreword/", "hostile/02-part-1/", "hostile/rebuttals/"):
        page.goto(hostile_url + path)
        page.wait_for_load_state("networkidle")
        for element in page.locator("article p, article li, article a, article b, article strong").all()[:60]:
            element.hover(timeout=2000)
        for link in page.locator("article a[href^='#']").all()[:20]:
            link.click(timeout=2000)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    screenshot(page, "hostile-part-1")
    assert dialogs == []
    assert page.problems == []
