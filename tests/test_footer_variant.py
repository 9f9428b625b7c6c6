"""Another organisation's garbled footer converts with no code or configuration change."""

from __future__ import annotations

import random
import re

from conftest import SEED, Review
from test_seed_document import FOOTER_LINES

from reviewgen.commands.convert import convert

GARBLED = [
    "Scrutiny Watch commentary", "SCRUTINY WATCH COMMENTARY", "Scrutny Watch commentary",
    "Scrutiny  Watch commentry", "Scrutiny Watch", "Scrutinee Watch Commentary",
    "scrutiny watch commentary", "Scrutiny Wash commentary", "Scrutiny Watch comentary",
]


def test_a_different_garbled_footer_is_still_furniture(tmp_path):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    chooser = random.Random(7)
    for number in sorted(FOOTER_LINES):
        lines[number - 1] = chooser.choice(GARBLED)
    # one footer broken over two lines, as exports do
    first = min(FOOTER_LINES)
    lines[first - 1] = "Scrutiny\n Watch commentary"
    source = tmp_path / "variant.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "content"

    summary = convert(source, out)

    assert summary.paragraphs == 268
    assert summary.furniture == len(FOOTER_LINES) + 1
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert not re.search(r"scrut|watch comm", text, re.IGNORECASE)
    review = Review(out, "variant")
    assert review.numbered() == list(range(1, 269))
    assert "Nothing about substantiations" in review.rebuttals["para-44"]
