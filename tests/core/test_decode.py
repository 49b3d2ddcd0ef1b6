"""Decoding: every encoding users have gives the same items; bad files get a clear reason."""

from __future__ import annotations

import codecs
import gzip
import io
import time
import zipfile
from pathlib import Path

import pytest

from reader.core.decode import DecodeError, decode_bytes, read_file
from reader.core.issue_json import item_to_json
from reader.core.parse import parse_decoded, parse_text
from tests.conftest import SAMPLES

SEED = SAMPLES / "004_36bccf1ecea4941c.txt"


def _items(data: bytes, name: str = "x.txt") -> list[dict[str, object]]:
    return [item_to_json(i) for i in parse_decoded(decode_bytes(data, name)).items]


VARIANTS = {
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-8-crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "gb18030-crlf": lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    "old-mac-cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
}

EXPECTED_ENCODING = {
    "gb18030": "gb18030", "gbk": "gb18030", "utf-16-le-bom": "utf-16-le",
    "utf-16-be-bom": "utf-16-be", "utf-8-bom": "utf-8-sig", "utf-8-crlf": "utf-8",
    "gb18030-crlf": "gb18030", "old-mac-cr": "utf-8",
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("seed", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_encodings_and_line_endings_parse_to_identical_items(variant: str, seed: str) -> None:
    text = (SAMPLES / seed).read_text("utf-8")
    data = VARIANTS[variant](text)
    assert _items(data) == _items(text.encode("utf-8"))
    assert decode_bytes(data, seed).encoding == EXPECTED_ENCODING[variant]


def test_nul_bytes_are_removed_with_a_warning() -> None:
    text = SEED.read_text("utf-8")
    decoded = decode_bytes(text.replace("。", "。\x00", 3).encode("utf-8"), "nul.txt")
    assert "\x00" not in decoded.text
    assert any("NUL" in w for w in decoded.warnings)
    assert [item_to_json(i) for i in parse_decoded(decoded).items] == _items(text.encode())


def test_truncated_multibyte_character_at_the_end_is_dropped_with_a_warning() -> None:
    data = SEED.read_bytes().rstrip()
    data = data + "南".encode()[:2]
    decoded = decode_bytes(data, "cut.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.endswith("实现系统治理。")
    assert any("ends inside a character" in w for w in decoded.warnings)


def test_a_few_bad_bytes_in_the_middle_are_replaced_not_fatal() -> None:
    data = SEED.read_bytes()
    middle = data.index("会议还研究了其他事项".encode())
    damaged = data[:middle] + b"\xff\xfe\xfd" + data[middle:]
    decoded = decode_bytes(damaged, "damaged.txt")
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text
    assert any("replaced" in w for w in decoded.warnings)


def test_big5_falls_back_to_the_detector() -> None:
    text = "臺北市政府今日舉行記者會，宣布擴大推動城市更新計畫。\n" * 30
    decoded = decode_bytes(text.encode("big5"), "big5.txt")
    assert decoded.text == text
    assert "big5" in decoded.encoding.replace("_", "").lower()


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("issue.txt", "南开区委常委会召开会议")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t ", "only blank"),
        (_png(), "PNG image"),
        (_zip(), "zip archive"),
        (gzip.compress(b"hello" * 100), "gzip"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (bytes(range(256)) * 40, "binary data"),
        (bytes([0x81, 0x30, 0x81, 0xFF, 0xC3, 0x28] * 500), "too damaged"),
    ],
)
def test_bad_files_are_rejected_with_name_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as raised:
        decode_bytes(data, "bad.txt")
    message = str(raised.value)
    assert message.startswith("bad.txt: ")
    assert reason.lower() in message.lower()


def test_missing_file_and_folder_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(DecodeError, match=r"missing\.txt: cannot be read"):
        read_file(tmp_path / "missing.txt")
    with pytest.raises(DecodeError, match="is a folder"):
        read_file(tmp_path)


def test_fifty_megabytes_of_one_line_parse_as_one_fragment() -> None:
    line = "南开区深入开展消防安全集中除患攻坚大整治行动，" * 1_050_000
    decoded = decode_bytes(line.encode("utf-8"), "one-line.txt")
    assert len(decoded.text.encode("utf-8")) > 50_000_000
    issue = parse_decoded(decoded)
    assert [i.kind for i in issue.items] == ["fragment"]
    assert len(issue.items[0].paragraphs[0].text) == len(line)
    assert any("no article" in w for w in issue.warnings)


def test_a_file_of_only_bylines_gives_empty_articles_and_a_warning() -> None:
    issue = parse_text("■ 通讯员 王英浩\n\n■ 记者 张三 李四\n\n本报记者 王五\n")
    assert [i.bylines for i in issue.items] == [["王英浩"], ["张三", "李四"], ["王五"]]
    assert all(i.kind == "article" and not i.paragraphs for i in issue.items)
    assert sum("no text" in w for w in issue.warnings) == 3


def test_html_looking_text_is_kept_as_text_with_a_warning() -> None:
    html = "<html><body><h1>标题</h1><p>南开区召开会议。<img src=x onerror=alert(1)></p></body></html>"
    issue = parse_decoded(decode_bytes(html.encode(), "page.txt"))
    assert any("HTML" in w for w in issue.warnings)
    text = "".join(p.text for i in issue.items for p in i.paragraphs) + "".join(
        line for i in issue.items for line in i.title_lines
    )
    assert "<img src=x onerror=alert(1)>" in text


def _read_in_child(path: str) -> str:
    """read_file in a child process, so that a hang fails the test instead of the suite."""
    import subprocess
    import sys
    code = ("import sys\nfrom reader.core.decode import read_file, DecodeError\n"
            "try:\n    read_file(sys.argv[1])\nexcept DecodeError as e:\n    print(e)\n")
    done = subprocess.run([sys.executable, "-c", code, path], capture_output=True,
                          text=True, timeout=20, check=False)
    return done.stdout.strip()


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    import os
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _read_in_child(str(fifo)) == "pipe.txt: not a regular file (a named pipe)"


def test_a_device_is_refused_instead_of_read_without_limit() -> None:
    assert _read_in_child("/dev/zero") == "zero: not a regular file (a device)"


def _unblock_readers_of(fifo: Path, seconds: float = 5.0) -> None:
    """Open and close ``fifo`` for writing once a reader waits, so a blocked read ends."""
    import os
    import threading

    def writer() -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
                return
            except OSError:
                time.sleep(0.05)

    threading.Thread(target=writer, daemon=True).start()


def test_prepare_reports_a_fifo_as_failed(tmp_path: Path) -> None:
    import os

    from reader.core.pipeline import Failed, prepare
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _unblock_readers_of(fifo)  # without the check, prepare would wait here for a writer
    result = prepare(str(fifo), analyze=False)
    assert isinstance(result, Failed) and result.reason == "not a regular file (a named pipe)"
