"""Library subcommands of ``baokan``: import, issues, show, search, tag, note, export, backup."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click

from reader.cli_options import db_option
from reader.core.analyze import analysis_stamp
from reader.core.issue_details import compile_pattern
from reader.core.pipeline import CorrectionRows
from reader.core.splits import FixRow
from reader.core.tagcolors import stored_color
from reader.library import (
    EXPORTS,
    AnnotationError,
    Filters,
    ImportReport,
    IssueRow,
    Library,
    NoLibrary,
    QueryError,
    StorageError,
    lock_holder,
    repair_library,
)

F = TypeVar("F", bound=Callable[..., Any])
EXIT_BAD_INPUT = 2


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(function)


USER_ERRORS = (AnnotationError, QueryError, StorageError)
"""What is reported as one line (``baokan: …``) with exit status 2, never a traceback."""


def fail(message: object) -> None:
    click.echo(f"baokan: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def opened(db_path: Path | None, *, write: bool = True) -> Iterator[Library]:
    """Open the library; user errors become a one-line message and exit status 2.

    A command that only reads never creates a library ("no library at X"), and works on
    a read-only file or folder; one that writes refuses a read-only or damaged library
    with the reason and the way out.
    """
    try:
        library = _open(db_path, write)
    except USER_ERRORS as error:
        fail(error)
    if library.damage:
        click.echo(f"baokan: warning: {library.readonly_reason}", err=True)
    try:
        yield library
    except USER_ERRORS as error:
        fail(error)
    finally:
        library.close()


def _open(db_path: Path | None, write: bool) -> Library:
    if write:
        return Library(db_path)
    try:
        return Library(db_path, create=False)
    except StorageError as error:
        if "read" not in str(error) and "unable to open" not in str(error):
            raise
        return Library(db_path, readonly=True)


def stored_corrections(db_path: Path | None, file: Path, sha256: str
                       ) -> tuple[tuple[FixRow, ...], CorrectionRows]:
    """The split corrections of the issue imported from ``file`` (whose bytes hash to
    ``sha256``) and the entity corrections, from the library if there is one (never
    created here)."""
    try:
        library = _open(db_path, write=False)
    except NoLibrary:
        return (), ()
    except USER_ERRORS as error:
        click.echo(f"baokan: warning: corrections not applied: {error}", err=True)
        return (), ()
    try:
        return library.split_fix_rows_for_file(file, sha256), library.correction_rows()
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
@click.option("--paper", default=None,
              help="The paper (publication) these issues belong to; default: the name of "
                   "the imported folder (or of a file's folder).")
@db_option
@json_option
def import_command(paths: tuple[Path, ...], paper: str | None, db_path: Path | None,
                   as_json: bool) -> None:
    """Import issue files and folders (recursively, *.txt).

    An issue is known by its paper and its name in the paper (its path under the
    imported folder): the same paper and name with new text replaces the issue and keeps
    its tags and notes; the same file name in another paper is another issue.
    """
    def progress(done: int, total: int, name: str) -> None:
        if not as_json:
            click.echo(f"\r[{done}/{total}] {name[:60]:<60}", nl=False, err=True)

    with opened(db_path) as library:
        report = library.import_paths(list(paths), progress=progress, paper=paper)
    if not as_json:
        click.echo("", err=True)
    data = {key: value for key, value in asdict(report).items() if key != "changes"}
    emit(data, as_json, lambda: _print_report(report))
    if report.failed:
        sys.exit(EXIT_BAD_INPUT if not report.imported and not report.replaced else 1)


def _print_report(report: ImportReport) -> None:
    papers = ", ".join(f"{name} {count}" for name, count in sorted(report.papers.items()))
    click.echo(f"imported {len(report.imported)}, replaced {len(report.replaced)}, "
               f"skipped {len(report.skipped)} (already in the library), "
               f"failed {len(report.failed)}" + (f"; papers: {papers}" if papers else ""))
    for path in report.replaced:
        click.echo(f"  replaced: {report.names.get(path, path)} (same paper and name, new "
                   "text; tags and notes kept)")
    if report.backup:
        click.echo(f"  backup before replacing: {report.backup}")
    for path, reason in report.failed:
        click.echo(f"  failed: {Path(path).name}: {reason}")


@click.group("issues", invoke_without_command=True)
@db_option
@json_option
@click.pass_context
def issues_command(ctx: click.Context, db_path: Path | None, as_json: bool) -> None:
    """List the issues in the library, newest first (date, edition 版, number 期)."""
    if ctx.invoked_subcommand is not None:
        return
    with opened(db_path, write=False) as library:
        rows = library.issues()
    emit([asdict(r) for r in rows], as_json, lambda: echo_lines(
        f"{r.id:>6}  {r.paper}  {r.date or '----------'}{_edition_number(r)}  {r.title}  "
        f"({r.item_count} items)  {r.source_key}" for r in rows))


def _edition_number(row: IssueRow) -> str:
    return (f" 第{row.edition}版" if row.edition else "") + \
        (f" 第{row.number}期" if row.number else "")


NONE_WORDS = ("none", "-")
"""What clears a detail on the command line (``--date none``)."""


@issues_command.command("set")
@click.argument("issue_ids", metavar="[ISSUE]...", nargs=-1, type=int)
@click.option("--paper", default=None, help="All issues of this paper (with or instead of "
              "ISSUE ids).")
@click.option("--date", "date_", default=None, metavar="DATE",
              help="The date: 2024-08-30 (also 2024/8/30, 20240830, 2024年8月30日); none "
                   "clears it.")
@click.option("--edition", default=None, help="The edition / page (版次): 01, 3, A04; none "
              "clears it.")
@click.option("--number", default=None, help="The issue number (期): 1234; none clears it.")
@click.option("--pattern", default=None,
              help="Read the details from each issue's name, e.g. "
                   "'{date:%Y%m%d}_{edition}.txt' (see docs/cli.md); issues whose name does "
                   "not match are left alone.")
@click.option("--reset", is_flag=True,
              help="Forget your corrections: show what was read from names and text.")
@click.option("--dry-run", is_flag=True, help="Show what would be set; change nothing.")
@db_option
def issues_set(issue_ids: tuple[int, ...], paper: str | None, date_: str | None,
               edition: str | None, number: str | None, pattern: str | None, reset: bool,
               dry_run: bool, db_path: Path | None) -> None:
    """Set or correct the date, edition and number of issues.

    The values are kept by each issue's paper and name, so importing the issue again
    keeps them; --reset forgets them. Choose issues by id (baokan issues lists them)
    and/or all issues of --paper.

    \b
    Examples:
      baokan issues set 12 --date 2024-08-30 --edition 01 --number 1234
      baokan issues set 12 13 14 --date none        # these issues have no date
      baokan issues set --paper 南开报 --pattern '{date:%Y%m%d}_{edition}.txt'
      baokan issues set --paper 南开报 --pattern '{date:%Y/%m/%d}/{edition}.txt' --dry-run

    \b
    A pattern is the issue's file name with fields in braces:
      {date}             any date a name can hold (2024-08-30, 20240830, 2024年8月30日)
      {date:FORMAT}      a date written so: %Y year, %m month, %d day (two digits),
                         %-m, %-d (one or two digits), %% a percent sign
      {edition}          an edition / page (版次): 01, 3, A04
      {number}           an issue number (期): digits
      *                  any characters but /
      **                 any characters, / too
      {{ }}              the braces themselves
    Letters match in either case. A pattern without / is matched against the file
    name; with /, against the issue's path under its paper's folder (as baokan issues
    shows it). The whole name must match. An issue whose name does not match, or holds
    a date that does not exist, is left alone; the command says how many matched.
    """
    given = {name: value for name, value in
             (("date", date_), ("edition", edition), ("number", number)) if value is not None}
    if not issue_ids and paper is None:
        raise click.UsageError("name the issues: ISSUE ids (baokan issues lists them) or "
                               "--paper NAME")
    if not given and pattern is None and not reset:
        raise click.UsageError("nothing to set: give --date, --edition, --number, --pattern "
                               "or --reset")
    if reset and (given or pattern):
        raise click.UsageError("--reset forgets corrections; it takes no values")
    with opened(db_path, write=not dry_run) as library:
        rows = _chosen_issues(library, issue_ids, paper)
        values = {row.id: {k: None if v.strip().lower() in NONE_WORDS else v
                           for k, v in given.items()} for row in rows}
        if pattern is not None:
            values = _from_pattern(library, pattern, rows, values)
        if reset:
            if not dry_run:
                library.reset_issue_details([row.id for row in rows])
            click.echo(f"{'would forget' if dry_run else 'forgot'} the corrections of "
                       f"{_count(len(rows))}")
            return
        _apply(library, values, dry_run)


def _chosen_issues(library: Library, issue_ids: tuple[int, ...], paper: str | None
                   ) -> list[IssueRow]:
    rows = [library.issue(issue_id) for issue_id in dict.fromkeys(issue_ids)]
    if paper is not None:
        rows += [r for r in library.paper_issues(paper) if r.id not in set(issue_ids)]
    return rows


def _from_pattern(library: Library, pattern: str, rows: list[IssueRow],
                  values: dict[int, dict[str, str | None]]) -> dict[int, dict[str, str | None]]:
    """Each matching issue's values from the pattern (with the options' values added);
    issues whose name does not match are left out, and the count is told."""
    matches = library.pattern_matches(pattern, [row.id for row in rows])
    clash = sorted(set(compile_pattern(pattern).fields) & set(next(iter(values.values()), {})))
    if clash:
        raise click.UsageError(f"--{clash[0]} and the pattern's {{{clash[0]}}} both set "
                               f"the {clash[0]}; give one")
    found = {row.id: {name: m.details.value(name) for name in ("date", "edition", "number")
                      if m.details.value(name) is not None} | values[row.id]
             for row, m in matches if m.details is not None}
    problems = [(row, m.problem) for row, m in matches
                if m.details is None and m.problem != "the name does not match"]
    left = len(matches) - len(found)
    click.echo(f"pattern matched {len(found)} of {_count(len(matches))}"
               + (f"; {left} left alone" if left else ""), err=True)
    for row, problem in problems:
        click.echo(f"  left alone: {row.paper} / {row.source_key}: {problem}", err=True)
    return found


def _apply(library: Library, values: dict[int, dict[str, str | None]], dry_run: bool) -> None:
    values = library.check_issue_details(values)
    if not dry_run and values:
        library.set_issue_details(values)
    for issue_id, fields in values.items():
        row = library.issue(issue_id)
        said = ", ".join(f"{k} {v if v is not None else 'none'}" for k, v in fields.items())
        click.echo(f"{issue_id:>6}  {row.paper} / {row.source_key}: {said}")
    click.echo(f"{'would set' if dry_run else 'set'} {_count(len(values))}", err=True)


def _count(n: int) -> str:
    return f"{n} issue" if n == 1 else f"{n} issues"


@click.group("papers", invoke_without_command=True)
@db_option
@json_option
@click.pass_context
def papers_group(ctx: click.Context, db_path: Path | None, as_json: bool) -> None:
    """List the papers (publications) and how many issues each has."""
    if ctx.invoked_subcommand is not None:
        return
    with opened(db_path, write=False) as library:
        rows = library.papers()
    emit([{"id": i, "name": n, "issues": c} for i, n, c in rows], as_json,
         lambda: echo_lines(f"{c:>6}  {n}" for _, n, c in rows))


@papers_group.command("rename")
@click.argument("old")
@click.argument("new")
@db_option
def papers_rename(old: str, new: str, db_path: Path | None) -> None:
    """Rename a paper (onto an existing name: the two become one)."""
    with opened(db_path) as library:
        library.rename_paper(old, new)


@click.command("show")
@click.argument("article", type=int)
@db_option
@json_option
def show_command(article: int, db_path: Path | None, as_json: bool) -> None:
    """Print one article with its tags and notes."""
    with opened(db_path, write=False) as library:
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


@click.command("related")
@click.argument("article", type=int, required=False)
@click.option("--rebuild", is_flag=True,
              help="Make every article's band keys again from its text.")
@db_option
@json_option
def related_command(article: int | None, rebuild: bool, db_path: Path | None,
                    as_json: bool) -> None:
    """List the articles of other issues that print the same story as ARTICLE (a copy,
    a part of it such as a truncated copy, or an overlap such as a follow-up quoting it),
    the most similar first (found now, among the articles that share most band keys)."""
    if rebuild:
        with opened(db_path) as library:
            signed = library.rebuild_related()
        click.echo(f"{signed} articles indexed for related articles")
        if article is None:
            return
    if article is None:
        return fail("name an article (its id, as `baokan search` prints it), or --rebuild")
    with opened(db_path, write=False) as library:
        library.article(article)  # refuses an unknown id
        rows = library.related_articles(article)

    def human() -> None:
        if not rows:
            click.echo("no related articles in other issues")
        for row in rows:
            click.echo(f"[{row.article_id}] {row.paper} / {row.issue_name} "
                       f"{row.issue_date or ''} · {row.kind} {row.similarity:.0%} "
                       f"(shared {row.contained:.0%}) · {row.title}")

    emit([asdict(row) for row in rows], as_json, human)


REANALYZE_EVERY = 100
"""``baokan reanalyze`` prints a progress line after this many issues."""


@click.command("reanalyze")
@click.option("--all", "every", is_flag=True,
              help="Refresh every issue, not only those another analysis found.")
@db_option
@json_option
def reanalyze_command(every: bool, db_path: Path | None, as_json: bool) -> None:
    """Find the entities of stale issues again with this app's analysis.

    An issue is stale when its mentions were found by another entity analysis (an older
    model, features or rules; or imported before the library recorded it). Tags, notes,
    figures and your corrections are kept; each issue is refreshed in its own
    transaction, so an interrupted run can simply be run again.
    """
    began = time.perf_counter()
    with opened(db_path) as library:
        stale = library.stale_issue_ids()
        todo = library.all_issue_ids() if every else stale
        for done, issue_id in enumerate(todo, start=1):
            library.refresh_analysis(issue_id)
            if done % REANALYZE_EVERY == 0 or done == len(todo):
                click.echo(f"[{done}/{len(todo)}] issues refreshed", err=True)
    data = {"refreshed": len(todo), "stale": len(stale), "analysis": analysis_stamp(),
            "seconds": round(time.perf_counter() - began, 1)}
    emit(data, as_json, lambda: click.echo(
        f"refreshed {len(todo)} issues ({len(stale)} were stale) in {data['seconds']} s; "
        f"analysis: {data['analysis']}"))


@click.command("search")
@click.argument("query", default="")
@click.option("--tag", default=None, help="Only articles with this tag.")
@click.option("--entity", default=None, help="Only articles mentioning this entity.")
@click.option("--from", "date_from", default=None, help="Issues dated on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Issues dated on or before (YYYY-MM-DD).")
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["article", "photo", "fragment"]))
@click.option("--limit", default=20, show_default=True, help="Hits to show.")
@click.option("--offset", default=0, show_default=True,
              help="Hits to skip (the next page: --offset 20).")
@db_option
@json_option
def search_command(query: str, tag: str | None, entity: str | None, date_from: str | None,
                   date_to: str | None, kinds: tuple[str, ...], limit: int, offset: int,
                   db_path: Path | None, as_json: bool) -> None:
    """Search titles and bodies: words, "phrases", AND / OR / NOT."""
    filters = Filters(tag, entity, date_from, date_to, tuple(kinds))
    with opened(db_path, write=False) as library:
        if not query.strip() and filters == Filters():
            raise click.UsageError("give a query or at least one filter")
        page = library.search_page(query, filters, limit, offset)
    hits = page.hits

    def human() -> None:
        echo_lines(f"{h.article_id:>7}  {h.issue_date or '----------'}  "
                   f"{h.title or '(untitled)'}\n         {h.snippet}" for h in hits)
        shown = f"{offset + 1}–{offset + len(hits)}" if hits else "none"
        more = f"; --offset {offset + len(hits)} for more" \
            if offset + len(hits) < page.total else ""
        click.echo(f"{page.total} found, showing {shown}{more}", err=True)
    emit([asdict(h) for h in hits], as_json, human)


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
    with opened(db_path, write=False) as library:
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
    """Color a tag with one of the window's colors.

    COLOR is red, orange, yellow, green, cyan, blue, purple or gray (or 红 橙 黄 绿 青 蓝
    紫 灰), a #rrggbb value, or "" for none."""
    with opened(db_path) as library:
        library.set_tag_color(name, stored_color(color))


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
    with opened(db_path, write=False) as library:
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


# ---------------------------------------------------------------- split corrections

LINE_HELP = "the line: title:N, byline, paragraph:N or credit (N counts from 1)"


def parse_line(text: str) -> tuple[Any, int]:
    """``paragraph:3`` → ("paragraph", 2); a bad spec is a usage error."""
    where, _, number = text.partition(":")
    if where not in ("title", "byline", "paragraph", "credit"):
        raise click.BadParameter(f"{text!r}: {LINE_HELP}")
    if where in ("byline", "credit"):
        return where, 0
    try:
        index = int(number) - 1
    except ValueError:
        raise click.BadParameter(f"{text!r}: {LINE_HELP}") from None
    if index < 0:
        raise click.BadParameter(f"{text!r}: {LINE_HELP}")
    return where, index


@click.group("splits")
def splits_group() -> None:
    """The reader's corrections of how issues were split into articles."""


@splits_group.command("list")
@click.option("--issue", "issue_id", type=int, default=None, help="Only this issue's.")
@db_option
@json_option
def splits_list(issue_id: int | None, db_path: Path | None, as_json: bool) -> None:
    """List split corrections in the order they were made, and whether each applies."""
    with opened(db_path, write=False) as library:
        infos = library.split_fixes(issue_id)
    data = [{"id": i.record.id, "issue_id": i.record.issue_id, "issue": i.issue,
             "action": i.record.fix.action, "line": i.record.fix.line.text,
             "target": i.record.fix.target.text if i.record.fix.target else None,
             "what": i.text, "applies": i.applies, "reason": i.reason,
             "created": i.record.created} for i in infos]
    emit(data, as_json, lambda: echo_lines(
        f"{i.record.id:>6}  {i.issue}  {i.text}"
        + ("" if i.applies else f"  [does not apply: {i.reason}]") for i in infos))


@splits_group.command("add")
@click.argument("article", type=int)
@click.argument("action", type=click.Choice(
    ["split", "join", "title", "subhead", "body", "byline", "copy", "original"]))
@click.option("--line", "line", required=True, help=LINE_HELP.capitalize() + ".")
@click.option("--copy-of", "copy_of", type=int, default=None,
              help="For `copy`: the article this one is a copy of.")
@db_option
def splits_add(article: int, action: str, line: str, copy_of: int | None,
               db_path: Path | None) -> None:
    """Correct the split at a line of ARTICLE and apply it at once (notes and tags stay)."""
    where, index = parse_line(line)
    if action == "copy" and copy_of is None:
        raise click.BadParameter("`copy` needs --copy-of ARTICLE")
    with opened(db_path) as library:
        target = (copy_of, "paragraph" if library.article(copy_of).paragraphs else "title",
                  0) if copy_of is not None else None
        fix_id = library.correct_split(article, action, where, index, target)  # type: ignore[arg-type]
        click.echo(f"split correction {fix_id} applied")


@splits_group.command("remove")
@click.argument("fix_ids", type=int, nargs=-1, required=True)
@db_option
def splits_remove(fix_ids: tuple[int, ...], db_path: Path | None) -> None:
    """Remove split corrections; their issue is split again without them."""
    with opened(db_path) as library:
        for fix_id in fix_ids:
            library.remove_split_fix(fix_id)
            click.echo(f"split correction {fix_id} removed")


@click.group("export")
@db_option
def export_group(db_path: Path | None) -> None:
    """Export notes, tags, entities, figures or mentions as CSV, or a REFI-QDA project.

    The CSV files are UTF-8 with a BOM (Excel shows the Chinese), every field quoted.
    """


CSV_HELP = {
    "notes": "Notes with their passage, article, tags and citation.",
    "tags": "Tags on articles, one row per tagged article.",
    "entities": "Entities with their mention, article and issue counts.",
    "figures": "Figures (money, percentages, counts, dates) with their context.",
    "mentions": "One row per entity mention: paper, date, article, offsets, sentence.",
}


def _csv_command(what: str) -> click.Command:
    """``baokan export WHAT FILE`` (or ``-o FILE``, the older spelling) for one CSV."""
    @click.argument("file", type=click.Path(path_type=Path), required=False)
    @click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                  help="Where to write (the same as FILE).")
    @click.option("--no-bom", is_flag=True, help="UTF-8 without BOM (Excel wants the BOM).")
    @db_option
    def command(file: Path | None, output: Path | None, no_bom: bool,
                db_path: Path | None) -> None:
        target = file or output
        if target is None or (output is not None and output != target):
            raise click.UsageError("give the file to write once: FILE or -o FILE")
        with opened(db_path, write=False) as library:
            count = library.export_csv(what, target, bom=not no_bom)
        click.echo(f"{count} rows written to {target}")
    return click.command(what, help=CSV_HELP.get(what, f"The {what} as CSV."))(command)


for _what in EXPORTS:
    export_group.add_command(_csv_command(_what))


@export_group.command("qdpx")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--tag", default=None, help="Only the articles with this tag.")
@click.option("--paper", default=None, help="Only the articles of this paper.")
@click.option("--all", "every", is_flag=True,
              help="Every article, not only those with a tag or a note.")
@db_option
def export_qdpx(file: Path, tag: str | None, paper: str | None, every: bool,
                db_path: Path | None) -> None:
    """Write a REFI-QDA project (.qdpx) for QualCoder, ATLAS.ti, MAXQDA, NVivo …

    Tags become codes (with their colours), passage notes annotations of their passage,
    notes on a whole article memos, articles text sources with paper and date. By
    default the articles that carry a tag or a note are exported.
    """
    def progress(done: int, total: int, name: str) -> None:
        click.echo(f"\r[{done}/{total}] {name[:40]:<40}", nl=False, err=True)

    with opened(db_path, write=False) as library:
        report = library.export_qdpx(file, tag=tag, paper=paper, every=every,
                                     progress=progress)
    click.echo("", err=True)
    click.echo(f"{report.sources} articles, {report.codes} codes, {report.codings} codings, "
               f"{report.annotations} passage notes, {report.memos} article notes written "
               f"to {file}")


@click.group("annotations")
def annotations_group() -> None:
    """Export or merge all tags and notes as one JSON file."""


@annotations_group.command("export")
@click.argument("file", type=click.Path(path_type=Path))
@db_option
def annotations_export(file: Path, db_path: Path | None) -> None:
    with opened(db_path, write=False) as library:
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
@click.argument("file", type=click.Path(path_type=Path), required=False)
@click.option("--list", "list_them", is_flag=True, help="List the automatic backups.")
@click.option("--restore", "restore", default=None, metavar="N|FILE",
              help="Restore backup N of --list (1 = newest) or a backup FILE.")
@db_option
@json_option
def backup_command(file: Path | None, list_them: bool, restore: str | None,
                   db_path: Path | None, as_json: bool) -> None:
    """Copy the library (SQLite online backup): to FILE, or into its backups folder.

    Backups are also made automatically before an import replaces issues, before a
    schema upgrade and once a day when the window opens; the newest five are kept.
    """
    if list_them:
        with opened(db_path, write=False) as library:
            rows = library.backups()
        emit([{**asdict(b), "path": str(b.path)} for b in rows], as_json, lambda: echo_lines(
            [f"{n:>3}  {b.made}  {b.reason:<20} {b.size / 1e6:8.1f} MB  {b.path}"
             for n, b in enumerate(rows, 1)] or ["no backups yet"]))
        return
    with opened(db_path) as library:
        if restore is not None:
            source = _backup_named(library, restore)
            before = library.restore_backup(source)
            click.echo(f"restored {source}; the library as it was is kept in {before}")
        elif file is not None:
            click.echo(f"library copied to {library.backup(file)}")
        else:
            click.echo(f"library copied to {library.make_backup('manual')}")


def _backup_named(library: Library, name: str) -> Path:
    if name.isdigit():
        rows = library.backups()
        if not 1 <= int(name) <= len(rows):
            raise AnnotationError(f"no backup number {name} (baokan backup --list shows "
                                  f"{len(rows)})")
        return rows[int(name) - 1].path
    return Path(name)


@click.command("repair")
@db_option
@click.option("--keep-in-place", is_flag=True,
              help="Write the repaired copy beside the library instead of swapping it in.")
def repair_command(db_path: Path | None, keep_in_place: bool) -> None:
    """Copy what can be read of a damaged library into a new file; the old one is kept."""
    path = Path(Library.resolve_path(db_path))
    holder = lock_holder(path)
    if holder is not None:
        fail(f"Baokan Reader (process {holder}) has the library open; close it first")
    try:
        where, counts = repair_library(path, replace=not keep_in_place)
    except USER_ERRORS as error:
        fail(error)
    copied = ", ".join(f"{counts.get(t, 0)} {t}" for t in ("issues", "articles", "notes",
                                                            "article_tags", "tags"))
    click.echo(f"repaired: {copied} copied; {counts['lost']} unreadable rows left behind")
    if keep_in_place:
        click.echo(f"the repaired copy is {where}; the library {path} is unchanged")
    else:
        click.echo(f"the repaired library is {path}; the damaged file is kept as {where}")


COMMANDS = [import_command, issues_command, papers_group, show_command, related_command,
            reanalyze_command, search_command,
            tag_group, note_group, splits_group, export_group, annotations_group, backup_command,
            repair_command]
