"""The issue → article tree model: structure, lazy fetching, labels, navigation."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from pytestqt.modeltest import ModelTester

from reader.library import Library
from reader.ui.issue_tree import (
    ID_ROLE,
    KIND_ROLE,
    REMOVED_ROLE,
    IssueTreeModel,
    first_words,
)
from tests.ui.conftest import article_titled, issue_rows


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, library: Library) -> None:
    model = IssueTreeModel(library)
    qtmodeltester.check(model)
    model.fetch_all()
    qtmodeltester.check(model)


def test_papers_then_years_then_issues(tmp_path: Path) -> None:
    for paper, dates in (("人民日报", ["2019-02-13", "2018-12-31"]), ("天津日报", [""])):
        for date in dates:
            path = tmp_path / paper / f"{date or 'undated'}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"标题{date}\n■ 记者 王芳\n正文{paper}{date}。\n", encoding="utf-8")
    library = Library(tmp_path / "lib.sqlite")
    library.import_paths([tmp_path / "人民日报", tmp_path / "天津日报"])
    model = IssueTreeModel(library)
    papers = [model.index(r, 0) for r in range(model.rowCount())]
    assert [(p.data(), p.data(KIND_ROLE)) for p in papers] == [("人民日报 (2)", "paper"),
                                                             ("天津日报 (1)", "paper")]
    years = [model.index(r, 0, papers[0]).data() for r in range(model.rowCount(papers[0]))]
    assert years == ["2019 (1)", "2018 (1)"]
    assert model.index(0, 0, papers[1]).data() == "No date (1)"
    month = model.index(0, 0, model.index(0, 0, papers[0]))
    assert (month.data(), month.data(KIND_ROLE)) == ("February (1)", "month")
    issue = model.index(0, 0, month)
    assert issue.data(KIND_ROLE) == "issue" and issue.data().startswith("2019-02-13 · ")
    assert model.parent(issue).parent().parent() == papers[0]


def test_removed_annotated_articles_are_listed_under_their_issue(library: Library) -> None:
    issue = library.issues()[0]
    article_id = library.articles(issue.id)[0][0]
    library.add_tag(article_id, "要留")
    library.db.execute("UPDATE articles SET removed = 1 WHERE id = ?", [article_id])
    model = IssueTreeModel(library)
    index = model.issue_index(issue.id)
    model.fetchMore(index)
    last = model.index(model.rowCount(index) - 1, 0, index)
    assert last.data(ID_ROLE) == article_id and last.data(REMOVED_ROLE)
    assert last.data().startswith("Removed from the file: ")
    assert "kept because it carries your tags or notes" in last.data(Qt.ItemDataRole.ToolTipRole)


def test_issues_newest_first_with_counts_and_children_fetched_lazily(library: Library) -> None:
    model = IssueTreeModel(library)
    issues = library.issues()
    rows = issue_rows(model)
    assert len(rows) == len(issues) == 5
    first = rows[0]
    assert first.data() == f"{issues[0].title} ({issues[0].item_count})"
    assert first.data(KIND_ROLE) == "issue"
    assert model.hasChildren(first) and model.rowCount(first) == 0
    assert model.canFetchMore(first)
    model.fetchMore(first)
    assert not model.canFetchMore(first)
    titles = [model.index(r, 0, first).data() for r in range(model.rowCount(first))]
    assert titles[0] == library.articles(issues[0].id)[0][2]


def test_photos_and_copies_are_marked_by_a_drawn_icon_not_an_emoji(qapp: object,
                                                                  library: Library) -> None:
    """A photo shows a camera drawn by the app (no emoji font needed); a duplicate says it is
    a copy; an ordinary article has no marker."""
    model = IssueTreeModel(library)
    model.fetch_all()
    rows = {}
    for issue in issue_rows(model):
        for child in range(model.rowCount(issue)):
            index = model.index(child, 0, issue)
            rows[index.data(ID_ROLE)] = (index.data(KIND_ROLE), index.data(),
                                         index.data(Qt.ItemDataRole.DecorationRole))
    photos = {label: icon for kind, label, icon in rows.values() if kind == "photo"}
    assert "海光MALL 等你来" in photos
    assert "日前,南开区碧桃文化节在长虹生态园正…" in photos
    assert all(isinstance(icon, QIcon) and not icon.isNull() for icon in photos.values())
    assert not any("📷" in label for _kind, label, _icon in rows.values())
    copies = [article_id for article_id, *_ in library.db.execute(
        "SELECT id FROM articles WHERE duplicate_of IS NOT NULL").fetchall()]
    assert copies
    for article_id in copies:
        _kind, label, icon = rows[article_id]
        assert label.startswith("(copy) ") and isinstance(icon, QIcon) and not icon.isNull()
    plain_article = article_titled(library, "南开区一季度完成全年预算27.2%")
    assert rows[plain_article][2] is None


def test_tooltip_lists_bylines(library: Library) -> None:
    model = IssueTreeModel(library)
    article_id = article_titled(library, "南开区一季度完成全年预算27.2%")
    index = model.article_index(article_id)
    assert index.isValid()
    assert "翟志华 石梦" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_neighbour_crosses_issues(library: Library) -> None:
    model = IssueTreeModel(library)
    issues = library.issues()
    last_of_first = library.articles(issues[0].id)[-1][0]
    first_of_second = library.articles(issues[1].id)[0][0]
    assert model.neighbour(last_of_first, 1) == first_of_second
    assert model.neighbour(first_of_second, -1) == last_of_first
    assert model.neighbour(None, 1) == library.articles(issues[0].id)[0][0]
    assert model.neighbour(library.articles(issues[-1].id)[-1][0], 1) is None


def test_reload_after_import_resets(library: Library) -> None:
    model = IssueTreeModel(library)
    model.fetch_all()
    model.reload()
    assert model.rowCount(issue_rows(model)[0]) == 0
    assert model.parent(QModelIndex()) == QModelIndex()


def test_first_words_cuts_long_text() -> None:
    assert first_words("▲短句") == "短句"
    assert first_words("一二三四五六七八九十一二三四五六七八九十", limit=5) == "一二三四五…"


def test_filter_proxy_passes_qtmodeltester(qtmodeltester: ModelTester, library: Library) -> None:
    from reader.ui.issue_tree import ArticleFilterProxy

    model = IssueTreeModel(library)
    model.fetch_all()
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    matches = library.tree_matches("派出所")
    proxy.set_filter("派出所", matches.ids, matches.issues, matches.counts)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() >= 1
    issue = issue_rows(proxy)[0]
    titles = [proxy.index(r, 0, issue).data() for r in range(proxy.rowCount(issue))]
    assert titles and all("派出所" in t or "南开" in t for t in titles)
