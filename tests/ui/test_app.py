"""The composition root: options, the offer to import samples, the bare command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import reader.app
from reader.app import build, parse_args
from reader.cli import cli
from reader.ui.settings import Settings


def test_empty_library_imports_samples_in_the_background(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    args = parse_args(["--db", str(tmp_path / "new.sqlite"), "--import-samples"])
    window, library = build(args, settings)
    qtbot.addWidget(window)
    importer = window.app_actions.importer
    assert importer.is_running()  # build() returned while the import goes on
    assert window.app_actions.progress.isVisible()
    with qtbot.waitSignal(importer.import_finished, timeout=60_000):
        pass
    assert not window.app_actions.progress.isVisible()
    assert len(library.issues()) == 5
    assert len(window.tree_model.issue_ids()) == 5
    assert "5" in window.statusBar().currentMessage()
    paper = window.proxy.index(0, 0)  # the first import opens the paper, as a start does
    qtbot.waitUntil(lambda: window.tree.isExpanded(paper))
    library.close()


def test_empty_library_asks_before_importing(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                             settings: Settings) -> None:
    asked = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(args)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window, library = build(parse_args(["--db", str(tmp_path / "new.sqlite")]), settings)
    qtbot.addWidget(window)
    assert len(asked) == 1
    assert library.issues() == []
    library.close()


def test_bare_command_runs_the_app_with_the_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        calls.append(argv)
        return 3

    monkeypatch.setattr(reader.app, "main", fake_main)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 3
    assert calls == [["--db", str(tmp_path / "x.sqlite")]]
