"""Bad input: one line naming the file (and line), exit code 2, nothing written."""

from __future__ import annotations


import pytest

from conftest import Finished, reviewgen


def run(*args: str) -> Finished:
    return reviewgen(*args)


def make_missing(tmp_path):
    return tmp_path / "nowhere.txt"


def make_empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n \n")
    return path


def make_directory(tmp_path):
    path = tmp_path / "a-folder"
    path.mkdir()
    return path


def make_latin1(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("<p>1. First</p>\t\n<p>2. The fee is \u00a330 \u2013 no more</p>\t\n".encode("cp1252"))
    return path


def make_binary(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return path


CASES = [
    (make_missing, "no such file", None),
    (make_empty, "empty", None),
    (make_directory, "directory", None),
    (make_latin1, "not UTF-8", 2),
    (make_binary, "binary", 3),  # the first NUL byte is on line 3
]


@pytest.mark.parametrize("make, says, line", CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_input_is_one_clear_line_and_exit_2_with_nothing_written(tmp_path, make, says, line):
    source = make(tmp_path)
    out = tmp_path / "out"
    result = run("convert", str(source), "--out", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert says in message
    assert str(source) in message
    if line is not None:
        assert f"{source}:{line}:" in message
    assert not out.exists()


def test_bad_configuration_names_the_file_and_line(tmp_path):
    source = tmp_path / "review.txt"
    source.write_text("<p>1. First paragraph of the original.</p>\t<p>A rebuttal.</p>\n", encoding="utf-8")
    (tmp_path / "review.yml").write_text("title: fine\noriginal: [unclosed\n", encoding="utf-8")
    result = run("convert", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{tmp_path / 'review.yml'}:" in result.stderr
    assert not (tmp_path / "out").exists()
