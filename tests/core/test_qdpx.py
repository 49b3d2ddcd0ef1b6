"""The REFI-QDA writer on its own: GUIDs, XML-safe text, passages that do not stand."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from reader.core.qdpx import (
    NAMESPACE,
    QdaCode,
    QdaNote,
    QdaSource,
    guid,
    one_line,
    place,
    project_xml,
    source_name,
    write_qdpx,
    xml_text,
)

Q = f"{{{NAMESPACE}}}"
TEXT = "南开区一季度完成全年预算27.2%\n第二段。"


def test_guids_are_stable_and_distinct() -> None:
    assert guid("article", 7) == guid("article", 7)
    assert guid("article", 7) != guid("article", 8) != guid("tag", 7)
    assert len(guid("note", "abc")) == 36


def test_xml_text_drops_what_xml_cannot_hold() -> None:
    assert xml_text("a\x00b\x01c\x08d\x0be\x0cf\x1fg\ufffeh\uffffi\ud800j") == "abcdefghij"
    assert xml_text("tab\tline\ncr\r") == "tab\tline\ncr\r"
    assert xml_text("𠀀 beyond the BMP") == "𠀀 beyond the BMP"


def test_names_are_one_short_line_without_file_name_trouble() -> None:
    assert one_line("a\n b\t\tc") == "a b c"
    assert len(one_line("长" * 200)) == 80 and one_line("长" * 200).endswith("…")
    source = QdaSource(1, 'a/b\\c:d*e?f"g<h>i|j', date="2024-08-30")
    assert source_name(source, "") == "2024-08-30 a_b_c_d_e_f_g_h_i_j"
    assert source_name(QdaSource(2, ""), "正文开头") == "正文开头"


def test_a_passage_note_that_does_not_stand_becomes_a_note_on_the_article() -> None:
    notes = (QdaNote("a", "ok", 0, 3, "南开区"), QdaNote("b", "moved away", 0, 3, "别处"),
             QdaNote("c", "detached", -1, -1, "旧文"), QdaNote("d", "past the end", 5, 99, "x"),
             QdaNote("e", "whole"))
    placed = place(QdaSource(1, "t", notes=notes), TEXT)
    assert placed.length == len(TEXT)
    assert [(n.uid, n.start) for n in placed.notes] == [("a", 0), ("b", None), ("c", None),
                                                         ("d", None), ("e", None)]
    assert placed.notes[1].body == "“别处”\n\nmoved away"
    assert placed.notes[4].body == "whole"


def test_the_project_holds_every_part() -> None:
    source = place(QdaSource(3, "标题", "南开报", "2024-08-30", "01", "1234", "000_x",
                             "引用", "2024-09-01T00:00:00+00:00",
                             ((1, "2024-09-02T00:00:00+00:00"),),
                             (QdaNote("n1", "笔记", 0, 3, "南开区"), QdaNote("n2", "整篇"))),
                   TEXT)
    root = ET.fromstring(project_xml("p", "Baokan Reader", "2024-09-03T00:00:00+00:00",
                                     [QdaCode(1, "城市更新", "#e57373")],
                                     [(source, "2024-08-30 标题")]))
    assert root.find(f"{Q}CodeBook/{Q}Codes/{Q}Code").get("color") == "#E57373"
    [text_source] = root.iter(f"{Q}TextSource")
    values = {v.find(f"{Q}VariableRef").get("targetGUID"): v[1].text
              for v in text_source.iter(f"{Q}VariableValue")}
    assert values == {guid("variable", "paper"): "南开报", guid("variable", "date"): "2024-08-30",
                      guid("variable", "edition"): "01", guid("variable", "number"): "1234",
                      guid("variable", "issue"): "000_x"}
    passage, whole = text_source.findall(f"{Q}PlainTextSelection")
    assert (passage.get("startPosition"), passage.get("endPosition")) == ("0", "3")
    assert passage.find(f"{Q}Description").text == "笔记"
    assert (whole.get("startPosition"), whole.get("endPosition")) == ("0", str(len(TEXT)))
    assert text_source.find(f"{Q}NoteRef").get("targetGUID") == guid("note", "n2")
    assert root.find(f"{Q}Notes/{Q}Note/{Q}PlainTextContent").text == "整篇"


def test_a_date_that_is_not_a_day_is_no_date_value() -> None:
    root = ET.fromstring(project_xml("p", "o", "x", [], [(QdaSource(1, "t", date="2024-08"),
                                                          "t")]))
    assert root.find(f".//{Q}DateValue") is None
    assert root.get("creationDateTime") is None  # not an xsd:dateTime: left out


def test_a_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.qdpx"
    report = write_qdpx(target, "p", "o", "2024-09-03T00:00:00+00:00", [],
                        [(QdaSource(1, "t"), "x")], cancelled=lambda: True)
    assert report.cancelled and not target.exists() and list(tmp_path.iterdir()) == []


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    def sources():  # type: ignore[no-untyped-def]
        yield QdaSource(1, "t"), "x"
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_qdpx(tmp_path / "out.qdpx", "p", "o", "", [], sources())
    assert list(tmp_path.iterdir()) == []


def test_texts_are_written_as_given_without_bom(tmp_path: Path) -> None:
    target = tmp_path / "out.qdpx"
    write_qdpx(target, "p", "o", "", [], [(QdaSource(1, "t"), "\x01𠀀\n正文")])
    with zipfile.ZipFile(target) as archive:
        assert archive.read(f"Sources/{guid('article', 1)}.txt").decode("utf-8") == \
            "\x01𠀀\n正文"
