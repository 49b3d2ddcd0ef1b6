"""Library subcommands of ``baokan``: import, issues, show, search, tag, note, export, backup."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click

from reader.library import (
    AnnotationError,
    Filters,
    ImportReport,
    Library,
    QueryError,
)

F = TypeVar("F", bound=Callable[..., Any])
EXIT_BAD_INPUT = 2


def db_option(function: F) -> F:
    """Add ``--db PATH`` (default: $BAOKAN_DB, else the user data dir)."""
    return click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
                        help="Library file (default: $BAOKAN_DB or the user data dir).")(function)


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(function)


@contextmanager
def opened(db_path: Path | None) -> Iterator[Library]:
    """Open the library; user errors become a one-line message and exit status 2."""
    library = Library(db_path)
    try:
        yield library
    except (AnnotationError, QueryError) as error:
        click.echo(f"baokan: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    finally:
        library.close()


def echo_lines(lines: Iterable[str]) -> None:
    for line in lines:
        click.echo(line)


def emit(data: Any, as_json: bool, human: Callable[[], object]) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))
    else:
        human()


# ---------------------------------------------------------------- import and reading


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@json_option
def import_command(paths: tuple[Path, ...], db_path: Path | None, as_json: bool) -> None:
    """Import issue files and folders (recursively, *.txt)."""
    def progress(done: int, total: int, name: str) -> None:
        if not as_json:
            click.echo(f"\r[{done}/{total}] {name[:60]:<60}", nl=False, err=True)

    with opened(db_path) as library:
        report = library.import_paths(list(paths), progress=progress)
    if not as_json:
        click.echo("", err=True)
    emit(asdict(report), as_json, lambda: _print_report(report))
    if report.failed:
        sys.exit(EXIT_BAD_INPUT if not report.imported and not report.replaced else 1)


def _print_report(report: ImportReport) -> None:
    click.echo(f"imported {len(report.imported)}, replaced {len(report.replaced)}, "
               f"skipped {len(report.skipped)} (already in the library), "
               f"failed {len(report.failed)}")
    for path, reason in report.failed:
        click.echo(f"  failed: {Path(path).name}: {reason}")


@click.command("issues")
@db_option
@json_option
def issues_command(db_path: Path | None, as_json: bool) -> None:
    """List the issues in the library, newest first."""
    with opened(db_path) as library:
        rows = library.issues()
    emit([asdict(r) for r in rows], as_json, lambda: echo_lines(
        f"{r.id:>6}  {r.date or '----------'}  {r.title}  ({r.item_count} items)"
        for r in rows))


@click.command("show")
@click.argument("article", type=int)
@db_option
@json_option
def show_command(article: int, db_path: Path | None, as_json: bool) -> None:
    """Print one article with its tags and notes."""
    with opened(db_path) as library:
        row = library.article(article)
        tags = library.article_tags(article)
        notes = library.notes(article)
    data = {**asdict(row), "tags": tags, "notes": [asdict(n) for n in notes]}

    def human() -> None:
        click.echo(f"[{row.id}] {row.issue_title} {row.issue_date or ''} · {row.kind}")
        for line in row.title_lines:
            click.echo(f"  {line}")
        if row.byline or row.credit:
            click.echo(f"  {row.byline or row.credit}")
        if tags:
            click.echo(f"  tags: {', '.join(tags)}")
        click.echo("")
        click.echo(row.body)
        for note in notes:
            where = f"“{note.quote}”" if note.quote else "(whole article)"
            click.echo(f"\n  note {note.id} [{note.status}] {where}: {note.body}")

    emit(data, as_json, human)


@click.command("search")
@click.argument("query", default="")
@click.option("--tag", default=None, help="Only articles with this tag.")
@click.option("--entity", default=None, help="Only articles mentioning this entity.")
@click.option("--from", "date_from", default=None, help="Issues dated on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Issues dated on or before (YYYY-MM-DD).")
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["article", "photo", "fragment"]))
@click.option("--limit", default=20, show_default=True)
@db_option
@json_option
def search_command(query: str, tag: str | None, entity: str | None, date_from: str | None,
                   date_to: str | None, kinds: tuple[str, ...], limit: int,
                   db_path: Path | None, as_json: bool) -> None:
    """Search titles and bodies: words, "phrases", AND / OR / NOT."""
    filters = Filters(tag, entity, date_from, date_to, tuple(kinds))
    with opened(db_path) as library:
        if not query.strip() and filters == Filters():
            raise click.UsageError("give a query or at least one filter")
        hits = library.search(query, filters, limit)
    emit([asdict(h) for h in hits], as_json, lambda: echo_lines(
        f"{h.article_id:>7}  {h.issue_date or '----------'}  {h.title or '(untitled)'}"
                   f"\n         {h.snippet}" for h in hits))


# ---------------------------------------------------------------- tags and notes


@click.group("tag")
def tag_group() -> None:
    """Add, remove, list and rename tags."""


@tag_group.command("add")
@click.argument("article", type=int)
@click.argument("names", nargs=-1, required=True)
@db_option
def tag_add(article: int, names: tuple[str, ...], db_path: Path | None) -> None:
    with opened(db_path) as library:
        for name in names:
            library.add_tag(article, name)
        click.echo(f"{article}: {', '.join(library.article_tags(article))}")


@tag_group.command("remove")
@click.argument("article", type=int)
@click.argument("names", nargs=-1, required=True)
@db_option
def tag_remove(article: int, names: tuple[str, ...], db_path: Path | None) -> None:
    with opened(db_path) as library:
        for name in names:
            library.remove_tag(article, name)
        click.echo(f"{article}: {', '.join(library.article_tags(article)) or '(no tags)'}")


@tag_group.command("list")
@db_option
@json_option
def tag_list(db_path: Path | None, as_json: bool) -> None:
    with opened(db_path) as library:
        rows = library.tags()
    emit([asdict(t) for t in rows], as_json,
         lambda: echo_lines(f"{t.count:>6}  {t.name}  {t.color}" for t in rows))


@tag_group.command("rename")
@click.argument("old")
@click.argument("new")
@db_option
def tag_rename(old: str, new: str, db_path: Path | None) -> None:
    """Rename a tag (onto an existing name: merge the two)."""
    with opened(db_path) as library:
        library.rename_tag(old, new)


@tag_group.command("merge")
@click.argument("sources", nargs=-1, required=True)
@click.option("--into", "target", required=True)
@db_option
def tag_merge(sources: tuple[str, ...], target: str, db_path: Path | None) -> None:
    with opened(db_path) as library:
        library.merge_tags(list(sources), target)


@tag_group.command("delete")
@click.argument("name")
@db_option
def tag_delete(name: str, db_path: Path | None) -> None:
    with opened(db_path) as library:
        library.delete_tag(name)


@tag_group.command("color")
@click.argument("name")
@click.argument("color")
@db_option
def tag_color(name: str, color: str, db_path: Path | None) -> None:
    with opened(db_path) as library:
        library.set_tag_color(name, color)


@click.group("note")
def note_group() -> None:
    """Add, list and delete notes."""


@note_group.command("add")
@click.argument("article", type=int)
@click.argument("text")
@click.option("--start", type=int, default=None, help="Passage start (character offset).")
@click.option("--end", type=int, default=None, help="Passage end (character offset).")
@click.option("--quote", default=None, help="Passage given by its text (first occurrence).")
@click.option("--color", default="", help="Highlight color, e.g. #ffd54f.")
@db_option
def note_add(article: int, text: str, start: int | None, end: int | None, quote: str | None,
             color: str, db_path: Path | None) -> None:
    with opened(db_path) as library:
        if quote is not None:
            found = library.article(article).body.find(quote)
            if found < 0 or not quote:
                raise AnnotationError(f"the article does not contain “{quote}”")
            start, end = found, found + len(quote)
        click.echo(library.add_note(article, text, start, end, color))


@note_group.command("list")
@click.argument("article", type=int, required=False)
@db_option
@json_option
def note_list(article: int | None, db_path: Path | None, as_json: bool) -> None:
    with opened(db_path) as library:
        rows = library.notes(article)
    emit([asdict(n) for n in rows], as_json, lambda: echo_lines(
        f"{n.id:>6}  article {n.article_id}  [{n.status}]  "
                   f"{('“' + n.quote + '”') if n.quote else '(whole article)'}  {n.body}"
        for n in rows))


@note_group.command("delete")
@click.argument("note_id", type=int)
@db_option
def note_delete(note_id: int, db_path: Path | None) -> None:
    with opened(db_path) as library:
        library.delete_note(note_id)


# ---------------------------------------------------------------- export, share, backup


@click.command("export")
@click.argument("what", type=click.Choice(["notes", "tags", "entities", "figures"]))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--no-bom", is_flag=True, help="UTF-8 without BOM (Excel wants the BOM).")
@db_option
def export_command(what: str, output: Path, no_bom: bool, db_path: Path | None) -> None:
    """Export notes, article tags, entities or figures as CSV."""
    with opened(db_path) as library:
        count = library.export_csv(what, output, bom=not no_bom)
    click.echo(f"{count} rows written to {output}")


@click.group("annotations")
def annotations_group() -> None:
    """Export or merge all tags and notes as one JSON file."""


@annotations_group.command("export")
@click.argument("file", type=click.Path(path_type=Path))
@db_option
def annotations_export(file: Path, db_path: Path | None) -> None:
    with opened(db_path) as library:
        counts = library.export_annotations(file)
    click.echo(", ".join(f"{v} {k}" for k, v in counts.items()) + f" written to {file}")


@annotations_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, exists=True))
@db_option
def annotations_import(file: Path, db_path: Path | None) -> None:
    with opened(db_path) as library:
        counts = library.import_annotations(file)
    click.echo("merged: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@click.command("backup")
@click.argument("file", type=click.Path(path_type=Path))
@db_option
def backup_command(file: Path, db_path: Path | None) -> None:
    """Copy the library to FILE (SQLite online backup)."""
    with opened(db_path) as library:
        click.echo(f"library copied to {library.backup(file)}")


COMMANDS = [import_command, issues_command, show_command, search_command, tag_group,
            note_group, export_command, annotations_group, backup_command]
