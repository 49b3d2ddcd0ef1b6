"""Arabic and Chinese numerals read exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reader.core.analyze.numbers import as_plain, parse_chinese, parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("十", 10), ("十二", 12), ("二十", 20), ("一百二十", 120), ("两万五千", 25000),
    ("三十万", 300000), ("一亿两千万", 120000000), ("百万", 1000000), ("一千零五", 1005),
    ("两", 2), ("八十", 80),
])
def test_chinese(text: str, value: int) -> None:
    assert parse_chinese(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("11.07亿", Decimal("1107000000")), ("1,234", Decimal(1234)), ("1.5万", Decimal(15000)),
    ("4万亿", Decimal(4 * 10**12)), ("１２", Decimal(12)),
])
def test_arabic_with_multipliers(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "三四", "两三", "abc", "1.2.3", "万万", "1万x"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_plain_values() -> None:
    assert as_plain(Decimal("1107000000.00")) == 1107000000
    assert isinstance(as_plain(Decimal("27.2")), float)
