"""The browser's work to open a page: style, layout, script and all tasks, as Chromium counts them.

    .venv/bin/python benchmarks/page_work.py URL [URL ...] [--runs N] [--width PX]

Opens each URL in Debian's Chromium (the tests' flags) at a phone's width, waits for the
load event and 1.5 s more, and reads the devtools protocol's Performance.getMetrics. The
URLs take turns, so a busy machine slows each alike; prints the median of each, in ms.
Less noisy than Lighthouse's simulation for comparing two builds of one page (a stylesheet
rule's cost, say), but it is this machine's time, not a phone's.
"""

from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
METRICS = {"style": "RecalcStyleDuration", "layout": "LayoutDuration", "script": "ScriptDuration", "all tasks": "TaskDuration"}


def work(browser, url: str, width: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": width, "height": 823})
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Performance.enable")
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # the scripts' first layout and Material's components
    values = {m["name"]: m["value"] for m in devtools.send("Performance.getMetrics")["metrics"]}
    context.close()
    return {name: values[key] * 1000 for name, key in METRICS.items()}


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
    print("| page | " + " | ".join(METRICS) + " |\n|---|" + "---:|" * len(METRICS))
    for url, found in runs.items():
        print(f"| {url} | " + " | ".join(f"{statistics.median(run[name] for run in found):.0f}" for name in METRICS) + " |")


if __name__ == "__main__":
    main()
