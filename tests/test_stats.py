"""``reviewgen stats`` counts what an editor would count."""

from __future__ import annotations

import csv
import io
import json
import re

from conftest import ROOT, SLUG, Finished, reviewgen

from reviewgen.writing.pages import section_files


def stats(*args: str) -> Finished:
    return reviewgen("stats", *args)


def test_json_counts_match_the_pages():
    rows = json.loads(stats("--format", "json").stdout)
    pages = section_files(ROOT / "content", SLUG)
    assert [row["section"] for row in rows][:2] == ["Home Secretary Foreword", "Executive Summary"]
    assert len(rows) == len(pages)
    assert sum(row["paragraphs"] for row in rows) == 268
    assert sum(row["rebuttals"] for row in rows) == sum(len(re.findall(r"^\[\^", p.read_text(encoding="utf-8"), re.M)) for p in pages)
    part_2 = next(row for row in rows if row["section"].startswith("Part 2"))
    assert part_2["paragraphs"] == 64 and part_2["answered"] <= part_2["paragraphs"] and part_2["rebuttal_words"] > 1000
    held = [row["section"].split(":")[0] for row in rows if row["part"] == "Part 3: Our ambition for the future"]
    assert held == ["Objective 1", "Objective 2", "Objective 3"]


def test_csv_and_table_agree():
    table = stats().stdout
    rows = list(csv.DictReader(io.StringIO(stats("--format", "csv").stdout)))
    assert rows[0].keys() >= {"review", "section", "paragraphs", "answered", "rebuttals", "rebuttal_words"}
    total = sum(int(row["rebuttals"]) for row in rows)
    assert re.search(rf"^All\s+268\s+\d+\s+{total}\s+\d+$", table, re.M)
