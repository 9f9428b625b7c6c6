"""The review's paragraphs and rebuttals as CSV and JSON, linked from the landing page."""

from __future__ import annotations

import csv
import io
import json

from bs4 import BeautifulSoup

from conftest import SLUG
from reviewgen.site.downloads import Row, as_csv


def test_the_downloads_hold_every_item_and_its_rebuttal_in_order(site):
    rows = list(csv.DictReader(io.StringIO((site / SLUG / "review.csv").read_text(encoding="utf-8"))))
    data = json.loads((site / SLUG / "review.json").read_text(encoding="utf-8"))
    assert len(rows) == data["items"] == len(data["rows"])
    assert data["reviewer"] == "Mandate Now" and data["original"] == "Tackling Child Sexual Abuse Strategy"
    numbers = [int(row["paragraph"]) for row in rows if row["paragraph"]]
    assert numbers == list(range(1, 269))  # every numbered paragraph, once, in the document's order
    annotations = json.loads((site / SLUG / "annotations.jsonld").read_text(encoding="utf-8"))
    assert sum(1 for row in rows if row["rebuttal"]) == data["rebuttals"] == annotations["total"]
    row = next(row for row in rows if row["id"] == "para-43")  # read by hand in Part 2
    assert row["item"] == "Paragraph 43" and row["section"].startswith("Part 2: What do we know")
    assert row["address"] == "04-part-2/#para-43" and row["reviewer"] == "Mandate Now"
    assert row["original"].startswith("43. 7.5% of adults") and row["rebuttal"].startswith("This ignores Mathews’ peer reviewed article")
    bullet = next(row for row in rows if row["id"] == "para-74-in-anticipation-of-child")
    assert bullet["item"] == "Bullet after paragraph 74" and bullet["paragraph"] == ""


def test_the_landing_page_links_the_downloads_beside_the_annotation_export(site):
    landing = BeautifulSoup((site / SLUG / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in landing.select("h2#print-and-download + ul a")}
    assert links.pop("The whole review on one page") == "print/"
    assert links == {
        "The paragraphs and rebuttals as CSV": "review.csv", "The same as JSON": "review.json",
        "The rebuttals as W3C Web Annotations": "annotations.jsonld",
    }
    assert all((site / SLUG / href).is_file() for href in links.values())


def test_a_cell_a_spreadsheet_would_run_is_kept_as_text():
    row = Row("Part 1", "Paragraph 1", 1, "para-1", "02-part-1/#para-1", "=HYPERLINK(\"http://x\")", "+1 more", "R")
    written = next(csv.DictReader(io.StringIO(as_csv([row]))))
    assert written["original"] == "'=HYPERLINK(\"http://x\")" and written["rebuttal"] == "'+1 more" and written["section"] == "Part 1"
