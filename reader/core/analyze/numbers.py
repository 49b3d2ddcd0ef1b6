"""Read Arabic and Chinese numerals (with 万/亿 multipliers) as exact Decimal values."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
             "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4,
               "千": Decimal(1000), "百": Decimal(100)}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG)

_ARABIC = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")


def parse_arabic(text: str) -> Decimal | None:
    """``1,234.5`` → Decimal('1234.5'); full-width digits are accepted."""
    cleaned = text.replace(",", "").replace("，", "")
    if not cleaned or not _ARABIC.match(text.replace("，", ",")):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def parse_chinese(text: str) -> Decimal | None:
    """``三百二十`` → 320, ``两万五千`` → 25000, ``二〇三五`` → 2035; None if not a numeral."""
    if not text or any(ch not in CN_DIGITS and ch not in CN_UNITS and ch not in CN_BIG
                       for ch in text):
        return None
    if text[0] in CN_BIG:
        return None
    if all(ch in CN_DIGITS for ch in text) and len(text) > 1:
        if len(text) == 4 or any(ch in "零〇○" for ch in text):
            return Decimal("".join(str(CN_DIGITS[ch]) for ch in text))  # 二〇三五, 一九八五
        return None  # 两三, 三四: an estimate, not one number
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in "零〇○":
            continue  # 一千零五: a placeholder between units
        if ch in CN_DIGITS:
            if digit is not None:
                return None  # 三四 without a unit between: not one numeral
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            big = CN_BIG[ch]
            total = (total + section) * big if total < big else total + section * big
            section, digit = 0, None
    return Decimal(total + section + (digit or 0))


def parse_number(text: str) -> Decimal | None:
    """An Arabic or Chinese numeral, or Arabic followed by multipliers (``1.5万``)."""
    if not text:
        return None
    if text[0].isdigit():
        head = re.match(r"[\d,.，]+", text)
        assert head is not None
        value = parse_arabic(head.group())
        rest = text[head.end():]
        if value is None:
            return None
        return _apply_multipliers(value, rest)
    return parse_chinese(text)


def _apply_multipliers(value: Decimal, rest: str) -> Decimal | None:
    while rest:
        for word in ("万亿", "亿", "万", "千", "百"):
            if rest.startswith(word):
                value *= MULTIPLIERS[word]
                rest = rest[len(word):]
                break
        else:
            return None
    return value


def as_plain(value: Decimal) -> int | float:
    """An int when the value is whole (1107000000), else a float (27.2)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
