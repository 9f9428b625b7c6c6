"""``reviewgen``: the command line, a thin layer over the package's API."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..document.errors import Interrupted, ReviewgenError
from ..document.plural import count, listing
from .progress import progress

DEFAULT_SOURCE_DIR = Path("sources")
DEFAULT_CONTENT = Path("content")


def default_sources() -> list[Path]:
    from ..reading.source import source_files

    sources = source_files(DEFAULT_SOURCE_DIR)
    if not sources:
        raise ReviewgenError("no source given and none found in sources/; give the path of a review export", DEFAULT_SOURCE_DIR)
    return sources


def run_convert(args: argparse.Namespace) -> int:
    from .convert import convert

    sources = [args.source] if args.source else default_sources()
    if len(sources) > 1:  # several reviews: converting them all at once is never what a bare command should guess
        raise ReviewgenError(
            f"{count(len(sources), 'source')} here ({listing(str(s) for s in sources)}); name the one to convert, "
            f"e.g. reviewgen convert {sources[0]}", DEFAULT_SOURCE_DIR,
        )
    if args.explain:
        return run_explain(sources[0], args)
    with progress(f"converting {sources[0]}", args.progress):
        summary = convert(sources[0], args.out, force=args.force, merge_edits=args.merge, encoding=args.encoding)
    print(f"converted {sources[0]} -> {args.out}: {summary}")
    return 0


def run_explain(source: Path, args: argparse.Namespace) -> int:
    """Print which rules decided what the asked lines are; nothing is written."""
    from .convert import convert_document
    from ..reading.explain import explain, wanted_lines
    from ..reading.source import read_source

    lines = read_source(source, args.encoding)
    wanted = wanted_lines(args.explain, source, len(lines))
    document, _, _ = convert_document(source, encoding=args.encoding)
    print(explain(document, lines, wanted))
    return 0


def run_audit(args: argparse.Namespace) -> int:
    from .audit import audit
    from .convert import convert_document

    lost = False
    for source in [args.source] if args.source else default_sources():
        with progress(f"auditing {source}", args.progress):
            document, _, config = convert_document(source)
            result = audit(source, args.content, config.slug, document)
        print(f"{source}: {result.report()}" if not args.source else result.report())
        lost = lost or bool(result.lost)
    return 1 if lost else 0


def checked(args: argparse.Namespace, command: str) -> bool:
    """Run ``reviewgen check`` on the content; print its problems; whether there were none."""
    from .check import check_content

    with progress(f"checking {args.content}", args.progress):
        report = check_content(args.content, args.sources)
    for problem in report.problems:
        print(problem)
    if report.problems:
        print(f"reviewgen {command}: {count(len(report.problems), 'problem')} in the content", file=sys.stderr)
        return False
    print(report.summary())
    return True


def run_check(args: argparse.Namespace) -> int:
    content_ok = checked(args, "check")
    return 0 if content_ok and (args.site is None or site_checked(args.site)) else 1


def site_checked(site: Path) -> bool:
    """Whether a built site has reviewgen's features; if not, one line saying why and what to run."""
    from ..site.postbuild import unenhanced_pages

    if not (site / "index.html").is_file():
        raise ReviewgenError("no built site here (no index.html); build it first with reviewgen build", site)
    missing = unenhanced_pages(site)
    if missing:
        print(
            f"{missing[0]}:1: the rebuttals are footnotes at the foot and the page has no reviewgen marker "
            f"({count(len(missing), 'page')} like it): the reviewgen plugin did not run; "
            f"run reviewgen enhance {site} (or build with reviewgen build)"
        )
        return False
    print(f"{site}: every page has reviewgen's features")
    return True


def run_new(args: argparse.Namespace) -> int:
    from .convert import convert
    from .scaffold import new_review
    from ..reading.source import read_source

    read_source(args.source)  # refuse bad input before anything is copied
    source = new_review(args.slug, args.source, args.sources, force=args.force)
    with progress(f"converting {source}", args.progress):
        summary = convert(source, args.out, force=args.force)
    print(f"new review {args.slug}: {source} and {source.with_suffix('.yml')} (fill in its title, reviewer and original)")
    print(f"converted into {args.out / args.slug}: {summary}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from .stats import FORMATS, review_stats

    if not args.content.is_dir():
        raise ReviewgenError("no such content folder; give the folder holding the review's pages", args.content)
    sys.stdout.write(FORMATS[args.format](review_stats(args.content)))
    return 0


def mkdocs(*args: str, stopped: str) -> int:
    """Run MkDocs; on Ctrl-C or SIGTERM let it stop in its own way, then say what state it left (``stopped``)."""
    import os
    import subprocess

    env = {**os.environ, "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1")}
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", *args], env=env)
    try:
        return child.wait()
    except Interrupted as interrupted:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
        raise Interrupted(interrupted.signal, stopped) from None


def run_build(args: argparse.Namespace) -> int:
    """Check the content, then build the site strictly: any warning fails it (``mkdocs.yml`` is lenient, for the preview).
    With Zensical, which runs no MkDocs plugin, ``enhance`` then gives the site the same features."""
    from ..site.postbuild import read_config

    built = read_config(args.config).docs_dir
    if built.resolve() != args.content.resolve():  # else the check would pass one folder and the build show another
        raise ReviewgenError(
            f"it builds the pages in {built}, not in {args.content}: set docs_dir in it to {args.content}, or leave out --content", args.config,
        )
    if not checked(args, "build"):
        return 1
    stopped = f"{args.site} may be half built; build again"
    if args.generator == "zensical":
        code = zensical(args.config, args.site, stopped=stopped)
        if code == 0 and enhance_built(args.site, args.config) != 0:
            print("reviewgen build: the pages held markup the allowlist removed (see above); strict, as with MkDocs", file=sys.stderr)
            return 1
    else:
        code = mkdocs("build", "--strict", "-f", str(args.config), "-d", str(args.site), stopped=stopped)
    if code == 0:
        print(f"the site is in {args.site.resolve()}/ (open index.html, or serve the folder from any static host)")
    return code


def enhance_built(site: Path, config: Path) -> int:
    """Enhance a built site, print its warnings; how many there were."""
    from ..site.postbuild import enhance_site

    enhanced = enhance_site(site, config)
    for note in enhanced.notes:
        print(f"WARNING - {note}", file=sys.stderr)
    written = enhanced.written
    print(f"enhanced {site}: {count(len(written), 'file')} written" if written else f"{site} already has reviewgen's features; nothing changed")
    return len(enhanced.notes)


def run_enhance(args: argparse.Namespace) -> int:
    """reviewgen's site features for a site another generator built (Zensical, or MkDocs without the plugin).
    What the allowlists removed are warnings, as in a lenient MkDocs build; ``reviewgen build`` fails on them."""
    with progress(f"enhancing {args.site}", args.progress):
        enhance_built(args.site, args.config)
    return 0


def zensical(config: Path, site: Path, stopped: str) -> int:
    """Build with Zensical, strictly, into ``site``. It reads mkdocs.yml but writes only to a ``site_dir``
    inside the project, so it builds into a staging folder there (from a copy of the configuration that
    names it), which then replaces ``site``. Zensical runs no plugin, so the copy also gives it the
    plugin's navigation (the document's order, parts under their titles) when mkdocs.yml has no ``nav``."""
    import shutil
    import subprocess
    import tempfile

    import yaml

    from ..document.config import load_site_settings
    from ..site.navigation import configured_nav
    from ..site.postbuild import read_config
    from ..site.reviews import find_reviews

    installed = Path(sys.executable).parent / "zensical"
    program = str(installed) if installed.exists() else shutil.which("zensical")
    if program is None:
        raise ReviewgenError("Zensical is not installed; pip install 'reviewgen[zensical]' (or build with --generator mkdocs)", config)
    project = config.resolve().parent
    added: dict = {}
    if not load_site_settings(config).get("nav"):
        docs = read_config(config).docs_dir
        added["nav"] = configured_nav(docs, find_reviews(docs))
    staging = Path(tempfile.mkdtemp(prefix=".reviewgen-site-", dir=project))
    settings = project / f"{staging.name}.yml"
    added["site_dir"] = staging.name
    settings.write_text(
        config.read_text(encoding="utf-8") + "\n" + yaml.safe_dump(added, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    try:
        child = subprocess.Popen([program, "build", "--strict", "-f", str(settings)])
        try:
            code = child.wait()
        except Interrupted as interrupted:
            child.send_signal(signal.SIGINT)
            child.wait(timeout=10)
            raise Interrupted(interrupted.signal, stopped) from None
        if code == 0:
            shutil.rmtree(site, ignore_errors=True)
            shutil.move(staging, site)
        return code
    finally:
        settings.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)


def run_serve(args: argparse.Namespace) -> int:
    """A live preview for editors: pages rebuild as content/ or sources/ change; problems are warnings, never a stop."""
    return mkdocs("serve", "-f", str(args.config), "-a", args.address, stopped="the preview has stopped")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="reviewgen", description="Publish a point-by-point review of a document as a website.")
    main.add_argument("--version", action=PrintVersion, help="print reviewgen's version and exit")
    commands = main.add_subparsers(dest="command", required=True)
    convert = with_progress(commands.add_parser("convert", help="convert a two-column review export into Markdown pages"))
    convert.add_argument("source", nargs="?", type=Path, help="the export (default: the one in sources/)")
    convert.add_argument("--out", type=Path, default=DEFAULT_CONTENT, help="the content folder (default: content)")
    convert.add_argument("--force", action="store_true", help="replace pages an editor has changed")
    convert.add_argument("--merge", action="store_true", help="carry the rebuttals of pages an editor changed over to the new pages")
    convert.add_argument("--encoding", help="read a source that is not UTF-8, e.g. cp1252 (default: UTF-8 only)")
    convert.add_argument("--explain", action="append", metavar="LINE",
                         help="print which rules decided what source line LINE is (or a range, 30-33; may repeat) and write nothing")
    convert.set_defaults(run=run_convert)
    audit = with_progress(commands.add_parser("audit", help="check that every word of the source reached the pages"))
    audit.add_argument("source", nargs="?", type=Path, help="the export (default: the one in sources/)")
    audit.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="the content folder (default: content)")
    audit.set_defaults(run=run_audit)
    check = with_progress(commands.add_parser("check", help="check a review's pages: quoted text, paragraphs, rebuttals, anchors, links"))
    check.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT, help="the content folder (default: content)")
    check.add_argument("--sources", type=Path, default=DEFAULT_SOURCE_DIR, help="where the sources are (default: sources)")
    check.add_argument("--site", type=Path, help="also check a built site: did the reviewgen plugin (or reviewgen enhance) give it its features?")
    check.set_defaults(run=run_check)
    new = with_progress(commands.add_parser("new", help="start another review on this site from a two-column export"))
    new.add_argument("slug", help="the review's short name, e.g. 'budget-2026' (its folder and address)")
    new.add_argument("--source", type=Path, required=True, help="the two-column export to review")
    new.add_argument("--sources", type=Path, default=DEFAULT_SOURCE_DIR, help="where sources live (default: sources)")
    new.add_argument("--out", type=Path, default=DEFAULT_CONTENT, help="the content folder (default: content)")
    new.add_argument("--force", action="store_true", help="replace a review of the same name")
    new.set_defaults(run=run_new)
    stats = commands.add_parser("stats", help="count paragraphs, answered paragraphs, rebuttals and their words per section")
    stats.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT, help="the content folder (default: content)")
    stats.add_argument("--format", choices=("table", "csv", "json"), default="table", help="how to print them (default: table)")
    stats.set_defaults(run=run_stats)
    build = with_progress(commands.add_parser("build", help="check the content and build the website strictly into site/"))
    build.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="the content folder (default: content)")
    build.add_argument("--sources", type=Path, default=DEFAULT_SOURCE_DIR, help="where the sources are (default: sources)")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration")
    build.add_argument("--site", type=Path, default=Path("site"), help="where to write the site (default: site)")
    build.add_argument("--generator", choices=("mkdocs", "zensical"), default="mkdocs",
                       help="MkDocs with the reviewgen plugin, or Zensical followed by reviewgen enhance (default: mkdocs)")
    build.set_defaults(run=run_build)
    enhance = with_progress(commands.add_parser("enhance", help="give a site built without the plugin (Zensical, MkDocs) reviewgen's features"))
    enhance.add_argument("site", type=Path, help="the built site's folder, e.g. site")
    enhance.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the configuration it was built from (default: mkdocs.yml)")
    enhance.set_defaults(run=run_enhance)
    serve = commands.add_parser("serve", help="preview the site, rebuilding as pages change")
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration")
    serve.add_argument("--address", default="127.0.0.1:8000", help="where to serve (default: 127.0.0.1:8000)")
    serve.set_defaults(run=run_serve)
    return main


class PrintVersion(argparse.Action):
    """``--version``, with the installed version looked up only when asked for (it costs start-up time)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"{parser.prog} {version()}")
        parser.exit()


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as installed

    try:
        return installed("reviewgen")
    except PackageNotFoundError:
        return "unknown (not installed)"


def stop(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def with_progress(command: argparse.ArgumentParser) -> argparse.ArgumentParser:
    command.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="show a status line on stderr while working (default: only on a terminal)")
    return command


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    with stopping_cleanly():
        try:
            code = args.run(args)
            sys.stdout.flush()  # a reader gone away shows here, not in the interpreter's last flush
            return code
        except BrokenPipeError:  # the output's reader stopped reading (| head): stop quietly, as Unix tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 128 + signal.SIGPIPE
        except Interrupted as interrupted:
            print(f"reviewgen: {interrupted}", file=sys.stderr)
            return interrupted.exit_code
        except ReviewgenError as error:
            print(f"reviewgen: {error}", file=sys.stderr)
            return 2


@contextmanager
def stopping_cleanly() -> Iterator[None]:
    """SIGINT and SIGTERM raise Interrupted, so files are cleaned up and one line says what happened."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


if __name__ == "__main__":
    sys.exit(main())
