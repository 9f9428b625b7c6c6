"""Writing pages: all or nothing, and never over an editor's changes.

Every page is rendered before anything touches the disk. The review's new
folder is then built complete in a staging folder beside the content folder
(outside it, so neither MkDocs nor reviewgen's own readers ever see it) and
swapped with the old one in a single ``renameat2(RENAME_EXCHANGE)``, so a
kill at any moment leaves either the old folder or the new one, never a mix.
A staging folder left by a killed run is cleaned (or, if the swap was cut in
half on a system without the exchange, rolled back) by the next run.

A generated page whose body no longer matches the checksum in its front
matter has been edited by hand: it is only replaced with ``force``.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..document.errors import Interrupted, ReviewgenError
from .page_reader import split_front_matter
from .pages import GENERATOR, Page, checksum, home_page, landing_pages
from ..document.plural import listing, plural

NEW, OLD, HOME = "review", "old", "index.md"  # the entries of a staging folder


@dataclass
class Plan:
    root: Path
    slug: str = ""
    writes: dict[Path, str] = field(default_factory=dict)
    removals: list[Path] = field(default_factory=list)
    edited: list[Path] = field(default_factory=list)  # changed by hand and about to be replaced or removed
    hand_edited: list[Path] = field(default_factory=list)  # every page of the review changed by hand

    @property
    def review(self) -> Path:
        return self.root / self.slug

    def outside_review(self, paths: list[Path]) -> list[Path]:
        return [path for path in paths if self.review not in path.parents]


def read_fields(path: Path) -> tuple[dict, str]:
    try:
        return split_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}, ""


def page_state(path: Path) -> str:
    """"missing", "generated" (untouched since written), "edited", or "foreign"."""
    if not path.exists():
        return "missing"
    fields, body = read_fields(path)
    if fields.get("generator") != GENERATOR:
        return "foreign"
    return "generated" if fields.get("checksum") == checksum(body) else "edited"


def generated_the_same(path: Path, text: str) -> bool:
    """An edited page whose generated text has not changed since: the editor's version stands."""
    old, _ = read_fields(path)
    new, _ = split_front_matter(text)
    return bool(old.get("checksum")) and old.get("checksum") == new.get("checksum")


def existing_reviews(root: Path) -> dict[str, dict]:
    """slug -> landing front matter of every review already converted into ``root``."""
    return {str(fields["review"]): fields for _, fields in landing_pages(root)}


def plan(root: Path, slug: str, pages: list[Page]) -> Plan:
    result = Plan(root, slug)
    wanted = {root / page.path: page.text for page in pages}
    reviews = existing_reviews(root)
    reviews[slug], _ = split_front_matter(next(page.text for page in pages if page.path == f"{slug}/index.md"))
    sections = [page for page in pages if page.path != f"{slug}/index.md"]
    wanted[root / "index.md"] = home_page(list(reviews.values()), sections if list(reviews) == [slug] else None).text
    for path, text in wanted.items():
        state = page_state(path)
        current = path.read_text(encoding="utf-8", errors="replace") if state != "missing" else None
        if current == text or (state == "edited" and generated_the_same(path, text)):
            continue
        if state in ("edited", "foreign"):
            result.edited.append(path)
        result.writes[path] = text
    states = {path: page_state(path) for path in sorted((root / slug).rglob("*.md"))}  # each page read once
    result.hand_edited = [path for path, state in states.items() if state == "edited"]
    for path, state in states.items():
        if path not in wanted and state != "foreign":
            if state == "edited":
                result.edited.append(path)
            result.removals.append(path)
    return result


def refuse_edited(result: Plan, force: bool, merge: bool) -> None:
    """Stop before anything is written when pages changed by hand would be lost.

    ``merge`` carries the editors' rebuttals of the review's own pages over,
    so it may replace those; a page outside the review (the site's home page,
    hand-written or edited) is never the merge's to change: only ``force``.
    """
    if force:
        return
    outside = result.outside_review(result.edited)
    if merge and outside:
        raise ReviewgenError(
            f"--merge changes only the review's pages, and would also replace {listing(p.name for p in sorted(outside))} "
            "(not one of the review's pages, changed by hand); keep a copy and run again with --force to replace it",
            outside[0],
        )
    if result.edited and not merge:
        names = lambda paths: ", ".join(path.name for path in sorted(paths)) or "none"  # noqa: E731
        raise ReviewgenError(
            f"{plural('page', len(result.edited))} changed by hand would be overwritten: {names(result.edited)} "
            f"(changed by hand: {names(result.hand_edited)}; the new conversion changes: {names(result.writes)}); "
            "run again with --merge to carry the editors' rebuttals over to the new pages, or with --force to replace them",
            result.root,
        )


def apply(result: Plan, force: bool, merge: bool = False) -> None:
    refuse_edited(result, force, merge)
    if not result.writes and not result.removals:
        return
    try:
        result.root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReviewgenError(f"could not create the content folder ({error.strerror}); nothing was changed", result.root) from None
    with locked(result.root):
        recover(result.root, result.slug)
        area, staging, swapped = staging_area(result.root), None, False
        try:
            try:
                with signals_deferred():  # a signal now would leave the folder made but not yet named
                    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(result.root, result.slug, area), dir=area))
                stage(result, staging)
                with signals_deferred():  # a signal waits until the swap is done and known to be done
                    swap_in(result, staging)
                    swapped = True
            except OSError as error:
                raise ReviewgenError(f"could not write the pages ({error.strerror}); nothing was changed", error.filename) from None
            finally:
                with signals_deferred():  # the cleaning is finished before a signal is handled
                    if staging is not None:
                        shutil.rmtree(staging, ignore_errors=True)
        except (Interrupted, KeyboardInterrupt) as interrupted:
            if swapped:  # a signal handled once the new pages were in place must not say nothing changed
                raise Interrupted(getattr(interrupted, "signal", signal.SIGINT), ALREADY_IN_PLACE) from None
            raise


# -- staging --------------------------------------------------------------------------------

def staging_area(root: Path) -> Path:
    """Beside the content folder when that is possible (same disk, writable), else inside it as a dot-folder."""
    parent = root.resolve().parent
    try:
        if os.access(parent, os.W_OK) and parent.stat().st_dev == root.stat().st_dev:
            return parent
    except OSError:
        pass
    return root


def staging_prefix(root: Path, slug: str, area: Path) -> str:
    return f".reviewgen-{slug}." if area == root else f".reviewgen-{root.resolve().name}-{slug}."


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def stage(result: Plan, staging: Path) -> None:
    """The review's complete new folder in ``staging/review``; other new files beside it."""
    new = staging / NEW
    if result.review.is_dir():
        skipped = set(result.writes) | set(result.removals)
        shutil.copytree(result.review, new, symlinks=True, ignore=lambda folder, names: [n for n in names if Path(folder) / n in skipped])
    else:
        new.mkdir()  # files and folders made with open() and mkdir() get the usual modes under the umask
    for path, text in result.writes.items():
        if result.review in path.parents:
            write_text(new / path.relative_to(result.review), text)
        else:
            write_text(staging / path.relative_to(result.root), text)


# -- the swap -------------------------------------------------------------------------------

RENAME_EXCHANGE = 2
ALREADY_IN_PLACE = "the new pages were already in place"
AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one system call; False where the system or the disk cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(result: Plan, staging: Path) -> None:
    """The point of no return: the new folder and home page put in place (the caller defers signals)."""
    if not result.review.exists():
        os.rename(staging / NEW, result.review)
    elif not exchange(staging / NEW, result.review):
        os.rename(result.review, staging / OLD)  # recover() puts it back if a kill comes between these two
        try:
            os.rename(staging / NEW, result.review)
        except OSError:
            os.rename(staging / OLD, result.review)
            raise
    for path in result.writes:
        if result.review not in path.parents:
            os.replace(staging / path.relative_to(result.root), path)


@contextmanager
def signals_deferred() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, stopping)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a signal that came meanwhile is handled here


def recover_interrupted(root: Path, slug: str) -> None:
    """Before the content is read: undo what a killed conversion of this review left (nothing, mostly)."""
    if root.is_dir():
        with locked(root):
            recover(root, slug)


def recover(root: Path, slug: str) -> None:
    """Clean what a killed conversion left: the old folder back if the swap was cut in half, staging removed."""
    for area in {staging_area(root), root}:
        for leftover in sorted(area.glob(staging_prefix(root, slug, area) + "*")):
            old = leftover / OLD
            if old.is_dir() and not (root / slug).exists():
                os.rename(old, root / slug)
            shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def locked(root: Path) -> Iterator[None]:
    """One conversion at a time into a content folder (a lock on the folder itself: no lock file)."""
    handle = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReviewgenError("another conversion is writing into this folder; wait for it to finish and run again", root) from None
        yield
    finally:
        os.close(handle)
