"""Re-analysis after the entity analysis changed: an import stamps each issue with the
analysis that found its mentions; an issue with another stamp is refreshed in place, and
nothing the reader wrote (tags, notes, split and entity corrections) is touched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reader import commands
from reader.cli import cli
from reader.core.analyze import analysis_stamp
from reader.library import Library
from tests.conftest import SAMPLES
from tests.test_splits_library import GLUED

USER_DATA = {
    "notes": "SELECT * FROM notes ORDER BY id",
    "tags": "SELECT * FROM tags ORDER BY id",
    "article_tags": "SELECT * FROM article_tags ORDER BY article_id, tag_id",
    "entity_corrections": "SELECT * FROM entity_corrections ORDER BY id",
    "split_fixes": "SELECT * FROM split_fixes ORDER BY id",
    "issue_layouts": "SELECT * FROM issue_layouts ORDER BY issue_id",
    "issue_corrections": "SELECT * FROM issue_corrections ORDER BY 1, 2, 3",
    "articles": "SELECT * FROM articles ORDER BY id",
    "figures": "SELECT rowid, * FROM figures ORDER BY rowid",
}
MENTIONS = ("SELECT m.article_id, m.start, m.\"end\", e.type, e.name FROM entity_mentions m "
            "JOIN entities e ON e.id = m.entity_id ORDER BY 1, 2, 3, 4, 5")


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """The samples and a glued issue (for a split correction), imported."""
    folder = tmp_path / "issues"
    folder.mkdir()
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "glued.txt").write_text(GLUED, encoding="utf-8")
    lib = Library(tmp_path / "lib.sqlite")
    lib.import_paths([folder])
    return lib


def read(library: Library, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in library.db.execute(sql).fetchall()]


def forget_stamps(library: Library) -> None:
    with library.db.conn:
        library.db.execute("UPDATE issues SET analysis = ''")


def annotate(library: Library) -> tuple[str, str]:
    """Tags, notes, a split correction, a rejection and a merge; returns the rejected
    person and the merged alias."""
    issue = next(i for i in library.issues() if i.source_key == "glued.txt")
    glued = library.articles(issue.id)[0][0]
    library.add_tag(glued, "城市更新")
    library.add_note(glued, "义诊", 5, 10)
    library.correct_split(glued, "title", "paragraph", 2)
    some = library.issues()[0].id
    article = library.articles(some)[0][0]
    library.add_tag(article, "招商引资")
    library.add_note(article, "全文")
    person = next(e.name for e in library.entity_index() if e.type == "person")
    library.reject_entity("person", person)
    library.merge_entity("org", "南开区委", "中共南开区委")
    return person, "南开区委"


def names(library: Library) -> set[str]:
    return {str(row[4]) for row in read(library, MENTIONS)}


def test_an_import_stamps_its_issues_with_the_current_analysis(library: Library) -> None:
    stamps = read(library, "SELECT DISTINCT analysis FROM issues")
    assert stamps == [(analysis_stamp(),)]
    assert library.stale_issue_count() == 0 and library.stale_issue_ids() == []


def test_issues_of_another_analysis_are_stale_until_refreshed(library: Library) -> None:
    before = read(library, MENTIONS)
    forget_stamps(library)
    stale = library.stale_issue_ids()
    assert stale == library.all_issue_ids() and library.stale_issue_count() == 6
    seen = []
    library.subscribe(seen.append)
    assert all(library.refresh_analysis(issue_id) for issue_id in stale)
    assert library.stale_issue_count() == 0
    assert read(library, MENTIONS) == before  # the same analysis finds the same mentions
    assert seen and all(changes.entities for changes in seen)
    assert library.refresh_analysis(9999) is False


def test_a_refresh_replaces_an_old_analysis_and_drops_its_entities(library: Library) -> None:
    issue_id = max(library.all_issue_ids(), key=lambda i: len(library.articles(i)))
    ids = [article_id for article_id, _, _ in library.articles(issue_id)]
    expected = read(library, MENTIONS)
    with library.db.conn:  # what an older model found: another entity, some missed
        library.db.execute("INSERT INTO entities (type, name) VALUES ('person', '旧模型')")
        library.db.execute(
            "UPDATE OR IGNORE entity_mentions SET entity_id = (SELECT id FROM entities "
            "WHERE name = '旧模型') WHERE article_id = ?", [ids[0]])
        library.db.execute("DELETE FROM entity_mentions WHERE article_id = ?", [ids[1]])
        library.db.execute("UPDATE issues SET analysis = 'features 2' WHERE id = ?", [issue_id])
    assert library.stale_issue_ids() == [issue_id]
    library.refresh_analysis(issue_id)
    assert read(library, MENTIONS) == expected
    assert read(library, "SELECT * FROM entities WHERE name = '旧模型'") == []


def test_a_refresh_keeps_everything_the_reader_wrote(library: Library) -> None:
    person, alias = annotate(library)
    kept = {name: read(library, sql) for name, sql in USER_DATA.items()}
    mentions = read(library, MENTIONS)
    assert person not in names(library) and alias not in names(library)
    assert "中共南开区委" in names(library)
    forget_stamps(library)
    for issue_id in library.stale_issue_ids():
        library.refresh_analysis(issue_id)
    assert {name: read(library, sql) for name, sql in USER_DATA.items()} == kept
    assert read(library, MENTIONS) == mentions  # the corrections apply to the new mentions
    assert person not in names(library) and alias not in names(library)
    assert library.stale_issue_count() == 0


def reanalyze(library: Library, *args: str) -> Result:
    path = str(library.path)
    library.close()
    return CliRunner().invoke(cli, ["reanalyze", "--db", path, *args])


def test_the_command_refreshes_the_stale_issues(library: Library,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "REANALYZE_EVERY", 2)
    forget_stamps(library)
    with library.db.conn:
        library.db.execute("UPDATE issues SET analysis = ? WHERE id = 1", [analysis_stamp()])
    path = library.path
    result = reanalyze(library)
    assert result.exit_code == 0, result.output
    assert "[2/5] issues refreshed" in result.stderr and "[5/5]" in result.stderr
    assert result.stdout.startswith("refreshed 5 issues (5 were stale)")
    again = Library(path)
    assert again.stale_issue_count() == 0
    again.close()
    data = json.loads(reanalyze(Library(path), "--json").stdout)
    assert (data["refreshed"], data["stale"], data["analysis"]) == (0, 0, analysis_stamp())
    data = json.loads(reanalyze(Library(path), "--all", "--json").stdout)
    assert (data["refreshed"], data["stale"]) == (6, 0)
