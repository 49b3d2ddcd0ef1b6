"""Write CSV that opens cleanly in Excel, pandas and R: BOM, every field quoted, no formulas."""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TextIO, cast

BOM = "\ufeff"

DANGEROUS = frozenset("=+-@\t\r\n＝＋－＠")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, plus the
full-width forms that some spreadsheets also accept)."""

_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def neutralise(cell: str) -> str:
    """``cell`` with a ``'`` in front when a spreadsheet would run it as a formula."""
    return "'" + cell if cell[:1] in DANGEROUS else cell


def format_number(value: int | float | Decimal) -> str:
    """A number as plain digits: no exponent, no trailing ``.0``; NaN and infinities as ""."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if isinstance(value, Decimal) and not value.is_finite():
        return ""
    text = format(Decimal(repr(value)) if isinstance(value, float) else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _text(value: object) -> str:
    """The cell text of any value, before neutralising."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return format_number(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _cell(value: object, numeric: bool) -> str:
    """One cell; in a numeric column a number (or text that is one) stays as it is."""
    kind = type(value)
    if kind is str:  # the common cells first: a text and a whole number (the mentions CSV)
        text = cast(str, value)
        return text if numeric and _PLAIN_NUMBER.fullmatch(text) else neutralise(text)
    if kind is int:
        return str(value) if numeric else neutralise(str(value))
    text = _text(value)
    if numeric and (_PLAIN_NUMBER.fullmatch(text) or _is_number(value)):
        return text
    return neutralise(text)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _at_start(stream: TextIO) -> bool:
    """Whether a BOM written now would open the stream (and the codec adds none itself)."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    try:
        return encoding != "utf-8-sig" and stream.seekable() and stream.tell() == 0
    except (OSError, ValueError):
        return False


def _write_rows(stream: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]],
                numeric: Collection[str]) -> int:
    writer = csv.writer(stream, quoting=csv.QUOTE_ALL)
    writer.writerow([neutralise(str(name)) for name in header])
    flags = [name in numeric for name in header]
    count = 0
    for count, row in enumerate(rows, 1):
        if len(row) != len(flags):
            raise ValueError(f"row {count} has {len(row)} cells but the header has "
                             f"{len(flags)}")
        writer.writerow([_cell(value, flag) for value, flag in zip(row, flags, strict=True)])
    return count


def write_csv(target: str | Path | TextIO, header: Sequence[str],
              rows: Iterable[Sequence[object]], *, bom: bool = True,
              numeric: Collection[str] = ()) -> int:
    """Write ``header`` and ``rows`` as CSV; returns the number of rows (header not counted).

    A path is written as UTF-8 with a BOM (``bom=False``: without), CRLF line ends.
    A text stream gets a BOM character only if ``bom``, it is seekable and at position 0,
    and its encoding is not ``utf-8-sig`` (which writes its own); a pipe gets none.
    Every field is quoted. None is an empty cell, booleans are true/false, numbers are
    plain digits (1107000000, 0.054), dates ISO 8601. Text that a spreadsheet would run
    as a formula gets a leading ``'``; in the columns named in ``numeric`` (names not in
    the header are ignored) numbers, and text that is a plain number, are left alone.
    A row whose length differs from the header's raises ValueError (rows before it are
    already written).
    """
    if isinstance(target, str | Path):
        encoding = "utf-8-sig" if bom else "utf-8"
        with open(target, "w", encoding=encoding, newline="") as stream:
            return _write_rows(stream, header, rows, numeric)
    if bom and _at_start(target):
        target.write(BOM)
    return _write_rows(target, header, rows, numeric)
