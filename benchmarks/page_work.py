"""The browser's work to open a page: style, layout, script and all tasks, as Chromium counts them.

    .venv/bin/python benchmarks/page_work.py URL [URL ...] [--runs N] [--width PX]

Opens each URL in Debian's Chromium (the tests' flags) at a phone's width, waits for the
load event and 1.5 s more, and reads the devtools protocol's Performance.getMetrics. The
URLs take turns, so a busy machine slows each alike; prints the median of each, in ms, and
how many times the browser restyled at least half the page's elements at once (from a trace:
a change at the top of the page, such as a class on <body>, restyles everything below it).
Less noisy than Lighthouse's simulation for comparing two builds of one page (a stylesheet
rule's cost, say), but it is this machine's time, not a phone's.
"""

from __future__ import annotations

import argparse
import json
import statistics

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
METRICS = {"style": "RecalcStyleDuration", "layout": "LayoutDuration", "script": "ScriptDuration", "all tasks": "TaskDuration"}


def whole_page_restyles(trace: bytes, elements: int) -> int:
    events = json.loads(trace)["traceEvents"]
    return sum(1 for event in events if event.get("name") == "UpdateLayoutTree" and event.get("ph") == "X"
               and event.get("args", {}).get("elementCount", 0) * 2 >= elements)


def work(browser, url: str, width: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": width, "height": 823})
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Performance.enable")
    browser.start_tracing(page=page, categories=["devtools.timeline"])
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # the scripts' first layout and Material's components
    values = {m["name"]: m["value"] for m in devtools.send("Performance.getMetrics")["metrics"]}
    elements = page.evaluate("document.getElementsByTagName('*').length")
    restyles = whole_page_restyles(browser.stop_tracing(), elements)
    context.close()
    return {**{name: values[key] * 1000 for name, key in METRICS.items()}, "whole-page restyles": restyles}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--width", type=int, default=412)  # Lighthouse's mobile preset
    args = parser.parse_args()
    runs: dict[str, list[dict[str, float]]] = {url: [] for url in args.urls}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(args.runs):
            for url in args.urls:
                runs[url].append(work(browser, url, args.width))
        browser.close()
    columns = [*METRICS, "whole-page restyles"]
    print("| page | " + " | ".join(columns) + " |\n|---|" + "---:|" * len(columns))
    for url, found in runs.items():
        print(f"| {url} | " + " | ".join(f"{statistics.median(run[name] for run in found):.0f}" for name in columns) + " |")


if __name__ == "__main__":
    main()
