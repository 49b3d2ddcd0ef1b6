"""Write a REFI-QDA project (``.qdpx``): tags as codes, notes as annotations and memos,
articles as text sources with their paper and date (docs/formats.md has the mapping)."""

from __future__ import annotations

import os
import re
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
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

ET.register_namespace("", NAMESPACE)


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


def _when(stamp: str) -> str | None:
    """An xsd:dateTime, or None for what is not one (the attribute is left out)."""
    return stamp if _DATE_TIME.fullmatch(stamp or "") else None


def _element(parent: ET.Element, tag: str, text: str | None = None,
             **attributes: str | None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}",
                            {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = xml_text(text)
    return element


def _made(stamp: str) -> dict[str, str | None]:
    return {"creatingUser": USER, "creationDateTime": _when(stamp)}


def _codebook(root: ET.Element, codes: list[QdaCode]) -> None:
    if not codes:
        return
    holder = _element(_element(root, "CodeBook"), "Codes")
    for code in codes:
        color = code.color.upper() if _RGB.fullmatch(code.color) else None
        _element(holder, "Code", guid=guid("tag", code.id), name=one_line(code.name, 1000),
                 isCodable="true", color=color)


def _variables(root: ET.Element) -> None:
    holder = _element(root, "Variables")
    for name, kind in VARIABLES:
        _element(holder, "Variable", guid=guid("variable", name), name=name,
                 typeOfVariable=kind)


def _text_source(parent: ET.Element, source: QdaSource, name: str, report: QdpxReport
                 ) -> list[QdaNote]:
    """One TextSource; returns its whole-article notes (memos, written under Notes)."""
    key = guid("article", source.article_id)
    element = _element(parent, "TextSource", guid=key, name=name,
                       plainTextPath=f"internal://{key}.txt", **_made(source.created))
    if source.citation:
        _element(element, "Description", source.citation)
    memos = [note for note in source.notes if note.start is None]
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
    for note in memos:
        _element(element, "NoteRef", targetGUID=guid("note", note.uid))
    _values(element, source)
    return memos


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


def _notes(root: ET.Element, memos: list[tuple[str, QdaNote]], report: QdpxReport) -> None:
    if not memos:
        return
    holder = _element(root, "Notes")
    for source_name_, note in memos:
        element = _element(holder, "Note", guid=guid("note", note.uid),
                           name=one_line(f"{source_name_}: {note.body}"),
                           modifyingUser=None, **_made(note.created))
        if _when(note.updated):
            element.set("modifyingUser", USER)
            element.set("modifiedDateTime", note.updated)
        _element(element, "PlainTextContent", note.body)
        report.memos += 1


def project_xml(name: str, origin: str, stamp: str, codes: list[QdaCode],
                sources: list[tuple[QdaSource, str]], report: QdpxReport | None = None
                ) -> bytes:
    """``project.qde``: the project with its user, codebook, variables, text sources (each
    placed, with its name) and memos, as UTF-8 XML."""
    report = report if report is not None else QdpxReport()
    root = ET.Element(f"{{{NAMESPACE}}}Project",
                      {k: v for k, v in (("name", one_line(name, 1000)),
                                         ("origin", one_line(origin, 1000)),
                                         ("creatingUserGUID", USER),
                                         ("creationDateTime", _when(stamp))) if v})
    _element(_element(root, "Users"), "User", guid=USER, name=USER_NAME)
    _codebook(root, codes)
    report.codes = len(codes)
    _variables(root)
    memos: list[tuple[str, QdaNote]] = []
    if sources:
        holder = _element(root, "Sources")
        for source, shown in sources:
            memos += [(shown, note) for note in _text_source(holder, source, shown, report)]
    _notes(root, memos, report)
    ET.indent(root, space=" ")
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


# ---------------------------------------------------------------- the zip

Progress = Callable[[int, int, str], None]


def write_qdpx(target: str | Path, name: str, origin: str, stamp: str, codes: list[QdaCode],
               sources: Iterable[tuple[QdaSource, str]], total: int = 0,
               progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> QdpxReport:
    """Write the project to ``target``: each source's text is written to ``Sources/`` as it
    comes (UTF-8 without BOM, exactly as given: positions count its code points), then
    ``project.qde``. The file appears whole or not at all (written beside it, then moved);
    a cancelled export leaves nothing."""
    target = Path(target)
    report = QdpxReport()
    handle, temporary = tempfile.mkstemp(prefix=".qdpx-", dir=target.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            placed = _write_sources(archive, sources, total, progress, cancelled)
            if placed is None:
                report.cancelled = True
            else:
                archive.writestr("project.qde", project_xml(name, origin, stamp, codes, placed,
                                                            report))
                report.sources = len(placed)
        if report.cancelled:
            os.unlink(temporary)
        else:
            os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return report


def _write_sources(archive: zipfile.ZipFile, sources: Iterable[tuple[QdaSource, str]],
                   total: int, progress: Progress | None,
                   cancelled: Callable[[], bool] | None
                   ) -> list[tuple[QdaSource, str]] | None:
    """Each source's text into the archive; the sources placed and named (not their
    texts), or None when cancelled."""
    placed = []
    for done, (source, text) in enumerate(sources, 1):
        if cancelled is not None and cancelled():
            return None
        archive.writestr(f"Sources/{guid('article', source.article_id)}.txt",
                         text.encode("utf-8", "replace"))
        placed.append((place(source, text), source_name(source, text)))
        if progress is not None:
            progress(done, max(total, done), placed[-1][1])
    return placed
