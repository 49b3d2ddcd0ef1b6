"""The docs cannot drift from the code: the CLI reference is the commands' own help, and
every command is explained in the user guide or the file formats."""

from __future__ import annotations

from pathlib import Path

from reader.cli import cli
from tools.update_cli_docs import commands, render

ROOT = Path(__file__).resolve().parent.parent


def test_the_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == render(), \
        "docs/cli.md is out of date: run .venv/bin/python tools/update_cli_docs.py"


def test_every_command_is_explained_beyond_its_help() -> None:
    prose = "".join((ROOT / "docs" / name).read_text(encoding="utf-8")
                    for name in ("user-guide.md", "formats.md", "schema.md"))
    prose += (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [" ".join(path) for path in commands(cli, [])
               if len(path) == 1 and f"baokan {path[0]}" not in prose]
    assert missing == []
