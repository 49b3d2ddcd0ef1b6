"""Turn the bytes of an issue file into text: detect the encoding, reject what is not text."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

MAX_BYTES = 256 * 1024 * 1024
"""Files larger than this are refused rather than read into memory."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NEWLINES = re.compile(r"\r\n?")


class DecodeError(ValueError):
    """A file that cannot be read as an issue; the message names the file and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass
class Decoded:
    """The text of a file, the encoding it was read in, its hash and what was repaired."""

    name: str
    text: str
    encoding: str
    sha256: str
    warnings: list[str] = field(default_factory=list)


def read_file(path: str | Path) -> Decoded:
    """Read and decode one issue file; raise DecodeError with a clear reason if it cannot be.

    Only regular files are read: a named pipe would wait for a writer for ever and a
    device (``/dev/zero``) never ends, so both are refused before they are opened.
    """
    data, name = read_bytes(path)
    return decode_bytes(data, name)


def read_bytes(path: str | Path) -> tuple[bytes, str]:
    """The bytes of one issue file and its name for messages (see ``read_file``)."""
    path = Path(path)
    name = display_name(path.name)
    try:
        info = path.stat()
        _refuse_special(info, name)
        if info.st_size > MAX_BYTES:
            raise DecodeError(name, f"file is too large ({info.st_size // 2**20} MB)")
        data = _read_regular(path, name)
    except OSError as error:
        raise DecodeError(name, f"cannot be read ({error.strerror or error})") from None
    return data, name


def display_name(name: str) -> str:
    """``name`` as valid text: bytes of a non-UTF-8 file name become ``\\xb1`` escapes.

    Python keeps such bytes as lone surrogates, which no UTF-8 output (JSON, the
    library file, the window) can hold.
    """
    if name.isascii():
        return name
    raw = name.encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "backslashreplace")


def _refuse_special(info: os.stat_result, name: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise DecodeError(name, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise DecodeError(name, f"not a regular file ({_special_kind(info.st_mode)})")


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "an unusual kind of file"


def _read_regular(path: Path, name: str) -> bytes:
    """Read at most MAX_BYTES; check again on the open file (it may have been swapped)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with open(descriptor, "rb", closefd=True) as handle:
        info = os.fstat(handle.fileno())
        _refuse_special(info, name)
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DecodeError(name, f"file is too large (over {MAX_BYTES // 2**20} MB)")
    return data


def decode_bytes(data: bytes, name: str, sha256: str = "") -> Decoded:
    """Decode the bytes of an issue file named ``name``.

    UTF-8 (with or without BOM), UTF-16/32 with BOM and GB18030 (which covers GBK and
    GB2312) are recognised directly; anything else goes to charset-normalizer. Line
    endings become ``\\n`` and NUL bytes are removed, each with a warning.
    """
    if not data.strip():
        raise DecodeError(name, "file is empty" if not data else "file holds only blank space")
    warnings: list[str] = []
    text, encoding = _decode(data, name, warnings)
    text = _normalize(text, warnings)
    if not text.strip():
        raise DecodeError(name, "file holds no text")
    return Decoded(name, text, encoding, sha256 or hashlib.sha256(data).hexdigest(), warnings)


def _decode(data: bytes, name: str, warnings: list[str]) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], encoding, name, warnings)
    kind = _binary_kind(data)
    if kind:
        raise DecodeError(name, f"not a text file (looks like {kind})")
    for attempt in (_try_utf8, _try_gb18030, _try_detector):
        result = attempt(data, warnings)
        if result is not None:
            text, encoding = result
            _reject_binary_text(text, name)
            return text, encoding
    raise DecodeError(name, "too damaged to decode: not UTF-8, GB18030 or any known encoding")


def _decode_with_bom(
    body: bytes, encoding: str, name: str, warnings: list[str]
) -> tuple[str, str]:
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        return body.decode(codec), encoding
    except UnicodeDecodeError as error:
        if error.start >= len(body) - 4:
            warnings.append(f"the file ends inside a character; {len(body) - error.start} "
                            "byte(s) at the end were dropped")
            return body[: error.start].decode(codec), encoding
        bad = body.decode(codec, errors="replace").count("\ufffd")
        if bad * 1000 > len(body):
            raise DecodeError(name, f"too damaged to decode as {encoding} "
                              f"({bad} invalid sequences)") from None
        warnings.append(f"{bad} invalid byte sequence(s) replaced with U+FFFD")
        return body.decode(codec, errors="replace"), encoding


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if head.count(0) > len(head) // 4:
        return "binary data (many NUL bytes)"
    if len(_CONTROL_BYTES.findall(head)) * 10 > len(head):
        return "binary data (many control bytes)"
    return None


def _reject_binary_text(text: str, name: str) -> None:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls * 20 > len(sample):
        raise DecodeError(name, "not a text file (too many control characters)")


def _try_utf8(data: bytes, warnings: list[str]) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and _utf8_lead(data[error.start :]):
            warnings.append(f"the file ends inside a character; {len(data) - error.start} "
                            "byte(s) at the end were dropped")
            return data[: error.start].decode("utf-8"), "utf-8"
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if multibyte > 20 * bad:
        warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
        return text, "utf-8"
    return None


def _utf8_lead(tail: bytes) -> bool:
    """True if ``tail`` is the valid start of a multi-byte UTF-8 character cut short."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        return decoder.decode(tail, final=False) == ""
    except UnicodeDecodeError:
        return False


def _try_gb18030(data: bytes, warnings: list[str]) -> tuple[str, str] | None:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        if error.start < len(data) - 1:
            return None
        warnings.append("the file ends inside a character; 1 byte at the end was dropped")
        text = data[: error.start].decode("gb18030")
    return (text, "gb18030") if _plausible_chinese(text) else None


def _plausible_chinese(text: str) -> bool:
    """True if most non-ASCII characters are common (GB2312) ones, as in real Chinese text."""
    sample = text[:20000]
    wide = [ch for ch in sample if ord(ch) > 0x7F]
    if not wide:
        return True
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.9 * len(wide)


def _try_detector(data: bytes, warnings: list[str]) -> tuple[str, str] | None:
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None or best.chaos > 0.3:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    warnings.append(f"encoding guessed as {best.encoding} by charset-normalizer")
    return text, best.encoding


def _normalize(text: str, warnings: list[str]) -> str:
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", "")
        warnings.append(f"{nul} NUL character(s) removed")
    return text
