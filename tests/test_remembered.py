"""The build's check remembers a source's conversion, and only for the very same inputs."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT, SLUG

from reviewgen.commands.check import converted_pages
from reviewgen.commands.remembered import remembering


def test_a_kept_conversion_is_read_back_for_the_same_source_and_made_again_for_an_edited_one(tmp_path):
    for suffix in (".txt", ".yml"):
        shutil.copy(ROOT / "sources" / f"{SLUG}{suffix}", tmp_path / f"{SLUG}{suffix}")
    source, kept = tmp_path / f"{SLUG}.txt", tmp_path / "kept"
    converted = remembering(kept)

    first = converted(source)
    assert first == converted_pages(source)
    (file,) = kept.glob("*.json")

    # What is read back is the kept file itself: marked, it comes back marked.
    file.write_text(json.dumps([[f"{SLUG}/index.md", "marked"]]), encoding="utf-8")
    assert converted(source) == [(f"{SLUG}/index.md", "marked")]

    # An edited source is converted again, and its conversion replaces the old one.
    source.write_text(source.read_text(encoding="utf-8").replace("are estimated to have", "are reckoned to have", 1), encoding="utf-8")
    again = converted(source)
    assert any("are reckoned to have" in text for _, text in again)
    assert [path.name for path in kept.glob("*.json")] != [file.name] and len(list(kept.glob("*.json"))) == 1

    # So is one whose configuration changed.
    config = tmp_path / f"{SLUG}.yml"
    config.write_text(config.read_text(encoding="utf-8") + "# checked again\n", encoding="utf-8")
    (before,) = kept.glob("*.json")
    assert converted(source) == again
    (after,) = kept.glob("*.json")
    assert after.name != before.name
