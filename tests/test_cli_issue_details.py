"""``baokan issues set`` as a user types it: one issue, many, a pattern, and the messages
for what cannot be done."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reader.cli import cli
from tests.conftest import SAMPLES

ARTICLE = "标题{n}\n\n■ 记者 王芳\n\n正文{n}。\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """南开报: the five seeds (no date) and three files named by date and edition."""
    folder = tmp_path / "南开报"
    folder.mkdir()
    for seed in SAMPLES.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    for n, name in enumerate(["20240830_01.txt", "20240831_A04.txt", "20240230_02.txt"]):
        (folder / name).write_text(ARTICLE.format(n=n), encoding="utf-8")
    path = tmp_path / "lib.sqlite"
    assert run(path, "import", str(folder)).exit_code == 0
    return path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--db", str(db)])


def issues(db: Path) -> dict[str, dict[str, object]]:
    return {row["source_key"]: row for row in json.loads(run(db, "issues", "--json").output)}


def seed_id(db: Path) -> int:
    return int(issues(db)["000_14aa8d10cf9712b6.txt"]["id"])  # type: ignore[call-overload]


def test_set_one_issue(db: Path) -> None:
    result = run(db, "issues", "set", str(seed_id(db)), "--date", "2024年8月1日",
                 "--edition", "第3版", "--number", "总第12期")
    assert result.exit_code == 0, result.output
    assert "000_14aa8d10cf9712b6.txt: date 2024-08-01, edition 3, number 12" in result.stdout
    row = issues(db)["000_14aa8d10cf9712b6.txt"]
    assert (row["date"], row["edition"], row["number"], row["date_from"]) == \
        ("2024-08-01", "3", "12", "user")
    assert "2024-08-01 第3版 第12期  000_14aa8d10cf9712b6" in run(db, "issues").stdout


def test_none_clears_and_reset_forgets(db: Path) -> None:
    key = "20240831_A04.txt"
    issue = str(issues(db)[key]["id"])
    assert issues(db)[key]["date"] == "2024-08-31"
    assert run(db, "issues", "set", issue, "--date", "none").exit_code == 0
    assert (issues(db)[key]["date"], issues(db)[key]["date_from"]) == (None, "user")
    result = run(db, "issues", "set", issue, "--reset")
    assert result.exit_code == 0 and "forgot the corrections of 1 issue" in result.stdout
    assert (issues(db)[key]["date"], issues(db)[key]["date_from"]) == ("2024-08-31", "name")


def test_pattern_sets_what_matches_and_says_how_many(db: Path) -> None:
    result = run(db, "issues", "set", "--paper", "南开报", "--pattern",
                 "{date:%Y%m%d}_{edition}.txt")
    assert result.exit_code == 0, result.output
    assert "pattern matched 2 of 8 issues; 6 left alone" in result.stderr
    assert "left alone: 南开报 / 20240230_02.txt: “2024-02-30” is not a date: 2024-02 has " \
        "29 days" in result.stderr
    rows = issues(db)
    assert (rows["20240830_01.txt"]["date"], rows["20240830_01.txt"]["edition"]) == \
        ("2024-08-30", "01")
    assert rows["20240830_01.txt"]["edition_from"] == "user"
    assert rows["20240230_02.txt"]["date"] is None
    assert all(rows[p.name]["date"] is None for p in SAMPLES.glob("*.txt"))


def test_dry_run_changes_nothing(db: Path) -> None:
    before = issues(db)
    result = run(db, "issues", "set", "--paper", "南开报", "--pattern", "{date}_*.txt",
                 "--dry-run")
    assert result.exit_code == 0 and "would set 2 issues" in result.stderr
    assert issues(db) == before


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "2024-02-30"], "baokan: “2024-02-30” is not a date: 2024-02 has 29 days"),
    (["--date", "30/08/2024"], "is not a date; write it as 2024-08-30"),
    (["--number", "十二"], "“十二” is not an issue number"),
    (["--pattern", "{day}.txt"], "unknown field {day}"),
    (["--pattern", "{date}.txt", "--date", "2024-01-01"], "both set the date"),
    ([], "nothing to set"),
    (["--reset", "--date", "2024-01-01"], "--reset forgets corrections"),
])
def test_bad_input_says_why_and_changes_nothing(db: Path, args: list[str],
                                                message: str) -> None:
    before = issues(db)
    result = run(db, "issues", "set", str(seed_id(db)), *args)
    assert result.exit_code == 2 and message in result.output
    assert issues(db) == before


def test_unknown_issue_or_paper_and_no_choice(db: Path) -> None:
    result = run(db, "issues", "set", "9999", "--date", "2024-01-01")
    assert result.exit_code == 2
    assert "baokan: no issue 9999 (baokan issues lists them)" in result.stderr
    result = run(db, "issues", "set", "--paper", "人民日报", "--date", "2024-01-01")
    assert result.exit_code == 2 and "no paper named “人民日报”" in result.stderr
    result = run(db, "issues", "set", "--date", "2024-01-01")
    assert result.exit_code == 2 and "name the issues" in result.output


def test_the_correction_survives_re_import(db: Path, tmp_path: Path) -> None:
    key = "20240830_01.txt"
    issue = str(issues(db)[key]["id"])
    assert run(db, "issues", "set", issue, "--date", "2023-01-05").exit_code == 0
    (tmp_path / "南开报" / key).write_text(ARTICLE.format(n="新") + "又一段。\n", encoding="utf-8")
    result = run(db, "import", str(tmp_path / "南开报"))
    assert "replaced 1" in result.output
    assert (issues(db)[key]["date"], issues(db)[key]["date_from"]) == ("2023-01-05", "user")
