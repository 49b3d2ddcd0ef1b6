"""The ``baokan`` command: the app by default, subcommands for scripting."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reader import __version__
from reader.cli_options import db_option

if TYPE_CHECKING:
    from reader.core.model import Entity, Figure

EXIT_BAD_INPUT = 2
_QUICK_EXIT: list[bool] = []
"""Not empty once a command has said its process may end without the interpreter's
teardown: ``main`` then ends it at once, the output flushed (``baokan analyze``: freeing
the word table and the memos, and the collector's last pass, are 1 % of its instructions)."""
LIBRARY_COMMANDS = ("import", "issues", "papers", "show", "related", "reanalyze", "search",
                    "tag", "note", "splits", "export", "annotations", "backup", "repair")
"""The names of ``reader.commands.COMMANDS`` (a test keeps both equal)."""


class _Commands(click.Group):
    """The ``baokan`` group; the library's commands (SQLite, the parser) are imported only
    when one of them is looked up, so ``baokan analyze`` starts in a fraction of the time
    (0.9 s of imports on the project machine, most of a small analysis)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LIBRARY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LIBRARY_COMMANDS and cmd_name not in self.commands:
            from reader.commands import COMMANDS

            for command in COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, invoke_without_command=True)
@click.version_option(__version__, prog_name="baokan")
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
              help="Library file for the window (default: $BAOKAN_DB or the user data dir).")
@click.option("--self-test", "self_test", is_flag=True,
              help="Check this installation offscreen (import, render, export) and exit.")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, self_test: bool) -> None:
    """Baokan Reader (报刊阅读器): read and annotate Chinese newspaper issues."""
    if self_test:
        from reader.selftest import run_self_test

        sys.exit(run_self_test(click.echo))
    if ctx.invoked_subcommand is None:
        _run_app(db_path)


def _run_app(db_path: Path | None) -> None:
    """Open the window; Qt is imported here so that scripting commands never load it."""
    from reader.app import main as run_app

    sys.exit(run_app(["--db", str(db_path)] if db_path is not None else []))


@cli.command()
def outline() -> None:
    """Print the outline of the first sample issue (items, titles, bylines)."""
    _show_sample_outline()


def _show_sample_outline() -> None:
    """Print the outline of a sample issue."""
    from reader.core.decode import read_file
    from reader.core.parse import parse_decoded
    from reader.core.resources import sample_issues

    sample = sample_issues()[0]
    issue = parse_decoded(read_file(sample))
    click.echo(f"{issue.title}  ({sample.name}, {len(issue.items)} items)")
    for item in issue.items:
        click.echo(_outline_line(item.index, item.kind, item.title, item.bylines,
                                 len(item.paragraphs), item.duplicate_of))


def _outline_line(index: int, kind: str, title: str, bylines: list[str],
                  paragraphs: int, duplicate_of: int | None) -> str:
    label = title or "(untitled)"
    extra = f" — {' '.join(bylines)}" if bylines else ""
    dup = f" [duplicate of {duplicate_of}]" if duplicate_of is not None else ""
    return f"  {index:>2} {kind:<8} {label}{extra} ({paragraphs} ¶){dup}"


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--no-analyze", is_flag=True, help="Skip entity and figure analysis.")
@click.option("--pretty", is_flag=True, help="Indent the JSON for reading.")
@click.option("--raw", is_flag=True,
              help="Ignore the corrections stored in the library (split and entity).")
@db_option
def parse(file: Path, no_analyze: bool, pretty: bool, raw: bool, db_path: Path | None) -> None:
    """Parse one issue FILE and print it as JSON (format baokan.issue/1).

    When the library holds this issue, its stored split corrections are applied (and the
    entity corrections), as on import; --raw shows the parser's own output."""
    from reader.core.analyze import analyze_issue
    from reader.core.decode import DecodeError, read_file
    from reader.core.issue_json import issue_to_json
    from reader.core.parse import parse_decoded
    from reader.core.pipeline import correct, corrections_from_rows

    try:
        issue = parse_decoded(read_file(file))
    except DecodeError as error:
        click.echo(f"baokan: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    fixes: tuple[Any, ...] = ()
    corrections: tuple[Any, ...] = ()
    if not raw:
        from reader.commands import stored_corrections

        fixes, corrections = stored_corrections(db_path, file, issue.source.sha256)
    if fixes:
        issue = correct(issue, fixes)
    if not no_analyze:
        analyze_issue(issue, corrections_from_rows(corrections))
    document = issue_to_json(issue)
    click.echo(json.dumps(document, ensure_ascii=False, indent=2 if pretty else None))


@cli.command()
@click.option("--pretty", is_flag=True, help="Indent the JSON for reading.")
def analyze(pretty: bool) -> None:
    """Read text on stdin; print its entities and figures as JSON (offsets into that text)."""
    import gc

    from reader.core.analyze import analyze_text

    # One text in, one answer out: the analysis makes no reference cycles worth collecting,
    # and the collector would walk its growing token and attribute lists again and again
    # (4-5 % of the instructions on the seeds).
    collecting = gc.isenabled()
    gc.disable()
    try:
        text = sys.stdin.buffer.read().decode("utf-8-sig", errors="replace")
        analysis = analyze_text(text)
        document = {"entities": [_fields(e) for e in analysis.entities],
                    "figures": [_fields(f) for f in analysis.figures]}
    finally:
        if collecting:
            gc.enable()
    click.echo(json.dumps(document, ensure_ascii=False, indent=2 if pretty else None))
    _QUICK_EXIT.append(True)


def _fields(mention: Entity | Figure) -> dict[str, Any]:
    """A mention's fields as a dict: ``asdict`` without its deep copy (the fields are plain
    values; a quarter of a second on 300,000 characters). ``Entity`` and ``Figure`` have
    no slots, so their ``__dict__`` holds exactly their fields, in order (set by
    ``__init__``): read as it is, without ``fields()`` (12 ms on 9,600 mentions)."""
    return vars(mention)


def main() -> None:
    """Entry point of the console script: library errors are one line and exit status 2."""
    try:
        cli()
    except SystemExit as stop:
        if _QUICK_EXIT and stop.code in (0, None):
            _exit_at_once()
        raise
    except Exception as error:
        if not _is_user_error(error):
            raise
        click.echo(f"baokan: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)


def _exit_at_once() -> None:
    """End the process now, with status 0: output flushed, nothing torn down (no atexit
    handlers run; none of ours are needed once a command's output is written)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _is_user_error(error: Exception) -> bool:
    """True for the library's expected errors (only its commands can raise them)."""
    commands = sys.modules.get("reader.commands")
    return commands is not None and isinstance(error, commands.USER_ERRORS)


if __name__ == "__main__":
    main()
