"""A conversion stopped at any moment leaves the old pages or the new ones, never a mix.

A large conversion (the embedded review twice over) is killed with SIGKILL at
random moments, seeded: half anywhere in the run, half while the new folder
is being staged and swapped in. Each time ``content/`` must be byte for byte
the old tree or the new one, and the next conversion cleans what was left
beside it. SIGINT and SIGTERM stop with one line and the old pages.
"""

from __future__ import annotations

import importlib.util
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

from reviewgen.commands.convert import convert

SPEC = importlib.util.spec_from_file_location("converter_benchmark", ROOT / "benchmarks" / "converter.py")
scale = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = scale  # its dataclasses look their module up while it loads
SPEC.loader.exec_module(scale)

SLUG = "review"
STAGING = f".reviewgen-content-{SLUG}."  # what a conversion into content/ may leave beside it when killed


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder`` (dot-files included), files with their bytes."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def start(source: Path, content: Path, *flags: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "reviewgen", "convert", str(source), "--out", str(content), *flags],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )


def wait_for(condition, process: subprocess.Popen, limit: float = 60.0, every: float = 0.002) -> float:
    """Poll until ``condition()`` holds (or the process ends); the time it took."""
    began = time.monotonic()
    while not condition() and process.poll() is None:
        assert time.monotonic() - began < limit, "the condition never came"
        time.sleep(every)
    return time.monotonic() - began


KNOWN = {"content", "old-content", "reference", "old", f"{SLUG}.txt"}


def restore_old(project: Path) -> None:
    shutil.rmtree(project / "content")
    shutil.copytree(project / "old-content", project / "content")


def staging(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(STAGING))


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """(project folder, the new source, the old tree, the new tree): content/ holds the old conversion."""
    project = tmp_path_factory.mktemp("large")
    old, new = project / "old" / f"{SLUG}.txt", project / f"{SLUG}.txt"
    old.parent.mkdir()
    text = scale.scaled(2)
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("Home Office", "Home Ofice"), encoding="utf-8")  # a word on every page changes
    content = project / "content"
    convert(old, content)
    shutil.copytree(content, project / "old-content")
    reference = project / "reference"
    shutil.copytree(content, reference / "content")
    finished = start(new, reference / "content")
    whole = wait_for(lambda: False, finished)
    assert finished.returncode == 0, finished.stderr.read()
    return project, new, tree(content), tree(reference / "content"), whole


def test_a_kill_at_any_moment_leaves_the_old_or_the_new_pages(large):
    project, source, old, new, whole = large
    content = project / "content"
    calibration = start(source, content)  # how long staging and swapping take, from the first sign of it
    wait_for(lambda: staging(project), calibration)
    swapping = wait_for(lambda: False, calibration)
    assert tree(content) == new
    restore_old(project)
    rng = random.Random(20261130)
    outcomes = []
    for trial in range(20):
        process = start(source, content)
        if trial % 2:  # while the new folder is staged and swapped in
            wait_for(lambda: staging(project), process, every=0)
            time.sleep(swapping * rng.random() ** 3)  # dense early in the window, where the files are written
        else:
            time.sleep(rng.uniform(0, whole))
        process.kill()
        process.wait()
        state = tree(content)
        assert state in (old, new), f"trial {trial}: a mix of old and new pages"
        assert all(p.name.startswith(STAGING) or p.name in KNOWN for p in project.iterdir())
        outcomes.append(("new" if state == new else "old", bool(staging(project))))
        if state == new:  # start the next trial from the old pages again
            restore_old(project)
    assert any(left for _, left in outcomes), f"no kill landed while the new folder was being staged: {outcomes}"

    summary = convert(source, content)  # the next conversion cleans what the killed ones left
    assert tree(content) == new and staging(project) == []
    assert summary.written > 0


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_sigint_and_sigterm_stop_with_one_line_and_the_old_pages(large, signum):
    project, source, old, new, _ = large
    content = project / "content"
    name = signal.Signals(signum).name
    outcomes = []
    for _ in range(10):  # a signal sent as staging begins can land after the swap on a quick machine: send again
        restore_old(project)
        assert staging(project) == []
        process = start(source, content)
        wait_for(lambda: staging(project), process, every=0)  # the new folder is being written
        process.send_signal(signum)
        out, err = process.communicate(timeout=60)
        state = tree(content)
        outcome = (process.returncode, err, state == old, state == new, staging(project), out)
        outcomes.append(outcome[:2])
        if process.returncode == 0:  # it had finished: the new pages, whole
            assert outcome == (0, "", False, True, [], "")
        elif "already in place" in err:  # handled once the swap was done: it says so, the new pages whole
            assert outcome == (128 + signum, f"reviewgen: interrupted by {name}; the new pages were already in place\n",
                               False, True, [], "")
        else:  # handled before the swap: one line, the old pages, nothing left beside them
            assert outcome == (128 + signum, f"reviewgen: interrupted by {name}; nothing was changed\n", True, False, [], "")
            return
    pytest.fail(f"no signal landed before the swap in 10 conversions: {outcomes}")
