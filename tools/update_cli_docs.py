"""Write docs/cli.md: every ``baokan`` command with its ``--help``, as the CLI prints it.

The reference is generated so it cannot drift from the code (as sqlite-utils does with
cog); ``tests/test_docs.py`` fails when it is out of date.

Run: .venv/bin/python tools/update_cli_docs.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from reader.cli import cli

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "cli.md"
HEAD = """# Command-line reference

`baokan` with no command opens the window. The commands that use the library take
`--db PATH` before or after the command name (default: `$BAOKAN_DB`, else the library in
the user data folder); the ones that only read never create a library. Errors are one line
on stderr with exit status 2. This page is generated from the commands' own help by
`tools/update_cli_docs.py`.
"""


def commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    """Every command path under ``group``, depth first, in name order."""
    found: list[list[str]] = []
    ctx = click.Context(group)
    for name in sorted(group.list_commands(ctx)):  # the lazily loaded ones too
        command = group.get_command(ctx, name)
        if command is None:
            continue
        found.append([*prefix, name])
        if isinstance(command, click.Group):
            found += commands(command, [*prefix, name])
    return found


def render() -> str:
    runner = CliRunner()
    parts = [HEAD]
    for path in [[], *commands(cli, [])]:
        result = runner.invoke(cli, [*path, "--help"], prog_name="baokan", terminal_width=88)
        title = " ".join(["baokan", *path])
        parts.append(f"\n## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="Exit 1 if docs/cli.md is stale.")
    args = parser.parse_args()
    text = render()
    if args.check:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print("docs/cli.md is out of date: run tools/update_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
