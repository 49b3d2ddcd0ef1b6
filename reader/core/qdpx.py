"""Write a REFI-QDA project (``.qdpx``): tags as codes, notes as annotations and memos,
articles as text sources with their paper and date (docs/formats.md has the mapping)."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree as ET

NAMESPACE = "urn:QDA-XML:project:1.0"
GUIDS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:baokan-reader:qdpx")
"""The namespace of every GUID of an export: the same library ids give the same GUIDs."""
USER_NAME = "Baokan Reader"
VARIABLES = (("paper", "Text"), ("date", "Date"), ("edition", "Text"), ("number", "Text"),
             ("issue", "Text"))
"""The variables every text source may carry (a value only when it is known)."""
NAME_CHARS = 80
"""A source or selection is named by at most this many characters of its title or text."""

_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FILE_UNSAFE = re.compile(r'[\\/:*?"<>|]')
"""Characters a QDA tool that saves a source under its name cannot put in a file name."""
_SPACE = re.compile(r"\s+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")
_RGB = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class QdaCode:
    """A tag, exported as a code."""

    id: int
    name: str
    color: str = ""


@dataclass(frozen=True)
class QdaNote:
    """A note: on the passage ``start:end`` of its article (whose text is ``quote``), or on
    the whole article (``start`` None)."""

    uid: str
    body: str
    start: int | None = None
    end: int | None = None
    quote: str = ""
    created: str = ""
    updated: str = ""


@dataclass(frozen=True)
class QdaSource:
    """An article, exported as a text source (its text goes to the zip, not here)."""

    article_id: int
    title: str
    paper: str = ""
    date: str | None = None
    edition: str = ""
    number: str = ""
    issue: str = ""
    citation: str = ""
    created: str = ""
    codes: tuple[tuple[int, str], ...] = ()
    """(tag id, when the article was tagged) of each of its tags."""
    notes: tuple[QdaNote, ...] = ()
    length: int = 0
    """How many code points its text has (set by ``place``)."""


@dataclass
class QdpxReport:
    """What an export wrote."""

    sources: int = 0
    codes: int = 0
    codings: int = 0
    annotations: int = 0
    memos: int = 0
    cancelled: bool = False
    warnings: list[str] = field(default_factory=list)


def guid(kind: str, key: object) -> str:
    """A stable GUID: ``guid("article", 7)`` is the same in every export."""
    return str(uuid.uuid5(GUIDS, f"{kind}/{key}"))


USER = guid("user", USER_NAME)


def xml_text(text: str | None) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters other
    than tab and line breaks, U+FFFE, U+FFFF, lone surrogates)."""
    return _XML_ILLEGAL.sub("", text or "")


def one_line(text: str | None, limit: int = NAME_CHARS) -> str:
    """A name for a QDA tool's lists: one line, XML-safe, at most ``limit`` characters."""
    line = _SPACE.sub(" ", xml_text(text)).strip()
    return line if len(line) <= limit else line[:limit - 1] + "…"


def source_name(source: QdaSource, text: str) -> str:
    """``2024-08-30 南开区一季度完成全年预算27.2%``: date and title (else the text's start),
    without characters that a tool saving the source under its name cannot use."""
    head = source.title or text[:NAME_CHARS] or f"article {source.article_id}"
    dated = f"{source.date} {head}" if source.date else head
    return _FILE_UNSAFE.sub("_", one_line(dated))


def place(source: QdaSource, text: str) -> QdaSource:
    """``source`` with its length, and each passage note whose passage is not where it says
    (a detached note) turned into a note on the whole article that quotes its passage."""
    notes = []
    for note in source.notes:
        start, end = note.start, note.end
        if start is not None and end is not None and 0 <= start < end <= len(text) \
                and text[start:end] == note.quote:
            notes.append(note)
        else:
            quoted = f"“{note.quote}”\n\n{note.body}" if note.quote else note.body
            notes.append(replace(note, start=None, end=None, body=quoted))
    return replace(source, notes=tuple(notes), length=len(text))


# ---------------------------------------------------------------- the XML
#
# Elements are made without a namespace and written one part at a time under a root that
# declares ``urn:QDA-XML:project:1.0`` as the default namespace, so every element is in it
# and a project of every article of a decade is never one tree in memory.


def _when(stamp: str) -> str | None:
    """An xsd:dateTime, or None for what is not one (the attribute is left out)."""
    return stamp if _DATE_TIME.fullmatch(stamp or "") else None


def _element(parent: ET.Element | None, tag: str, text: str | None = None,
             **attributes: str | None) -> ET.Element:
    """A new element (under ``parent`` if given) with its text and the attributes that
    are not None."""
    values = {k: v for k, v in attributes.items() if v is not None}
    element = ET.Element(tag, values) if parent is None else ET.SubElement(parent, tag, values)
    if text is not None:
        element.text = xml_text(text)
    return element


def _made(stamp: str) -> dict[str, str | None]:
    return {"creatingUser": USER, "creationDateTime": _when(stamp)}


def _codebook(codes: list[QdaCode]) -> ET.Element | None:
    if not codes:
        return None  # a CodeBook needs at least one code
    book = _element(None, "CodeBook")
    holder = _element(book, "Codes")
    for code in codes:
        color = code.color.upper() if _RGB.fullmatch(code.color) else None
        _element(holder, "Code", guid=guid("tag", code.id), name=one_line(code.name, 1000),
                 isCodable="true", color=color)
    return book


def _variables() -> ET.Element:
    holder = _element(None, "Variables")
    for name, kind in VARIABLES:
        _element(holder, "Variable", guid=guid("variable", name), name=name,
                 typeOfVariable=kind)
    return holder


def _text_source(source: QdaSource, name: str, report: QdpxReport) -> ET.Element:
    """One TextSource: passage notes as its selections (the note as their Description),
    its tags as codings of a selection of the whole text, its whole-article notes as
    NoteRefs, its paper, date, edition, number and issue as variable values."""
    key = guid("article", source.article_id)
    element = _element(None, "TextSource", guid=key, name=name,
                       plainTextPath=f"internal://{key}.txt", **_made(source.created))
    if source.citation:
        _element(element, "Description", source.citation)
    for note in source.notes:
        if note.start is not None and note.end is not None:
            selection = _element(element, "PlainTextSelection", guid=guid("passage", note.uid),
                                 name=one_line(note.quote), startPosition=str(note.start),
                                 endPosition=str(note.end), **_made(note.created))
            _element(selection, "Description", note.body)
            report.annotations += 1
    if source.codes:
        whole = _element(element, "PlainTextSelection", guid=guid("text", source.article_id),
                         name=name, startPosition="0", endPosition=str(source.length))
        for tag_id, tagged in source.codes:
            coding = _element(whole, "Coding", guid=guid("coding", f"{source.article_id}/"
                                                        f"{tag_id}"), **_made(tagged))
            _element(coding, "CodeRef", targetGUID=guid("tag", tag_id))
            report.codings += 1
    for note in source.notes:
        if note.start is None:
            _element(element, "NoteRef", targetGUID=guid("note", note.uid))
    _values(element, source)
    return element


def _values(element: ET.Element, source: QdaSource) -> None:
    values = {"paper": source.paper, "edition": source.edition, "number": source.number,
              "issue": source.issue}
    for name, kind in VARIABLES:
        if kind == "Date":
            value = source.date if source.date and _DATE.fullmatch(source.date) else ""
        else:
            value = one_line(values[name], 1000)
        if value:
            holder = _element(element, "VariableValue")
            _element(holder, "VariableRef", targetGUID=guid("variable", name))
            _element(holder, "DateValue" if kind == "Date" else "TextValue", value)


def _memo(source_name_: str, note: QdaNote) -> ET.Element:
    """A note on a whole article, as a Note (a memo) its TextSource refers to."""
    element = _element(None, "Note", guid=guid("note", note.uid),
                       name=one_line(f"{source_name_}: {note.body}"), **_made(note.created))
    if _when(note.updated):
        element.set("modifyingUser", USER)
        element.set("modifiedDateTime", note.updated)
    _element(element, "PlainTextContent", note.body)
    return element


class ProjectWriter:
    """Writes ``project.qde`` to a binary stream part by part: the head at once, each text
    source as it comes (``add``), the memos at the end (``close``)."""

    def __init__(self, stream: BinaryIO, name: str, origin: str, stamp: str,
                 codes: list[QdaCode], report: QdpxReport) -> None:
        self._stream = stream
        self._report = report
        self._memos: list[tuple[str, QdaNote]] = []
        self._sources = 0
        root = _element(None, "Project", xmlns=NAMESPACE, name=one_line(name, 1000),
                        origin=one_line(origin, 1000), creatingUserGUID=USER,
                        creationDateTime=_when(stamp))
        opening = ET.tostring(root, encoding="unicode").removesuffix(" />") + ">\n"
        self._write("<?xml version='1.0' encoding='utf-8'?>\n" + opening)
        users = _element(None, "Users")
        _element(users, "User", guid=USER, name=USER_NAME)
        self._part(users, 1)
        if (book := _codebook(codes)) is not None:
            self._part(book, 1)
        report.codes = len(codes)
        self._part(_variables(), 1)

    def _write(self, text: str) -> None:
        self._stream.write(text.encode("utf-8"))

    def _part(self, element: ET.Element, level: int) -> None:
        ET.indent(element, space=" ", level=level)
        self._write(" " * level + ET.tostring(element, encoding="unicode").rstrip() + "\n")

    def add(self, source: QdaSource, name: str) -> None:
        """Write one (placed) source; its whole-article notes are kept for ``close``."""
        if not self._sources:
            self._write(" <Sources>\n")
        self._sources += 1
        self._part(_text_source(source, name, self._report), 2)
        self._memos += [(name, note) for note in source.notes if note.start is None]

    def close(self) -> None:
        """End the sources; write the memos (Notes) and the end of the project."""
        if self._sources:
            self._write(" </Sources>\n")
        if self._memos:
            self._write(" <Notes>\n")
            for name, note in self._memos:
                self._part(_memo(name, note), 2)
            self._write(" </Notes>\n")
        self._report.memos = len(self._memos)
        self._report.sources = self._sources
        self._write("</Project>\n")


def project_xml(name: str, origin: str, stamp: str, codes: list[QdaCode],
                sources: list[tuple[QdaSource, str]], report: QdpxReport | None = None
                ) -> bytes:
    """``project.qde`` of placed sources (each with its name), as UTF-8 XML."""
    stream = BytesIO()
    writer = ProjectWriter(stream, name, origin, stamp, codes,
                           report if report is not None else QdpxReport())
    for source, shown in sources:
        writer.add(source, shown)
    writer.close()
    return stream.getvalue()


# ---------------------------------------------------------------- the zip

Progress = Callable[[int, int, str], None]


def write_qdpx(target: str | Path, name: str, origin: str, stamp: str, codes: list[QdaCode],
               sources: Iterable[tuple[QdaSource, str]], total: int = 0,
               progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> QdpxReport:
    """Write the project to ``target``: each source's text goes to ``Sources/`` as it
    comes (UTF-8 without BOM, exactly as given: positions count its code points) and its
    part of ``project.qde`` to a temporary file, added last. Memory holds one article at
    a time. The file appears whole or not at all (written beside it, then moved); a
    cancelled or failed export leaves nothing."""
    target = Path(target)
    report = QdpxReport()
    handle, temporary = tempfile.mkstemp(prefix=".qdpx-", dir=target.parent)
    os.close(handle)
    try:
        with tempfile.TemporaryFile() as qde, \
                zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            writer = ProjectWriter(qde, name, origin, stamp, codes, report)
            report.cancelled = not _write_sources(archive, writer, sources, total, progress,
                                                  cancelled)
            writer.close()
            qde.seek(0)
            with archive.open("project.qde", "w") as entry:
                shutil.copyfileobj(qde, entry)
        if report.cancelled:
            os.unlink(temporary)
        else:
            os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return report


def _write_sources(archive: zipfile.ZipFile, writer: ProjectWriter,
                   sources: Iterable[tuple[QdaSource, str]], total: int,
                   progress: Progress | None, cancelled: Callable[[], bool] | None) -> bool:
    """Each source's text into the archive and its part into the project; False when
    cancelled."""
    for done, (source, text) in enumerate(sources, 1):
        if cancelled is not None and cancelled():
            return False
        archive.writestr(f"Sources/{guid('article', source.article_id)}.txt",
                         text.encode("utf-8", "replace"))
        shown = source_name(source, text)
        writer.add(place(source, text), shown)
        if progress is not None:
            progress(done, max(total, done), shown)
    return True
