"""CSV export: BOM, quoting, round trip through the csv module, formula injection."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.csvout import DANGEROUS, format_number, neutralise, write_csv

HEADER = ["id", "title", "value", "note"]


def read_back(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def test_file_starts_with_bom_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    rows = [[1, "南开区委常委会召开会议", 3.5, "第一行\n第二行"],
            [2, '他说："好"，然后离开', 0.054, "逗号, 分号; 制表\t在中间"]]
    assert write_csv(path, HEADER, rows, numeric={"id", "value"}) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_back(path) == [
        HEADER,
        ["1", "南开区委常委会召开会议", "3.5", "第一行\n第二行"],
        ["2", '他说："好"，然后离开', "0.054", "逗号, 分号; 制表\t在中间"],
    ]


def test_no_bom_variant(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, HEADER, [[1, "天津", 2, ""]], bom=False)
    data = path.read_bytes()
    assert data.startswith(b'"id"')
    assert data.decode("utf-8").splitlines()[1] == '"1","天津","2",""'


def test_every_field_is_quoted_and_lines_end_in_crlf(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["a", "b"], [[None, 7]], numeric={"b"})
    assert path.read_bytes() == b'\xef\xbb\xbf"a","b"\r\n"","7"\r\n'


def test_values_are_formatted_for_spreadsheets() -> None:
    stream = io.StringIO()
    write_csv(stream, ["v"], [[None], [True], [False], [1107000000.0], [0.054], [1e-7],
                              [1e22], [-0.0], [float("nan")], [Decimal("1.500")],
                              [date(2024, 3, 1)], [datetime(2024, 3, 1, 8, 30)], [12]],
              numeric={"v"})
    cells = [row[0] for row in csv.reader(io.StringIO(stream.getvalue().lstrip("\ufeff")))]
    assert cells == ["v", "", "true", "false", "1107000000", "0.054", "0.0000001",
                     "10000000000000000000000", "0", "", "1.5", "2024-03-01",
                     "2024-03-01 08:30:00", "12"]


@pytest.mark.parametrize("value, text", [
    (1107000000.0, "1107000000"), (0.054, "0.054"), (-3.5, "-3.5"), (2.5e-5, "0.000025"),
    (123456789012345680.0, "123456789012345680"), (10, "10"), (Decimal("-0.10"), "-0.1"),
    (float("inf"), ""),
])
def test_format_number(value: float | int | Decimal, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize("cell", [
    "=1+1", "+86 22 1234", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx", "\nx",
    "＝１＋１", "＋１", "－１", "＠x", "=HYPERLINK(\"http://evil\")",
])
def test_dangerous_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    stream = io.StringIO()
    write_csv(stream, ["text"], [[cell]])
    assert list(csv.reader(io.StringIO(stream.getvalue())))[1] == ["'" + cell]


@pytest.mark.parametrize("cell", ["", "南开", "1+1", " =1", "'=1", "a=b", "3.5"])
def test_harmless_cells_are_kept(cell: str) -> None:
    assert neutralise(cell) == cell


def test_numeric_columns_keep_negative_numbers_other_columns_do_not() -> None:
    stream = io.StringIO()
    write_csv(stream, ["value", "text"],
              [[-3.5, "-3.5"], [-12, -12], ["-7", "=1+1"], ["-1+cmd", "+5"]],
              numeric=["value", "not_a_column"])
    rows = list(csv.reader(io.StringIO(stream.getvalue().lstrip("\ufeff"))))
    assert rows[1:] == [["-3.5", "'-3.5"], ["-12", "'-12"], ["-7", "'=1+1"],
                        ["'-1+cmd", "'+5"]]


def test_header_is_neutralised_too() -> None:
    stream = io.StringIO()
    write_csv(stream, ["=evil", "ok"], [])
    assert stream.getvalue() == '\ufeff"\'=evil","ok"\r\n'


def test_stream_bom_only_at_position_zero() -> None:
    stream = io.StringIO()
    stream.write("already here\r\n")
    write_csv(stream, ["a"], [["b"]])
    assert "\ufeff" not in stream.getvalue()
    fresh = io.StringIO()
    write_csv(fresh, ["a"], [["b"]], bom=False)
    assert not fresh.getvalue().startswith("\ufeff")


def test_stream_with_utf8_sig_encoding_gets_one_bom() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    write_csv(stream, ["a"], [["南开"]])
    stream.flush()
    assert raw.getvalue() == '\ufeff"a"\r\n"南开"\r\n'.encode()


def test_unseekable_stream_gets_no_bom() -> None:
    class Pipe(io.StringIO):
        def seekable(self) -> bool:
            return False

    pipe = Pipe()
    write_csv(pipe, ["a"], [["b"]])
    assert pipe.getvalue() == '"a"\r\n"b"\r\n'


def test_ragged_row_is_an_error() -> None:
    with pytest.raises(ValueError, match="row 2 has 1 cells but the header has 2"):
        write_csv(io.StringIO(), ["a", "b"], [[1, 2], [3]])


def test_rows_may_be_a_generator(tmp_path: Path) -> None:
    path = tmp_path / "gen.csv"
    count = write_csv(path, ["n"], ([i] for i in range(1000)), numeric={"n"})
    assert count == 1000
    assert read_back(path)[-1] == ["999"]


cells = st.text(st.characters(codec="utf-8"), max_size=20)


@given(st.lists(st.lists(cells, min_size=3, max_size=3), max_size=8), st.booleans())
def test_any_strings_round_trip_neutralised(rows: list[list[str]], bom: bool) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    assert write_csv(stream, ["a", "b", "c"], rows, bom=bom) == len(rows)
    stream.flush()
    data = raw.getvalue()
    assert data.startswith(b"\xef\xbb\xbf") == bom
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert back == [["a", "b", "c"], *[[neutralise(c) for c in row] for row in rows]]
    for row in back[1:]:
        for cell in row:
            assert cell[:1] not in DANGEROUS
