"""Issue dates in the window: the paper → year → month → issue tree, the "Set date…" menu
and dialog (one issue, many, a pattern with its preview), undo, and nothing invented."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.library import Library
from reader.ui.issue_details import IssueDetailsDialog, PatternPreview
from reader.ui.issue_tree import ID_ROLE, KIND_ROLE, ArticleFilterProxy, IssueTreeModel
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.conftest import SAMPLES
from tests.ui.conftest import issue_rows

ARTICLE = "{title}\n\n■ 记者 王芳\n\n{title}的正文，2019年3月5日以来的变化。\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def dated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two papers with dated issues (by folders, by page headers) and the undated seeds."""
    root = tmp_path_factory.mktemp("dated")
    nankai, tianjin = root / "南开报", root / "天津日报"
    write(nankai / "2024" / "08" / "30" / "01.txt", ARTICLE.format(title="八月三十日头版"))
    write(nankai / "2024" / "08" / "30" / "02.txt", ARTICLE.format(title="八月三十日二版"))
    write(nankai / "2024" / "07" / "15" / "01.txt", ARTICLE.format(title="七月十五日头版"))
    write(nankai / "2023" / "12" / "29" / "01.txt", ARTICLE.format(title="去年年底"))
    write(tianjin / "tj-0829.txt", "天津日报\n2024年8月29日 星期四 第1234期\n\n"
          + ARTICLE.format(title="天津日报报道"))
    for seed in SAMPLES.glob("*.txt"):
        shutil.copy(seed, nankai / seed.name)
    path = root / "lib.sqlite"
    library = Library(path)
    library.import_paths([nankai, tianjin])
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    return path


@pytest.fixture
def dated(dated_db: Path, tmp_path: Path) -> Library:
    shutil.copyfile(dated_db, tmp_path / "lib.sqlite")
    library = Library(tmp_path / "lib.sqlite")
    yield library
    library.close()


def children(model: object, parent: QModelIndex) -> list[str]:
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]  # type: ignore[attr-defined]


def group(model: IssueTreeModel, *labels: str) -> QModelIndex:
    index = QModelIndex()
    for label in labels:
        index = next(model.index(r, 0, index) for r in range(model.rowCount(index))
                     if model.index(r, 0, index).data().startswith(label))
    return index


def seed_ids(library: Library) -> list[int]:
    names = {p.name for p in SAMPLES.glob("*.txt")}
    return [row.id for row in library.issues() if row.source_key in names]


def test_tree_groups_paper_year_month_issue(qtmodeltester: ModelTester, dated: Library) -> None:
    model = IssueTreeModel(dated)
    qtmodeltester.check(model)
    assert children(model, QModelIndex()) == ["南开报 (9)", "天津日报 (1)"]
    assert children(model, group(model, "南开报")) == ["2024 (3)", "2023 (1)", "No date (5)"]
    assert children(model, group(model, "南开报", "2024")) == ["August (2)", "July (1)"]
    august = group(model, "南开报", "2024", "August")
    assert august.data(KIND_ROLE) == "month"
    assert children(model, august) == ["2024-08-30 · ed. 01 · 01 (1)",
                                       "2024-08-30 · ed. 02 · 02 (1)"]
    assert children(model, group(model, "天津日报", "2024", "August")) == \
        ["2024-08-29 · no. 1234 · tj-0829 (1)"]
    undated = group(model, "南开报", "No date")
    assert model.rowCount(undated) == 5
    assert all(model.index(r, 0, undated).data(KIND_ROLE) == "issue" for r in range(5))
    tip = model.index(0, 0, august).data(Qt.ItemDataRole.ToolTipRole)
    assert "2024/08/30/01.txt" in tip and "Date: 2024-08-30 (read from its folders)" in tip
    assert "Set date" in model.index(0, 0, undated).data(Qt.ItemDataRole.ToolTipRole)
    model.fetch_all()
    qtmodeltester.check(model)


def test_filter_and_navigation_cross_months(qtmodeltester: ModelTester, dated: Library) -> None:
    model = IssueTreeModel(dated)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    matches = dated.tree_matches("头版")
    proxy.set_filter("头版", matches.ids, matches.issues)
    qtmodeltester.check(proxy)
    shown = issue_rows(proxy)
    assert len(shown) == 2 and all(index.parent().data(KIND_ROLE) == "month" for index in shown)
    ids = [row.id for row in dated.issues()]
    last_of_august = dated.articles(ids[1])[-1][0]
    assert model.neighbour(last_of_august, 1) == dated.articles(ids[2])[0][0]  # into July


def test_undated_group_menu_opens_the_dialog_for_its_issues(
        qtbot: QtBot, dated: Library, settings: Settings) -> None:
    window = MainWindow(dated, settings)
    qtbot.addWidget(window)
    model, proxy = window.tree_model, window.proxy
    undated = proxy.mapFromSource(group(model, "南开报", "No date"))
    menu = window.tree_pane.menu_for(undated)
    assert menu is not None
    action = menu.findChild(type(menu.actions()[0]), "setIssueDetails")
    assert action.text() == "Set dates of 5 issues…" and action.isEnabled()
    with qtbot.waitSignal(window.tree_pane.details_requested) as asked:
        action.trigger()
    assert sorted(asked.args[0]) == sorted(seed_ids(dated))
    dialog = window.details_dialog
    assert isinstance(dialog, IssueDetailsDialog) and dialog.isVisible()
    assert len(dialog.rows) == 5 and not dialog.date_box.isChecked()
    dialog.accept()  # nothing filled in: nothing set, no date invented
    assert all(dated.issue(i).date is None for i in seed_ids(dated))


def test_one_undated_issue_gets_a_date_and_undo_takes_it_back(
        qtbot: QtBot, dated: Library, settings: Settings) -> None:
    window = MainWindow(dated, settings)
    qtbot.addWidget(window)
    seed = seed_ids(dated)[0]
    index = window.proxy.mapFromSource(window.tree_model.issue_index(seed))
    menu = window.tree_pane.menu_for(index)
    assert menu is not None and menu.actions()[0].text() == "Set date…"
    dialog = window.ask_issue_details([seed])
    assert dialog is not None and not dialog.date_box.isChecked()
    assert not dialog.date_edit.isEnabled()
    assert "No date was found" in dialog.origins[0].text()
    dialog.date_box.setChecked(True)
    dialog.date_edit.setDate(QDate(2024, 5, 20))
    dialog.edition_edit.setText("第4版")
    dialog.accept()
    row = dated.issue(seed)
    assert (row.date, row.date_from, row.edition, row.number) == ("2024-05-20", "user", "4", None)
    may = group(window.tree_model, "南开报", "2024", "May")
    assert window.tree_model.index(0, 0, may).data(ID_ROLE) == seed
    assert window.tree_model.index(0, 0, may).data().startswith("2024-05-20 · ed. 4 · 00")
    assert window.history.stack.undoText() == "Set the date of an issue"
    window.history.stack.undo()
    assert dated.issue(seed).date is None and dated.issue(seed).date_from == ""
    assert window.tree_model.rowCount(group(window.tree_model, "南开报", "No date")) == 5
    window.history.stack.redo()
    assert dated.issue(seed).date == "2024-05-20"


def test_a_read_value_left_alone_is_not_stored_as_a_correction(qtbot: QtBot,
                                                               dated: Library) -> None:
    issue = next(r.id for r in dated.issues() if r.source_key == "2024/08/30/01.txt")
    dialog = IssueDetailsDialog(dated, [issue])
    qtbot.addWidget(dialog)
    assert dialog.date_box.isChecked() and dialog.date_edit.date() == QDate(2024, 8, 30)
    assert dialog.edition_edit.text() == "01"
    assert dialog.origins[0].text() == "read from its folders"
    dialog.number_edit.setText("77")
    assert dialog.chosen_values() == {issue: {"number": "77"}}


def test_bad_values_keep_the_dialog_open_with_the_reason(qtbot: QtBot, dated: Library) -> None:
    dialog = IssueDetailsDialog(dated, seed_ids(dated)[:1])
    qtbot.addWidget(dialog)
    dialog.number_edit.setText("十二")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "not an issue number" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText


def test_pattern_preview_shows_what_each_issue_gets(qtbot: QtBot, qtmodeltester: ModelTester,
                                                    dated: Library) -> None:
    ids = [row.id for row in dated.issues() if row.paper == "南开报"]
    dialog = IssueDetailsDialog(dated, ids)
    qtbot.addWidget(dialog)
    dialog.use_pattern("{date:%Y/%m/%d}/{edition}.txt")
    preview = dialog.preview
    qtmodeltester.check(preview)
    assert preview.rowCount() == 9 and preview.matched() == 4
    assert dialog.pattern_status.text() == \
        "4 of 9 issues match; the others are left as they are."
    rows = {preview.index(r, 0).data(): [preview.index(r, c).data() for c in range(1, 4)]
            for r in range(preview.rowCount())}
    assert rows["2024/08/30/02.txt"] == ["2024-08-30", "02", ""]
    assert rows["000_14aa8d10cf9712b6.txt"][0] == "left alone: the name does not match"
    dialog.pattern_edit.setText("{when}.txt")
    assert "unknown field {when}" in dialog.pattern_status.text() and preview.rowCount() == 0
    dialog.pattern_edit.setText("{date:%Y/%m/%d}/{edition}.txt")
    values = dialog.chosen_values()
    assert len(values) == 4 and all(v["edition"] in ("01", "02") for v in values.values())


def test_preview_model_alone(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(PatternPreview())


def test_tree_labels_in_chinese(dated: Library) -> None:
    from reader.ui import i18n

    i18n.set_language(i18n.CHINESE)
    try:
        model = IssueTreeModel(dated)
        assert children(model, group(model, "南开报")) == ["2024 (3)", "2023 (1)", "未注明日期 (5)"]
        august = group(model, "南开报", "2024", "8月")
        assert children(model, august)[0] == "2024-08-30 · 第01版 · 01 (1)"
        assert children(model, group(model, "天津日报", "2024", "8月")) == \
            ["2024-08-29 · 第1234期 · tj-0829 (1)"]
    finally:
        i18n.set_language(i18n.ENGLISH)


def test_the_filter_opens_matches_through_years_and_months(
        qtbot: QtBot, dated: Library, settings: Settings) -> None:
    window = MainWindow(dated, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.tree_pane.filter_applied, timeout=10_000):
        window.tree_pane.filter_edit.setText("头版")
    shown = issue_rows(window.proxy)
    assert len(shown) == 2
    for issue in shown:
        assert window.tree.isExpanded(issue) and window.proxy.rowCount(issue) == 1
        assert window.tree.isExpanded(issue.parent())  # its month
        assert window.proxy.index(0, 0, issue).data().endswith("头版")
    assert sorted(issue.parent().data() for issue in shown) == ["August (1)", "July (1)"]
    window.tree_pane.filter_edit.setText("")
    assert len(issue_rows(window.proxy)) == 10


def test_no_date_is_shown_as_none_and_read_only_disables_the_menu(
        qtbot: QtBot, dated: Library, settings: Settings) -> None:
    seed = seed_ids(dated)[0]
    dialog = IssueDetailsDialog(dated, [seed])
    qtbot.addWidget(dialog)
    assert dialog.date_edit.text() == "no date" and not dialog.date_edit.isEnabled()
    dialog.date_box.setChecked(True)
    assert dialog.date_edit.text() != "no date"
    dialog.date_box.setChecked(False)
    assert dialog.chosen_values() == {}
    window = MainWindow(dated, settings)
    qtbot.addWidget(window)
    window.tree_pane.read_only = True
    index = window.proxy.mapFromSource(window.tree_model.issue_index(seed))
    menu = window.tree_pane.menu_for(index)
    assert menu is not None and not menu.actions()[0].isEnabled()
