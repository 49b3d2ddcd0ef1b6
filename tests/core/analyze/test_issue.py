"""analyze_issue fills every item from its paragraphs; the CLI prints the analysis."""

from __future__ import annotations

import json

from click.testing import CliRunner

from reader.cli import cli
from reader.core.analyze import analyze_issue
from reader.core.model import Issue, Item, Paragraph, Source
from tests.conftest import SAMPLES


def test_analyze_issue_fills_items_with_paragraph_offsets() -> None:
    item = Item(0, "article", title_lines=["南开区委常委会召开会议"], bylines=["周泽岚"],
                paragraphs=[Paragraph("text", "日前,南开区委常委会召开会议。"),
                            Paragraph("text", "通讯员周泽岚报道,投入11.07亿元。")])
    issue = Issue("t", None, Source("x.txt", "", "utf-8"), [item])
    analyze_issue(issue)
    assert [(e.type, e.text, e.paragraph) for e in item.entities] == [
        ("org", "南开区委常委会", 0), ("person", "周泽岚", 1)]
    assert [(f.text, f.paragraph) for f in item.figures] == [("11.07亿元", 1)]
    for mention in [*item.entities, *item.figures]:
        text = item.paragraphs[mention.paragraph].text
        assert text[mention.start:mention.end] == mention.text


def test_titles_are_not_analyzed() -> None:
    item = Item(0, "article", title_lines=["南开区一季度完成全年预算27.2%"])
    analyze_issue(Issue("t", None, Source("x.txt", "", "utf-8"), [item]))
    assert item.entities == [] and item.figures == []


def test_cli_analyze_reads_stdin() -> None:
    result = CliRunner().invoke(cli, ["analyze"], input="南开区投资促进局投入11.07亿元。")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["entities"][0] == {"type": "org", "text": "南开区投资促进局", "paragraph": 0,
                                       "start": 0, "end": 8, "canonical": "南开区投资促进局"}
    assert document["figures"][0]["value"] == 1107000000


def test_cli_analyze_pretty_and_empty_input() -> None:
    result = CliRunner().invoke(cli, ["analyze", "--pretty"], input="")
    assert result.exit_code == 0
    assert json.loads(result.output) == {"entities": [], "figures": []}


def test_cli_parse_analyzes_unless_told_not_to() -> None:
    seed = str(SAMPLES / "001_1b695556b851ef73.txt")
    analyzed = json.loads(CliRunner().invoke(cli, ["parse", seed]).output)
    plain = json.loads(CliRunner().invoke(cli, ["parse", seed, "--no-analyze"]).output)
    police = next(a for a in analyzed["articles"] if "王顶堤" in a["title"])
    assert {"type": "org", "text": "公安南开分局王顶堤派出所"}.items() <= police["entities"][0].items()
    assert all(not a["entities"] and not a["figures"] for a in plain["articles"])
