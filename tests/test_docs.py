"""The docs cannot drift from the code (sqlite-utils style): the CLI reference is the
commands' own help, every command is in the README's table, every column of the library
is described in docs/schema.md, and no doc links to a file that is not there."""

from __future__ import annotations

import re
from pathlib import Path

from reader.cli import cli
from reader.library import Library
from tools.update_cli_docs import commands, render

ROOT = Path(__file__).resolve().parent.parent
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_the_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == render(), \
        "docs/cli.md is out of date: run .venv/bin/python tools/update_cli_docs.py"


def test_every_command_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = "\n".join(line for line in readme.splitlines() if line.startswith("| `baokan"))
    missing = [path[0] for path in commands(cli, []) if len(path) == 1
               and f"`baokan {path[0]}" not in table and f"`baokan {path[0]} " not in table]
    assert missing == []


def test_every_column_of_the_library_is_described(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    schema = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    tables = [row[0] for row in library.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'articles_fts_%'")]
    missing = [f"{table}.{column[1]}" for table in tables
               for column in library.db.execute(f"PRAGMA table_info('{table}')")
               if not re.search(rf"`{column[1]}`|\b{column[1]}\b", schema)]
    missing += [table for table in tables if table not in schema]
    library.close()
    assert missing == []


def test_no_doc_links_to_a_missing_file() -> None:
    broken = [f"{doc.name}: {target}" for doc in DOCS
              for target in LINK.findall(doc.read_text(encoding="utf-8"))
              if "://" not in target and not (doc.parent / target).exists()]
    assert broken == []


def test_no_doc_sends_the_reader_to_the_team_notes() -> None:
    cited = [doc.name for doc in DOCS if re.search(r"PLATFORM\.md|DESIGN\.md|STYLE\.md",
                                                     doc.read_text(encoding="utf-8"))]
    assert cited == []
