"""The ``baokan`` command as scripts use it: JSON out, exit status 2 on bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from reader.cli import cli
from tests.conftest import SAMPLES

SEED = SAMPLES / "002_5cd8125062b99eb2.txt"


def test_parse_prints_the_issue_json() -> None:
    result = CliRunner().invoke(cli, ["parse", str(SEED), "--no-analyze"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["format"] == "baokan.issue/1"
    assert document["source"]["name"] == SEED.name
    assert document["source"]["encoding"] == "utf-8"
    assert len(document["source"]["sha256"]) == 64
    assert document["issue"] == {"title": SEED.stem, "date": None, "edition": None,
                                 "number": None, "read_from": {}}
    first = document["articles"][0]
    assert first["title_lines"][1].startswith("(2024年8月30日")
    assert set(first) >= {"index", "kind", "title_lines", "title", "bylines", "duplicate_of",
                          "paragraphs", "entities", "figures"}
    assert first["paragraphs"][0] == {"kind": "text",
                                      "text": "中国共产党天津市南开区第十二届委员会第十次全体会议,于2024年8月30日召开。"}


def test_pretty_output_is_indented() -> None:
    result = CliRunner().invoke(cli, ["parse", str(SEED), "--no-analyze", "--pretty"])
    assert result.output.startswith('{\n  "format": "baokan.issue/1"')


def test_bad_file_exits_2_with_one_line_on_stderr(tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    done = subprocess.run([sys.executable, "-m", "reader", "parse", str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "baokan: photo.txt: not a text file (looks like a PNG image)"]


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt: cannot be read" in result.output


def test_bare_command_prints_the_outline_of_a_sample() -> None:
    result = CliRunner().invoke(cli, ["outline"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("000_14aa8d10cf9712b6")
    assert "南开区委常委会召开会议 — 周泽岚" in lines[1]


def test_parsing_does_not_load_qt() -> None:
    code = ("import sys; from reader.cli import cli; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_self_test_passes_offscreen() -> None:
    done = subprocess.run([sys.executable, "-m", "reader", "--self-test"], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == [
        "resources", "import", "analysis", "model", "search", "render", "export", "chart"]
    assert all(line.startswith("ok ") for line in lines[:-1])
    assert lines[-1].startswith("self-test: 8 passed, 0 failed")


def test_parse_of_a_non_utf8_file_name_prints_valid_utf8_json(tmp_path: Path) -> None:
    import os
    raw = os.fsencode(str(tmp_path)) + b"/\xb1\xa8\xbf\xaf_2024-08-30.txt"  # GBK bytes
    with open(raw, "wb") as handle:
        handle.write(SEED.read_bytes())
    done = subprocess.run([sys.executable, "-m", "reader", "parse", raw, "--no-analyze"],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout.decode("utf-8"))
    assert document["source"]["name"] == "\\xb1\\xa8\\xbf\\xaf_2024-08-30.txt"
    assert document["issue"]["date"] == "2024-08-30"


def test_analyze_loads_neither_the_library_nor_the_parser() -> None:
    code = ("import sys, io; sys.stdin = io.TextIOWrapper(io.BytesIO('南开区'.encode()));"
            "from reader.cli import cli\n"
            "try:\n    cli(['analyze'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('reader.library', 'sqlite_utils', 'reader.core.parse') "
            "if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert json.loads(result.stdout)["entities"][0]["text"] == "南开区"
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_the_lazily_listed_commands_are_the_librarys() -> None:
    from reader.cli import LIBRARY_COMMANDS
    from reader.commands import COMMANDS

    assert tuple(command.name for command in COMMANDS) == LIBRARY_COMMANDS
    result = CliRunner().invoke(cli, ["issues", "--help"])
    assert result.exit_code == 0 and "newest first" in result.output
